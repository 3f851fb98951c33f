package web

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// siteWithHeaders is testSite with a _headers file like the one the build
// generates.
func siteWithHeaders() fstest.MapFS {
	site := testSite()
	site["_headers"] = &fstest.MapFile{ModTime: builtAt, Data: []byte(`/*
  Content-Security-Policy: default-src 'none'; frame-ancestors 'none'
  X-Content-Type-Options: nosniff
/css/*
  Cache-Control: public, max-age=31536000, immutable
/
  Cache-Control: no-cache
`)}
	return site
}

func newHandler(t *testing.T, logs *bytes.Buffer) http.Handler {
	t.Helper()
	logger := slog.New(slog.NewJSONHandler(logs, nil))
	h, err := New(siteWithHeaders(), Options{Logger: logger, Now: func() time.Time { return planDay }})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return h
}

func TestNewAppliesHeaderRules(t *testing.T) {
	h := newHandler(t, &bytes.Buffer{})
	tests := []struct {
		path, header, want string
	}{
		{"/", "Cache-Control", "no-cache"},
		{"/", "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
		{"/css/main.css", "Cache-Control", "public, max-age=31536000, immutable"},
		{"/css/main.css", "X-Content-Type-Options", "nosniff"},
		// A missing file is not cached, whatever the rules set.
		{"/css/missing.css", "Cache-Control", "no-cache"},
	}
	for _, tt := range tests {
		resp := get(t, h, http.MethodGet, tt.path, nil)
		if got := resp.Header.Get(tt.header); got != tt.want {
			t.Errorf("%s: %s %q, want %q", tt.path, tt.header, got, tt.want)
		}
	}
}

func TestNewServesAPI(t *testing.T) {
	h := newHandler(t, &bytes.Buffer{})
	req := httptest.NewRequest(http.MethodPost, PlanPath, strings.NewReader(`{"step2": 220}`))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200: %s", rec.Code, rec.Body)
	}
	if got := rec.Header().Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control %q, want the API's no-store", got)
	}
	if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options %q, want nosniff", got)
	}
}

func TestNewRejectsInvalidHeadersFile(t *testing.T) {
	site := testSite()
	site["_headers"] = &fstest.MapFile{Data: []byte("  X-A: b\n")}
	if _, err := New(site, Options{}); err == nil || !strings.Contains(err.Error(), "_headers") {
		t.Errorf("New error %v, want one about _headers", err)
	}
}

func TestNewWarnsWithoutHeadersFile(t *testing.T) {
	site := testSite()
	delete(site, "_headers")
	var logs bytes.Buffer
	if _, err := New(site, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))}); err != nil {
		t.Fatalf("New: %v", err)
	}
	if !strings.Contains(logs.String(), "level=WARN") || !strings.Contains(logs.String(), "no _headers") {
		t.Errorf("logs %q, want a warning about the missing _headers", logs.String())
	}
}

// logRecord is one access log record as JSON.
type logRecord struct {
	Level    string `json:"level"`
	Msg      string `json:"msg"`
	Method   string `json:"method"`
	Path     string `json:"path"`
	Status   int    `json:"status"`
	Bytes    int64  `json:"bytes"`
	Duration int64  `json:"duration"`
	Error    string `json:"error"`
}

func lastRecord(t *testing.T, logs *bytes.Buffer) logRecord {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	var r logRecord
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil {
		t.Fatalf("decode log line %q: %v", lines[len(lines)-1], err)
	}
	return r
}

func TestAccessLogRecordsRequest(t *testing.T) {
	var logs bytes.Buffer
	h := newHandler(t, &logs)
	resp := get(t, h, http.MethodGet, "/css/main.css?secret=1", nil)
	r := lastRecord(t, &logs)
	if r.Msg != "request" || r.Level != "INFO" {
		t.Errorf("record %+v, want an INFO record with message request", r)
	}
	if r.Method != "GET" || r.Path != "/css/main.css" {
		t.Errorf("record %+v, want method GET and path /css/main.css", r)
	}
	if r.Status != 200 {
		t.Errorf("status %d, want 200", r.Status)
	}
	if r.Duration <= 0 {
		t.Errorf("duration %d, want a positive duration", r.Duration)
	}
	if want := resp.ContentLength; r.Bytes != want || r.Bytes == 0 {
		t.Errorf("bytes %d, want %d", r.Bytes, want)
	}
	if strings.Contains(logs.String(), "secret") {
		t.Errorf("the log %q contains the query", logs.String())
	}
}

func TestAccessLogRecordsAPIError(t *testing.T) {
	var logs bytes.Buffer
	h := newHandler(t, &logs)
	req := httptest.NewRequest(http.MethodPost, PlanPath, strings.NewReader(`{"step2": "zq7x"}`))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(httptest.NewRecorder(), req)
	r := lastRecord(t, &logs)
	if r.Level != "WARN" {
		t.Errorf("level %s, want WARN", r.Level)
	}
	if r.Status != 400 {
		t.Errorf("status %d, want 400", r.Status)
	}
	if r.Error != "invalid fields: step2" {
		t.Errorf("error %q, want it to name step2", r.Error)
	}
	// The value has letters, so it cannot turn up by chance in a logged
	// number such as the duration.
	if strings.Contains(logs.String(), "zq7x") {
		t.Errorf("the log %q contains the submitted value", logs.String())
	}
}
