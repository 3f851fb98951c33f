// Command site serves the built website (the public/ folder) for local
// preview and for hosting.
package main

import (
	"context"
	"errors"
	"flag"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/entbackup/ent-backup-planner/internal/web"
)

func main() {
	addr := flag.String("addr", envOr("SITE_ADDR", "127.0.0.1:8080"), "address to listen on (env SITE_ADDR)")
	dir := flag.String("dir", envOr("SITE_DIR", "public"), "folder of the built site (env SITE_DIR)")
	flag.Parse()

	if _, err := os.Stat(*dir); err != nil {
		log.Fatalf("site: cannot serve %s: %v (run `make build` first)", *dir, err)
	}
	server := &http.Server{
		Addr:              *addr,
		Handler:           web.Static(os.DirFS(*dir)),
		ReadHeaderTimeout: 10 * time.Second,
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		log.Printf("site: shutting down")
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := server.Shutdown(shutdown); err != nil {
			log.Printf("site: shutdown: %v", err)
		}
	}()

	log.Printf("site: serving %s on http://%s/", *dir, *addr)
	if err := server.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatalf("site: %v", err)
	}
	log.Printf("site: stopped")
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
