//go:build js && wasm

package main

import (
	"syscall/js"
	"time"

	"github.com/entbackup/ent-backup-planner/internal/textutil"
	"github.com/entbackup/ent-backup-planner/plan"
)

// invalidOptionClass marks an option added to a select to keep a value from
// a link that is not one of the select's choices.
const invalidOptionClass = "option-invalid"

// field is one named input or select of the form.
type field struct {
	name  string
	label string
	input node
	// message is the element that shows the field's error, if the page has one.
	message  node
	isSelect bool
	// shownError is the error the field shows, "" for none, once
	// errorShown is set. The page is then not read again to compare.
	shownError string
	errorShown bool
	// current is the field's value as last read from the page, while read
	// is set. Input events clear read for their field only, so an update
	// reads one value from the page instead of every field's.
	current string
	read    bool
}

func (f field) value() string { return f.input.value() }

// start reads the form as served, fills it from the link or from the
// remembered profile, and renders the first result. It pauses between its
// steps, so the browser gets to paint and respond to input instead of
// running one long task: the first call of each function is much slower
// than later ones because the browser compiles it then.
func (c *calculator) start() {
	c.findElements()
	pause()

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
	values := c.values()
	today := time.Now()
	profile, errs := plan.ParseProfile(values, today)
	pause()
	p := plan.Build(profile, today)
	pause()
	c.show(values, errs, p, today)
}

// pause lets the browser run other tasks before the program goes on.
func pause() { time.Sleep(time.Millisecond) }

// findElements looks up the form's fields once, so updates do not search
// the page.
func (c *calculator) findElements() {
	// The program and planner-loader.js ship together, so a page without
	// entPlanner is a broken build.
	c.page = c.window.Get("entPlanner")
	if !c.page.Truthy() {
		panic("the page's loader script does not match the planner; reload the page")
	}
	c.defaults = map[string]string{}
	c.fields = nil
	for _, input := range c.form.queryAll("input[name], select[name]") {
		name := input.attr("name")
		f := field{
			name:     name,
			label:    name,
			input:    input,
			message:  c.doc.byID("error-" + name),
			isSelect: input.v.Get("tagName").String() == "SELECT",
		}
		if label := c.doc.query(`label[for="` + input.attr("id") + `"]`); label.ok() {
			f.label = textutil.TrimSpace(label.text())
		}
		c.fields = append(c.fields, f)
		c.defaults[name] = defaultValue(f)
	}
}

// loadLink fills the form from a fragment, with or without its "#", and
// keeps the messages about the parts that could not be used.
func (c *calculator) loadLink(fragment string, keepEdited bool) {
	values, issues := plan.DecodeFragment(fragment)
	c.linkIssues = c.linkIssues[:0]
	for _, issue := range issues {
		// Different keys can give the same message, as when both are cut
		// to the same first characters.
		if msg := issue.Message(); !contains(c.linkIssues, msg) {
			c.linkIssues = append(c.linkIssues, msg)
		}
	}
	c.fill(values, keepEdited)
}

// update recomputes the plan from the form and renders it, then writes the
// profile into the fragment and, when the user opted in, into storage.
func (c *calculator) update() {
	values := c.values()
	today := time.Now()
	profile, errs := plan.ParseProfile(values, today)
	c.show(values, errs, plan.Build(profile, today), today)
}

// show renders a plan and the errors in the values it was made from, then
// writes those values into the fragment and, when the user opted in, into
// storage.
func (c *calculator) show(values map[string]string, errs []*plan.FieldError, p plan.Plan, today time.Time) {
	nextRender()
	c.showFieldErrors(errs)
	c.showLinkIssues()
	c.render(p, today)
	c.flush()
	if c.statusShown {
		c.showStatus("")
	}
	c.dropStaleInvalidOptions()

	fragment := encodeFragment(values, c.defaults)
	c.shownFragment = fragment
	c.history.write(fragment)
	c.remember(fragment)
}

