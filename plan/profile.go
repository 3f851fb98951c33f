package plan

import (
	"time"

	"github.com/entbackup/ent-backup-planner/internal/textutil"
)

// Step3Status is whether the applicant has passed USMLE Step 3.
type Step3Status uint8

const (
	Step3None Step3Status = iota
	Step3Passed
)

// Visa is the visa the applicant needs for residency.
type Visa uint8

const (
	// VisaNone is a US citizen or permanent resident.
	VisaNone Visa = iota
	// VisaJ1 is the ECFMG-sponsored J-1 exchange visitor visa.
	VisaJ1
	// VisaH1B is the hospital-sponsored H-1B work visa.
	VisaH1B
)

// Letters counts the letters of recommendation held, by the writer's specialty.
type Letters struct {
	ENTUS   int // from US otolaryngologists
	ENTIntl int // ENT letters from outside the US
	Surgery int
	IM      int
	FM      int
	Peds    int
	Neuro   int
	EM      int
	Other   int
}

// Interests rates how much each kind of work appeals, from 0 (not at all) to 3 (very much).
type Interests struct {
	Surgery   int // operating room work and anatomy
	Children  int
	Diagnosis int // diagnostic reasoning, continuity, subspecialty science
	Acute     int // acute care and airway
	Neuro     int // neuroanatomy, imaging, long-term follow-up
	Lifestyle int // breadth, office procedures, predictable hours
}

// Profile is what the applicant enters in the planner. The zero value of an
// optional field means "not given": Step2 == 0 is a Step 2 CK not taken yet,
// Budget < 0 is no budget limit, GradYear == 0 is a graduation year not entered.
type Profile struct {
	Step2            int
	Failures         int
	Step3            Step3Status
	ENTRotations     int
	ENTObserverships int
	USRotations      int
	Letters          Letters
	ENTResearch      int
	OtherResearch    int
	ResearchYear     bool
	GradYear         int
	MatchYear        int
	Visa             Visa
	Interests        Interests
	Budget           int

	// Step2Error, GradYearError, FailuresError and VisaError are the
	// messages (FieldError.Message) of a value of that field that
	// ParseProfile rejected, or "". ParseProfile then leaves the field at its
	// default, and the factor's reason quotes the message and counts the
	// factor as fair, instead of rating the default. They are strings, not
	// *FieldError, so profiles stay comparable with ==.
	// NOTE: the move-up steps and the timeline still treat a rejected
	// Step 2 CK as not taken yet.
	Step2Error    string
	GradYearError string
	FailuresError string
	VisaError     string
}

// NoBudget is the Budget value of a profile without a spending limit.
const NoBudget = -1

// Step2Pending reports whether Step 2 CK has not been taken yet.
func (p Profile) Step2Pending() bool { return p.Step2 == 0 }

// HasBudget reports whether the applicant gave a spending limit.
//
//go:noinline
func (p Profile) HasBudget() bool { return p.Budget >= 0 }

// Form field names, shared by the calculator form, the URL fragment and the JSON API.
const (
	FieldStep2            = "step2"
	FieldFailures         = "failures"
	FieldStep3            = "step3"
	FieldENTRotations     = "ent_rotations"
	FieldENTObserverships = "ent_observerships"
	FieldUSRotations      = "us_rotations"
	FieldLettersENTUS     = "letters_ent_us"
	FieldLettersENTIntl   = "letters_ent_intl"
	FieldLettersSurgery   = "letters_surgery"
	FieldLettersIM        = "letters_im"
	FieldLettersFM        = "letters_fm"
	FieldLettersPeds      = "letters_peds"
	FieldLettersNeuro     = "letters_neuro"
	FieldLettersEM        = "letters_em"
	FieldLettersOther     = "letters_other"
	FieldENTResearch      = "ent_research"
	FieldOtherResearch    = "other_research"
	FieldResearchYear     = "research_year"
	FieldGradYear         = "grad_year"
	FieldMatchYear        = "match_year"
	FieldVisa             = "visa"
	FieldIntSurgery       = "int_surgery"
	FieldIntChildren      = "int_children"
	FieldIntDiagnosis     = "int_diagnosis"
	FieldIntAcute         = "int_acute"
	FieldIntNeuro         = "int_neuro"
	FieldIntLifestyle     = "int_lifestyle"
	FieldBudget           = "budget"
)

