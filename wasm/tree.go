//go:build js && wasm

package main

import "strings"

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

// section replaces the children of the element with the given data-result
// hook by kids, but only when they differ from what it shows. Skipping
// unchanged sections keeps updates fast and leaves a screen reader's
// position in them alone.
func (c *calculator) section(name string, kids ...*elem) {
	target := c.result(name)
	if !target.ok() {
		return
	}
	var html strings.Builder
	for _, k := range kids {
		k.writeHTML(&html)
	}
	if c.shown[name] == html.String() {
		return
	}
	c.shown[name] = html.String()
	// One write of escaped HTML replaces the section: far fewer calls into
	// JavaScript than creating each element, which made a recompute slow.
	target.v.Set("innerHTML", html.String())
}
