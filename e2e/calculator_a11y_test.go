package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/entbackup/ent-backup-planner/plan"
)

// axePath is axe-core's browser bundle, installed by `npm ci`.
var axePath = filepath.Join("..", "node_modules", "axe-core", "axe.min.js")

// axeSource returns axe-core's source, or skips the test when it is not
// installed (a failure when REQUIRE_BROWSER=1).
func axeSource(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(axePath)
	if err == nil {
		return string(src)
	}
	if os.Getenv("REQUIRE_BROWSER") == "1" {
		t.Fatalf("axe-core is missing (%v); run `npm ci` first", err)
	}
	fmt.Fprintf(os.Stderr, "NOTICE: accessibility checks skipped: axe-core is missing (%v); run `npm ci`\n", err)
	t.Skipf("axe-core is missing (%v); run `npm ci` to run the accessibility checks", err)
	return ""
}

// axeViolation is the part of an axe-core violation the tests report.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// checkAxe runs axe-core on the page and fails on every serious or critical
// violation.
func (b *browser) checkAxe(t *testing.T, src, state string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function(){`+src+`;return true;})()`)); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`axe.run(document, {resultTypes: ["violations"]}).then(function(r){return JSON.stringify(r.violations)})`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe-core: %v", err)
	}
	var violations []axeViolation
	if err := json.Unmarshal([]byte(out), &violations); err != nil {
		t.Fatalf("decode axe-core results: %v", err)
	}
	for _, v := range violations {
		if v.Impact != "serious" && v.Impact != "critical" {
			t.Logf("%s: axe %s (%s): %s", state, v.ID, v.Impact, v.Help)
			continue
		}
		for _, n := range v.Nodes {
			t.Errorf("%s: axe %s (%s): %s at %v: %s", state, v.ID, v.Impact, v.Help, n.Target, n.HTML)
		}
	}
}

// plannerStates are the fragments of the states every check runs in.
func plannerStates() map[string]string {
	matchYear := plan.DefaultMatchYear(time.Now())
	return map[string]string{
		"empty":            "",
		"filled":           "#" + plan.EncodeFragment(plan.Examples[1].ValuesFor(matchYear)),
		"errors":           "#v=1&step2=312&failures=two&visa=mars&budget=-5&bogus=" + strings.Repeat("x", 80) + "&step2=1",
		"many link issues": "#" + manyUnknownKeys(150),
	}
}

// manyUnknownKeys returns a fragment with n settings the planner does not know.
func manyUnknownKeys(n int) string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = "unknown" + strconv.Itoa(i) + "=1"
	}
	return "v=1&" + strings.Join(keys, "&")
}

func TestAxeInEveryState(t *testing.T) {
	src := axeSource(t)
	base := serveSite(t)
	b := newBrowser(t)
	for _, scheme := range []string{"light", "dark"} {
		b.setMedia(t, "", scheme)
		for state, fragment := range plannerStates() {
			b.do(t, chromedp.Navigate("about:blank"))
			b.openPlanner(t, base+"/calculator/"+fragment)
			b.checkAxe(t, src, state+" "+scheme)
		}
	}

	// On a phone-sized screen, where the results follow the form.
	b.do(t, chromedp.EmulateViewport(320, 800))
	for state, fragment := range plannerStates() {
		b.do(t, chromedp.Navigate("about:blank"))
		b.openPlanner(t, base+"/calculator/"+fragment)
		b.checkAxe(t, src, state+" at 320 px")
	}
	b.do(t, chromedp.EmulateViewport(1280, 900))

	// After the buttons have shown their messages. The reload ends the
	// colour transitions that the switch back to light mode started.
	b.setMedia(t, "", "light")
	b.do(t, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`html.planner-ready`)))
	b.grantClipboard(t)
	// A clicked button runs its hover colour transition; axe measures
	// contrast once it has ended, as a reader sees the button.
	transitionsDone := `document.getAnimations().every(function (a) { return a.playState !== "running"; })`
	b.do(t, chromedp.Click(chromedp.CSS(`#planner-copy`)))
	b.waitText(t, `#planner-message`, "Link copied")
	b.waitTrue(t, transitionsDone, "the Copy link button's transition to end")
	b.checkAxe(t, src, "after Copy link")
	b.do(t, chromedp.Click(chromedp.CSS(`#planner-reset`)))
	b.waitTrue(t, transitionsDone, "the Reset button's transition to end")
	b.checkAxe(t, src, "after Reset")
	b.checkNoProblems(t)
}

