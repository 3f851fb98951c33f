package measure

import (
	"path/filepath"
	"testing"
)

// MaxBrotliRatio is the planner .wasm's largest allowed brotli size as a
// multiple of a minimal dom/v2 program built the same way. It keeps fmt,
// encoding/json, reflect-heavy and template packages out of the browser build.
// With go1.26.8 the planner that renders the whole plan (plan.Build) measured
// 1.26, and importing fmt alone adds about 0.14, so 1.30 still catches it.
const MaxBrotliRatio = 1.30

func TestWasmSizeBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two .wasm files")
	}
	pair, err := BuildPair(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	ratio := pair.BrotliRatio()
	t.Logf("planner %d B brotli, minimal %d B brotli, ratio %.3f", pair.Planner.Brotli, pair.Minimal.Brotli, ratio)
	if ratio > MaxBrotliRatio {
		t.Errorf("planner .wasm is %.3f times the minimal program (brotli %d B vs %d B), budget %.2f: look for new imports with `GOOS=js GOARCH=wasm go list -deps ./wasm`",
			ratio, pair.Planner.Brotli, pair.Minimal.Brotli, MaxBrotliRatio)
	}
}
