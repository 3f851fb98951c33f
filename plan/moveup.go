package plan

// ChangeKind is an actionable change the planner may suggest. Each kind is
// named after the form field it changes.
type ChangeKind string

const (
	ChangeENTRotations ChangeKind = FieldENTRotations
	ChangeENTLettersUS ChangeKind = FieldLettersENTUS
	ChangeENTResearch  ChangeKind = FieldENTResearch
	ChangeStep3        ChangeKind = FieldStep3
	ChangeStep2Target  ChangeKind = FieldStep2
)

// Positions of the changes in moveUpKinds and in a moveVector.
const (
	moveStep2 = iota
	moveRotations
	moveLetters
	moveResearch
	moveStep3
)

// moveUpKinds are the changes the search tries, in the order options list
// them. Graduation year, failed attempts, a passed Step and the visa cannot
// change, so they are never suggested.
var moveUpKinds = [...]ChangeKind{
	moveStep2:     ChangeStep2Target,
	moveRotations: ChangeENTRotations,
	moveLetters:   ChangeENTLettersUS,
	moveResearch:  ChangeENTResearch,
	moveStep3:     ChangeStep3,
}

// Change is one step of a way to move up.
type Change struct {
	_    noCompare
	Kind ChangeKind `json:"kind"`
	// Amount is how many to add for a count, the target score for Step 2
	// CK, and 1 for passing Step 3.
	Amount int    `json:"amount"`
	Step   string `json:"step"`
}

// MoveUpOption is a smallest set of changes that reaches the next tier:
// dropping any change, or lowering any amount, no longer reaches it.
type MoveUpOption struct {
	Changes []Change `json:"changes"`
	// Result is the tier the changes reach, such as "Tier 2 (upper)".
	Result string `json:"result"`
}

// MoveUp is the advice on reaching the next tier: the smallest sets of
// changes that get there, and what holds the applicant back for good.
type MoveUp struct {
	From Tier `json:"from"`
	// Target is the next tier up, or 0 for a Tier 1 applicant.
	Target    Tier           `json:"target"`
	Reachable bool           `json:"reachable"`
	Options   []MoveUpOption `json:"options"`
	Message   string         `json:"message"`
	// Fixed lists what holds the tier down and cannot change.
	Fixed []string `json:"fixed"`
	Notes []string `json:"notes"`
}

// moveVector holds one amount per entry of moveUpKinds: a count to add, or
// 1 for a Step 2 CK target or a passed Step 3.
type moveVector [len(moveUpKinds)]int

// moveUp searches every combination of actionable changes, up to the amount
// that rates each factor strong, re-running Assess on each modified profile,
// and returns the smallest combinations that reach the next tier.
func moveUp(p Profile, a Assessment) MoveUp {
	m := MoveUp{From: a.Tier, Notes: moveUpNotes(p)}
	if a.Tier == Tier1 {
		m.Message = "You are in Tier 1, the top tier: keep every part of your application as strong as it is."
		return m
	}
	m.Target = a.Tier - 1
	m.Fixed = fixedFactors(p, m.Target)

	limits := moveLimits(p)
	search := newMoveSearch(p, limits)
	var reaching []moveVector
	var v moveVector
	for {
		if search.tier(v) <= m.Target {
			reaching = append(reaching, v)
		}
		if !nextVector(&v, limits) {
			break
		}
	}

	var minimal []moveVector
	for _, v := range reaching {
		if !dominatedByAnother(reaching, v) {
			minimal = append(minimal, v)
		}
	}
	// An insertion sort keeps equal options in search order and, unlike
	// slices.SortStableFunc, adds no generic instantiation to the .wasm.
	for i := 1; i < len(minimal); i++ {
		for j := i; j > 0 && compareMoves(minimal[j], minimal[j-1]) < 0; j-- {
			minimal[j], minimal[j-1] = minimal[j-1], minimal[j]
		}
	}

	for _, v := range minimal {
		m.Options = append(m.Options, MoveUpOption{
			Changes: moveChanges(p, v),
			Result:  Assess(applyMove(p, v)).Label(),
		})
	}
	m.Reachable = len(m.Options) > 0
	target := m.Target.String()
	switch {
	case !m.Reachable:
		m.Message = "No change the planner can suggest reaches " + target + ", because what holds you back cannot change. Put your effort into the backup plan."
	case len(m.Options) == 1:
		m.Message = "One set of changes reaches " + target + "."
	default:
		m.Message = itoa(len(m.Options)) + " different sets of changes each reach " + target + "; completing any one set is enough."
	}
	return m
}

