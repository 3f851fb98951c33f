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

// formValuesScript returns every named field of the planner's form.
const formValuesScript = `(function () {
  var values = {};
  document.querySelectorAll("#planner [name]").forEach(function (e) { values[e.name] = e.value; });
  return values;
})()`

// TestUpdatedPlanMatchesFreshLoad edits the form step by step and checks,
// after each edit, that the plan on the page is exactly what a fresh page
// opened with the same profile shows. Updates change only the elements that
// differ, so this catches a patch that leaves an old element behind, drops
// one or puts one in the wrong place.
func TestUpdatedPlanMatchesFreshLoad(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	matchYear := plan.DefaultMatchYear(time.Now())
	b.openPlanner(t, base+"/calculator/#"+plan.EncodeFragment(plan.Examples[1].ValuesFor(matchYear)))

	// A second tab for the fresh pages. It is opened here, with no timeout,
	// because a tab lives as long as the context of its first call.
	fresh, cancel := chromedp.NewContext(b.ctx)
	defer cancel()
	if err := chromedp.Do(fresh); err != nil {
		t.Fatalf("open a second tab: %v", err)
	}

	edits := []struct{ name, value string }{
		{"step2", "262"},        // a higher tier: reasons, factors and counts change
		{"step2", "221"},        // and a lower one
		{"step2", ""},           // provisional
		{"visa", "h1b"},         // Step 3 joins the fees and the timeline
		{"step3", "passed"},     // and leaves the timeline again
		{"budget", "900"},       // a trimmed list
		{"budget", "abc"},       // a field error
		{"budget", ""},          // no limit
		{"letters_ent_us", "3"}, // the letters plan changes shape
		{"int_children", "3"},   // the backup ranking reorders
		{"ent_research", "12"},  // a move-up option disappears
		{"failures", "2"},       // Tier 3
		{"grad_year", "1990"},   // an old graduation year
		{"letters_ent_us", "1"}, // back to one letter
		{"int_children", "0"},   // and another order
		{"step2", "250"},        // and back up
	}
	for i, e := range edits {
		b.setField(t, e.name, e.value)
		got := eval[string](t, b, `document.getElementById("results").innerHTML`)
		values := eval[map[string]string](t, b, formValuesScript)

		ctx, cancelRun := context.WithTimeout(fresh, time.Minute)
		err := chromedp.Do(ctx,
			// A new query string each time makes every visit a full load.
			chromedp.Navigate(base+"/calculator/?visit="+strconv.Itoa(i)+"#"+plan.EncodeFragment(values)),
			chromedp.WaitVisible(chromedp.CSS(`html.planner-ready`)),
		)
		var want string
		if err == nil {
			want, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("results").innerHTML`))
		}
		cancelRun()
		if err != nil {
			t.Fatalf("fresh page for %s=%q: %v", e.name, e.value, err)
		}
		if got != want {
			t.Fatalf("after %s=%q the updated plan differs from a fresh page's:\nupdated: %s\nfresh:   %s", e.name, e.value, got, want)
		}
	}
	b.checkNoProblems(t)
}

// TestRewrittenSectionIsRepaired changes result sections behind the
// planner's back, as a browser extension may: it inserts an element,
// reorders items, changes a text and replaces a result element with a copy.
// After the next update each changed section matches a fresh page's again.
func TestRewrittenSectionIsRepaired(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	matchYear := plan.DefaultMatchYear(time.Now())
	b.openPlanner(t, base+"/calculator/#"+plan.EncodeFragment(plan.Examples[1].ValuesFor(matchYear)))

	eval[bool](t, b, `(function () {
  var factors = document.querySelector('[data-result="factors"]');
  var extra = document.createElement("font");
  extra.textContent = "added by an extension";
  factors.insertBefore(extra, factors.firstChild);
  var ranking = document.querySelector('[data-result="backup-ranking"]');
  ranking.insertBefore(ranking.children[1], ranking.children[0]);
  var tier = document.querySelector('[data-result="tier"]');
  tier.replaceWith(tier.cloneNode(true));
  var reason = document.querySelector('[data-result="factors"] .factor-reason');
  reason.textContent = "translated by an extension";
  return true;
})()`)
	b.setField(t, "step2", "262")
	results := `document.getElementById("results").innerHTML`
	got := eval[string](t, b, results)
	if strings.Contains(got, "added by an extension") {
		t.Errorf("the inserted element is still in the plan after the update")
	}

	values := eval[map[string]string](t, b, formValuesScript)
	b.openPlanner(t, base+"/calculator/?fresh#"+plan.EncodeFragment(values))
	if want := eval[string](t, b, results); got != want {
		t.Fatalf("the repaired plan differs from a fresh page's:\nupdated: %s\nfresh:   %s", got, want)
	}
	b.checkNoProblems(t)
}

// TestForeignEditsUndoneOnNextUpdate edits sections that the next change
// does not touch, a text hook and the attributes of result elements, and
// replaces a section with an edited copy. The next update of any field
// undoes all of it.
func TestForeignEditsUndoneOnNextUpdate(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/#v=1&step2=252&ent_rotations=2")

	eval[bool](t, b, `(function () {
  var ranking = document.querySelector('[data-result="backup-ranking"]');
  ranking.insertBefore(ranking.children[1], ranking.children[0]);
  var tier = document.querySelector('[data-result="tier"]');
  tier.textContent = "Nivel X";
  tier.setAttribute("data-tier", "x");
  tier.setAttribute("lang", "es");
  document.querySelector('[data-result="timeline"]').setAttribute("lang", "es");
  var factors = document.querySelector('[data-result="factors"]');
  var copy = factors.cloneNode(true);
  copy.insertBefore(copy.children[1], copy.children[0]);
  factors.replaceWith(copy);
  return true;
})()`)
	b.setField(t, "letters_other", "1")
	results := `document.getElementById("results").innerHTML`
	got := eval[string](t, b, results)
	values := eval[map[string]string](t, b, formValuesScript)
	b.openPlanner(t, base+"/calculator/?fresh#"+plan.EncodeFragment(values))
	if want := eval[string](t, b, results); got != want {
		t.Fatalf("after the update the plan differs from a fresh page's:\nupdated: %s\nfresh:   %s", got, want)
	}

	// An edit that changes nothing in the results repairs them too.
	eval[bool](t, b, `(function () {
  var ranking = document.querySelector('[data-result="backup-ranking"]');
  ranking.insertBefore(ranking.children[1], ranking.children[0]);
  document.querySelector('[data-result="tier"]').textContent = "Tier 99 (extension)";
  return true;
})()`)
	b.setField(t, "us_rotations", "3")
	got = eval[string](t, b, results)

	values = eval[map[string]string](t, b, formValuesScript)
	b.openPlanner(t, base+"/calculator/?fresh2#"+plan.EncodeFragment(values))
	if want := eval[string](t, b, results); got != want {
		t.Fatalf("after an update that changes no result the plan differs from a fresh page's:\nupdated: %s\nfresh:   %s", got, want)
	}
	b.checkNoProblems(t)
}
