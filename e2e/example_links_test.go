package e2e

import (
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/entbackup/ent-backup-planner/plan"
)

// TestExampleLinksLeaveMatchYearEmpty reads the built examples chapter
// without a browser. Its links must not name a target Match, so that a
// site not rebuilt for a while still opens the next Match rather than a
// past one. Their graduation year is counted back from the Match that is
// next on the day of the build, which is the day of this test run.
func TestExampleLinksLeaveMatchYearEmpty(t *testing.T) {
	page := sitePage(t, "/guide/examples/")
	matchYear := plan.DefaultMatchYear(time.Now())
	for _, ex := range plan.Examples {
		t.Run(ex.ID, func(t *testing.T) {
			link := first(page.doc, isElement("a", "data-example", ex.ID))
			if link == nil {
				t.Fatalf("the examples chapter has no link for the %q example", ex.ID)
			}
			href, err := url.Parse(attr(link, "href"))
			if err != nil {
				t.Fatalf("link %q: %v", attr(link, "href"), err)
			}
			values, issues := plan.DecodeFragment(href.Fragment)
			if len(issues) > 0 {
				t.Errorf("fragment %q has problems: %v", href.Fragment, issues[0].Message())
			}

			if got, ok := values[plan.FieldMatchYear]; ok {
				t.Errorf("fragment %q sets match_year=%s, want no target Match", href.Fragment, got)
			}
			if got, want := values[plan.FieldGradYear], strconv.Itoa(matchYear-ex.YearsSinceGraduation); got != want {
				t.Errorf("grad_year = %q, want %s (%d years before the %d Match)", got, want, ex.YearsSinceGraduation, matchYear)
			}
			for name, want := range ex.Values {
				if got := values[name]; got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			if got, want := len(values), len(ex.Values)+1; got != want {
				t.Errorf("fragment %q has %d fields, want the example's %d and grad_year", href.Fragment, got, len(ex.Values))
			}
		})
	}
}
