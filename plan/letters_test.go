package plan

import (
	"slices"
	"testing"
)

// assigned writes an assignment's letters as "writer:count" strings.
func assigned(a LetterAssignment) []string {
	var out []string
	for _, l := range a.Letters {
		out = append(out, string(l.Writer)+":"+itoa(l.Count))
	}
	return out
}

func TestLetterAssignment(t *testing.T) {
	tests := []struct {
		name          string
		letters       Letters
		backup        Specialty
		wantENT       []string
		wantBackup    []string
		wantENTNote   bool
		wantENTToBack bool
	}{
		{
			name:    "plenty of letters fill four slots each",
			letters: Letters{ENTUS: 10, ENTIntl: 10, Surgery: 10, IM: 10, FM: 10, Peds: 10, Neuro: 10, EM: 10, Other: 10},
			backup:  SpecialtyIM,
			wantENT: []string{"letters_ent_us:3", "letters_surgery:1"}, wantBackup: []string{"letters_im:3", "letters_other:1"},
		},
		{
			name:    "international ENT letters fill in behind US ones",
			letters: Letters{ENTUS: 1, ENTIntl: 3, Surgery: 2, FM: 2},
			backup:  SpecialtyFM,
			wantENT: []string{"letters_ent_us:1", "letters_ent_intl:2", "letters_surgery:1"}, wantBackup: []string{"letters_fm:2", "letters_surgery:2"},
			wantENTNote: true,
		},
		{
			name:    "ENT letters go to Internal Medicine only when no general letter exists",
			letters: Letters{ENTUS: 2, IM: 2},
			backup:  SpecialtyIM,
			wantENT: []string{"letters_ent_us:2", "letters_im:1"}, wantBackup: []string{"letters_im:2", "letters_ent_us:1"},
			wantENTToBack: true,
		},
		{
			name:    "General Surgery takes an ENT letter without a warning",
			letters: Letters{ENTUS: 2, Surgery: 2},
			backup:  SpecialtyGS,
			wantENT: []string{"letters_ent_us:2", "letters_surgery:2"}, wantBackup: []string{"letters_surgery:2", "letters_ent_us:1"},
		},
		{
			name:    "no letters assign nothing",
			backup:  SpecialtyPeds,
			wantENT: nil, wantBackup: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := upperTier2Profile()
			p.Letters = tt.letters
			lp := planLetters(p, tt.backup, 30)
			if len(lp.Assignments) != 2 {
				t.Fatalf("assignments = %d, want ENT and backup", len(lp.Assignments))
			}
			ent, backup := lp.Assignments[0], lp.Assignments[1]
			if got := assigned(ent); !slices.Equal(got, tt.wantENT) {
				t.Errorf("ENT letters = %v, want %v", got, tt.wantENT)
			}
			if got := assigned(backup); !slices.Equal(got, tt.wantBackup) {
				t.Errorf("backup letters = %v, want %v", got, tt.wantBackup)
			}
			for _, a := range lp.Assignments {
				if a.Total > MaxLettersPerProgram {
					t.Errorf("%s programs get %d letters, more than %d", a.Specialty, a.Total, MaxLettersPerProgram)
				}
			}
			if got := containsText(ent.Notes, "outside the US"); got != tt.wantENTNote {
				t.Errorf("international-letter note = %v, want %v", got, tt.wantENTNote)
			}
			if got := containsText(backup.Notes, "skills that carry over"); got != tt.wantENTToBack {
				t.Errorf("ENT-letter warning = %v, want %v", got, tt.wantENTToBack)
			}
		})
	}
}

func TestLetterNeedsAndGaps(t *testing.T) {
	tests := []struct {
		name        string
		letters     Letters
		entPrograms int
		wantMissing [4]int
		wantGaps    []string
	}{
		{
			name: "no letters miss every group", entPrograms: 20,
			wantMissing: [4]int{2, 1, 2, 1},
			wantGaps:    []string{"no letters from US otolaryngologists", "Ask a surgeon", "get 2 more", "1 general letter"},
		},
		{
			name: "one US ENT letter asks for one more", letters: Letters{ENTUS: 1, Surgery: 1, IM: 2, Other: 1}, entPrograms: 20,
			wantMissing: [4]int{1, 0, 0, 0},
			wantGaps:    []string{"You have 1 letter from US otolaryngologists. ENT programs weigh US letters most: 1 more would rate your ENT letters strong, beyond the minimum the table counts."},
		},
		{
			name: "two US ENT letters meet the ENT need", letters: Letters{ENTUS: 2, Surgery: 1, IM: 2, Other: 1}, entPrograms: 20,
			wantMissing: [4]int{0, 0, 0, 0},
		},
		{
			name: "no ENT programs need no ENT letters", entPrograms: 0,
			wantMissing: [4]int{2, 1, 2, 1},
			wantGaps:    []string{"get 2 more", "1 general letter"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := upperTier2Profile()
			p.Letters = tt.letters
			lp := planLetters(p, SpecialtyIM, tt.entPrograms)
			got := [4]int{lp.ENT[0].Missing, lp.ENT[1].Missing, lp.Backup[0].Missing, lp.Backup[1].Missing}
			if got != tt.wantMissing {
				t.Errorf("missing = %v, want %v", got, tt.wantMissing)
			}
			if len(lp.Gaps) != len(tt.wantGaps) {
				t.Errorf("gaps = %q, want %d", lp.Gaps, len(tt.wantGaps))
			}
			for _, want := range tt.wantGaps {
				if !containsText(lp.Gaps, want) {
					t.Errorf("gaps = %q, want one containing %q", lp.Gaps, want)
				}
			}
			if tt.entPrograms == 0 && len(lp.Assignments) != 1 {
				t.Errorf("assignments = %d, want only the backup without ENT programs", len(lp.Assignments))
			}
		})
	}
}

func TestWriterLabelFor(t *testing.T) {
	for _, tt := range []struct {
		w    Writer
		n    int
		want string
	}{
		{WriterENTUS, 1, "US otolaryngologist"},
		{WriterENTUS, 3, "US otolaryngologists"},
		{WriterENTIntl, 1, "otolaryngologist outside the US"},
		{WriterENTIntl, 2, "otolaryngologists outside the US"},
		{WriterFM, 2, "family physicians"},
		{WriterOther, 2, "other writers"},
		{WriterSurgery, 1, "surgeon"},
	} {
		if got := tt.w.LabelFor(tt.n); got != tt.want {
			t.Errorf("%s.LabelFor(%d) = %q, want %q", tt.w, tt.n, got, tt.want)
		}
	}
}
