//go:build js && wasm

package main

import (
	"syscall/js"

	"honnef.co/go/js/dom/v2"
)

// node is a DOM node reached through its js.Value.
//
// The program gets the window and document from dom/v2 but works on elements
// through this small type instead of dom/v2's Element interface: every method
// called through that interface keeps the method of each of dom/v2's ~80
// element types in the binary, which roughly doubled the .wasm.
type node struct{ v js.Value }

// document returns the page's document.
func document() node {
	return node{dom.GetWindow().Document().Underlying()}
}

// ok reports whether the node exists.
//
//go:noinline
func (n node) ok() bool { return n.v.Truthy() }

// query returns the first element matching the CSS selector, or a node that is not ok.
//
//go:noinline
func (n node) query(selector string) node {
	return node{n.v.Call("querySelector", selector)}
}

// queryAll returns every element matching the CSS selector.
func (n node) queryAll(selector string) []node {
	list := n.v.Call("querySelectorAll", selector)
	nodes := make([]node, list.Length())
	for i := range nodes {
		nodes[i] = node{list.Index(i)}
	}
	return nodes
}

// byID returns the element with the given id, or a node that is not ok.
//
//go:noinline
func (n node) byID(id string) node {
	return node{n.v.Call("getElementById", id)}
}

// create returns a new element with the given class and text.
func (n node) create(tag, class, text string) node {
	el := node{n.v.Call("createElement", tag)}
	if class != "" {
		el.setAttr("class", class)
	}
	if text != "" {
		el.setText(text)
	}
	return el
}

func (n node) text() string { return n.v.Get("textContent").String() }

// setText replaces the node's content with text, skipping the DOM write when
// nothing changed.
func (n node) setText(text string) {
	if n.text() != text {
		n.v.Set("textContent", text)
	}
}

func (n node) attr(name string) string {
	v := n.v.Call("getAttribute", name)
	if v.IsNull() {
		return ""
	}
	return v.String()
}

//go:noinline
func (n node) setAttr(name, value string) { n.v.Call("setAttribute", name, value) }
func (n node) removeAttr(name string)     { n.v.Call("removeAttribute", name) }

// setHidden shows or hides the node with the hidden attribute.
func (n node) setHidden(hidden bool) {
	if hidden {
		n.setAttr("hidden", "")
	} else {
		n.removeAttr("hidden")
	}
}

func (n node) value() string { return n.v.Get("value").String() }

// setValue sets the node's value property. Go hands strings to JavaScript
// through a TextDecoder, which drops a leading byte order mark (U+FEFF), so
// a value that starts with one gets a second one to keep the first.
func (n node) setValue(value string) {
	if len(value) >= 3 && value[:3] == "\ufeff" {
		value = "\ufeff" + value
	}
	n.v.Set("value", value)
}
func (n node) append(child node)     { n.v.Call("appendChild", child.v) }
func (n node) addClass(class string) { n.v.Get("classList").Call("add", class) }
