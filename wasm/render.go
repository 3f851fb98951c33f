//go:build js && wasm

package main

import (
	"strconv"
	"strings"

	"github.com/entbackup/ent-backup-planner/plan"
)

// result returns the element with the given data-result hook; it is not ok
// when the page has none.
func (c *calculator) result(name string) node {
	return c.hooks[name]
}

// setText replaces the text of the element with the given data-result hook.
// Unchanged text is left alone, so live regions announce only changes.
func (c *calculator) setText(name, text string) {
	if el := c.result(name); el.ok() {
		el.setText(text)
	}
}

// section rebuilds the children of the element with the given data-result
// hook with fill, but only when key, a summary of what fill would show,
// differs from the last time. Skipping unchanged sections keeps updates fast
// and leaves a screen reader's position in them alone.
func (c *calculator) section(name, key string, fill func(el node)) {
	el := c.result(name)
	if !el.ok() || c.shown[name] == key {
		return
	}
	c.shown[name] = key
	el.setText("")
	fill(el)
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

	c.section("tier-why", strings.Join(a.Why, "\n"), func(list node) {
		for _, why := range a.Why {
			list.append(c.doc.create("li", "", why))
		}
	})

	var key strings.Builder
	for _, f := range a.Factors {
		key.WriteString(f.Level.String() + f.Reason + "\n")
	}
	c.section("factors", key.String(), func(list node) {
		for _, f := range a.Factors {
			item := c.doc.create("li", "factor factor-"+f.Level.String(), "")
			item.setAttr("data-factor", f.ID.Code())
			item.setAttr("data-level", f.Level.String())
			item.append(c.doc.create("span", "factor-name", f.ID.Title()))
			item.append(c.doc.create("span", "factor-level", f.Level.String()))
			item.append(c.doc.create("span", "factor-reason", f.Reason))
			list.append(item)
		}
	})
}

// showFieldErrors puts each error's message next to its field, clears the
// messages of fields that are now valid, and sums the errors up in the
// results' live region, so a screen reader announces them as they appear.
func (c *calculator) showFieldErrors(errs []*plan.FieldError) {
	byField := make(map[string]string, len(errs))
	for _, err := range errs {
		byField[err.Field] = err.Message()
	}
	for _, f := range c.fields {
		msg, invalid := byField[f.name]
		if invalid != (f.input.attr("aria-invalid") == "true") {
			if invalid {
				f.input.setAttr("aria-invalid", "true")
			} else {
				f.input.removeAttr("aria-invalid")
			}
		}
		if !f.message.ok() || f.message.text() == msg {
			continue
		}
		f.message.setText(msg)
		f.message.setHidden(!invalid)
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
	var b strings.Builder
	b.WriteString(strconv.Itoa(len(errs)) + " fields need attention: ")
	for i, err := range errs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("\u201c" + c.label(err.Field) + "\u201d")
	}
	b.WriteString("." + meanwhile)
	return b.String()
}

// showLinkIssues lists what the opened link contained that could not be used.
func (c *calculator) showLinkIssues() {
	c.section("link-issues", strings.Join(c.linkIssues, "\n"), func(list node) {
		for _, msg := range c.linkIssues {
			list.append(c.doc.create("li", "", msg))
		}
	})
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
	if el.text() == msg {
		msg += "\u00a0"
	}
	el.setText(msg)
}
