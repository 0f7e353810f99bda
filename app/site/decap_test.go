//go:build !wasm

package site

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"annotator/app/browsertest"
	"annotator/build/wasm"
)

// TestDecap runs the Decap CMS scenario: README's admin page on two
// loopback origins, one on the annotator's embed allowlist and one not,
// with decap-server over a scratch repository, and the annotator served
// as make run serves it.
func TestDecap(t *testing.T) {
	root, err := wasm.ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	tools := browsertest.FindDecapTools(t, root)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	example, err := browsertest.ReadDecapExample(readme)
	if err != nil {
		t.Fatal(err)
	}
	b := browsertest.NewBrowser(t)
	browsertest.BuildWasm(t)
	backend := browsertest.StartDecapServer(t, tools)
	allowed := browsertest.ListenCMS(t, "localhost")
	disallowed := browsertest.ListenCMS(t, "127.0.0.1")
	s, err := New(filepath.Join(root, "web"), Config{EmbedOrigins: []string{allowed.Origin}})
	if err != nil {
		t.Fatal(err)
	}
	ln, appOrigin := browsertest.ListenApp(t)
	srv := httptest.NewUnstartedServer(s)
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	defer srv.Close()
	cms := browsertest.DecapCMS{Tools: tools, Backend: backend, Allowed: allowed, Disallowed: disallowed, App: appOrigin + "/"}
	cms.Serve(t, example)
	browsertest.Decap(t, b, cms)
	t.Run("requests went to loopback only", func(t *testing.T) { browsertest.OnlyLoopback(t, b) })
	t.Run("no content security policy violations", func(t *testing.T) { browsertest.NoViolations(t, b) })
}
