package plan

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The fuzz targets below run their seeds and the corpora in
// testdata/fuzz/<target> (hostile links and form values, one file each) as
// ordinary tests. `make fuzz` (part of `make
// test`) also fuzzes each one for a few seconds; README.md shows how to
// fuzz longer.

// fuzzToday is the day the fuzz targets plan on, moved by their day offset.
var fuzzToday = time.Date(2026, time.June, 1, 12, 0, 0, 0, time.UTC)

// FuzzDecodeFragment checks that any fragment decodes into known fields
// only, with bounded messages for the parts left out, and that the values
// survive a round trip through EncodeFragment.
func FuzzDecodeFragment(f *testing.F) {
	f.Add("v=1&step2=252&failures=0&ent_rotations=2")
	known := FieldNames()
	f.Fuzz(func(t *testing.T, fragment string) {
		values, issues := DecodeFragment(fragment)

		for key := range values {
			if !slices.Contains(known, key) {
				t.Errorf("DecodeFragment(%q) returned unknown key %q", fragment, key)
			}
		}
		if len(values) > len(known) {
			t.Errorf("DecodeFragment(%q) returned %d values, more than the %d fields", fragment, len(values), len(known))
		}
		for _, issue := range issues {
			msg := issue.Message()
			if msg == "" {
				t.Errorf("DecodeFragment(%q): issue %+v has an empty message", fragment, issue)
			}
			// A message quotes at most MaxValueLength bytes of the key.
			if len(msg) > 200 {
				t.Errorf("DecodeFragment(%q): message is %d bytes long: %q", fragment, len(msg), msg)
			}
		}
		body := strings.TrimPrefix(fragment, "#")
		if truncated := slices.ContainsFunc(issues, func(i FragmentIssue) bool { return i.Kind == IssueTruncated }); truncated != (len(body) > MaxFragmentLength) {
			t.Errorf("DecodeFragment: truncation reported = %v for a %d-byte fragment (limit %d)", truncated, len(body), MaxFragmentLength)
		}
		if len(issues) > strings.Count(body, "&")+2 {
			t.Errorf("DecodeFragment(%q) returned %d issues for %d pairs", fragment, len(issues), strings.Count(body, "&")+1)
		}

		// The values survive a round trip through EncodeFragment, which
		// leaves out empty values, as long as the result fits the limit.
		encoded := EncodeFragment(values)
		if len(encoded) > MaxFragmentLength {
			return
		}
		again, againIssues := DecodeFragment(encoded)
		if len(againIssues) > 0 {
			t.Errorf("DecodeFragment(EncodeFragment(...)) = issues %v for %q", againIssues, encoded)
		}
		for key, value := range values {
			if value != "" && again[key] != value {
				t.Errorf("round trip of %q: %s = %q, want %q", encoded, key, again[key], value)
			}
		}
	})
}

// FuzzParseProfile reads its input as the form's values in form order, one
// a line, and plans on fuzzToday moved by dayOffset days.
func FuzzParseProfile(f *testing.F) {
	f.Add("250\n0\nnone", int16(0))
	specs := FieldSpecs(fuzzToday)
	f.Fuzz(func(t *testing.T, input string, dayOffset int16) {
		today := fuzzToday.AddDate(0, 0, int(dayOffset))
		values := map[string]string{}
		for i, part := range strings.Split(input, "\n") {
			if i < len(specs) {
				values[specs[i].Name] = part
			}
		}

		p, errs := ParseProfile(values, today)

		again, errsAgain := ParseProfile(values, today)
		if again != p || len(errsAgain) != len(errs) {
			t.Fatalf("ParseProfile is not deterministic for %q", input)
		}
		checkErrors(t, values, errs)
		checkRanges(t, p, today)
		checkValidFieldsUsed(t, values, errs, p, today)

		a := Assess(p)
		if a.Tier < Tier1 || a.Tier > Tier3 {
			t.Errorf("Assess gave tier %d for %+v", a.Tier, p)
		}
		if len(a.Factors) != int(FactorVisa)+1 {
			t.Errorf("Assess gave %d factors, want %d", len(a.Factors), int(FactorVisa)+1)
		}
	})
}

