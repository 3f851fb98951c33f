package plan

// Level is how a factor weighs in an ENT application.
type Level uint8

const (
	LevelWeak Level = iota
	LevelFair
	LevelStrong
	// LevelPending is a Step 2 CK not taken yet. The tier treats it as fair.
	LevelPending
)

// MarshalText writes the level as "strong", "fair", "weak" or "pending" for JSON.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

func (l Level) String() string {
	switch l {
	case LevelStrong:
		return "strong"
	case LevelFair:
		return "fair"
	case LevelPending:
		return "pending"
	default:
		return "weak"
	}
}

// FactorID names one factor of the assessment.
type FactorID uint8

const (
	FactorStep2 FactorID = iota
	FactorAttempts
	FactorENTExperience
	FactorENTLetters
	FactorResearch
	FactorGraduation
	FactorVisa
)

// Code returns the factor's stable identifier, used in data attributes and JSON.
func (f FactorID) Code() string {
	return [...]string{"step2", "attempts", "ent_experience", "ent_letters", "research", "graduation", "visa"}[f]
}

// MarshalText writes the factor's code for JSON.
func (f FactorID) MarshalText() ([]byte, error) { return []byte(f.Code()), nil }

// Title returns the factor's name for display.
func (f FactorID) Title() string {
	return [...]string{"Step 2 CK", "Exam attempts", "US ENT experience", "ENT letters", "Research", "Time since graduation", "Visa"}[f]
}

// Factor is one factor's level and the reason for it, quoting the applicant's value.
type Factor struct {
	_      noCompare
	ID     FactorID `json:"id"`
	Level  Level    `json:"level"`
	Reason string   `json:"reason"`
	// Major marks a weak factor that is a major red flag on its own (two or more failures).
	Major bool `json:"major"`
}

// Step 2 CK bands. The source guide's worked examples put its strong applicant
// above 250, its moderate applicant at about 235-240 and its high-risk applicant
// at 220.
const (
	// Step2Strong is the lowest Step 2 CK score rated strong (source guide, strong example: above 250).
	Step2Strong = 250
	// Step2Fair is the lowest Step 2 CK score rated fair (source guide, moderate example: about 235-240).
	Step2Fair = 235
)

// ENTMatchedMeanStep2 is the mean Step 2 CK of US MD seniors who matched in
// ENT, shown beside the bands for context. NRMP Charting Outcomes 2024, as
// restated by quantaprep.com (secondary source); not an IMG figure.
const ENTMatchedMeanStep2 = 255

// MajorFailures is the number of failed attempts that is a major red flag on its
// own. The source guide says multiple attempts can make an ENT match extremely
// unlikely for an IMG.
const MajorFailures = 2

// StrongENTRotations is the number of hands-on US ENT rotations rated strong
// (source guide: its strong applicant has two ENT sub-internships).
const StrongENTRotations = 2

// StrongENTLettersUS is the number of letters from US otolaryngologists rated
// strong (source guide: at least two strong letters from US otolaryngologists).
const StrongENTLettersUS = 2

// StrongENTResearch is the number of ENT research items rated strong, or with a
// dedicated US research year, StrongENTResearchWithYear (source guide: its strong
// applicant has a US research year with two posters; editorial default for the
// counts).
const (
	StrongENTResearch         = 2
	StrongENTResearchWithYear = 1
)

// Years from graduation to the target Match. The source guide says recent
// graduates are favoured and that being more than 5 to 7 years out may reduce
// competitiveness; its moderate example graduated 4 years ago and its high-risk
// example 7.
const (
	// RecentGraduationYears is the most years since graduation rated strong (editorial default).
	RecentGraduationYears = 3
	// FairGraduationYears is the most years since graduation rated fair (source guide: more than 5 years reduces competitiveness).
	FairGraduationYears = 5
)

// rateFactor maps each FactorID to the function that rates that factor.
var rateFactor = [...]func(Profile) Factor{
	FactorStep2:         step2Factor,
	FactorAttempts:      attemptsFactor,
	FactorENTExperience: experienceFactor,
	FactorENTLetters:    lettersFactor,
	FactorResearch:      researchFactor,
	FactorGraduation:    graduationFactor,
	FactorVisa:          visaFactor,
}

// assessFactors rates every factor of the profile, in FactorID order.
func assessFactors(p Profile) []Factor {
	factors := make([]Factor, len(rateFactor))
	for id, rate := range rateFactor {
		factors[id] = rate(p)
	}
	return factors
}

func step2Factor(p Profile) Factor {
	f := Factor{ID: FactorStep2}
	score := itoa(p.Step2)
	switch {
	case p.Step2Pending() && p.Step2Error != "":
		// The tier counts a pending score as fair, so a rejected one shows
		// as fair too, with the field's error in place of "not taken yet".
		f.Level = LevelFair
		f.Reason = rejectedReason("Step 2 CK", p.Step2Error)
	case p.Step2Pending():
		f.Level = LevelPending
		f.Reason = "Step 2 CK not taken yet: the result is provisional until your score is in."
	case p.Step2 >= Step2Strong:
		f.Level = LevelStrong
		f.Reason = "Step 2 CK " + score + " is at or above " + itoa(Step2Strong) + "."
	case p.Step2 >= Step2Fair:
		f.Level = LevelFair
		f.Reason = "Step 2 CK " + score + " is between " + itoa(Step2Fair) + " and " + itoa(Step2Strong-1) + "."
	default:
		f.Level = LevelWeak
		f.Reason = "Step 2 CK " + score + " is below " + itoa(Step2Fair) + "."
	}
	return f
}

