package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/entbackup/ent-backup-planner/plan"
)

// TestScreenshots saves full-page screenshots of the planner for a person
// to look at: three widths, light and dark, and the empty, filled and
// invalid states, plus the print layout. It runs only when
// PLANNER_SCREENSHOTS names a folder to write the PNG files into:
//
//	PLANNER_SCREENSHOTS=/tmp/shots go test ./e2e -run TestScreenshots
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("PLANNER_SCREENSHOTS")
	if dir == "" {
		t.Skip("set PLANNER_SCREENSHOTS to a folder to save screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	base := serveSite(t)
	b := newBrowser(t)
	matchYear := plan.DefaultMatchYear(time.Now())
	states := map[string]string{
		"empty":  "",
		"filled": "#" + plan.EncodeFragment(plan.Examples[1].ValuesFor(matchYear)),
		"errors": "#v=1&step2=312&failures=two&visa=mars&budget=-5&bogus=1&step2=1",
	}
	for _, width := range []int64{320, 390, 1280} {
		for _, scheme := range []string{"light", "dark"} {
			for state, fragment := range states {
				b.setMedia(t, "", scheme)
				b.do(t, chromedp.EmulateViewport(width, 800))
				b.openPlanner(t, base+"/calculator/"+fragment)
				name := state + "-" + strconv.FormatInt(width, 10) + "-" + scheme + ".png"
				b.screenshot(t, filepath.Join(dir, name))
			}
		}
	}
	b.setMedia(t, "print", "light")
	b.do(t, chromedp.EmulateViewport(800, 1000))
	b.openPlanner(t, base+"/calculator/"+states["filled"])
	b.screenshot(t, filepath.Join(dir, "print-filled.png"))
}

// setMedia emulates a CSS media type ("" for screen) and color scheme.
func (b *browser) setMedia(t *testing.T, media, scheme string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	params := emulation.SetEmulatedMediaParams{
		Media:    media,
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, params); err != nil {
		t.Fatalf("emulate media %q %q: %v", media, scheme, err)
	}
}

// screenshot saves a PNG of the whole page.
func (b *browser) screenshot(t *testing.T, path string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", path, err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
