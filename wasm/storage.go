//go:build js && wasm

package main

import (
	"errors"
	"syscall/js"
)

// storageKey is the localStorage key of the remembered profile. Its value is
// the profile's fragment without "#", the same text the link carries.
const storageKey = "ent-backup-planner:profile"

// localStorage returns window.localStorage, or undefined when the browser
// has none or denies it; reading the property itself throws in some
// browsers when storage is blocked.
func localStorage() (storage js.Value) {
	defer func() {
		if recover() != nil {
			storage = js.Undefined()
		}
	}()
	storage = js.Global().Get("localStorage")
	if storage.IsNull() {
		return js.Undefined()
	}
	return storage
}

// storageCall calls a method of localStorage and returns its result, or the
// JavaScript error it threw, such as a QuotaExceededError or a SecurityError.
func storageCall(method string, args ...any) (result js.Value, err error) {
	storage := localStorage()
	if storage.IsUndefined() {
		return js.Undefined(), errors.New("this browser has no local storage")
	}
	defer func() {
		if r := recover(); r != nil {
			jsErr, ok := r.(js.Error)
			if !ok {
				panic(r)
			}
			err = errors.New(jsErrorText(jsErr.Value))
		}
	}()
	return storage.Call(method, args...), nil
}

// loadRemembered returns the remembered profile's fragment and whether there
// is one.
func (c *calculator) loadRemembered() (string, bool) {
	v, err := storageCall("getItem", storageKey)
	if err != nil || v.Type() != js.TypeString {
		return "", false
	}
	return v.String(), true
}

// remember stores the fragment while "Remember on this device" is on.
//
//go:noinline
func (c *calculator) remember(fragment string) {
	if c.storagePaused || !c.rememberOn() {
		return
	}
	if stored, ok := c.loadRemembered(); ok && "#"+stored == fragment {
		return
	}
	// The fragment of a form at its defaults is "", which is stored as is:
	// an empty remembered profile keeps the box on across reloads.
	if _, err := storageCall("setItem", storageKey, trimHash(fragment)); err != nil {
		c.setRememberBox(false)
		c.announce("This browser did not let the planner store your profile (" + err.Error() + "), so it is not remembered.")
	}
}

// forget deletes the remembered profile and reports whether that worked.
func (c *calculator) forget() bool {
	_, err := storageCall("removeItem", storageKey)
	return err == nil
}

// protectRemembered keeps a remembered profile that differs from the link
// just opened: storing pauses until the user edits a field, and the page
// offers to open the remembered profile instead.
func (c *calculator) protectRemembered(fragment string) {
	remembered, ok := c.loadRemembered()
	c.storagePaused = ok && remembered != trimHash(fragment)
	c.showRestoreOffer(c.storagePaused)
}

// rememberChanged handles the "Remember on this device" checkbox.
func (c *calculator) rememberChanged() {
	c.storagePaused = false
	c.showRestoreOffer(false)
	if c.rememberOn() {
		c.remember(encodeFragment(c.values(), c.defaults))
		if c.rememberOn() {
			c.announce("Your profile is now remembered in this browser on this device.")
		}
		return
	}
	if c.forget() {
		c.announce("The remembered copy is deleted from this device.")
	} else {
		c.announce("This browser did not let the planner delete the remembered copy.")
	}
}

// restoreRemembered fills the form with the remembered profile, for a page
// opened from a link with another one.
//
//go:noinline
func (c *calculator) restoreRemembered() {
	remembered, ok := c.loadRemembered()
	c.showRestoreOffer(false)
	c.storagePaused = false
	if !ok {
		c.announce("No profile is remembered on this device any more.")
		return
	}
	c.loadLink(remembered, false)
	c.update()
	c.announce("Your profile remembered on this device is filled in.")
}

// storageChanged follows a change another tab made to the remembered
// profile. When that tab turned "Remember on this device" off, the box goes
// off here too, so this tab does not store the profile again.
func (c *calculator) storageChanged(event js.Value) {
	if key := event.Get("key"); !key.IsNull() && key.String() != storageKey {
		return
	}
	_, stored := c.loadRemembered()
	if c.rememberOn() == stored {
		return
	}
	c.setRememberBox(stored)
	if stored {
		c.announce("Remember on this device was turned on in another tab, so this tab stores your profile too.")
	} else {
		c.announce("Remember on this device was turned off in another tab, so this tab no longer stores your profile.")
	}
}

// showRestoreOffer shows or hides the offer to open the remembered profile.
func (c *calculator) showRestoreOffer(show bool) {
	if el := c.doc.byID("planner-restore-offer"); el.ok() {
		el.setHidden(!show)
	}
}

// rememberOn reports whether the "Remember on this device" box is checked.
func (c *calculator) rememberOn() bool {
	box := c.doc.byID("planner-remember")
	return box.ok() && box.v.Get("checked").Bool()
}

// setRememberBox checks or unchecks the "Remember on this device" box.
func (c *calculator) setRememberBox(on bool) {
	if box := c.doc.byID("planner-remember"); box.ok() {
		box.v.Set("checked", on)
	}
}

func trimHash(fragment string) string {
	if len(fragment) > 0 && fragment[0] == '#' {
		return fragment[1:]
	}
	return fragment
}
