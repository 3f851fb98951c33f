package e2e

import (
	"os/exec"
	"strings"
	"testing"
)

// buildWithShortcodes builds a copy of the site with one more page whose
// body is the given Markdown, and returns Hugo's output and whether the
// build failed.
func buildWithShortcodes(t *testing.T, body string) (output string, failed bool) {
	t.Helper()
	page := "---\ntitle: Shortcode fixture\ndescription: A page that calls the guide's shortcodes.\n---\n" + body + "\n"
	_, output, err := buildWithPage(t, "http://127.0.0.1:8080/", page)
	if _, isExit := err.(*exec.ExitError); err != nil && !isExit {
		t.Fatalf("run hugo: %v", err)
	}
	return output, err != nil
}

func TestShortcodesRejectBadArguments(t *testing.T) {
	tests := []struct {
		call string
		want string // in the error message
	}{
		{`{{< fee-table season="1999" >}}`, `no fee schedule for season "1999"`},
		{`{{< fee-table year="2026" >}}`, `unknown argument "year"`},
		{`{{< fee-table 2026 >}}`, `use a named argument`},
		{`{{< specialty-table all >}}`, `specialty-table: takes no arguments`},
		{`{{< calendar-table season="2026" >}}`, `calendar-table: takes no arguments`},
		{`{{< planner-defaults group="fees" >}}`, `planner-defaults: takes no arguments`},
		{`{{< sources x >}}`, `sources: takes no arguments`},
		{`{{< example-link id="weak" >}}text{{< /example-link >}}`, `unknown id "weak"`},
	}
	for _, tt := range tests {
		t.Run(tt.call, func(t *testing.T) {
			output, failed := buildWithShortcodes(t, tt.call)
			if !failed {
				t.Fatalf("the build succeeded; want it to fail with %q", tt.want)
			}
			if !strings.Contains(output, tt.want) {
				t.Errorf("build output does not contain %q:\n%s", tt.want, output)
			}
			if !strings.Contains(output, "link-fixture.md:5:") {
				t.Errorf("build output does not name the shortcode's position link-fixture.md:5:\n%s", output)
			}
		})
	}
}

func TestShortcodesRenderWithoutArguments(t *testing.T) {
	body := strings.Join([]string{
		`{{< specialty-table >}}`,
		`{{< fee-table >}}`,
		`{{< fee-table season="2024" >}}`,
		`{{< calendar-table >}}`,
		`{{< planner-defaults >}}`,
		`{{< sources >}}`,
		`{{< tier-criteria >}}`,
	}, "\n\n")
	if output, failed := buildWithShortcodes(t, body); failed {
		t.Fatalf("the build failed:\n%s", output)
	}
}
