//go:build js && wasm

package main

// The writes of one update go to the page in a single call. Every string
// that Go passes to JavaScript becomes a reference that the Go runtime
// tracks with a finalizer, and after a garbage collection it releases those
// references one call at a time. Writing each change on its own made about
// 120 such references per keystroke; the batch makes one.
//
// The batch is a JSON array of strings, read in groups by the page's
// entPlanner.applyWrites function (planner-loader.js), each group starting
// with its operation:
//
//	"t", hook, text          set the hook's text, unless it already has it
//	"a", hook, name, value   set an attribute of the hook
//	"h", hook, html          replace the hook's content
//	"p", hook, path, text    set the text of the element at path in the hook
//	"o", hook, path, html    replace the element at path in the hook
//
// A hook is an element's data-result name. A path leads from the hook down
// to one element: a "count.index.tag/" step for each level, with the number
// of element children the parent must have, the child's index among them
// and the child's tag. The page skips the other writes of a section and
// returns its hook in an array when a path no longer fits it, or when
// something else, such as a browser extension or a translator, changed the
// section since the page last wrote it, whether or not the batch writes to
// it. It restores text-only hooks that something else changed itself.
// Writes to a hook the page lacks are skipped.

// queue adds one write whose arguments are all text.
//
//go:noinline
func (c *calculator) queue(op string, args ...string) {
	c.begin(op, args)
	write(&c.writes, `"`, "")
}

// queueHTML adds one write whose last argument is elems written as HTML.
//
//go:noinline
func (c *calculator) queueHTML(op string, elems []*elem, args ...string) {
	c.begin(op, args)
	write(&c.writes, `","`, "")
	for _, e := range elems {
		e.writeHTML(&c.writes)
	}
	write(&c.writes, `"`, "")
}

// begin writes the start of a write: its operation and args as JSON
// strings, the last one left open.
func (c *calculator) begin(op string, args []string) {
	separator := `,"`
	if len(c.writes) == 0 {
		separator = `["`
	}
	write(&c.writes, separator, op)
	for _, a := range args {
		write(&c.writes, `","`, "")
		writeText(&c.writes, a, false)
	}
}

// write appends two strings to b. One out-of-line function for every write
// takes less .wasm than inlined appends.
//
//go:noinline
func write(b *[]byte, first, second string) {
	*b = append(append(*b, first...), second...)
}

// writeText writes s as the content of a JSON string. With html set, it
// also replaces the characters HTML gives a meaning to with character
// references, so s is safe as HTML text and as a quoted attribute value.
func writeText(b *[]byte, s string, html bool) {
	const hexDigits = "0123456789abcdef"
	last := 0
	for i := 0; i < len(s); i++ {
		char := s[i]
		var ref string
		switch {
		case html && char == '&':
			ref = "&amp;"
		case html && char == '<':
			ref = "&lt;"
		case html && char == '>':
			ref = "&gt;"
		case html && char == '"':
			ref = "&#34;"
		case html && char == '\'':
			ref = "&#39;"
		case char == '"' || char == '\\':
			ref = `\` + s[i:i+1]
		case char < 0x20:
			ref = `\u00` + hexDigits[char>>4:char>>4+1] + hexDigits[char&0xf:char&0xf+1]
		default:
			continue
		}
		write(b, s[last:i], ref)
		last = i + 1
	}
	write(b, s[last:], "")
}

// flush sends the queued writes to the page, even when there are none, so
// the page can report what something else changed. Sections the page could
// not patch, or that something else changed, are then written whole.
func (c *calculator) flush() {
	for range 2 {
		if len(c.writes) == 0 {
			write(&c.writes, "[", "")
		}
		write(&c.writes, "]", "")
		batch := string(c.writes)
		c.writes = c.writes[:0]
		failed := c.page.Call("applyWrites", batch)
		for i := range failed.Length() {
			hook := failed.Index(i).String()
			if kids, ok := c.sections[hook]; ok {
				c.queueHTML("h", kids, hook)
			}
		}
		if len(c.writes) == 0 {
			return
		}
	}
}
