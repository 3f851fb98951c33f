package e2e

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/entbackup/ent-backup-planner/internal/precompress"
	"github.com/entbackup/ent-backup-planner/internal/web"
)

// repoRoot is the module's root folder, where go tool hugo runs.
var repoRoot = ".."

// subPath is the path a GitHub Pages project site is served under.
const subPath = "/repo/"

// subPathSite is a build of the site for a base URL under subPath, served by
// a loopback server that serves nothing outside subPath.
type subPathSite struct {
	dir  string   // the built site
	base *url.URL // http://127.0.0.1:PORT/repo/
}

// buildSubPathSite builds the site for a base URL under subPath into a
// temporary folder and serves it on loopback. The base URL is given without
// its trailing slash, as a user may type it. Like GitHub Pages, the server
// sends 404.html for paths that name nothing. Unlike GitHub Pages, it also
// sends the headers of the build's _headers file, so the test can check them.
func buildSubPathSite(t *testing.T) subPathSite {
	t.Helper()
	if _, err := os.Stat(filepath.Join(repoRoot, "assets", "wasm", "planner.wasm")); err != nil {
		t.Fatalf("the planner's .wasm is missing (%v); run `make build` (or `make wasm`) first", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen on loopback: %v", err)
	}
	base, err := url.Parse("http://" + ln.Addr().String() + subPath)
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	hugo := exec.Command("go", "tool", "hugo", "--minify",
		"--baseURL", strings.TrimSuffix(base.String(), "/"),
		"--destination", dir, "--cleanDestinationDir")
	hugo.Dir = repoRoot
	if out, err := hugo.CombinedOutput(); err != nil {
		ln.Close()
		t.Fatalf("hugo build for %s: %v\n%s", base, err, out)
	}
	// The cache makes the .wasm's brotli copy a lookup: make build has
	// compressed the same file.
	if _, err := precompress.Dir(dir, precompress.Options{
		Workers:  runtime.GOMAXPROCS(0),
		CacheDir: filepath.Join(repoRoot, "resources", "precompress"),
	}); err != nil {
		ln.Close()
		t.Fatalf("precompress %s: %v", dir, err)
	}

	headersFile, err := os.Open(filepath.Join(dir, "_headers"))
	if err != nil {
		ln.Close()
		t.Fatalf("the build has no _headers: %v", err)
	}
	rules, err := web.ParseHeaderRules(headersFile)
	headersFile.Close()
	if err != nil {
		ln.Close()
		t.Fatalf("parse _headers: %v", err)
	}
	mux := http.NewServeMux()
	mux.Handle(subPath, http.StripPrefix(strings.TrimSuffix(subPath, "/"), web.Static(os.DirFS(dir))))
	server := &http.Server{Handler: rules.Wrap(mux), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = server.Serve(ln) }()
	t.Cleanup(func() { _ = server.Close() })
	return subPathSite{dir: dir, base: base}
}

// client fetches without following redirects, so a link that only works
// through a redirect is reported.
var client = &http.Client{
	Timeout: 30 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	},
}

// fetch returns the response and its body.
func fetch(t *testing.T, target string) (*http.Response, []byte) {
	t.Helper()
	resp, err := client.Get(target)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", target, err)
	}
	return resp, body
}

// link is one URL found on a page, with where it was found for messages.
type link struct {
	url   *url.URL
	where string // "PAGE: <tag attr>"
}

// pageLinks returns every URL a page refers to: href and src attributes,
// srcset candidates, the planner's data-wasm, and og: meta URLs.
func pageLinks(page *url.URL, body []byte) ([]link, error) {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	var refs []link
	add := func(raw, where string) {
		raw = strings.TrimSpace(raw)
		if u, err := page.Parse(raw); err == nil {
			refs = append(refs, link{url: u, where: page.Path + ": " + where})
		} else {
			refs = append(refs, link{where: page.Path + ": " + where + " (unparsable " + raw + ")"})
		}
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		attrs := map[string]string{}
		for _, a := range n.Attr {
			attrs[a.Key] = a.Val
		}
		for _, key := range []string{"href", "src", "poster", "data-wasm"} {
			if v, ok := attrs[key]; ok {
				add(v, "<"+n.Data+" "+key+">")
			}
		}
		if srcset, ok := attrs["srcset"]; ok {
			for candidate := range strings.SplitSeq(srcset, ",") {
				if fields := strings.Fields(candidate); len(fields) > 0 {
					add(fields[0], "<"+n.Data+" srcset>")
				}
			}
		}
		if n.Data == "meta" {
			switch property := attrs["property"]; property {
			case "og:url", "og:image", "og:image:url":
				add(attrs["content"], "<meta "+property+">")
			}
		}
	}
	return refs, nil
}