func TestEveryControlHasName(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/"+plannerStates()["filled"])
	unnamed := eval[[]string](t, b, `Array.from(document.querySelectorAll("input, select, button")).filter(function(el){
	  var name = (el.labels && el.labels.length ? el.labels[0].textContent : "") || el.getAttribute("aria-label") || (el.tagName === "BUTTON" ? el.textContent : "");
	  return !name.trim();
	}).map(function(el){ return el.outerHTML.slice(0, 80); })`)
	for _, el := range unnamed {
		t.Errorf("control without an accessible name: %s", el)
	}
	described := eval[[]string](t, b, `Array.from(document.querySelectorAll("#planner [name]")).filter(function(el){
	  return (el.getAttribute("aria-describedby") || "").indexOf("error-" + el.name) < 0;
	}).map(function(el){ return el.name; })`)
	for _, name := range described {
		t.Errorf("field %s is not described by its error message", name)
	}
	// The results announce changes politely, from a region that is always
	// in the page.
	if live := eval[string](t, b, `document.querySelector(".summary").getAttribute("aria-live")`); live != "polite" {
		t.Errorf("summary aria-live = %q, want polite", live)
	}
	for _, id := range []string{"planner-status", "planner-message"} {
		if shown := eval[bool](t, b, `getComputedStyle(document.getElementById("`+id+`")).display !== "none"`); !shown {
			t.Errorf("live region #%s is display:none, so screen readers miss its first message", id)
		}
	}
}

func TestKeyboardReachesEveryControl(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/")

	want := eval[[]string](t, b, `Array.from(document.querySelectorAll("#planner [name]")).map(function(el){return el.id})
	  .concat(["planner-remember", "planner-copy", "planner-print", "planner-reset"])`)
	var got []string
	seen := map[string]bool{}
	for i := 0; i < 80 && len(got) < len(want); i++ {
		b.do(t, chromedp.KeyEvent(kb.Tab))
		focus := eval[string](t, b, `document.activeElement.id`)
		if focus == "" || seen[focus] {
			continue
		}
		seen[focus] = true
		if strings.HasPrefix(focus, "f-") || strings.HasPrefix(focus, "planner-") {
			got = append(got, focus)
			outline := eval[string](t, b, `(function(){var s=getComputedStyle(document.activeElement);return s.outlineStyle+" "+s.outlineWidth;})()`)
			if strings.HasPrefix(outline, "none") || strings.HasSuffix(outline, " 0px") {
				t.Errorf("#%s has no visible focus outline (%s)", focus, outline)
			}
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("tab order = %v, want %v", got, want)
	}

	// The keyboard works the controls, and Tab leaves the last button.
	back := chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(kb.ModifierShift))
	b.do(t, back, back, back)
	if focus := eval[string](t, b, `document.activeElement.id`); focus != "planner-remember" {
		t.Fatalf("three Shift+Tab from Reset reach %q, want planner-remember", focus)
	}
	b.do(t, chromedp.KeyEvent(" "))
	if !eval[bool](t, b, rememberBox) {
		t.Error("Space on Remember on this device did not check it")
	}
	b.do(t, chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab))
	if focus := eval[string](t, b, `document.activeElement.id`); focus == "planner-reset" {
		t.Error("focus is stuck on Reset")
	}
	b.checkNoProblems(t)
}

func TestNarrowScreenHasNoHorizontalScroll(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	for _, width := range []int64{320, 390} {
		b.do(t, chromedp.EmulateViewport(width, 800))
		for state, fragment := range plannerStates() {
			b.do(t, chromedp.Navigate("about:blank"))
			b.openPlanner(t, base+"/calculator/"+fragment)
			if n := eval[int](t, b, `Array.from(document.querySelectorAll(".table-wrap")).filter(function(e){return e.scrollWidth>e.clientWidth}).length`); n > 0 {
				t.Errorf("%s at %d px: %d tables scroll sideways", state, width, n)
			}
			scroll := eval[int64](t, b, `document.documentElement.scrollWidth`)
			if scroll > width {
				wide := eval[[]string](t, b, `Array.from(document.querySelectorAll("body *")).filter(function(el){return el.getBoundingClientRect().right > `+jsNumber(width)+`}).slice(0,5).map(function(el){return el.tagName+"."+el.className})`)
				t.Errorf("%s at %d px: scrollWidth %d; elements past the edge: %v", state, width, scroll, wide)
			}
		}
	}
	b.checkNoProblems(t)
}

func TestReducedMotionStopsTransitions(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	transition := `getComputedStyle(document.getElementById("planner-copy")).transitionDuration`

	b.setMotion(t, "no-preference")
	b.openPlanner(t, base+"/calculator/")
	if got := eval[string](t, b, transition); got == "0s" {
		t.Fatalf("button transition = %s without a preference; the check below would prove nothing", got)
	}
	b.setMotion(t, "reduce")
	if got := eval[string](t, b, transition); got != "0s" {
		t.Errorf("button transition = %s with reduced motion, want 0s", got)
	}
}

func TestDarkModeUsesDarkPalette(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.setMedia(t, "", "dark")
	b.openPlanner(t, base+"/calculator/"+plannerStates()["errors"])
	for _, sel := range []string{"body", ".results", "#f-step2"} {
		bg := eval[string](t, b, `getComputedStyle(document.querySelector("`+sel+`")).backgroundColor`)
		if !isDark(bg) {
			t.Errorf("%s background = %s in dark mode, want a dark colour", sel, bg)
		}
	}
}

