package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// lighthouseDir holds the pinned Lighthouse install (bench/package.json and
// its lock file).
const lighthouseDir = "bench"

// lighthouseResult is one page's category scores, 0-100.
type lighthouseResult struct {
	Page                                           string
	Performance, Accessibility, BestPractices, SEO int
}

// lighthouseScores installs the pinned Lighthouse with npm if needed and runs
// it with its default mobile settings on each page type.
func lighthouseScores(base string) ([]lighthouseResult, error) {
	bin := filepath.Join(lighthouseDir, "node_modules", ".bin", "lighthouse")
	if _, err := os.Stat(bin); err != nil {
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--prefix", lighthouseDir)
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("npm ci --prefix %s: %v\n%s", lighthouseDir, err, out)
		}
	}
	chrome := chromiumPath()
	if chrome == "" {
		return nil, fmt.Errorf("no Chromium found for Lighthouse")
	}

	var results []lighthouseResult
	for _, p := range []struct{ name, path string }{
		{"home", "/"}, {"chapter (assess)", "/guide/assess/"}, {"planner", "/calculator/"},
	} {
		out := filepath.Join(os.TempDir(), "lighthouse-"+strings.Trim(strings.ReplaceAll(p.path, "/", "-"), "-")+".json")
		cmd := exec.Command(bin, base+p.path,
			"--quiet", "--output=json", "--output-path="+out,
			"--only-categories=performance,accessibility,best-practices,seo",
			"--chrome-flags="+strings.Join(chromiumFlags, " "))
		cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
		if output, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("lighthouse %s: %v\n%s", p.path, err, output)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			return nil, err
		}
		var report struct {
			Categories map[string]struct {
				Score float64 `json:"score"`
			} `json:"categories"`
		}
		if err := json.Unmarshal(data, &report); err != nil {
			return nil, fmt.Errorf("lighthouse %s: %v", p.path, err)
		}
		score := func(name string) int { return int(report.Categories[name].Score*100 + 0.5) }
		results = append(results, lighthouseResult{
			Page: p.name, Performance: score("performance"), Accessibility: score("accessibility"),
			BestPractices: score("best-practices"), SEO: score("seo"),
		})
	}
	return results, nil
}
