//go:build js && wasm

package main

import (
	"strconv"
	"time"

	"github.com/entbackup/ent-backup-planner/internal/textutil"
	"github.com/entbackup/ent-backup-planner/plan"
)

// setText queues new text for the element with the given data-result hook
// and reports whether it did. Unchanged text is left alone, so live regions
// announce only changes, and the program remembers what it wrote, so an
// unchanged hook costs nothing.
func (c *calculator) setText(name, text string) bool {
	if written, ok := c.texts[name]; ok && written == text {
		return false
	}
	c.queue("t", name, text)
	c.texts[name] = text
	return true
}

// render writes the plan into the results region: the summary first, then
// each section in the order of the page.
func (c *calculator) render(p plan.Plan, today time.Time) {
	c.renderSummary(p)
	c.renderAssessment(p.Assessment)
	c.renderMoveUp(p.MoveUp)
	c.renderBackups(p.Backups)
	c.renderApplications(p.Applications, p.Cost)
	c.section("signals", list("ul", "", p.Signals.Advice), textEl("p", "source", "Source: "+p.Signals.Source))
	c.renderLetters(p.Letters)
	c.renderTimeline(p.Timeline)
	c.renderOutcomes(p.Outcomes)
	c.setText("print-note", "Made on "+today.Format("January 2, 2006")+" with the ENT Backup Planner, for the "+strconv.Itoa(p.MatchYear)+" Match. Every figure is an estimate; check it with AAMC, NRMP and ECFMG before you pay.")
}

// renderSummary writes the tier, the application counts and the total fees.
func (c *calculator) renderSummary(p plan.Plan) {
	a := p.Assessment
	if c.setText("tier", a.Label()) {
		c.queue("a", "tier", "data-tier", a.Tier.String()[len("Tier "):])
	}
	c.setText("ent-applications", strconv.Itoa(p.Applications.ENTPrograms))
	c.setText("backup-applications", strconv.Itoa(p.Applications.BackupPrograms))
	c.setText("backup-name", "in "+p.Applications.BackupName)
	if c.setText("total-cost", plan.FormatUSD(p.Cost.Total)) {
		c.queue("a", "total-cost", "data-usd", strconv.Itoa(p.Cost.Total))
	}

	provisional := ""
	if a.Provisional {
		provisional = "Provisional until your Step 2 CK score is in."
	}
	c.setText("provisional", provisional)
	budget := ""
	if p.Cost.Budget.Status == plan.BudgetTrimmed || p.Cost.Budget.Status == plan.BudgetShortfall {
		budget = p.Cost.Budget.Message
	}
	c.setText("budget-summary", budget)
}

// renderAssessment writes the reasons for the tier and each factor.
func (c *calculator) renderAssessment(a plan.Assessment) {
	c.section("tier-why", listItems(a.Why)...)

	factors := collect()
	for _, f := range a.Factors {
		level := f.Level.String()
		factors.add(el("li", "class", "factor factor-"+level, "data-factor", f.ID.Code(), "data-level", level).add(
			textEl("span", "factor-name", f.ID.Title()),
			textEl("span", "factor-level", level),
			textEl("span", "factor-reason", f.Reason),
		))
	}
	c.section("factors", factors.kids...)
}

// renderMoveUp writes the smallest sets of changes that reach the next tier.
func (c *calculator) renderMoveUp(m plan.MoveUp) {
	kids := collect(textEl("p", "", m.Message))
	if len(m.Options) > 0 {
		options := el("ol", "class", "move-up-options")
		for _, option := range m.Options {
			steps := make([]string, len(option.Changes))
			for i, change := range option.Changes {
				steps[i] = change.Step
			}
			options.add(el("li").add(list("ul", "", steps), textEl("p", "result-line", "Reaches "+option.Result+".")))
		}
		kids.add(options)
	}
	if len(m.Fixed) > 0 {
		kids.add(textEl("p", "sub-heading", "What cannot change:"), list("ul", "", m.Fixed))
	}
	if len(m.Notes) > 0 {
		kids.add(list("ul", "notes", m.Notes))
	}
	c.section("move-up", kids.kids...)
}

