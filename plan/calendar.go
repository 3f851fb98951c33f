package plan

import "time"

// MatchDay returns Match Day of the given year's Main Residency Match. The
// 2026 date, March 20, is published by NRMP (residency program welcome
// newsletter, April 2025). Match Day falls on the third Friday of March in
// 2025 and 2026; other years use that pattern and are approximate.
//
//go:noinline
func MatchDay(year int) time.Time {
	first := utcDate(year, time.March, 1)
	toFriday := (int(time.Friday) - int(first.Weekday()) + 7) % 7
	return addDays(first, toFriday+14)
}

// addDays returns the day n days after the UTC midnight t, as
// t.AddDate(0, 0, n) does. Using utcDate keeps AddDate and Clock out of
// the .wasm.
//
//go:noinline
func addDays(t time.Time, n int) time.Time {
	year, month, day := t.Date()
	return utcDate(year, month, day+n)
}

// utcDate returns midnight UTC of the given day, the same Time as
// time.Date(year, month, day, 0, 0, 0, 0, time.UTC), including for a
// month outside 1 to 12 or a day outside the month. It counts the days
// since 1970 itself (the days_from_civil algorithm of Howard Hinnant's
// "chrono-Compatible Low-Level Date Algorithms"), which keeps time.Date out
// of the .wasm.
func utcDate(year int, month time.Month, day int) time.Time {
	m := int(month) - 1 // 0 for January
	year += m / 12
	m %= 12
	if m < 0 {
		m += 12
		year--
	}
	// Years start in March here, so that February's leap day comes last.
	if m < 2 {
		year--
	}
	era := year / 400
	if year < 0 && year%400 != 0 {
		era--
	}
	yearOfEra := year - era*400
	dayOfYear := (153*((m+10)%12)+2)/5 + day - 1
	dayOfEra := yearOfEra*365 + yearOfEra/4 - yearOfEra/100 + dayOfYear
	days := era*146097 + dayOfEra - 719468
	return time.Unix(int64(days)*24*60*60, 0).UTC()
}

// CalendarExactSeason is the Match whose dates were published when the
// calendar was collected: the 2026 Match. Other seasons repeat its pattern
// and are marked approximate.
const CalendarExactSeason = 2026

// Offsets from Match Day, in days.
const (
	// MatchWeekDaysBeforeMatchDay is the number of days from the start of
	// Match Week, with SOAP, to Match Day: Monday March 16 to Friday March 20 in 2026
	// (NRMP, https://nrmp.org/about/news/2025/04/residency-program-welcome-newsletter-2).
	MatchWeekDaysBeforeMatchDay = 4
	// RankDeadlineDaysBeforeMatchDay is the number of days from the rank
	// order list deadline to Match Day: March 5 and March 21 in 2025. The
	// 2026 deadline was not found, so every season's deadline is an estimate.
	RankDeadlineDaysBeforeMatchDay = 16
)

// Season calendar sources.
const (
	sourceERASTimeline = "AAMC ERAS timeline for the 2026 season: https://students-residents.aamc.org/applying-residencies-eras/publication-chapters/eras-timeline"
	sourceNRMPSept2025 = "NRMP, September 2025 newsletter: https://www.nrmp.org/about/news/2025/09/medical-school-welcome-newsletter-2"
	sourceNRMPApr2025  = "NRMP, April 2025 newsletter: https://nrmp.org/about/news/2025/04/residency-program-welcome-newsletter-2"
)

// seasonDay is a fixed calendar date of the application season, given for
// the 2026 Match and shifted by whole years for other Matches.
type seasonDay struct {
	id, title string
	month     time.Month
	day       int
	// yearsBeforeMatch is 1 for dates in the calendar year before Match Day.
	yearsBeforeMatch int
	// erasOnlyTitle replaces title in seasons when Emergency Medicine used
	// ERAS rather than ResidencyCAS; empty when title fits every season.
	erasOnlyTitle string
	// exact marks a date published for the 2026 Match.
	exact  bool
	source string
}

