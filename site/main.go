// Command site serves the built website (the public/ folder) and its JSON
// API, for local preview and for hosting.
package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
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

	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(*addr, *dir, logger); err != nil {
		logger.Error("site: stopped with an error", "error", err)
		os.Exit(1)
	}
}

// run serves dir on addr until SIGINT or SIGTERM, then lets open requests
// finish for up to ten seconds.
func run(addr, dir string, logger *slog.Logger) error {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return errors.New("cannot serve " + dir + ": not a folder (run `make build` first)")
	}
	handler, err := web.New(os.DirFS(dir), web.Options{Logger: logger})
	if err != nil {
		return err
	}
	server := &http.Server{
		Addr:              addr,
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	shutdownDone := make(chan error, 1)
	go func() {
		<-ctx.Done()
		logger.Info("site: shutting down")
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		shutdownDone <- server.Shutdown(shutdown)
	}()

	logger.Info("site: serving", "dir", dir, "url", "http://"+addr+"/")
	if err := server.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	if err := <-shutdownDone; err != nil {
		return errors.New("shutdown: " + err.Error())
	}
	logger.Info("site: stopped")
	return nil
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