// checkErrors checks that the errors are in form order, one per field, each
// on a field that was given a value, each with a message naming what is valid.
func checkErrors(t *testing.T, values map[string]string, errs []*FieldError) {
	t.Helper()
	order := FieldNames()
	last := -1
	for _, err := range errs {
		at := slices.Index(order, err.Field)
		if at < 0 {
			t.Errorf("error on unknown field %q", err.Field)
			continue
		}
		if at <= last {
			t.Errorf("errors out of form order or repeated at %q", err.Field)
		}
		last = at
		if strings.TrimSpace(values[err.Field]) == "" {
			t.Errorf("error on %s, which was empty", err.Field)
		}
		msg := err.Message()
		if !strings.Contains(msg, "enter ") && !strings.Contains(msg, "choose ") {
			t.Errorf("message for %s does not say what is valid: %q", err.Field, msg)
		}
	}
}

// checkRanges checks that every profile field is within its documented range.
func checkRanges(t *testing.T, p Profile, today time.Time) {
	t.Helper()
	year := today.Year()
	inRange := func(name string, v, lo, hi int) {
		if v < lo || v > hi {
			t.Errorf("%s = %d, want %d..%d", name, v, lo, hi)
		}
	}
	if p.Step2 != 0 {
		inRange("Step2", p.Step2, MinStep2, MaxStep2)
	}
	inRange("Failures", p.Failures, 0, MaxFailures)
	inRange("Step3", int(p.Step3), 0, int(Step3Passed))
	inRange("ENTRotations", p.ENTRotations, 0, MaxENTRotations)
	inRange("ENTObserverships", p.ENTObserverships, 0, MaxENTRotations)
	inRange("USRotations", p.USRotations, 0, MaxUSRotations)
	for i, n := range []int{p.Letters.ENTUS, p.Letters.ENTIntl, p.Letters.Surgery, p.Letters.IM, p.Letters.FM, p.Letters.Peds, p.Letters.Neuro, p.Letters.EM, p.Letters.Other} {
		inRange("Letters["+strconv.Itoa(i)+"]", n, 0, MaxLetters)
	}
	inRange("ENTResearch", p.ENTResearch, 0, MaxResearch)
	inRange("OtherResearch", p.OtherResearch, 0, MaxResearch)
	inRange("MatchYear", p.MatchYear, year, year+MatchYearsAhead)
	if p.GradYear != 0 {
		inRange("GradYear", p.GradYear, MinGradYear, p.MatchYear)
	}
	inRange("Visa", int(p.Visa), 0, int(VisaH1B))
	in := p.Interests
	for i, n := range []int{in.Surgery, in.Children, in.Diagnosis, in.Acute, in.Neuro, in.Lifestyle} {
		inRange("Interests["+strconv.Itoa(i)+"]", n, 0, MaxInterest)
	}
	if p.Budget != NoBudget {
		inRange("Budget", p.Budget, 0, MaxBudget)
	}
}

// checkValidFieldsUsed checks that every valid, non-empty number reaches the
// profile as typed, and that an invalid or empty one leaves its default.
func checkValidFieldsUsed(t *testing.T, values map[string]string, errs []*FieldError, p Profile, today time.Time) {
	t.Helper()
	bad := map[string]bool{}
	for _, err := range errs {
		bad[err.Field] = true
	}
	defaults, _ := ParseProfile(nil, today)
	for _, spec := range FieldSpecs(today) {
		if spec.Kind != KindInt {
			continue
		}
		got := intField(p, spec.Name)
		raw := strings.TrimSpace(values[spec.Name])
		if raw == "" || bad[spec.Name] {
			if want := intField(defaults, spec.Name); got != want {
				t.Errorf("%s = %d for raw %q, want the default %d", spec.Name, got, values[spec.Name], want)
			}
			continue
		}
		if want, err := strconv.Atoi(asciiNumber(raw, spec.Name == FieldBudget)); err != nil || got != want {
			t.Errorf("%s = %d for valid raw %q", spec.Name, got, values[spec.Name])
		}
	}
}

// groupedNumber matches a number written with commas between digit groups.
var groupedNumber = regexp.MustCompile(`^[0-9]{1,3}(,[0-9]{3})+$`)

