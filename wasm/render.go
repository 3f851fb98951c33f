//go:build js && wasm

package main

import (
	"honnef.co/go/js/dom/v2"

	"github.com/entbackup/ent-backup-planner/plan"
)

// result returns the element with the given data-result hook, or nil.
func (c *calculator) result(name string) dom.Element {
	return c.doc.QuerySelector(`[data-result="` + name + `"]`)
}

// setText replaces the text of the element with the given data-result hook.
func (c *calculator) setText(name, text string) {
	if el := c.result(name); el != nil {
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

// showFieldErrors puts each error's message next to its field and clears the
// messages of fields that are now valid.
func (c *calculator) showFieldErrors(errs []*plan.FieldError) {
	byField := map[string]string{}
	for _, err := range errs {
		byField[err.Field] = err.Message()
	}
	for _, el := range c.fields() {
		name := el.GetAttribute("name")
		msg, bad := byField[name]
		target := c.doc.GetElementByID("error-" + name)
		if bad {
			el.SetAttribute("aria-invalid", "true")
		} else {
			el.RemoveAttribute("aria-invalid")
		}
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
	if list == nil {
		return
	}
	list.SetTextContent("")
	for _, issue := range c.linkIssues {
		list.AppendChild(c.element("li", "", issue.Message()))
	}
	if len(c.linkIssues) == 0 {
		list.SetAttribute("hidden", "")
	} else {
		list.RemoveAttribute("hidden")
	}
}

// showStatus writes a message into the status line, or clears it.
func (c *calculator) showStatus(msg string) {
	el := c.doc.GetElementByID("planner-status")
	if el == nil {
		return
	}
	el.SetTextContent(msg)
	if msg == "" {
		el.SetAttribute("hidden", "")
	} else {
		el.RemoveAttribute("hidden")
	}
}
