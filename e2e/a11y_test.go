package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/entbackup/ent-backup-planner/plan"
)

func TestPagesPassAxe(t *testing.T) {
	axe := axeSource(t)
	base := serveSite(t)
	b := newBrowser(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{390, 1280} {
			b.setMedia(t, "", scheme)
			b.do(t, chromedp.EmulateViewport(width, 900))
			for _, p := range sitePaths(t) {
				name := scheme + "/" + strconv.FormatInt(width, 10) + p
				t.Run(name, func(t *testing.T) {
					if p == "/calculator/" {
						// Check the planner with its results rendered.
						b.openPlanner(t, base+p)
					} else {
						b.do(t, chromedp.Navigate(base+p))
					}
					b.checkAxe(t, axe, name)
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
