//go:build js && wasm

package main

import "strings"

// elem is an element to be created in the page: a tag, attributes, text and
// children. Rendering builds a tree of elems first, so the program can tell
// from the tree's key whether a section changed before it touches the page.
type elem struct {
	tag   string
	attrs []string // name, value, name, value, ...
	text  string
	kids  []*elem
}

// el returns an element with the given tag and attributes, as name, value
// pairs.
func el(tag string, attrs ...string) *elem {
	return &elem{tag: tag, attrs: attrs}
}

// textEl returns an element that contains only text, with an optional class.
func textEl(tag, class, text string) *elem {
	e := el(tag)
	if class != "" {
		e.attrs = []string{"class", class}
	}
	e.text = text
	return e
}

// withAttrs appends attributes, as name, value pairs, and returns the element.
func (e *elem) withAttrs(attrs ...string) *elem {
	e.attrs = append(e.attrs, attrs...)
	return e
}

// add appends children and returns the element.
func (e *elem) add(kids ...*elem) *elem {
	e.kids = append(e.kids, kids...)
	return e
}

// list returns a list element with one item per text.
func list(tag, class string, items []string) *elem {
	l := el(tag)
	if class != "" {
		l.attrs = []string{"class", class}
	}
	for _, item := range items {
		l.add(textEl("li", "", item))
	}
	return l
}

// key writes a summary of the tree that differs whenever the tree does.
func (e *elem) key(b *strings.Builder) {
	b.WriteString("<" + e.tag)
	for _, a := range e.attrs {
		b.WriteString("\x00" + a)
	}
	b.WriteString("\x01" + e.text)
	for _, k := range e.kids {
		k.key(b)
	}
	b.WriteString(">")
}

// build creates the element and its children in the page.
func (e *elem) build(doc node) node {
	n := node{doc.v.Call("createElement", e.tag)}
	for i := 0; i+1 < len(e.attrs); i += 2 {
		n.setAttr(e.attrs[i], e.attrs[i+1])
	}
	if e.text != "" {
		n.v.Set("textContent", e.text)
	}
	for _, k := range e.kids {
		n.append(k.build(doc))
	}
	return n
}

// section replaces the children of the element with the given data-result
// hook by kids, but only when they differ from what it shows. Skipping
// unchanged sections keeps updates fast and leaves a screen reader's
// position in them alone.
func (c *calculator) section(name string, kids ...*elem) {
	target := c.result(name)
	if !target.ok() {
		return
	}
	var key strings.Builder
	for _, k := range kids {
		k.key(&key)
	}
	if c.shown[name] == key.String() {
		return
	}
	c.shown[name] = key.String()
	target.v.Set("textContent", "")
	for _, k := range kids {
		target.append(k.build(c.doc))
	}
}
