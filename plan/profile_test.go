package plan

import (
	"strings"
	"testing"
	"time"
)

func TestParseProfileDefaults(t *testing.T) {
	p, errs := ParseProfile(map[string]string{}, today)
	if len(errs) != 0 {
		t.Fatalf("ParseProfile(empty) errors: %v", errs)
	}
	if !p.Step2Pending() {
		t.Errorf("Step2 = %d, want pending", p.Step2)
	}
	if p.HasBudget() {
		t.Errorf("Budget = %d, want no limit", p.Budget)
	}
	if p.MatchYear != 2027 {
		t.Errorf("MatchYear = %d, want 2027 (the 2026 Match is over on %s)", p.MatchYear, today.Format(time.DateOnly))
	}
	if p.Interests.Surgery != DefaultInterest {
		t.Errorf("Interests.Surgery = %d, want %d", p.Interests.Surgery, DefaultInterest)
	}
}

func TestDefaultMatchYear(t *testing.T) {
	for _, tt := range []struct {
		day  time.Time
		want int
	}{
		{time.Date(2026, time.January, 10, 0, 0, 0, 0, time.UTC), 2026},
		{time.Date(2026, time.March, 19, 0, 0, 0, 0, time.UTC), 2026},
		{time.Date(2026, time.March, 20, 0, 0, 0, 0, time.UTC), 2027},
		{time.Date(2026, time.December, 4, 0, 0, 0, 0, time.UTC), 2027},
	} {
		if got := DefaultMatchYear(tt.day); got != tt.want {
			t.Errorf("DefaultMatchYear(%s) = %d, want %d", tt.day.Format(time.DateOnly), got, tt.want)
		}
	}
}

func TestParseProfileValues(t *testing.T) {
	values := map[string]string{
		"step2": " 252 ", "failures": "1", "step3": "passed", "ent_rotations": "2",
		"ent_observerships": "3", "us_rotations": "4", "letters_ent_us": "2",
		"letters_ent_intl": "1", "letters_surgery": "1", "letters_im": "2", "letters_fm": "3",
		"letters_peds": "4", "letters_neuro": "5", "letters_em": "6", "letters_other": "7",
		"ent_research": "8", "other_research": "9", "research_year": "1", "grad_year": "2020",
		"match_year": "2028", "visa": "H1B", "int_surgery": "3", "int_children": "0",
		"int_diagnosis": "2", "int_acute": "1", "int_neuro": "0", "int_lifestyle": "3", "budget": "0",
	}
	p, errs := ParseProfile(values, today)
	if len(errs) != 0 {
		t.Fatalf("ParseProfile errors: %v", errs)
	}
	want := Profile{
		Step2: 252, Failures: 1, Step3: Step3Passed, ENTRotations: 2, ENTObserverships: 3, USRotations: 4,
		Letters:     Letters{ENTUS: 2, ENTIntl: 1, Surgery: 1, IM: 2, FM: 3, Peds: 4, Neuro: 5, EM: 6, Other: 7},
		ENTResearch: 8, OtherResearch: 9, ResearchYear: true, GradYear: 2020, MatchYear: 2028, Visa: VisaH1B,
		Interests: Interests{Surgery: 3, Children: 0, Diagnosis: 2, Acute: 1, Neuro: 0, Lifestyle: 3},
		Budget:    0,
	}
	if p != want {
		t.Errorf("ParseProfile =\n%+v\nwant\n%+v", p, want)
	}
}

