package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

const (
	storedProfile = `localStorage.getItem("ent-backup-planner:profile")`
	rememberBox   = `document.getElementById("planner-remember").checked`
)

func TestReloadKeepsEntries(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/")

	b.setField(t, "step2", "255")
	b.setField(t, "failures", "")          // emptied: must not come back as 0
	b.setField(t, "budget", " 3 000 & up") // invalid, with characters to escape
	b.setField(t, "visa", "h1b")
	b.waitHash(t, "visa=h1b") // the last field set, so the whole profile is in the link

	b.do(t, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`html.planner-ready`)))

	for name, want := range map[string]string{"step2": "255", "failures": "", "budget": " 3 000 & up", "visa": "h1b"} {
		if got := b.fieldValue(t, name); got != want {
			t.Errorf("after reload %s = %q, want %q", name, got, want)
		}
	}
	b.waitText(t, `#error-budget`, "is not a whole number")
	b.checkNoProblems(t)
}

func TestBackForwardFollowLinks(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/#v=1&step2=220")

	// A second profile opened on the same page is a new history entry.
	eval[bool](t, b, `(location.hash="#v=1&step2=260", true)`)
	b.waitTrue(t, `document.querySelector('[name="step2"]').value==="260"`, "step2 to follow the new link")

	eval[bool](t, b, `(history.back(), true)`)
	b.waitTrue(t, `document.querySelector('[name="step2"]').value==="220"`, "Back to restore step2=220")

	eval[bool](t, b, `(history.forward(), true)`)
	b.waitTrue(t, `document.querySelector('[name="step2"]').value==="260"`, "Forward to restore step2=260")
	if got := b.fieldValue(t, "failures"); got != "0" {
		t.Errorf("failures = %q after Forward, want the default 0", got)
	}

	// Leaving the page and coming back keeps what was typed.
	b.setField(t, "step2", "245")
	b.waitHash(t, "step2=245")
	b.do(t, chromedp.Navigate(base+"/"))
	// history.back, not chromedp.NavigateBack: a page restored from the
	// back/forward cache fires no load event for NavigateBack to wait for.
	eval[bool](t, b, `(history.back(), true)`)
	b.waitTrue(t, `location.pathname==="/calculator/" && document.documentElement.classList.contains("planner-ready") && document.querySelector('[name="step2"]').value==="245"`, "step2=245 after leaving and coming back")
	b.checkNoProblems(t)
}

func TestInPageLinksKeepProfile(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/#v=1&step2=240")

	// The skip link sits off screen until focused, so click it from the page.
	eval[bool](t, b, `(document.querySelector(".skip-link").click(), true)`)
	b.waitTrue(t, `document.activeElement.id==="main" || document.activeElement===document.querySelector("main")`, "the skip link to move focus to the main content")
	b.waitHash(t, "step2=240")
	if got := b.fieldValue(t, "step2"); got != "240" {
		t.Errorf("step2 = %q after the skip link, want 240", got)
	}
	if n := eval[int](t, b, `document.querySelectorAll('[data-result="link-issues"] li').length`); n != 0 {
		t.Errorf("skip link produced %d link issues, want none", n)
	}

	// On a phone the form comes first, and a link jumps to the plan.
	b.do(t, chromedp.EmulateViewport(320, 800))
	b.do(t, chromedp.Click(chromedp.CSS(`.jump-link a`)))
	b.waitTrue(t, `document.activeElement.id==="results"`, "Jump to your plan to move focus to the plan")
	b.waitHash(t, "step2=240")
	if top := eval[float64](t, b, `document.getElementById("results").getBoundingClientRect().top`); top < -1 || top > 50 {
		t.Errorf("the plan is %.0f px from the top of the screen after the jump, want about 0", top)
	}
	b.checkNoProblems(t)
}

