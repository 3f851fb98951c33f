package plan

import "time"

// BackupRotationMonthsAfterOpening places the backup rotation at the start
// of the month this many months after applications open. That is the middle
// of the cycle, as the source guide advises, and early enough for its
// letters to reach programs (editorial default for the month).
const BackupRotationMonthsAfterOpening = 1

// step3Target is when an applicant who needs an H-1B visa should sit Step 3:
// by December 1 before the Match, so the result is in well before the rank
// order list deadline (editorial default).
var step3Target = monthDay{Month: time.December, Day: 1, YearsBeforeMatch: 1}

// ItemKind is the kind of timeline item: a date of the season or one of
// the applicant's own steps.
type ItemKind string

const (
	ItemMilestone ItemKind = "milestone"
	ItemTask      ItemKind = "task"
)

// TimelineItem is one dated entry of the timeline.
type TimelineItem struct {
	_    noCompare
	Date time.Time `json:"date"`
	// End is the last day of a span, such as the interview season.
	End time.Time `json:"end,omitzero"`
	// Month is the date's month for grouping, such as "June 2026".
	Month  string   `json:"month"`
	ID     string   `json:"id"`
	Kind   ItemKind `json:"kind"`
	Title  string   `json:"title"`
	Detail string   `json:"detail"`
	// Approximate marks a date that repeats an earlier season's pattern or
	// is an estimate.
	Approximate bool `json:"approximate"`
	// Passed marks a date before today.
	Passed bool `json:"passed"`
	// Late marks a step whose ideal date has passed and which is moved to today.
	Late bool `json:"late"`
}

// Timeline is the plan's dated steps from today to Match Day, in date order.
// Items before today stay in the list, marked Passed.
type Timeline struct {
	Today     time.Time      `json:"today"`
	MatchYear int            `json:"match_year"`
	MatchDay  time.Time      `json:"match_day"`
	Items     []TimelineItem `json:"items"`
	Notes     []string       `json:"notes"`
}

// timelineTask is one of the applicant's own steps. It is shown on the
// later of today and start while today is no later than due, on today
// (marked late) while today is no later than last, and as passed after that.
type timelineTask struct {
	id, title        string
	start, due, last time.Time
	approximate      bool
	detail, late     string
}

// seasonDates are the dates of one season the timeline is built on.
type seasonDates struct {
	open, submit, registration, review, interviews, rank, matchWeek, matchDay SeasonDate
}

// seasonDatesFor picks the timeline's dates out of the season calendar.
func seasonDatesFor(matchYear int) seasonDates {
	// SeasonCalendar lists the dates in this order, which a test checks.
	c := SeasonCalendar(matchYear)
	return seasonDates{
		open: c[0], submit: c[1], registration: c[2], review: c[3],
		interviews: c[4], rank: c[5], matchWeek: c[6], matchDay: c[7],
	}
}

// timelineBuilder collects timeline items relative to today.
type timelineBuilder struct {
	today time.Time
	items []TimelineItem
}

// place adds one of the applicant's steps: on time, late or passed.
func (b *timelineBuilder) place(task timelineTask) {
	item := TimelineItem{ID: task.id, Kind: ItemTask, Title: task.title, Approximate: task.approximate}
	switch {
	case !task.due.Before(b.today):
		item.Date, item.Detail = laterOf(b.today, task.start), task.detail
		item.Approximate = task.approximate && item.Date.Equal(task.due)
	case !task.last.Before(b.today):
		item.Date, item.Detail, item.Late, item.Approximate = b.today, task.late, true, false
	default:
		item.Date, item.Passed = task.due, true
		item.Detail = "This step was due by " + formatDate(task.due) + ", which has passed."
	}
	b.items = append(b.items, item)
}

// mark adds a date of the season, noting when it has passed or is under way.
func (b *timelineBuilder) mark(d SeasonDate, detail string) {
	item := TimelineItem{ID: d.ID, Kind: ItemMilestone, Date: d.Date, End: d.End, Title: d.Title, Detail: detail, Approximate: d.Approximate}
	last := d.Date
	if !d.End.IsZero() {
		last = d.End
	}
	switch {
	case last.Before(b.today):
		item.Passed = true
		item.Detail = "This date has passed. " + detail
	case !d.End.IsZero() && !b.today.Before(d.Date):
		item.Detail = "Under way now. " + detail
	}
	b.items = append(b.items, item)
}

