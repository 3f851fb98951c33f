package sitedata

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/entbackup/ent-backup-planner/plan"
)

// SpecialtyRow is one specialty's first-year figures in one Main Residency
// Match. A zero count or percentage means the figure was not found.
type SpecialtyRow struct {
	Code            string  `json:"code"`
	Name            string  `json:"name"`
	Season          int     `json:"season"`
	Programs        int     `json:"programs"`
	Positions       int     `json:"positions"`
	Filled          int     `json:"filled"`
	FillPercent     float64 `json:"fill_percent"`
	NonUSIMGPercent float64 `json:"non_us_img_percent"`
	USIMGPercent    float64 `json:"us_img_percent"`
	Source          string  `json:"source"`
	// Secondary marks figures restated by a site other than the publisher.
	Secondary bool `json:"secondary"`
	// Backup marks the six backup candidates the planner ranks.
	Backup bool `json:"backup"`
}

// FeeBand is one band of a per-specialty application fee schedule, in US
// dollars. To is 0 for a band with no upper limit; Flat is 0 for a
// per-program band.
type FeeBand struct {
	From       int `json:"from"`
	To         int `json:"to"`
	Flat       int `json:"flat"`
	PerProgram int `json:"per_program"`
}

// Fee is one charge in US dollars with its source.
type Fee struct {
	Amount int    `json:"amount"`
	Source string `json:"source"`
}

// FeeSchedule is every fee of one application season. Season is the Match
// year the season leads to.
type FeeSchedule struct {
	Season     int       `json:"season"`
	ERAS       []FeeBand `json:"eras"`
	ERASSource string    `json:"eras_source"`
	// EMService names the service Emergency Medicine applications go
	// through: "ERAS" or "ResidencyCAS".
	EMService          string    `json:"em_service"`
	ResidencyCAS       []FeeBand `json:"residencycas,omitempty"`
	ResidencyCASSource string    `json:"residencycas_source,omitempty"`
	Token              Fee       `json:"token"`
	Transcript         Fee       `json:"transcript"`
	NRMPRegistration   Fee       `json:"nrmp_registration"`
	NRMPRanksIncluded  int       `json:"nrmp_ranks_included"`
	NRMPExtraRank      Fee       `json:"nrmp_extra_rank"`
	Step3              Fee       `json:"step3"`
}

// CalendarDate is one date of an application season. Dates are written as
// 2006-01-02; End is empty for a single day.
type CalendarDate struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Date        string `json:"date"`
	End         string `json:"end,omitempty"`
	Approximate bool   `json:"approximate"`
	Source      string `json:"source"`
}

// Calendar is the season calendar of one Match.
type Calendar struct {
	Season int            `json:"season"`
	Dates  []CalendarDate `json:"dates"`
}

// Source is one public source the planner's figures cite, with what each
// figure taken from it is used for.
type Source struct {
	URL string `json:"url"`
	// Title is the publication's name as the first value that cites it words
	// it, with its year where the source gives one.
	Title string `json:"title"`
	// Uses names each value taken from the source with its season.
	Uses []string `json:"uses"`
	// Secondary marks a site that restates another publisher's data.
	Secondary bool `json:"secondary"`
}

// dateLayout is the time layout of the dates in the export.
const dateLayout = "2006-01-02"

// buildSpecialties returns the specialty figures the guide's table shows.
func buildSpecialties() []SpecialtyRow {
	backups := plan.BackupSpecialties()
	var rows []SpecialtyRow
	for _, f := range plan.SpecialtyTable() {
		rows = append(rows, SpecialtyRow{
			Code: string(f.Specialty), Name: f.Name, Season: f.Season,
			Programs: f.Programs, Positions: f.Positions, Filled: f.Filled,
			FillPercent: f.FillPercent, NonUSIMGPercent: f.NonUSIMGPercent, USIMGPercent: f.USIMGPercent,
			Source: f.Source, Secondary: f.Secondary,
			Backup: slices.Contains(backups, f.Specialty),
		})
	}
	return rows
}

// buildFeeSchedules returns every published fee schedule, oldest first.
func buildFeeSchedules() []FeeSchedule {
	var schedules []FeeSchedule
	for _, s := range plan.FeeSchedules() {
		schedules = append(schedules, FeeSchedule{
			Season: s.Season, ERAS: bands(s.ERAS), ERASSource: s.ERASSource,
			EMService:    s.EMService.Name(),
			ResidencyCAS: bands(s.ResidencyCAS), ResidencyCASSource: s.ResidencyCASSource,
			Token:             Fee(s.Token),
			Transcript:        Fee(s.Transcript),
			NRMPRegistration:  Fee(s.NRMPRegistration),
			NRMPRanksIncluded: s.NRMPRanksIncluded,
			NRMPExtraRank:     Fee(s.NRMPExtraRank),
			Step3:             Fee(s.Step3),
		})
	}
	return schedules
}

func bands(in plan.FeeBands) []FeeBand {
	var out []FeeBand
	for _, b := range in {
		out = append(out, FeeBand(b))
	}
	return out
}

// buildCalendar returns the calendar of the latest season whose dates were
// published.
func buildCalendar() Calendar {
	c := Calendar{Season: plan.CalendarExactSeason}
	for _, d := range plan.SeasonCalendar(plan.CalendarExactSeason) {
		date := CalendarDate{
			ID: d.ID, Title: d.Title, Date: d.Date.Format(dateLayout),
			Approximate: d.Approximate, Source: d.Source,
		}
		if !d.End.IsZero() {
			date.End = d.End.Format(dateLayout)
		}
		c.Dates = append(c.Dates, date)
	}
	return c
}

