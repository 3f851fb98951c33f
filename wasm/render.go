//go:build js && wasm

package main

import "github.com/entbackup/ent-backup-planner/plan"

// result returns the element with the given data-result hook.
func (c *calculator) result(name string) node {
	return c.doc.query(`[data-result="` + name + `"]`)
}

// setText replaces the text of the element with the given data-result hook.
func (c *calculator) setText(name, text string) {
	if el := c.result(name); el.ok() {
		el.setText(text)
	}
}

// render writes the assessment into the results region.
func (c *calculator) render(a plan.Assessment) {
	c.setText("tier", a.Label())
	if el := c.result("tier"); el.ok() {
		el.setAttr("data-tier", a.Tier.String()[len("Tier "):])
	}
	provisional := ""
	if a.Provisional {
		provisional = "Provisional until your Step 2 CK score is in."
	}
	c.setText("provisional", provisional)

	if list := c.result("tier-why"); list.ok() {
		list.setText("")
		for _, why := range a.Why {
			list.append(c.doc.create("li", "", why))
		}
	}

	if list := c.result("factors"); list.ok() {
		list.setText("")
		for _, f := range a.Factors {
			item := c.doc.create("li", "factor factor-"+f.Level.String(), "")
			item.setAttr("data-factor", f.ID.Code())
			item.setAttr("data-level", f.Level.String())
			item.append(c.doc.create("span", "factor-name", f.ID.Title()))
			item.append(c.doc.create("span", "factor-level", f.Level.String()))
			item.append(c.doc.create("span", "factor-reason", f.Reason))
			list.append(item)
		}
	}
}

// showFieldErrors puts each error's message next to its field and clears the
// messages of fields that are now valid.
func (c *calculator) showFieldErrors(errs []*plan.FieldError) {
	byField := map[string]string{}
	for _, err := range errs {
		byField[err.Field] = err.Message()
	}
	for _, el := range c.fields() {
		name := el.attr("name")
		msg, bad := byField[name]
		if bad {
			el.setAttr("aria-invalid", "true")
		} else {
			el.removeAttr("aria-invalid")
		}
		if target := c.doc.byID("error-" + name); target.ok() {
			target.setText(msg)
			target.setHidden(!bad)
		}
	}
	summary := ""
	switch len(errs) {
	case 0:
	case 1:
		summary = "One field needs attention; the plan uses the other fields meanwhile."
	default:
		summary = "Some fields need attention; the plan uses the valid fields meanwhile."
	}
	c.setText("error-summary", summary)
}

// showLinkIssues lists what the opened link contained that could not be used.
func (c *calculator) showLinkIssues() {
	list := c.result("link-issues")
	if !list.ok() {
		return
	}
	list.setText("")
	for _, issue := range c.linkIssues {
		list.append(c.doc.create("li", "", issue.Message()))
	}
	list.setHidden(len(c.linkIssues) == 0)
}

// showStatus writes a message into the status line, or clears it.
func (c *calculator) showStatus(msg string) {
	if el := c.doc.byID("planner-status"); el.ok() {
		el.setText(msg)
		el.setHidden(msg == "")
	}
}