func TestParseProfileErrors(t *testing.T) {
	tests := []struct {
		name    string
		field   string
		value   string
		wantErr string
	}{
		{"step2 above range", "step2", "312", "step2: 312 is out of range; enter a score from 1 to 300, or leave it empty"},
		{"step2 zero", "step2", "0", "step2: 0 is out of range; enter a score from 1 to 300, or leave it empty"},
		{"step2 at max", "step2", "300", ""},
		{"step2 at min", "step2", "1", ""},
		{"step2 text", "step2", "abc", `step2: "abc" is not a whole number; enter a score from 1 to 300, or leave it empty`},
		{"step2 decimal", "step2", "250.5", `step2: "250.5" is not a whole number; enter a score from 1 to 300, or leave it empty`},
		{"budget with cents", "budget", "2500.50", `budget: "2500.50" is not a whole number of dollars, written as 3000 or $3,000; enter an amount in US dollars from 0 to 100000, or leave it empty`},
		{"exponent", "budget", "1e3", `budget: "1e3" is not a whole number of dollars, written as 3000 or $3,000; enter an amount in US dollars from 0 to 100000, or leave it empty`},
		{"negative failures", "failures", "-1", "failures: -1 is out of range; enter a whole number from 0 to 12"},
		{"failures above range", "failures", "13", "failures: 13 is out of range; enter a whole number from 0 to 12"},
		{"failures at max", "failures", "12", ""},
		{"unknown visa", "visa", "f1", `visa: "f1" is not a valid choice; choose “None (US citizen or permanent resident)” (none), “J-1” (j1) or “H-1B” (h1b)`},
		{"visa too long", "visa", strings.Repeat("j", MaxValueLength+1), `visa: the value is too long; choose “None (US citizen or permanent resident)” (none), “J-1” (j1) or “H-1B” (h1b)`},
		{"unknown step3", "step3", "failed", `step3: "failed" is not a valid choice; choose “Not passed yet” (none) or “Passed” (passed)`},
		{"research year two", "research_year", "2", `research_year: "2" is not a valid choice; choose “No” (0) or “Yes” (1)`},
		{"interest above scale", "int_surgery", "4", "int_surgery: 4 is out of range; choose “Not at all” (0), “Somewhat” (1), “Quite a lot” (2) or “Very much” (3)"},
		{"interest text", "int_lifestyle", "high", `int_lifestyle: "high" is not a whole number; choose “Not at all” (0), “Somewhat” (1), “Quite a lot” (2) or “Very much” (3)`},
		{"budget with badly grouped commas", "budget", "30,00", `budget: "30,00" is not a whole number of dollars, written as 3000 or $3,000; enter an amount in US dollars from 0 to 100000, or leave it empty`},
		{"budget above max", "budget", "100001", "budget: 100001 is out of range; enter an amount in US dollars from 0 to 100000, or leave it empty"},
		{"budget at max", "budget", "100000", ""},
		{"match year past", "match_year", "2025", "match_year: 2025 is out of range; enter a year from 2027 to 2030, or leave it empty"},
		{"match year whose Match Day passed", "match_year", "2026", "match_year: 2026 is out of range; enter a year from 2027 to 2030, or leave it empty"},
		{"match year too far", "match_year", "2031", "match_year: 2031 is out of range; enter a year from 2027 to 2030, or leave it empty"},
		{"grad year too early", "grad_year", "1949", "grad_year: 1949 is out of range; enter a year from 1950 to 2030, or leave it empty"},
		{"grad year after match", "grad_year", "2028", "grad_year: 2028 is after the target Match; enter a year from 1950 to 2027, or leave it empty"},
		{"huge number", "ent_research", "99999999999999999999", "ent_research: the value is too long; enter a whole number from 0 to 200"},
		{"long text", "letters_im", strings.Repeat("x", 100), "letters_im: the value is too long; enter a whole number from 0 to 10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := ParseProfile(map[string]string{tt.field: tt.value}, today)
			if tt.wantErr == "" {
				if len(errs) != 0 {
					t.Errorf("ParseProfile(%s=%q) errors = %v, want none", tt.field, tt.value, errs)
				}
				return
			}
			if len(errs) != 1 {
				t.Fatalf("ParseProfile(%s=%q) gave %d errors, want 1: %v", tt.field, tt.value, len(errs), errs)
			}
			if got := errs[0].Error(); got != tt.wantErr {
				t.Errorf("error = %q\nwant    %q", got, tt.wantErr)
			}
			if errs[0].Field != tt.field {
				t.Errorf("error field = %q, want %q", errs[0].Field, tt.field)
			}
		})
	}
}

func TestParseProfileKeepsValidFields(t *testing.T) {
	p, errs := ParseProfile(map[string]string{"step2": "999", "failures": "2", "visa": "martian"}, today)
	if len(errs) != 2 || errs[0].Field != FieldStep2 || errs[1].Field != FieldVisa {
		t.Fatalf("errors = %v, want step2 then visa", errs)
	}
	if p.Failures != 2 {
		t.Errorf("Failures = %d, want 2 kept from the valid field", p.Failures)
	}
	if Assess(p).Tier != Tier3 {
		t.Errorf("tier = %v, want Tier 3 from the valid failures field", Assess(p).Tier)
	}
}

func TestFragmentRoundTrip(t *testing.T) {
	values := Examples[0].ValuesFor(2027)
	values[FieldBudget] = "1500"
	fragment := EncodeFragment(values)
	if !strings.HasPrefix(fragment, "v=1&step2=255&") {
		t.Errorf("EncodeFragment = %q, want it to start with v=1&step2=255&", fragment)
	}
	got, issues := DecodeFragment("#" + fragment)
	if len(issues) != 0 {
		t.Errorf("DecodeFragment issues: %v", issues)
	}
	for k, v := range values {
		if got[k] != v {
			t.Errorf("round trip %s = %q, want %q", k, got[k], v)
		}
	}
}

