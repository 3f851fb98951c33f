//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"

	"github.com/entbackup/ent-backup-planner/wasm/sharelink"
)

// minHistoryInterval is the shortest time, in milliseconds, between two
// rewrites of the address bar. Browsers throttle pages that call
// history.replaceState too often (Safari rejects more than 100 calls in 10
// seconds with a SecurityError; Chromium logs a warning and drops calls), so
// fast typing or pasting is written at most ten times a second. The last
// value is always written, at the latest this long after the last change.
const minHistoryInterval = 120

// encodeFragment returns the address-bar fragment, with its "#", for the
// form's values, or "" for a form that holds its defaults.
func encodeFragment(values, defaults map[string]string) string {
	fragment := sharelink.Encode(values, defaults)
	if fragment == "" {
		return ""
	}
	return "#" + fragment
}

// isProfileFragment reports whether a fragment holds a profile, as opposed to
// nothing or an in-page link such as the skip link's "#main". Any other
// fragment is read as a profile, so a broken link gets its problems listed
// instead of being silently ignored.
func (c *calculator) isProfileFragment(hash string) bool {
	id := strings.TrimPrefix(hash, "#")
	if id == "" {
		return false
	}
	if strings.IndexByte(id, '=') >= 0 || strings.IndexByte(id, '&') >= 0 {
		return true
	}
	return c.window.Get("document").Call("getElementById", id).IsNull()
}

// navigated handles hashchange and popstate: back, forward, or a link with
// another profile opened on this page. The form follows the new fragment.
// An in-page link leaves the form as it is and the profile is put back into
// the address bar, so a reload still finds it.
func (c *calculator) navigated() {
	hash := c.window.Get("location").Get("hash").String()
	if hash == c.fragment {
		return
	}
	c.history.cancel()
	if hash != "" && !c.isProfileFragment(hash) {
		c.history.replace(c.fragment)
		return
	}
	c.fragment = hash
	c.loadLink(hash, false)
	c.protectRemembered(hash)
	c.update()
	// A message such as Reset's no longer describes the form.
	c.announce("")
}

// historyWriter rewrites the address bar's fragment with
// history.replaceState, at most once per minHistoryInterval, and always
// ends with the latest fragment.
type historyWriter struct {
	c *calculator
	// pending is the fragment waiting for the timer; valid while timer is set.
	pending string
	// timer is the id of the running setTimeout, or 0.
	timer int
	// lastWrite is the performance.now() time of the last rewrite.
	lastWrite float64
	// onTimer is the timer's callback, made once and reused.
	onTimer js.Func
}

// write records fragment as the address bar's new fragment, now or, when
// the last rewrite was too recent, when the interval has passed.
func (h *historyWriter) write(fragment string) {
	if h.timer != 0 {
		h.pending = fragment
		return
	}
	if fragment == h.c.fragment {
		return
	}
	wait := h.lastWrite + minHistoryInterval - now()
	if wait <= 0 {
		h.replace(fragment)
		return
	}
	if h.onTimer.IsUndefined() {
		h.onTimer = h.c.callback(taskHistoryTimer)
	}
	h.pending = fragment
	h.timer = js.Global().Call("setTimeout", h.onTimer, wait).Int()
}

// flush writes a pending fragment at once.
func (h *historyWriter) flush() {
	if h.timer == 0 {
		return
	}
	h.cancel()
	h.replace(h.pending)
}

// cancel drops a pending fragment.
func (h *historyWriter) cancel() {
	if h.timer != 0 {
		js.Global().Call("clearTimeout", h.timer)
		h.timer = 0
	}
}

// replace rewrites the current history entry's fragment, or removes the
// fragment when it is "".
func (h *historyWriter) replace(fragment string) {
	h.lastWrite = now()
	if fragment == h.c.fragment && fragment == h.c.window.Get("location").Get("hash").String() {
		return
	}
	h.c.window.Get("history").Call("replaceState", js.Null(), "", addressWith(fragment))
	h.c.fragment = fragment
}

// push adds a history entry with the given fragment, so Back returns to the
// entry before it.
func (h *historyWriter) push(fragment string) {
	h.cancel()
	h.lastWrite = now()
	h.c.window.Get("history").Call("pushState", js.Null(), "", addressWith(fragment))
	h.c.fragment = fragment
}

// addressWith returns the page's address with its fragment replaced. An
// empty fragment gives the address with no "#" at all.
func addressWith(fragment string) string {
	loc := js.Global().Get("location")
	return loc.Get("pathname").String() + loc.Get("search").String() + fragment
}

// now returns performance.now() in milliseconds.
func now() float64 {
	return js.Global().Get("performance").Call("now").Float()
}
