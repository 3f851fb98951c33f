//go:build js && wasm

package main

import "syscall/js"

// selectPrefilledZero selects the text of a focused input that contains
// only "0", the value the count fields are served with, so that typing
// replaces the zero instead of making "10" or "01".
func selectPrefilledZero(target js.Value) {
	if target.Get("tagName").String() == "INPUT" && target.Get("value").String() == "0" {
		target.Call("select")
	}
}
