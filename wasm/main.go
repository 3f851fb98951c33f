//go:build js && wasm

// Command wasm is the calculator's browser program: it reads the form, gets
// the plan from package plan, and renders it into the page.
// It also keeps the URL fragment (and, when the user opts in, localStorage)
// in step with the form, and runs the page's Copy link, Reset and Print
// buttons.
//
// The .wasm has a size budget (internal/measure), so helpers that many
// functions call are marked //go:noinline: Go's WebAssembly backend spends
// hundreds of bytes on each inlined copy.
package main

import (
	"syscall/js"
)

func main() {
	doc := document()
	form := doc.byID("planner")
	if !form.ok() {
		return
	}
	c := &calculator{doc: doc, form: form, window: js.Global()}
	c.forgetShown()
	c.history.c = c

	// The runtime's start and the first plan are long enough to delay the
	// page's first response, so the program lets the browser paint first.
	pause()

	// Every path into Go goes through guard: a panic in the first load must
	// not keep the buttons disabled or the listeners unattached.
	guard(c, taskStart, nil)
	guard(c, taskEnableActions, nil)
	c.listen()
	// Input typed while the first plan was being made had no listener yet.
	guard(c, taskCatchUp, nil)
	doc.query("html").addClass("planner-ready")

	// The program must stay alive: callbacks stop working once main returns.
	select {}
}

// calculator holds the page elements the program works with and the state
// it keeps between events.
type calculator struct {
	doc    node
	form   node
	window js.Value

	// fields are the form's named inputs and selects, in form order.
	fields []field
	// defaults are the values the page was served with, by field name.
	defaults map[string]string
	// sections is each result section's content as last written, by section
	// name, so an update touches only the elements that changed.
	sections map[string][]*elem
	// texts is the text last written to each data-result hook that holds
	// only text, by hook name.
	texts map[string]string
	// writes is the batch of page writes of the update being made, and
	// page is the loader's entPlanner object, whose applyWrites makes them
	// (see batch.go).
	writes []byte
	page   js.Value

	// shownFragment is the fragment of the values the shown plan was made
	// from.
	shownFragment string
	// fragment is the address bar's fragment as last written or read, with
	// its "#", or "" when the address has none. Comparing it with
	// location.hash separates the program's own updates from navigation.
	fragment string
	// history limits how often the address bar is rewritten.
	history historyWriter
	// linkIssues describe the parts of the last link loaded that could not
	// be used.
	linkIssues []string
	// statusShown is set while the program's alert region shows an error,
	// which the next update clears.
	statusShown bool
	// messageShown is set while the status line under the buttons may show
	// a message, such as Reset's, which the next edit clears.
	messageShown bool
	// mayHaveInvalidOptions is set while a select may hold an option added
	// for a value from a link that is not one of its choices.
	mayHaveInvalidOptions bool
	// storagePaused keeps the remembered profile unchanged after a link with
	// a different profile was opened, until the user edits a field.
	storagePaused bool

	// copyURL is the link that Copy link selects for copying when the
	// Clipboard API rejects it. copyDone and copyFailed are the callbacks of
	// that API's promise, made once.
	copyURL      string
	copyDone     js.Func
	copyFailed   js.Func
	copyFeedback feedbackTimer
}

// task is a piece of work the page starts: the first load, an event
// listener, a timer or a promise callback. Naming each with a number and
// running them through one switch takes less .wasm than a Go closure and
// method value for each listener.
type task uint8

const (
	taskStart task = iota
	taskEnableActions
	taskFieldChanged
	taskNavigated
	taskFlushHistory
	taskHistoryTimer
	taskCopyLink
	taskCopied
	taskCopyRejected
	taskReset
	taskPrint
	taskRestore
	taskRememberChanged
	taskCatchUp
	taskFocused
	taskStorageChanged
)

