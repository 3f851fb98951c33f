package e2e

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"encoding/xml"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// These tests read the built site in public/ without a browser.

// requiredPages are the pages the site must always have.
var requiredPages = []string{
	"/",
	"/guide/",
	"/guide/assess/",
	"/guide/backup-specialties/",
	"/guide/dual-apply/",
	"/guide/portfolio/",
	"/guide/outcomes/",
	"/guide/examples/",
	"/guide/faq/",
	"/method/",
	"/privacy/",
	"/calculator/",
	"/404.html",
}

// chapters are the guide's chapters in reading order.
var chapters = requiredPages[2:9]

// scriptPages are the only pages allowed to run JavaScript.
var scriptPages = []string{"/calculator/"}

// maxChapterBytes is the budget for a chapter's HTML and CSS together, each
// gzip-compressed at the default level.
const maxChapterBytes = 35 * 1024

// builtPage is one parsed HTML page of the built site.
type builtPage struct {
	path string // URL path below the site's base, such as "/guide/assess/"
	raw  []byte
	doc  *html.Node
}

// builtSite is the parsed site: its base URL and every HTML page.
type builtSite struct {
	base  *url.URL
	pages map[string]*builtPage
}

// sitePage returns the parsed page at path, such as "/calculator/", and
// fails the test when the built site has none.
func sitePage(t *testing.T, path string) *builtPage {
	t.Helper()
	p := loadSite(t).pages[path]
	if p == nil {
		t.Fatalf("the built site has no %s page", path)
	}
	return p
}

// loadSite parses every HTML page in public/ and reads the base URL from
// the home page's canonical link.
func loadSite(t *testing.T) *builtSite {
	t.Helper()
	s := &builtSite{pages: map[string]*builtPage{}}
	for _, p := range sitePaths(t) {
		raw, err := os.ReadFile(fileFor(p))
		if err != nil {
			t.Fatalf("read %s: %v", p, err)
		}
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("parse %s: %v", p, err)
		}
		s.pages[p] = &builtPage{path: p, raw: raw, doc: doc}
	}

	home := s.pages["/"]
	if home == nil {
		t.Fatal("the built site has no home page")
	}
	canonical := attr(first(home.doc, isElement("link", "rel", "canonical")), "href")
	base, err := url.Parse(canonical)
	if err != nil || canonical == "" {
		t.Fatalf("home page canonical URL %q is not a URL: %v", canonical, err)
	}
	s.base = base
	return s
}

