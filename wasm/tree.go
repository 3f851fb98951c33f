//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"
)

// elem is an element to be created in the page: a tag, attributes, text and
// children. Rendering builds a tree of elems and writes it as HTML, so the
// program can tell from the HTML whether a section changed before it touches
// the page.
type elem struct {
	tag   string
	attrs []string // name, value, name, value, ...
	text  string
	kids  []*elem
}

// el returns an element with the given tag and attributes, as name, value
// pairs. It copies attrs, so the callers' argument arrays stay on the stack
// and the .wasm needs no type for each of their lengths.
//
//go:noinline
func el(tag string, attrs ...string) *elem {
	return (&elem{tag: tag}).withAttrs(attrs...)
}

// textEl returns an element that contains only text, with an optional class.
//
//go:noinline
func textEl(tag, class, text string) *elem {
	e := el(tag)
	if class != "" {
		e.withAttrs("class", class)
	}
	e.text = text
	return e
}

// withAttrs appends attributes, as name, value pairs, and returns the element.
//
//go:noinline
func (e *elem) withAttrs(attrs ...string) *elem {
	e.attrs = append(e.attrs, attrs...)
	return e
}

// add appends children and returns the element.
//
//go:noinline
func (e *elem) add(kids ...*elem) *elem {
	e.kids = append(e.kids, kids...)
	return e
}

// list returns a list element with one item per text.
//
//go:noinline
func list(tag, class string, items []string) *elem {
	l := el(tag)
	if class != "" {
		l.withAttrs("class", class)
	}
	for _, item := range items {
		l.add(textEl("li", "", item))
	}
	return l
}

// collect returns an element without a tag that only holds children until
// they are passed to section.
func collect(kids ...*elem) *elem {
	return el("").add(kids...)
}

// tableHead returns a thead with one row of column headers: label, then
// the headers of amount columns.
//
//go:noinline
func tableHead(label string, amounts ...string) *elem {
	row := el("tr").add(textEl("th", "", label).withAttrs("scope", "col"))
	for _, a := range amounts {
		row.add(textEl("th", "amount", a).withAttrs("scope", "col"))
	}
	return el("thead").add(row)
}

// amountRow returns a table row with a row header and amount cells.
//
//go:noinline
func amountRow(header string, amounts ...string) *elem {
	row := el("tr").add(textEl("th", "", header).withAttrs("scope", "row"))
	for _, a := range amounts {
		row.add(textEl("td", "amount", a))
	}
	return row
}

// writeHTML writes the element and its children as HTML, escaping every
// attribute value and text. Tags and attribute names are the program's own
// constants, never input.
func (e *elem) writeHTML(b *strings.Builder) {
	write(b, "<", e.tag)
	for i := 0; i+1 < len(e.attrs); i += 2 {
		write(b, " ", e.attrs[i])
		write(b, `="`, "")
		escapeHTML(b, e.attrs[i+1])
		write(b, `"`, "")
	}
	write(b, ">", "")
	escapeHTML(b, e.text)
	for _, k := range e.kids {
		k.writeHTML(b)
	}
	write(b, "</", e.tag)
	write(b, ">", "")
}

// write writes two strings to b. One out-of-line function for every write
// takes less .wasm than inlined WriteString calls.
//
//go:noinline
func write(b *strings.Builder, first, second string) {
	b.WriteString(first)
	b.WriteString(second)
}

// escapeHTML writes s with the characters that HTML gives a meaning to
// replaced by character references, so it is safe as text and as a quoted
// attribute value.
func escapeHTML(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var ref string
		switch s[i] {
		case '&':
			ref = "&amp;"
		case '<':
			ref = "&lt;"
		case '>':
			ref = "&gt;"
		case '"':
			ref = "&#34;"
		case '\'':
			ref = "&#39;"
		default:
			continue
		}
		write(b, s[last:i], ref)
		last = i + 1
	}
	write(b, s[last:], "")
}

// section makes the element with the given data-result hook show kids. The
// first time, and whenever the number of kids changes, it writes the whole
// section as HTML in one call. Otherwise it compares kids with the trees it
// showed last and touches only the elements that differ, so typing a digit
// replaces one list item rather than the section, and a screen reader's
// position in the unchanged parts stays put.
func (c *calculator) section(name string, kids ...*elem) {
	target := c.result(name)
	if !target.ok() {
		return
	}
	old, written := c.sections[name]
	c.sections[name] = kids
	if written && len(old) == len(kids) && patchKids(target, old, kids) {
		return
	}
	target.v.Set("innerHTML", html(kids...))
}

// html returns the elements written as HTML.
//
//go:noinline
func html(elems ...*elem) string {
	var b strings.Builder
	for _, e := range elems {
		e.writeHTML(&b)
	}
	return b.String()
}

// patchKids updates the element children of parent from the trees in old to
// those in kids, which have the same length. It reports false when the page
// no longer has an element where old put one, because a browser extension
// such as a translator may have rewritten the section. The caller then
// rewrites the section whole, elements already patched included.
func patchKids(parent node, old, kids []*elem) bool {
	var children js.Value
	for i, k := range kids {
		if sameTree(old[i], k) {
			continue
		}
		if children.IsUndefined() {
			children = parent.v.Get("children")
			if children.Length() != len(old) {
				return false
			}
		}
		child := node{children.Index(i)}
		if child.v.Get("localName").String() != old[i].tag {
			return false
		}
		same := sameTag(old[i], k)
		switch {
		case same && old[i].text == k.text && len(old[i].kids) == len(k.kids):
			if !patchKids(child, old[i].kids, k.kids) {
				return false
			}
		case same && len(old[i].kids) == 0 && len(k.kids) == 0:
			child.v.Set("textContent", k.text)
		default:
			child.v.Set("outerHTML", html(k))
		}
	}
	return true
}

// sameTree reports whether two trees would be written as the same HTML.
func sameTree(a, b *elem) bool {
	if !sameTag(a, b) || a.text != b.text || len(a.kids) != len(b.kids) {
		return false
	}
	for i := range a.kids {
		if !sameTree(a.kids[i], b.kids[i]) {
			return false
		}
	}
	return true
}

// sameTag reports whether two elements have the same tag and attributes.
//
//go:noinline
func sameTag(a, b *elem) bool {
	if a.tag != b.tag || len(a.attrs) != len(b.attrs) {
		return false
	}
	for i := range a.attrs {
		if a.attrs[i] != b.attrs[i] {
			return false
		}
	}
	return true
}