// seasonDays are the fixed dates of the 2026 season, in order.
var seasonDays = [...]seasonDay{
	{id: "applications_open", title: "MyERAS and ResidencyCAS open for applicants", erasOnlyTitle: "MyERAS opens for applicants", month: time.June, day: 4, yearsBeforeMatch: 1, exact: true, source: sourceERASTimeline},
	{id: "submission_opens", title: "Applicants may submit applications to programs", month: time.September, day: 3, yearsBeforeMatch: 1, exact: true, source: sourceERASTimeline},
	{id: "nrmp_registration", title: "NRMP registration for the Match opens", month: time.September, day: 15, yearsBeforeMatch: 1, exact: true, source: sourceNRMPSept2025},
	{id: "review_starts", title: "Programs start reviewing ERAS applications (ResidencyCAS releases them on October 1)", erasOnlyTitle: "Programs start reviewing ERAS applications", month: time.September, day: 24, yearsBeforeMatch: 1, exact: true, source: sourceERASTimeline},
}

// interviewSeasonStart and interviewSeasonEnd bound the interview season,
// which no official calendar fixes: about October 1 to January 31 (editorial
// default).
var (
	interviewSeasonStart = monthDay{Month: time.October, Day: 1, YearsBeforeMatch: 1}
	interviewSeasonEnd   = monthDay{Month: time.January, Day: 31}
)

// monthDay is a day of the season: its month, day and how many calendar
// years it falls before the Match year.
type monthDay struct {
	Month            time.Month
	Day              int
	YearsBeforeMatch int
}

// in returns the day in the season of the given Match.
//
//go:noinline
func (d monthDay) in(matchYear int) time.Time {
	return utcDate(matchYear-d.YearsBeforeMatch, d.Month, d.Day)
}

// SeasonDate is one date of an application season.
type SeasonDate struct {
	_     noCompare
	ID    string    `json:"id"`
	Title string    `json:"title"`
	Date  time.Time `json:"date"`
	// End is the last day of a span such as Match Week; zero for one day.
	End time.Time `json:"end,omitzero"`
	// Approximate marks a date that repeats an earlier season's pattern or
	// is an estimate.
	Approximate bool   `json:"approximate"`
	Source      string `json:"source"`
}

// SeasonCalendar returns the dates of the season that leads to the given
// Match, in order. Only the published 2026 dates are exact.
func SeasonCalendar(matchYear int) []SeasonDate {
	exactSeason := matchYear == CalendarExactSeason
	schedule, _ := scheduleFor(matchYear)
	dates := make([]SeasonDate, 0, len(seasonDays)+4)
	for _, d := range seasonDays {
		title := d.title
		if d.erasOnlyTitle != "" && schedule.EMService == ServiceERAS {
			title = d.erasOnlyTitle
		}
		dates = append(dates, SeasonDate{
			ID: d.id, Title: title,
			Date:        utcDate(matchYear-d.yearsBeforeMatch, d.month, d.day),
			Approximate: !(exactSeason && d.exact),
			Source:      d.source,
		})
	}

	matchDay := MatchDay(matchYear)
	return append(dates,
		SeasonDate{ID: "interviews", Title: "Interview season",
			Date: interviewSeasonStart.in(matchYear), End: interviewSeasonEnd.in(matchYear),
			Approximate: true, Source: "editorial default: no official dates"},
		SeasonDate{ID: "rank_deadline", Title: "Rank order list deadline",
			Date:        addDays(matchDay, -RankDeadlineDaysBeforeMatchDay),
			Approximate: true, Source: "estimate from the 2025 Match, when the deadline was March 5 and Match Day March 21"},
		SeasonDate{ID: "match_week", Title: "Match Week, with SOAP for unfilled positions",
			Date: addDays(matchDay, -MatchWeekDaysBeforeMatchDay), End: matchDay,
			Approximate: !exactSeason, Source: sourceNRMPApr2025},
		SeasonDate{ID: "match_day", Title: "Match Day",
			Date: matchDay, Approximate: !exactSeason, Source: sourceNRMPApr2025},
	)
}
