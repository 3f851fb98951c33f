package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/entbackup/ent-backup-planner/plan"
)

// TestFormSelectsShowPlanLabels reads the built planner page without a
// browser. The form's selects must offer exactly the values and labels of
// plan.FieldSpecs, which the field errors quote, so an error names the
// options as the reader sees them.
func TestFormSelectsShowPlanLabels(t *testing.T) {
	page := sitePage(t, "/calculator/")
	for _, spec := range plan.FieldSpecs(time.Now()) {
		control := first(page.doc, func(n *html.Node) bool { return isNamedControl(n, spec.Name) })
		if control == nil {
			t.Errorf("the form has no control named %s", spec.Name)
			continue
		}
		if len(spec.Labels) == 0 {
			if control.Data != "input" {
				t.Errorf("%s is a <%s>, want a text input because plan gives it no option labels", spec.Name, control.Data)
			}
			continue
		}
		if control.Data != "select" {
			t.Errorf("%s is a <%s>, want a select with plan's option labels", spec.Name, control.Data)
			continue
		}

		var values, labels []string
		for _, option := range all(control, isElement("option")) {
			values = append(values, attr(option, "value"))
			labels = append(labels, strings.TrimSpace(text(option)))
		}
		var wantValues []string
		for i := range spec.Labels {
			if spec.Kind == plan.KindChoice {
				wantValues = append(wantValues, spec.Choices[i])
			} else {
				wantValues = append(wantValues, strconv.Itoa(spec.Min+i))
			}
		}
		if got, want := strings.Join(values, "|"), strings.Join(wantValues, "|"); got != want {
			t.Errorf("%s option values %q, want %q", spec.Name, got, want)
		}
		if got, want := strings.Join(labels, "|"), strings.Join(spec.Labels, "|"); got != want {
			t.Errorf("%s option labels %q, want %q", spec.Name, got, want)
		}
	}
}

// isNamedControl reports whether n is the form's input or select with the
// given name.
func isNamedControl(n *html.Node, name string) bool {
	return isElement("input", "name", name)(n) || isElement("select", "name", name)(n)
}

// TestNumbersAsPeopleTypeThem types a budget with a dollar sign and digit
// groups and a score in Arabic-Indic digits: the planner reads both.
func TestNumbersAsPeopleTypeThem(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/")

	b.setField(t, "budget", "$3,000")
	b.setField(t, "step2", "\u0662\u0665\u0660")
	for _, name := range []string{"budget", "step2"} {
		if msg := b.text(t, "#error-"+name); msg != "" {
			t.Errorf("%s shows the error %q", name, msg)
		}
	}
	if got := b.text(t, `[data-result="budget"]`); !strings.Contains(got, "budget of $3,000") {
		t.Errorf("budget section %q does not name the $3,000 budget", got)
	}
	if got := b.text(t, `[data-result="factors"] [data-factor="step2"] .factor-reason`); !strings.Contains(got, "Step 2 CK 250") {
		t.Errorf("Step 2 CK reason %q does not read the score as 250", got)
	}
	if got := b.fieldValue(t, "budget"); got != "$3,000" {
		t.Errorf("budget field = %q, want what was typed", got)
	}
	b.checkNoProblems(t)
}
