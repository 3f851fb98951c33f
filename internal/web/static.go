package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
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
// status 404. When the client accepts brotli or gzip and the build wrote a
// precompressed copy beside a file (index.html.br, index.html.gz, see
// cmd/precompress), that copy is sent with Content-Encoding. A copy is used
// only while its modification time equals the original's, so a stale copy
// left by an earlier build is never served. Files and folders whose names
// start with "." or "_" (such as _headers) are not served.
func Static(site fs.FS) http.Handler {
	return &static{site: site}
}

type static struct {
	site fs.FS
}

func (s *static) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	urlPath := r.URL.Path
	if !strings.HasPrefix(urlPath, "/") {
		urlPath = "/" + urlPath
	}
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" {
		name = "."
	}
	if hidden(name) {
		s.notFound(w, r, fs.ErrNotExist)
		return
	}

	info, err := fs.Stat(s.site, name)
	if err != nil {
		s.notFound(w, r, err)
		return
	}
	if info.IsDir() {
		if !strings.HasSuffix(urlPath, "/") {
			localRedirect(w, r, path.Base(urlPath)+"/")
			return
		}
		name = path.Join(name, "index.html")
		if info, err = fs.Stat(s.site, name); err != nil || info.IsDir() {
			s.notFound(w, r, fs.ErrNotExist)
			return
		}
	} else if strings.HasSuffix(urlPath, "/") {
		localRedirect(w, r, "../"+path.Base(urlPath))
		return
	} else if strings.HasSuffix(urlPath, "/index.html") {
		localRedirect(w, r, "./")
		return
	}
	s.serveFile(w, r, name, info, http.StatusOK)
}

// hidden reports whether a path has a segment that starts with "." or "_".
func hidden(name string) bool {
	for segment := range strings.SplitSeq(name, "/") {
		if segment != "." && (strings.HasPrefix(segment, ".") || strings.HasPrefix(segment, "_")) {
			return true
		}
	}
	return false
}

// localRedirect redirects to a path relative to the request's, keeping the
// query, so that it also works behind a proxy that strips a path prefix.
func localRedirect(w http.ResponseWriter, r *http.Request, target string) {
	if q := r.URL.RawQuery; q != "" {
		target += "?" + q
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusMovedPermanently)
}

// serveFile writes the file, or its best precompressed copy, with status 200
// (through http.ServeContent, so conditional and range requests work) or with
// the given error status.
func (s *static) serveFile(w http.ResponseWriter, r *http.Request, name string, info fs.FileInfo, status int) {
	file, coding, vary, err := s.open(name, info, r.Header.Get("Accept-Encoding"))
	if err != nil {
		serverError(w, r, fmt.Errorf("open %s: %w", name, err))
		return
	}
	defer file.Close()

	header := w.Header()
	if vary {
		header.Add("Vary", "Accept-Encoding")
	}
	if coding != "" {
		header.Set("Content-Encoding", coding)
	}
	if header.Get("Content-Type") == "" {
		contentType := mime.TypeByExtension(path.Ext(name))
		if contentType == "" && coding != "" {
			// Sniffing would read the compressed bytes.
			contentType = "application/octet-stream"
		}
		if contentType != "" {
			header.Set("Content-Type", contentType)
		}
	}

	content, err := readSeeker(file)
	if err != nil {
		serverError(w, r, fmt.Errorf("read %s: %w", name, err))
		return
	}
	if status == http.StatusOK {
		http.ServeContent(w, r, name, info.ModTime(), content)
		return
	}
	size, err := content.Seek(0, io.SeekEnd)
	if err == nil {
		_, err = content.Seek(0, io.SeekStart)
	}
	if err != nil {
		serverError(w, r, fmt.Errorf("read %s: %w", name, err))
		return
	}
	header.Set("Content-Length", strconv.FormatInt(size, 10))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = io.Copy(w, content)
	}
}

// open opens the best precompressed copy of name that the client accepts, or
// name itself. vary reports whether any usable copy exists, so the response
// depends on Accept-Encoding.
func (s *static) open(name string, info fs.FileInfo, acceptEncoding string) (file fs.File, coding string, vary bool, err error) {
	usable := map[string]bool{}
	for _, e := range encodings {
		copyInfo, err := fs.Stat(s.site, name+e.suffix)
		if err == nil && copyInfo.Mode().IsRegular() && copyInfo.ModTime().Equal(info.ModTime()) {
			usable[e.name] = true
		}
	}
	for _, e := range preferredEncodings(acceptEncoding) {
		if !usable[e.name] {
			continue
		}
		if file, err := s.site.Open(name + e.suffix); err == nil {
			return file, e.name, true, nil
		}
	}
	file, err = s.site.Open(name)
	return file, "", len(usable) > 0, err
}

// readSeeker returns the file as an io.ReadSeeker, reading it into memory
// only when the file system's files cannot seek.
func readSeeker(file fs.File) (io.ReadSeeker, error) {
	if rs, ok := file.(io.ReadSeeker); ok {
		return rs, nil
	}
	data, err := io.ReadAll(file)
	if err != nil {
		return nil, err
	}
	return bytes.NewReader(data), nil
}

// notFound writes the site's 404 page, or a plain message when the site has
// none. Errors other than a missing file are server errors.
func (s *static) notFound(w http.ResponseWriter, r *http.Request, err error) {
	if !errors.Is(err, fs.ErrNotExist) {
		serverError(w, r, fmt.Errorf("stat %s: %w", r.URL.Path, err))
		return
	}
	// A missing file may appear with the next deploy, so its absence is not
	// cached, whatever Cache-Control the path's rules set.
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Del("Content-Type")
	info, statErr := fs.Stat(s.site, "404.html")
	if statErr != nil || !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	s.serveFile(w, r, "404.html", info, http.StatusNotFound)
}

// serverError logs err with the request and writes a plain 500 response that
// does not reveal it.
func serverError(w http.ResponseWriter, r *http.Request, err error) {
	noteError(r, err)
	w.Header().Del("Content-Encoding")
	w.Header().Del("Cache-Control")
	http.Error(w, "internal server error", http.StatusInternalServerError)
}