// cssURL matches url(...) references in a stylesheet.
var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)['"]?\s*\)`)

// crawl follows every internal link and asset from start and returns the
// problems found and the pages reached. Internal means on the test server.
// Every internal URL must lie under base and return 200 without a redirect.
func crawl(t *testing.T, base *url.URL, start []*url.URL) (problems []string, pages []string) {
	t.Helper()
	seen := map[string]bool{}
	queue := []link{}
	for _, u := range start {
		queue = append(queue, link{url: u, where: "start"})
	}
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		if next.url == nil {
			problems = append(problems, next.where)
			continue
		}
		u := *next.url
		u.Fragment = ""
		if u.Scheme != "http" && u.Scheme != "https" {
			continue // mailto:, data: and the like
		}
		if u.Host != base.Host {
			continue // an external link: not fetched from here
		}
		if !strings.HasPrefix(u.Path, base.Path) {
			problems = append(problems, fmt.Sprintf("%s: %s is outside the base path %s", next.where, u.String(), base.Path))
			continue
		}
		if seen[u.String()] {
			continue
		}
		seen[u.String()] = true

		resp, body := fetch(t, u.String())
		if resp.StatusCode != http.StatusOK {
			problems = append(problems, fmt.Sprintf("%s: %s returned %d", next.where, u.String(), resp.StatusCode))
			continue
		}
		contentType := resp.Header.Get("Content-Type")
		switch {
		case strings.HasPrefix(contentType, "text/html"):
			pages = append(pages, u.Path)
			refs, err := pageLinks(&u, body)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: parse HTML: %v", u.String(), err))
			}
			queue = append(queue, refs...)
		case strings.HasPrefix(contentType, "text/css"):
			for _, m := range cssURL.FindAllStringSubmatch(string(body), -1) {
				if ref, err := u.Parse(m[1]); err == nil {
					queue = append(queue, link{url: ref, where: u.Path + ": url()"})
				}
			}
		}
	}
	return problems, pages
}

// sitemapURLs reads the <loc> entries of a sitemap.
func sitemapURLs(t *testing.T, body []byte) []string {
	t.Helper()
	var sitemap struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(body, &sitemap); err != nil {
		t.Fatalf("parse sitemap.xml: %v", err)
	}
	var locs []string
	for _, u := range sitemap.URLs {
		locs = append(locs, u.Loc)
	}
	return locs
}

