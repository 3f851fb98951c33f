package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"time"

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
	FirstResult []float64 // navigation start to the first tier shown, one per load
	Events      int
	Runs        int // recompute runs, each in a new Chromium
	// First is the recompute timing of the first Events input events after
	// the load, Next that of the Events after them, each from the run with
	// the median 95th percentile of its first events.
	First, Next recomputeStats
	// FirstP95Range and NextP95Range are the lowest and highest 95th
	// percentiles over the runs.
	FirstP95Range, NextP95Range [2]float64
}

// recomputeStats sums up the timings of a run of input events.
type recomputeStats struct{ Median, P95, Max float64 }

// stats returns the median, 95th percentile and maximum of times.
func stats(times []float64) recomputeStats {
	sorted := slices.Clone(times)
	slices.Sort(sorted)
	return recomputeStats{percentile(sorted, 0.50), percentile(sorted, 0.95), sorted[len(sorted)-1]}
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

// browserTimings opens the planner loads times, each in a new Chromium,
// for the time to the first result, and runs times more to time 2*events
// recomputes. It keeps the recompute run with the median 95th percentile
// of its first events.
func browserTimings(base string, loads, runs, events int, jsFlags string) (browserResult, error) {
	res := browserResult{Events: events, Runs: runs}
	for range loads {
		first, err := firstResultTime(base)
		if err != nil {
			return browserResult{}, err
		}
		res.FirstResult = append(res.FirstResult, first)
	}
	type run struct{ first, next recomputeStats }
	var done []run
	for range runs {
		first, next, err := recomputeTimes(base, events, jsFlags)
		if err != nil {
			return browserResult{}, err
		}
		done = append(done, run{first, next})
	}
	slices.SortFunc(done, func(a, b run) int { return cmp.Compare(a.next.P95, b.next.P95) })
	res.NextP95Range = [2]float64{done[0].next.P95, done[len(done)-1].next.P95}
	slices.SortFunc(done, func(a, b run) int { return cmp.Compare(a.first.P95, b.first.P95) })
	res.FirstP95Range = [2]float64{done[0].first.P95, done[len(done)-1].first.P95}
	res.First, res.Next = done[len(done)/2].first, done[len(done)/2].next
	return res, nil
}

// plannerURL returns the address of the planner filled with the second
// example profile.
func plannerURL(base string) string {
	return base + "/calculator/#" + plan.EncodeFragment(plan.Examples[1].ValuesFor(plan.DefaultMatchYear(time.Now())))
}

// startChromium starts a headless Chromium with a new, empty profile, so
// every run is a first visit: nothing is cached and no earlier page has
// compiled the .wasm in the same process. jsFlags, if not empty, are passed
// to V8. stop ends the browser and deletes the profile.
func startChromium(jsFlags string) (ctx context.Context, stop func(), err error) {
	path := chromiumPath()
	if path == "" {
		return nil, nil, errors.New("no Chromium found (install the chromium package or set CHROME_PATH)")
	}
	dir, err := os.MkdirTemp("", "bench-chromium-")
	if err != nil {
		return nil, nil, err
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Headless, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.WindowSize(412, 915),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.UserDataDir(dir)}
	if jsFlags != "" {
		opts = append(opts, chromedp.Flag("js-flags", jsFlags))
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	stop = func() {
		cancel()
		cancelAlloc()
		os.RemoveAll(dir)
	}
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, nil, fmt.Errorf("start Chromium: %v", err)
	}
	return ctx, stop, nil
}

// firstResultTime opens the planner in a new Chromium and returns the time
// from the start of navigation to the first tier shown.
func firstResultTime(base string) (float64, error) {
	ctx, stop, err := startChromium("")
	if err != nil {
		return 0, err
	}
	defer stop()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: firstResultScript}); err != nil {
		return 0, err
	}
	runCtx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(runCtx, chromedp.Navigate(plannerURL(base))); err != nil {
		return 0, fmt.Errorf("first result: %v", err)
	}
	first, err := waitNumber(runCtx, `window.__firstResult`)
	if err != nil {
		return 0, fmt.Errorf("first result: %v", err)
	}
	return first, nil
}

// recomputeTimes opens the planner in a new Chromium and, one second after
// it is ready, times 2*events recomputes in the page. It returns the
// timings of the first events and of the rest.
func recomputeTimes(base string, events int, jsFlags string) (first, next recomputeStats, err error) {
	ctx, stop, err := startChromium(jsFlags)
	if err != nil {
		return first, next, err
	}
	defer stop()
	runCtx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	// A reader reads the first result before changing a field.
	if err := chromedp.Do(runCtx, chromedp.Navigate(plannerURL(base)), chromedp.WaitVisible(chromedp.CSS(`html.planner-ready`)), chromedp.Sleep(time.Second)); err != nil {
		return first, next, fmt.Errorf("open the planner: %v", err)
	}
	times, err := chromedp.Run(runCtx, chromedp.Evaluate[[]float64](fmt.Sprintf(recomputeScript, 2*events)))
	if err != nil {
		return first, next, fmt.Errorf("recompute timing: %v", err)
	}
	if len(times) != 2*events {
		return first, next, fmt.Errorf("recompute timing: the page returned %d times, expected %d", len(times), 2*events)
	}
	return stats(times[:events]), stats(times[events:]), nil
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
