//go:build js && wasm

package main

import (
	"strings"
	"time"

	"honnef.co/go/js/dom/v2"

	"github.com/entbackup/ent-backup-planner/plan"
)

// invalidOptionClass marks an option added to a select to keep a value from
// a link that is not one of the select's choices.
const invalidOptionClass = "option-invalid"

// start reads the form as served, fills it from the link or from the
// remembered profile, and renders the first result.
func (c *calculator) start() {
	c.history.c = c
	c.fields = c.form.QuerySelectorAll("input[name], select[name]")
	c.defaults = map[string]string{}
	for _, el := range c.fields {
		c.defaults[el.GetAttribute("name")] = defaultValue(el)
	}

	hash := c.window.Get("location").Get("hash").String()
	c.fragment = hash
	remembered, hasRemembered := c.loadRemembered()
	c.setRememberBox(hasRemembered)
	switch {
	case c.isProfileFragment(hash):
		c.loadLink(hash, true)
		c.protectRemembered(hash)
	case hasRemembered && remembered != "":
		c.loadLink(remembered, true)
		c.announce("Your profile remembered on this device is filled in.")
	}
	c.update()
	c.enableActions()
}

// loadLink fills the form from a fragment, with or without its "#", and
// keeps the messages about the parts that could not be used.
func (c *calculator) loadLink(fragment string, keepEdited bool) {
	values, issues := plan.DecodeFragment(fragment)
	c.linkIssues = c.linkIssues[:0]
	for _, issue := range issues {
		c.linkIssues = append(c.linkIssues, issue.Message())
	}
	c.linkIssues = append(c.linkIssues, c.fill(values, keepEdited)...)
}

// update recomputes the plan from the form and renders it, then writes the
// profile into the fragment and, when the user opted in, into storage.
func (c *calculator) update() {
	values := c.values()
	profile, errs := plan.ParseProfile(values, time.Now())
	c.showFieldErrors(errs)
	c.showLinkIssues()
	c.render(plan.Assess(profile))
	c.showStatus("")
	c.dropStaleInvalidOptions()

	fragment := encodeFragment(values, c.defaults)
	c.history.write(fragment)
	c.remember(fragment)
}

// values reads every named field of the form.
func (c *calculator) values() map[string]string {
	values := make(map[string]string, len(c.fields))
	for _, el := range c.fields {
		values[el.GetAttribute("name")] = el.Underlying().Get("value").String()
	}
	return values
}

// fill puts values into the form. A field that values does not name gets its
// default, so a link opened later replaces the whole profile. With
// keepEdited, fields the user changed before the program loaded keep what
// they hold. It returns an issue for each value a field could not hold as
// it was, such as a line break in a text field.
func (c *calculator) fill(values map[string]string, keepEdited bool) []string {
	var issues []string
	for _, el := range c.fields {
		name := el.GetAttribute("name")
		if keepEdited && c.edited(el) {
			continue
		}
		value, ok := values[name]
		if !ok {
			value = c.defaults[name]
		}
		if !setValue(el, value) {
			issues = append(issues, "The link's value for \u201c"+c.label(name)+"\u201d has characters a text field cannot hold, such as line breaks or invalid UTF-8; the field shows the rest.")
		}
	}
	return issues
}

// label returns the visible label of a field, or its name when it has none.
func (c *calculator) label(name string) string {
	if el := c.doc.QuerySelector(`label[for="f-` + name + `"]`); el != nil {
		return strings.TrimSpace(el.TextContent())
	}
	return name
}

// edited reports whether a field holds something other than its default.
func (c *calculator) edited(el dom.Element) bool {
	return el.Underlying().Get("value").String() != c.defaults[el.GetAttribute("name")]
}

// setValue puts value into a field and reports whether the field now holds
// it exactly. A select keeps a value that is none of its choices in an extra
// option marked invalid, so the value is reported on the field instead of
// being dropped; a choice that differs only in case or surrounding spaces
// selects that choice, as ParseProfile reads it the same way.
func setValue(el dom.Element, value string) bool {
	node := el.Underlying()
	if !isSelect(el) {
		node.Set("value", value)
		return node.Get("value").String() == value
	}

	removeInvalidOptions(el)
	choice := strings.TrimSpace(value)
	for _, opt := range el.QuerySelectorAll("option") {
		if strings.EqualFold(opt.Underlying().Get("value").String(), choice) {
			opt.Underlying().Set("selected", true)
			return true
		}
	}
	opt := dom.GetWindow().Document().CreateElement("option")
	opt.SetAttribute("class", invalidOptionClass)
	opt.Underlying().Set("value", value)
	opt.SetTextContent(value + " (from the link; not a valid choice)")
	el.AppendChild(opt)
	opt.Underlying().Set("selected", true)
	return node.Get("value").String() == value
}

// removeInvalidOptions deletes the options setValue added to a select.
func removeInvalidOptions(el dom.Element) {
	for _, opt := range el.QuerySelectorAll("option." + invalidOptionClass) {
		opt.Underlying().Call("remove")
	}
}

// dropStaleInvalidOptions removes an invalid option once the user has
// picked a real choice in its select.
func (c *calculator) dropStaleInvalidOptions() {
	for _, opt := range c.form.QuerySelectorAll("option." + invalidOptionClass) {
		if !opt.Underlying().Get("selected").Bool() {
			opt.Underlying().Call("remove")
		}
	}
}

// defaultValue returns the value a field was served with.
func defaultValue(el dom.Element) string {
	node := el.Underlying()
	if !isSelect(el) {
		return node.Get("defaultValue").String()
	}
	options := node.Get("options")
	for i := 0; i < options.Length(); i++ {
		if options.Index(i).Get("defaultSelected").Bool() {
			return options.Index(i).Get("value").String()
		}
	}
	if options.Length() > 0 {
		return options.Index(0).Get("value").String()
	}
	return ""
}

// resetFields puts every field back to the value the page was served with.
func (c *calculator) resetFields() {
	for _, el := range c.fields {
		setValue(el, c.defaults[el.GetAttribute("name")])
	}
}

// isSelect reports whether a field is a select rather than an input.
func isSelect(el dom.Element) bool {
	return el.Underlying().Get("tagName").String() == "SELECT"
}
