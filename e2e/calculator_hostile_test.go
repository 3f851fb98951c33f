package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/entbackup/ent-backup-planner/plan"
)

// linkIssues returns the texts of the listed link issues.
func (b *browser) linkIssues(t *testing.T) string {
	t.Helper()
	return eval[string](t, b, `Array.from(document.querySelectorAll('[data-result="link-issues"] li')).map(function(li){return li.textContent}).join("\n")`)
}

func TestHostileFragments(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	cases := []struct {
		name     string
		fragment string
		issues   []string          // substrings of the link issues, in any order
		fields   map[string]string // field values after loading
		errors   []string          // fields that must show an error
		option   string            // the text of the option kept for an invalid choice
		// issueCount, if not 0, is how many link issues are listed.
		issueCount int
	}{
		{name: "bad escape", fragment: "v=1&step2=%zz&failures=1",
			issues: []string{"not encoded correctly"}, fields: map[string]string{"step2": "", "failures": "1"}},
		{name: "duplicate", fragment: "v=1&step2=250&step2=260",
			issues: []string{"sets step2 more than once"}, fields: map[string]string{"step2": "250"}},
		{name: "unknown keys", fragment: "v=1&__proto__=1&constructor=2&step2=240",
			issues: []string{`unknown setting "__proto__"`, `unknown setting "constructor"`}, fields: map[string]string{"step2": "240"}},
		{name: "invalid choice kept", fragment: "v=1&visa=mars",
			fields: map[string]string{"visa": "mars"}, errors: []string{"visa"}},
		{name: "invalid choice with a right-to-left override", fragment: "v=1&visa=%E2%80%AEmars",
			fields: map[string]string{"visa": "\u202emars"}, errors: []string{"visa"},
			option: `"\u202emars" (from the link; not a valid choice)`},
		{name: "choice in other case", fragment: "v=1&visa=J1&step3=PASSED",
			fields: map[string]string{"visa": "j1", "step3": "passed"}},
		{name: "line break", fragment: "v=1&step2=25%0A0",
			issues: []string{"cannot contain"}, fields: map[string]string{"step2": "250"}},
		{name: "invalid UTF-8", fragment: "v=1&step2=%FF%FE",
			issues: []string{"cannot contain"}, errors: []string{"step2"}},
		{name: "null byte", fragment: "v=1&budget=%00", errors: []string{"budget"}},
		{name: "byte order mark", fragment: "v=1&budget=%EF%BB%BF1",
			fields: map[string]string{"budget": "\ufeff1"}, errors: []string{"budget"}},
		{name: "huge number", fragment: "v=1&step2=99999999999999999999999999", errors: []string{"step2"}},
		{name: "negative", fragment: "v=1&failures=-1&budget=-5", errors: []string{"failures", "budget"}},
		{name: "markup as key", fragment: "<img src=x onerror=alert(1)>=1",
			issues: []string{`unknown setting "<img src"`}},
		{name: "quote, backslash and tab in a key", fragment: "v=1&a%22b%5Cc%09d%26=1",
			issues: []string{`unknown setting "a\"b\\c\td&"`}},
		{name: "right-to-left override in a key", fragment: "v=1&%E2%80%AEevil.exe=1",
			issues: []string{`unknown setting "\u202eevil.exe"`}},
		{name: "one unknown key many times", fragment: "v=1" + strings.Repeat("&a=1", 300),
			issues: []string{`unknown setting "a"`}, issueCount: 1},
		{name: "several other versions", fragment: "v=2&v=3&v=abc",
			issues: []string{"another version"}, issueCount: 1},
		{name: "long keys cut to the same message", fragment: "v=1&" + strings.Repeat("a", 20) + "1=1&" + strings.Repeat("a", 20) + "2=1",
			issues: []string{"unknown setting"}, issueCount: 1},
		{name: "other version", fragment: "v=2&step2=250",
			issues: []string{"another version"}, fields: map[string]string{"step2": "250"}},
		{name: "too long", fragment: "v=1&failures=2&step2=" + strings.Repeat("9", 5000),
			issues: []string{"longer than a profile"}, fields: map[string]string{"failures": "2"}, errors: []string{"step2"}},
		{name: "only percent signs", fragment: strings.Repeat("%", 3000),
			issues: []string{"longer than a profile", "not encoded correctly"}},
		{name: "plain word", fragment: "garbage",
			issues: []string{`unknown setting "garbage"`}},
		{name: "empty pairs", fragment: "&&&=&v=1&&step2=255&",
			issues: []string{`unknown setting ""`}, fields: map[string]string{"step2": "255"}},
		{name: "raw unicode", fragment: "v=1&step2=€&ü=1",
			issues: []string{`unknown setting "ü"`}, fields: map[string]string{"step2": "€"}, errors: []string{"step2"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// A blank page in between makes each case a fresh page load.
			b.do(t, chromedp.Navigate("about:blank"))
			b.openPlanner(t, base+"/calculator/#"+tc.fragment)
			b.waitText(t, `[data-result="tier"]`, "Tier ")

			issues := b.linkIssues(t)
			for _, want := range tc.issues {
				if !strings.Contains(issues, want) {
					t.Errorf("link issues %q do not mention %q", issues, want)
				}
			}
			if len(tc.issues) == 0 && issues != "" {
				t.Errorf("link issues = %q, want none", issues)
			}
			if n := eval[int](t, b, `document.querySelectorAll('[data-result="link-issues"] li').length`); tc.issueCount > 0 && n != tc.issueCount {
				t.Errorf("%d link issues listed, want %d", n, tc.issueCount)
			}
			for name, want := range tc.fields {
				if got := b.fieldValue(t, name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			for _, name := range tc.errors {
				if msg := b.text(t, "#error-"+name); msg == "" {
					t.Errorf("%s shows no error message", name)
				}
			}
			if tc.option != "" {
				if got := b.text(t, "option.option-invalid"); got != tc.option {
					t.Errorf("invalid option text = %q, want %q", got, tc.option)
				}
			}
			if n := eval[int](t, b, `document.querySelectorAll("img").length`); n != 0 {
				t.Errorf("the page has %d img elements, want the link's markup shown as text only", n)
			}
			if status := b.text(t, "#planner-status"); status != "" {
				t.Errorf("status = %q, want no internal error", status)
			}
			b.checkNoProblems(t)
		})
	}
}

// stormScript drives hundreds of random and hostile events at the planner:
// values typed and pasted into random fields, bursts of input events, and
// hostile links set through location.hash. It records every non-empty text
// of the page's alert region. %SEED% and %STEPS% are replaced by the test.
const stormScript = `(async function(){
  var seed = %SEED%;
  function random() {
    seed |= 0; seed = seed + 0x6D2B79F5 | 0;
    var t = Math.imul(seed ^ seed >>> 15, 1 | seed);
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  }
  function pick(list) { return list[Math.floor(random() * list.length)]; }
  var statuses = [];
  var status = document.getElementById("planner-status");
  new MutationObserver(function(){ if (status.textContent) statuses.push(status.textContent); })
    .observe(status, {childList: true, characterData: true, subtree: true});

  var fields = Array.from(document.querySelectorAll("#planner [name]"));
  var long = "9".repeat(100000);
  var values = ["", " ", "0", "1", "-1", "250", "300", "301", "1e3", "0x1F", "NaN", "Infinity",
    "١٢٣", "２５０", "\u0000", "\uFFFF", "\uD800", "💥💥", "<script>", "%", "%zz", "&", "=", "#",
    "none", "j1", "H1B", "passed", "9".repeat(17), long, "\n250", "2 5 0", "999999999999999999999"];
  var links = ["#v=1&step2=%zz", "#" + "%".repeat(5000), "#v=1&step2=1&step2=2&visa=x",
    "#v=9", "#garbage", "#v=1&" + "a=1&".repeat(1000), "#v=1&step2=%FF%00", "#main", "#",
    "#v=1&grad_year=3000&match_year=1999", "#v=1&budget=" + long.slice(0, 3000)];

  for (var i = 0; i < %STEPS%; i++) {
    var r = random();
    if (r < 0.06) {
      location.hash = pick(links);
    } else if (r < 0.12) {
      var field = pick(fields);
      for (var k = 0; k < 20; k++) {
        field.value = String(Math.floor(random() * 400) - 50);
        field.dispatchEvent(new Event("input", {bubbles: true}));
      }
    } else {
      var target = pick(fields);
      var value = r < 0.5 ? pick(values) : String(Math.floor(random() * 1e6) - 1000);
      if (target.tagName === "SELECT") {
        var options = Array.from(target.options).map(function(o){ return o.value; });
        target.value = random() < 0.7 ? pick(options) : value;
        target.dispatchEvent(new Event("change", {bubbles: true}));
      } else {
        target.value = value;
        target.dispatchEvent(new Event(random() < 0.8 ? "input" : "change", {bubbles: true}));
      }
    }
    if (i % 25 === 0) await new Promise(function(done){ setTimeout(done, 0); });
  }
  await new Promise(function(done){ setTimeout(done, 300); });
  return statuses.join(" | ");
})()`

// TestManyLinkIssuesScroll opens a link with 150 unknown settings: each is
// listed, and the list scrolls instead of pushing the plan down the page.
func TestManyLinkIssuesScroll(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/#"+manyUnknownKeys(150))

	const list = `document.querySelector('[data-result="link-issues"]')`
	if n := eval[int](t, b, list+`.children.length`); n != 150 {
		t.Errorf("%d link issues listed, want 150", n)
	}
	maxHeight := eval[float64](t, b, `12 * parseFloat(getComputedStyle(document.documentElement).fontSize)`)
	if h := eval[float64](t, b, list+`.clientHeight`); h > maxHeight+1 {
		t.Errorf("the link issue list is %.0f px tall, want at most 12rem (%.0f px)", h, maxHeight)
	}
	if !eval[bool](t, b, list+`.scrollHeight > `+list+`.clientHeight`) {
		t.Error("the link issue list does not scroll")
	}
	b.checkNoProblems(t)
}

func TestHostileInputStorm(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/")

	for _, seed := range []int{1, 2} {
		script := strings.NewReplacer("%SEED%", strconv.Itoa(seed), "%STEPS%", "300").Replace(stormScript)
		ctx, cancel := context.WithTimeout(b.ctx, 2*time.Minute)
		statuses, err := chromedp.Run(ctx, chromedp.Evaluate[string](script, chromedp.EvalAwaitPromise))
		cancel()
		if err != nil {
			t.Fatalf("storm with seed %d: %v", seed, err)
		}
		if statuses != "" {
			t.Errorf("storm with seed %d showed internal errors: %s", seed, statuses)
		}
	}

	// After the storm a normal profile still gives the right tier.
	eval[bool](t, b, `(location.hash="", true)`)
	example := plan.Examples[2]
	values := example.ValuesFor(plan.DefaultMatchYear(time.Now()))
	for _, name := range plan.FieldNames() {
		b.setField(t, name, eval[string](t, b, `(function(){var e=document.querySelector('[name="`+name+`"]');return e.tagName==="SELECT"?(e.querySelector("option[selected]")||e.options[0]).value:e.defaultValue;})()`))
	}
	for name, value := range values {
		b.setField(t, name, value)
	}
	b.waitText(t, `[data-result="tier"]`, example.Tier.String())
	if n := eval[int](t, b, `document.querySelectorAll('[aria-invalid="true"]').length`); n != 0 {
		t.Errorf("%d fields still marked invalid after entering a valid profile", n)
	}
	b.waitHash(t, "step2=220")
	if failed := eval[bool](t, b, `document.documentElement.classList.contains("planner-failed")`); failed {
		t.Errorf("the loader reports the program stopped: %s", b.text(t, "#planner-status"))
	}
	for _, p := range b.Problems() {
		if strings.Contains(p, "Go program has already exited") {
			t.Errorf("the Go program exited: %s", p)
			continue
		}
		t.Errorf("browser console problem: %s", p)
	}
}

func TestPanicIsRecovered(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/#v=1&step2=220&failures=1")

	// A browser API that throws inside an event handler makes the Go code
	// panic; the handler recovers and the page reports it.
	eval[bool](t, b, `(window.realReplaceState=history.replaceState, history.replaceState=function(){throw new Error("replaceState blocked")}, true)`)
	b.setField(t, "step2", "255")
	b.waitText(t, `#planner-status`, "internal error")
	b.waitText(t, `#planner-status`, "replaceState blocked")

	// The next input works.
	eval[bool](t, b, `(history.replaceState=window.realReplaceState, true)`)
	b.setField(t, "failures", "0")
	b.waitHash(t, "step2=255")
	b.waitTrue(t, `document.getElementById("planner-status").textContent===""`, "the error to clear")
	b.waitText(t, `[data-result="tier"]`, "Tier")

	// A panic while following a new link is recovered the same way. Without
	// "v=1" the planner rewrites the fragment, which calls replaceState.
	eval[bool](t, b, `(history.replaceState=function(){throw new Error("replaceState blocked")}, location.hash="#step2=230", true)`)
	b.waitText(t, `#planner-status`, "internal error")
	if got := b.fieldValue(t, "step2"); got != "230" {
		t.Errorf("step2 = %q after the link was followed, want 230", got)
	}
	eval[bool](t, b, `(history.replaceState=window.realReplaceState, true)`)
	b.setField(t, "step2", "231")
	b.waitHash(t, "step2=231")
	b.waitTrue(t, `document.getElementById("planner-status").textContent===""`, "the error to clear")
	checkOnlyRecoveredPanics(t, b, 2)
}

func TestPanicOnFirstLoadIsRecovered(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.onNewDocument(t, `window.realReplaceState=History.prototype.replaceState; History.prototype.replaceState=function(){throw new Error("replaceState blocked")};`)
	// Without "v=1" the planner rewrites the fragment on load, so the first
	// update calls replaceState.
	b.openPlanner(t, base+"/calculator/#step2=220&failures=1")
	b.waitText(t, `#planner-status`, "internal error")

	// The buttons work and the listeners were attached although the first
	// update panicked.
	if disabled := eval[bool](t, b, `document.getElementById("planner-copy").disabled`); disabled {
		t.Error("Copy link stays disabled after a panic in the first load")
	}
	eval[bool](t, b, `(History.prototype.replaceState=window.realReplaceState, true)`)
	b.setField(t, "step2", "221")
	b.waitHash(t, "step2=221")
	b.waitTrue(t, `document.getElementById("planner-status").textContent===""`, "the error to clear")
	checkOnlyRecoveredPanics(t, b, 1)
}

// checkOnlyRecoveredPanics fails unless the console shows exactly want
// recovered panics and nothing else.
func checkOnlyRecoveredPanics(t *testing.T, b *browser, want int) {
	t.Helper()
	recovered := 0
	for _, p := range b.Problems() {
		if strings.Contains(p, "planner: recovered from panic") {
			recovered++
			continue
		}
		t.Errorf("browser console problem: %s", p)
	}
	if recovered != want {
		t.Errorf("console shows %d recovered panics, want %d", recovered, want)
	}
}
