package plan

import (
	"slices"
	"testing"
)

// backupOption returns the ranked option of one specialty.
func backupOption(t *testing.T, options []BackupOption, s Specialty) BackupOption {
	t.Helper()
	i := slices.IndexFunc(options, func(o BackupOption) bool { return o.Specialty == s })
	if i < 0 {
		t.Fatalf("specialty %q missing from the ranking", s)
	}
	return options[i]
}

// hasPart reports whether the option's score includes a term with the label.
func hasPart(o BackupOption, label string) bool {
	return slices.ContainsFunc(o.Breakdown, func(p ScorePart) bool { return p.Label == label })
}

func TestBackupRankingCoversAllSix(t *testing.T) {
	options := rankBackups(upperTier2Profile(), Assess(upperTier2Profile()))
	if len(options) != len(backupSpecialties) {
		t.Fatalf("ranked %d specialties, want %d", len(options), len(backupSpecialties))
	}
	seen := map[Specialty]bool{}
	for i, o := range options {
		if o.Rank != i+1 {
			t.Errorf("option %d has rank %d", i, o.Rank)
		}
		if seen[o.Specialty] {
			t.Errorf("specialty %q ranked twice", o.Specialty)
		}
		seen[o.Specialty] = true
		sum := 0
		for _, part := range o.Breakdown {
			sum += part.Points
		}
		if sum != o.Score {
			t.Errorf("%s: breakdown adds to %d, score is %d", o.Specialty, sum, o.Score)
		}
		if len(o.Reasons) == 0 || len(o.Cautions) == 0 || len(o.ENTPaths) == 0 {
			t.Errorf("%s: want reasons, cautions and ENT paths, got %d, %d, %d", o.Specialty, len(o.Reasons), len(o.Cautions), len(o.ENTPaths))
		}
		if o.Figures.Positions == 0 || o.Figures.Source == "" {
			t.Errorf("%s: figures %+v lack positions or source", o.Specialty, o.Figures)
		}
	}
}

