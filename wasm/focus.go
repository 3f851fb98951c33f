//go:build js && wasm

package main

import "syscall/js"

// selectPrefilledZero selects the text of a focused input that contains
// only "0", the value the count fields are served with, so that typing
// replaces the zero instead of making "10" or "01". It is the form's
// focusin listener and runs outside guard, so it must not panic: it reads
// the event's target only, and calls select only on an input element.
func selectPrefilledZero(_ js.Value, args []js.Value) any {
	if len(args) == 0 {
		return nil
	}
	target := args[0].Get("target")
	if target.Get("tagName").String() == "INPUT" && target.Get("value").String() == "0" {
		target.Call("select")
	}
	return nil
}
