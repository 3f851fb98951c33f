package plan

import "time"

// Plan is everything the planner works out for one profile.
type Plan struct {
	// Profile is the profile the plan was built from, after defaults and
	// clamping.
	Profile    Profile    `json:"-"`
	MatchYear  int        `json:"match_year"`
	TierLabel  string     `json:"tier_label"`
	Assessment Assessment `json:"assessment"`
	MoveUp     MoveUp     `json:"move_up"`
	// Backups are all six backup specialties, best first.
	Backups      []BackupOption `json:"backups"`
	Applications Applications   `json:"applications"`
	Cost         Cost           `json:"cost"`
	Signals      SignalAdvice   `json:"signals"`
	Letters      LetterPlan     `json:"letters"`
	Timeline     Timeline       `json:"timeline"`
	Outcomes     []Outcome      `json:"outcomes"`
}

// Build works out the whole plan for a profile on the given day. The plan
// has the tier, what would move it up, the ranked backups, the application
// counts and their cost against the budget, the letters, the timeline to
// Match Day and the outcome checklists. It applies to the top-ranked backup.
// A zero MatchYear means the default for today. Values outside the form's
// ranges are clamped to them, so any profile gives a plan.
func Build(p Profile, today time.Time) Plan {
	if p.MatchYear == 0 {
		p.MatchYear = DefaultMatchYear(today)
	}
	p = p.clamped()

	a := Assess(p)
	backups := rankBackups(p, a)
	top := backups[0]
	apps, cost := planApplications(p, a, top.Specialty)
	letters := planLetters(p, top.Specialty, apps.ENTPrograms)
	timeline := planTimeline(p, apps, letters, today)

	return Plan{
		Profile:      p,
		MatchYear:    p.MatchYear,
		TierLabel:    a.Label(),
		Assessment:   a,
		MoveUp:       moveUp(p, a),
		Backups:      backups,
		Applications: apps,
		Cost:         cost,
		Signals:      signalAdvice(a, apps.ENTPrograms),
		Letters:      letters,
		Timeline:     timeline,
		Outcomes:     planOutcomes(p, top, matchWeekStart(p.MatchYear)),
	}
}

// matchWeekStart returns the Monday of Match Week.
func matchWeekStart(matchYear int) time.Time {
	return addDays(MatchDay(matchYear), -MatchWeekDaysBeforeMatchDay)
}

// clamped returns the profile with every count, rating and year inside the
// ranges of FieldSpecs. A Step 2 CK of 0 stays pending, an unknown Step 3
// status reads as not passed, an unknown visa as H-1B (the most limiting),
// and any negative budget as no budget.
func (p Profile) clamped() Profile {
	clamp := func(v *int, lo, hi int) { *v = min(max(*v, lo), hi) }

	if p.Step2 != 0 {
		clamp(&p.Step2, MinStep2, MaxStep2)
	}
	clamp(&p.Failures, 0, MaxFailures)
	clamp(&p.ENTRotations, 0, MaxENTRotations)
	clamp(&p.ENTObserverships, 0, MaxENTRotations)
	clamp(&p.USRotations, 0, MaxUSRotations)
	for _, n := range []*int{&p.Letters.ENTUS, &p.Letters.ENTIntl, &p.Letters.Surgery, &p.Letters.IM,
		&p.Letters.FM, &p.Letters.Peds, &p.Letters.Neuro, &p.Letters.EM, &p.Letters.Other} {
		clamp(n, 0, MaxLetters)
	}

	clamp(&p.ENTResearch, 0, MaxResearch)
	clamp(&p.OtherResearch, 0, MaxResearch)
	for _, n := range []*int{&p.Interests.Surgery, &p.Interests.Children, &p.Interests.Diagnosis,
		&p.Interests.Acute, &p.Interests.Neuro, &p.Interests.Lifestyle} {
		clamp(n, 0, MaxInterest)
	}

	if p.GradYear != 0 {
		clamp(&p.GradYear, MinGradYear, p.MatchYear)
	}
	if p.Step3 > Step3Passed {
		p.Step3 = Step3None
	}
	if p.Visa > VisaH1B {
		p.Visa = VisaH1B
	}
	if p.Budget < 0 {
		p.Budget = NoBudget
	}
	clamp(&p.Budget, NoBudget, MaxBudget)
	return p
}
