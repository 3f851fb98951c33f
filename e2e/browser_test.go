package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/entbackup/ent-backup-planner/internal/web"
)

// publicDir is the built site the tests serve.
var publicDir = filepath.Join("..", "public")

// browserPath returns the Chromium to use: $CHROME_PATH, or the first of the
// usual names on PATH.
func browserPath() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// requireBrowser skips the test when no Chromium is installed, unless
// REQUIRE_BROWSER=1 makes that a failure. It returns the browser's path.
func requireBrowser(t *testing.T) string {
	t.Helper()
	path := browserPath()
	if path != "" {
		return path
	}
	if os.Getenv("REQUIRE_BROWSER") == "1" {
		t.Fatal("no Chromium found (set CHROME_PATH or install the chromium package); REQUIRE_BROWSER=1 makes this a failure")
	}
	fmt.Fprintln(os.Stderr, "NOTICE: browser tests skipped: no Chromium found (install the chromium package, or set CHROME_PATH)")
	t.Skip("no Chromium found")
	return ""
}

// serve starts h on a loopback port and returns its base URL.
func serve(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen on loopback: %v", err)
	}
	server := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = server.Serve(ln) }()
	t.Cleanup(func() { _ = server.Close() })
	return "http://" + ln.Addr().String()
}

// serveSite serves the built site at the root of a loopback server.
func serveSite(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(publicDir, "calculator", "index.html")); err != nil {
		t.Fatalf("the built site is missing (%v); run `make build` before the browser tests", err)
	}
	return serve(t, web.Static(os.DirFS(publicDir)))
}

// browser is one headless Chromium tab with the page's console errors,
// warnings, uncaught exceptions and log errors collected.
type browser struct {
	ctx context.Context

	mu       sync.Mutex
	problems []string
}

// newBrowser starts a headless Chromium for the test, closed when it ends.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	path := requireBrowser(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
	})

	// Start the browser with a context that has no timeout: the browser lives
	// as long as the context of the first call.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	b := &browser{ctx: ctx}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			switch m.Type {
			case chromedp.ConsoleType("error"), chromedp.ConsoleType("warning"), chromedp.ConsoleException:
				b.record(string(m.Type) + ": " + m.Text + " " + m.URL)
			}
		}
	}()
	return b
}

func (b *browser) record(problem string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, problem)
}

// Problems returns the console errors, warnings and exceptions seen so far.
func (b *browser) Problems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.problems...)
}

// do runs actions in the tab within a minute and fails the test on error.
func (b *browser) do(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("browser: %v (problems seen: %v)", err, b.Problems())
	}
}

// eval evaluates a JavaScript expression in the page and decodes its value.
func eval[T any](t *testing.T, b *browser, expression string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expression))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expression, err)
	}
	return v
}

// openPlanner navigates to the planner and waits until the program has rendered.
func (b *browser) openPlanner(t *testing.T, url string) {
	t.Helper()
	b.do(t,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`html.planner-ready`)),
	)
}

// clear empties a form field the way a user would, firing an input event.
func (b *browser) clear(t *testing.T, selector string) {
	t.Helper()
	eval[bool](t, b, `(function(){var e=document.querySelector(`+jsString(selector)+`);e.value="";e.dispatchEvent(new Event("input",{bubbles:true}));return true;})()`)
}

// text returns the text content of the first element matching the CSS selector.
func (b *browser) text(t *testing.T, selector string) string {
	t.Helper()
	return strings.TrimSpace(eval[string](t, b, `(function(){var e=document.querySelector(`+jsString(selector)+`);return e?e.textContent:"";})()`))
}

// waitText waits until the element's text contains want, and fails with the
// last text seen when it does not within ten seconds.
func (b *browser) waitText(t *testing.T, selector, want string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](
		`(function(){var e=document.querySelector(`+jsString(selector)+`);return !!e && e.textContent.indexOf(`+jsString(want)+`)>=0;})()`,
		chromedp.WithPollingTimeout(10*time.Second),
	))
	if err != nil {
		t.Fatalf("%s never contained %q: %v (last text %q; problems %v)", selector, want, err, b.text(t, selector), b.Problems())
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(s) + "'"
}