func TestSubPathHosting(t *testing.T) {
	site := buildSubPathSite(t)
	base := site.base

	t.Run("crawl from home", func(t *testing.T) {
		problems, pages := crawl(t, base, []*url.URL{base})
		for _, p := range problems {
			t.Error(p)
		}
		if !slices.Contains(pages, base.Path+"calculator/") {
			t.Errorf("the crawl reached %v, want the calculator among them", pages)
		}
	})

	t.Run("sitemap", func(t *testing.T) {
		resp, body := fetch(t, base.String()+"sitemap.xml")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("sitemap.xml returned %d", resp.StatusCode)
		}
		locs := sitemapURLs(t, body)
		if !slices.Contains(locs, base.String()) {
			t.Errorf("sitemap %v lacks the home page %s", locs, base)
		}
		var start []*url.URL
		for _, loc := range locs {
			u, err := url.Parse(loc)
			if err != nil {
				t.Errorf("sitemap URL %q: %v", loc, err)
				continue
			}
			start = append(start, u)
		}
		problems, _ := crawl(t, base, start)
		for _, p := range problems {
			t.Error(p)
		}
	})

	t.Run("robots.txt names the sitemap", func(t *testing.T) {
		resp, body := fetch(t, base.String()+"robots.txt")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("robots.txt returned %d", resp.StatusCode)
		}
		if want := "Sitemap: " + base.String() + "sitemap.xml"; !strings.Contains(string(body), want) {
			t.Errorf("robots.txt %q lacks %q", body, want)
		}
	})

	t.Run("404 page at depth", func(t *testing.T) {
		missing := base.String() + "no/such/chapter/deep/"
		resp, body := fetch(t, missing)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s returned %d, want 404", missing, resp.StatusCode)
		}
		page, _ := url.Parse(missing)
		refs, err := pageLinks(page, body)
		if err != nil {
			t.Fatalf("parse the 404 page: %v", err)
		}
		hasStylesheet := false
		for _, ref := range refs {
			if ref.url != nil && strings.HasSuffix(ref.url.Path, ".css") {
				hasStylesheet = true
			}
		}
		if !hasStylesheet {
			t.Errorf("the 404 page links no stylesheet")
		}
		// Links to the missing page itself (an empty href) cannot return 200.
		refs = slices.DeleteFunc(refs, func(l link) bool {
			return l.url != nil && l.url.Path == page.Path
		})
		problems, _ := crawl(t, base, urls(refs))
		for _, p := range problems {
			t.Error(p)
		}
	})

	t.Run("planner runs", func(t *testing.T) {
		b := newBrowser(t)
		b.openPlanner(t, base.String()+"calculator/")
		b.waitText(t, `[data-result="tier"]`, "Tier ")
		if p := b.Problems(); len(p) > 0 {
			t.Errorf("browser console problems: %v", p)
		}
	})

	t.Run("404 page styled in browser", func(t *testing.T) {
		b := newBrowser(t)
		b.do(t, chromedp.Navigate(base.String()+"no/such/chapter/deep/"))
		rules := eval[int](t, b, `Array.from(document.styleSheets).reduce(function(n,s){return n+s.cssRules.length},0)`)
		if rules == 0 {
			t.Error("the 404 page at depth has no CSS rules loaded")
		}
	})

	t.Run("headers file", func(t *testing.T) {
		checkHeadersFile(t, site)
	})
}

// urls returns the parsed URLs of links.
func urls(links []link) []*url.URL {
	var out []*url.URL
	for _, l := range links {
		if l.url != nil {
			out = append(out, l.url)
		}
	}
	return out
}

// fingerprinted matches a file name with Hugo's SHA-256 fingerprint.
var fingerprinted = regexp.MustCompile(`\.[0-9a-f]{64}\.[a-z]+$`)

