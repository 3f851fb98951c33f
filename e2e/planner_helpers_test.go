package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// waitTrue waits until the JavaScript expression is true, and fails with
// what when it is not within ten seconds. Errors while a navigation
// replaces the page count as false, so it also waits across navigations.
func (b *browser) waitTrue(t *testing.T, expression, what string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var lastErr error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expression))
		cancel()
		if err == nil && ok {
			return
		}
		lastErr = err
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("waiting for %s: timed out after 10s (last error %v, problems %v)", what, lastErr, b.Problems())
}

// setField sets a form field's value and fires the input event, as typing
// or pasting does.
func (b *browser) setField(t *testing.T, name, value string) {
	t.Helper()
	eval[bool](t, b, `(function(){var e=document.querySelector('[name="`+name+`"]');e.value=`+jsString(value)+`;e.dispatchEvent(new Event("input",{bubbles:true}));return true;})()`)
}

// fieldValue returns a form field's value.
func (b *browser) fieldValue(t *testing.T, name string) string {
	t.Helper()
	return eval[string](t, b, `document.querySelector('[name="`+name+`"]').value`)
}

// waitHash waits until location.hash contains want, which the planner
// writes at most minHistoryInterval after the last change.
func (b *browser) waitHash(t *testing.T, want string) {
	t.Helper()
	b.waitTrue(t, `location.hash.indexOf(`+jsString(want)+`)>=0`, "location.hash to contain "+want)
}

// onNewDocument runs the script in every document the tab loads from now
// on, before the page's own scripts.
func (b *browser) onNewDocument(t *testing.T, script string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
		t.Fatalf("add script to new documents: %v", err)
	}
}

// checkNoProblems fails the test when the console showed errors, warnings
// or exceptions.
func (b *browser) checkNoProblems(t *testing.T) {
	t.Helper()
	if p := b.Problems(); len(p) > 0 {
		t.Errorf("browser console problems: %v", p)
	}
}
