package plan

import (
	"strings"
	"testing"
	"time"
)

func date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// timelineItem returns the item with the given ID.
func timelineItem(t *testing.T, tl Timeline, id string) TimelineItem {
	t.Helper()
	for _, it := range tl.Items {
		if it.ID == id {
			return it
		}
	}
	t.Fatalf("timeline has no %q item", id)
	return TimelineItem{}
}

func hasItem(tl Timeline, id string) bool {
	for _, it := range tl.Items {
		if it.ID == id {
			return true
		}
	}
	return false
}

func TestSeasonCalendar2026IsExact(t *testing.T) {
	tests := []struct {
		id              string
		want            time.Time
		wantApproximate bool
	}{
		{"applications_open", date(2025, time.June, 4), false},
		{"submission_opens", date(2025, time.September, 3), false},
		{"nrmp_registration", date(2025, time.September, 15), false},
		{"review_starts", date(2025, time.September, 24), false},
		{"interviews", date(2025, time.October, 1), true},
		{"rank_deadline", date(2026, time.March, 4), true},
		{"match_week", date(2026, time.March, 16), false},
		{"match_day", date(2026, time.March, 20), false},
	}
	calendar := SeasonCalendar(2026)
	if len(calendar) != len(tests) {
		t.Fatalf("calendar has %d dates, want %d", len(calendar), len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			d := calendar[i]
			if d.ID != tt.id || !d.Date.Equal(tt.want) {
				t.Errorf("date %d = %s %s, want %s %s", i, d.ID, d.Date.Format(time.DateOnly), tt.id, tt.want.Format(time.DateOnly))
			}
			if d.Approximate != tt.wantApproximate {
				t.Errorf("approximate = %v, want %v", d.Approximate, tt.wantApproximate)
			}
			if d.Source == "" {
				t.Error("source is empty")
			}
		})
	}
}

func TestSeasonCalendarLaterSeasonsAreApproximate(t *testing.T) {
	for _, year := range []int{2027, 2028, 2030} {
		calendar := SeasonCalendar(year)
		for _, d := range calendar {
			if !d.Approximate {
				t.Errorf("%d %s is marked exact", year, d.ID)
			}
		}
		last := calendar[len(calendar)-1]
		if last.ID != "match_day" || !last.Date.Equal(MatchDay(year)) {
			t.Errorf("%d season ends with %s on %s, want Match Day", year, last.ID, last.Date.Format(time.DateOnly))
		}
		if open := calendar[0].Date; open != date(year-1, time.June, 4) {
			t.Errorf("%d applications open %s, want June 4, %d", year, open.Format(time.DateOnly), year-1)
		}
	}
}