func TestPrintShowsPlanWithoutForm(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/"+plannerStates()["filled"])
	b.setMedia(t, "print", "light")

	for sel, wantShown := range map[string]bool{
		".planner-input": false, ".site-header": false, ".site-footer": false,
		".results": true, `[data-result="tier"]`: true, `[data-result="factors"]`: true,
	} {
		shown := eval[bool](t, b, `(function(){var e=document.querySelector('`+sel+`');return !!e && e.getClientRects().length>0;})()`)
		if shown != wantShown {
			t.Errorf("in print, %s shown = %v, want %v", sel, shown, wantShown)
		}
	}
	if bg := eval[string](t, b, `getComputedStyle(document.querySelector(".results")).backgroundColor`); bg != "rgba(0, 0, 0, 0)" {
		t.Errorf("in print, results background = %s, want none", bg)
	}

	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF())
	if err != nil {
		t.Fatalf("print to PDF: %v", err)
	}
	if !strings.HasPrefix(string(pdf), "%PDF") {
		t.Errorf("PrintToPDF returned %d bytes that are not a PDF", len(pdf))
	}
	if dir := os.Getenv("PLANNER_SCREENSHOTS"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "plan.pdf"), pdf, 0o644)
	}
}

// setMotion emulates the prefers-reduced-motion media feature.
func (b *browser) setMotion(t *testing.T, value string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	params := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: value}}}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, params); err != nil {
		t.Fatalf("emulate prefers-reduced-motion %s: %v", value, err)
	}
}

// isDark reports whether a computed rgb() colour is dark.
func isDark(color string) bool {
	var r, g, b int
	fields := strings.FieldsFunc(color, func(c rune) bool { return c < '0' || c > '9' })
	if len(fields) < 3 {
		return false
	}
	for i, p := range []*int{&r, &g, &b} {
		for _, c := range fields[i] {
			*p = *p*10 + int(c-'0')
		}
	}
	return r+g+b < 3*80
}

func jsNumber(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// axNode is the part of an accessibility tree node the tests read.
type axNode struct {
	id                      string
	children                []string
	role, name, description string
	ignored                 bool
	props                   map[string]string
}

// axTree returns the page's accessibility tree as Chromium computes it.
func (b *browser) axTree(t *testing.T) []axNode {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	res, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatalf("get the accessibility tree: %v", err)
	}
	value := func(v *accessibility.Value) string {
		if v == nil {
			return ""
		}
		var s any
		if json.Unmarshal(v.Value, &s) != nil {
			return string(v.Value)
		}
		if str, ok := s.(string); ok {
			return str
		}
		return string(v.Value)
	}
	var nodes []axNode
	for _, n := range res.Nodes {
		node := axNode{id: string(n.NodeID), role: value(n.Role), name: value(n.Name), description: value(n.Description), ignored: n.Ignored, props: map[string]string{}}
		for _, child := range n.ChildIDs {
			node.children = append(node.children, string(child))
		}
		for _, p := range n.Properties {
			node.props[string(p.Name)] = value(p.Value)
		}
		nodes = append(nodes, node)
	}
	return nodes
}

func TestErrorsAnnouncedPolitely(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/")

	// The polite region is in the accessibility tree before any error, so a
	// screen reader is already watching it when the first one appears.
	regions := 0
	for _, n := range b.axTree(t) {
		if !n.ignored && n.props["live"] == "polite" && n.props["atomic"] == "true" {
			regions++
		}
	}
	if regions == 0 {
		t.Fatal("no polite, atomic live region in the accessibility tree on load")
	}

	b.setField(t, "step2", "abc")
	b.waitText(t, `#error-step2`, "is not a whole number")
	tree := b.axTree(t)
	byID := map[string]axNode{}
	for _, n := range tree {
		byID[n.id] = n
	}
	// liveText returns the text of a live region's subtree.
	var liveText func(id string) string
	liveText = func(id string) string {
		n := byID[id]
		if n.ignored {
			return ""
		}
		text := n.name
		for _, child := range n.children {
			text += " " + liveText(child)
		}
		return text
	}
	announced, described := false, false
	for _, n := range tree {
		if n.ignored {
			continue
		}
		if n.props["live"] == "polite" && strings.Contains(liveText(n.id), "is not a whole number") {
			announced = true
		}
		if n.role == "textbox" && n.name == "USMLE Step 2 CK score" {
			described = strings.Contains(n.description, "is not a whole number")
			if n.props["invalid"] != "true" {
				t.Errorf("the Step 2 CK field's invalid state = %q, want true", n.props["invalid"])
			}
		}
	}
	if !announced {
		t.Error("the error message is not inside the polite live region's accessibility subtree")
	}
	if !described {
		t.Error("the Step 2 CK field's accessible description lacks its error message")
	}
}