// Input limits. They bound what a person can plausibly enter; they are not
// judgements about the applicant.
const (
	// MinStep2 and MaxStep2 bound a Step 2 CK score. USMLE three-digit scores are
	// reported on a scale that tops out at 300.
	MinStep2 = 1
	MaxStep2 = 300
	// MaxFailures bounds failed USMLE attempts over all Steps. USMLE allows at most
	// 4 attempts per Step (usmle.org, attempt limit), so 3 failures per Step across
	// Step 1, Step 2 CK, Step 3 and a retired Step 2 CS give 12.
	MaxFailures = 12
	// MaxENTRotations bounds hands-on US ENT electives and sub-internships,
	// and US ENT observerships (editorial default).
	MaxENTRotations = 12
	// MaxUSRotations bounds US rotations in other specialties (editorial default).
	MaxUSRotations = 24
	// MaxLetters bounds the letters held from one kind of writer (editorial default).
	MaxLetters = 10
	// MaxResearch bounds research items of one kind (editorial default).
	MaxResearch = 200
	// MinGradYear is the earliest graduation year accepted (editorial default).
	MinGradYear = 1950
	// MatchYearsAhead is how many years after the current one a target Match may be
	// (editorial default).
	MatchYearsAhead = 4
	// MaxInterest is the top of the 0-3 interest scale.
	MaxInterest = 3
	// MaxBudget bounds the fee budget in US dollars (editorial default).
	MaxBudget = 100000
	// MaxValueLength is the longest raw value read for any field; longer input is
	// rejected before it is parsed.
	MaxValueLength = 16
)

// DefaultInterest is the interest level assumed when a rating is left empty:
// "some" on the 0-3 scale, so an empty rating neither favours nor rules out a
// specialty (editorial default).
const DefaultInterest = 1

// FieldKind is how a field's raw text is read.
type FieldKind uint8

const (
	KindInt    FieldKind = iota // a whole number in [Min, Max]
	KindChoice                  // one of Choices
)

// FieldSpec describes one input field: its name, how to read it and its valid values.
type FieldSpec struct {
	Name     string
	Kind     FieldKind
	Min, Max int
	Choices  []string
	// Unit names what the number counts in messages: "a score", "a whole number", "a year".
	Unit string
	// Labels are the texts of the form's select options for the valid
	// values, in order: one per choice, or one per number from Min to Max
	// for a number field shown as a select (the interest ratings). Messages
	// quote them. A field typed as text has none.
	Labels []string
	// Optional fields may be empty; an empty optional field means "not given".
	Optional bool
}

// Positions of the fields in form order, in FieldSpecs and fieldSpecTable.
const (
	posStep2 = iota
	posFailures
	posStep3
	posENTRotations
	posENTObserverships
	posUSRotations
	posLettersENTUS
	posLettersENTIntl
	posLettersSurgery
	posLettersIM
	posLettersFM
	posLettersPeds
	posLettersNeuro
	posLettersEM
	posLettersOther
	posENTResearch
	posOtherResearch
	posResearchYear
	posGradYear
	posMatchYear
	posVisa
	posIntSurgery
	posIntChildren
	posIntDiagnosis
	posIntAcute
	posIntNeuro
	posIntLifestyle
	posBudget
	fieldCount
)

// Units of the number fields, as messages name them.
const (
	unitCount  = "a whole number"
	unitRating = "a rating"
	unitYear   = "a year"
)

// Labels of the form's select options. The form, its messages and the
// JSON API's error details all take them from here.
var (
	step3Labels  = []string{"Not passed yet", "Passed"}
	yesNoLabels  = []string{"No", "Yes"}
	visaLabels   = []string{"None (US citizen or permanent resident)", "J-1", "H-1B"}
	ratingLabels = []string{"Not at all", "Somewhat", "Quite a lot", "Very much"}
)

