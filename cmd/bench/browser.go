package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/entbackup/ent-backup-planner/internal/web"
	"github.com/entbackup/ent-backup-planner/plan"
)

// serve serves the built site on a loopback port with the site server's
// handler until stop is called.
func serve(public string) (base string, stop func(), err error) {
	if _, err := os.Stat(public); err != nil {
		return "", nil, fmt.Errorf("%v (run `make build` first)", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	// The same handler as the site server: precompressed files and the
	// _headers caching rules, as a real host would serve them.
	handler, err := web.New(os.DirFS(public), web.Options{})
	if err != nil {
		return "", nil, err
	}
	server := &http.Server{Handler: handler, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = server.Serve(ln) }()
	return "http://" + ln.Addr().String(), func() { _ = server.Close() }, nil
}

// chromiumPath returns $CHROME_PATH or the first Chromium on PATH.
func chromiumPath() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// chromiumFlags are the flags every headless run here uses: no sandbox (root
// in a container), and no background traffic to other hosts.
var chromiumFlags = []string{
	"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
	"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
}

// browserResult holds the in-page timings, in milliseconds.
type browserResult struct {
	Loads           int
	FirstResult     []float64 // navigation start to the first tier shown, one per load
	Events          int
	RecomputeMedian float64
	RecomputeP95    float64
	RecomputeMax    float64
}

// firstResultScript records when the tier first appears, relative to the
// start of navigation.
const firstResultScript = `new MutationObserver(function (_, observer) {
  var e = document.querySelector('[data-result="tier"]');
  if (e && /^Tier /.test(e.textContent) && window.__firstResult === undefined) {
    window.__firstResult = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, childList: true, characterData: true});`

// recomputeScript changes Step 2 CK and fires an input event n times, timing
// each dispatch (the Go handler runs inside it) plus the layout it causes.
const recomputeScript = `(function (n) {
  var field = document.getElementById("f-step2");
  var times = [];
  for (var i = 0; i < n; i++) {
    field.value = String(200 + (i * 37) %% 100);
    var start = performance.now();
    field.dispatchEvent(new Event("input", {bubbles: true}));
    void document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
})(%d)`

// browserTimings loads the planner with a cold cache several times and then
// times recomputes in the page.
func browserTimings(base string, events int) (browserResult, error) {
	path := chromiumPath()
	if path == "" {
		return browserResult{}, errors.New("no Chromium found (install the chromium package or set CHROME_PATH)")
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Headless, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.WindowSize(412, 915),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true)}
	dir, err := os.MkdirTemp("", "bench-chromium-")
	if err != nil {
		return browserResult{}, err
	}
	defer os.RemoveAll(dir)
	opts = append(opts, chromedp.UserDataDir(dir))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		return browserResult{}, fmt.Errorf("start Chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		return browserResult{}, err
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: firstResultScript}); err != nil {
		return browserResult{}, err
	}

	res := browserResult{Loads: 5, Events: events}
	url := base + "/calculator/#" + plan.EncodeFragment(plan.Examples[1].ValuesFor(plan.DefaultMatchYear(time.Now())))
	for range res.Loads {
		runCtx, cancelRun := context.WithTimeout(ctx, time.Minute)
		err := chromedp.Do(runCtx, chromedp.Navigate("about:blank"), chromedp.Navigate(url))
		var first float64
		if err == nil {
			first, err = waitNumber(runCtx, `window.__firstResult`)
		}
		cancelRun()
		if err != nil {
			return browserResult{}, fmt.Errorf("first result: %v", err)
		}
		res.FirstResult = append(res.FirstResult, first)
	}

	runCtx, cancelRun := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelRun()
	times, err := chromedp.Run(runCtx, chromedp.Evaluate[[]float64](fmt.Sprintf(recomputeScript, events)))
	if err != nil {
		return browserResult{}, fmt.Errorf("recompute timing: %v", err)
	}
	slices.Sort(times)
	res.RecomputeMedian = percentile(times, 0.50)
	res.RecomputeP95 = percentile(times, 0.95)
	res.RecomputeMax = times[len(times)-1]
	return res, nil
}

// waitNumber evaluates expression until it gives a number. Errors while the
// new document's context is being set up are retried until ctx ends.
func waitNumber(ctx context.Context, expression string) (float64, error) {
	for {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[*float64](expression))
		if err == nil && v != nil {
			return *v, nil
		}
		select {
		case <-ctx.Done():
			return 0, fmt.Errorf("%s: %v (last error %v)", expression, ctx.Err(), err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// percentile returns the p-th percentile of sorted values (nearest rank).
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p*float64(len(sorted))+0.5) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}