// moveLimits returns, for each change kind, the largest amount worth
// trying: enough to rate the factor strong, since more changes nothing.
//
//go:noinline
func moveLimits(p Profile) moveVector {
	var limits moveVector
	if p.Step2Pending() {
		limits[moveStep2] = 1
	}
	limits[moveRotations] = min(max(0, StrongENTRotations-p.ENTRotations), MaxENTRotations-p.ENTRotations)
	limits[moveLetters] = min(max(0, StrongENTLettersUS-p.Letters.ENTUS), MaxLetters-p.Letters.ENTUS)
	limits[moveResearch] = min(max(0, researchNeeded(p)-p.ENTResearch), MaxResearch-p.ENTResearch)
	if p.Step3 != Step3Passed {
		limits[moveStep3] = 1
	}
	return limits
}

// nextVector advances v to the next combination within limits, and reports
// false after the last one.
func nextVector(v *moveVector, limits moveVector) bool {
	for i := range v {
		if v[i] < limits[i] {
			v[i]++
			return true
		}
		v[i] = 0
	}
	return false
}

// moveSearch gives the tier of each profile the move-up search tries. A
// factor that a change affects depends on that change's amount alone. So
// each such factor is made once per amount, not once per combination, and
// the reasons' text is not rebuilt hundreds of times per plan. A test
// checks every tier against Assess.
type moveSearch struct {
	p       Profile
	factors []Factor
	// byAmount is, for each kind of change, the factor it affects at each
	// amount from 0 to its limit, or nil for a kind that no factor reads.
	byAmount [len(moveUpKinds)][]Factor
}

// moveFactor is the factor each kind of change affects, or -1 for none.
var moveFactor = [len(moveUpKinds)]int{
	moveStep2:     int(FactorStep2),
	moveRotations: int(FactorENTExperience),
	moveLetters:   int(FactorENTLetters),
	moveResearch:  int(FactorResearch),
	moveStep3:     -1,
}

func newMoveSearch(p Profile, limits moveVector) *moveSearch {
	s := &moveSearch{p: p, factors: assessFactors(p)}
	for kind, id := range moveFactor {
		if id < 0 {
			continue
		}
		for amount := 0; amount <= limits[kind]; amount++ {
			var v moveVector
			v[kind] = amount
			s.byAmount[kind] = append(s.byAmount[kind], rateFactor[id](applyMove(p, v)))
		}
	}
	return s
}

// tier returns the tier of the profile with the changes of v made.
func (s *moveSearch) tier(v moveVector) Tier {
	for kind, id := range moveFactor {
		if id >= 0 {
			s.factors[id] = s.byAmount[kind][v[kind]]
		}
	}
	return decide(applyMove(s.p, v), s.factors).Tier
}

// applyMove returns the profile with the changes of v made.
//
//go:noinline
func applyMove(p Profile, v moveVector) Profile {
	if v[moveStep2] > 0 {
		p.Step2 = Step2Strong
	}
	p.ENTRotations += v[moveRotations]
	p.Letters.ENTUS += v[moveLetters]
	p.ENTResearch += v[moveResearch]
	if v[moveStep3] > 0 {
		p.Step3 = Step3Passed
	}
	return p
}

// researchNeeded returns the ENT research items that rate research strong
// for the profile.
func researchNeeded(p Profile) int {
	if p.ResearchYear {
		return StrongENTResearchWithYear
	}
	return StrongENTResearch
}

// dominatedBy reports whether every amount in u is at most the one in v,
// so that v does all u does and more.
func dominatedBy(u, v moveVector) bool {
	for i := range u {
		if u[i] > v[i] {
			return false
		}
	}
	return true
}

// dominatedByAnother reports whether a vector of list other than v does
// only what v does, or less.
func dominatedByAnother(list []moveVector, v moveVector) bool {
	for _, u := range list {
		if u != v && dominatedBy(u, v) {
			return true
		}
	}
	return false
}

// compareMoves orders options by fewer kinds of change, then fewer items
// in all, then the order of moveUpKinds.
func compareMoves(x, y moveVector) int {
	count := func(v moveVector) (kinds, items int) {
		for _, n := range v {
			if n > 0 {
				kinds++
				items += n
			}
		}
		return kinds, items
	}
	xKinds, xItems := count(x)
	yKinds, yItems := count(y)
	if c := compare(xKinds, yKinds); c != 0 {
		return c
	}
	if c := compare(xItems, yItems); c != 0 {
		return c
	}
	for i := range x {
		if c := compare(y[i], x[i]); c != 0 {
			return c
		}
	}
	return 0
}