func TestBackupRankingFollowsInterest(t *testing.T) {
	tests := []struct {
		name      string
		interests Interests
		want      Specialty
	}{
		{"children first ranks Pediatrics first", Interests{Children: 3}, SpecialtyPeds},
		{"diagnosis first ranks Internal Medicine first", Interests{Diagnosis: 3}, SpecialtyIM},
		{"lifestyle first ranks Family Medicine first", Interests{Lifestyle: 3}, SpecialtyFM},
		{"neuroscience first ranks Neurology first", Interests{Neuro: 3}, SpecialtyNeuro},
		{"surgery first ranks General Surgery first", Interests{Surgery: 3}, SpecialtyGS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tier1Profile()
			p.Interests = tt.interests
			if got := rankBackups(p, Assess(p))[0].Specialty; got != tt.want {
				t.Errorf("top backup = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGeneralSurgeryRealisticByTier(t *testing.T) {
	lowerTier2 := upperTier2Profile()
	lowerTier2.Step2 = 249
	tests := []struct {
		name          string
		profile       Profile
		wantRealistic bool
	}{
		{"tier 1", tier1Profile(), true},
		{"upper tier 2", upperTier2Profile(), true},
		{"lower tier 2 at Step 2 CK 249", lowerTier2, false},
		{"tier 3", tier3Profile(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gs := backupOption(t, rankBackups(tt.profile, Assess(tt.profile)), SpecialtyGS)
			if gs.Realistic != tt.wantRealistic {
				t.Errorf("realistic = %v, want %v", gs.Realistic, tt.wantRealistic)
			}
			if got := hasPart(gs, "Not a real backup below upper Tier 2"); got == tt.wantRealistic {
				t.Errorf("penalty applied = %v, want %v", got, !tt.wantRealistic)
			}
		})
	}
}

func TestVisaAdjustsBackups(t *testing.T) {
	tests := []struct {
		name           string
		visa           Visa
		wantEMPenalty  bool
		wantH1BPenalty map[Specialty]bool
	}{
		{"no visa", VisaNone, false, nil},
		{"J-1", VisaJ1, true, nil},
		{"H-1B", VisaH1B, true, map[Specialty]bool{
			SpecialtyGS: true, SpecialtyIM: false, SpecialtyFM: false,
			SpecialtyPeds: true, SpecialtyNeuro: true, SpecialtyEM: true,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := upperTier2Profile()
			p.Visa = tt.visa
			options := rankBackups(p, Assess(p))
			em := backupOption(t, options, SpecialtyEM)
			if got := hasPart(em, "Few programs for applicants who need a visa"); got != tt.wantEMPenalty {
				t.Errorf("Emergency Medicine visa penalty = %v, want %v", got, tt.wantEMPenalty)
			}
			for _, s := range backupSpecialties {
				o := backupOption(t, options, s)
				if got := hasPart(o, "Few programs likely to sponsor H-1B"); got != tt.wantH1BPenalty[s] {
					t.Errorf("%s H-1B penalty = %v, want %v", s, got, tt.wantH1BPenalty[s])
				}
				if got := containsText(o.Cautions, "H-1B"); got != (tt.visa == VisaH1B) {
					t.Errorf("%s H-1B caution = %v, want %v", s, got, tt.visa == VisaH1B)
				}
			}
		})
	}
}

func TestFlexibilityBonuses(t *testing.T) {
	const fmLabel = "Forgiving of modest scores, failed attempts and older graduation"
	const imLabel = "Flexible about failed attempts and older graduation"
	tests := []struct {
		name   string
		edit   func(*Profile)
		wantFM bool
		wantIM bool
	}{
		{"Step 2 CK 250, recent graduate, no failure", func(p *Profile) { p.Step2 = 250 }, false, false},
		{"Step 2 CK 249 earns the Family Medicine bonus", func(p *Profile) { p.Step2 = 249 }, true, false},
		{"Step 2 CK pending earns the Family Medicine bonus", func(p *Profile) { p.Step2 = 0 }, true, false},
		{"graduated 3 years before the Match", func(p *Profile) { p.GradYear = p.MatchYear - 3 }, false, false},
		{"graduated 4 years before the Match earns both bonuses", func(p *Profile) { p.GradYear = p.MatchYear - 4 }, true, true},
		{"one failure earns both bonuses", func(p *Profile) { p.Failures = 1 }, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := upperTier2Profile()
			tt.edit(&p)
			options := rankBackups(p, Assess(p))
			if got := hasPart(backupOption(t, options, SpecialtyFM), fmLabel); got != tt.wantFM {
				t.Errorf("Family Medicine bonus = %v, want %v", got, tt.wantFM)
			}
			if got := hasPart(backupOption(t, options, SpecialtyIM), imLabel); got != tt.wantIM {
				t.Errorf("Internal Medicine bonus = %v, want %v", got, tt.wantIM)
			}
		})
	}
}

func TestBackupTiesGoToHigherIMGShare(t *testing.T) {
	// In Tier 1, Pediatrics and Neurology both earn 6 accessibility points,
	// so with equal interests their scores tie. Neurology took the higher
	// non-US IMG share in 2025 (23.9% against 18.8%), so it ranks first.
	p := tier1Profile()
	p.Interests = Interests{Surgery: 1, Children: 1, Diagnosis: 1, Acute: 1, Neuro: 1, Lifestyle: 1}
	options := rankBackups(p, Assess(p))
	peds := backupOption(t, options, SpecialtyPeds)
	neuro := backupOption(t, options, SpecialtyNeuro)
	if peds.Score != neuro.Score {
		t.Fatalf("scores differ (Pediatrics %d, Neurology %d); the tie this test needs is gone", peds.Score, neuro.Score)
	}
	if neuro.Rank != peds.Rank-1 {
		t.Errorf("Neurology rank %d, Pediatrics rank %d; want Neurology just ahead", neuro.Rank, peds.Rank)
	}
}

func TestBackupRankingIsDeterministic(t *testing.T) {
	p := upperTier2Profile()
	first := rankBackups(p, Assess(p))
	for range 20 {
		again := rankBackups(p, Assess(p))
		for i := range first {
			if again[i].Specialty != first[i].Specialty || again[i].Score != first[i].Score {
				t.Fatalf("ranking changed between runs at %d: %s/%d then %s/%d",
					i, first[i].Specialty, first[i].Score, again[i].Specialty, again[i].Score)
			}
		}
	}
}

func TestSpecialtyTable(t *testing.T) {
	rows := SpecialtyTable()
	if len(rows) != len(backupSpecialties)+2 {
		t.Fatalf("rows = %d, want ENT, six backups and preliminary surgery", len(rows))
	}
	if rows[0].Specialty != SpecialtyENT || rows[0].Positions != 394 || rows[0].NonUSIMGPercent != 0 {
		t.Errorf("ENT row = %+v, want 394 positions and no IMG share (not found)", rows[0])
	}
	im, ok := Figures(SpecialtyIM)
	if !ok || im.Positions != 10941 || im.NonUSIMGPercent != 32.7 || !im.Secondary || im.Season != 2025 {
		t.Errorf("Internal Medicine = %+v, want 10,941 positions, 32.7%% non-US IMG, 2025, secondary", im)
	}
	if _, ok := Figures("ortho"); ok {
		t.Error("Figures found an unknown specialty")
	}
}
