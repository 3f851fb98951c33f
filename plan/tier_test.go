package plan

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// today is a fixed day for tests: after the 2026 Match, so the default target is 2027.
var today = time.Date(2026, time.December, 4, 0, 0, 0, 0, time.UTC)

// tier1 is a profile that meets every Tier 1 requirement with no weak factor.
func tier1() Profile {
	return Profile{
		Step2: 255, ENTRotations: 2, Letters: Letters{ENTUS: 2},
		ENTResearch: 2, GradYear: 2025, MatchYear: 2027, Visa: VisaJ1, Budget: NoBudget,
	}
}

func TestWorkedExamples(t *testing.T) {
	for _, ex := range Examples {
		t.Run(ex.ID, func(t *testing.T) {
			p, errs := ParseProfile(ex.ValuesFor(2027), today)
			if len(errs) > 0 {
				t.Fatalf("ParseProfile(%s) errors: %v", ex.ID, errs)
			}
			if got := Assess(p).Tier; got != ex.Tier {
				t.Errorf("Assess(%s).Tier = %v, want %v", ex.ID, got, ex.Tier)
			}
		})
	}
}

func TestFactorThresholds(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*Profile)
		factor FactorID
		want   Level
		major  bool
	}{
		{"step2 pending", func(p *Profile) { p.Step2 = 0 }, FactorStep2, LevelPending, false},
		{"step2 below fair", func(p *Profile) { p.Step2 = Step2Fair - 1 }, FactorStep2, LevelWeak, false},
		{"step2 at fair", func(p *Profile) { p.Step2 = Step2Fair }, FactorStep2, LevelFair, false},
		{"step2 below strong", func(p *Profile) { p.Step2 = Step2Strong - 1 }, FactorStep2, LevelFair, false},
		{"step2 at strong", func(p *Profile) { p.Step2 = Step2Strong }, FactorStep2, LevelStrong, false},
		{"step2 above strong", func(p *Profile) { p.Step2 = Step2Strong + 1 }, FactorStep2, LevelStrong, false},
		{"no failure", func(p *Profile) { p.Failures = 0 }, FactorAttempts, LevelStrong, false},
		{"one failure", func(p *Profile) { p.Failures = 1 }, FactorAttempts, LevelWeak, false},
		{"two failures major", func(p *Profile) { p.Failures = MajorFailures }, FactorAttempts, LevelWeak, true},
		{"no ENT exposure", func(p *Profile) { p.ENTRotations, p.ENTObserverships = 0, 0 }, FactorENTExperience, LevelWeak, false},
		{"one observership", func(p *Profile) { p.ENTRotations, p.ENTObserverships = 0, 1 }, FactorENTExperience, LevelFair, false},
		{"rotations below strong", func(p *Profile) { p.ENTRotations = StrongENTRotations - 1 }, FactorENTExperience, LevelFair, false},
		{"rotations at strong", func(p *Profile) { p.ENTRotations = StrongENTRotations }, FactorENTExperience, LevelStrong, false},
		{"no ENT letter", func(p *Profile) { p.Letters = Letters{IM: 3} }, FactorENTLetters, LevelWeak, false},
		{"one intl ENT letter", func(p *Profile) { p.Letters = Letters{ENTIntl: 1} }, FactorENTLetters, LevelFair, false},
		{"US letters below strong", func(p *Profile) { p.Letters = Letters{ENTUS: StrongENTLettersUS - 1, ENTIntl: 3} }, FactorENTLetters, LevelFair, false},
		{"US letters at strong", func(p *Profile) { p.Letters = Letters{ENTUS: StrongENTLettersUS} }, FactorENTLetters, LevelStrong, false},
		{"no research", func(p *Profile) { p.ENTResearch, p.OtherResearch = 0, 0 }, FactorResearch, LevelWeak, false},
		{"other research only", func(p *Profile) { p.ENTResearch, p.OtherResearch = 0, 5 }, FactorResearch, LevelFair, false},
		{"research year alone", func(p *Profile) { p.ENTResearch, p.ResearchYear = 0, true }, FactorResearch, LevelFair, false},
		{"ENT research below strong", func(p *Profile) { p.ENTResearch = StrongENTResearch - 1 }, FactorResearch, LevelFair, false},
		{"ENT research at strong", func(p *Profile) { p.ENTResearch = StrongENTResearch }, FactorResearch, LevelStrong, false},
		{"research year with one ENT item", func(p *Profile) { p.ENTResearch, p.ResearchYear = StrongENTResearchWithYear, true }, FactorResearch, LevelStrong, false},
		{"graduation not entered", func(p *Profile) { p.GradYear = 0 }, FactorGraduation, LevelFair, false},
		{"graduation at recent", func(p *Profile) { p.GradYear = p.MatchYear - RecentGraduationYears }, FactorGraduation, LevelStrong, false},
		{"graduation just past recent", func(p *Profile) { p.GradYear = p.MatchYear - RecentGraduationYears - 1 }, FactorGraduation, LevelFair, false},
		{"graduation at fair", func(p *Profile) { p.GradYear = p.MatchYear - FairGraduationYears }, FactorGraduation, LevelFair, false},
		{"graduation past fair", func(p *Profile) { p.GradYear = p.MatchYear - FairGraduationYears - 1 }, FactorGraduation, LevelWeak, false},
		{"no visa", func(p *Profile) { p.Visa = VisaNone }, FactorVisa, LevelStrong, false},
		{"J-1", func(p *Profile) { p.Visa = VisaJ1 }, FactorVisa, LevelFair, false},
		{"H-1B", func(p *Profile) { p.Visa = VisaH1B }, FactorVisa, LevelWeak, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tier1()
			tt.edit(&p)
			f := Assess(p).Factor(tt.factor)
			if f.Level != tt.want {
				t.Errorf("%s level = %v, want %v (reason %q)", tt.factor.Title(), f.Level, tt.want, f.Reason)
			}
			if f.Major != tt.major {
				t.Errorf("%s major = %v, want %v", tt.factor.Title(), f.Major, tt.major)
			}
			if f.Reason == "" {
				t.Errorf("%s has no reason", tt.factor.Title())
			}
		})
	}
}