// fieldSpecTable holds the fields in form order. FieldSpecs fills in the
// year ranges of grad_year and match_year, which depend on the day. A table
// of constants is static data in the .wasm, where building the specs in
// code cost several KB.
var fieldSpecTable = [fieldCount]FieldSpec{
	posStep2:            {Name: FieldStep2, Kind: KindInt, Min: MinStep2, Max: MaxStep2, Unit: "a score", Optional: true},
	posFailures:         {Name: FieldFailures, Kind: KindInt, Max: MaxFailures, Unit: unitCount},
	posStep3:            {Name: FieldStep3, Kind: KindChoice, Choices: []string{"none", "passed"}, Labels: step3Labels},
	posENTRotations:     {Name: FieldENTRotations, Kind: KindInt, Max: MaxENTRotations, Unit: unitCount},
	posENTObserverships: {Name: FieldENTObserverships, Kind: KindInt, Max: MaxENTRotations, Unit: unitCount},
	posUSRotations:      {Name: FieldUSRotations, Kind: KindInt, Max: MaxUSRotations, Unit: unitCount},
	posLettersENTUS:     {Name: FieldLettersENTUS, Kind: KindInt, Max: MaxLetters, Unit: unitCount},
	posLettersENTIntl:   {Name: FieldLettersENTIntl, Kind: KindInt, Max: MaxLetters, Unit: unitCount},
	posLettersSurgery:   {Name: FieldLettersSurgery, Kind: KindInt, Max: MaxLetters, Unit: unitCount},
	posLettersIM:        {Name: FieldLettersIM, Kind: KindInt, Max: MaxLetters, Unit: unitCount},
	posLettersFM:        {Name: FieldLettersFM, Kind: KindInt, Max: MaxLetters, Unit: unitCount},
	posLettersPeds:      {Name: FieldLettersPeds, Kind: KindInt, Max: MaxLetters, Unit: unitCount},
	posLettersNeuro:     {Name: FieldLettersNeuro, Kind: KindInt, Max: MaxLetters, Unit: unitCount},
	posLettersEM:        {Name: FieldLettersEM, Kind: KindInt, Max: MaxLetters, Unit: unitCount},
	posLettersOther:     {Name: FieldLettersOther, Kind: KindInt, Max: MaxLetters, Unit: unitCount},
	posENTResearch:      {Name: FieldENTResearch, Kind: KindInt, Max: MaxResearch, Unit: unitCount},
	posOtherResearch:    {Name: FieldOtherResearch, Kind: KindInt, Max: MaxResearch, Unit: unitCount},
	posResearchYear:     {Name: FieldResearchYear, Kind: KindChoice, Choices: []string{"0", "1"}, Labels: yesNoLabels},
	posGradYear:         {Name: FieldGradYear, Kind: KindInt, Min: MinGradYear, Unit: unitYear, Optional: true},
	posMatchYear:        {Name: FieldMatchYear, Kind: KindInt, Unit: unitYear, Optional: true},
	posVisa:             {Name: FieldVisa, Kind: KindChoice, Choices: []string{"none", "j1", "h1b"}, Labels: visaLabels},
	posIntSurgery:       {Name: FieldIntSurgery, Kind: KindInt, Max: MaxInterest, Unit: unitRating, Labels: ratingLabels},
	posIntChildren:      {Name: FieldIntChildren, Kind: KindInt, Max: MaxInterest, Unit: unitRating, Labels: ratingLabels},
	posIntDiagnosis:     {Name: FieldIntDiagnosis, Kind: KindInt, Max: MaxInterest, Unit: unitRating, Labels: ratingLabels},
	posIntAcute:         {Name: FieldIntAcute, Kind: KindInt, Max: MaxInterest, Unit: unitRating, Labels: ratingLabels},
	posIntNeuro:         {Name: FieldIntNeuro, Kind: KindInt, Max: MaxInterest, Unit: unitRating, Labels: ratingLabels},
	posIntLifestyle:     {Name: FieldIntLifestyle, Kind: KindInt, Max: MaxInterest, Unit: unitRating, Labels: ratingLabels},
	posBudget:           {Name: FieldBudget, Kind: KindInt, Max: MaxBudget, Unit: "an amount in US dollars", Optional: true},
}

// FieldSpecs returns the fields of the profile in form order, with the ranges
// that hold for a plan made on the given day. Only grad_year and match_year
// depend on the day.
func FieldSpecs(today time.Time) []FieldSpec {
	year, _, _ := today.Date()
	specs := make([]FieldSpec, fieldCount)
	copy(specs, fieldSpecTable[:])
	for i := range specs {
		// Each call returns its own choices, as it did when they were built
		// here, so a caller cannot change the table.
		specs[i].Choices = append([]string(nil), specs[i].Choices...)
		specs[i].Labels = append([]string(nil), specs[i].Labels...)
	}
	specs[posGradYear].Max = year + MatchYearsAhead
	// A Match whose Match Day has passed can no longer be planned for.
	specs[posMatchYear].Min, specs[posMatchYear].Max = DefaultMatchYear(today), year+MatchYearsAhead
	return specs
}

// DefaultMatchYear returns the Match a plan made on the given day targets when
// the applicant does not choose one: this year's Match until Match Day has
// passed, then next year's.
func DefaultMatchYear(today time.Time) int {
	year, _, _ := today.Date()
	if today.Before(MatchDay(year)) {
		return year
	}
	return year + 1
}

// ErrorKind classifies a FieldError.
type ErrorKind uint8

const (
	ErrOutOfRange ErrorKind = iota // a number outside [Min, Max]
	ErrNotNumber                   // text where a whole number is due
	ErrNotChoice                   // a value that is not one of the choices
	ErrTooLong                     // longer than MaxValueLength
	ErrAfterMatch                  // grad_year later than the target Match
)

