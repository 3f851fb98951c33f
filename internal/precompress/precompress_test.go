package precompress

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

func writeTestFile(t *testing.T, path, data string, modTime time.Time) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, modTime, modTime); err != nil {
		t.Fatal(err)
	}
}

func decompress(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var r io.Reader
	switch filepath.Ext(path) {
	case ".br":
		r = brotli.NewReader(bytes.NewReader(data))
	case ".gz":
		gr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("gzip %s: %v", path, err)
		}
		r = gr
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decompress %s: %v", path, err)
	}
	return string(out)
}

func TestDirWritesCopies(t *testing.T) {
	root := t.TempDir()
	modTime := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	page := "<!doctype html>" + strings.Repeat("<p>A compressible paragraph.</p>", 100)
	writeTestFile(t, filepath.Join(root, "guide", "index.html"), page, modTime)
	writeTestFile(t, filepath.Join(root, "small.css"), "body{}", modTime)
	writeTestFile(t, filepath.Join(root, "small.css.gz"), "stale copy from an earlier build", modTime)
	writeTestFile(t, filepath.Join(root, "photo.png"), strings.Repeat("x", 4096), modTime)

	stats, err := Dir(root, Options{Workers: 2})
	if err != nil {
		t.Fatalf("Dir: %v", err)
	}
	if stats.Files != 1 || stats.Copies != 2 {
		t.Errorf("stats %+v, want 1 file and 2 copies", stats)
	}

	for _, suffix := range []string{".br", ".gz"} {
		copyPath := filepath.Join(root, "guide", "index.html"+suffix)
		if got := decompress(t, copyPath); got != page {
			t.Errorf("%s does not decompress to the page", copyPath)
		}
		info, err := os.Stat(copyPath)
		if err != nil {
			t.Fatal(err)
		}
		if !info.ModTime().Equal(modTime) {
			t.Errorf("%s modification time %v, want the page's %v", copyPath, info.ModTime(), modTime)
		}
	}
	for _, name := range []string{"small.css.gz", "small.css.br", "photo.png.br", "photo.png.gz"} {
		if _, err := os.Stat(filepath.Join(root, name)); !os.IsNotExist(err) {
			t.Errorf("%s exists (%v), want no copy", name, err)
		}
	}
}

func TestDirSkipsIncompressible(t *testing.T) {
	root := t.TempDir()
	// Random-looking bytes do not get smaller.
	var noise strings.Builder
	x := uint32(2463534242)
	for range 4096 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		noise.WriteByte(byte(x))
	}
	writeTestFile(t, filepath.Join(root, "noise.js"), noise.String(), time.Now())
	stats, err := Dir(root, Options{})
	if err != nil {
		t.Fatalf("Dir: %v", err)
	}
	if stats.Copies != 0 {
		t.Errorf("wrote %d copies of incompressible data, want 0", stats.Copies)
	}
}

func TestDirCache(t *testing.T) {
	root := t.TempDir()
	cache := filepath.Join(t.TempDir(), "cache")
	page := strings.Repeat("<p>Cached paragraph.</p>", 100)
	writeTestFile(t, filepath.Join(root, "index.html"), page, time.Now())
	writeTestFile(t, filepath.Join(cache, "unused.br"), "left by an earlier build", time.Now())

	first, err := Dir(root, Options{CacheDir: cache, Prune: true})
	if err != nil {
		t.Fatalf("first Dir: %v", err)
	}
	if first.CacheHits != 0 {
		t.Errorf("first run: %d cache hits, want 0", first.CacheHits)
	}
	if _, err := os.Stat(filepath.Join(cache, "unused.br")); !os.IsNotExist(err) {
		t.Errorf("the unused cache entry was not pruned (%v)", err)
	}

	// A rebuild writes the page again with a new time.
	later := time.Now().Add(time.Minute)
	writeTestFile(t, filepath.Join(root, "index.html"), page, later)
	second, err := Dir(root, Options{CacheDir: cache, Prune: true})
	if err != nil {
		t.Fatalf("second Dir: %v", err)
	}
	if second.CacheHits != 2 {
		t.Errorf("second run: %d cache hits, want 2", second.CacheHits)
	}
	info, err := os.Stat(filepath.Join(root, "index.html.br"))
	if err != nil {
		t.Fatal(err)
	}
	if !info.ModTime().Equal(later) {
		t.Errorf("copy time %v, want the rebuilt page's %v", info.ModTime(), later)
	}
	if got := decompress(t, filepath.Join(root, "index.html.br")); got != page {
		t.Error("the cached brotli copy does not decompress to the page")
	}
}