func TestFactorReasonQuotesValue(t *testing.T) {
	p := tier1()
	p.Step2 = 243
	p.GradYear = 2019
	a := Assess(p)
	if r := a.Factor(FactorStep2).Reason; !strings.Contains(r, "243") {
		t.Errorf("Step 2 CK reason %q does not quote 243", r)
	}
	if r := a.Factor(FactorGraduation).Reason; !strings.Contains(r, "2019") || !strings.Contains(r, "8 years") {
		t.Errorf("graduation reason %q does not quote 2019 and 8 years", r)
	}
}

func TestTierRules(t *testing.T) {
	tests := []struct {
		name        string
		edit        func(*Profile)
		want        Tier
		band        Band
		provisional bool
	}{
		{"all strong is tier 1", func(p *Profile) {}, Tier1, BandNone, false},
		{"J-1 fair still tier 1", func(p *Profile) { p.Visa = VisaJ1 }, Tier1, BandNone, false},
		{"one weak factor caps at upper tier 2", func(p *Profile) { p.Visa = VisaH1B }, Tier2, BandUpper, false},
		{"fair step2 is lower tier 2", func(p *Profile) { p.Step2 = Step2Strong - 1 }, Tier2, BandLower, false},
		{"weak step2 is tier 3", func(p *Profile) { p.Step2 = Step2Fair - 1 }, Tier3, BandNone, false},
		{"two failures is tier 3", func(p *Profile) { p.Failures = 2 }, Tier3, BandNone, false},
		{"one failure with strong step2 is tier 2", func(p *Profile) { p.Failures = 1 }, Tier2, BandUpper, false},
		{"one failure with fair step2 is tier 3", func(p *Profile) { p.Failures, p.Step2 = 1, Step2Fair }, Tier3, BandNone, false},
		{"one failure with pending step2 is tier 3", func(p *Profile) { p.Failures, p.Step2 = 1, 0 }, Tier3, BandNone, true},
		{"one soft weak factor stays tier 2", func(p *Profile) { p.ENTResearch = 0 }, Tier2, BandUpper, false},
		{"two soft weak factors is tier 3", func(p *Profile) { p.ENTResearch, p.Visa = 0, VisaH1B }, Tier3, BandNone, false},
		{"fair experience is upper tier 2", func(p *Profile) { p.ENTRotations = 1 }, Tier2, BandUpper, false},
		{"pending step2 is provisional lower tier 2", func(p *Profile) { p.Step2 = 0 }, Tier2, BandLower, true},
		{"failure and one weak is lower tier 2", func(p *Profile) { p.Failures = 1; p.ENTResearch = 0 }, Tier2, BandLower, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tier1()
			tt.edit(&p)
			a := Assess(p)
			if a.Tier != tt.want || a.Band != tt.band {
				t.Errorf("Assess() = %s, want %v %v; why %q", a.Label(), tt.want, tt.band, a.Why)
			}
			if a.Provisional != tt.provisional {
				t.Errorf("Assess().Provisional = %v, want %v", a.Provisional, tt.provisional)
			}
			if len(a.Why) == 0 {
				t.Error("Assess() gives no reason for the tier")
			}
		})
	}
}

func TestTierLabel(t *testing.T) {
	for _, tt := range []struct {
		a    Assessment
		want string
	}{
		{Assessment{Tier: Tier1}, "Tier 1"},
		{Assessment{Tier: Tier2, Band: BandUpper}, "Tier 2 (upper)"},
		{Assessment{Tier: Tier2, Band: BandLower}, "Tier 2 (lower)"},
		{Assessment{Tier: Tier3}, "Tier 3"},
	} {
		if got := tt.a.Label(); got != tt.want {
			t.Errorf("Label() = %q, want %q", got, tt.want)
		}
	}
}