// FieldError is an invalid value for one field. Its message names the field,
// echoes the value and says what is valid.
type FieldError struct {
	Field string
	Value string
	Kind  ErrorKind
	Spec  FieldSpec
}

func (e *FieldError) Error() string {
	return e.Field + ": " + e.Message()
}

// Message returns the error without the field name, for display next to the field.
func (e *FieldError) Message() string {
	value := Shorten(e.Value)
	switch e.Kind {
	case ErrTooLong:
		return "the value is too long; " + e.Spec.valid()
	case ErrNotNumber:
		if e.Field == FieldBudget {
			return textutil.Quote(value) + " is not a whole number of dollars, written as 3000 or $3,000; " + e.Spec.valid()
		}
		return textutil.Quote(value) + " is not a whole number; " + e.Spec.valid()
	case ErrNotChoice:
		return textutil.Quote(value) + " is not a valid choice; " + e.Spec.valid()
	case ErrAfterMatch:
		return value + " is after the target Match; " + e.Spec.valid()
	default:
		return value + " is out of range; " + e.Spec.valid()
	}
}

// valid returns the instruction that names the valid values, such as
// "enter a score from 1 to 300". For a field shown as a select it names each
// option's label, then the value that a link or the JSON API uses, such as
// "choose “J-1” (j1) or “H-1B” (h1b)".
func (s FieldSpec) valid() string {
	var text string
	switch {
	case len(s.Labels) > 0:
		options := make([]string, len(s.Labels))
		for i, label := range s.Labels {
			options[i] = "\u201c" + label + "\u201d (" + s.code(i) + ")"
		}
		text = "choose " + joinList(options, "or")
	case s.Kind == KindChoice:
		text = "choose " + joinList(s.Choices, "or")
	default:
		text = "enter " + s.Unit + " from " + itoa(s.Min) + " to " + itoa(s.Max)
	}
	if s.Optional {
		text += ", or leave it empty"
	}
	return text
}

// code returns the value of the i-th option of a field shown as a select:
// its i-th choice, or the number Min+i.
func (s FieldSpec) code(i int) string {
	if s.Kind == KindChoice {
		return s.Choices[i]
	}
	return itoa(s.Min + i)
}

// ParseProfile reads a profile from raw field values, as typed in the form or
// decoded from the URL fragment. Fields that are missing take their defaults.
// A field whose value is invalid also takes its default, and is reported in
// the returned errors, so the plan keeps working from the valid fields.
// Errors are in form order.
func ParseProfile(values map[string]string, today time.Time) (Profile, []*FieldError) {
	p := Profile{Budget: NoBudget, Interests: Interests{
		Surgery: DefaultInterest, Children: DefaultInterest, Diagnosis: DefaultInterest,
		Acute: DefaultInterest, Neuro: DefaultInterest, Lifestyle: DefaultInterest,
	}}
	var errs []*FieldError
	specs := FieldSpecs(today)
	// gradAt is where in errs an error about grad_year belongs, so they
	// stay in form order.
	gradAt := 0

	for i, spec := range specs {
		if i == posGradYear {
			gradAt = len(errs)
		}
		raw, ok := values[spec.Name]
		raw = textutil.TrimSpace(raw)
		if !ok || raw == "" {
			continue
		}
		value, err := spec.read(raw)
		if err != nil {
			errs = append(errs, err)
			p.setError(i, err)
			continue
		}
		p.set(i, value)
	}

	if p.MatchYear == 0 {
		p.MatchYear = DefaultMatchYear(today)
	}
	if p.GradYear > p.MatchYear {
		spec := FieldSpec{Name: FieldGradYear, Kind: KindInt, Min: MinGradYear, Max: p.MatchYear, Unit: "a year", Optional: true}
		errs = append(errs, nil)
		copy(errs[gradAt+1:], errs[gradAt:])
		errs[gradAt] = &FieldError{Field: FieldGradYear, Value: itoa(p.GradYear), Kind: ErrAfterMatch, Spec: spec}
		p.GradYearError = errs[gradAt].Message()
		p.GradYear = 0
	}
	return p, errs
}

