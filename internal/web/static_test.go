package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var (
	builtAt = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	// An earlier build's time, for stale compressed copies.
	earlierBuild = builtAt.Add(-time.Hour)
)

// testSite is a small built site. Its compressed copies hold marker text, not
// real compressed data: the handler sends them as they are.
func testSite() fstest.MapFS {
	file := func(data string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(data), ModTime: builtAt}
	}
	return fstest.MapFS{
		"index.html":                file("<!doctype html><title>Home</title>"),
		"index.html.br":             file("BROTLI index"),
		"index.html.gz":             file("GZIP index"),
		"404.html":                  file("<!doctype html><title>Not found</title><link rel=stylesheet href=/css/main.css>"),
		"404.html.gz":               file("GZIP 404"),
		"calculator/index.html":     file("<!doctype html><title>Planner</title>"),
		"css/main.css":              file("body{color:#111}"),
		"js/loader.js":              file("(function(){})()"),
		"wasm/planner.wasm":         file("\x00asm\x01\x00\x00\x00"),
		"wasm/planner.wasm.br":      file("BROTLI wasm"),
		"wasm/planner.wasm.gz":      {Data: []byte("STALE GZIP wasm"), ModTime: earlierBuild},
		"favicon.svg":               file("<svg xmlns='http://www.w3.org/2000/svg'/>"),
		"sitemap.xml":               file("<?xml version='1.0'?><urlset/>"),
		"robots.txt":                file("User-agent: *\n"),
		"_headers":                  file("/*\n  X-Content-Type-Options: nosniff\n"),
		".assetsignore":             file("*.br\n"),
		"guide/assess/index.html":   file("<!doctype html><title>Assess</title>"),
		"guide/_drafts/index.html":  file("<!doctype html><title>Draft</title>"),
		"empty-folder/.placeholder": file(""),
	}
}

// get sends a request to the static handler and returns the response.
func get(t *testing.T, h http.Handler, method, target string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return string(data)
}

func TestStaticContentTypes(t *testing.T) {
	h := Static(testSite())
	tests := []struct {
		path, want string
	}{
		{"/", "text/html; charset=utf-8"},
		{"/calculator/", "text/html; charset=utf-8"},
		{"/css/main.css", "text/css; charset=utf-8"},
		{"/js/loader.js", "text/javascript; charset=utf-8"},
		{"/wasm/planner.wasm", "application/wasm"},
		{"/favicon.svg", "image/svg+xml"},
		{"/sitemap.xml", "text/xml; charset=utf-8"},
		{"/robots.txt", "text/plain; charset=utf-8"},
	}
	for _, tt := range tests {
		resp := get(t, h, http.MethodGet, tt.path, nil)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d, want 200", tt.path, resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Type"); got != tt.want {
			t.Errorf("%s: Content-Type %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestStaticNotFoundPage(t *testing.T) {
	h := Static(testSite())
	for _, path := range []string{"/missing", "/deep/missing/page/", "/_headers", "/.assetsignore", "/guide/_drafts/", "/empty-folder/"} {
		resp := get(t, h, http.MethodGet, path, nil)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("%s: Content-Type %q, want HTML", path, got)
		}
		if got := body(t, resp); !strings.Contains(got, "Not found") {
			t.Errorf("%s: body %q, want the site's 404 page", path, got)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("%s: Cache-Control %q, want no-cache", path, got)
		}
	}
}

func TestStaticNotFoundHead(t *testing.T) {
	resp := get(t, Static(testSite()), http.MethodHead, "/missing", nil)
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("status %d, want 404", resp.StatusCode)
	}
	if got := body(t, resp); got != "" {
		t.Errorf("HEAD body %q, want none", got)
	}
}

func TestStaticNotFoundWithoutPage(t *testing.T) {
	site := testSite()
	delete(site, "404.html")
	delete(site, "404.html.gz")
	resp := get(t, Static(site), http.MethodGet, "/missing", nil)
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("status %d, want 404", resp.StatusCode)
	}
}