func TestDecodeFragmentHostile(t *testing.T) {
	tests := []struct {
		name     string
		fragment string
		want     map[string]string
		issues   []FragmentIssueKind
	}{
		{"empty", "", map[string]string{}, nil},
		{"hash only", "#", map[string]string{}, nil},
		{"unknown key", "v=1&color=red&step2=240", map[string]string{"step2": "240"}, []FragmentIssueKind{IssueUnknownKey}},
		{"duplicate keeps first", "step2=240&step2=260", map[string]string{"step2": "240"}, []FragmentIssueKind{IssueDuplicate}},
		{"bad escape", "step2=%zz&failures=1", map[string]string{"failures": "1"}, []FragmentIssueKind{IssueBadEncoding}},
		{"truncated escape", "failures=1&step2=%2", map[string]string{"failures": "1"}, []FragmentIssueKind{IssueBadEncoding}},
		{"plus is space", "step2=+250+", map[string]string{"step2": " 250 "}, nil},
		{"escaped key", "st%65p2=250", map[string]string{"step2": "250"}, nil},
		{"other version", "v=9&step2=250", map[string]string{"step2": "250"}, []FragmentIssueKind{IssueVersion}},
		{"no equals", "step2&failures=0", map[string]string{"step2": "", "failures": "0"}, nil},
		{"too long", "failures=1&" + strings.Repeat("x", MaxFragmentLength), map[string]string{"failures": "1"}, []FragmentIssueKind{IssueTruncated, IssueUnknownKey}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, issues := DecodeFragment(tt.fragment)
			if len(got) != len(tt.want) {
				t.Errorf("DecodeFragment(%q) = %v, want %v", tt.fragment, got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("DecodeFragment(%q)[%s] = %q, want %q", tt.fragment, k, got[k], v)
				}
			}
			if len(issues) != len(tt.issues) {
				t.Fatalf("issues = %v, want kinds %v", issues, tt.issues)
			}
			for i, kind := range tt.issues {
				if issues[i].Kind != kind {
					t.Errorf("issue %d kind = %v, want %v", i, issues[i].Kind, kind)
				}
				if issues[i].Message() == "" {
					t.Errorf("issue %d has no message", i)
				}
			}
		})
	}
}

func TestEncodeFragmentEscapes(t *testing.T) {
	got := EncodeFragment(map[string]string{"step2": "2 5&0", "unknown": "x"})
	if got != "v=1&step2=2%205%260" {
		t.Errorf("EncodeFragment = %q, want v=1&step2=2%%205%%260", got)
	}
}

func TestFieldSpecsReturnsCopies(t *testing.T) {
	first := FieldSpecs(today)
	first[posVisa].Choices[0] = "changed"
	first[posStep2].Max = 1
	second := FieldSpecs(today)
	if got := second[posVisa].Choices[0]; got != "none" {
		t.Errorf("visa choice after changing an earlier result = %q, want none", got)
	}
	first[posVisa].Labels[0] = "changed"
	if got := FieldSpecs(today)[posVisa].Labels[0]; got == "changed" {
		t.Errorf("visa label after changing an earlier result = %q, want the table's label", got)
	}
	if got := second[posStep2].Max; got != MaxStep2 {
		t.Errorf("step2 max after changing an earlier result = %d, want %d", got, MaxStep2)
	}
}

func TestFieldSpecsYearRanges(t *testing.T) {
	specs := FieldSpecs(today)
	year := today.Year()
	if got := specs[posGradYear]; got.Name != FieldGradYear || got.Min != MinGradYear || got.Max != year+MatchYearsAhead {
		t.Errorf("grad_year spec = %+v, want %s from %d to %d", got, FieldGradYear, MinGradYear, year+MatchYearsAhead)
	}
	if got := specs[posMatchYear]; got.Name != FieldMatchYear || got.Min != year+1 || got.Max != year+MatchYearsAhead {
		t.Errorf("match_year spec = %+v, want %s from %d (Match Day %d has passed) to %d", got, FieldMatchYear, year+1, year, year+MatchYearsAhead)
	}
	// Before Match Day, this year's Match can still be planned for.
	march := time.Date(year, time.March, 1, 0, 0, 0, 0, time.UTC)
	if got := FieldSpecs(march)[posMatchYear]; got.Min != year {
		t.Errorf("match_year from %d on %s, want from %d", got.Min, march.Format("2006-01-02"), year)
	}
}

