package plan

// Tier is the ENT competitiveness tier: 1 strong, 2 borderline, 3 low.
type Tier uint8

const (
	Tier1 Tier = 1
	Tier2 Tier = 2
	Tier3 Tier = 3
)

// String returns "Tier 1", "Tier 2" or "Tier 3".
//
//go:noinline
func (t Tier) String() string {
	// The digit is one byte for every tier below 80. Writing its bytes, not
	// string(rune(...)), keeps the rune encoder out of the .wasm.
	digit := byte('0' + t)
	if digit < 0x80 {
		return "Tier " + string([]byte{digit})
	}
	return "Tier " + string([]byte{0xc0 | digit>>6, 0x80 | digit&0x3f})
}

// Band splits Tier 2 into its upper and lower halves. Tiers 1 and 3 have no band.
type Band uint8

const (
	BandNone Band = iota
	BandUpper
	BandLower
)

// MarshalText writes the band as "upper", "lower" or "" for JSON.
func (b Band) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

//go:noinline
func (b Band) String() string {
	switch b {
	case BandUpper:
		return "upper"
	case BandLower:
		return "lower"
	default:
		return ""
	}
}

// MaxWeakForTier2 is the most weak factors among US ENT experience, ENT
// letters, research, time since graduation and visa that still leave an
// applicant in Tier 2; one more makes Tier 3. The source guide's Tier 3
// combines several such gaps (no US ENT exposure, no ENT letters, older
// graduation, limited research, visa constraints); two is an editorial default.
const MaxWeakForTier2 = 1

// MaxWeakForUpperTier2 is the most weak factors of any kind an upper Tier 2
// applicant may have (editorial default).
const MaxWeakForUpperTier2 = 1

// Assessment is the tier with the factor levels and reasons behind it.
type Assessment struct {
	Tier Tier `json:"tier"`
	Band Band `json:"band"`
	// Provisional is set while Step 2 CK is pending: the tier is computed as if
	// the score were fair.
	Provisional bool     `json:"provisional"`
	Factors     []Factor `json:"factors"`
	// Why lists the rules that decided the tier, in plain words.
	Why []string `json:"why"`
}

// Factor returns the assessment's factor with the given ID.
func (a Assessment) Factor(id FactorID) Factor {
	return a.Factors[id]
}

// Label returns the tier for display: "Tier 1", "Tier 2 (upper)" or "Tier 3".
//
//go:noinline
func (a Assessment) Label() string {
	if a.Band == BandNone {
		return a.Tier.String()
	}
	return a.Tier.String() + " (" + a.Band.String() + ")"
}

// Assess rates each factor of the profile and derives the tier.
//
// Tier 1 needs a strong Step 2 CK, no failure, strong US ENT experience,
// strong ENT letters and no weak factor. Tier 3 follows from a weak Step 2 CK,
// two or more failures, one failure without a strong Step 2 CK, or more than
// MaxWeakForTier2 weak factors among experience, letters, research, graduation
// and visa. Everything else is Tier 2: upper when Step 2 CK is strong and at
// most MaxWeakForUpperTier2 factors are weak, lower otherwise.
func Assess(p Profile) Assessment {
	return decide(p, assessFactors(p))
}

// decide rates the profile from its factors, in FactorID order: the tier,
// the band and the reasons.
func decide(p Profile, factors []Factor) Assessment {
	a := Assessment{Factors: factors, Provisional: p.Step2Pending()}
	level := func(id FactorID) Level {
		if l := factors[id].Level; l != LevelPending {
			return l
		}
		return LevelFair
	}

	weak := 0
	for _, f := range factors {
		if f.Level == LevelWeak {
			weak++
		}
	}
	softWeak := 0
	var softWeakNames []string
	for _, id := range []FactorID{FactorENTExperience, FactorENTLetters, FactorResearch, FactorGraduation, FactorVisa} {
		if factors[id].Level == LevelWeak {
			softWeak++
			appendTo(&softWeakNames, id.Title())
		}
	}
	step2 := level(FactorStep2)

	switch {
	case step2 == LevelWeak:
		a.Tier = Tier3
		appendTo(&a.Why, "A Step 2 CK below "+itoa(Step2Fair)+" puts ENT out of realistic reach.")
	case p.Failures >= MajorFailures:
		a.Tier = Tier3
		appendTo(&a.Why, "Two or more failed USMLE attempts are a major red flag for ENT programs.")
	case p.Failures == 1 && step2 != LevelStrong:
		a.Tier = Tier3
		appendTo(&a.Why, "One failed attempt without a Step 2 CK of "+itoa(Step2Strong)+" or more to offset it.")
	case softWeak > MaxWeakForTier2:
		a.Tier = Tier3
		appendTo(&a.Why, "Several weak factors together: "+joinList(softWeakNames, "and")+".")
	// A rejected visa entry counts as fair, but the visa meant may be an
	// H-1B, which is weak, so Tier 1 waits for the correction.
	case step2 == LevelStrong && level(FactorAttempts) == LevelStrong && p.VisaError == "" &&
		level(FactorENTExperience) == LevelStrong && level(FactorENTLetters) == LevelStrong && weak == 0:
		a.Tier = Tier1
		appendTo(&a.Why, "Strong Step 2 CK, no failures, strong US ENT experience and ENT letters, and no weak factor.")
	default:
		a.Tier = Tier2
		if step2 == LevelStrong && weak <= MaxWeakForUpperTier2 {
			a.Band = BandUpper
			appendTo(&a.Why, "Strong Step 2 CK with at most one weak factor, but not every Tier 1 requirement is met.")
		} else {
			a.Band = BandLower
			appendTo(&a.Why, "No single disqualifying factor, but the application is not yet strong across the board.")
		}
	}
	switch {
	case a.Provisional && p.Step2Error != "":
		appendTo(&a.Why, "Provisional: the Step 2 CK entered could not be used and counts as fair until it is corrected.")
	case a.Provisional:
		appendTo(&a.Why, "Provisional: Step 2 CK is pending and counted as fair until the score is in.")
	}
	return a
}

// joinList joins names as "a", "a and b" or "a, b and c", with the given
// conjunction ("and" or "or") before the last.
//
//go:noinline
func joinList(names []string, conjunction string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	out := names[0]
	for _, n := range names[1 : len(names)-1] {
		out += ", " + n
	}
	return out + " " + conjunction + " " + names[len(names)-1]
}