// asciiNumber writes the number a field reads from raw in ASCII digits:
// Arabic-Indic, Eastern Arabic-Indic and full-width digits become ASCII
// ones, and for the budget a leading "$" and digit-group commas go.
func asciiNumber(raw string, money bool) string {
	var b strings.Builder
	for _, r := range raw {
		switch {
		case r >= '\u0660' && r <= '\u0669':
			r = '0' + r - '\u0660'
		case r >= '\u06f0' && r <= '\u06f9':
			r = '0' + r - '\u06f0'
		case r >= '\uff10' && r <= '\uff19':
			r = '0' + r - '\uff10'
		}
		b.WriteRune(r)
	}
	s := b.String()
	if money {
		s = strings.TrimPrefix(s, "$")
		if groupedNumber.MatchString(s) {
			s = strings.ReplaceAll(s, ",", "")
		}
	}
	return s
}

// intField returns the profile's value of a numeric field.
func intField(p Profile, name string) int {
	switch name {
	case FieldStep2:
		return p.Step2
	case FieldFailures:
		return p.Failures
	case FieldENTRotations:
		return p.ENTRotations
	case FieldENTObserverships:
		return p.ENTObserverships
	case FieldUSRotations:
		return p.USRotations
	case FieldLettersENTUS:
		return p.Letters.ENTUS
	case FieldLettersENTIntl:
		return p.Letters.ENTIntl
	case FieldLettersSurgery:
		return p.Letters.Surgery
	case FieldLettersIM:
		return p.Letters.IM
	case FieldLettersFM:
		return p.Letters.FM
	case FieldLettersPeds:
		return p.Letters.Peds
	case FieldLettersNeuro:
		return p.Letters.Neuro
	case FieldLettersEM:
		return p.Letters.EM
	case FieldLettersOther:
		return p.Letters.Other
	case FieldENTResearch:
		return p.ENTResearch
	case FieldOtherResearch:
		return p.OtherResearch
	case FieldGradYear:
		return p.GradYear
	case FieldMatchYear:
		return p.MatchYear
	case FieldIntSurgery:
		return p.Interests.Surgery
	case FieldIntChildren:
		return p.Interests.Children
	case FieldIntDiagnosis:
		return p.Interests.Diagnosis
	case FieldIntAcute:
		return p.Interests.Acute
	case FieldIntNeuro:
		return p.Interests.Neuro
	case FieldIntLifestyle:
		return p.Interests.Lifestyle
	case FieldBudget:
		return p.Budget
	}
	panic("intField: not a numeric field: " + name)
}

// FuzzBuild reads a profile as FuzzParseProfile does, or, with a non-zero
// wild, puts out-of-range values straight into it, and checks the plan's
// invariants. Build promises a plan for any profile, clamping what is out
// of range.
func FuzzBuild(f *testing.F) {
	f.Add("238\n0\nnone\n0\n1\n2\n0\n1\n0\n2", int16(0), int64(0))
	f.Add("", int16(100), int64(-1))
	f.Add("220\n3", int16(-300), int64(1<<40))
	specs := FieldSpecs(fuzzToday)
	f.Fuzz(func(t *testing.T, input string, dayOffset int16, wild int64) {
		today := fuzzToday.AddDate(0, 0, int(dayOffset))
		values := map[string]string{}
		for i, part := range strings.Split(input, "\n") {
			if i < len(specs) {
				values[specs[i].Name] = part
			}
		}
		p, _ := ParseProfile(values, today)
		if wild != 0 {
			n := int(wild)
			p.Step2, p.Failures, p.ENTRotations, p.Letters.ENTUS = n, -n, n%1000, -n%7
			p.ENTResearch, p.Interests.Surgery, p.Budget = n, n%11, n
			p.Step3, p.Visa = Step3Status(n), Visa(n>>3)
			if n%3 == 0 {
				p.GradYear = n % 5000
			}
		}

		plan := Build(p, today)

		again := Build(p, today)
		if again.Cost.Total != plan.Cost.Total || again.TierLabel != plan.TierLabel || len(again.Timeline.Items) != len(plan.Timeline.Items) {
			t.Fatalf("Build is not deterministic for %+v", p)
		}
		checkPlan(t, plan)
	})
}

