//go:build !wasm

package site

import (
	"net/http/httptest"
	"path/filepath"
	"testing"

	"annotator/app/browsertest"
)

// TestBrowser runs the end-to-end scenario in headless Chromium against the
// server, as make run starts it, on a free loopback port.
func TestBrowser(t *testing.T) {
	b := browsertest.NewBrowser(t)
	root := browsertest.BuildWasm(t)
	s, err := New(filepath.Join(root, "web"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()

	t.Run("app.wasm arrives compressed", func(t *testing.T) {
		p := browsertest.Open(t, b, srv.URL)
		sizes := browsertest.Eval[map[string]float64](p, `(() => {
			const e = performance.getEntriesByType("resource").find(e => new URL(e.name).pathname === "/web/app.wasm");
			return e ? {encoded: e.encodedBodySize, decoded: e.decodedBodySize} : {};
		})()`)
		if sizes["decoded"] == 0 || sizes["encoded"] >= sizes["decoded"]/2 {
			t.Errorf("app.wasm transferred %.0f bytes for %.0f: not compressed", sizes["encoded"], sizes["decoded"])
		}
	})
	browsertest.Scenario(t, b, srv.URL, browsertest.TestArticle(t, root))
}
