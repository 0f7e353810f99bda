//go:build !wasm

// Package browsertest drives the annotator in headless Chromium through
// chromedp: the end-to-end tests of the server (app/site) and of the static
// bundle (build/) run the same Scenario, and the wasm benchmarks use the same
// browser set-up.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"annotator/build/wasm"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Chromium returns the path of the browser to drive: $CHROMIUM_PATH, else
// /usr/bin/chromium, else chromium, chromium-browser or google-chrome on the
// PATH.
func Chromium() (string, error) {
	if p := os.Getenv("CHROMIUM_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("CHROMIUM_PATH: %w", err)
		}
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH")
}

// inCI reports whether CI=true: then a missing browser fails the tests
// instead of skipping them.
func inCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v == "true" || v == "1"
}

// Browser is a headless Chromium with its own empty profile. Every request
// it makes goes through a recording proxy (see Requests and SetOffline).
// Console errors and warnings are logged; BROWSER_LOG=1 logs every console
// message and log entry.
type Browser struct {
	ctx    context.Context // the first tab
	cancel context.CancelFunc
	dir    string
	proxy  *proxy

	mu         sync.Mutex
	exceptions []string // uncaught page exceptions, as the browser reported them
	violations []string // content security policy violations
	closed     bool     // the test has ended: logging would panic
}

func (b *Browser) logf(tb testing.TB, format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		tb.Logf(format, args...)
	}
}

// NewBrowser starts headless Chromium with a new empty profile; it stops
// when tb ends. Without Chromium tb is skipped, or fails when CI=true.
func NewBrowser(tb testing.TB) *Browser {
	tb.Helper()
	path, err := Chromium()
	if err != nil {
		if inCI() {
			tb.Fatalf("CI=true and %v", err)
		}
		tb.Skipf("skipping browser test: %v", err)
	}
	dir, err := os.MkdirTemp("", "annotator-chromium-")
	if err != nil {
		tb.Fatal(err)
	}
	px, err := startProxy()
	if err != nil {
		tb.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		// Chromium's own traffic (autofill, sign-in, updates, network time,
		// hints) off, so that every request left is the page's.
		chromedp.Flag("disable-features", "AutofillServerCommunication,OptimizationHints,OptimizationHintsFetching,OptimizationGuideModelDownloading,NetworkTimeServiceQuerying,MediaRouter,Translate,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,AcceptCHFrame"),
		chromedp.Flag("disable-field-trial-config", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("enable-automation", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-component-extensions-with-background-pages", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("disable-client-side-phishing-detection", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("safebrowsing-disable-auto-update", true),
		chromedp.Flag("allow-browser-signin", "false"),
		// Every request through the recording proxy, loopback included
		// ("<-loopback>" removes the implicit bypass).
		chromedp.ProxyServer("http://" + px.addr),
		chromedp.Flag("proxy-bypass-list", "<-loopback>"),
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	b := &Browser{ctx: ctx, dir: dir, proxy: px}
	b.cancel = func() {
		b.mu.Lock()
		b.closed = true
		b.mu.Unlock()
		cancelTab()
		cancelAlloc()
		px.close()
		// Chromium's helpers can write to the profile for a moment after it
		// exits.
		for range 50 {
			if os.RemoveAll(dir) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	tb.Cleanup(b.cancel)
	if err := chromedp.Do(ctx); err != nil { // start the browser, without a timeout
		tb.Fatalf("start %s: %v", path, err)
	}
	go b.watch(tb)
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: reportViolations})
		return err
	}))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// reportViolations runs in every document before its own scripts: it turns
// each content security policy violation into a console error the watcher
// records.
const reportViolations = `document.addEventListener("securitypolicyviolation", (e) => {
	console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " in " + e.documentURI);
});`

// OnNewDocument has the browser run script in every document before its
// own scripts, from now on.
func OnNewDocument(tb testing.TB, b *Browser, script string) {
	tb.Helper()
	err := chromedp.Do(b.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err
	}))
	if err != nil {
		tb.Fatal(err)
	}
}

// Requests returns the requests the browser has made since the first from
// of them (see RequestCount), from any page, frame or worker.
func (b *Browser) Requests(from int) []Request { return b.proxy.recorded(from) }

