package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// workflowStep is the part of a GitHub Actions step the test reads.
type workflowStep struct {
	ID   string            `yaml:"id"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	With map[string]string `yaml:"with"`
}

// TestPagesWorkflow checks that the GitHub Pages workflow builds the way the
// sub-path test does: make build with the Pages base URL and a trailing
// slash, the Go version of go.mod, and public/ as the uploaded site.
func TestPagesWorkflow(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, ".github", "workflows", "pages.yml"))
	if err != nil {
		t.Fatalf("read the workflow: %v", err)
	}
	var workflow struct {
		Permissions map[string]string `yaml:"permissions"`
		Jobs        map[string]struct {
			Steps []workflowStep `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &workflow); err != nil {
		t.Fatalf("parse the workflow: %v", err)
	}
	if workflow.Permissions["pages"] != "write" || workflow.Permissions["id-token"] != "write" {
		t.Errorf("permissions %v, want pages: write and id-token: write for deploy-pages", workflow.Permissions)
	}

	step := func(job, action string) workflowStep {
		t.Helper()
		for _, s := range workflow.Jobs[job].Steps {
			if strings.HasPrefix(s.Uses, action+"@") || (action == "run" && s.Run != "") {
				return s
			}
		}
		t.Errorf("job %s has no %s step", job, action)
		return workflowStep{}
	}
	if got := step("build", "actions/setup-go").With["go-version-file"]; got != "go.mod" {
		t.Errorf("setup-go go-version-file %q, want go.mod", got)
	}
	if got := step("build", "actions/configure-pages").ID; got != "pages" {
		t.Errorf("configure-pages id %q, want pages", got)
	}
	if got := step("build", "run").Run; got != `make build BASE_URL="${{ steps.pages.outputs.base_url }}/"` {
		t.Errorf("build command %q, want make build with the Pages base URL and a trailing slash", got)
	}
	if got := step("build", "actions/upload-pages-artifact").With["path"]; got != "public" {
		t.Errorf("uploaded path %q, want public, where make build writes the site", got)
	}
	step("deploy", "actions/deploy-pages")
}