// run does the work of a task. args are the arguments of the JavaScript
// call that started it.
func (c *calculator) run(t task, args []js.Value) {
	switch t {
	case taskStart:
		c.start()
	case taskEnableActions:
		c.enableActions()
	case taskFieldChanged:
		if len(args) == 0 || !c.fieldChanged(args[0].Get("target")) {
			return
		}
		if c.storagePaused {
			// The edit stores this profile over the remembered one, which
			// the offer would no longer open.
			c.storagePaused = false
			c.showRestoreOffer(false)
		}
		if c.messageShown {
			c.announce("")
		}
		c.update()
	case taskNavigated:
		c.navigated()
	case taskFlushHistory:
		c.history.flush()
	case taskHistoryTimer:
		c.history.timer = 0
		c.history.replace(c.history.pending)
	case taskCopyLink:
		c.copyLink()
	case taskCopied:
		c.showCopyFeedback(copiedMessage)
	case taskCopyRejected:
		c.copyWithSelection(c.copyURL)
	case taskReset:
		c.reset()
	case taskPrint:
		c.print()
	case taskRestore:
		c.restoreRemembered()
	case taskRememberChanged:
		c.rememberChanged()
	case taskStorageChanged:
		if len(args) > 0 {
			c.storageChanged(args[0])
		}
	case taskFocused:
		if len(args) > 0 {
			selectPrefilledZero(args[0].Get("target"))
		}
	case taskCatchUp:
		c.forgetValues()
		if encodeFragment(c.values(), c.defaults) != c.shownFragment {
			c.update()
		}
	}
}

// callback returns a JavaScript function that runs the task inside guard.
//
//go:noinline
func (c *calculator) callback(t task) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any {
		guard(c, t, args)
		return nil
	})
}

// listen attaches the program's event listeners. Each runs inside guard.
func (c *calculator) listen() {
	onField := c.callback(taskFieldChanged)
	c.form.v.Call("addEventListener", "input", onField)
	c.form.v.Call("addEventListener", "change", onField)
	c.on(c.form, "focusin", taskFocused)

	win := node{c.window}
	c.on(win, "hashchange", taskNavigated)
	c.on(win, "popstate", taskNavigated)
	// Another tab may turn remembering off or replace the remembered copy.
	c.on(win, "storage", taskStorageChanged)
	// A pending address-bar update is written before the page goes away, so
	// a reload or a link followed right after typing keeps the last entry.
	c.on(win, "pagehide", taskFlushHistory)
	c.on(c.doc, "visibilitychange", taskFlushHistory)

	c.onClick("planner-copy", taskCopyLink)
	c.onClick("planner-reset", taskReset)
	c.onClick("planner-print", taskPrint)
	c.onClick("planner-restore", taskRestore)
	if box := c.doc.byID("planner-remember"); box.ok() {
		c.on(box, "change", taskRememberChanged)
	}
}

// on runs the task, inside guard, for each event of the given type on n.
func (c *calculator) on(n node, event string, t task) {
	n.v.Call("addEventListener", event, c.callback(t))
}

// onClick runs the task, inside guard, when the element with the given id
// is clicked.
func (c *calculator) onClick(id string, t task) {
	if el := c.doc.byID(id); el.ok() {
		c.on(el, "click", t)
	}
}

// guard runs the task and turns a panic into a message on the page and an
// error in the console, so one bad input never stops the program: the next
// event runs normally.
func guard(c *calculator, t task, args []js.Value) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		c.forgetShown()
		msg := panicMessage(r)
		report(func() {
			js.Global().Get("console").Call("error", "planner: recovered from panic: "+msg)
		})
		report(func() {
			c.showStatus("The planner hit an internal error (" + msg + "). Your entries are kept; change any field to try again.")
		})
	}()
	c.run(t, args)
}

// forgetShown drops what the program remembers of the page's results and
// the writes not yet made, so that the next update writes every result
// again. An update cut short by a panic leaves the page and those records
// out of step.
func (c *calculator) forgetShown() {
	c.writes = c.writes[:0]
	c.sections = map[string][]*elem{}
	c.texts = map[string]string{}
}

// report runs fn and drops any panic from it. guard uses it so that a page
// too broken to show the error cannot panic out of the recovery itself.
func report(fn func()) {
	defer func() { _ = recover() }()
	fn()
}

// panicMessage returns the text of a recovered panic value.
func panicMessage(r any) string {
	switch v := r.(type) {
	case js.Error:
		return jsErrorText(v.Value)
	case error:
		return v.Error()
	case string:
		return v
	default:
		return "unexpected error"
	}
}

// jsErrorText returns the message of a thrown JavaScript value: an Error's
// name and message, or the value as a string.
func jsErrorText(v js.Value) string {
	if v.Type() != js.TypeObject {
		return v.String()
	}
	name, message := v.Get("name"), v.Get("message")
	if name.Type() != js.TypeString || message.Type() != js.TypeString {
		return "unexpected JavaScript error"
	}
	return name.String() + ": " + message.String()
}