func TestTimelineOrderAndPlacement(t *testing.T) {
	pending := upperTier2Profile()
	pending.Step2, pending.MatchYear, pending.GradYear = 0, 2026, 2024
	h1b := pending
	h1b.Visa = VisaH1B
	h1bPassed := h1b
	h1bPassed.Step3 = Step3Passed

	tests := []struct {
		name        string
		p           Profile
		today       time.Time
		wantFirst   string
		wantPassed  []string
		wantLate    []string
		wantAhead   []string
		wantAbsent  []string
		wantNote    string
		wantNoNotes bool
	}{
		{
			name: "early in the season nothing has passed", p: pending, today: date(2025, time.March, 1),
			wantFirst: "step2", wantAhead: []string{"step2", "ent_work", "ent_letters", "applications_open", "backup_rotation", "match_day"},
			wantAbsent: []string{"step3"}, wantNoNotes: true,
		},
		{
			name: "H-1B need adds Step 3 before ranking", p: h1b, today: date(2025, time.March, 1),
			wantFirst: "step2", wantAhead: []string{"step3"},
		},
		{
			name: "H-1B need with Step 3 passed adds no Step 3", p: h1bPassed, today: date(2025, time.March, 1),
			wantAbsent: []string{"step3"},
		},
		{
			name: "after applications open the ENT steps run late", p: pending, today: date(2025, time.July, 15),
			wantPassed: []string{"applications_open"}, wantLate: []string{"ent_work", "ent_letters", "backup_rotation"},
			wantAhead: []string{"submission_opens"},
		},
		{
			name: "in interview season the early steps have passed", p: h1b, today: date(2025, time.November, 15),
			wantPassed: []string{"applications_open", "submission_opens", "ent_work", "ent_letters", "backup_rotation"},
			wantLate:   []string{"step2"}, wantAhead: []string{"step3", "rank_deadline", "match_day"},
			wantNote: "consider the 2027 Match",
		},
		{
			name: "after the rank deadline Step 3 has passed", p: h1b, today: date(2026, time.March, 10),
			wantPassed: []string{"step3", "rank_deadline", "step2"}, wantAhead: []string{"match_week", "match_day"},
		},
		{
			name: "after Match Day everything has passed", p: pending, today: date(2026, time.April, 1),
			wantPassed: []string{"step2", "applications_open", "match_week", "match_day"},
			wantNote:   "has passed; choose a later Match year",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := Build(tt.p, tt.today)
			tl := plan.Timeline
			for i := 1; i < len(tl.Items); i++ {
				if tl.Items[i].Date.Before(tl.Items[i-1].Date) {
					t.Errorf("item %s (%s) comes before %s (%s)", tl.Items[i].ID, tl.Items[i].Date.Format(time.DateOnly),
						tl.Items[i-1].ID, tl.Items[i-1].Date.Format(time.DateOnly))
				}
			}
			last := tl.Items[len(tl.Items)-1]
			if last.ID != "match_day" || !last.Date.Equal(MatchDay(tt.p.MatchYear)) {
				t.Errorf("timeline ends with %s on %s, want Match Day", last.ID, last.Date.Format(time.DateOnly))
			}
			if tt.wantFirst != "" {
				if first := firstUnpassed(tl); first != tt.wantFirst {
					t.Errorf("first step ahead = %q, want %q", first, tt.wantFirst)
				}
			}
			for _, id := range tt.wantPassed {
				if it := timelineItem(t, tl, id); !it.Passed || it.Late {
					t.Errorf("%s: passed = %v, late = %v; want passed", id, it.Passed, it.Late)
				}
			}
			for _, id := range tt.wantLate {
				it := timelineItem(t, tl, id)
				if !it.Late || it.Passed || !it.Date.Equal(tt.today) {
					t.Errorf("%s: late = %v, passed = %v, date %s; want late on today", id, it.Late, it.Passed, it.Date.Format(time.DateOnly))
				}
			}
			for _, id := range tt.wantAhead {
				if it := timelineItem(t, tl, id); it.Passed || it.Late || it.Date.Before(tt.today) {
					t.Errorf("%s: passed = %v, late = %v, date %s; want ahead", id, it.Passed, it.Late, it.Date.Format(time.DateOnly))
				}
			}
			for _, id := range tt.wantAbsent {
				if hasItem(tl, id) {
					t.Errorf("%s is on the timeline, want it left out", id)
				}
			}
			if tt.wantNote != "" && !containsText(tl.Notes, tt.wantNote) {
				t.Errorf("notes = %q, want one containing %q", tl.Notes, tt.wantNote)
			}
			if tt.wantNoNotes && len(tl.Notes) > 0 {
				t.Errorf("notes = %q, want none", tl.Notes)
			}
		})
	}
}

// firstUnpassed returns the ID of the first item that has not passed.
func firstUnpassed(tl Timeline) string {
	for _, it := range tl.Items {
		if !it.Passed {
			return it.ID
		}
	}
	return ""
}

