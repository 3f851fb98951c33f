//go:build js && wasm

// Command worker runs the site's JSON API (POST /api/plan) on Cloudflare
// Workers, with the same handler as the site server. Cloudflare serves the
// built site's files itself (wrangler.jsonc), so requests reach this program
// only for paths under /api/. Build it with `make worker`.
package main

import (
	"log/slog"
	"os"
	"time"

	"github.com/syumai/workers"

	"github.com/entbackup/ent-backup-planner/internal/web"
)

func main() {
	// Workers keeps what a Worker prints as its logs; JSON records are
	// searchable there.
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	workers.Serve(web.AccessLog(logger, web.API(time.Now)))
}