// RequestCount returns how many requests the browser has made so far.
func (b *Browser) RequestCount() int { return b.proxy.count() }

// SetOffline switches the network off or back on: the proxy drops every
// connection, and the tab (its service worker included) is told it is
// offline, as the network emulation of Chromium's developer tools does.
func (b *Browser) SetOffline(tb testing.TB, off bool) {
	tb.Helper()
	b.proxy.setOffline(off)
	err := chromedp.Do(b.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		conditions := []*network.Conditions{{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}}
		if !off {
			conditions = []*network.Conditions{}
		}
		if _, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: &off,
			MatchedNetworkConditions:    conditions,
		}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: off, DownloadThroughput: -1, UploadThroughput: -1})
		return err
	}))
	if err != nil {
		tb.Fatalf("set offline %v: %v", off, err)
	}
}

// Violations returns the content security policy violations reported so
// far.
func (b *Browser) Violations() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.violations...)
}

// Context is the chromedp context of the browser's tab.
func (b *Browser) Context() context.Context { return b.ctx }

// watch records uncaught exceptions and logs console errors.
func (b *Browser) watch(tb testing.TB) {
	go func() {
		for ev, err := range chromedp.Events(b.ctx, runtime.ConsoleAPICalled) {
			if err != nil {
				return
			}
			var args []string
			for _, a := range ev.Args {
				args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			msg := strings.Join(args, " ")
			// The Go runtime writes a panic to the console, then the app is
			// dead: that is an uncaught exception.
			if strings.HasPrefix(msg, "panic: ") {
				b.mu.Lock()
				b.exceptions = append(b.exceptions, msg)
				b.mu.Unlock()
			}
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || strings.HasPrefix(msg, "panic: ") || os.Getenv("BROWSER_LOG") != "" {
				b.logf(tb, "browser console %s: %s", ev.Type, msg)
				if strings.HasPrefix(msg, "CSP violation") {
					b.mu.Lock()
					b.violations = append(b.violations, msg)
					b.mu.Unlock()
				}
			}
		}
	}()
	go func() {
		for ev, err := range chromedp.Events(b.ctx, log.EntryAdded) {
			if err != nil {
				return
			}
			e := ev.Entry
			if e.Level == log.EntryLevelError || e.Level == log.EntryLevelWarning || os.Getenv("BROWSER_LOG") != "" {
				b.logf(tb, "browser log %s %s: %s (%s)", e.Source, e.Level, e.Text, e.URL)
			}
			if strings.Contains(e.Text, "Content Security Policy") || strings.Contains(e.Text, "Content-Security-Policy") {
				b.mu.Lock()
				b.violations = append(b.violations, e.Text)
				b.mu.Unlock()
			}
		}
	}()
	for ev, err := range chromedp.Events(b.ctx, runtime.ExceptionThrown) {
		if err != nil {
			return
		}
		msg := ev.ExceptionDetails.Text
		if ex := ev.ExceptionDetails.Exception; ex != nil {
			msg += " " + ex.Description
		}
		b.mu.Lock()
		b.exceptions = append(b.exceptions, msg)
		b.mu.Unlock()
	}
}

// Exceptions returns the uncaught exceptions the pages have thrown so far.
func (b *Browser) Exceptions() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.exceptions...)
}

var (
	wasmOnce sync.Once
	wasmRoot string
	wasmErr  error
)

// BuildWasm compiles web/app.wasm from the current sources, once per test
// binary, and returns the module root. A fresh clone has no app.wasm, and a
// stale one would test old code; with the build cache a rebuild of
// unchanged sources takes about a second.
func BuildWasm(tb testing.TB) string {
	tb.Helper()
	wasmOnce.Do(func() {
		wasmRoot, wasmErr = wasm.ModuleRoot(".")
		if wasmErr == nil {
			start := time.Now()
			wasmErr = wasm.Build(context.Background(), wasmRoot, filepath.Join(wasmRoot, "web", "app.wasm"))
			tb.Logf("built web/app.wasm in %v", time.Since(start).Round(time.Millisecond))
		}
	})
	if wasmErr != nil {
		tb.Fatal(wasmErr)
	}
	return wasmRoot
}