// fileFor returns the file in public/ that serves a URL path.
func fileFor(urlPath string) string {
	name := strings.TrimPrefix(urlPath, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return filepath.Join(publicDir, filepath.FromSlash(name))
}

// resolve returns the site path and fragment that a reference on page p
// points to. internal is false when the reference points outside the site.
func (s *builtSite) resolve(p, ref string) (sitePath, fragment string, internal bool) {
	pageURL := s.base.JoinPath(strings.TrimPrefix(p, "/"))
	if strings.HasSuffix(p, "/") && !strings.HasSuffix(pageURL.Path, "/") {
		pageURL.Path += "/"
	}
	u, err := pageURL.Parse(ref)
	if err != nil || u.Host != s.base.Host || u.Scheme != s.base.Scheme {
		return "", "", false
	}
	basePath := strings.TrimSuffix(s.base.Path, "/")
	if !strings.HasPrefix(u.Path, basePath+"/") {
		return "", "", false
	}
	return strings.TrimPrefix(u.Path, basePath), u.Fragment, true
}

func TestRequiredPagesExist(t *testing.T) {
	for _, p := range append(slices.Clone(requiredPages), "/sitemap.xml", "/robots.txt") {
		if _, err := os.Stat(fileFor(p)); err != nil {
			t.Errorf("page %s is missing from the built site: %v", p, err)
		}
	}
}

func TestPagesHaveOneH1TitleAndDescription(t *testing.T) {
	s := loadSite(t)
	seen := map[string]string{}
	titles := map[string]string{}
	for p, page := range s.pages {
		if n := len(all(page.doc, isElement("h1"))); n != 1 {
			t.Errorf("%s has %d h1 elements, want 1", p, n)
		}
		title := strings.TrimSpace(text(first(page.doc, isElement("title"))))
		if title == "" {
			t.Errorf("%s has no <title>", p)
		} else if other, dup := titles[title]; dup {
			t.Errorf("%s and %s share the title %q", p, other, title)
		}
		titles[title] = p

		description := strings.TrimSpace(attr(first(page.doc, isElement("meta", "name", "description")), "content"))
		if description == "" {
			t.Errorf("%s has no meta description", p)
			continue
		}
		if other, dup := seen[description]; dup {
			t.Errorf("%s and %s share the meta description %q", p, other, description)
		}
		seen[description] = p
	}
}

func TestPagesHaveCanonicalAndSharingTags(t *testing.T) {
	s := loadSite(t)
	for p, page := range s.pages {
		if p == "/404.html" {
			continue
		}
		want := s.base.JoinPath(strings.TrimPrefix(p, "/")).String()
		if strings.HasSuffix(p, "/") && !strings.HasSuffix(want, "/") {
			want += "/"
		}
		if got := attr(first(page.doc, isElement("link", "rel", "canonical")), "href"); got != want {
			t.Errorf("%s canonical URL = %q, want %q", p, got, want)
		}
		for _, property := range []string{"og:title", "og:description", "og:type", "og:url"} {
			if first(page.doc, isElement("meta", "property", property)) == nil {
				t.Errorf("%s has no %s meta tag", p, property)
			}
		}
		if first(page.doc, isElement("meta", "name", "twitter:card")) == nil {
			t.Errorf("%s has no twitter:card meta tag", p)
		}
	}
}

func TestOnlyPlannerRunsScripts(t *testing.T) {
	s := loadSite(t)
	for p, page := range s.pages {
		for _, script := range all(page.doc, isElement("script")) {
			if isDataScript(script) {
				continue
			}
			if !slices.Contains(scriptPages, p) {
				t.Errorf("%s has an executable script (src %q, type %q); guide pages must work without JavaScript", p, attr(script, "src"), attr(script, "type"))
			}
			if attr(script, "src") == "" {
				t.Errorf("%s has an inline script, which the Content Security Policy blocks", p)
			}
		}
	}
}

// isDataScript reports whether a script element holds data that the
// browser never runs, such as JSON-LD.
func isDataScript(n *html.Node) bool {
	switch strings.ToLower(strings.TrimSpace(attr(n, "type"))) {
	case "application/ld+json", "application/json":
		return true
	}
	return false
}

func TestInternalLinksAndAssetsResolve(t *testing.T) {
	s := loadSite(t)
	ids := map[string][]string{}
	for p, page := range s.pages {
		for _, n := range all(page.doc, func(n *html.Node) bool { return n.Type == html.ElementNode && attr(n, "id") != "" }) {
			ids[p] = append(ids[p], attr(n, "id"))
		}
	}

	for p, page := range s.pages {
		refs := all(page.doc, func(n *html.Node) bool {
			return n.Type == html.ElementNode && (attr(n, "href") != "" || attr(n, "src") != "")
		})
		for _, n := range refs {
			ref := attr(n, "href") + attr(n, "src")
			target, fragment, internal := s.resolve(p, ref)
			if !internal {
				if n.Data != "a" {
					t.Errorf("%s loads %q from another origin; every asset must come from the site itself", p, ref)
				}
				continue
			}
			if _, err := os.Stat(fileFor(target)); err != nil {
				t.Errorf("%s links to %q, which is not in the built site", p, ref)
				continue
			}
			if fragment != "" && strings.HasSuffix(fileFor(target), ".html") && !strings.Contains(fragment, "=") {
				if !slices.Contains(ids[target], fragment) {
					t.Errorf("%s links to %q, but %s has no element with id %q", p, ref, target, fragment)
				}
			}
		}
	}
}

func TestChaptersStayWithinSizeBudget(t *testing.T) {
	s := loadSite(t)
	for _, p := range chapters {
		page := s.pages[p]
		if page == nil {
			t.Errorf("chapter %s is missing", p)
			continue
		}
		total := gzipSize(t, page.raw)
		for _, link := range all(page.doc, isElement("link", "rel", "stylesheet")) {
			target, _, internal := s.resolve(p, attr(link, "href"))
			if !internal {
				continue
			}
			css, err := os.ReadFile(fileFor(target))
			if err != nil {
				t.Fatalf("read %s's stylesheet: %v", p, err)
			}
			total += gzipSize(t, css)
		}
		if total > maxChapterBytes {
			t.Errorf("%s is %d bytes of gzip-compressed HTML and CSS, over the budget of %d", p, total, maxChapterBytes)
		}
	}
}

func gzipSize(t *testing.T, data []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

func TestChaptersLinkInReadingOrder(t *testing.T) {
	s := loadSite(t)
	for i, p := range chapters {
		page := s.pages[p]
		if page == nil {
			t.Errorf("chapter %s is missing", p)
			continue
		}
		prev := first(page.doc, isElement("a", "rel", "prev"))
		next := first(page.doc, isElement("a", "rel", "next"))
		if i == 0 && prev != nil {
			t.Errorf("%s, the first chapter, links to a previous chapter", p)
		}
		if i > 0 {
			if target, _, _ := s.resolve(p, attr(prev, "href")); target != chapters[i-1] {
				t.Errorf("%s previous chapter = %q, want %s", p, target, chapters[i-1])
			}
		}
		if i == len(chapters)-1 && next != nil {
			t.Errorf("%s, the last chapter, links to a next chapter", p)
		}
		if i < len(chapters)-1 {
			if target, _, _ := s.resolve(p, attr(next, "href")); target != chapters[i+1] {
				t.Errorf("%s next chapter = %q, want %s", p, target, chapters[i+1])
			}
		}
	}
}

func TestPagesHaveBreadcrumbs(t *testing.T) {
	s := loadSite(t)
	for p, page := range s.pages {
		if p == "/" || p == "/404.html" {
			continue
		}
		nav := first(page.doc, isElement("nav", "aria-label", "Breadcrumb"))
		if nav == nil {
			t.Errorf("%s has no breadcrumb navigation", p)
			continue
		}
		current := first(nav, isElement("a", "aria-current", "page"))
		if target, _, _ := s.resolve(p, attr(current, "href")); target != p {
			t.Errorf("%s breadcrumb's current page links to %q", p, attr(current, "href"))
		}
	}
}

// structuredData returns the schema.org objects of a page's JSON-LD, by type.
func structuredData(t *testing.T, page *builtPage) map[string]map[string]any {
	t.Helper()
	objects := map[string]map[string]any{}
	for _, script := range all(page.doc, isElement("script", "type", "application/ld+json")) {
		var data struct {
			Context string           `json:"@context"`
			Graph   []map[string]any `json:"@graph"`
		}
		if err := json.Unmarshal([]byte(text(script)), &data); err != nil {
			t.Errorf("%s has invalid JSON-LD: %v", page.path, err)
			continue
		}
		if data.Context != "https://schema.org" {
			t.Errorf("%s JSON-LD @context = %q, want https://schema.org", page.path, data.Context)
		}
		for _, object := range data.Graph {
			typ, _ := object["@type"].(string)
			objects[typ] = object
		}
	}
	return objects
}

func TestStructuredData(t *testing.T) {
	s := loadSite(t)
	if _, ok := structuredData(t, s.pages["/"])["WebSite"]; !ok {
		t.Error("the home page has no WebSite structured data")
	}
	for _, p := range chapters {
		if page := s.pages[p]; page != nil {
			if _, ok := structuredData(t, page)["Article"]; !ok {
				t.Errorf("%s has no Article structured data", p)
			}
		}
	}
	for p, page := range s.pages {
		if p == "/" || p == "/404.html" {
			continue
		}
		if _, ok := structuredData(t, page)["BreadcrumbList"]; !ok {
			t.Errorf("%s has no BreadcrumbList structured data", p)
		}
	}
}

func TestFAQStructuredDataMatchesQuestions(t *testing.T) {
	s := loadSite(t)
	page := s.pages["/guide/faq/"]
	if page == nil {
		t.Fatal("the FAQ page is missing")
	}
	var questions []string
	for _, h2 := range all(page.doc, isElement("h2")) {
		if q := strings.Join(strings.Fields(text(h2)), " "); strings.HasSuffix(q, "?") {
			questions = append(questions, q)
		}
	}
	if len(questions) == 0 {
		t.Fatal("the FAQ page has no level-2 heading that ends in a question mark")
	}

	faq, ok := structuredData(t, page)["FAQPage"]
	if !ok {
		t.Fatal("the FAQ page has no FAQPage structured data")
	}
	entities, _ := faq["mainEntity"].([]any)
	if len(entities) != len(questions) {
		t.Fatalf("FAQPage has %d questions, the page has %d", len(entities), len(questions))
	}
	for i, entity := range entities {
		q, _ := entity.(map[string]any)
		if q["name"] != questions[i] {
			t.Errorf("FAQPage question %d = %q, want %q", i+1, q["name"], questions[i])
		}
		answer, _ := q["acceptedAnswer"].(map[string]any)
		if text, _ := answer["text"].(string); len(text) < 20 {
			t.Errorf("FAQPage answer to %q = %q, want the answer's text", questions[i], text)
		}
	}
}

func TestSitemapAndRobots(t *testing.T) {
	s := loadSite(t)
	raw, err := os.ReadFile(fileFor("/sitemap.xml"))
	if err != nil {
		t.Fatalf("read sitemap: %v", err)
	}
	var sitemap struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(raw, &sitemap); err != nil {
		t.Fatalf("parse sitemap: %v", err)
	}
	var listed []string
	for _, u := range sitemap.URLs {
		listed = append(listed, u.Loc)
	}
	for p := range s.pages {
		if p == "/404.html" {
			continue
		}
		loc := s.base.String() + strings.TrimPrefix(p, "/")
		if !slices.Contains(listed, loc) {
			t.Errorf("sitemap.xml does not list %s", loc)
		}
	}

	robots, err := os.ReadFile(fileFor("/robots.txt"))
	if err != nil {
		t.Fatalf("read robots.txt: %v", err)
	}
	if want := "Sitemap: " + s.base.String() + "sitemap.xml"; !strings.Contains(string(robots), want) {
		t.Errorf("robots.txt = %q, want a line %q", robots, want)
	}
}

func TestNotFoundPageWorksAtAnyDepth(t *testing.T) {
	s := loadSite(t)
	page := s.pages["/404.html"]
	if page == nil {
		t.Fatal("404.html is missing")
	}
	// The host serves 404.html for any missing path, so every reference must
	// be absolute or root-relative to resolve from /a/b/c/ as well as from /.
	refs := all(page.doc, func(n *html.Node) bool {
		return n.Type == html.ElementNode && (attr(n, "href") != "" || attr(n, "src") != "")
	})
	for _, n := range refs {
		ref := attr(n, "href") + attr(n, "src")
		if !strings.HasPrefix(ref, "/") && !strings.Contains(ref, "://") && !strings.HasPrefix(ref, "#") {
			t.Errorf("404.html refers to %q, a relative address that breaks below the site's root", ref)
		}
	}
	if first(page.doc, isElement("meta", "name", "robots")) == nil {
		t.Error("404.html has no robots meta tag to keep it out of search results")
	}
}

// isElement returns a matcher for elements named tag, and with the given
// attribute values when attrs lists name-value pairs.
func isElement(tag string, attrs ...string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.Data != tag {
			return false
		}
		for i := 0; i+1 < len(attrs); i += 2 {
			if attr(n, attrs[i]) != attrs[i+1] {
				return false
			}
		}
		return true
	}
}

// all returns every node below n that matches, in document order.
func all(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var found []*html.Node
	for d := range n.Descendants() {
		if match(d) {
			found = append(found, d)
		}
	}
	return found
}

// first returns the first node below n that matches, or nil.
func first(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n == nil {
		return nil
	}
	for d := range n.Descendants() {
		if match(d) {
			return d
		}
	}
	return nil
}

// attr returns the value of n's attribute, or "" when n is nil or lacks it.
func attr(n *html.Node, name string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// text returns the text content of n.
func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

func TestNavigationIsNotNested(t *testing.T) {
	s := loadSite(t)
	for p, page := range s.pages {
		for _, nav := range all(page.doc, isElement("nav")) {
			if inner := first(nav, isElement("nav")); inner != nil {
				t.Errorf("%s has a nav inside a nav (%q inside %q); screen readers list them as two landmarks", p, attr(inner, "id")+attr(inner, "class"), attr(nav, "class"))
			}
		}
	}
}
