package plan

import "strconv"

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
		FieldMatchYear: strconv.Itoa(matchYear),
		FieldGradYear:  strconv.Itoa(matchYear - e.YearsSinceGraduation),
	}
	for k, value := range e.Values {
		v[k] = value
	}
	return v
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
		Values: map[string]string{
			FieldStep2: "255", FieldFailures: "0", FieldStep3: "none",
			FieldENTRotations: "2", FieldLettersENTUS: "3", FieldLettersSurgery: "1",
			FieldENTResearch: "2", FieldResearchYear: "1", FieldVisa: "j1",
			FieldIntSurgery: "3", FieldIntDiagnosis: "2", FieldIntAcute: "2",
		},
	},
	{
		ID:    "moderate",
		Title: "Moderate applicant",
		Tier:  Tier2,
		// Source guide: Step 2 CK about 235-240, one ENT observership, no ENT
		// research, two internal medicine letters and one ENT letter from the
		// home country, graduated four years ago.
		YearsSinceGraduation: 4,
		Values: map[string]string{
			FieldStep2: "238", FieldFailures: "0", FieldStep3: "none",
			FieldENTObserverships: "1", FieldUSRotations: "2",
			FieldLettersIM: "2", FieldLettersENTIntl: "1", FieldVisa: "j1",
			FieldIntSurgery: "2", FieldIntDiagnosis: "3",
		},
	},
	{
		ID:    "high-risk",
		Title: "High-risk applicant",
		Tier:  Tier3,
		// Source guide: Step 2 CK 220, one failed attempt, no US ENT rotation,
		// some primary-care observerships, graduated seven years ago.
		YearsSinceGraduation: 7,
		Values: map[string]string{
			FieldStep2: "220", FieldFailures: "1", FieldStep3: "none",
			FieldUSRotations: "1", FieldLettersFM: "1", FieldVisa: "j1",
			FieldIntChildren: "2", FieldIntLifestyle: "3", FieldIntDiagnosis: "2",
		},
	},
}