// checkPlan checks the invariants every plan keeps.
func checkPlan(t *testing.T, plan Plan) {
	t.Helper()
	if plan.TierLabel != plan.Assessment.Label() {
		t.Errorf("TierLabel = %q, Assessment.Label() = %q", plan.TierLabel, plan.Assessment.Label())
	}
	checkRanges(t, plan.Profile, plan.Timeline.Today)

	// Backups: all six, each once, ranked 1 to 6 in order.
	want := BackupSpecialties()
	if len(plan.Backups) != len(want) {
		t.Fatalf("%d backups, want %d", len(plan.Backups), len(want))
	}
	seen := map[Specialty]bool{}
	for i, b := range plan.Backups {
		if b.Rank != i+1 {
			t.Errorf("backup %d (%s) has rank %d", i, b.Specialty, b.Rank)
		}
		if seen[b.Specialty] || !slices.Contains(want, b.Specialty) {
			t.Errorf("backup %s repeated or unknown", b.Specialty)
		}
		seen[b.Specialty] = true
	}
	if plan.Applications.BackupSpecialty != plan.Backups[0].Specialty {
		t.Errorf("applications go to %s, the top backup is %s", plan.Applications.BackupSpecialty, plan.Backups[0].Specialty)
	}

	// Applications and cost.
	if plan.Applications.ENTPrograms < 0 || plan.Applications.BackupPrograms < 0 {
		t.Errorf("negative program counts: %+v", plan.Applications)
	}
	sum := 0
	for _, item := range plan.Cost.Items {
		if item.Amount < 0 {
			t.Errorf("cost item %s is negative: %d", item.ID, item.Amount)
		}
		sum += item.Amount
	}
	if sum != plan.Cost.Total {
		t.Errorf("cost items add up to %d, Total is %d", sum, plan.Cost.Total)
	}
	checkBudget(t, plan)

	// Letters: no program gets more than the maximum.
	for _, a := range plan.Letters.Assignments {
		total := 0
		for _, l := range a.Letters {
			total += l.Count
		}
		if total != a.Total || a.Total > plan.Letters.MaxPerProgram {
			t.Errorf("%s letters: counts add up to %d, Total %d, maximum %d", a.Specialty, total, a.Total, plan.Letters.MaxPerProgram)
		}
	}

	// Timeline: in date order, each in its month.
	for i, item := range plan.Timeline.Items {
		if i > 0 && item.Date.Before(plan.Timeline.Items[i-1].Date) {
			t.Errorf("timeline item %s (%v) comes after a later one", item.ID, item.Date)
		}
		if item.Month != item.Date.Format("January 2006") {
			t.Errorf("timeline item %s dated %v is grouped under %q", item.ID, item.Date, item.Month)
		}
	}

	// What would move you up: only changes the applicant can still make.
	for _, option := range plan.MoveUp.Options {
		for _, change := range option.Changes {
			if !slices.Contains(moveUpKinds[:], change.Kind) {
				t.Errorf("move-up suggests %q, which is not an actionable change", change.Kind)
			}
			if change.Kind == ChangeStep2Target && !plan.Profile.Step2Pending() {
				t.Errorf("move-up suggests a Step 2 CK target although the score is in")
			}
			if change.Kind == ChangeStep3 && plan.Profile.Step3 == Step3Passed {
				t.Errorf("move-up suggests Step 3, which is already passed")
			}
		}
	}
	if len(plan.Outcomes) != 3 {
		t.Errorf("%d outcomes, want 3", len(plan.Outcomes))
	}
}

// checkBudget checks the plan's standing against the budget.
func checkBudget(t *testing.T, plan Plan) {
	t.Helper()
	b, total := plan.Cost.Budget, plan.Cost.Total
	switch {
	case !plan.Profile.HasBudget():
		if b.Status != BudgetUnlimited {
			t.Errorf("no budget, but status %q", b.Status)
		}
	case b.Status == BudgetFits || b.Status == BudgetTrimmed:
		if total > plan.Profile.Budget {
			t.Errorf("status %q, but the total %d exceeds the budget %d", b.Status, total, plan.Profile.Budget)
		}
	case b.Status == BudgetShortfall:
		if b.Shortfall != total-plan.Profile.Budget || b.Shortfall <= 0 {
			t.Errorf("shortfall %d for a total of %d and a budget of %d", b.Shortfall, total, plan.Profile.Budget)
		}
	default:
		t.Errorf("budget %d, but status %q", plan.Profile.Budget, b.Status)
	}
	if b.Message == "" && b.Status != BudgetUnlimited {
		t.Errorf("budget status %q without a message", b.Status)
	}
}
