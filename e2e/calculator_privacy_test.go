package e2e

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/entbackup/ent-backup-planner/internal/web"
)

// cspRecorder collects the page's Content Security Policy violations.
const cspRecorder = `window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});`

// contentHash matches the SHA-256 that Hugo's fingerprint puts in asset file
// names. Its 64 hex digits can contain one of the profile's values, such as
// 173, by chance, so the test removes it before it looks for them.
var contentHash = regexp.MustCompile(`\.[0-9a-f]{64}\.`)

// requestLog records what the browser asked of the network and what the
// server received.
type requestLog struct {
	mu      sync.Mutex
	browser []string // method, URL without fragment, and post data of each browser request
	server  []string // method, URL, Referer and body of each request the server got
}

func (l *requestLog) add(list *[]string, entry string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	*list = append(*list, entry)
}

func (l *requestLog) entries() (browser, server []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.browser...), append([]string(nil), l.server...)
}

func TestNothingLeavesThePage(t *testing.T) {
	var log requestLog
	site := web.Static(os.DirFS(publicDir))
	base := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		log.add(&log.server, r.Method+" "+r.URL.String()+" referer="+r.Referer()+" body="+string(body))
		site.ServeHTTP(w, r)
	}))
	b := newBrowser(t)
	b.grantClipboard(t)
	b.onNewDocument(t, cspRecorder)

	origin, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	var offSite []string
	if err := chromedp.Listen(b.ctx, func(ev any) {
		e, ok := ev.(*network.EventRequestWillBeSent)
		if !ok {
			return
		}
		u, err := url.Parse(e.Request.URL)
		if err != nil || (u.Scheme != "data" && u.Host != origin.Host) {
			log.mu.Lock()
			offSite = append(offSite, e.Request.URL)
			log.mu.Unlock()
		}
		entry := e.Request.Method + " " + e.Request.URL
		for _, part := range e.Request.PostDataEntries {
			entry += " body=" + string(part.Bytes)
		}
		log.add(&log.browser, entry)
	}); err != nil {
		t.Fatal(err)
	}

	// Distinctive values that must never appear in a request.
	secrets := map[string]string{"step2": "247", "grad_year": "2017", "budget": "98765", "ent_research": "173"}
	b.openPlanner(t, base+"/calculator/#v=1&step2=247")
	for name, value := range secrets {
		b.clear(t, "#f-"+name)
		b.do(t, chromedp.SendKeys(chromedp.CSS("#f-"+name), value))
	}
	b.waitHash(t, "budget=98765")
	b.do(t, chromedp.Click(chromedp.CSS(`#planner-remember`)))
	b.do(t, chromedp.Click(chromedp.CSS(`#planner-copy`)))
	b.waitText(t, `#planner-message`, "Link copied")
	b.do(t, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`html.planner-ready`)))
	b.waitTrue(t, `document.getElementById("f-budget").value==="98765"`, "the remembered budget after reload")
	b.do(t, chromedp.Click(chromedp.CSS(`#planner-reset`)))
	b.waitTrue(t, `location.hash===""`, "Reset to clear the fragment")
	b.do(t, chromedp.SendKeys(chromedp.CSS("#f-step2"), "247"))
	b.waitHash(t, "step2=247")

	browserRequests, serverRequests := log.entries()
	if len(browserRequests) == 0 || len(serverRequests) == 0 {
		t.Fatalf("recorded %d browser and %d server requests; the recorders do not work", len(browserRequests), len(serverRequests))
	}
	for _, u := range offSite {
		t.Errorf("request to another origin: %s", u)
	}
	for _, list := range [][]string{browserRequests, serverRequests} {
		for _, entry := range list {
			entry = contentHash.ReplaceAllString(entry, ".")
			for name, value := range secrets {
				if strings.Contains(entry, value) || strings.Contains(entry, name+"=") {
					t.Errorf("request carries the profile's %s: %s", name, entry)
				}
			}
		}
	}

	csp := eval[string](t, b, `(document.querySelector('meta[http-equiv="Content-Security-Policy"]')||{}).content||""`)
	if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP meta = %q, want default-src 'none' and script-src 'self' 'wasm-unsafe-eval'", csp)
	}
	if violations := eval[[]string](t, b, `window.__cspViolations`); len(violations) > 0 {
		t.Errorf("CSP violations: %v", violations)
	}

	// The recorder does see a violation: an inline script is one.
	eval[bool](t, b, `(function(){var s=document.createElement("script");s.textContent="1";document.body.appendChild(s);return true;})()`)
	b.waitTrue(t, `window.__cspViolations.length>0`, "the inline script to be reported as a CSP violation")
}
