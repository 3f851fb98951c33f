package plan

import (
	"strings"
	"testing"
)

func schedule(t *testing.T, season int) FeeSchedule {
	t.Helper()
	s, note := ScheduleFor(season)
	if s.Season != season || note != "" {
		t.Fatalf("ScheduleFor(%d) = season %d, note %q; want that season with no note", season, s.Season, note)
	}
	return s
}

func TestFeesReproducePublishedExamples(t *testing.T) {
	s2025 := schedule(t, 2025)
	s2026 := schedule(t, 2026)
	tests := []struct {
		name string
		got  int
		want int
	}{
		{"AAMC 43 Internal Medicine + 7 Radiology, 2025 season", s2025.ERAS.Cost(43) + s2025.ERAS.Cost(7), 797},
		{"AAMC 43 Internal Medicine + 7 Radiology, 2026 season", s2026.ERAS.Cost(43) + s2026.ERAS.Cost(7), 797},
		{"AAMC 32 Internal Medicine + 32 Emergency Medicine on ERAS, 2026 season", s2026.ERAS.Cost(32) + s2026.ERAS.Cost(32), 780},
		{"ResidencyCAS 46 programs, 2026 season", s2026.ResidencyCAS.Cost(46), 683},
		{"ResidencyCAS 46 Emergency Medicine programs through ApplicationFee", s2026.ApplicationFee(SpecialtyEM, 46), 683},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("fee = $%d, want $%d", tt.got, tt.want)
			}
		})
	}
}

func TestFeeBandEdges(t *testing.T) {
	eras2024 := schedule(t, 2024).ERAS
	eras2026 := schedule(t, 2026).ERAS
	rcas2026 := schedule(t, 2026).ResidencyCAS
	tests := []struct {
		name     string
		bands    FeeBands
		programs int
		want     int
	}{
		{"ERAS 2026 no programs", eras2026, 0, 0},
		{"ERAS 2026 negative count", eras2026, -3, 0},
		{"ERAS 2026 one program", eras2026, 1, 11},
		{"ERAS 2026 last program of first band", eras2026, 30, 330},
		{"ERAS 2026 first program of second band", eras2026, 31, 360},
		{"ERAS 2026 second program of second band", eras2026, 32, 390},
		{"ERAS 2024 one program pays the flat band", eras2024, 1, 99},
		{"ERAS 2024 ten programs pay the flat band", eras2024, 10, 99},
		{"ERAS 2024 eleven programs", eras2024, 11, 118},
		{"ERAS 2024 twenty programs", eras2024, 20, 289},
		{"ERAS 2024 twenty-one programs", eras2024, 21, 312},
		{"ERAS 2024 thirty programs", eras2024, 30, 519},
		{"ERAS 2024 thirty-one programs", eras2024, 31, 546},
		{"ResidencyCAS one program pays the flat band", rcas2026, 1, 99},
		{"ResidencyCAS eighteen programs", rcas2026, 18, 99},
		{"ResidencyCAS nineteen programs", rcas2026, 19, 117},
		{"ResidencyCAS thirty programs", rcas2026, 30, 315},
		{"ResidencyCAS thirty-one programs", rcas2026, 31, 338},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.bands.Cost(tt.programs); got != tt.want {
				t.Errorf("Cost(%d) = $%d, want $%d", tt.programs, got, tt.want)
			}
		})
	}
}

func TestScheduleForSeason(t *testing.T) {
	tests := []struct {
		name       string
		matchYear  int
		wantSeason int
		wantNote   string
		wantEM     Service
	}{
		{"before the earliest season uses 2024", 2023, 2024, "earliest", ServiceERAS},
		{"2024 season has Emergency Medicine on ERAS", 2024, 2024, "", ServiceERAS},
		{"2025 season has Emergency Medicine on ERAS", 2025, 2025, "", ServiceERAS},
		{"2026 season moves Emergency Medicine to ResidencyCAS", 2026, 2026, "", ServiceResidencyCAS},
		{"2027 season is not found and uses 2026", 2027, 2026, "were not found", ServiceResidencyCAS},
		{"2030 season uses 2026", 2030, 2026, "were not found", ServiceResidencyCAS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, note := ScheduleFor(tt.matchYear)
			if s.Season != tt.wantSeason {
				t.Errorf("season = %d, want %d", s.Season, tt.wantSeason)
			}
			if tt.wantNote == "" && note != "" {
				t.Errorf("note = %q, want none", note)
			}
			if !strings.Contains(note, tt.wantNote) {
				t.Errorf("note = %q, want it to contain %q", note, tt.wantNote)
			}
			if got := s.ServiceFor(SpecialtyEM); got != tt.wantEM {
				t.Errorf("Emergency Medicine service = %q, want %q", got, tt.wantEM)
			}
			if got := s.ServiceFor(SpecialtyIM); got != ServiceERAS {
				t.Errorf("Internal Medicine service = %q, want eras", got)
			}
		})
	}
}

func TestFeeSchedulesAreCopies(t *testing.T) {
	schedules := FeeSchedules()
	schedules[0].ERAS[0].Flat = 1
	if again := FeeSchedules(); again[0].ERAS[0].Flat != 99 {
		t.Errorf("changing a returned schedule changed the planner's data: flat band = %d", again[0].ERAS[0].Flat)
	}
}

func TestFeeSchedulesHaveSources(t *testing.T) {
	for _, s := range FeeSchedules() {
		fees := map[string]Fee{"token": s.Token, "transcript": s.Transcript, "nrmp": s.NRMPRegistration, "extra rank": s.NRMPExtraRank, "step 3": s.Step3}
		for name, fee := range fees {
			if fee.Amount <= 0 || !strings.Contains(fee.Source, "https://") {
				t.Errorf("season %d %s = %+v, want an amount and a source URL", s.Season, name, fee)
			}
		}
		if !strings.Contains(s.ERASSource, "https://") {
			t.Errorf("season %d ERAS source = %q, want a URL", s.Season, s.ERASSource)
		}
		if s.EMService == ServiceResidencyCAS && (len(s.ResidencyCAS) == 0 || s.ResidencyCASSource == "") {
			t.Errorf("season %d uses ResidencyCAS without bands or source", s.Season)
		}
	}
}