func TestRememberOnThisDevice(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/")

	if eval[bool](t, b, rememberBox) {
		t.Fatal("Remember on this device is on by default, want off")
	}
	b.setField(t, "step2", "251")
	b.waitHash(t, "step2=251")
	if got := eval[any](t, b, storedProfile); got != nil {
		t.Fatalf("stored profile = %v with Remember off, want nothing stored", got)
	}

	b.do(t, chromedp.Click(chromedp.CSS(`#planner-remember`)))
	b.waitTrue(t, storedProfile+`==="v=1&step2=251"`, "the profile to be stored")
	b.setField(t, "grad_year", "2022")
	b.waitTrue(t, storedProfile+`==="v=1&step2=251&grad_year=2022"`, "the stored profile to follow the form")

	// A visit without a fragment restores the remembered profile.
	b.openPlanner(t, base+"/calculator/")
	b.waitTrue(t, `document.querySelector('[name="step2"]').value==="251"`, "step2 restored from storage")
	if got := b.fieldValue(t, "grad_year"); got != "2022" {
		t.Errorf("grad_year = %q restored, want 2022", got)
	}
	if !eval[bool](t, b, rememberBox) {
		t.Error("Remember on this device is off after restoring, want on")
	}
	b.waitHash(t, "step2=251")

	// A link with another profile does not overwrite the remembered one
	// until the user edits a field, and offers to open it.
	b.openPlanner(t, base+"/calculator/#v=1&step2=230")
	b.waitTrue(t, `!document.getElementById("planner-restore-offer").hidden`, "the offer to open the remembered profile")
	if got := eval[string](t, b, storedProfile); got != "v=1&step2=251&grad_year=2022" {
		t.Errorf("stored profile = %q after opening another link, want it unchanged", got)
	}
	b.do(t, chromedp.Click(chromedp.CSS(`#planner-restore`)))
	b.waitTrue(t, `document.querySelector('[name="step2"]').value==="251"`, "the remembered profile to fill the form")

	// An edit stores the link's profile over the remembered one, so the
	// offer to open that one goes away.
	b.openPlanner(t, base+"/calculator/#v=1&step2=231")
	b.waitTrue(t, `!document.getElementById("planner-restore-offer").hidden`, "the offer to open the remembered profile")
	b.setField(t, "failures", "1")
	b.waitTrue(t, `document.getElementById("planner-restore-offer").hidden`, "the offer to go once the form is stored")
	b.waitTrue(t, storedProfile+`==="v=1&step2=231&failures=1"`, "the edited profile to be stored")

	// Turning Remember off deletes the stored copy.
	b.do(t, chromedp.Click(chromedp.CSS(`#planner-remember`)))
	b.waitTrue(t, storedProfile+`===null`, "the stored profile to be deleted")
	b.openPlanner(t, base+"/calculator/")
	if got := b.fieldValue(t, "step2"); got != "" {
		t.Errorf("step2 = %q on a fresh visit after forgetting, want empty", got)
	}
	b.checkNoProblems(t)
}

func TestRememberStorageFull(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/#v=1&step2=250")
	eval[bool](t, b, `(Storage.prototype.setItem=function(){throw new DOMException("The quota has been exceeded.","QuotaExceededError")}, true)`)

	b.do(t, chromedp.Click(chromedp.CSS(`#planner-remember`)))
	b.waitText(t, `#planner-message`, "did not let the planner store")
	if eval[bool](t, b, rememberBox) {
		t.Error("Remember on this device stays on although storing failed")
	}
	b.setField(t, "step2", "240")
	b.waitText(t, `[data-result="tier"]`, "Tier")
	b.waitHash(t, "step2=240")
	b.checkNoProblems(t)
}

func TestResetClearsEverything(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/#v=1&step2=252&failures=1&visa=mars&bogus=1")
	b.do(t, chromedp.Click(chromedp.CSS(`#planner-remember`)))
	b.waitTrue(t, storedProfile+`!==null`, "the profile to be stored")

	b.do(t, chromedp.Click(chromedp.CSS(`#planner-reset`)))
	b.waitTrue(t, `location.hash===""`, "Reset to clear the fragment")
	for name, want := range map[string]string{"step2": "", "failures": "0", "visa": "none", "int_surgery": "1"} {
		if got := b.fieldValue(t, name); got != want {
			t.Errorf("after Reset %s = %q, want %q", name, got, want)
		}
	}
	if got := eval[any](t, b, storedProfile); got != nil {
		t.Errorf("stored profile = %v after Reset, want nothing", got)
	}
	if eval[bool](t, b, rememberBox) {
		t.Error("Remember on this device is on after Reset, want off")
	}
	if n := eval[int](t, b, `document.querySelectorAll('[aria-invalid="true"], option.option-invalid').length`); n != 0 {
		t.Errorf("%d invalid marks remain after Reset, want none", n)
	}
	if !eval[bool](t, b, `document.getElementById("planner-link-issues").hidden`) {
		t.Error("link issues still shown after Reset")
	}

	b.waitText(t, `#planner-message`, "back to its starting values")

	// Back brings the entries back, and the Reset message goes.
	eval[bool](t, b, `(history.back(), true)`)
	b.waitTrue(t, `document.querySelector('[name="step2"]').value==="252"`, "Back to bring the profile back")
	if msg := b.text(t, `#planner-message`); msg != "" {
		t.Errorf("message %q still shown after Back", msg)
	}

	// An edit after Reset clears its message too.
	b.do(t, chromedp.Click(chromedp.CSS(`#planner-reset`)))
	b.waitText(t, `#planner-message`, "back to its starting values")
	b.setField(t, "step2", "240")
	if msg := b.text(t, `#planner-message`); msg != "" {
		t.Errorf("message %q still shown after an edit", msg)
	}
	b.checkNoProblems(t)
}

