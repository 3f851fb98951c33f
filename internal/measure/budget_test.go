package measure

import (
	"path/filepath"
	"testing"
)

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