func TestStaticRedirects(t *testing.T) {
	h := Static(testSite())
	tests := []struct {
		target, location string
	}{
		{"/calculator", "calculator/"},
		{"/calculator?x=1", "calculator/?x=1"},
		{"/calculator/index.html", "./"},
		{"/favicon.svg/", "../favicon.svg"},
	}
	for _, tt := range tests {
		resp := get(t, h, http.MethodGet, tt.target, nil)
		if resp.StatusCode != http.StatusMovedPermanently {
			t.Errorf("%s: status %d, want 301", tt.target, resp.StatusCode)
		}
		if got := resp.Header.Get("Location"); got != tt.location {
			t.Errorf("%s: Location %q, want %q", tt.target, got, tt.location)
		}
	}
}

func TestStaticMethodNotAllowed(t *testing.T) {
	resp := get(t, Static(testSite()), http.MethodPost, "/", nil)
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("status %d, want 405", resp.StatusCode)
	}
	if got := resp.Header.Get("Allow"); got != "GET, HEAD" {
		t.Errorf("Allow %q, want GET, HEAD", got)
	}
}

func TestStaticCompressionNegotiation(t *testing.T) {
	h := Static(testSite())
	tests := []struct {
		name, path, acceptEncoding string
		wantEncoding, wantBody     string
		wantVary                   bool
	}{
		{"brotli preferred", "/", "gzip, deflate, br", "br", "BROTLI index", true},
		{"gzip only", "/", "gzip", "gzip", "GZIP index", true},
		{"gzip weighted higher", "/", "br;q=0.5, gzip;q=0.9", "gzip", "GZIP index", true},
		{"brotli refused", "/", "br;q=0, gzip", "gzip", "GZIP index", true},
		{"wildcard", "/", "*", "br", "BROTLI index", true},
		{"wildcard without brotli", "/", "br;q=0, *;q=0.1", "gzip", "GZIP index", true},
		{"none accepted", "/", "", "", "<!doctype html><title>Home</title>", true},
		{"identity only", "/", "identity", "", "<!doctype html><title>Home</title>", true},
		{"uppercase token", "/", "GZIP", "gzip", "GZIP index", true},
		{"no copies", "/css/main.css", "br, gzip", "", "body{color:#111}", false},
		{"stale gzip copy ignored", "/wasm/planner.wasm", "gzip", "", "\x00asm\x01\x00\x00\x00", true},
		{"fresh brotli copy of wasm", "/wasm/planner.wasm", "gzip, br", "br", "BROTLI wasm", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := get(t, h, http.MethodGet, tt.path, map[string]string{"Accept-Encoding": tt.acceptEncoding})
			if got := resp.Header.Get("Content-Encoding"); got != tt.wantEncoding {
				t.Errorf("Content-Encoding %q, want %q", got, tt.wantEncoding)
			}
			if got := body(t, resp); got != tt.wantBody {
				t.Errorf("body %q, want %q", got, tt.wantBody)
			}
			if got := resp.Header.Get("Vary") == "Accept-Encoding"; got != tt.wantVary {
				t.Errorf("Vary %q, want Accept-Encoding: %v", resp.Header.Get("Vary"), tt.wantVary)
			}
			if resp.Header.Get("Content-Type") == "" {
				t.Error("no Content-Type")
			}
		})
	}
}

func TestStaticCompressedNotFoundPage(t *testing.T) {
	resp := get(t, Static(testSite()), http.MethodGet, "/missing", map[string]string{"Accept-Encoding": "gzip"})
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("status %d, want 404", resp.StatusCode)
	}
	if got := resp.Header.Get("Content-Encoding"); got != "gzip" {
		t.Errorf("Content-Encoding %q, want gzip", got)
	}
	if got := body(t, resp); got != "GZIP 404" {
		t.Errorf("body %q, want the gzip copy of 404.html", got)
	}
}

func TestStaticConditionalRequest(t *testing.T) {
	resp := get(t, Static(testSite()), http.MethodGet, "/css/main.css", map[string]string{
		"If-Modified-Since": builtAt.Add(time.Minute).Format(http.TimeFormat),
	})
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("status %d, want 304", resp.StatusCode)
	}
}
