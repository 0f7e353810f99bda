//go:build !wasm

package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"annotator/app/site"
)

// webDir writes a web directory with the real styles, scripts and icons
// and a stand-in app.wasm.
func webDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, site.WasmFile), bytes.Repeat([]byte("\x00asm load test "), 50000), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range site.WebFiles {
		data, err := os.ReadFile(filepath.Join("..", "..", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadTestCountsEveryRequest(t *testing.T) {
	var out strings.Builder
	if err := loadtest(webDir(t), "", 1000, 8, &out); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if !strings.Contains(out.String(), "1000 requests from 8 clients") || !strings.Contains(out.String(), " 0 errors") {
		t.Errorf("report %q", out.String())
	}
	t.Log(out.String())
}

func TestLoadTestReportsErrors(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		if r.URL.Path == "/bad" {
			http.Error(w, "no", http.StatusInternalServerError)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	r := Load(srv.URL, []string{"/good", "/bad"}, 100, 1)
	if r.Requests != 100 || r.Errors != 50 || calls != 100 || r.First == nil {
		t.Errorf("100 requests, half failing: report %+v after %d calls", r, calls)
	}
}
