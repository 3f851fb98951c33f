package plan

import (
	"strconv"
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
}

// NoBudget is the Budget value of a profile without a spending limit.
const NoBudget = -1

// Step2Pending reports whether Step 2 CK has not been taken yet.
func (p Profile) Step2Pending() bool { return p.Step2 == 0 }

// HasBudget reports whether the applicant gave a spending limit.
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
	// Optional fields may be empty; an empty optional field means "not given".
	Optional bool
}

// FieldSpecs returns the fields of the profile in form order, with the ranges
// that hold for a plan made on the given day. Only grad_year and match_year
// depend on the day.
func FieldSpecs(today time.Time) []FieldSpec {
	year := today.Year()
	count := func(name string, max int) FieldSpec {
		return FieldSpec{Name: name, Kind: KindInt, Min: 0, Max: max, Unit: "a whole number"}
	}
	interest := func(name string) FieldSpec {
		return FieldSpec{Name: name, Kind: KindInt, Min: 0, Max: MaxInterest, Unit: "a rating"}
	}
	return []FieldSpec{
		{Name: FieldStep2, Kind: KindInt, Min: MinStep2, Max: MaxStep2, Unit: "a score", Optional: true},
		count(FieldFailures, MaxFailures),
		{Name: FieldStep3, Kind: KindChoice, Choices: []string{"none", "passed"}},
		count(FieldENTRotations, MaxENTRotations),
		count(FieldENTObserverships, MaxENTRotations),
		count(FieldUSRotations, MaxUSRotations),
		count(FieldLettersENTUS, MaxLetters),
		count(FieldLettersENTIntl, MaxLetters),
		count(FieldLettersSurgery, MaxLetters),
		count(FieldLettersIM, MaxLetters),
		count(FieldLettersFM, MaxLetters),
		count(FieldLettersPeds, MaxLetters),
		count(FieldLettersNeuro, MaxLetters),
		count(FieldLettersEM, MaxLetters),
		count(FieldLettersOther, MaxLetters),
		count(FieldENTResearch, MaxResearch),
		count(FieldOtherResearch, MaxResearch),
		{Name: FieldResearchYear, Kind: KindChoice, Choices: []string{"0", "1"}},
		{Name: FieldGradYear, Kind: KindInt, Min: MinGradYear, Max: year + MatchYearsAhead, Unit: "a year", Optional: true},
		{Name: FieldMatchYear, Kind: KindInt, Min: year, Max: year + MatchYearsAhead, Unit: "a year", Optional: true},
		{Name: FieldVisa, Kind: KindChoice, Choices: []string{"none", "j1", "h1b"}},
		interest(FieldIntSurgery),
		interest(FieldIntChildren),
		interest(FieldIntDiagnosis),
		interest(FieldIntAcute),
		interest(FieldIntNeuro),
		interest(FieldIntLifestyle),
		{Name: FieldBudget, Kind: KindInt, Min: 0, Max: MaxBudget, Unit: "an amount in US dollars", Optional: true},
	}
}

// DefaultMatchYear returns the Match a plan made on the given day targets when
// the applicant does not choose one: this year's Match until Match Day has
// passed, then next year's.
func DefaultMatchYear(today time.Time) int {
	if today.Before(MatchDay(today.Year())) {
		return today.Year()
	}
	return today.Year() + 1
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
	value := e.Value
	if len(value) > MaxValueLength {
		value = value[:MaxValueLength] + "…"
	}
	switch e.Kind {
	case ErrTooLong:
		return "the value is too long; " + e.Spec.valid()
	case ErrNotNumber:
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
// "enter a score from 1 to 300".
func (s FieldSpec) valid() string {
	if s.Kind == KindChoice {
		return "choose " + textutil.Join(s.Choices, ", ")
	}
	text := "enter " + s.Unit + " from " + strconv.Itoa(s.Min) + " to " + strconv.Itoa(s.Max)
	if s.Optional {
		text += ", or leave it empty"
	}
	return text
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

	for _, spec := range specs {
		raw, ok := values[spec.Name]
		raw = textutil.TrimSpace(raw)
		if !ok || raw == "" {
			continue
		}
		value, err := spec.read(raw)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p.set(spec.Name, value)
	}

	if p.MatchYear == 0 {
		p.MatchYear = DefaultMatchYear(today)
	}
	if p.GradYear > p.MatchYear {
		spec := FieldSpec{Name: FieldGradYear, Kind: KindInt, Min: MinGradYear, Max: p.MatchYear, Unit: "a year", Optional: true}
		errs = insertInOrder(errs, &FieldError{Field: FieldGradYear, Value: strconv.Itoa(p.GradYear), Kind: ErrAfterMatch, Spec: spec}, specs)
		p.GradYear = 0
	}
	return p, errs
}

// insertInOrder adds err to errs keeping the errors in the order of specs.
func insertInOrder(errs []*FieldError, err *FieldError, specs []FieldSpec) []*FieldError {
	rank := func(name string) int {
		for i, s := range specs {
			if s.Name == name {
				return i
			}
		}
		return len(specs)
	}
	at := len(errs)
	for i, e := range errs {
		if rank(e.Field) > rank(err.Field) {
			at = i
			break
		}
	}
	errs = append(errs, nil)
	copy(errs[at+1:], errs[at:])
	errs[at] = err
	return errs
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
	n, ok := textutil.Atoi(raw)
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

// set stores a parsed value in the field it belongs to.
func (p *Profile) set(name string, v int) {
	switch name {
	case FieldStep2:
		p.Step2 = v
	case FieldFailures:
		p.Failures = v
	case FieldStep3:
		p.Step3 = Step3Status(v)
	case FieldENTRotations:
		p.ENTRotations = v
	case FieldENTObserverships:
		p.ENTObserverships = v
	case FieldUSRotations:
		p.USRotations = v
	case FieldLettersENTUS:
		p.Letters.ENTUS = v
	case FieldLettersENTIntl:
		p.Letters.ENTIntl = v
	case FieldLettersSurgery:
		p.Letters.Surgery = v
	case FieldLettersIM:
		p.Letters.IM = v
	case FieldLettersFM:
		p.Letters.FM = v
	case FieldLettersPeds:
		p.Letters.Peds = v
	case FieldLettersNeuro:
		p.Letters.Neuro = v
	case FieldLettersEM:
		p.Letters.EM = v
	case FieldLettersOther:
		p.Letters.Other = v
	case FieldENTResearch:
		p.ENTResearch = v
	case FieldOtherResearch:
		p.OtherResearch = v
	case FieldResearchYear:
		p.ResearchYear = v == 1
	case FieldGradYear:
		p.GradYear = v
	case FieldMatchYear:
		p.MatchYear = v
	case FieldVisa:
		p.Visa = Visa(v)
	case FieldIntSurgery:
		p.Interests.Surgery = v
	case FieldIntChildren:
		p.Interests.Children = v
	case FieldIntDiagnosis:
		p.Interests.Diagnosis = v
	case FieldIntAcute:
		p.Interests.Acute = v
	case FieldIntNeuro:
		p.Interests.Neuro = v
	case FieldIntLifestyle:
		p.Interests.Lifestyle = v
	case FieldBudget:
		p.Budget = v
	}
}
