// Command bench measures what a reader of the site pays in time and bytes and
// writes the figures to BENCHMARKS.md. Run it from the repository root after
// `make build` (`make bench` does both).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"
)

func main() {
	out := flag.String("out", "BENCHMARKS.md", "file to write the report to")
	public := flag.String("public", "public", "folder of the built site")
	loads := flag.Int("loads", 5, "page loads for the time to the first result")
	runs := flag.Int("runs", 5, "recompute runs, each in a new Chromium")
	events := flag.Int("events", 300, "input events per half of a recompute run")
	lighthouse := flag.Bool("lighthouse", true, "run Lighthouse (installs it with npm into bench/node_modules)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("bench: ")

	r := &report{Started: time.Now().UTC()}
	r.Machine = describeMachine()

	log.Print("plan benchmarks")
	var err error
	if r.Plan, err = planBenchmarks(); err != nil {
		log.Fatal(err)
	}

	log.Print("wasm sizes")
	if r.Wasm, err = wasmSizes(); err != nil {
		log.Fatal(err)
	}

	log.Print("page transfer sizes")
	if r.Pages, err = pageSizes(*public); err != nil {
		log.Fatal(err)
	}

	base, stop, err := serve(*public)
	if err != nil {
		log.Fatal(err)
	}
	defer stop()

	log.Print("browser timings")
	if r.Browser, err = browserTimings(base, *loads, *runs, *events, ""); err != nil {
		log.Fatal(err)
	}
	log.Print("browser timings, V8 compiling on one background thread")
	if r.OneCompileThread, err = browserTimings(base, 0, *runs, *events, oneCompileThread); err != nil {
		log.Fatal(err)
	}

	if *lighthouse {
		log.Print("lighthouse")
		if r.Lighthouse, err = lighthouseScores(base); err != nil {
			log.Fatal(err)
		}
	}

	text := r.markdown()
	fmt.Print(text)
	if err := os.WriteFile(*out, []byte(text), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s", *out)
}

// describeMachine returns the CPU, core count and tool versions of this run.
func describeMachine() map[string]string {
	m := map[string]string{"cores": fmt.Sprint(numCPU())}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(data), "\n") {
			if name, ok := strings.CutPrefix(line, "model name"); ok {
				m["cpu"] = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), ":"))
				break
			}
		}
	}
	m["go"] = commandOutput("go", "version")
	if path := chromiumPath(); path != "" {
		m["chromium"] = commandOutput(path, "--version")
	}
	return m
}
