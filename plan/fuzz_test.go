package plan

import (
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
		if want, err := strconv.Atoi(raw); err != nil || got != want {
			t.Errorf("%s = %d for valid raw %q", spec.Name, got, values[spec.Name])
		}
	}
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
