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

func TestTypingReplacesPrefilledZero(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/")
	for _, name := range []string{"ent_rotations", "letters_ent_us", "failures"} {
		t.Run(name, func(t *testing.T) {
			if got := b.fieldValue(t, name); got != "0" {
				t.Fatalf("%s starts as %q, want the prefilled 0", name, got)
			}
			// A real click, then a key press on whatever has the focus, as
			// a user does it.
			b.do(t,
				chromedp.Click(chromedp.CSS(`#f-`+name)),
				chromedp.KeyEvent("3"),
			)
			if got := b.fieldValue(t, name); got != "3" {
				t.Errorf("%s = %q after clicking it and typing 3, want 3", name, got)
			}
		})
	}
	b.waitHash(t, "ent_rotations=3")
	b.checkNoProblems(t)
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

func TestFullPlanMatchesPlanBuild(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	matchYear := plan.DefaultMatchYear(time.Now())
	profiles := map[string]map[string]string{}
	for _, ex := range plan.Examples {
		profiles[ex.ID] = ex.ValuesFor(matchYear)
	}
	tight := plan.Examples[2].ValuesFor(matchYear)
	tight[plan.FieldBudget] = "900"
	profiles["tight budget"] = tight
	h1b := plan.Examples[0].ValuesFor(matchYear)
	h1b[plan.FieldVisa] = "h1b"
	h1b[plan.FieldIntAcute] = "3"
	profiles["strong, H-1B"] = h1b

	for name, values := range profiles {
		t.Run(name, func(t *testing.T) {
			profile, errs := plan.ParseProfile(values, time.Now())
			if len(errs) > 0 {
				t.Fatalf("profile has errors: %v", errs)
			}
			want := plan.Build(profile, time.Now())

			b.do(t, chromedp.Navigate("about:blank"))
			b.openPlanner(t, base+"/calculator/#"+plan.EncodeFragment(values))
			b.waitText(t, `[data-result="tier"]`, want.Assessment.Label())

			if got := b.text(t, `[data-result="ent-applications"]`); got != strconv.Itoa(want.Applications.ENTPrograms) {
				t.Errorf("ent-applications = %q, want %d", got, want.Applications.ENTPrograms)
			}
			if got := b.text(t, `[data-result="backup-applications"]`); got != strconv.Itoa(want.Applications.BackupPrograms) {
				t.Errorf("backup-applications = %q, want %d", got, want.Applications.BackupPrograms)
			}
			if got := eval[string](t, b, `document.querySelector('[data-result="total-cost"]').dataset.usd`); got != strconv.Itoa(want.Cost.Total) {
				t.Errorf("total-cost data-usd = %q, want %d", got, want.Cost.Total)
			}
			if got := b.text(t, `[data-result="total-cost"]`); !strings.HasPrefix(got, "$") || strings.ReplaceAll(got[1:], ",", "") != strconv.Itoa(want.Cost.Total) {
				t.Errorf("total-cost = %q, want $%d with thousands separators", got, want.Cost.Total)
			}

			var wantRanking []string
			for _, backup := range want.Backups {
				wantRanking = append(wantRanking, string(backup.Specialty))
			}
			gotRanking := eval[[]string](t, b, `Array.from(document.querySelectorAll('[data-result="backup-ranking"] [data-specialty]')).map(function(e){return e.dataset.specialty})`)
			if strings.Join(gotRanking, " ") != strings.Join(wantRanking, " ") {
				t.Errorf("backup ranking = %v, want %v", gotRanking, wantRanking)
			}

			counts := map[string]int{
				`[data-result="cost-breakdown"] tbody tr`:      len(want.Cost.Items),
				`[data-result="timeline"] [data-step]`:         len(want.Timeline.Items),
				`[data-result="outcomes"] [data-outcome]`:      len(want.Outcomes),
				`[data-result="letters"] tbody tr:not(.group)`: len(want.Letters.ENT) + len(want.Letters.Backup),
				`[data-result="signals"] li`:                   len(want.Signals.Advice),
				`[data-result="factors"] li`:                   len(want.Assessment.Factors),
			}
			for sel, n := range counts {
				if got := eval[int](t, b, `document.querySelectorAll('`+sel+`').length`); got != n {
					t.Errorf("%s: %d elements, want %d", sel, got, n)
				}
			}
			if got := b.text(t, `[data-result="move-up"]`); !strings.Contains(got, want.MoveUp.Message) {
				t.Errorf("move-up = %q, want it to contain %q", got, want.MoveUp.Message)
			}
			if want.Cost.Budget.Message != "" {
				b.waitText(t, `[data-result="budget"]`, want.Cost.Budget.Message)
			}
			b.checkNoProblems(t)
		})
	}
}

func TestOneLetterIsSingular(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/#v=1&letters_ent_us=1")
	b.waitText(t, `[data-result="letters"]`, "Send Otolaryngology programs 1 letter:")
	b.checkNoProblems(t)
}
