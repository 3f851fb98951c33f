package e2e

import (
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/entbackup/ent-backup-planner/internal/web"
)

// serveSiteWith serves the built site, but lets wasm handle requests for
// files whose path ends in suffix.
func serveSiteWith(t *testing.T, suffix string, wasm http.HandlerFunc) string {
	t.Helper()
	site := web.Static(os.DirFS(publicDir))
	return serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, suffix) {
			wasm(w, r)
			return
		}
		site.ServeHTTP(w, r)
	}))
}

// openFailedPlanner opens the planner and waits for the loader to give up.
func (b *browser) openFailedPlanner(t *testing.T, url string) {
	t.Helper()
	b.do(t, chromedp.Navigate(url))
	b.waitTrue(t, `document.documentElement.classList.contains("planner-failed")`, "the loader to report the failure")
}

// checkFailureShown checks that the page explains the failure and is not
// left blank or loading.
func (b *browser) checkFailureShown(t *testing.T, want string) {
	t.Helper()
	b.waitText(t, `#planner-status`, want)
	if role := eval[string](t, b, `document.getElementById("planner-status").getAttribute("role")`); role != "alert" {
		t.Errorf("status role = %q, want alert", role)
	}
	if loading := eval[bool](t, b, `getComputedStyle(document.querySelector(".planner-loading")).display !== "none"`); loading {
		t.Error("the loading message is still shown after the failure")
	}
	if tier := b.text(t, `[data-result="tier"]`); tier != "not available" {
		t.Errorf("tier = %q, want \"not available\"", tier)
	}
	if n := eval[int](t, b, `document.querySelectorAll("#planner [name]").length`); n == 0 {
		t.Error("the form is gone")
	}
}

// onlyLoadErrors fails on console problems other than the browser's own
// reports of the failed load.
func onlyLoadErrors(t *testing.T, b *browser) {
	t.Helper()
	for _, p := range b.Problems() {
		expected := false
		for _, cause := range []string{"Failed to load resource", "integrity", "SRI", "Refused to execute script", "preload"} {
			expected = expected || strings.Contains(p, cause)
		}
		if !expected {
			t.Errorf("browser console problem: %s", p)
		}
	}
}

func TestWasmNotFoundShowsMessage(t *testing.T) {
	base := serveSiteWith(t, ".wasm", http.NotFound)
	b := newBrowser(t)
	b.openFailedPlanner(t, base+"/calculator/")
	b.checkFailureShown(t, "could not load")
	b.checkFailureShown(t, "404")
	if status := b.text(t, "#planner-status"); strings.Contains(status, "connection") {
		t.Errorf("a missing .wasm is blamed on the connection: %q", status)
	}
	onlyLoadErrors(t, b)
}

func TestSupportScriptMissingShowsMessage(t *testing.T) {
	base := serveSiteWith(t, ".js", func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "wasm_exec") {
			http.NotFound(w, r)
			return
		}
		web.Static(os.DirFS(publicDir)).ServeHTTP(w, r)
	})
	b := newBrowser(t)
	b.openFailedPlanner(t, base+"/calculator/")
	b.checkFailureShown(t, "support script")
	onlyLoadErrors(t, b)
}

func TestNoWebAssemblyShowsMessage(t *testing.T) {
	base := serveSite(t)
	b := newBrowser(t)
	b.onNewDocument(t, `delete window.WebAssembly;`)
	b.openFailedPlanner(t, base+"/calculator/")
	b.checkFailureShown(t, "needs WebAssembly")
	onlyLoadErrors(t, b)
}

func TestFormWorksBeforeWasmArrives(t *testing.T) {
	release := make(chan struct{})
	site := web.Static(os.DirFS(publicDir))
	base := serveSiteWith(t, ".wasm", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-time.After(30 * time.Second):
		}
		site.ServeHTTP(w, r)
	})
	b := newBrowser(t)
	b.do(t, chromedp.Navigate(base+"/calculator/#v=1&failures=1"))

	// The server-rendered form is complete and usable while the .wasm is
	// held back.
	if n := eval[int](t, b, `document.querySelectorAll("#planner [name]").length`); n != 28 {
		t.Errorf("%d form fields before the .wasm arrived, want all 28", n)
	}
	b.waitTrue(t, `getComputedStyle(document.querySelector(".planner-loading")).display !== "none"`, "the loading message")
	if ready := eval[bool](t, b, `document.documentElement.classList.contains("planner-ready")`); ready {
		t.Fatal("the planner is ready although the .wasm is held back")
	}
	if disabled := eval[bool](t, b, `document.getElementById("planner-copy").disabled`); !disabled {
		t.Error("Copy link is enabled before the planner runs")
	}
	formTop := `document.getElementById("planner").getBoundingClientRect().top`
	loadingTop := eval[float64](t, b, formTop)
	b.do(t, chromedp.SendKeys(chromedp.CSS(`#f-step2`), "255"))

	close(release)
	b.waitTrue(t, `document.documentElement.classList.contains("planner-ready")`, "the planner to start")

	// What was typed before the program arrived is kept; the link fills
	// the fields the user had not touched.
	if got := b.fieldValue(t, "step2"); got != "255" {
		t.Errorf("step2 = %q after loading, want the typed 255", got)
	}
	if got := b.fieldValue(t, "failures"); got != "1" {
		t.Errorf("failures = %q after loading, want 1 from the link", got)
	}
	b.waitHash(t, "step2=255")
	b.waitText(t, `[data-result="tier"]`, "Tier")
	if loading := eval[bool](t, b, `getComputedStyle(document.querySelector(".planner-loading")).display !== "none"`); loading {
		t.Error("the loading message stays after the planner started")
	}
	// The loading line has a line kept free for it, so the form does not
	// move when it goes: a move counts as a layout shift.
	if readyTop := eval[float64](t, b, formTop); readyTop != loadingTop {
		t.Errorf("the form moved from y=%v to y=%v when the loading line went", loadingTop, readyTop)
	}
	b.checkNoProblems(t)
}
