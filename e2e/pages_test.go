package e2e

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
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
		t.Fatalf("list the built pages in %s: %v", publicDir, err)
	}
	if len(paths) == 0 {
		t.Fatalf("no pages in %s; run `make build` first", publicDir)
	}
	return paths
}

// run runs one action in the tab within a minute, returns its value, and
// fails the test on error.
func run[T any](t *testing.T, b *browser, action chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		t.Fatalf("browser: %v (problems seen: %v)", err, b.Problems())
	}
	return v
}

// colorScheme makes the page's prefers-color-scheme media query match
// scheme ("light" or "dark").
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return chromedp.Void{}, err
	}
}

// TestScreenshots saves a full-page screenshot of every page at a phone and
// a desktop width, in light and dark, into $SCREENSHOT_DIR for a person to
// look at. SCREENSHOT_PAGES, a comma-separated list of URL paths, limits it
// to those pages. It is skipped when SCREENSHOT_DIR is not set.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		t.Skip("SCREENSHOT_DIR is not set")
	}
	base := serveSite(t)
	b := newBrowser(t)
	paths := sitePaths(t)
	if only := os.Getenv("SCREENSHOT_PAGES"); only != "" {
		paths = strings.Split(only, ",")
	}
	for _, p := range paths {
		for _, width := range screenshotWidths() {
			for _, scheme := range []string{"light", "dark"} {
				b.do(t,
					chromedp.EmulateViewport(width, 800),
					colorScheme(scheme),
					chromedp.Navigate(base+p),
				)
				png := run(t, b, chromedp.FullScreenshot(100))
				name := strings.Trim(strings.ReplaceAll(strings.TrimSuffix(p, ".html"), "/", "-"), "-")
				if name == "" {
					name = "home"
				}
				file := filepath.Join(dir, name+"-"+strconv.FormatInt(width, 10)+"-"+scheme+".png")
				if err := os.WriteFile(file, png, 0o644); err != nil {
					t.Fatalf("write screenshot: %v", err)
				}
			}
		}
	}
}

// screenshotWidths returns the viewport widths TestScreenshots uses: 390
// and 1280 px, or the comma-separated list in SCREENSHOT_WIDTHS.
func screenshotWidths() []int64 {
	list := os.Getenv("SCREENSHOT_WIDTHS")
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
