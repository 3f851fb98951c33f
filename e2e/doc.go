// Package e2e holds the browser tests: they serve the built site in public/
// on loopback and drive a real headless Chromium through chromedp.
package e2e
