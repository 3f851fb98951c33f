package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// lighthouseDir holds the pinned Lighthouse install (bench/package.json and
// its lock file).
const lighthouseDir = "bench"

// lighthouseResult is one page's category scores, 0-100.
type lighthouseResult struct {
	Page                                           string
	Performance, Accessibility, BestPractices, SEO int
	// LCP and TBT are the largest contentful paint and the total blocking
	// time in milliseconds, and CLS the cumulative layout shift, as
	// Lighthouse simulates them.
	LCP, TBT, CLS float64
	// AllPerformance is the performance score of every run, lowest first,
	// in the reported result.
	AllPerformance []int
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
		// The performance score moves by a few points between runs on a
		// shared machine, so each page runs lighthouseRuns times and the
		// run with the median performance score is reported.
		var runs []lighthouseResult
		for range lighthouseRuns {
			r, err := lighthouseRun(bin, chrome, base, p.name, p.path)
			if err != nil {
				return nil, err
			}
			runs = append(runs, r)
		}
		slices.SortFunc(runs, func(a, b lighthouseResult) int { return a.Performance - b.Performance })
		median := runs[len(runs)/2]
		for _, r := range runs {
			median.AllPerformance = append(median.AllPerformance, r.Performance)
		}
		results = append(results, median)
	}
	return results, nil
}

// lighthouseRuns is how many times each page is measured.
const lighthouseRuns = 3

// lighthouseRun runs Lighthouse once on one page and reads its scores.
func lighthouseRun(bin, chrome, base, name, path string) (lighthouseResult, error) {
	out := filepath.Join(os.TempDir(), "lighthouse-"+strings.Trim(strings.ReplaceAll(path, "/", "-"), "-")+".json")
	cmd := exec.Command(bin, base+path,
		"--quiet", "--output=json", "--output-path="+out,
		"--only-categories=performance,accessibility,best-practices,seo",
		"--chrome-flags="+strings.Join(chromiumFlags, " "))
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
	if output, err := cmd.CombinedOutput(); err != nil {
		return lighthouseResult{}, fmt.Errorf("lighthouse %s: %v\n%s", path, err, output)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return lighthouseResult{}, err
	}
	var report struct {
		Categories map[string]struct {
			Score float64 `json:"score"`
		} `json:"categories"`
		Audits map[string]struct {
			NumericValue float64 `json:"numericValue"`
		} `json:"audits"`
	}
	if err := json.Unmarshal(data, &report); err != nil {
		return lighthouseResult{}, fmt.Errorf("lighthouse %s: %v", path, err)
	}
	score := func(category string) int { return int(report.Categories[category].Score*100 + 0.5) }
	return lighthouseResult{
		Page: name, Performance: score("performance"), Accessibility: score("accessibility"),
		BestPractices: score("best-practices"), SEO: score("seo"),
		LCP: report.Audits["largest-contentful-paint"].NumericValue,
		TBT: report.Audits["total-blocking-time"].NumericValue,
		CLS: report.Audits["cumulative-layout-shift"].NumericValue,
	}, nil
}
