package plan

import (
	"strings"
	"testing"
)

func TestApplicationCountsPerTier(t *testing.T) {
	lowerTier2 := upperTier2Profile()
	lowerTier2.Step2 = 240
	h1bUpperTier2 := upperTier2Profile()
	h1bUpperTier2.Visa = VisaH1B
	h1bTier3 := tier3Profile()
	h1bTier3.Visa = VisaH1B

	tests := []struct {
		name       string
		profile    Profile
		wantTier   string
		wantENT    int
		wantBackup int
	}{
		{"tier 1 applies broadly to ENT", tier1Profile(), "Tier 1", 90, 20},
		{"upper tier 2 takes the top of the ENT range", upperTier2Profile(), "Tier 2 (upper)", 30, 100},
		{"lower tier 2 takes the recommended ENT count", lowerTier2, "Tier 2 (lower)", 20, 100},
		{"H-1B need takes the top of the backup range", h1bUpperTier2, "Tier 2 (upper)", 30, 120},
		{"tier 3 keeps ENT to a reach", tier3Profile(), "Tier 3", 5, 125},
		{"tier 3 with H-1B need takes the top of the backup range", h1bTier3, "Tier 3", 5, 150},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := Build(tt.profile, testToday)
			if plan.TierLabel != tt.wantTier {
				t.Fatalf("tier = %s, want %s", plan.TierLabel, tt.wantTier)
			}
			if got := plan.Applications.ENTPrograms; got != tt.wantENT {
				t.Errorf("ENT programs = %d, want %d", got, tt.wantENT)
			}
			if got := plan.Applications.BackupPrograms; got != tt.wantBackup {
				t.Errorf("backup programs = %d, want %d", got, tt.wantBackup)
			}
			if plan.Cost.Budget.Status != BudgetUnlimited {
				t.Errorf("budget status = %q, want unlimited", plan.Cost.Budget.Status)
			}
		})
	}
}

func TestApplicationCostItems(t *testing.T) {
	emTier1 := tier1Profile()
	emTier1.Visa = VisaNone
	emTier1.Interests = Interests{Acute: 3}
	h1b := upperTier2Profile()
	h1b.Visa = VisaH1B
	h1bPassed := h1b
	h1bPassed.Step3 = Step3Passed

	tests := []struct {
		name        string
		profile     Profile
		wantBackup  Specialty
		wantItems   []string
		absentItems []string
		wantTotal   int
	}{
		{
			name: "upper tier 2 on ERAS only", profile: upperTier2Profile(), wantBackup: SpecialtyIM,
			wantItems:   []string{"eras_ent", "eras_backup", "token", "transcript_eras", "nrmp_registration"},
			absentItems: []string{"residencycas_backup", "transcript_residencycas", "nrmp_extra_ranks", "step3"},
			// 30 ENT ($330) + 100 IM ($2,430) + token $165 + transcript $80 + NRMP $70.
			wantTotal: 3075,
		},
		{
			name: "Emergency Medicine backup pays ResidencyCAS and its own transcript", profile: emTier1, wantBackup: SpecialtyEM,
			wantItems:   []string{"eras_ent", "residencycas_backup", "token", "transcript_eras", "transcript_residencycas", "nrmp_registration"},
			absentItems: []string{"eras_backup", "step3"},
			// 90 ENT ($2,130) + 20 EM on ResidencyCAS ($135) + token $165 + two transcripts $160 + NRMP $70.
			wantTotal: 2660,
		},
		{
			name: "H-1B need without Step 3 pays for Step 3", profile: h1b, wantBackup: SpecialtyIM,
			wantItems: []string{"step3"},
			// 30 ENT ($330) + 120 IM ($3,030) + $315 fixed + Step 3 $935.
			wantTotal: 4610,
		},
		{
			name: "H-1B need with Step 3 passed pays no Step 3", profile: h1bPassed, wantBackup: SpecialtyIM,
			absentItems: []string{"step3"},
			wantTotal:   3675,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := Build(tt.profile, testToday)
			if got := plan.Applications.BackupSpecialty; got != tt.wantBackup {
				t.Fatalf("backup = %q, want %q", got, tt.wantBackup)
			}
			for _, id := range tt.wantItems {
				if _, ok := costItem(plan.Cost, id); !ok {
					t.Errorf("cost item %q missing", id)
				}
			}
			for _, id := range tt.absentItems {
				if _, ok := costItem(plan.Cost, id); ok {
					t.Errorf("cost item %q present, want it left out", id)
				}
			}
			if plan.Cost.Total != tt.wantTotal {
				t.Errorf("total = $%d, want $%d", plan.Cost.Total, tt.wantTotal)
			}
			if plan.Cost.Season != 2026 || !strings.Contains(plan.Cost.SeasonNote, "2026") {
				t.Errorf("season = %d, note %q; want the 2026 season, named in the note", plan.Cost.Season, plan.Cost.SeasonNote)
			}
		})
	}
}

