package sharelink

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entbackup/ent-backup-planner/plan"
)

// formDefaults returns the values the calculator form is served with.
func formDefaults() map[string]string {
	defaults := map[string]string{}
	for _, name := range plan.FieldNames() {
		defaults[name] = ""
	}
	for _, name := range []string{
		plan.FieldFailures, plan.FieldENTRotations, plan.FieldENTObserverships, plan.FieldUSRotations,
		plan.FieldLettersENTUS, plan.FieldLettersENTIntl, plan.FieldLettersSurgery, plan.FieldLettersIM,
		plan.FieldLettersFM, plan.FieldLettersPeds, plan.FieldLettersNeuro, plan.FieldLettersEM,
		plan.FieldLettersOther, plan.FieldENTResearch, plan.FieldOtherResearch, plan.FieldResearchYear,
	} {
		defaults[name] = "0"
	}
	for _, name := range []string{
		plan.FieldIntSurgery, plan.FieldIntChildren, plan.FieldIntDiagnosis,
		plan.FieldIntAcute, plan.FieldIntNeuro, plan.FieldIntLifestyle,
	} {
		defaults[name] = "1"
	}
	defaults[plan.FieldStep3] = "none"
	defaults[plan.FieldVisa] = "none"
	return defaults
}

// withValues returns the defaults with some fields changed.
func withValues(changes map[string]string) map[string]string {
	values := formDefaults()
	for name, value := range changes {
		values[name] = value
	}
	return values
}

// decodeIntoForm opens a fragment the way the calculator does: fields the
// fragment does not name get their defaults.
func decodeIntoForm(t *testing.T, fragment string) map[string]string {
	t.Helper()
	decoded, issues := plan.DecodeFragment(fragment)
	if len(issues) > 0 {
		t.Fatalf("DecodeFragment(%q) issues: %v", fragment, issues)
	}
	values := formDefaults()
	for name, value := range decoded {
		values[name] = value
	}
	return values
}

func TestEncodeDefaultsIsEmpty(t *testing.T) {
	if got := Encode(formDefaults(), formDefaults()); got != "" {
		t.Errorf("Encode(defaults) = %q, want empty", got)
	}
}

func TestEncodeWritesChangedFieldsOnly(t *testing.T) {
	got := Encode(withValues(map[string]string{"step2": "255", "visa": "j1"}), formDefaults())
	if want := "v=1&step2=255&visa=j1"; got != want {
		t.Errorf("Encode = %q, want %q", got, want)
	}
}

func TestEncodeKeepsEmptiedField(t *testing.T) {
	values := withValues(map[string]string{"failures": ""})
	got := Encode(values, formDefaults())
	if want := "v=1&failures="; got != want {
		t.Errorf("Encode = %q, want %q", got, want)
	}
	if back := decodeIntoForm(t, got); back["failures"] != "" {
		t.Errorf("failures after decoding = %q, want it still empty", back["failures"])
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	cases := []map[string]string{
		{"step2": "255", "grad_year": "2024", "budget": "3000"},
		{"step2": " 24 0 ", "failures": "a&b=c", "visa": "J1"},
		{"ent_research": "%zz+#?", "other_research": "ümlaut €", "budget": "1e9"},
		{"step2": "\x00\xff\xfe", "failures": "", "int_neuro": "\t"},
		{"step2": strings.Repeat("9", 100)},
	}
	for _, changes := range cases {
		values := withValues(changes)
		fragment := Encode(values, formDefaults())
		back := decodeIntoForm(t, fragment)
		for name, want := range values {
			if back[name] != want {
				t.Errorf("fragment %q: %s = %q after decoding, want %q", fragment, name, back[name], want)
			}
		}
	}
}

func TestEncodeFitsWithEveryFieldHuge(t *testing.T) {
	values := map[string]string{}
	for _, name := range plan.FieldNames() {
		values[name] = strings.Repeat("€", 5000)
	}
	fragment := Encode(values, formDefaults())
	if len(fragment) > plan.MaxFragmentLength {
		t.Fatalf("len(fragment) = %d, want at most %d", len(fragment), plan.MaxFragmentLength)
	}
	back := decodeIntoForm(t, fragment)
	_, errs := plan.ParseProfile(back, time.Now())
	if len(errs) != len(plan.FieldNames()) {
		t.Errorf("ParseProfile found %d invalid fields after shortening, want all %d", len(errs), len(plan.FieldNames()))
	}
}

func TestShortenKeepsValidValueValid(t *testing.T) {
	padded := "   250" + strings.Repeat(" ", 20)
	if got := Shorten(padded); got != "250" {
		t.Errorf("Shorten(%q) = %q, want %q", padded, got, "250")
	}
}

func TestShortenCutsAtRuneBoundary(t *testing.T) {
	got := Shorten("12345678901234€€")
	if want := "12345678901234" + Ellipsis; got != want {
		t.Errorf("Shorten = %q, want %q", got, want)
	}
}

// FuzzEncode checks that any form, opened from its own link, gives back the
// same values, except values too long for a link, which stay invalid.
func FuzzEncode(f *testing.F) {
	f.Add("255\n0\nnone\n2\n\n\n\n\n\n\n\n\n\n\n\n\n\n1\n2024")
	f.Add(strings.Repeat("x", 3000) + "\n" + strings.Repeat("€", 100))
	f.Add("\x00\n\xff\n%\n+\n&\n=\n#")
	// Cut for the link, invalid UTF-8 shortens to "…" alone, which is
	// rejected as not a number where the form's value is too long.
	f.Add(strings.Repeat("\x88", 3000))
	f.Fuzz(func(t *testing.T, input string) {
		// Longer inputs only make the fuzzer slow at minimizing; values too
		// long for any link are covered by TestEncodeFitsWithEveryFieldHuge.
		if len(input) > 4*plan.MaxFragmentLength {
			return
		}
		values := formDefaults()
		parts := strings.Split(input, "\n")
		for i, name := range plan.FieldNames() {
			if i < len(parts) {
				values[name] = parts[i]
			}
		}
		fragment := Encode(values, formDefaults())
		if len(fragment) > plan.MaxFragmentLength {
			t.Fatalf("len(fragment) = %d, want at most %d", len(fragment), plan.MaxFragmentLength)
		}
		back := decodeIntoForm(t, fragment)
		today := time.Date(2026, time.June, 1, 0, 0, 0, 0, time.UTC)
		wantProfile, wantErrs := plan.ParseProfile(values, today)
		gotProfile, gotErrs := plan.ParseProfile(back, today)
		// A value cut short for the link is rejected for another reason
		// than the whole value ("not a whole number" instead of "too
		// long"), so the rejection messages are compared by presence only.
		for _, p := range []*plan.Profile{&wantProfile, &gotProfile} {
			p.Step2Error = strconv.FormatBool(p.Step2Error != "")
			p.GradYearError = strconv.FormatBool(p.GradYearError != "")
			p.FailuresError = strconv.FormatBool(p.FailuresError != "")
			p.VisaError = strconv.FormatBool(p.VisaError != "")
		}
		if gotProfile != wantProfile {
			t.Errorf("profile from link = %+v, want %+v", gotProfile, wantProfile)
		}
		if len(gotErrs) != len(wantErrs) {
			t.Errorf("link has %d invalid fields, the form %d", len(gotErrs), len(wantErrs))
		}
		for _, name := range plan.FieldNames() {
			if back[name] != values[name] && back[name] != Shorten(values[name]) {
				t.Errorf("%s = %q from link, want %q or its shortened form", name, back[name], values[name])
			}
		}
	})
}
