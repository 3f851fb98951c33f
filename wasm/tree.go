//go:build js && wasm

package main

import (
	"strconv"
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

// elemBlock is how many elements a pool allocates at a time.
const elemBlock = 256

// elemPool hands out the elements of one render. An update compares the
// trees it builds with those of the update before, so there are two pools,
// used in turn. Reusing elements, with their attribute and child slices,
// leaves the garbage collector a fraction of the work per keystroke.
type elemPool struct {
	blocks [][]elem
	used   int
}

var (
	pools [2]elemPool
	// pool is the pool of the render being made, pools[turn].
	pool = &pools[0]
	turn int
)

// nextRender starts a render in the pool that the render before the last
// one used. Its elements are free again: every section shows trees of the
// last render, unless that render was cut short, and then forgetShown has
// dropped them.
func nextRender() {
	turn ^= 1
	pool = &pools[turn]
	pool.used = 0
}

// el returns an element with the given tag and attributes, as name, value
// pairs. It copies attrs, so the callers' argument arrays stay on the stack
// and the .wasm needs no type for each of their lengths.
//
//go:noinline
func el(tag string, attrs ...string) *elem {
	p := pool
	i := p.used
	if i/elemBlock == len(p.blocks) {
		p.blocks = append(p.blocks, make([]elem, elemBlock))
	}
	p.used++
	e := &p.blocks[i/elemBlock][i%elemBlock]
	e.tag, e.text, e.attrs, e.kids = tag, "", e.attrs[:0], e.kids[:0]
	return e.withAttrs(attrs...)
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

// writeHTML writes the element and its children as HTML into the batch's
// current JSON string, escaping every attribute value and text. Tags and
// attribute names are the program's own constants, never input.
func (e *elem) writeHTML(b *[]byte) {
	write(b, "<", e.tag)
	for i := 0; i+1 < len(e.attrs); i += 2 {
		write(b, " ", e.attrs[i])
		write(b, `=\"`, "")
		writeText(b, e.attrs[i+1], true)
		write(b, `\"`, "")
	}
	write(b, ">", "")
	writeText(b, e.text, true)
	for _, k := range e.kids {
		k.writeHTML(b)
	}
	write(b, "</", e.tag)
	write(b, ">", "")
}

// section makes the element with the given data-result hook show kids. The
// first time, and whenever the number of kids changes, it writes the whole
// section as HTML. Otherwise it compares kids with the trees it showed last
// and writes only the elements that differ, so typing a digit replaces one
// list item rather than the section, and a screen reader's position in the
// unchanged parts stays put.
func (c *calculator) section(name string, kids ...*elem) {
	old, written := c.sections[name]
	c.sections[name] = kids
	if written && len(old) == len(kids) {
		c.patchKids(name, "", old, kids)
		return
	}
	c.queueHTML("h", kids, name)
}

// patchKids queues the writes that turn the element children old of the
// element at path in the hook into kids, which have the same length.
func (c *calculator) patchKids(hook, path string, old, kids []*elem) {
	for i, k := range kids {
		if sameTree(old[i], k) {
			continue
		}
		step := path + strconv.Itoa(len(old)) + "." + strconv.Itoa(i) + "." + old[i].tag + "/"
		same := sameTag(old[i], k)
		switch {
		case same && old[i].text == k.text && len(old[i].kids) == len(k.kids):
			c.patchKids(hook, step, old[i].kids, k.kids)
		case same && len(old[i].kids) == 0 && len(k.kids) == 0:
			c.queue("p", hook, step, k.text)
		default:
			c.queueHTML("o", kids[i:i+1], hook, step)
		}
	}
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
