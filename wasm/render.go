//go:build js && wasm

package main

import (
	"strconv"
	"strings"

	"honnef.co/go/js/dom/v2"

	"github.com/entbackup/ent-backup-planner/plan"
)

// result returns the element with the given data-result hook, or nil.
func (c *calculator) result(name string) dom.Element {
	return c.doc.QuerySelector(`[data-result="` + name + `"]`)
}

// setText replaces the text of the element with the given data-result hook.
// Unchanged text is left alone, so live regions announce only changes.
func (c *calculator) setText(name, text string) {
	if el := c.result(name); el != nil && el.TextContent() != text {
		el.SetTextContent(text)
	}
}

// element creates an element with the given class and text.
func (c *calculator) element(tag, class, text string) dom.Element {
	el := c.doc.CreateElement(tag)
	if class != "" {
		el.SetAttribute("class", class)
	}
	if text != "" {
		el.SetTextContent(text)
	}
	return el
}

// render writes the assessment into the results region.
func (c *calculator) render(a plan.Assessment) {
	c.setText("tier", a.Label())
	if el := c.result("tier"); el != nil {
		el.SetAttribute("data-tier", a.Tier.String()[len("Tier "):])
	}
	provisional := ""
	if a.Provisional {
		provisional = "Provisional until your Step 2 CK score is in."
	}
	c.setText("provisional", provisional)

	if list := c.result("tier-why"); list != nil {
		list.SetTextContent("")
		for _, why := range a.Why {
			list.AppendChild(c.element("li", "", why))
		}
	}

	if list := c.result("factors"); list != nil {
		list.SetTextContent("")
		for _, f := range a.Factors {
			item := c.element("li", "factor factor-"+f.Level.String(), "")
			item.SetAttribute("data-factor", f.ID.Code())
			item.SetAttribute("data-level", f.Level.String())
			item.AppendChild(c.element("span", "factor-name", f.ID.Title()))
			item.AppendChild(c.element("span", "factor-level", f.Level.String()))
			item.AppendChild(c.element("span", "factor-reason", f.Reason))
			list.AppendChild(item)
		}
	}
}

// showFieldErrors puts each error's message next to its field, clears the
// messages of fields that are now valid, and sums the errors up in the
// results' live region, so a screen reader announces them as they appear.
func (c *calculator) showFieldErrors(errs []*plan.FieldError) {
	byField := map[string]string{}
	for _, err := range errs {
		byField[err.Field] = err.Message()
	}
	for _, el := range c.fields {
		name := el.GetAttribute("name")
		msg, bad := byField[name]
		if bad {
			el.SetAttribute("aria-invalid", "true")
		} else {
			el.RemoveAttribute("aria-invalid")
		}
		target := c.doc.GetElementByID("error-" + name)
		if target == nil {
			continue
		}
		if target.TextContent() != msg {
			target.SetTextContent(msg)
		}
		if bad {
			target.RemoveAttribute("hidden")
		} else {
			target.SetAttribute("hidden", "")
		}
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
	box := c.doc.GetElementByID("planner-link-issues")
	list := c.result("link-issues")
	if box == nil || list == nil {
		return
	}
	if sameItems(list, c.linkIssues) {
		return
	}
	list.SetTextContent("")
	for _, msg := range c.linkIssues {
		list.AppendChild(c.element("li", "", msg))
	}
	if len(c.linkIssues) == 0 {
		box.SetAttribute("hidden", "")
	} else {
		box.RemoveAttribute("hidden")
	}
}

// sameItems reports whether a list's items have exactly the given texts.
func sameItems(list dom.Element, texts []string) bool {
	items := list.QuerySelectorAll(":scope > li")
	if len(items) != len(texts) {
		return false
	}
	for i, item := range items {
		if item.TextContent() != texts[i] {
			return false
		}
	}
	return true
}

// showStatus writes an error into the page's alert region, or clears it.
// The region itself always stays in the page, so assistive technology
// announces each new message.
func (c *calculator) showStatus(msg string) {
	el := c.doc.GetElementByID("planner-status")
	if el == nil || el.TextContent() == msg {
		return
	}
	el.SetTextContent(msg)
	if msg == "" {
		el.Class().Remove("notice")
		el.Class().Remove("notice-error")
	} else {
		el.Class().Add("notice")
		el.Class().Add("notice-error")
	}
}

// announce writes a message into the polite status line under the buttons.
// A message equal to the one shown gets a no-break space appended, so that
// screen readers announce it again.
func (c *calculator) announce(msg string) {
	el := c.doc.GetElementByID("planner-message")
	if el == nil {
		return
	}
	if el.TextContent() == msg {
		msg += "\u00a0"
	}
	el.SetTextContent(msg)
}