func TestCopyLinkWritesClipboard(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.grantClipboard(t)
	b.openPlanner(t, base+"/calculator/#v=1&step2=249")
	b.setField(t, "grad_year", "2023")

	b.do(t, chromedp.Click(chromedp.CSS(`#planner-copy`)))
	b.waitText(t, `#planner-message`, "Link copied")
	copied := b.clipboardText(t)
	if want := base + "/calculator/#v=1&step2=249&grad_year=2023"; copied != want {
		t.Errorf("clipboard = %q, want %q", copied, want)
	}
	b.checkNoProblems(t)
}

func TestCopyLinkFallbacks(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.grantClipboard(t)

	// Without the Clipboard API the button copies the selected link field.
	b.onNewDocument(t, `Object.defineProperty(Navigator.prototype, "clipboard", {get: function(){ return undefined; }});`)
	b.openPlanner(t, base+"/calculator/#v=1&step2=241")
	b.do(t, chromedp.Click(chromedp.CSS(`#planner-copy`)))
	b.waitText(t, `#planner-message`, "Link copied")
	if !eval[bool](t, b, `document.getElementById("planner-link-box").hidden`) {
		t.Error("the link field stays visible after a successful copy")
	}
	if got := eval[string](t, b, `document.activeElement.id`); got != "planner-copy" {
		t.Errorf("focus is on %q after copying, want the Copy link button back", got)
	}

	// When the browser copies nothing at all, the link is shown selected.
	eval[bool](t, b, `(document.execCommand=function(){return false}, true)`)
	b.do(t, chromedp.Click(chromedp.CSS(`#planner-copy`)))
	b.waitText(t, `#planner-message`, "press Ctrl+C")
	if got := eval[string](t, b, `document.getElementById("planner-link").value`); !strings.HasSuffix(got, "#v=1&step2=241") {
		t.Errorf("link field = %q, want the page's link", got)
	}
	if got := eval[string](t, b, `document.activeElement.id`); got != "planner-link" {
		t.Errorf("focus is on %q, want the selected link field", got)
	}
	b.checkNoProblems(t)
}

// grantClipboard lets pages of any origin read and write the clipboard.
func (b *browser) grantClipboard(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		params := cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
			Setting:    cdpbrowser.PermissionSettingGranted,
		}
		if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, params); err != nil {
			t.Fatalf("grant %s: %v", name, err)
		}
	}
}

// clipboardText returns the text on the clipboard, read by the page.
func (b *browser) clipboardText(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("read the clipboard: %v", err)
	}
	return text
}

// TestRememberOffInAnotherTab turns "Remember on this device" off in one
// tab and checks that a second tab, which had it on, stops storing the
// profile instead of writing it back.
func TestRememberOffInAnotherTab(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/")
	b.setField(t, "step2", "240")
	b.do(t, chromedp.Click(chromedp.CSS(`#planner-remember`)))
	b.waitTrue(t, storedProfile+`==="v=1&step2=240"`, "the profile to be stored")

	other, cancel := chromedp.NewContext(b.ctx)
	defer cancel()
	if err := chromedp.Do(other); err != nil {
		t.Fatalf("open a second tab: %v", err)
	}
	ctx, cancelRun := context.WithTimeout(other, time.Minute)
	defer cancelRun()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/calculator/"),
		chromedp.WaitVisible(chromedp.CSS(`html.planner-ready`)),
		chromedp.Click(chromedp.CSS(`#planner-remember`)),
	)
	if err != nil {
		t.Fatalf("second tab: %v", err)
	}

	b.waitTrue(t, `!`+rememberBox, "the first tab's box to go off")
	b.waitText(t, `#planner-message`, "turned off in another tab")
	b.setField(t, "failures", "2")
	b.do(t, chromedp.Sleep(300*time.Millisecond))
	if stored := eval[*string](t, b, storedProfile); stored != nil {
		t.Errorf("the first tab stored %q after the second turned remembering off", *stored)
	}

	// Turning it on again in the second tab turns it on here too, with a
	// message.
	ctx, cancelRun = context.WithTimeout(other, time.Minute)
	defer cancelRun()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#planner-remember`))); err != nil {
		t.Fatalf("second tab: %v", err)
	}
	b.waitTrue(t, rememberBox, "the first tab's box to go on")
	b.waitText(t, `#planner-message`, "turned on in another tab")
	b.checkNoProblems(t)
}