// urlPattern finds the web addresses inside a source sentence.
var urlPattern = regexp.MustCompile(`https?://[^\s()]+[^\s().,;:]`)

// sourceUse is one kind of value taken from a source, and the seasons that
// use it.
type sourceUse struct {
	label   string
	unit    string // "season", "Match", or "" for a rule, which has no season
	seasons []int
}

// buildSources collects every web address quoted by the figures, fees,
// dates and rules of the export, in the order first quoted, with what each
// is used for.
func buildSources(d Data) []Source {
	var urls []string
	uses := map[string][]*sourceUse{}
	titles := map[string]string{}
	secondary := map[string]bool{}
	add := func(text, label, unit string, season int) {
		for _, url := range urlPattern.FindAllString(text, -1) {
			if _, seen := uses[url]; !seen {
				urls = append(urls, url)
				uses[url] = nil
				titles[url] = sourceTitle(text, url)
			}
			if strings.Contains(text, "secondary") {
				secondary[url] = true
			}
			i := slices.IndexFunc(uses[url], func(u *sourceUse) bool { return u.label == label })
			if i < 0 {
				uses[url] = append(uses[url], &sourceUse{label: label, unit: unit})
				i = len(uses[url]) - 1
			}
			if u := uses[url][i]; !slices.Contains(u.seasons, season) {
				u.seasons = append(u.seasons, season)
			}
		}
	}

	for _, row := range d.Specialties {
		add(row.Source, row.Name+": positions, fill rate and IMG shares", "Match", row.Season)
	}
	for _, s := range d.FeeSchedules {
		add(s.ERASSource, "ERAS application fees", "season", s.Season)
		add(s.ResidencyCASSource, "ResidencyCAS application fees", "season", s.Season)
		add(s.Token.Source, "ECFMG ERAS token", "season", s.Season)
		add(s.Transcript.Source, "USMLE transcript fee", "season", s.Season)
		add(s.NRMPRegistration.Source, "NRMP registration fee", "season", s.Season)
		add(s.NRMPExtraRank.Source, "NRMP fee per extra ranked program", "season", s.Season)
		add(s.Step3.Source, "USMLE Step 3 fee", "season", s.Season)
	}
	for _, date := range d.Calendar.Dates {
		add(date.Source, date.Title, "Match", d.Calendar.Season)
	}

	// Rules repeat the fees and figures above. Only their other sources are
	// added, used for the rule's first sentence and without a season
	// because a rule has none of its own.
	for _, r := range d.Rules {
		for _, url := range urlPattern.FindAllString(r.Source, -1) {
			if _, seen := uses[url]; !seen {
				add(url+" "+r.Source, firstSentence(r.Description), "", 0)
				titles[url] = sourceTitle(r.Source, url)
			}
		}
	}

	sources := make([]Source, 0, len(urls))
	for _, url := range urls {
		source := Source{URL: url, Title: titles[url], Secondary: secondary[url]}
		for _, u := range uses[url] {
			if u.unit == "" {
				source.Uses = append(source.Uses, u.label)
				continue
			}
			source.Uses = append(source.Uses, u.label+" ("+seasonList(u.seasons, u.unit)+")")
		}
		sources = append(sources, source)
	}
	return sources
}

// seasonList writes seasons as "2024 season" or "2024, 2025 and 2026 seasons".
func seasonList(seasons []int, unit string) string {
	names := make([]string, len(seasons))
	for i, s := range seasons {
		names[i] = strconv.Itoa(s)
	}
	if len(names) == 1 {
		return names[0] + " " + unit
	}
	last := len(names) - 1
	plural := unit + "s"
	if unit == "Match" {
		plural = "Matches"
	}
	return strings.Join(names[:last], ", ") + " and " + names[last] + " " + plural
}

// Rule is one threshold, count, fee, weight or date the planner uses, with
// its value in words and its source.
type Rule struct {
	// ID is the Go name of the value in package plan, or a short name for a
	// rule that is a table row or a behaviour.
	ID string `json:"id"`
	// Group is the part of the plan the rule belongs to, such as "tier" or
	// "fees".
	Group       string `json:"group"`
	Value       string `json:"value"`
	Description string `json:"description"`
	Source      string `json:"source"`
}

// buildRules returns every rule of the planner in package plan's order.
func buildRules() []Rule {
	var rules []Rule
	for _, r := range plan.Rules() {
		rules = append(rules, Rule{ID: r.Name, Group: r.Group, Value: r.Value, Description: r.Description, Source: r.Source})
	}
	return rules
}

// sourceTitle returns the words that lead up to url in a source sentence,
// without the punctuation and linking words before the address: "NRMP
// Charting Outcomes 2024" from "NRMP Charting Outcomes 2024, via https://...".
// When the sentence cites an earlier address, only the words after it count.
func sourceTitle(text, url string) string {
	before, _, _ := strings.Cut(text, url)
	if earlier := urlPattern.FindAllStringIndex(before, -1); len(earlier) > 0 {
		before = before[earlier[len(earlier)-1][1]:]
	}
	title := strings.TrimPrefix(strings.TrimSpace(before), "and ")
	for {
		trimmed := strings.TrimRight(title, ":,;( ")
		for _, lead := range []string{" via", " compiled at", " as reported in"} {
			trimmed = strings.TrimSuffix(trimmed, lead)
		}
		if trimmed == title {
			return title
		}
		title = trimmed
	}
}

// firstSentence returns text up to the end of its first sentence, without
// the full stop.
func firstSentence(text string) string {
	if i := strings.Index(text, ". "); i >= 0 {
		return text[:i]
	}
	return strings.TrimSuffix(text, ".")
}
