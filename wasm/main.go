//go:build js && wasm

// Command wasm is the calculator's browser program: it reads the form, asks
// package plan for the assessment and plan, and renders them into the page.
package main

import (
	"syscall/js"
	"time"

	"honnef.co/go/js/dom/v2"

	"github.com/entbackup/ent-backup-planner/plan"
)

func main() {
	doc := document()
	form := doc.byID("planner")
	if !form.ok() {
		return
	}
	c := &calculator{doc: doc, form: form}

	guard(c, func() {
		c.loadFragment()
		c.update()
	})
	form.on("input", func() { guard(c, c.update) })
	form.on("change", func() { guard(c, c.update) })
	dom.GetWindow().AddEventListener("hashchange", false, func(dom.Event) {
		guard(c, func() {
			if c.fragmentChanged() {
				c.loadFragment()
				c.update()
			}
		})
	})
	doc.query("html").addClass("planner-ready")

	// The program must stay alive: callbacks stop working once main returns.
	select {}
}

// calculator holds the page elements the program works with.
type calculator struct {
	doc  node
	form node
	// fragment is the last fragment written, to tell our own updates from
	// navigation.
	fragment string
	// linkIssues are the problems found in the fragment when it was loaded.
	linkIssues []plan.FragmentIssue
}

// guard runs fn and turns a panic into a message on the page, so one bad
// input never stops the program.
func guard(c *calculator, fn func()) {
	defer func() {
		if r := recover(); r != nil {
			msg := "unexpected error"
			if err, ok := r.(error); ok {
				msg = err.Error()
			} else if s, ok := r.(string); ok {
				msg = s
			}
			c.showStatus("The planner hit an internal error (" + msg + "). Your entries are kept; change any field to try again.")
			js.Global().Get("console").Call("warn", "planner: recovered from panic: "+msg)
		}
	}()
	fn()
}

// fields returns the form's named inputs and selects.
func (c *calculator) fields() []node {
	return c.form.queryAll("input[name], select[name]")
}

// values reads every named field of the form.
func (c *calculator) values() map[string]string {
	values := map[string]string{}
	for _, el := range c.fields() {
		values[el.attr("name")] = el.value()
	}
	return values
}

// loadFragment fills the form from the URL fragment. Fields the fragment does
// not name keep their current value.
func (c *calculator) loadFragment() {
	hash := dom.GetWindow().Location().Hash()
	values, issues := plan.DecodeFragment(hash)
	c.linkIssues = issues
	c.fragment = hash
	for _, el := range c.fields() {
		if v, ok := values[el.attr("name")]; ok {
			el.setValue(v)
		}
	}
}

// fragmentChanged reports whether the fragment differs from the last one written.
func (c *calculator) fragmentChanged() bool {
	return dom.GetWindow().Location().Hash() != c.fragment
}

// update recomputes the plan from the form and renders it, then writes the
// profile into the fragment.
func (c *calculator) update() {
	values := c.values()
	profile, errs := plan.ParseProfile(values, time.Now())
	c.showFieldErrors(errs)
	c.showLinkIssues()
	c.render(plan.Assess(profile))
	c.showStatus("")
	c.writeFragment(values)
}

// writeFragment keeps the fragment in step with the form without adding a
// history entry per keystroke.
func (c *calculator) writeFragment(values map[string]string) {
	hash := "#" + plan.EncodeFragment(values)
	if hash == c.fragment {
		return
	}
	c.fragment = hash
	js.Global().Get("history").Call("replaceState", nil, "", hash)
}
