// Package precompress writes brotli (.br) and gzip (.gz) copies beside the
// compressible files of a built site, so a server can send them without
// compressing on every request (see internal/web).
package precompress

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// MinSize is the smallest file that gets compressed copies, in bytes. Smaller
// responses fit in one TCP segment either way.
const MinSize = 512

// compressible lists the extensions of files worth compressing: text formats
// and WebAssembly. Images such as PNG and fonts such as WOFF2 are already
// compressed.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true,
	".xml": true, ".svg": true, ".txt": true, ".wasm": true,
	".webmanifest": true, ".map": true,
}

// Encoding is one kind of compressed copy.
type Encoding struct {
	Suffix   string
	compress func(w io.Writer, data []byte) error
}

// Encodings are the copies written: brotli at its highest quality and gzip at
// its best compression. Both are slow to write and fast to read, which suits
// files compressed once per build.
var Encodings = []Encoding{
	{Suffix: ".br", compress: func(w io.Writer, data []byte) error {
		bw := brotli.NewWriterLevel(w, brotli.BestCompression)
		if _, err := bw.Write(data); err != nil {
			return err
		}
		return bw.Close()
	}},
	{Suffix: ".gz", compress: func(w io.Writer, data []byte) error {
		gw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
		if err != nil {
			return err
		}
		if _, err := gw.Write(data); err != nil {
			return err
		}
		return gw.Close()
	}},
}

// Stats sums up a run.
type Stats struct {
	Files       int   // files compressed
	Copies      int   // compressed copies written
	CacheHits   int   // copies taken from the cache
	Bytes       int64 // size of the files compressed
	BrotliBytes int64 // size of their brotli copies, or of the file where no copy was smaller
}

func (s *Stats) add(o Stats) {
	s.Files += o.Files
	s.Copies += o.Copies
	s.CacheHits += o.CacheHits
	s.Bytes += o.Bytes
	s.BrotliBytes += o.BrotliBytes
}

// Options configures Dir.
type Options struct {
	// Workers is how many files are compressed at a time (at least 1).
	Workers int
	// CacheDir, if set, keeps each compressed copy under the SHA-256 of its
	// file's content, so a rebuild compresses only the files that changed.
	// Brotli's best quality takes seconds per megabyte.
	CacheDir string
	// Prune removes the cache entries this run did not use.
	Prune bool
}

// Dir writes compressed copies beside every compressible file of at least
// MinSize bytes under root. A copy is kept only when it is smaller than the
// file; an existing copy that is not is removed. Each copy gets its file's
// modification time, so a server can tell a current copy from a stale one.
func Dir(root string, opts Options) (Stats, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && compressible[strings.ToLower(filepath.Ext(path))] {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return Stats{}, err
	}
	if opts.CacheDir != "" {
		if err := os.MkdirAll(opts.CacheDir, 0o755); err != nil {
			return Stats{}, err
		}
	}

	c := &compressor{cacheDir: opts.CacheDir, used: map[string]bool{}}
	var (
		mu    sync.Mutex
		stats Stats
		errs  []error
		wg    sync.WaitGroup
		queue = make(chan string)
	)
	for range max(opts.Workers, 1) {
		wg.Go(func() {
			for path := range queue {
				fileStats, err := c.file(path)
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				}
				stats.add(fileStats)
				mu.Unlock()
			}
		})
	}
	for _, path := range files {
		queue <- path
	}
	close(queue)
	wg.Wait()

	if err := errors.Join(errs...); err != nil {
		return stats, err
	}
	if opts.Prune && opts.CacheDir != "" {
		return stats, c.prune()
	}
	return stats, nil
}

// compressor compresses files, through the cache when it has one.
type compressor struct {
	cacheDir string

	mu   sync.Mutex
	used map[string]bool // cache file names read or written in this run
}

// file writes the compressed copies of one file.
func (c *compressor) file(path string) (Stats, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Stats{}, err
	}
	if info.Size() < MinSize {
		return Stats{}, removeCopies(path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Stats{}, err
	}
	sum := sha256.Sum256(data)
	key := hex.EncodeToString(sum[:])

	stats := Stats{Files: 1, Bytes: int64(len(data)), BrotliBytes: int64(len(data))}
	for _, e := range Encodings {
		compressed, hit, err := c.compress(e, key, data)
		if err != nil {
			return stats, fmt.Errorf("compress %s to %s: %w", path, e.Suffix, err)
		}
		target := path + e.Suffix
		if len(compressed) >= len(data) {
			if err := os.Remove(target); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return stats, err
			}
			continue
		}
		if err := writeFile(target, compressed, info); err != nil {
			return stats, err
		}
		stats.Copies++
		if hit {
			stats.CacheHits++
		}
		if e.Suffix == ".br" {
			stats.BrotliBytes = int64(len(compressed))
		}
	}
	return stats, nil
}

// compress returns data compressed with e, from the cache when it is there.
func (c *compressor) compress(e Encoding, key string, data []byte) (compressed []byte, hit bool, err error) {
	var cached string
	if c.cacheDir != "" {
		name := key + e.Suffix
		cached = filepath.Join(c.cacheDir, name)
		c.mu.Lock()
		c.used[name] = true
		c.mu.Unlock()
		if compressed, err := os.ReadFile(cached); err == nil {
			return compressed, true, nil
		}
	}
	var buf bytes.Buffer
	if err := e.compress(&buf, data); err != nil {
		return nil, false, err
	}
	if cached != "" {
		if err := writeFile(cached, buf.Bytes(), nil); err != nil {
			return nil, false, err
		}
	}
	return buf.Bytes(), false, nil
}

// prune removes the cache files this run did not use.
func (c *compressor) prune() error {
	entries, err := os.ReadDir(c.cacheDir)
	if err != nil {
		return err
	}
	var errs []error
	for _, entry := range entries {
		if !c.used[entry.Name()] {
			errs = append(errs, os.Remove(filepath.Join(c.cacheDir, entry.Name())))
		}
	}
	return errors.Join(errs...)
}

// writeFile writes data to target through a temporary file, so a server never
// reads a half-written copy, and gives it the original's mode and time when
// original is not nil.
func writeFile(target string, data []byte, original fs.FileInfo) error {
	tmp, err := os.CreateTemp(filepath.Dir(target), ".precompress-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if original != nil {
		mode = original.Mode().Perm()
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	if original != nil {
		if err := os.Chtimes(tmp.Name(), original.ModTime(), original.ModTime()); err != nil {
			return err
		}
	}
	return os.Rename(tmp.Name(), target)
}

// removeCopies deletes any compressed copies of path.
func removeCopies(path string) error {
	for _, e := range Encodings {
		if err := os.Remove(path + e.Suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}
