//go:build js && wasm

// Command minimal is the smallest useful dom/v2 program: one input listener
// and nothing else. The size benchmark builds it with the same toolchain and
// flags as the planner and reports the planner's size as a ratio to it.
package main

import "honnef.co/go/js/dom/v2"

func main() {
	doc := dom.GetWindow().Document()
	doc.AddEventListener("input", false, func(dom.Event) {})
	select {}
}