func attemptsFactor(p Profile) Factor {
	f := Factor{ID: FactorAttempts}
	switch {
	case p.FailuresError != "":
		f.Level = LevelFair
		f.Reason = rejectedReason("failed attempts", p.FailuresError)
	case p.Failures == 0:
		f.Level = LevelStrong
		f.Reason = "No failed USMLE attempts."
	case p.Failures == 1:
		f.Level = LevelWeak
		f.Reason = "One failed USMLE attempt."
	default:
		f.Level = LevelWeak
		f.Major = true
		f.Reason = itoa(p.Failures) + " failed USMLE attempts: a major red flag for ENT."
	}
	return f
}

func experienceFactor(p Profile) Factor {
	f := Factor{ID: FactorENTExperience}
	held := plural(p.ENTRotations, "hands-on US ENT rotation", "hands-on US ENT rotations") +
		" and " + plural(p.ENTObserverships, "US ENT observership", "US ENT observerships")
	switch {
	case p.ENTRotations >= StrongENTRotations:
		f.Level = LevelStrong
		f.Reason = capitalize(held) + "."
	case p.ENTRotations > 0 || p.ENTObserverships > 0:
		f.Level = LevelFair
		f.Reason = capitalize(held) + "; " + itoa(StrongENTRotations) + " hands-on rotations rate strong."
	default:
		f.Level = LevelWeak
		f.Reason = "No US ENT rotation or observership."
	}
	return f
}

func lettersFactor(p Profile) Factor {
	f := Factor{ID: FactorENTLetters}
	l := p.Letters
	held := plural(l.ENTUS, "letter", "letters") + " from US otolaryngologists and " +
		plural(l.ENTIntl, "ENT letter", "ENT letters") + " from outside the US"
	switch {
	case l.ENTUS >= StrongENTLettersUS:
		f.Level = LevelStrong
		f.Reason = capitalize(held) + "."
	case l.ENTUS+l.ENTIntl > 0:
		f.Level = LevelFair
		f.Reason = capitalize(held) + "; " + itoa(StrongENTLettersUS) + " US ENT letters rate strong."
	default:
		f.Level = LevelWeak
		f.Reason = "No ENT letter yet."
	}
	return f
}

func researchFactor(p Profile) Factor {
	f := Factor{ID: FactorResearch}
	held := plural(p.ENTResearch, "ENT item", "ENT items") + " and " +
		plural(p.OtherResearch, "other item", "other items")
	if p.ResearchYear {
		held += ", with a US research year"
	}
	switch {
	case p.ENTResearch >= StrongENTResearch,
		p.ResearchYear && p.ENTResearch >= StrongENTResearchWithYear:
		f.Level = LevelStrong
		f.Reason = capitalize(held) + "."
	case p.ENTResearch > 0 || p.OtherResearch > 0 || p.ResearchYear:
		f.Level = LevelFair
		f.Reason = capitalize(held) + "; " + itoa(StrongENTResearch) + " ENT items rate strong."
	default:
		f.Level = LevelWeak
		f.Reason = "No publications, posters or presentations yet."
	}
	return f
}

func graduationFactor(p Profile) Factor {
	f := Factor{ID: FactorGraduation}
	if p.GradYear == 0 && p.GradYearError != "" {
		f.Level = LevelFair
		f.Reason = rejectedReason("graduation year", p.GradYearError)
		return f
	}
	if p.GradYear == 0 {
		f.Level = LevelFair
		f.Reason = "Graduation year not entered; counted as fair."
		return f
	}
	years := p.MatchYear - p.GradYear
	held := "Graduated in " + itoa(p.GradYear) + ": " +
		plural(years, "year", "years") + " before the " + itoa(p.MatchYear) + " Match"
	switch {
	case years <= RecentGraduationYears:
		f.Level = LevelStrong
	case years <= FairGraduationYears:
		f.Level = LevelFair
	default:
		f.Level = LevelWeak
	}
	f.Reason = capitalize(held) + "."
	return f
}

func visaFactor(p Profile) Factor {
	f := Factor{ID: FactorVisa}
	if p.VisaError != "" {
		f.Level = LevelFair
		f.Reason = rejectedReason("visa", p.VisaError)
		return f
	}
	switch p.Visa {
	case VisaNone:
		f.Level = LevelStrong
		f.Reason = "No visa needed."
	case VisaJ1:
		f.Level = LevelFair
		f.Reason = "Needs a J-1 visa, which many but not all programs accept."
	default:
		f.Level = LevelWeak
		f.Reason = "Needs an H-1B visa, which fewer programs sponsor."
	}
	return f
}

// rejectedReason returns the reason of a factor whose value was rejected:
// the field's error message, and that the tier counts the factor as fair
// until the value is corrected.
func rejectedReason(entry, message string) string {
	return "Your " + entry + " entry could not be used: " + message + ". Until you correct it, it counts as fair."
}

// capitalize returns s with its first letter in upper case, for reasons that
// start with a count such as "no letters".
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	// Slicing a constant, unlike string(byte), keeps the runtime's rune
	// encoder out of the .wasm.
	const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	i := s[0] - 'a'
	return upper[i:i+1] + s[1:]
}

// plural returns "1 letter" or "3 letters", and "no letters" for zero.
//
//go:noinline
func plural(n int, one, many string) string {
	switch n {
	case 0:
		return "no " + many
	case 1:
		return "1 " + one
	default:
		return itoa(n) + " " + many
	}
}