// renderBackups writes the backup specialties in rank order. The top three
// get their reasons, cautions and ENT-related paths; the others a line each.
func (c *calculator) renderBackups(backups []plan.BackupOption) {
	items := collect()
	for i, b := range backups {
		title := b.Name
		if !b.Realistic {
			title += " (not a realistic backup for your tier)"
		}
		item := el("li", "class", "backup", "data-specialty", string(b.Specialty), "data-rank", strconv.Itoa(b.Rank)).
			add(textEl("p", "backup-name", title))
		if i >= 3 {
			if len(b.Reasons) > 0 {
				item.add(textEl("p", "", b.Reasons[0]))
			}
			items.add(item)
			continue
		}
		item.add(list("ul", "", b.Reasons))
		if len(b.Cautions) > 0 {
			item.add(textEl("p", "sub-heading", "Cautions:"), list("ul", "", b.Cautions))
		}
		if len(b.ENTPaths) > 0 {
			item.add(textEl("p", "", "ENT-related paths it keeps open: "+textutil.Join(b.ENTPaths, ", ")+"."))
		}
		items.add(item)
	}
	c.section("backup-ranking", items.kids...)
}

// renderApplications writes the application counts with their reasons, the
// fee table and the budget result.
func (c *calculator) renderApplications(apps plan.Applications, cost plan.Cost) {
	c.section("applications",
		textEl("p", "", strconv.Itoa(apps.ENTPrograms)+" ENT programs and "+strconv.Itoa(apps.BackupPrograms)+" "+apps.BackupName+" programs, with a rank list of about "+strconv.Itoa(apps.EstimatedRanks)+" programs."),
		list("ul", "", apps.Reasons),
	)

	body := el("tbody")
	var sources []string
	for _, item := range cost.Items {
		body.add(amountRow(item.Label, plan.FormatUSD(item.Amount)).withAttrs("data-cost", item.ID))
		if !contains(sources, item.Source) {
			sources = append(sources, item.Source)
		}
	}
	table := el("table", "class", "cost-table").add(
		textEl("caption", "", "Fees, using the "+strconv.Itoa(cost.Season)+" season's fee schedule"),
		tableHead("Item", "US dollars"),
		body,
		el("tfoot").add(amountRow("Total", plan.FormatUSD(cost.Total))),
	)
	c.section("cost-breakdown", table)

	budget := collect()
	if cost.SeasonNote != "" {
		budget.add(textEl("p", "", cost.SeasonNote))
	}
	if cost.Budget.Message != "" {
		budget.add(textEl("p", "budget-"+string(cost.Budget.Status), cost.Budget.Message))
	}
	budget.add(textEl("p", "sub-heading", "Sources:"), list("ul", "source", sources))
	c.section("budget", budget.kids...)
}

// renderLetters writes the letters held against those needed, the gaps, and
// which letters to send to each specialty's programs.
func (c *calculator) renderLetters(l plan.LetterPlan) {
	body := el("tbody")
	addRows := func(side string, needs []plan.LetterNeed) {
		body.add(el("tr", "class", "group").add(textEl("th", "", "For "+side).withAttrs("colspan", "4", "scope", "colgroup")))
		for _, n := range needs {
			missing := "none"
			if n.Missing > 0 {
				missing = strconv.Itoa(n.Missing)
			}
			needed := strconv.Itoa(n.Min)
			if n.Target > n.Min {
				needed += "\u2013" + strconv.Itoa(n.Target)
			}
			body.add(amountRow(n.Group, strconv.Itoa(n.Held), needed, missing))
		}
	}
	if len(l.ENT) > 0 {
		addRows("ENT", l.ENT)
	}
	addRows(l.BackupSpecialty.Name(), l.Backup)
	table := el("table", "class", "letters-table").add(
		textEl("caption", "", "Letters you hold and letters you need"),
		tableHead("Letters", "Held", "Needed", "Missing"),
		body,
	)
	kids := collect(el("div", "class", "table-wrap").add(table))
	if len(l.Gaps) > 0 {
		kids.add(textEl("p", "sub-heading", "To close the gaps:"), list("ul", "", l.Gaps))
	}
	for _, a := range l.Assignments {
		letters := make([]string, len(a.Letters))
		for i, letter := range a.Letters {
			letters[i] = strconv.Itoa(letter.Count) + " from " + letter.Writer.LabelFor(letter.Count)
		}
		count := strconv.Itoa(a.Total) + " letters"
		if a.Total == 1 {
			count = "1 letter"
		}
		text := "Send " + a.Name + " programs " + count + ": " + textutil.Join(letters, ", ") + "."
		if len(a.Letters) == 0 {
			text = "No letters to send to " + a.Name + " programs yet."
		}
		kids.add(textEl("p", "", text))
		if len(a.Notes) > 0 {
			kids.add(list("ul", "notes", a.Notes))
		}
	}
	kids.add(textEl("p", "notes", "Each program receives at most "+strconv.Itoa(l.MaxPerProgram)+" letters."))
	c.section("letters", kids.kids...)
}