func TestMatchDay(t *testing.T) {
	for _, tt := range []struct {
		year int
		want string
	}{
		{2025, "2025-03-21"},
		{2026, "2026-03-20"},
		{2027, "2027-03-19"},
	} {
		if got := MatchDay(tt.year).Format(time.DateOnly); got != tt.want {
			t.Errorf("MatchDay(%d) = %s, want %s", tt.year, got, tt.want)
		}
	}
}

func TestFactorReasonForRejectedValue(t *testing.T) {
	tests := []struct {
		name   string
		field  string
		value  string
		factor FactorID
	}{
		{"step2 out of range", FieldStep2, "312", FactorStep2},
		{"step2 not a number", FieldStep2, "abc", FactorStep2},
		{"step2 too long", FieldStep2, strings.Repeat("2", MaxValueLength+1), FactorStep2},
		{"grad_year out of range", FieldGradYear, "1800", FactorGraduation},
		{"grad_year not a number", FieldGradYear, "abc", FactorGraduation},
		{"grad_year after the Match", FieldGradYear, "2029", FactorGraduation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			values := Examples[0].ValuesFor(2027)
			values[tt.field] = tt.value
			p, errs := ParseProfile(values, today)
			if len(errs) != 1 || errs[0].Field != tt.field {
				t.Fatalf("ParseProfile errors = %v, want one for %s", errs, tt.field)
			}
			values[tt.field] = ""
			empty, _ := ParseProfile(values, today)

			got, want := Assess(p), Assess(empty)
			f := got.Factor(tt.factor)
			if !strings.Contains(f.Reason, errs[0].Message()) {
				t.Errorf("reason %q does not quote the field error %q", f.Reason, errs[0].Message())
			}
			for _, absent := range []string{"not taken", "not entered", "pending"} {
				if strings.Contains(f.Reason, absent) {
					t.Errorf("reason %q calls the rejected value %q", f.Reason, absent)
				}
			}
			if f.Level == LevelPending {
				t.Errorf("level = %v for a rejected value, want fair as the tier counts it", f.Level)
			}
			if got.Tier != want.Tier || got.Band != want.Band || got.Provisional != want.Provisional {
				t.Errorf("tier %s (provisional %v), want %s (provisional %v) as with the field empty",
					got.Label(), got.Provisional, want.Label(), want.Provisional)
			}
			for _, why := range got.Why {
				if strings.Contains(why, "pending") {
					t.Errorf("why %q calls the rejected value pending", why)
				}
			}
		})
	}
}

// TestExamplesKeepTierOneYearLater covers the guide's example links, which
// carry a graduation year from the day the site was built but no target
// Match: opened after the next Match Day, they count one more year since
// graduation.
func TestExamplesKeepTierOneYearLater(t *testing.T) {
	for _, ex := range Examples {
		t.Run(ex.ID, func(t *testing.T) {
			values := ex.ValuesFor(2027)
			p, _ := ParseProfile(values, today)
			values[FieldGradYear] = strconv.Itoa(2027 - ex.YearsSinceGraduation - 1)
			later, errs := ParseProfile(values, today)
			if len(errs) > 0 {
				t.Fatalf("ParseProfile errors: %v", errs)
			}
			if got, want := Assess(later).Label(), Assess(p).Label(); got != want {
				t.Errorf("one year later the example is %s, want %s as the guide says", got, want)
			}
		})
	}
}

func TestRejectedAttemptsAndVisaCountAsFair(t *testing.T) {
	values := map[string]string{"step2": "255", "ent_rotations": "2", "letters_ent_us": "2", "ent_research": "2", "failures": "two", "visa": "H-1B"}
	p, errs := ParseProfile(values, testToday)
	if len(errs) != 2 {
		t.Fatalf("errors = %d, want 2 (failures and visa)", len(errs))
	}
	a := Assess(p)
	for _, id := range []FactorID{FactorAttempts, FactorVisa} {
		f := a.Factors[id]
		if f.Level != LevelFair {
			t.Errorf("%s level = %v, want fair for a rejected entry", id.Title(), f.Level)
		}
		if !strings.Contains(f.Reason, "could not be used") {
			t.Errorf("%s reason = %q, want it to say the entry could not be used", id.Title(), f.Reason)
		}
	}
	if a.Tier == Tier1 {
		t.Errorf("tier = %v with a rejected failed-attempts entry, want below Tier 1", a.Tier)
	}

	// A rejected visa alone also keeps the profile out of Tier 1.
	delete(values, "failures")
	p, _ = ParseProfile(values, testToday)
	if a := Assess(p); a.Tier == Tier1 {
		t.Errorf("tier = %v with a rejected visa entry, want below Tier 1", a.Tier)
	}
}
