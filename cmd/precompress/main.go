// Command precompress writes brotli (.br) and gzip (.gz) copies beside the
// compressible files of the built site, for servers that send them as they
// are (internal/web). `make build` runs it on public/.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/entbackup/ent-backup-planner/internal/precompress"
)

func main() {
	dir := flag.String("dir", "public", "folder of the built site")
	cache := flag.String("cache", "resources/precompress", "folder that keeps compressed copies by content hash between builds; empty for none")
	flag.Parse()

	start := time.Now()
	stats, err := precompress.Dir(*dir, precompress.Options{
		Workers:  runtime.GOMAXPROCS(0),
		CacheDir: *cache,
		Prune:    true,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "precompress: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("precompress: %s: %d files, %d KiB, %d KiB as brotli; %d copies written (%d from the cache) in %s\n",
		*dir, stats.Files, stats.Bytes>>10, stats.BrotliBytes>>10, stats.Copies, stats.CacheHits, time.Since(start).Round(time.Millisecond))
}
