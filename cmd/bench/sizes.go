package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"

	"github.com/entbackup/ent-backup-planner/internal/measure"
)

// planBenchmark is one line of `go test -bench` output.
type planBenchmark struct {
	Name        string
	NsPerOp     float64
	BytesPerOp  int
	AllocsPerOp int
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+)\s+\d+\s+([\d.]+) ns/op\s+(\d+) B/op\s+(\d+) allocs/op`)

// planBenchmarks runs the plan package's benchmarks and parses their results.
func planBenchmarks() ([]planBenchmark, error) {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", ".", "-benchmem", "-count", "1", "./plan")
	output, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("go test -bench ./plan: %v\n%s", err, output)
	}
	var results []planBenchmark
	scanner := bufio.NewScanner(bytes.NewReader(output))
	for scanner.Scan() {
		m := benchLine.FindStringSubmatch(scanner.Text())
		if m == nil {
			continue
		}
		ns, _ := strconv.ParseFloat(m[2], 64)
		b, _ := strconv.Atoi(m[3])
		allocs, _ := strconv.Atoi(m[4])
		results = append(results, planBenchmark{Name: m[1], NsPerOp: ns, BytesPerOp: b, AllocsPerOp: allocs})
	}
	if len(results) == 0 {
		return nil, fmt.Errorf("go test -bench ./plan printed no benchmark results:\n%s", output)
	}
	return results, nil
}

// wasmSizes builds the planner and the minimal dom/v2 program in this run.
func wasmSizes() (measure.WasmPair, error) {
	return measure.BuildPair(".")
}

// pageSize is what one page costs to load: the HTML and every file it links
// that the browser fetches (stylesheets, scripts, the .wasm, icons).
type pageSize struct {
	Name, Path string
	Files      int
	measure.Sizes
}

// pages are the page types measured: home, a guide chapter and the planner.
var pages = []struct{ name, path string }{
	{"home", "index.html"},
	{"chapter (assess)", "guide/assess/index.html"},
	{"planner", "calculator/index.html"},
}

var linkedFile = regexp.MustCompile(`(?:href|src|data-wasm)="?(/[^"\s>]+\.(?:css|js|wasm|svg|png|ico))`)

// pageSizes sums each page's HTML and linked files, raw and compressed.
func pageSizes(public string) ([]pageSize, error) {
	var sizes []pageSize
	for _, p := range pages {
		html, err := os.ReadFile(filepath.Join(public, p.path))
		if err != nil {
			return nil, fmt.Errorf("%s: %v (run `make build` first)", p.name, err)
		}
		total := measure.Compress(html)
		files := 1
		seen := map[string]bool{}
		for _, m := range linkedFile.FindAllStringSubmatch(string(html), -1) {
			link := m[1]
			if seen[link] {
				continue
			}
			seen[link] = true
			s, err := measure.CompressFile(filepath.Join(public, filepath.FromSlash(strings.TrimPrefix(link, "/"))))
			if err != nil {
				return nil, fmt.Errorf("%s links %s: %v", p.name, link, err)
			}
			total.Raw += s.Raw
			total.Gzip += s.Gzip
			total.Brotli += s.Brotli
			files++
		}
		sizes = append(sizes, pageSize{Name: p.name, Path: p.path, Files: files, Sizes: total})
	}
	return sizes, nil
}

func numCPU() int { return runtime.NumCPU() }

// commandOutput returns the first line a command prints, or "unknown".
func commandOutput(name string, args ...string) string {
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		return "unknown"
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return line
}
