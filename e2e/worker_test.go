package e2e

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// wranglerStartTimeout bounds the wait for `wrangler dev` to serve: it first
// runs `make worker`, whose cold Go build for js/wasm takes tens of seconds.
const wranglerStartTimeout = 4 * time.Minute

// workersFreeSizeLimit is the largest Worker, after compression, that the
// Cloudflare Workers Free plan accepts: 3 MB on the Workers limits page
// (developers.cloudflare.com/workers/platform/limits) in 2025.
// NOTE: Cloudflare has changed this limit before; check the page when the
// test fails near it.
const workersFreeSizeLimit = 3_000_000

// requireWrangler skips the test when npm has not installed wrangler, unless
// REQUIRE_WRANGLER=1 makes that a failure. It returns wrangler's path.
func requireWrangler(t *testing.T) string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join(repoRoot, "node_modules", ".bin", "wrangler"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if os.Getenv("REQUIRE_WRANGLER") == "1" {
		t.Fatalf("%s is missing (run `npm ci`); REQUIRE_WRANGLER=1 makes this a failure", path)
	}
	fmt.Fprintln(os.Stderr, "NOTICE: Cloudflare Workers test skipped: wrangler is not installed (run `npm ci`)")
	t.Skip("wrangler is not installed")
	return ""
}

// freePort returns a loopback TCP port that was free a moment ago.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen on loopback: %v", err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

// syncBuffer collects a process's output for failure messages.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startWranglerDev runs `wrangler dev` on the built site in public/ and
// returns its base URL once it serves. When the test ends, it stops the
// process group: wrangler and the workerd runtime that wrangler starts.
func startWranglerDev(t *testing.T, wrangler string) string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(publicDir, "_headers")); err != nil {
		t.Fatalf("the built site is missing (%v); run `make build` first", err)
	}
	port := freePort(t)
	cmd := exec.Command(wrangler, "dev",
		"--ip", "127.0.0.1", "--port", port,
		"--inspector-port", freePort(t),
		"--show-interactive-dev-session=false")
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(),
		"WRANGLER_SEND_METRICS=false",
		// Use the placeholder Request.cf object instead of downloading one.
		"CLOUDFLARE_CF_FETCH_ENABLED=false",
		"NO_COLOR=1",
	)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	output := &syncBuffer{}
	cmd.Stdout = output
	cmd.Stderr = output
	if err := cmd.Start(); err != nil {
		t.Fatalf("start wrangler dev: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(15 * time.Second):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
	})

	base := "http://127.0.0.1:" + port
	deadline := time.Now().Add(wranglerStartTimeout)
	for {
		resp, err := client.Get(base + "/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		select {
		case err := <-exited:
			t.Fatalf("wrangler dev exited (%v) before serving:\n%s", err, output.String())
		case <-time.After(500 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("wrangler dev did not serve %s within %s:\n%s", base, wranglerStartTimeout, output.String())
		}
	}
}

func postJSON(t *testing.T, target, body string) (*http.Response, map[string]any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", target, err)
	}
	defer resp.Body.Close()
	var decoded map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&decoded); err != nil {
		t.Fatalf("POST %s: decode the JSON response: %v", target, err)
	}
	return resp, decoded
}

// TestWorkersDev serves the built site and the Go API through the local
// Cloudflare Workers runtime, configured by wrangler.jsonc.
func TestWorkersDev(t *testing.T) {
	wrangler := requireWrangler(t)
	base := startWranglerDev(t, wrangler)

	t.Run("page with headers", func(t *testing.T) {
		resp, body := fetch(t, base+"/calculator/")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d, want 200", resp.StatusCode)
		}
		// Minified HTML drops the quotes around the attribute value.
		if !strings.Contains(string(body), `data-result=tier`) && !strings.Contains(string(body), `data-result="tier"`) {
			t.Error("the calculator page lacks its result region")
		}
		if got := resp.Header.Get("Content-Security-Policy"); !strings.Contains(got, "frame-ancestors 'none'") {
			t.Errorf("Content-Security-Policy %q, want the _headers policy with frame-ancestors", got)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("Cache-Control %q, want no-cache", got)
		}
	})

	t.Run("wasm type", func(t *testing.T) {
		matches, err := filepath.Glob(filepath.Join(publicDir, "wasm", "planner.*.wasm"))
		if err != nil || len(matches) != 1 {
			t.Fatalf("find the built .wasm: %v %v", matches, err)
		}
		resp, _ := fetch(t, base+"/wasm/"+filepath.Base(matches[0]))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d, want 200", resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Type"); got != "application/wasm" {
			t.Errorf("Content-Type %q, want application/wasm", got)
		}
		if got := resp.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
			t.Errorf("Cache-Control %q, want a year, immutable", got)
		}
	})

	t.Run("not found page", func(t *testing.T) {
		resp, body := fetch(t, base+"/no/such/page/")
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("status %d, want 404", resp.StatusCode)
		}
		if !strings.Contains(string(body), "Page not found") {
			t.Error("the response is not the site's 404 page")
		}
		if resp, _ := fetch(t, base+"/_headers"); resp.StatusCode != http.StatusNotFound {
			t.Errorf("/_headers: status %d, want 404", resp.StatusCode)
		}
	})

	t.Run("plan API", func(t *testing.T) {
		resp, result := postJSON(t, base+"/api/plan", `{"step2": 220, "failures": "1"}`)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d, want 200: %v", resp.StatusCode, result)
		}
		if got := resp.Header.Get("Content-Type"); got != "application/json" {
			t.Errorf("Content-Type %q, want application/json", got)
		}
		if got := result["tier_label"]; got != "Tier 3" {
			t.Errorf("tier_label %v, want Tier 3", got)
		}
	})

	t.Run("plan API invalid field", func(t *testing.T) {
		resp, result := postJSON(t, base+"/api/plan", `{"step2": 301}`)
		if resp.StatusCode != http.StatusBadRequest {
			t.Fatalf("status %d, want 400", resp.StatusCode)
		}
		if got, _ := result["error"].(string); !strings.Contains(got, "step2") {
			t.Errorf("error %q, want it to name step2", got)
		}
	})

	t.Run("worker size", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(repoRoot, "build", "worker", "app.wasm"))
		if err != nil {
			t.Fatalf("read the worker built by wrangler dev: %v", err)
		}
		var compressed bytes.Buffer
		gz := gzip.NewWriter(&compressed)
		_, _ = gz.Write(data)
		_ = gz.Close()
		if compressed.Len() > workersFreeSizeLimit {
			t.Errorf("the worker is %d bytes with gzip, over the Workers free plan's limit of %d", compressed.Len(), workersFreeSizeLimit)
		}
	})

	t.Run("plan API method", func(t *testing.T) {
		resp, _ := fetch(t, base+"/api/plan")
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("GET /api/plan: status %d, want 405", resp.StatusCode)
		}
		if got := resp.Header.Get("Allow"); got != "POST" {
			t.Errorf("Allow %q, want POST", got)
		}
	})
}