// renderTimeline writes the dated steps to Match Day, grouped by month.
func (c *calculator) renderTimeline(t plan.Timeline) {
	months := el("ol", "class", "timeline")
	var month, items *elem
	for _, item := range t.Items {
		if month == nil || month.kids[0].text != item.Month {
			items = el("ul")
			month = el("li").add(textEl("h4", "", item.Month), items)
			months.add(month)
		}
		when := item.Date.Format("January 2")
		if !item.End.IsZero() {
			when += " to " + item.End.Format("January 2")
		}
		if item.Approximate {
			when = "About " + when
		}
		class := "timeline-" + string(item.Kind)
		switch {
		case item.Late:
			class += " late"
			when += " (late: do it now)"
		case item.Passed:
			class += " passed"
			when += " (passed)"
		}
		items.add(el("li", "class", class, "data-step", item.ID).add(
			textEl("span", "when", when+": "),
			textEl("strong", "", item.Title),
			textEl("span", "detail", item.Detail),
		))
	}
	c.section("timeline", months, list("ul", "notes", t.Notes))
}

// renderOutcomes writes a checklist for each result of the Match.
func (c *calculator) renderOutcomes(outcomes []plan.Outcome) {
	kids := collect()
	for _, o := range outcomes {
		kids.add(el("div", "class", "outcome", "data-outcome", o.ID).add(
			textEl("h4", "", o.Title),
			list("ul", "", o.Steps),
		))
	}
	c.section("outcomes", kids.kids...)
}

// listItems returns one li per text.
func listItems(texts []string) []*elem {
	items := make([]*elem, len(texts))
	for i, text := range texts {
		items[i] = textEl("li", "", text)
	}
	return items
}

func contains(list []string, s string) bool {
	for _, item := range list {
		if item == s {
			return true
		}
	}
	return false
}

// showFieldErrors puts each error's message next to its field, clears the
// messages of fields that are now valid, and sums the errors up in the
// results' live region, so a screen reader announces them as they appear.
func (c *calculator) showFieldErrors(errs []*plan.FieldError) {
	byField := make(map[string]string, len(errs))
	for _, err := range errs {
		byField[err.Field] = err.Message()
	}
	for i := range c.fields {
		f := &c.fields[i]
		msg, invalid := byField[f.name]
		if f.errorShown && f.shownError == msg {
			continue
		}
		if invalid {
			f.input.setAttr("aria-invalid", "true")
		} else {
			f.input.removeAttr("aria-invalid")
		}
		if f.message.ok() {
			f.message.setText(msg)
			f.message.setHidden(!invalid)
		}
		f.shownError, f.errorShown = msg, true
	}
	c.setText("error-summary", c.errorSummary(errs))
}

// errorSummary returns one sentence about the invalid fields, or "".
func (c *calculator) errorSummary(errs []*plan.FieldError) string {
	const meanwhile = " The plan uses your other entries meanwhile."
	switch len(errs) {
	case 0:
		return ""
	case 1:
		return "Check \u201c" + c.label(errs[0].Field) + "\u201d: " + errs[0].Message() + "." + meanwhile
	}
	names := make([]string, len(errs))
	for i, err := range errs {
		names[i] = "\u201c" + c.label(err.Field) + "\u201d"
	}
	return strconv.Itoa(len(errs)) + " fields need attention: " + textutil.Join(names, ", ") + "." + meanwhile
}

// showLinkIssues lists what the opened link contained that could not be used.
func (c *calculator) showLinkIssues() {
	c.section("link-issues", listItems(c.linkIssues)...)
	if box := c.doc.byID("planner-link-issues"); box.ok() {
		box.setHidden(len(c.linkIssues) == 0)
	}
}

// showStatus writes an error into the page's alert region, or clears it.
// The region itself always stays in the page, so assistive technology
// announces each new message.
func (c *calculator) showStatus(msg string) {
	el := c.doc.byID("planner-status")
	if !el.ok() || el.text() == msg {
		return
	}
	el.setText(msg)
	c.statusShown = msg != ""
	classes := el.v.Get("classList")
	if msg == "" {
		classes.Call("remove", "notice", "notice-error")
	} else {
		classes.Call("add", "notice", "notice-error")
	}
}

// announce writes a message into the polite status line under the buttons.
// A message equal to the one shown gets a no-break space appended, so that
// screen readers announce it again.
func (c *calculator) announce(msg string) {
	el := c.doc.byID("planner-message")
	if !el.ok() {
		return
	}
	if msg != "" && el.text() == msg {
		msg += "\u00a0"
	}
	el.setText(msg)
	c.messageShown = msg != ""
}
