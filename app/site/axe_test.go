//go:build !wasm

package site

import (
	"net/http/httptest"
	"path/filepath"
	"testing"

	"annotator/app/browsertest"
	"annotator/build/wasm"
)

// TestAccessibility audits the app's main states with axe-core in headless
// Chromium, served as make run serves it: no violation of any impact.
func TestAccessibility(t *testing.T) {
	root, err := wasm.ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	axe := browsertest.FindAxe(t, root)
	b := browsertest.NewBrowser(t)
	browsertest.BuildWasm(t)
	s, err := New(filepath.Join(root, "web"), Config{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	browsertest.Accessibility(t, b, srv.URL+"/", axe)
}
