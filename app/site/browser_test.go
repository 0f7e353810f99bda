//go:build !wasm

package site

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"annotator/app/browsertest"
)

// TestBrowser runs the end-to-end scenarios in headless Chromium against
// the server, as make run starts it, on a free loopback port: the user's
// scenario, then installing, drafts, privacy, offline use, a long text,
// clearing local data, embedding from other origins, highlighting a host
// page's elements through embed.js, getting text in (pastes, files) and
// out (print), and updating to a new version. One browser and one wasm build serve them all.
func TestBrowser(t *testing.T) {
	b := browsertest.NewBrowser(t)
	root := browsertest.BuildWasm(t)
	hosts := browsertest.NewEmbedHosts(t)
	cfg := Config{EmbedOrigins: []string{hosts.Allowed}}
	s, err := New(filepath.Join(root, "web"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	// The test deploys a new version on the same origin by swapping the
	// handler, as a restarted server would.
	var current atomic.Pointer[Server]
	current.Store(s)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		current.Load().ServeHTTP(w, r)
	}))
	defer srv.Close()
	url := srv.URL + "/"
	article := browsertest.TestArticle(t, root)

	t.Run("app.wasm arrives compressed", func(t *testing.T) {
		p := browsertest.Open(t, b, url)
		sizes := browsertest.Eval[map[string]float64](p, `(() => {
			const e = performance.getEntriesByType("resource").find(e => /\/web\/app\.[0-9a-f]{10}\.wasm$/.test(new URL(e.name).pathname));
			return e ? {encoded: e.encodedBodySize, decoded: e.decodedBodySize} : {};
		})()`)
		if sizes["decoded"] == 0 || sizes["encoded"] >= sizes["decoded"]/2 {
			t.Errorf("app.wasm transferred %.0f bytes for %.0f: not compressed", sizes["encoded"], sizes["decoded"])
		}
	})
	browsertest.Scenario(t, b, url, article)
	t.Run("corrections", func(t *testing.T) { browsertest.Corrections(t, b, url) })
	t.Run("layout and navigation", func(t *testing.T) { browsertest.Layout(t, b, url) })
	t.Run("installable", func(t *testing.T) { browsertest.Installable(t, b, url) })
	t.Run("install button", func(t *testing.T) { browsertest.Install(t, b, url) })
	t.Run("a paste before the wasm runs is annotated", func(t *testing.T) {
		// Another server, so another origin, that no service worker
		// controls: app.wasm comes from it, held back until released.
		gate := make(chan struct{})
		var once sync.Once
		release := func() { once.Do(func() { close(gate) }) }
		early := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, ".wasm") {
				<-gate
			}
			current.Load().ServeHTTP(w, r)
		}))
		defer early.Close()
		defer release()
		browsertest.EarlyPaste(t, b, early.URL+"/", release)
	})
	t.Run("a draft survives a reload", func(t *testing.T) { browsertest.Draft(t, b, url) })
	t.Run("the text never leaves the device", func(t *testing.T) { browsertest.Private(t, b, url) })
	t.Run("works offline", func(t *testing.T) { browsertest.Offline(t, b, url, article) })
	t.Run("a 5 MB text is annotated in chunks", func(t *testing.T) { browsertest.LongText(t, b, url, article, 5<<20) })
	t.Run("clear local data", func(t *testing.T) { browsertest.ClearLocalData(t, b, url) })
	t.Run("embedding", func(t *testing.T) { browsertest.Embed(t, b, url, hosts, article) })
	t.Run("highlight", func(t *testing.T) { browsertest.Highlight(t, b, url, hosts) })
	t.Run("corrupted records are set aside", func(t *testing.T) { browsertest.CorruptedRecords(t, b, url) })
	t.Run("clear local data without Go", func(t *testing.T) { browsertest.NoGoRecovery(t, b, url) })
	t.Run("list-heavy texts stay within the node budgets", func(t *testing.T) { browsertest.ListHeavyBudgets(t, b, url) })
	t.Run("characters round-trip exactly", func(t *testing.T) { browsertest.CharacterRoundTrip(t, b, url, hosts) })
	t.Run("script and markup injections never run", func(t *testing.T) { browsertest.XSSVectors(t, b, url, hosts) })
	t.Run("getting text in and out", func(t *testing.T) { browsertest.Intake(t, b, url) })
	t.Run("language packs: Spanish detected, fetched once, offline after", func(t *testing.T) { browsertest.Languages(t, b, url) })
	t.Run("the analyzer worker fetches the packs", func(t *testing.T) {
		ws, err := New(filepath.Join(root, "web"), Config{AnalyzerWorker: true})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(ws) // another origin: its own service worker and caches
		defer srv.Close()
		browsertest.WorkerPacks(t, b, srv.URL+"/")
	})
	if dir := os.Getenv("LANG_SHOTS"); dir != "" { // a folder for screenshots of a Spanish and a Russian article
		t.Run("language screenshots", func(t *testing.T) { browsertest.LanguageShots(t, b, url, dir) })
	}

	t.Run("a new version is offered and loaded", func(t *testing.T) {
		p := browsertest.Open(t, b, url)
		p.WaitServiceWorker()
		p.WaitDraft()
		if v := browsertest.Eval[string](p, `goappGetenv("GOAPP_VERSION")`); v != s.Version {
			t.Fatalf("running version %s, the server's is %s", v, s.Version)
		}
		p.Paste("")
		before := p.Runs()
		p.Type("#text", "Typed before the update.")
		p.WaitRun(before)
		browsertest.Poll[bool](p, `document.getElementById("local-data").dataset.draft === "saved"`)

		next, err := New(newVersion(t, filepath.Join(root, "web")), cfg)
		if err != nil {
			t.Fatal(err)
		}
		if next.Version == s.Version {
			t.Fatal("the changed web directory has the same version")
		}
		current.Store(next)
		defer current.Store(s)

		// The user comes back to the tab: the app checks, and offers the
		// new version.
		browsertest.Eval[bool](p, `window.dispatchEvent(new Event("focus"))`)
		msg := browsertest.Poll[string](p, `document.querySelector("#update.available") && document.getElementById("update").textContent`)
		if !strings.Contains(msg, "new version") {
			t.Errorf("the update banner says %q", msg)
		}
		p.AwaitNavigation(func() { p.Click("#update-reload") })
		if v := browsertest.Poll[string](p, `goappGetenv("GOAPP_VERSION")`); v != next.Version {
			t.Errorf("after reloading, version %s runs, want the new %s", v, next.Version)
		}
		if got := browsertest.Poll[string](p, `document.getElementById("text").value`); got != "Typed before the update." {
			t.Errorf("after the update the paste area holds %q", got)
		}
		t.Logf("update: %s → %s offered on focus and loaded, the draft kept", s.Version, next.Version)
	})

	// Last of the pages: after it, a page of the app sometimes waited for
	// IndexedDB for good (seen twice, not understood yet).
	t.Run("exotic values in every embed message", func(t *testing.T) { browsertest.ExoticEmbedMessages(t, b, url, hosts) })

	t.Run("requests went to loopback only", func(t *testing.T) { browsertest.OnlyLoopback(t, b) })
	t.Run("no content security policy violations", func(t *testing.T) { browsertest.NoViolations(t, b) })
}

// newVersion returns a copy of the web directory with one more file: the
// same app as a new version, as a deployment would bring.
func newVersion(t *testing.T, web string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(web)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasSuffix(e.Name(), ".tmp") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(web, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "release.txt"), []byte("a new version\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}