func TestTimelineItemsHaveMonthAndDetail(t *testing.T) {
	plan := Build(upperTier2Profile(), testToday)
	for _, it := range plan.Timeline.Items {
		if it.Month != it.Date.Format("January 2006") {
			t.Errorf("%s: month %q does not match date %s", it.ID, it.Month, it.Date.Format(time.DateOnly))
		}
		if it.Title == "" || !strings.HasSuffix(it.Detail, ".") {
			t.Errorf("%s: title %q, detail %q; want a title and a sentence", it.ID, it.Title, it.Detail)
		}
	}
	if !containsText(plan.Timeline.Notes, "approximate") {
		t.Errorf("notes = %q, want the 2028 dates marked approximate", plan.Timeline.Notes)
	}
}

func TestSeasonCalendarNamesResidencyCASFrom2026(t *testing.T) {
	tests := []struct {
		matchYear int
		want      string
	}{
		{2025, "MyERAS opens for applicants"},
		{2026, "MyERAS and ResidencyCAS open for applicants"},
		{2027, "MyERAS and ResidencyCAS open for applicants"},
	}
	for _, tt := range tests {
		if got := SeasonCalendar(tt.matchYear)[0].Title; got != tt.want {
			t.Errorf("%d applications open as %q, want %q", tt.matchYear, got, tt.want)
		}
	}
}

func TestTimelineWithoutENTNamesOnlyTheBackup(t *testing.T) {
	p := tier3Profile()
	p.Budget = 3495 // Drops the five ENT programs but keeps the backup list.
	plan := Build(p, testToday)
	if plan.Applications.ENTPrograms != 0 {
		t.Fatalf("ENT programs = %d, want 0", plan.Applications.ENTPrograms)
	}
	for _, id := range []string{"ent_work", "ent_letters"} {
		if hasItem(plan.Timeline, id) {
			t.Errorf("%s is on the timeline without ENT programs", id)
		}
	}
	for _, it := range plan.Timeline.Items {
		if strings.Contains(it.Detail, "ENT") {
			t.Errorf("%s mentions ENT without ENT programs: %q", it.ID, it.Detail)
		}
	}
}

func TestSeasonDatesForPicksByID(t *testing.T) {
	s := seasonDatesFor(2027)
	for _, tt := range []struct {
		got  SeasonDate
		want string
	}{
		{s.open, "applications_open"}, {s.submit, "submission_opens"}, {s.registration, "nrmp_registration"},
		{s.review, "review_starts"}, {s.interviews, "interviews"}, {s.rank, "rank_deadline"},
		{s.matchWeek, "match_week"}, {s.matchDay, "match_day"},
	} {
		if tt.got.ID != tt.want {
			t.Errorf("season date ID = %q, want %q", tt.got.ID, tt.want)
		}
	}
}

func TestAddDaysMatchesAddDate(t *testing.T) {
	for _, start := range []time.Time{
		time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2028, time.February, 28, 0, 0, 0, 0, time.UTC),
		time.Date(2026, time.December, 31, 0, 0, 0, 0, time.UTC),
	} {
		for _, n := range []int{-400, -16, -4, 0, 1, 20, 365} {
			if got, want := addDays(start, n), start.AddDate(0, 0, n); got != want {
				t.Errorf("addDays(%s, %d) = %v, want %v", start.Format(time.DateOnly), n, got, want)
			}
		}
	}
}

func TestUTCDateMatchesTimeDate(t *testing.T) {
	for _, year := range []int{-401, -400, -1, 0, 1, 1600, 1900, 1950, 1969, 1970, 2000, 2024, 2026, 2100, 2400, 3000} {
		for month := time.Month(-13); month <= 26; month++ {
			for _, day := range []int{-400, -60, -1, 0, 1, 15, 28, 29, 30, 31, 32, 60, 366, 800} {
				got, want := utcDate(year, month, day), time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
				if got != want {
					t.Fatalf("utcDate(%d, %d, %d) = %v, want %v", year, month, day, got, want)
				}
			}
		}
	}
}
