package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// copyTree copies the folder src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatalf("copy %s: %v", src, err)
	}
}

// buildWithPage builds a copy of the site with one more content page and
// returns the build's folder and Hugo's output.
func buildWithPage(t *testing.T, baseURL, page string) (string, string, error) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(repoRoot, "assets", "wasm", "planner.wasm")); err != nil {
		t.Fatalf("the planner's .wasm is missing (%v); run `make build` (or `make wasm`) first", err)
	}
	source := t.TempDir()
	for _, folder := range []string{"layouts", "assets", "data", "static", "content"} {
		copyTree(t, filepath.Join(repoRoot, folder), filepath.Join(source, folder))
	}
	config, err := os.ReadFile(filepath.Join(repoRoot, "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(source, "hugo.toml"), config, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(source, "content", "link-fixture.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(source, "public")
	hugo := exec.Command("go", "tool", "hugo", "--source", source, "--destination", out, "--baseURL", baseURL)
	hugo.Dir = repoRoot
	output, err := hugo.CombinedOutput()
	return out, string(output), err
}

const linkFixture = `---
title: Link fixture
---
[page](/calculator/) [page without slash](/calculator) [content file](/calculator/_index.md)
[relative content file](calculator/_index.md) [relref]({{< relref "/calculator/_index.md" >}})
[with fragment](/calculator/#v=1&step2=250) [home](/) [static file](/favicon.svg)
[generated file](/sitemap.xml) [external](https://example.org/guide/) [scheme](mailto:someone@example.org)
[in-page](#part)

![icon](/favicon.svg)
`

// TestMarkdownLinksUnderSubPath checks the link and image render hooks: links
// written in Markdown resolve under the base URL's path, and external links
// and fragments stay as written.
func TestMarkdownLinksUnderSubPath(t *testing.T) {
	out, output, err := buildWithPage(t, "http://127.0.0.1:8080/repo", linkFixture)
	if err != nil {
		t.Fatalf("hugo build: %v\n%s", err, output)
	}
	page, err := os.ReadFile(filepath.Join(out, "link-fixture", "index.html"))
	if err != nil {
		t.Fatalf("read the fixture page: %v", err)
	}
	links := map[string]string{}
	for _, m := range regexp.MustCompile(`<a href="?([^" >]*)"?>([^<]*)</a>`).FindAllStringSubmatch(string(page), -1) {
		links[m[2]] = m[1]
	}
	want := map[string]string{
		"page":                  "/repo/calculator/",
		"page without slash":    "/repo/calculator/",
		"content file":          "/repo/calculator/",
		"relative content file": "/repo/calculator/",
		"relref":                "/repo/calculator/",
		"with fragment":         "/repo/calculator/#v=1&amp;step2=250",
		"home":                  "/repo/",
		"static file":           "/repo/favicon.svg",
		"generated file":        "/repo/sitemap.xml",
		"external":              "https://example.org/guide/",
		"scheme":                "mailto:someone@example.org",
		"in-page":               "#part",
	}
	for text, href := range want {
		if got, ok := links[text]; !ok {
			t.Errorf("link %q is missing from the page", text)
		} else if got != href {
			t.Errorf("link %q: href %q, want %q", text, got, href)
		}
	}
	if !regexp.MustCompile(`<img src="?/repo/favicon.svg"?`).Match(page) {
		t.Errorf("the image does not point to /repo/favicon.svg")
	}
}

func TestMarkdownLinkToMissingPageFails(t *testing.T) {
	for _, destination := range []string{"/guide/no-such-chapter/", "no-such-chapter.md"} {
		page := "---\ntitle: Broken link\n---\n[broken](" + destination + ")\n"
		_, output, err := buildWithPage(t, "http://127.0.0.1:8080/", page)
		if err == nil {
			t.Errorf("%s: the build succeeded, want it to fail on the broken link", destination)
			continue
		}
		if !strings.Contains(output, destination) || !strings.Contains(output, "names no page") {
			t.Errorf("%s: the build output does not name the broken link:\n%s", destination, output)
		}
	}
}
