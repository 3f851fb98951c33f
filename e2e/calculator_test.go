package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/entbackup/ent-backup-planner/plan"
)

func TestWorkedExamplesByFragment(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	matchYear := plan.DefaultMatchYear(time.Now())
	for _, ex := range plan.Examples {
		t.Run(ex.ID, func(t *testing.T) {
			url := base + "/calculator/#" + plan.EncodeFragment(ex.ValuesFor(matchYear))
			b.openPlanner(t, url)
			b.waitText(t, `[data-result="tier"]`, ex.Tier.String())
		})
	}
	if p := b.Problems(); len(p) > 0 {
		t.Errorf("browser console problems: %v", p)
	}
}

func TestTypingUpdatesTier(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/")
	if got := b.text(t, `[data-result="tier"]`); !strings.HasPrefix(got, "Tier ") {
		t.Fatalf("empty form tier = %q, want a tier", got)
	}

	// The high-risk worked example, typed field by field.
	b.clear(t, `#f-failures`)
	b.do(t,
		chromedp.SendKeys(chromedp.CSS(`#f-step2`), "220"),
		chromedp.SendKeys(chromedp.CSS(`#f-failures`), "1"),
		chromedp.SendKeys(chromedp.CSS(`#f-grad_year`), strconv.Itoa(plan.DefaultMatchYear(time.Now())-8)),
	)
	b.waitText(t, `[data-result="tier"]`, "Tier 3")

	// A strong score, no failure, one US ENT rotation and one US ENT letter,
	// with no research, is Tier 2.
	b.clear(t, `#f-step2`)
	b.clear(t, `#f-failures`)
	b.clear(t, `#f-grad_year`)
	b.do(t,
		chromedp.SendKeys(chromedp.CSS(`#f-step2`), "255"),
		chromedp.SendKeys(chromedp.CSS(`#f-failures`), "0"+kb.Tab),
		chromedp.SendKeys(chromedp.CSS(`#f-grad_year`), strconv.Itoa(plan.DefaultMatchYear(time.Now())-2)),
		chromedp.SendKeys(chromedp.CSS(`#f-ent_rotations`), kb.Backspace+"1"),
		chromedp.SendKeys(chromedp.CSS(`#f-letters_ent_us`), kb.Backspace+"1"),
	)
	b.waitText(t, `[data-result="tier"]`, "Tier 2")

	b.waitHash(t, "step2=255")
	b.waitHash(t, "ent_rotations=1")
	if p := b.Problems(); len(p) > 0 {
		t.Errorf("browser console problems: %v", p)
	}
}

func TestInvalidFieldShowsMessage(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/#v=1&step2=312&failures=2")
	b.waitText(t, `#error-step2`, "enter a score from 1 to 300")

	// The valid field still counts: two failures make Tier 3.
	b.waitText(t, `[data-result="tier"]`, "Tier 3")
	if invalid := eval[string](t, b, `document.getElementById("f-step2").getAttribute("aria-invalid")`); invalid != "true" {
		t.Errorf("step2 aria-invalid = %q, want true", invalid)
	}
	// What the user typed stays in the field.
	if value := eval[string](t, b, `document.getElementById("f-step2").value`); value != "312" {
		t.Errorf("step2 value = %q, want the typed 312 kept", value)
	}
	if p := b.Problems(); len(p) > 0 {
		t.Errorf("browser console problems: %v", p)
	}
}
