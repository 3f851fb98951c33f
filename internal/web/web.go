// Package web contains the site's HTTP handlers. Static serves the built site's
// files with correct types, precompressed copies and the styled 404 page.
// HeaderRules applies the response headers of the site's _headers file. API
// serves the JSON API (POST /api/plan), and AccessLog logs each request. The
// site server (site/) runs all of them and the Cloudflare Worker (worker/)
// runs the API.
package web

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// Options configures New.
type Options struct {
	// Logger receives one record per request and every error. Nil discards them.
	Logger *slog.Logger
	// Now returns the current time, which the ranges of grad_year and
	// match_year depend on. Nil means time.Now.
	Now func() time.Time
}

// New returns the whole site's handler: the API under /api/ and the static
// files of site everywhere else, with the headers of site's _headers file and
// an access log. A site without _headers is served without those headers,
// with a warning in the log.
func New(site fs.FS, opts Options) (http.Handler, error) {
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}

	rules, err := readHeaderRules(site)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		logger.Warn("the site has no _headers file; serving without its caching and security headers (rebuild with `make build`)")
	case err != nil:
		return nil, err
	}

	mux := http.NewServeMux()
	mux.Handle("/api/", API(now))
	mux.Handle("/", Static(site))
	return AccessLog(logger, rules.Wrap(mux)), nil
}

// readHeaderRules parses the site's _headers file.
func readHeaderRules(site fs.FS) (HeaderRules, error) {
	data, err := fs.ReadFile(site, "_headers")
	if err != nil {
		return nil, err
	}
	rules, err := ParseHeaderRules(strings.NewReader(string(data)))
	if err != nil {
		return nil, fmt.Errorf("site _headers: %w", err)
	}
	return rules, nil
}
