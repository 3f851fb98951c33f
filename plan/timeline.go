package plan

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// BackupRotationMonthsAfterOpening places the backup rotation at the start
// of the month this many months after applications open: in the middle of
// the cycle, as the source guide advises, and early enough for its letters
// to reach programs (editorial default for the month).
const BackupRotationMonthsAfterOpening = 1

// step3Target is when an applicant who needs an H-1B visa should sit Step 3:
// by December 1 before the Match, so the result is in well before the rank
// order list deadline (editorial default).
var step3Target = monthDay{Month: time.December, Day: 1, YearsBeforeMatch: 1}

// ItemKind says whether a timeline item is a date of the season or a step
// of the applicant's own.
type ItemKind string

const (
	ItemMilestone ItemKind = "milestone"
	ItemTask      ItemKind = "task"
)

// TimelineItem is one dated entry of the timeline.
type TimelineItem struct {
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

// planTimeline places the season's dates and the profile's own steps
// between today and Match Day of the plan's Match year.
func planTimeline(p Profile, apps Applications, letters LetterPlan, today time.Time) Timeline {
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	season := SeasonCalendar(p.MatchYear)
	day := func(id string) SeasonDate {
		i := slices.IndexFunc(season, func(d SeasonDate) bool { return d.ID == id })
		return season[i]
	}
	open, submit, review := day("applications_open"), day("submission_opens"), day("review_starts")
	interviews, rank, matchDay := day("interviews"), day("rank_deadline"), day("match_day")
	backup := apps.BackupName

	t := Timeline{Today: today, MatchYear: p.MatchYear, MatchDay: matchDay.Date, Notes: timelineNotes(p.MatchYear, today, submit, review, matchDay)}
	place := func(task timelineTask) {
		item := TimelineItem{ID: task.id, Kind: ItemTask, Title: task.title, Approximate: task.approximate}
		switch {
		case !today.After(task.due):
			item.Date, item.Detail = laterOf(today, task.start), task.detail
			item.Approximate = task.approximate && item.Date.Equal(task.due)
		case !today.After(task.last):
			item.Date, item.Detail, item.Late, item.Approximate = today, task.late, true, false
		default:
			item.Date, item.Passed = task.due, true
			item.Detail = "This step was due by " + formatDate(task.due) + ", which has passed."
		}
		t.Items = append(t.Items, item)
	}
	mark := func(d SeasonDate, detail string) {
		item := TimelineItem{ID: d.ID, Kind: ItemMilestone, Date: d.Date, End: d.End, Title: d.Title, Detail: detail, Approximate: d.Approximate}
		last := d.Date
		if !d.End.IsZero() {
			last = d.End
		}
		switch {
		case today.After(last):
			item.Passed = true
			item.Detail = "This date has passed. " + detail
		case !d.End.IsZero() && !today.Before(d.Date):
			item.Detail = "Under way now. " + detail
		}
		t.Items = append(t.Items, item)
	}

	if p.Step2Pending() {
		late := "Applications for the " + strconv.Itoa(p.MatchYear) + " Match opened on " + formatDate(submit.Date) +
			", so programs see your file without a score: take the exam as soon as you are ready, or plan for the " + strconv.Itoa(p.MatchYear+1) + " Match."
		task := timelineTask{id: "step2", title: "Take USMLE Step 2 CK", start: today, due: submit.Date, last: rank.Date, approximate: submit.Approximate,
			detail: "Take Step 2 CK first, so your score is in before you submit applications on " + formatDate(submit.Date) + ".", late: late}
		place(task)
	}
	if apps.ENTPrograms > 0 {
		if work := entWorkNeeded(p); work != "" {
			place(timelineTask{id: "ent_work", title: "ENT rotations and research", start: today, due: open.Date, last: interviews.Date, approximate: open.Approximate,
				detail: work + " before applications open on " + formatDate(open.Date) + ".",
				late:   "Applications opened on " + formatDate(open.Date) + ". " + work + " now: it still helps at interviews and in any later application."})
		}
		place(entLettersTask(p, open, review))
	}
	mark(open, "Open your MyERAS account, buy the ECFMG token and fill in the application.")

	rotation := time.Date(open.Date.Year(), open.Date.Month()+BackupRotationMonthsAfterOpening, 1, 0, 0, 0, 0, time.UTC)
	place(timelineTask{id: "backup_rotation", title: "Rotation in " + backup, start: rotation, due: rotation, last: interviews.Date, approximate: open.Approximate,
		detail: backupRotationDetail(letters, backup),
		late:   "A rotation in " + backup + " now still brings letters for programs that have not reviewed your file, and it shows real commitment."})

	mark(submit, submitDetail(apps))
	mark(day("nrmp_registration"), "Register for the Match: one registration and one rank order list cover ENT and "+backup+".")
	mark(review, "Have every letter in by now, so programs see a complete file from the start.")
	mark(interviews, "Answer invitations quickly, and prepare to explain both why ENT and why "+backup+", each on its own terms.")

	if step3Needed(p) {
		due := step3Target.in(p.MatchYear)
		place(timelineTask{id: "step3", title: "Take USMLE Step 3", start: due, due: due, last: rank.Date, approximate: true,
			detail: "You need an H-1B visa, and the petition requires Step 3 passed: take it by " + formatDate(due) + " so the result is in before you rank.",
			late:   "Take Step 3 as soon as you can: an H-1B petition requires it passed, and programs that sponsor H-1B look for it before they rank."})
	}

	mark(rank, "Certify your rank order list: rank every program you would accept, ENT and "+backup+" together, in your true order of preference. Check NRMP for the exact date.")
	mark(day("match_week"), "On Monday you learn whether you matched. If not, SOAP offers unfilled positions during the week: have personal statements and letters ready for several specialties.")
	mark(matchDay, "You learn where you matched.")

	slices.SortStableFunc(t.Items, func(x, y TimelineItem) int { return x.Date.Compare(y.Date) })
	for i := range t.Items {
		t.Items[i].Month = monthLabel(t.Items[i].Date)
	}
	return t
}

// laterOf returns the later of two times.
func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// entWorkNeeded describes the ENT rotations and research still needed to
// rate strong, or returns "" when both already do.
func entWorkNeeded(p Profile) string {
	researchNeeded := StrongENTResearch
	if p.ResearchYear {
		researchNeeded = StrongENTResearchWithYear
	}
	var parts []string
	if n := StrongENTRotations - p.ENTRotations; n > 0 {
		parts = append(parts, "complete "+plural(n, "more hands-on US ENT rotation", "more hands-on US ENT rotations"))
	}
	if n := researchNeeded - p.ENTResearch; n > 0 {
		parts = append(parts, "add "+plural(n, "ENT research item", "ENT research items"))
	}
	if len(parts) == 0 {
		return ""
	}
	text := joinAnd(parts)
	return strings.ToUpper(text[:1]) + text[1:]
}

// entLettersTask is the step of securing two US ENT letters before
// applications open.
func entLettersTask(p Profile, open, review SeasonDate) timelineTask {
	task := timelineTask{id: "ent_letters", start: open.Date, due: open.Date, last: review.Date, approximate: open.Approximate,
		late: "Applications opened on " + formatDate(open.Date) + ": have your ENT letters uploaded before programs start reviewing on " + formatDate(review.Date) + "."}
	held := p.Letters.ENTUS
	if held >= StrongENTLettersUS {
		task.title = "Have your ENT letters uploaded"
		task.detail = "Make sure your " + strconv.Itoa(held) + " letters from US otolaryngologists are uploaded before applications open."
		return task
	}
	task.title = "Secure two letters from US otolaryngologists"
	task.detail = "You have " + strconv.Itoa(held) + "; ask for " + strconv.Itoa(StrongENTLettersUS-held) +
		" more, best from the ENT faculty you rotate with, before applications open."
	return task
}

// backupRotationDetail explains the backup rotation, quoting the backup
// letters held.
func backupRotationDetail(letters LetterPlan, backup string) string {
	need := letters.Backup[0]
	commit := " Treat it as seriously as ENT: faculty notice when a rotation is only a safety net."
	if need.Missing > 0 {
		return "Do a rotation in " + backup + " and ask for letters there: you have " + strconv.Itoa(need.Held) +
			" of the " + strconv.Itoa(need.Min) + " " + backup + " letters you need." + commit
	}
	return "Do a rotation in " + backup + " to confirm that you could see yourself in the field." + commit
}

// submitDetail says what to submit, with the signals advice.
func submitDetail(apps Applications) string {
	backup := plural(apps.BackupPrograms, apps.BackupName+" program", apps.BackupName+" programs")
	if apps.ENTPrograms == 0 {
		return "Submit your applications to " + backup + " in the first days."
	}
	text := "Submit your applications to " + plural(apps.ENTPrograms, "ENT program", "ENT programs") + " and " + backup + " in the first days"
	if apps.ENTPrograms <= ENTSignals {
		return text + ", and signal every ENT program on your list."
	}
	return text + ", and place your " + strconv.Itoa(ENTSignals) + " ENT program signals before you submit."
}

// timelineNotes explains the timeline's limits: a Match that has passed, a
// season already under way, and approximate dates.
func timelineNotes(matchYear int, today time.Time, submit, review, matchDay SeasonDate) []string {
	year := strconv.Itoa(matchYear)
	var notes []string
	switch {
	case today.After(matchDay.Date):
		notes = append(notes, "Match Day of the "+year+" Match ("+formatDate(matchDay.Date)+") has passed; choose a later Match year to plan ahead.")
	case today.After(submit.Date):
		notes = append(notes, "Applications for the "+year+" Match have been open since "+formatDate(submit.Date)+
			", and programs began reviewing on "+formatDate(review.Date)+". If you have not applied yet, consider the "+
			strconv.Itoa(matchYear+1)+" Match instead.")
	}
	if matchYear != CalendarExactSeason {
		notes = append(notes, "Dates for the "+year+" Match repeat the pattern of the "+strconv.Itoa(CalendarExactSeason)+
			" Match and are approximate: check the AAMC and NRMP calendars.")
	}
	return notes
}
