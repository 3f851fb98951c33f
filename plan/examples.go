package plan

// Example is one of the source guide's three worked example applicants, as a
// calculator profile. Graduation is stored relative to the target Match so the
// example stays the same applicant in any season.
type Example struct {
	ID    string // "strong", "moderate" or "high-risk"
	Title string
	// Tier is the tier the source guide gives this applicant.
	Tier Tier
	// YearsSinceGraduation is the years from graduation to the target Match.
	YearsSinceGraduation int
	// Values holds the example's form values other than grad_year and match_year.
	Values map[string]string
}

// ValuesFor returns the example's form values for a plan that targets matchYear.
func (e Example) ValuesFor(matchYear int) map[string]string {
	v := map[string]string{
		FieldMatchYear: itoa(matchYear),
		FieldGradYear:  itoa(matchYear - e.YearsSinceGraduation),
	}
	for k, value := range e.Values {
		v[k] = value
	}
	return v
}

// exampleValues returns the values of an example written as a link's
// fragment. A string per example is far smaller in the .wasm than a map
// literal, whose every entry is code run at start-up.
func exampleValues(fragment string) map[string]string {
	values, issues := DecodeFragment(fragment)
	if len(issues) > 0 {
		panic("plan: invalid example values " + fragment)
	}
	return values
}

// Examples are the source guide's worked examples. Where the guide does not
// give a value (the exact score above 250, the visa of the moderate and
// high-risk applicants, interests) the example uses a plausible one,
// chosen by this project.
var Examples = []Example{
	{
		ID:    "strong",
		Title: "Strong ENT-focused applicant",
		Tier:  Tier1,
		// Source guide: Step 2 CK above 250, no failed attempts, a US ENT research
		// year with two posters, two ENT sub-internships, three strong ENT letters,
		// needs a J-1 visa.
		YearsSinceGraduation: 2,
		Values:               exampleValues("step2=255&failures=0&step3=none&ent_rotations=2&letters_ent_us=3&letters_surgery=1&ent_research=2&research_year=1&visa=j1&int_surgery=3&int_diagnosis=2&int_acute=2"),
	},
	{
		ID:    "moderate",
		Title: "Moderate applicant",
		Tier:  Tier2,
		// Source guide: Step 2 CK about 235-240, one ENT observership, no ENT
		// research, two internal medicine letters and one ENT letter from the
		// home country, graduated four years ago.
		YearsSinceGraduation: 4,
		Values:               exampleValues("step2=238&failures=0&step3=none&ent_observerships=1&us_rotations=2&letters_im=2&letters_ent_intl=1&visa=j1&int_surgery=2&int_diagnosis=3"),
	},
	{
		ID:    "high-risk",
		Title: "High-risk applicant",
		Tier:  Tier3,
		// Source guide: Step 2 CK 220, one failed attempt, no US ENT rotation,
		// some primary-care observerships, graduated seven years ago.
		YearsSinceGraduation: 7,
		Values:               exampleValues("step2=220&failures=1&step3=none&us_rotations=1&letters_fm=1&visa=j1&int_children=2&int_lifestyle=3&int_diagnosis=2"),
	},
}