// planTimeline places the season's dates and the profile's own steps
// between today and Match Day of the plan's Match year.
func planTimeline(p Profile, apps Applications, letters LetterPlan, today time.Time) Timeline {
	year, month, day := today.Date()
	today = utcDate(year, month, day)
	s := seasonDatesFor(p.MatchYear)
	backup := apps.BackupName
	specialties := backup
	if apps.ENTPrograms > 0 {
		specialties = "ENT and " + backup
	}
	// planTimeline adds at most 13 items: room for all of them at once.
	b := timelineBuilder{today: today, items: make([]TimelineItem, 0, 13)}

	if p.Step2Pending() {
		b.place(step2Task(p, s, today))
	}
	if apps.ENTPrograms > 0 {
		if work := entWorkNeeded(p); work != "" {
			b.place(entWorkTask(work, s, today))
		}
		b.place(entLettersTask(p, s))
	}
	b.mark(s.open, "Open your MyERAS account, buy the ECFMG token and fill in the application.")
	b.place(backupRotationTask(letters, backup, s))

	b.mark(s.submit, submitDetail(apps))
	b.mark(s.registration, "Register for the Match: one registration and one rank order list cover "+specialties+".")
	b.mark(s.review, "Have every letter in by now, so programs see a complete file from the start.")
	b.mark(s.interviews, interviewDetail(apps))
	if step3Needed(p) {
		b.place(step3Task(p, s))
	}

	b.mark(s.rank, "Certify your rank order list: rank every program you would accept in "+specialties+", in your true order of preference. Check NRMP for the exact date.")
	b.mark(s.matchWeek, "On Monday you learn whether you matched. If not, SOAP offers unfilled positions during the week: have personal statements and letters ready for several specialties.")
	b.mark(s.matchDay, "You learn where you matched.")

	// An insertion sort keeps items of the same day in the order they were
	// added and, unlike slices.SortStableFunc, adds no generic instantiation
	// to the .wasm.
	for i := 1; i < len(b.items); i++ {
		item := b.items[i]
		j := i
		for ; j > 0 && item.Date.Before(b.items[j-1].Date); j-- {
			b.items[j] = b.items[j-1]
		}
		b.items[j] = item
	}
	for i := range b.items {
		b.items[i].Month = monthLabel(b.items[i].Date)
	}
	return Timeline{Today: today, MatchYear: p.MatchYear, MatchDay: s.matchDay.Date, Items: b.items,
		Notes: timelineNotes(p.MatchYear, today, s)}
}

// step2Task is taking Step 2 CK first, before applications are submitted.
func step2Task(p Profile, s seasonDates, today time.Time) timelineTask {
	return timelineTask{id: "step2", title: "Take USMLE Step 2 CK", start: today, due: s.submit.Date, last: s.rank.Date,
		approximate: s.submit.Approximate,
		detail:      "Take Step 2 CK first, so your score is in before you submit applications on " + formatDate(s.submit.Date) + ".",
		late: "Applications for the " + itoa(p.MatchYear) + " Match opened on " + formatDate(s.submit.Date) +
			", so programs see your file without a score: take the exam as soon as you are ready, or plan for the " + itoa(p.MatchYear+1) + " Match."}
}

// entWorkTask is the ENT rotations and research still needed, before
// applications open.
func entWorkTask(work string, s seasonDates, today time.Time) timelineTask {
	return timelineTask{id: "ent_work", title: "ENT rotations and research", start: today, due: s.open.Date, last: s.interviews.Date,
		approximate: s.open.Approximate,
		detail:      work + " before applications open on " + formatDate(s.open.Date) + ".",
		late:        "Applications opened on " + formatDate(s.open.Date) + ". " + work + " now: it still helps at interviews and in any later application."}
}

// backupRotationTask is a rotation in the backup specialty in the middle of
// the cycle, for letters and to confirm the fit.
func backupRotationTask(letters LetterPlan, backup string, s seasonDates) timelineTask {
	openYear, openMonth, _ := s.open.Date.Date()
	rotation := utcDate(openYear, openMonth+BackupRotationMonthsAfterOpening, 1)
	return timelineTask{id: "backup_rotation", title: "Rotation in " + backup, start: rotation, due: rotation, last: s.interviews.Date,
		approximate: s.open.Approximate,
		detail:      backupRotationDetail(letters, backup),
		late:        "A rotation in " + backup + " now still brings letters for programs that have not reviewed your file, and it shows real commitment."}
}

// step3Task is taking Step 3 before ranking, for an applicant who needs an
// H-1B visa.
func step3Task(p Profile, s seasonDates) timelineTask {
	due := step3Target.in(p.MatchYear)
	return timelineTask{id: "step3", title: "Take USMLE Step 3", start: due, due: due, last: s.rank.Date, approximate: true,
		detail: "You need an H-1B visa, and the petition requires Step 3 passed: take it by " + formatDate(due) + " so the result is in before you rank.",
		late:   "Take Step 3 as soon as you can: an H-1B petition requires it passed, and programs that sponsor H-1B look for it before they rank."}
}

