//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"
)

// copyFeedbackMillis is how long "Link copied" stays next to the buttons.
const copyFeedbackMillis = 6000

// copiedMessage is the feedback after the link was copied.
const copiedMessage = "Link copied. It holds your entries in its fragment, which browsers never send to a server."

// enableActions turns on the buttons and the checkbox, which the page serves
// disabled because they do nothing until the program runs.
func (c *calculator) enableActions() {
	for _, id := range []string{"planner-copy", "planner-reset", "planner-print", "planner-remember"} {
		if el := c.doc.byID(id); el.ok() {
			el.removeAttr("disabled")
		}
	}
}

// copyLink copies the page's address, which carries the profile, with the
// Clipboard API, or with the older execCommand where that API is missing or
// fails. When both fail the link is shown selected, for the user to copy.
func (c *calculator) copyLink() {
	c.history.flush()
	url := c.window.Get("location").Get("href").String()
	c.hideLinkBox()

	clipboard := c.window.Get("navigator").Get("clipboard")
	if clipboard.Type() != js.TypeObject || clipboard.Get("writeText").Type() != js.TypeFunction {
		c.copyWithSelection(url)
		return
	}
	c.copyCallbacks(url)
	clipboard.Call("writeText", url).Call("then", c.copyDone, c.copyFailed)
}

// copyCallbacks makes the promise callbacks of copyLink once; later calls
// only change the URL they fall back to.
func (c *calculator) copyCallbacks(url string) {
	c.copyURL = url
	if !c.copyDone.IsUndefined() {
		return
	}
	c.copyDone = c.callback(taskCopied)
	c.copyFailed = c.callback(taskCopyRejected)
}

// copyWithSelection puts the link into the page's link field, selects it and
// runs the browser's copy command on the selection.
func (c *calculator) copyWithSelection(url string) {
	box := c.doc.byID("planner-link-box")
	field := c.doc.byID("planner-link")
	if !box.ok() || !field.ok() {
		c.showCopyFeedback("This browser did not let the planner copy. Copy the address from the address bar instead.")
		return
	}
	field.setValue(url)
	box.setHidden(false)
	field.v.Call("focus")
	field.v.Call("select")

	if copied := execCommandCopy(); copied {
		c.hideLinkBox()
		if button := c.doc.byID("planner-copy"); button.ok() {
			button.v.Call("focus")
		}
		c.showCopyFeedback(copiedMessage)
		return
	}
	c.showCopyFeedback("This browser did not let the planner copy. The link is selected below: press Ctrl+C (or Command+C) to copy it.")
}

// execCommandCopy runs document.execCommand("copy") and reports whether the
// browser copied. Browsers that removed the command throw or return false.
func execCommandCopy() (copied bool) {
	defer func() {
		if recover() != nil {
			copied = false
		}
	}()
	return js.Global().Get("document").Call("execCommand", "copy").Bool()
}

// hideLinkBox hides the field that shows the link when copying failed.
func (c *calculator) hideLinkBox() {
	if box := c.doc.byID("planner-link-box"); box.ok() {
		box.setHidden(true)
	}
}

// showCopyFeedback announces the result of Copy link and clears it after
// copyFeedbackMillis, unless another message replaced it.
func (c *calculator) showCopyFeedback(msg string) {
	c.announce(msg)
	c.copyFeedback.start(copyFeedbackMillis, func() {
		if el := c.doc.byID("planner-message"); el.ok() && strings.TrimSuffix(el.text(), "\u00a0") == msg {
			el.setText("")
		}
	})
}

// reset puts the form back to the values the page was served with, removes
// the profile from the address and deletes the remembered copy. The old
// address becomes a history entry, so the browser's Back button undoes it.
//
//go:noinline
func (c *calculator) reset() {
	c.resetFields()
	c.linkIssues = nil
	c.storagePaused = false
	c.showRestoreOffer(false)
	c.hideLinkBox()
	c.setRememberBox(false)
	forgotten := c.forget()
	if c.fragment != "" {
		c.history.push("")
	}
	c.update()

	msg := "The form is back to its starting values and the link no longer carries a profile. Your browser's Back button brings your entries back."
	if !forgotten {
		msg += " This browser did not let the planner delete the remembered copy."
	}
	c.announce(msg)
}

// print opens the browser's print dialog; the print stylesheet shows the
// plan without the form.
func (c *calculator) print() {
	c.history.flush()
	c.window.Call("print")
}

// feedbackTimer runs one callback after a delay; starting it again replaces
// the callback and restarts the delay.
type feedbackTimer struct {
	id     int
	fn     func()
	onTime js.Func
}

func (t *feedbackTimer) start(millis int, fn func()) {
	if t.id != 0 {
		js.Global().Call("clearTimeout", t.id)
	}
	if t.onTime.IsUndefined() {
		t.onTime = js.FuncOf(func(js.Value, []js.Value) any {
			t.id = 0
			report(t.fn)
			return nil
		})
	}
	t.fn = fn
	t.id = js.Global().Call("setTimeout", t.onTime, millis).Int()
}