// values returns every named field's value, reading from the page the
// fields not read since their last input event or since forgetValues.
func (c *calculator) values() map[string]string {
	values := make(map[string]string, len(c.fields))
	for i := range c.fields {
		f := &c.fields[i]
		if !f.read {
			f.current, f.read = f.value(), true
		}
		values[f.name] = f.current
	}
	return values
}

// forgetValues makes the next values call read every field from the page.
func (c *calculator) forgetValues() {
	for i := range c.fields {
		c.fields[i].read = false
	}
}

// fieldChanged marks the field whose element is target as changed and
// reports whether target is one of the form's fields, as opposed to another
// control inside the form.
func (c *calculator) fieldChanged(target js.Value) bool {
	for i := range c.fields {
		if c.fields[i].input.v.Equal(target) {
			c.fields[i].read = false
			return true
		}
	}
	return false
}

// fill puts values into the form. A field that values does not name gets its
// default, so a link opened later replaces the whole profile. With
// keepEdited, fields the user changed before the program loaded keep what
// they contain. It adds to c.linkIssues a message for each value a field
// could not take as it was, such as a line break in a text field.
func (c *calculator) fill(values map[string]string, keepEdited bool) {
	c.forgetValues()
	c.mayHaveInvalidOptions = true
	for _, f := range c.fields {
		if keepEdited && f.value() != c.defaults[f.name] {
			continue
		}
		value, ok := values[f.name]
		if !ok {
			value = c.defaults[f.name]
		}
		if !setValue(f, value) {
			c.linkIssues = append(c.linkIssues, "The link's value for \u201c"+f.label+"\u201d has characters a text field cannot contain, such as line breaks or invalid UTF-8; the field shows the rest.")
		}
	}
}

// setValue puts value into a field and reports whether the field now
// contains it exactly. A select keeps a value that matches none of its
// choices in an extra option marked invalid, so the value is reported on the field
// instead of being dropped. A choice that differs only in case or
// surrounding spaces selects that choice, because ParseProfile reads it the
// same way.
func setValue(f field, value string) bool {
	if !f.isSelect {
		f.input.setValue(value)
		return f.value() == value
	}

	removeInvalidOptions(f.input)
	choice := textutil.TrimSpace(value)
	for _, opt := range f.input.queryAll("option") {
		if textutil.EqualFold(choice, opt.value()) {
			opt.v.Set("selected", true)
			return true
		}
	}
	opt := document().create("option", invalidOptionClass, textutil.Quote(value)+" (from the link; not a valid choice)")
	opt.setValue(value)
	f.input.append(opt)
	opt.v.Set("selected", true)
	return f.value() == value
}

// removeInvalidOptions deletes the options setValue added to a select.
func removeInvalidOptions(sel node) {
	for _, opt := range sel.queryAll("option." + invalidOptionClass) {
		opt.v.Call("remove")
	}
}

// dropStaleInvalidOptions removes an invalid option once the user has
// picked a real choice in its select.
func (c *calculator) dropStaleInvalidOptions() {
	if !c.mayHaveInvalidOptions {
		return
	}
	c.mayHaveInvalidOptions = false
	for _, opt := range c.form.queryAll("option." + invalidOptionClass) {
		if opt.v.Get("selected").Bool() {
			c.mayHaveInvalidOptions = true
		} else {
			opt.v.Call("remove")
		}
	}
}

// defaultValue returns the value a field was served with.
func defaultValue(f field) string {
	if !f.isSelect {
		return f.input.v.Get("defaultValue").String()
	}
	options := f.input.v.Get("options")
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
	c.forgetValues()
	for _, f := range c.fields {
		setValue(f, c.defaults[f.name])
	}
}

// label returns the visible label of a field, or its name when it has none.
func (c *calculator) label(name string) string {
	for _, f := range c.fields {
		if f.name == name {
			return f.label
		}
	}
	return name
}