// laterOf returns the later of two times.
func laterOf(a, b time.Time) time.Time {
	if b.Before(a) {
		return a
	}
	return b
}

// entWorkNeeded describes the ENT rotations and research still needed to
// rate strong, or returns "" when both already do.
func entWorkNeeded(p Profile) string {
	var parts []string
	if n := StrongENTRotations - p.ENTRotations; n > 0 {
		appendTo(&parts, "complete "+plural(n, "more hands-on US ENT rotation", "more hands-on US ENT rotations"))
	}
	if n := researchNeeded(p) - p.ENTResearch; n > 0 {
		appendTo(&parts, "add "+plural(n, "ENT research item", "ENT research items"))
	}
	if len(parts) == 0 {
		return ""
	}
	return capitalize(joinList(parts, "and"))
}

// entLettersTask is the step of securing two US ENT letters before
// applications open.
func entLettersTask(p Profile, s seasonDates) timelineTask {
	task := timelineTask{id: "ent_letters", start: s.open.Date, due: s.open.Date, last: s.review.Date, approximate: s.open.Approximate,
		late: "Applications opened on " + formatDate(s.open.Date) + ": have your ENT letters uploaded before programs start reviewing on " + formatDate(s.review.Date) + "."}
	held := p.Letters.ENTUS
	if held >= StrongENTLettersUS {
		task.title = "Have your ENT letters uploaded"
		task.detail = "Make sure your " + itoa(held) + " letters from US otolaryngologists are uploaded before applications open."
		return task
	}
	task.title = "Secure two letters from US otolaryngologists"
	task.detail = "You have " + itoa(held) + "; ask for " + itoa(StrongENTLettersUS-held) +
		" more, best from the ENT faculty you rotate with, before applications open."
	return task
}

// backupRotationDetail explains the backup rotation, quoting the backup
// letters held.
func backupRotationDetail(letters LetterPlan, backup string) string {
	need := letters.Backup[0]
	commit := " Treat it as your first choice: faculty notice when a rotation is only a safety net."
	if need.Missing > 0 {
		return "Do a rotation in " + backup + " and ask for letters there: you have " + itoa(need.Held) +
			" of the " + itoa(need.Min) + " " + backup + " letters you need." + commit
	}
	return "Do a rotation in " + backup + " to confirm that you could see yourself in the field." + commit
}

// interviewDetail writes the interview-season advice for the specialties
// the plan applies to.
func interviewDetail(apps Applications) string {
	if apps.ENTPrograms == 0 {
		return "Answer invitations quickly, and prepare to explain why " + apps.BackupName + " on its own terms."
	}
	return "Answer invitations quickly, and prepare to explain both why ENT and why " + apps.BackupName + ", each on its own terms."
}

// submitDetail writes the submission step, with the signals advice.
func submitDetail(apps Applications) string {
	backup := plural(apps.BackupPrograms, apps.BackupName+" program", apps.BackupName+" programs")
	if apps.ENTPrograms == 0 {
		return "Submit your applications to " + backup + " in the first days."
	}
	text := "Submit your applications to " + plural(apps.ENTPrograms, "ENT program", "ENT programs") + " and " + backup + " in the first days"
	if apps.ENTPrograms <= ENTSignals {
		return text + ", and signal every ENT program on your list."
	}
	return text + ", and place your " + itoa(ENTSignals) + " ENT program signals before you submit."
}

// timelineNotes explains the timeline's limits: a Match that has passed, a
// season already under way, and approximate dates.
func timelineNotes(matchYear int, today time.Time, s seasonDates) []string {
	submit, review, matchDay := s.submit, s.review, s.matchDay
	year := itoa(matchYear)
	var notes []string
	switch {
	case matchDay.Date.Before(today):
		appendTo(&notes, "Match Day of the "+year+" Match ("+formatDate(matchDay.Date)+") has passed; choose a later Match year to plan ahead.")
	case submit.Date.Before(today):
		appendTo(&notes, "Applications for the "+year+" Match have been open since "+formatDate(submit.Date)+
			", and programs began reviewing on "+formatDate(review.Date)+". If you have not applied yet, consider the "+
			itoa(matchYear+1)+" Match instead.")
	}
	if matchYear != CalendarExactSeason {
		appendTo(&notes, "Dates for the "+year+" Match repeat the pattern of the "+itoa(CalendarExactSeason)+
			" Match and are approximate: check the AAMC and NRMP calendars.")
	}
	return notes
}
