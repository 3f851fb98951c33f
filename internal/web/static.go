// Package web serves the built site: its static files with correct content
// types and its styled 404 page.
package web

import (
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

func init() {
	// Some systems' MIME tables lack or misname these; the site depends on them.
	_ = mime.AddExtensionType(".wasm", "application/wasm")
	_ = mime.AddExtensionType(".js", "text/javascript; charset=utf-8")
	_ = mime.AddExtensionType(".webmanifest", "application/manifest+json")
}

// Static serves the files of a built site. A path that names a folder serves
// its index.html; a path that names nothing serves the site's 404.html with
// status 404.
func Static(site fs.FS) http.Handler {
	return &static{site: site, files: http.FileServerFS(site)}
}

type static struct {
	site  fs.FS
	files http.Handler
}

func (s *static) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "."
	}
	info, err := fs.Stat(s.site, name)
	if err == nil && info.IsDir() {
		_, err = fs.Stat(s.site, path.Join(name, "index.html"))
	}
	if err != nil {
		s.notFound(w, r, err)
		return
	}
	s.files.ServeHTTP(w, r)
}

// notFound writes the site's 404 page, or a plain message when the site has none.
func (s *static) notFound(w http.ResponseWriter, r *http.Request, err error) {
	if !errors.Is(err, fs.ErrNotExist) {
		http.Error(w, "cannot read "+r.URL.Path, http.StatusInternalServerError)
		return
	}
	page, readErr := fs.ReadFile(s.site, "404.html")
	if readErr != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		_, _ = w.Write(page)
	}
}