// moveChanges writes the changes of v as plain-English steps that quote the
// applicant's current values.
func moveChanges(p Profile, v moveVector) []Change {
	var changes []Change
	for i, kind := range moveUpKinds {
		n := v[i]
		if n == 0 {
			continue
		}
		c := Change{Kind: kind, Amount: n}
		switch i {
		case moveStep2:
			c.Amount = Step2Strong
			c.Step = "Score " + itoa(Step2Strong) + " or more on Step 2 CK, which you have not taken yet; a passed Step cannot be retaken, so take it only when ready."
		case moveRotations:
			c.Step = "Complete " + plural(n, "more hands-on US ENT rotation", "more hands-on US ENT rotations") +
				" (electives or sub-internships): you have " + itoa(p.ENTRotations) + ", and " +
				itoa(StrongENTRotations) + " rate strong."
		case moveLetters:
			c.Step = "Get " + plural(n, "more letter", "more letters") + " from US otolaryngologists, best from the faculty you rotate with: you have " +
				itoa(p.Letters.ENTUS) + ", and " + itoa(StrongENTLettersUS) + " rate strong."
		case moveResearch:
			c.Step = "Add " + plural(n, "ENT research item", "ENT research items") + ", such as a case report, poster or presentation: you have " +
				itoa(p.ENTResearch) + ", and " + itoa(researchNeeded(p)) + " rate strong."
		case moveStep3:
			c.Step = "Pass Step 3 to show improvement."
		}
		changes = append(changes, c)
	}
	return changes
}

// fixedFactors lists, in plain sentences, what holds the applicant below
// the target tier and cannot change.
func fixedFactors(p Profile, target Tier) []string {
	var fixed []string
	step2Taken := !p.Step2Pending()
	score := itoa(p.Step2)
	graduationWeak := p.GradYear != 0 && p.MatchYear-p.GradYear > FairGraduationYears
	graduated := "You graduated in " + itoa(p.GradYear) + ", and a graduation year cannot change"

	if target == Tier1 {
		if step2Taken && p.Step2 < Step2Strong {
			appendTo(&fixed, "Your Step 2 CK of "+score+" is below the "+itoa(Step2Strong)+" that Tier 1 needs, and a passed Step cannot be retaken for a better score.")
		}
		if p.Failures > 0 {
			appendTo(&fixed, "Tier 1 needs no failed USMLE attempt, and "+plural(p.Failures, "failed attempt stays", "failed attempts stay")+" on your record.")
		}
		if graduationWeak {
			appendTo(&fixed, graduated+"; Tier 1 needs no weak factor.")
		}
		if p.Visa == VisaH1B {
			appendTo(&fixed, "Needing an H-1B visa counts as a weak factor, and Tier 1 needs none.")
		}
		return fixed
	}

	if step2Taken && p.Step2 < Step2Fair {
		appendTo(&fixed, "Your Step 2 CK of "+score+" is below "+itoa(Step2Fair)+", and a passed Step cannot be retaken for a better score.")
	}
	if p.Failures >= MajorFailures {
		appendTo(&fixed, itoa(p.Failures)+" failed USMLE attempts stay on your record and are a major red flag for ENT programs.")
	}
	if p.Failures == 1 && step2Taken && p.Step2 < Step2Strong {
		appendTo(&fixed, "One failed attempt without a Step 2 CK of "+itoa(Step2Strong)+" or more to offset it keeps you in Tier 3, and neither can change.")
	}
	if graduationWeak && p.Visa == VisaH1B {
		appendTo(&fixed, graduated+", and needing an H-1B visa is also weak: two weak factors keep you in Tier 3.")
	}
	return fixed
}

// moveUpNotes adds advice that helps without changing the tier.
func moveUpNotes(p Profile) []string {
	if p.Step3 == Step3Passed {
		return nil
	}
	switch {
	case p.Visa == VisaH1B && p.Failures > 0:
		return []string{"Passing Step 3 does not change your tier under these rules, but it shows improvement after a failed attempt, and an H-1B petition requires it."}
	case p.Visa == VisaH1B:
		return []string{"Passing Step 3 does not change your tier under these rules, but an H-1B petition requires it, and it helps with programs that sponsor H-1B."}
	case p.Failures > 0:
		return []string{"Passing Step 3 does not change your tier under these rules, but it shows improvement after a failed attempt."}
	}
	return nil
}