func TestBudget(t *testing.T) {
	withBudget := func(p Profile, budget int) Profile {
		p.Budget = budget
		return p
	}
	tests := []struct {
		name          string
		profile       Profile
		wantStatus    BudgetStatus
		wantENT       int
		wantBackup    int
		wantTotal     int
		wantShortfall int
		wantMessage   string
	}{
		{"unlimited keeps the recommended counts", upperTier2Profile(), BudgetUnlimited, 30, 100, 3075, 0, "No budget"},
		{"budget above the cost fits", withBudget(upperTier2Profile(), 5000), BudgetFits, 30, 100, 3075, 0, "within your budget of $5,000"},
		{"budget exactly the cost fits", withBudget(upperTier2Profile(), 3075), BudgetFits, 30, 100, 3075, 0, "within your budget"},
		{"one dollar short cuts one ENT program", withBudget(upperTier2Profile(), 3074), BudgetTrimmed, 29, 100, 3064, 0, "ENT programs from 30 to 29"},
		{"tier 2 cuts ENT part way when that fits", withBudget(upperTier2Profile(), 2900), BudgetTrimmed, 14, 100, 2899, 0, "ENT programs from 30 to 14. It"},
		{"tier 2 cuts ENT to its floor before the backup", withBudget(upperTier2Profile(), 2854), BudgetTrimmed, 10, 99, 2825, 0, "ENT programs from 30 to 10 and Internal Medicine programs from 100 to 99"},
		{"tier 2 budget exactly at both floors", withBudget(upperTier2Profile(), 2255), BudgetTrimmed, 10, 80, 2255, 0, "It now costs $2,255"},
		{"tier 2 budget one dollar below the floors shows the shortfall", withBudget(upperTier2Profile(), 2254), BudgetShortfall, 10, 80, 2255, 1, "$1 more than your budget"},
		{"tier 2 budget far below the floors shows the shortfall", withBudget(upperTier2Profile(), 500), BudgetShortfall, 10, 80, 2255, 1755, "$1,755 more"},
		{"zero budget shows the shortfall", withBudget(upperTier2Profile(), 0), BudgetShortfall, 10, 80, 2255, 2255, "budget of $0"},
		{"tier 1 cuts the backup first", withBudget(tier1Profile(), 2664), BudgetTrimmed, 90, 19, 2654, 0, "Internal Medicine programs from 20 to 19"},
		{"tier 1 cuts ENT after the backup floor", withBudget(tier1Profile(), 2554), BudgetTrimmed, 89, 10, 2525, 0, "ENT programs from 90 to 89"},
		{"tier 3 drops ENT before the backup", withBudget(tier3Profile(), 3495), BudgetTrimmed, 0, 125, 3495, 0, "ENT programs from 5 to 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := Build(tt.profile, testToday)
			b := plan.Cost.Budget
			if b.Status != tt.wantStatus {
				t.Errorf("status = %q, want %q", b.Status, tt.wantStatus)
			}
			if got := plan.Applications.ENTPrograms; got != tt.wantENT {
				t.Errorf("ENT programs = %d, want %d", got, tt.wantENT)
			}
			if got := plan.Applications.BackupPrograms; got != tt.wantBackup {
				t.Errorf("backup programs = %d, want %d", got, tt.wantBackup)
			}
			if plan.Cost.Total != tt.wantTotal {
				t.Errorf("total = $%d, want $%d", plan.Cost.Total, tt.wantTotal)
			}
			if b.Shortfall != tt.wantShortfall {
				t.Errorf("shortfall = $%d, want $%d", b.Shortfall, tt.wantShortfall)
			}
			if !strings.Contains(b.Message, tt.wantMessage) {
				t.Errorf("message = %q, want it to contain %q", b.Message, tt.wantMessage)
			}
		})
	}
}

func TestFitBudgetAtBandEdge(t *testing.T) {
	s := schedule(t, 2026)
	rule := ApplicationRule{ENT: CountRange{Recommended: 31, Floor: 0}, Backup: CountRange{Recommended: 0, Floor: 0}, TrimFirst: SideENT}
	mix := applicationMix{ent: 31, specialty: SpecialtyIM}
	at30 := s.total(applicationMix{ent: 30, specialty: SpecialtyIM})
	at31 := s.total(mix)
	if at31-at30 != 30 {
		t.Fatalf("program 31 costs $%d more than 30, want $30", at31-at30)
	}

	tests := []struct {
		name    string
		budget  int
		wantENT int
	}{
		{"budget for 31 keeps 31", at31, 31},
		{"one dollar short of 31 falls back to 30", at31 - 1, 30},
		{"budget exactly for 30 keeps 30", at30, 30},
		{"one dollar short of 30 falls back to 29", at30 - 1, 29},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := fitBudget(s, rule, mix, Profile{Budget: tt.budget})
			if got.ent != tt.wantENT {
				t.Errorf("ENT programs = %d, want %d", got.ent, tt.wantENT)
			}
		})
	}
}

func TestEstimatedRanksAddExtraRankFees(t *testing.T) {
	s := schedule(t, 2026)
	tests := []struct {
		name       string
		programs   int
		wantRanks  int
		wantExtras int
	}{
		{"no applications rank nothing", 0, 0, 0},
		{"one application rounds up to one rank", 1, 1, 0},
		{"200 applications rank 20, all covered", 200, 20, 0},
		{"201 applications rank 21, one extra", 201, 21, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := applicationMix{backup: tt.programs, specialty: SpecialtyIM}
			if got := m.ranks(); got != tt.wantRanks {
				t.Errorf("ranks = %d, want %d", got, tt.wantRanks)
			}
			if got := s.extraRanks(m); got != tt.wantExtras {
				t.Errorf("extra ranks = %d, want %d", got, tt.wantExtras)
			}
		})
	}
}