// checkHeadersFile checks the build's _headers against the pages and files
// of the build.
func checkHeadersFile(t *testing.T, site subPathSite) {
	data, err := os.ReadFile(filepath.Join(site.dir, "_headers"))
	if err != nil {
		t.Fatalf("read _headers: %v", err)
	}
	rules, err := web.ParseHeaderRules(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parse _headers: %v", err)
	}
	if len(rules) > 100 {
		t.Errorf("_headers has %d rules; Cloudflare reads at most 100", len(rules))
	}
	for _, rule := range rules {
		if !strings.HasPrefix(rule.Pattern, subPath) {
			t.Errorf("rule %q is outside the base path %s", rule.Pattern, subPath)
		}
	}

	// The header policy equals the page's <meta> policy plus frame-ancestors.
	home, err := os.ReadFile(filepath.Join(site.dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	metaCSP := regexp.MustCompile(`http-equiv="?Content-Security-Policy"? content="([^"]+)"`).FindSubmatch(home)
	if metaCSP == nil {
		t.Fatal("the home page has no Content-Security-Policy <meta>")
	}
	want := map[string]string{
		"Content-Security-Policy": string(metaCSP[1]) + "; frame-ancestors 'none'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
	}
	everywhere := rules.Headers(subPath + "any/path")
	for name, value := range want {
		if got := everywhere.Get(name); got != value {
			t.Errorf("%s = %q, want %q", name, got, value)
		}
	}
	if got := everywhere.Get("Permissions-Policy"); !strings.Contains(got, "camera=()") {
		t.Errorf("Permissions-Policy = %q, want features such as the camera turned off", got)
	}

	// Pages revalidate; fingerprinted files are cached for a year.
	resp, body := fetch(t, site.base.String()+"sitemap.xml")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("sitemap.xml returned %d", resp.StatusCode)
	}
	var paths []string
	for _, loc := range sitemapURLs(t, body) {
		u, err := url.Parse(loc)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, u.Path)
		if got := rules.Headers(u.Path).Get("Cache-Control"); got != "no-cache" {
			t.Errorf("%s: Cache-Control %q, want no-cache", u.Path, got)
		}
	}
	if got := rules.Headers(subPath + "404.html").Get("Cache-Control"); got != "no-cache" {
		t.Errorf("404.html: Cache-Control %q, want no-cache", got)
	}
	for _, folder := range []string{"css", "js", "wasm"} {
		entries, err := os.ReadDir(filepath.Join(site.dir, folder))
		if err != nil {
			t.Fatalf("read %s: %v", folder, err)
		}
		for _, entry := range entries {
			name := strings.TrimSuffix(strings.TrimSuffix(entry.Name(), ".br"), ".gz")
			filePath := subPath + folder + "/" + entry.Name()
			paths = append(paths, filePath)
			if !fingerprinted.MatchString(name) {
				t.Errorf("%s has no fingerprint in its name, so it must not be cached as immutable", filePath)
			}
			if got := rules.Headers(filePath).Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
				t.Errorf("%s: Cache-Control %q, want a year, immutable", filePath, got)
			}
			if path.Ext(entry.Name()) == ".wasm" {
				if got := rules.Headers(filePath).Get("Content-Type"); got != "application/wasm" {
					t.Errorf("%s: Content-Type %q, want application/wasm", filePath, got)
				}
			}
		}
	}

	// Hosts differ in how they merge a header that two rules set, so no
	// path may match two rules that set the same header.
	for _, p := range paths {
		setBy := map[string][]string{}
		for _, rule := range rules {
			if !rule.Matches(p) {
				continue
			}
			for name := range rule.Set {
				setBy[name] = append(setBy[name], rule.Pattern)
			}
		}
		for name, patterns := range setBy {
			if len(patterns) > 1 {
				t.Errorf("%s: %s is set by several rules: %v", p, name, patterns)
			}
		}
	}

	// The test server applies the same file.
	cssPath := ""
	for _, p := range paths {
		if strings.HasSuffix(p, ".css") {
			cssPath = p
		}
	}
	resp, _ = fetch(t, site.base.ResolveReference(&url.URL{Path: cssPath}).String())
	if got := resp.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
		t.Errorf("GET %s: Cache-Control %q, want the rule's", cssPath, got)
	}
}

// TestPlannerWithOctetStreamWasm serves the .wasm as
// application/octet-stream, as some hosts do: the loader must fall back from
// streaming compilation to compiling the downloaded bytes.
func TestPlannerWithOctetStreamWasm(t *testing.T) {
	if _, err := os.Stat(filepath.Join(publicDir, "calculator", "index.html")); err != nil {
		t.Fatalf("the built site is missing (%v); run `make build` before the browser tests", err)
	}
	var wasmServed atomic.Int32
	static := web.Static(os.DirFS(publicDir))
	base := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			wasmServed.Add(1)
			w = &forcedTypeWriter{ResponseWriter: w, contentType: "application/octet-stream"}
		}
		static.ServeHTTP(w, r)
	}))

	resp, _ := fetch(t, base+"/calculator/")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("calculator returned %d", resp.StatusCode)
	}

	b := newBrowser(t)
	b.openPlanner(t, base+"/calculator/#v=1&step2=220&failures=2")
	b.waitText(t, `[data-result="tier"]`, "Tier 3")
	if wasmServed.Load() == 0 {
		t.Error("the browser never requested the .wasm")
	}
	if p := b.Problems(); len(p) > 0 {
		t.Errorf("browser console problems: %v", p)
	}
}

// forcedTypeWriter replaces the Content-Type a handler set.
type forcedTypeWriter struct {
	http.ResponseWriter
	contentType string
}

func (w *forcedTypeWriter) WriteHeader(status int) {
	w.Header().Set("Content-Type", w.contentType)
	w.ResponseWriter.WriteHeader(status)
}

func (w *forcedTypeWriter) Write(p []byte) (int, error) {
	w.Header().Set("Content-Type", w.contentType)
	return w.ResponseWriter.Write(p)
}
