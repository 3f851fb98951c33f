package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/entbackup/ent-backup-planner/plan"
)

// axePath is axe-core's browser build, installed by `npm ci` from the
// repository's package-lock.json.
var axePath = filepath.Join("..", "node_modules", "axe-core", "axe.min.js")

// readAxe returns axe-core's source. Without it the test is skipped with a
// notice, unless REQUIRE_BROWSER=1 makes that a failure.
func readAxe(t *testing.T) string {
	t.Helper()
	source, err := os.ReadFile(axePath)
	if err == nil {
		return string(source)
	}
	if os.Getenv("REQUIRE_BROWSER") == "1" {
		t.Fatalf("axe-core is missing (%v); run `npm ci` in the repository root", err)
	}
	fmt.Fprintln(os.Stderr, "NOTICE: accessibility tests skipped: axe-core is missing; run `npm ci` in the repository root")
	t.Skip("axe-core is missing")
	return ""
}

// axeViolation is one rule axe-core found broken, with up to five of the
// elements that break it.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// axeSeriousViolations runs axe-core on the current page and returns the
// violations of serious or critical impact.
const axeSeriousViolations = `axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
  return r.violations
    .filter(function (v) { return v.impact === "serious" || v.impact === "critical"; })
    .map(function (v) {
      return {id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 5).map(function (n) { return n.target.join(" "); })};
    });
})`

func TestPagesPassAxe(t *testing.T) {
	axe := readAxe(t)
	base := serveSite(t)
	b := newBrowser(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{390, 1280} {
			b.do(t, chromedp.EmulateViewport(width, 900), colorScheme(scheme))
			for _, p := range sitePaths(t) {
				name := scheme + "/" + strconv.FormatInt(width, 10) + p
				t.Run(name, func(t *testing.T) {
					if p == "/calculator/" {
						// Check the planner with its results rendered.
						b.openPlanner(t, base+p)
					} else {
						b.do(t, chromedp.Navigate(base+p))
					}
					run(t, b, chromedp.Evaluate[chromedp.Void](axe))
					violations := run(t, b, chromedp.Evaluate[[]axeViolation](axeSeriousViolations, chromedp.EvalAwaitPromise))
					for _, v := range violations {
						t.Errorf("%s (%s, %d px): %s violation of %s: %s, at %s", p, scheme, width, v.Impact, v.ID, v.Help, strings.Join(v.Targets, "; "))
					}
				})
			}
		}
	}
}

func TestExampleLinksOpenPlannerWithTheirTier(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.do(t, chromedp.Navigate(base+"/guide/examples/"))
	links := eval[map[string]string](t, b, `(function () {
  var links = {};
  document.querySelectorAll("a[data-example]").forEach(function (a) { links[a.dataset.example] = a.href; });
  return links;
})()`)

	for _, ex := range plan.Examples {
		t.Run(ex.ID, func(t *testing.T) {
			href, ok := links[ex.ID]
			if !ok {
				t.Fatalf("the examples page has no link for the %q example", ex.ID)
			}
			b.openPlanner(t, href)
			b.waitText(t, `[data-result="tier"]`, ex.Tier.String())
		})
	}
	if p := b.Problems(); len(p) > 0 {
		t.Errorf("browser console problems: %v", p)
	}
}

func TestPagesFitNarrowestPhone(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.do(t, chromedp.EmulateViewport(320, 640))
	for _, p := range sitePaths(t) {
		b.do(t, chromedp.Navigate(base+p))
		width := eval[int](t, b, `document.documentElement.scrollWidth`)
		if width > 320 {
			t.Errorf("%s is %d px wide on a 320 px screen; it must not scroll sideways", p, width)
		}
	}
}
