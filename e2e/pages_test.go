package e2e

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// sitePaths returns the URL path of every page in the built site, such as
// "/" and "/guide/assess/", and "/404.html" for the error page.
func sitePaths(t *testing.T) []string {
	t.Helper()
	var paths []string
	err := fs.WalkDir(os.DirFS(publicDir), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) != ".html" {
			return err
		}
		switch {
		case name == "index.html":
			paths = append(paths, "/")
		case path.Base(name) == "index.html":
			paths = append(paths, "/"+path.Dir(name)+"/")
		default:
			paths = append(paths, "/"+name)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("listing the pages in %s failed: %v", publicDir, err)
	}
	if len(paths) == 0 {
		t.Fatalf("no pages in %s; run `make build` first", publicDir)
	}
	return paths
}

// TestGuideScreenshots saves a full-page screenshot of every page at a
// phone and a desktop width, in light and dark, into $GUIDE_SCREENSHOTS for
// a person to look at. GUIDE_SCREENSHOT_PAGES, a comma-separated list of
// URL paths, limits it to those pages. It is skipped when GUIDE_SCREENSHOTS
// is not set.
func TestGuideScreenshots(t *testing.T) {
	dir := os.Getenv("GUIDE_SCREENSHOTS")
	if dir == "" {
		t.Skip("set GUIDE_SCREENSHOTS to a folder to save screenshots of every page")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	base := serveSite(t)
	b := newBrowser(t)
	paths := sitePaths(t)
	if only := os.Getenv("GUIDE_SCREENSHOT_PAGES"); only != "" {
		paths = strings.Split(only, ",")
	}
	for _, p := range paths {
		for _, width := range screenshotWidths() {
			for _, scheme := range []string{"light", "dark"} {
				b.setMedia(t, "", scheme)
				b.do(t, chromedp.EmulateViewport(width, 800), chromedp.Navigate(base+p))
				name := strings.Trim(strings.ReplaceAll(strings.TrimSuffix(p, ".html"), "/", "-"), "-")
				if name == "" {
					name = "home"
				}
				b.screenshot(t, filepath.Join(dir, name+"-"+strconv.FormatInt(width, 10)+"-"+scheme+".png"))
			}
		}
	}
}

// screenshotWidths returns the viewport widths TestGuideScreenshots uses:
// 390 and 1280 px, or the comma-separated list in GUIDE_SCREENSHOT_WIDTHS.
func screenshotWidths() []int64 {
	list := os.Getenv("GUIDE_SCREENSHOT_WIDTHS")
	if list == "" {
		return []int64{390, 1280}
	}
	var widths []int64
	for _, field := range strings.Split(list, ",") {
		if w, err := strconv.ParseInt(strings.TrimSpace(field), 10, 64); err == nil {
			widths = append(widths, w)
		}
	}
	return widths
}