// read parses one raw value against the spec. Choices return their index.
func (s FieldSpec) read(raw string) (int, *FieldError) {
	fail := func(kind ErrorKind) (int, *FieldError) {
		return 0, &FieldError{Field: s.Name, Value: raw, Kind: kind, Spec: s}
	}
	if len(raw) > MaxValueLength {
		return fail(ErrTooLong)
	}
	if s.Kind == KindChoice {
		for i, c := range s.Choices {
			if textutil.EqualFold(raw, c) {
				return i, nil
			}
		}
		return fail(ErrNotChoice)
	}
	n, ok := textutil.Atoi(plainNumber(raw, s.Name == FieldBudget))
	if !ok {
		// Decimals such as 250.5 and forms such as 1e3 land here too: every
		// field takes whole numbers only.
		return fail(ErrNotNumber)
	}
	if n < s.Min || n > s.Max {
		return fail(ErrOutOfRange)
	}
	return n, nil
}

// plainNumber returns raw with the digits of other scripts that phones and
// keyboards type replaced by ASCII digits: Arabic-Indic (U+0660 to U+0669),
// Eastern Arabic-Indic (U+06F0 to U+06F9) and full-width (U+FF10 to U+FF19).
// For an amount of money it also drops a leading "$" and the commas of
// digit groups, as in "$12,500". Other text stays as it is, so the field
// still rejects it.
func plainNumber(raw string, money bool) string {
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		b := raw[i]
		next, after := byte(0), byte(0)
		if i+1 < len(raw) {
			next = raw[i+1]
		}
		if i+2 < len(raw) {
			after = raw[i+2]
		}
		switch {
		case b == 0xd9 && next >= 0xa0 && next <= 0xa9:
			out = append(out, '0'+next-0xa0)
			i++
		case b == 0xdb && next >= 0xb0 && next <= 0xb9:
			out = append(out, '0'+next-0xb0)
			i++
		case b == 0xef && next == 0xbc && after >= 0x90 && after <= 0x99:
			out = append(out, '0'+after-0x90)
			i += 2
		default:
			out = append(out, b)
		}
	}
	if !money {
		return string(out)
	}
	if len(out) > 0 && out[0] == '$' {
		out = out[1:]
	}
	return withoutGroupCommas(string(out))
}

// withoutGroupCommas returns s without its commas when they separate digit
// groups, one to three digits and then three after each comma as in
// "1,250,000", and s as it is otherwise.
func withoutGroupCommas(s string) string {
	digits := make([]byte, 0, len(s))
	run, commas := 0, 0
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= '0' && b <= '9':
			digits = append(digits, b)
			run++
		case b == ',' && run > 0 && run <= 3 && (commas == 0 || run == 3):
			commas++
			run = 0
		default:
			return s
		}
	}
	if commas > 0 && run != 3 {
		return s
	}
	return string(digits)
}

// setError stores the error message of the field at form position pos when
// a factor reason quotes it.
func (p *Profile) setError(pos int, err *FieldError) {
	switch pos {
	case posStep2:
		p.Step2Error = err.Message()
	case posGradYear:
		p.GradYearError = err.Message()
	case posFailures:
		p.FailuresError = err.Message()
	case posVisa:
		p.VisaError = err.Message()
	}
}

// set stores a parsed value in the field at form position pos.
func (p *Profile) set(pos int, v int) {
	switch pos {
	case posStep2:
		p.Step2 = v
	case posFailures:
		p.Failures = v
	case posStep3:
		p.Step3 = Step3Status(v)
	case posENTRotations:
		p.ENTRotations = v
	case posENTObserverships:
		p.ENTObserverships = v
	case posUSRotations:
		p.USRotations = v
	case posLettersENTUS:
		p.Letters.ENTUS = v
	case posLettersENTIntl:
		p.Letters.ENTIntl = v
	case posLettersSurgery:
		p.Letters.Surgery = v
	case posLettersIM:
		p.Letters.IM = v
	case posLettersFM:
		p.Letters.FM = v
	case posLettersPeds:
		p.Letters.Peds = v
	case posLettersNeuro:
		p.Letters.Neuro = v
	case posLettersEM:
		p.Letters.EM = v
	case posLettersOther:
		p.Letters.Other = v
	case posENTResearch:
		p.ENTResearch = v
	case posOtherResearch:
		p.OtherResearch = v
	case posResearchYear:
		p.ResearchYear = v == 1
	case posGradYear:
		p.GradYear = v
	case posMatchYear:
		p.MatchYear = v
	case posVisa:
		p.Visa = Visa(v)
	case posIntSurgery:
		p.Interests.Surgery = v
	case posIntChildren:
		p.Interests.Children = v
	case posIntDiagnosis:
		p.Interests.Diagnosis = v
	case posIntAcute:
		p.Interests.Acute = v
	case posIntNeuro:
		p.Interests.Neuro = v
	case posIntLifestyle:
		p.Interests.Lifestyle = v
	case posBudget:
		p.Budget = v
	}
}