func TestSelectFieldsHaveOneLabelPerValue(t *testing.T) {
	for _, spec := range FieldSpecs(today) {
		if spec.Kind == KindChoice && len(spec.Labels) != len(spec.Choices) {
			t.Errorf("%s has %d labels for %d choices", spec.Name, len(spec.Labels), len(spec.Choices))
		}
		if spec.Kind == KindInt && len(spec.Labels) > 0 && len(spec.Labels) != spec.Max-spec.Min+1 {
			t.Errorf("%s has %d labels for the numbers %d to %d", spec.Name, len(spec.Labels), spec.Min, spec.Max)
		}
	}
}

func TestPlainNumber(t *testing.T) {
	tests := []struct {
		raw   string
		money bool
		want  string
	}{
		{"250", false, "250"},
		{"\u0662\u0665\u0660", false, "250"}, // Arabic-Indic
		{"\u06f2\u06f5\u06f0", false, "250"}, // Eastern Arabic-Indic
		{"\uff12\uff15\uff10", false, "250"}, // full-width
		{"2\u0665\uff10", false, "250"},      // mixed
		{"\u0669\u066a", false, "9\u066a"},   // a sign after the digits stays
		{"$3,000", true, "3000"},
		{"3,000", true, "3000"},
		{"$\u0663,\u0660\u0660\u0660", true, "3000"},
		{"1,250,000", true, "1250000"},
		{"12,500", true, "12500"},
		{"$3000", true, "3000"},
		{"3,000", false, "3,000"}, // commas only in money
		{"$3000", false, "$3000"}, // and the dollar sign
		{"30,00", true, "30,00"},  // not digit groups
		{"3,0000", true, "3,0000"},
		{"1234,000", true, "1234,000"},
		{",300", true, ",300"},
		{"3,000,", true, "3,000,"},
		{"3,,000", true, "3,,000"},
		{"$$3000", true, "$3000"},
		{"-3,000", true, "-3,000"},
		{"3.000", true, "3.000"},
		{"\xd9", false, "\xd9"}, // a cut sequence stays
		{"\xef\xbc", false, "\xef\xbc"},
	}
	for _, tt := range tests {
		if got := plainNumber(tt.raw, tt.money); got != tt.want {
			t.Errorf("plainNumber(%q, %v) = %q, want %q", tt.raw, tt.money, got, tt.want)
		}
	}
}

func TestParseOtherDigitsAndDollars(t *testing.T) {
	p, errs := ParseProfile(map[string]string{"step2": "\u0662\u0665\u0660", "budget": " $3,000 ", "failures": "\uff10"}, testToday)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs[0].Message())
	}
	if p.Step2 != 250 {
		t.Errorf("Step2 = %d, want 250", p.Step2)
	}
	if p.Budget != 3000 {
		t.Errorf("Budget = %d, want 3000", p.Budget)
	}
	if p.Failures != 0 {
		t.Errorf("Failures = %d, want 0", p.Failures)
	}
	_, errs = ParseProfile(map[string]string{"budget": "$3,00"}, testToday)
	if len(errs) != 1 || errs[0].Field != FieldBudget || errs[0].Kind != ErrNotNumber {
		t.Fatalf("$3,00: errors %v, want one not-a-number error on budget", errs)
	}
	if msg := errs[0].Message(); !strings.Contains(msg, `"$3,00"`) {
		t.Errorf("message %q does not quote the value as typed", msg)
	}
}

func TestLinkIssuesQuoteAndDedupe(t *testing.T) {
	_, issues := DecodeFragment("v=1&a=1&%E2%80%AEevil=1&a=2&a=3")
	if len(issues) != 2 {
		t.Fatalf("issues = %+v, want one per unknown setting", issues)
	}
	if got, want := issues[0].Message(), `The link has an unknown setting "a"; it was ignored.`; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
	if got, want := issues[1].Message(), `The link has an unknown setting "\u202eevil"; it was ignored.`; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
}

func TestShortenCutsWholeCharacters(t *testing.T) {
	long := strings.Repeat("a", MaxValueLength-1) + "é" // é is 2 bytes and crosses the limit
	if got, want := Shorten(long), strings.Repeat("a", MaxValueLength-1)+"…"; got != want {
		t.Errorf("shorten = %q, want %q", got, want)
	}
	if got := Shorten("short"); got != "short" {
		t.Errorf("Shorten(short) = %q", got)
	}
}
