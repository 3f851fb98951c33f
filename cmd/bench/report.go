package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/entbackup/ent-backup-planner/internal/measure"
)

// report is everything one bench run measured.
type report struct {
	Started time.Time
	Machine map[string]string
	Plan    []planBenchmark
	Wasm    measure.WasmPair
	Pages   []pageSize
	Browser browserResult
	// OneCompileThread repeats the recompute runs with V8 limited to one
	// background compile thread.
	OneCompileThread browserResult
	Lighthouse       []lighthouseResult
}

// oneCompileThread is the V8 flag of the second browser run.
const oneCompileThread = "--wasm-num-compilation-tasks=1"

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }

// markdown renders the report as BENCHMARKS.md.
func (r *report) markdown() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	w("# Benchmarks\n\n")
	w("Measured by `make bench` on %s UTC. Reproduce with `make bench` on a machine with Go, Chromium and npm; ", r.Started.Format("2006-01-02 15:04"))
	w("it builds the site, runs the plan benchmarks, builds the .wasm files, loads the pages in headless Chromium on loopback and runs Lighthouse. ")
	w("Times depend on the machine; ratios measured in the same run are the figures to compare.\n\n")
	w("Machine: %s, %s cores; %s; %s.\n\n", r.Machine["cpu"], r.Machine["cores"], r.Machine["go"], r.Machine["chromium"])

	w("## Plan (Go, native)\n\n| benchmark | ns/op | B/op | allocs/op |\n|---|---:|---:|---:|\n")
	for _, p := range r.Plan {
		w("| %s | %.0f | %d | %d |\n", p.Name, p.NsPerOp, p.BytesPerOp, p.AllocsPerOp)
	}

	w("\n## WebAssembly size\n\nBoth built in this run with `GOOS=js GOARCH=wasm go build %s`.\n\n", strings.Join(measure.ReleaseFlags, " "))
	w("| program | raw | gzip -9 | brotli 11 |\n|---|---:|---:|---:|\n")
	w("| planner (`./wasm`) | %s | %s | %s |\n", kb(r.Wasm.Planner.Raw), kb(r.Wasm.Planner.Gzip), kb(r.Wasm.Planner.Brotli))
	w("| minimal dom/v2 program (`./bench/minimal`) | %s | %s | %s |\n", kb(r.Wasm.Minimal.Raw), kb(r.Wasm.Minimal.Gzip), kb(r.Wasm.Minimal.Brotli))
	w("| ratio | %.3f | %.3f | %.3f |\n", float64(r.Wasm.Planner.Raw)/float64(r.Wasm.Minimal.Raw),
		float64(r.Wasm.Planner.Gzip)/float64(r.Wasm.Minimal.Gzip), r.Wasm.BrotliRatio())
	w("\nBudget (a test): brotli ratio at most %.2f (target 1.15). ", measure.MaxBrotliRatio)
	w("Both programs carry the Go runtime, syscall/js and dom/v2; the difference is the planner's own code and text: its rules, its advice and the page logic.\n")

	w("\n## Transfer size per page type\n\nThe HTML plus every file it links (CSS, scripts, the .wasm, icons), each compressed on its own.\n\n")
	w("| page | files | raw | gzip | brotli |\n|---|---:|---:|---:|---:|\n")
	for _, p := range r.Pages {
		w("| %s | %d | %s | %s | %s |\n", p.Name, p.Files, kb(p.Raw), kb(p.Gzip), kb(p.Brotli))
	}

	if len(r.Browser.FirstResult) > 0 {
		first := slices.Clone(r.Browser.FirstResult)
		slices.Sort(first)
		w("\n## In the browser (headless Chromium, loopback, no throttling)\n\n")
		w("Every page load below is a first visit: a new Chromium with an empty profile.\n\n")
		w("| measure | value |\n|---|---:|\n")
		w("| navigation to first tier shown, median of %d loads | %.0f ms |\n", len(first), percentile(first, 0.5))
		w("\nA recompute is timed in the page: the input event's dispatch (the Go handler runs inside it) plus the layout it causes. ")
		w("One second after the planner is ready, the page sets Step 2 CK to a new score and fires an input event, %d times in a row, then %d times more. ", r.Browser.Events, r.Browser.Events)
		w("Each row is the median of %d such runs by their 95th percentile.\n\n", r.Browser.Runs)
		w("| input events | median | 95th percentile | max | 95th percentile, lowest to highest run |\n|---|---:|---:|---:|---:|\n")
		row := func(name string, s recomputeStats, p95 [2]float64) {
			w("| %s | %.2f ms | %.2f ms | %.2f ms | %.2f to %.2f ms |\n", name, s.Median, s.P95, s.Max, p95[0], p95[1])
		}
		row(fmt.Sprintf("first %d after load", r.Browser.Events), r.Browser.First, r.Browser.FirstP95Range)
		row(fmt.Sprintf("next %d", r.Browser.Events), r.Browser.Next, r.Browser.NextP95Range)
		row(fmt.Sprintf("first %d in a Chromium whose V8 compiles on one background thread (`--js-flags=%s`)", r.Browser.Events, oneCompileThread), r.OneCompileThread.First, r.OneCompileThread.FirstP95Range)
		w("\nThe first inputs run while V8 compiles the planner's hot functions again with its optimizing compiler, on background threads. ")
		w("On a machine with few cores those threads compete with the page's own thread, and the inputs that wait for them make up most of the 95th percentile, so it varies from run to run. ")
		w("The last row limits V8 to one such thread for comparison. The maximum is usually the first Go garbage collection.\n")
	}

	if len(r.Lighthouse) > 0 {
		w("\n## Lighthouse 12.2.3 (default mobile settings: simulated slow 4G and 4x CPU slowdown)\n\nEach page ran %d times; the table shows the run with the median performance score.\n\n", lighthouseRuns)
		w("| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | performance of each run |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, l := range r.Lighthouse {
			runs := make([]string, len(l.AllPerformance))
			for i, p := range l.AllPerformance {
				runs[i] = fmt.Sprint(p)
			}
			w("| %s | %d | %d | %d | %d | %.0f ms | %.0f ms | %.3f | %s |\n", l.Page, l.Performance, l.Accessibility, l.BestPractices, l.SEO, l.LCP, l.TBT, l.CLS, strings.Join(runs, ", "))
		}
		w("\nOn the planner, Lighthouse's simulated LCP is about 0.9 s in some runs and about 4 s in others. ")
		w("In the slow runs inspected, the page's largest text was painted just after the preloaded .wasm had arrived in the unthrottled load Lighthouse observes, so its simulation counted the .wasm download on slow 4G as needed for that paint. ")
		w("On a real connection that text is painted long before the .wasm arrives.\n")
	}
	return b.String()
}
