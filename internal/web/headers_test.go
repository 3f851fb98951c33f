package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const sampleHeaders = `# A comment
/repo/*
  Content-Security-Policy: default-src 'none'; frame-ancestors 'none'
  X-Content-Type-Options: nosniff

/repo/css/*
  Cache-Control: public, max-age=31536000, immutable

/repo/wasm/*.wasm
  Content-Type: application/wasm

/repo/guide/:chapter/
  X-Chapter: yes
  X-Robots-Tag: noindex

/repo/guide/faq/
  ! X-Robots-Tag
  X-Robots-Tag: all
`

func TestParseHeaderRules(t *testing.T) {
	rules, err := ParseHeaderRules(strings.NewReader(sampleHeaders))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if len(rules) != 5 {
		t.Fatalf("parsed %d rules, want 5: %+v", len(rules), rules)
	}
	if got := rules[0].Set.Get("Content-Security-Policy"); got != "default-src 'none'; frame-ancestors 'none'" {
		t.Errorf("CSP = %q", got)
	}
	if got := rules[4].Detach; len(got) != 1 || got[0] != "X-Robots-Tag" {
		t.Errorf("detach = %v, want [X-Robots-Tag]", got)
	}
}

func TestHeaderRulesMatch(t *testing.T) {
	rules, err := ParseHeaderRules(strings.NewReader(sampleHeaders))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	tests := []struct {
		path, header, want string
	}{
		{"/repo/", "X-Content-Type-Options", "nosniff"},
		{"/repo/calculator/", "X-Content-Type-Options", "nosniff"},
		{"/other/", "X-Content-Type-Options", ""},
		{"/repo", "X-Content-Type-Options", ""},
		{"/repo/css/main.123.css", "Cache-Control", "public, max-age=31536000, immutable"},
		{"/repo/js/loader.js", "Cache-Control", ""},
		{"/repo/wasm/planner.abc.wasm", "Content-Type", "application/wasm"},
		{"/repo/wasm/wasm_exec.js", "Content-Type", ""},
		{"/repo/guide/assess/", "X-Chapter", "yes"},
		{"/repo/guide/", "X-Chapter", ""},
		{"/repo/guide/a/b/", "X-Chapter", ""},
		{"/repo/guide/assess/", "X-Robots-Tag", "noindex"},
		{"/repo/guide/faq/", "X-Robots-Tag", "all"},
	}
	for _, tt := range tests {
		if got := rules.Headers(tt.path).Get(tt.header); got != tt.want {
			t.Errorf("%s: %s = %q, want %q", tt.path, tt.header, got, tt.want)
		}
	}
}

func TestHeaderRulesJoinRepeatedHeader(t *testing.T) {
	rules, err := ParseHeaderRules(strings.NewReader("/*\n  X-Robots-Tag: noindex\n/a\n  X-Robots-Tag: nosnippet\n"))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if got := rules.Headers("/a").Get("X-Robots-Tag"); got != "noindex, nosnippet" {
		t.Errorf("X-Robots-Tag = %q, want the values joined as Cloudflare does", got)
	}
}

func TestParseHeaderRulesErrors(t *testing.T) {
	tests := map[string]string{
		"header before pattern": "  X-A: b\n",
		"absolute URL":          "https://example.org/*\n  X-A: b\n",
		"two splats":            "/*/x/*\n  X-A: b\n",
		"no colon":              "/a\n  X-A b\n",
	}
	for name, input := range tests {
		if _, err := ParseHeaderRules(strings.NewReader(input)); err == nil {
			t.Errorf("%s: parse succeeded, want an error", name)
		} else if !strings.Contains(err.Error(), "line ") {
			t.Errorf("%s: error %q does not name the line", name, err)
		}
	}
}

func TestHeaderRulesWrapLetsHandlerOverride(t *testing.T) {
	rules, err := ParseHeaderRules(strings.NewReader("/*\n  Cache-Control: no-cache\n  X-Content-Type-Options: nosniff\n"))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	h := rules.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/x", nil))
	if got := rec.Header().Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control = %q, want the handler's no-store", got)
	}
	if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q, want the rule's nosniff", got)
	}
}
