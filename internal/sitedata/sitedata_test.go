package sitedata

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestExportIsCurrent(t *testing.T) {
	want, err := Marshal(Build())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", Path))
	if err != nil {
		t.Fatalf("read export: %v (run `make generate`)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: the planner's values changed; run `make generate` and commit the result", Path)
	}
}

func TestSourceTitle(t *testing.T) {
	tests := []struct {
		text, url, want string
	}{
		{"NRMP Charting Outcomes 2024, via https://a.example/x (secondary source)", "https://a.example/x", "NRMP Charting Outcomes 2024"},
		{"FSMB: https://b.example/", "https://b.example/", "FSMB"},
		{"NRMP 2025 Main Residency Match, compiled at https://c.example/y (secondary source)", "https://c.example/y", "NRMP 2025 Main Residency Match"},
		{"SAEM: https://d.example/1 and CORD: https://d.example/2", "https://d.example/2", "CORD"},
		{"SAEM: https://d.example/1 and CORD: https://d.example/2", "https://d.example/1", "SAEM"},
	}
	for _, tt := range tests {
		if got := sourceTitle(tt.text, tt.url); got != tt.want {
			t.Errorf("sourceTitle(%q, %q) = %q, want %q", tt.text, tt.url, got, tt.want)
		}
	}
}

func TestSeasonList(t *testing.T) {
	tests := []struct {
		seasons []int
		unit    string
		want    string
	}{
		{[]int{2026}, "season", "2026 season"},
		{[]int{2025, 2026}, "season", "2025 and 2026 seasons"},
		{[]int{2024, 2025, 2026}, "season", "2024, 2025 and 2026 seasons"},
		{[]int{2025, 2026}, "Match", "2025 and 2026 Matches"},
	}
	for _, tt := range tests {
		if got := seasonList(tt.seasons, tt.unit); got != tt.want {
			t.Errorf("seasonList(%v, %q) = %q, want %q", tt.seasons, tt.unit, got, tt.want)
		}
	}
}

func TestSourcesCiteEveryFeeAndFigure(t *testing.T) {
	d := Build()
	cited := map[string]bool{}
	for _, s := range d.Sources {
		if s.Title == "" {
			t.Errorf("source %s has no title", s.URL)
		}
		if len(s.Uses) == 0 {
			t.Errorf("source %s lists no use", s.URL)
		}
		cited[s.URL] = true
	}
	var quoted []string
	for _, row := range d.Specialties {
		quoted = append(quoted, row.Source)
	}
	for _, f := range d.FeeSchedules {
		quoted = append(quoted, f.ERASSource, f.Token.Source, f.Transcript.Source, f.NRMPRegistration.Source, f.Step3.Source)
	}
	for _, r := range d.Rules {
		quoted = append(quoted, r.Source)
	}
	for _, text := range quoted {
		for _, url := range urlPattern.FindAllString(text, -1) {
			if !cited[url] {
				t.Errorf("%s is quoted in %q but missing from the sources list", url, text)
			}
		}
	}
}
