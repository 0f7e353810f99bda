package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"annotator/app/browsertest"
	"annotator/app/site"
	"annotator/app/ui"
	"annotator/build/wasm"
)

var (
	distOnce sync.Once
	distDir  string
	distErr  error
)

// dist builds the bundle once for all the tests of this package.
func dist(t *testing.T) string {
	t.Helper()
	distOnce.Do(func() {
		dir, err := os.MkdirTemp("", "annotator-dist-")
		if err != nil {
			distErr = err
			return
		}
		distDir = filepath.Join(dir, "dist")
		distErr = build(context.Background(), distDir, "", t.Logf)
	})
	if distErr != nil {
		t.Fatal(distErr)
	}
	return distDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if distDir != "" {
		os.RemoveAll(filepath.Dir(distDir))
	}
	os.Exit(code)
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestBundleFiles(t *testing.T) {
	dir := dist(t)
	for _, name := range []string{
		"index.html", "app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest", "app.css",
		"web/app.wasm", "web/app.css", "web/icon-192.png", "web/icon-512.png", "web/icon.svg",
	} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("bundle lacks %s", name)
		}
	}
	// The developer's compressed caches and temporary files stay out.
	err := eachFile(dir, func(path string) error {
		if strings.HasSuffix(path, ".tmp") || strings.Contains(path, ".tmp-") {
			t.Errorf("temporary file in the bundle: %s", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestBundleIsPrecompressed(t *testing.T) {
	dir := dist(t)
	must := map[string]bool{"index.html": true, "app.js": true, "wasm_exec.js": true, "web/app.wasm": true, "web/app.css": true}
	err := eachFile(dir, func(path string) error {
		name, _ := filepath.Rel(dir, path)
		if !fileRules[filepath.Ext(path)].compress {
			for _, c := range site.Codings {
				if _, err := os.Stat(path + c.Ext); err == nil {
					t.Errorf("%s has a %s copy, but its rule says not to compress it", name, c.Name)
				}
			}
			return nil
		}
		raw := read(t, path)
		for _, c := range site.Codings {
			enc, err := os.ReadFile(path + c.Ext)
			if err != nil {
				if must[filepath.ToSlash(name)] {
					t.Errorf("%s has no %s copy", name, c.Name)
				}
				continue
			}
			dec, err := c.Decode(enc)
			if err != nil || !bytes.Equal(dec, raw) {
				t.Errorf("%s%s does not decode to %s (%v)", name, c.Ext, name, err)
			}
			if len(enc) >= len(raw) {
				t.Errorf("%s%s is %d bytes, no smaller than %d", name, c.Ext, len(enc), len(raw))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestBundleIsMinified(t *testing.T) {
	dir := dist(t)
	root, err := wasm.ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	css := read(t, filepath.Join(dir, "web", "app.css"))
	src := read(t, filepath.Join(root, "web", "app.css"))
	if len(css) >= len(src)*9/10 || bytes.Contains(css, []byte("/*")) {
		t.Errorf("web/app.css is %d bytes from %d, comments left: %v", len(css), len(src), bytes.Contains(css, []byte("/*")))
	}
	for _, name := range []string{"app.js", "app-worker.js", "wasm_exec.js"} {
		js := read(t, filepath.Join(dir, name))
		if regexp.MustCompile(`(?m)^\s*//`).Match(js) || bytes.Count(js, []byte("\n")) > 5 {
			t.Errorf("%s keeps comments or line breaks: not minified", name)
		}
	}
	html := read(t, filepath.Join(dir, "index.html"))
	if m := regexp.MustCompile(`>\s{2,}<|\n\s+`).Find(html); m != nil {
		t.Errorf("index.html keeps runs of white space (%q): not minified", m)
	}
	if !bytes.HasPrefix(read(t, filepath.Join(dir, "manifest.webmanifest")), []byte(`{"`)) {
		t.Errorf("manifest.webmanifest is not minified JSON")
	}
}

func TestBundleIsVersionedAndLocal(t *testing.T) {
	dir := dist(t)
	version, err := site.Version(filepath.Join(dir, "web"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"app.js", "app-worker.js"} {
		if !bytes.Contains(read(t, filepath.Join(dir, name)), []byte(version)) {
			t.Errorf("%s does not carry the version %s, the content hash of web/", name, version)
		}
	}
	for _, name := range []string{"index.html", "manifest.webmanifest", "app-worker.js", "app.js"} {
		if m := regexp.MustCompile(`https?://[^"' )]*`).Find(read(t, filepath.Join(dir, name))); m != nil {
			t.Errorf("%s refers to %s: the bundle must not depend on another host", name, m)
		}
	}
}

// TestPrefix renders the pages for a site served under /annotator/: every
// path go-app writes carries the prefix.
func TestPrefix(t *testing.T) {
	root, err := wasm.ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	ui.Routes()
	b := &bundle{root: root, dir: t.TempDir(), prefix: normalizePrefix("annotator/"), log: t.Logf}
	if err := os.MkdirAll(filepath.Join(b.dir, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A stand-in app.wasm: the pages only need it hashed.
	if err := os.WriteFile(filepath.Join(b.dir, "web", site.WasmFile), []byte("\x00asm"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, s := range []func(context.Context, *bundle) error{copyWebFiles, renderPages} {
		if err := s(context.Background(), b); err != nil {
			t.Fatal(err)
		}
	}
	for name, wants := range map[string][]string{
		"index.html":           {`href="/annotator/web/app.css"`, `src="/annotator/app.js"`, `href="/annotator/manifest.webmanifest"`},
		"app-worker.js":        {`"/annotator/web/app.wasm"`, `"/annotator/web/icon.svg"`},
		"app.js":               {`/annotator/web/app.wasm`, `/annotator/app-worker.js`},
		"manifest.webmanifest": {`"start_url": "/annotator/"`, `"/annotator/web/icon-512.png"`},
	} {
		page := string(read(t, filepath.Join(b.dir, name)))
		for _, want := range wants {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
	}
}

func TestNormalizePrefix(t *testing.T) {
	for in, want := range map[string]string{"": "", "/": "", "annotator": "/annotator", "/annotator/": "/annotator", "a/b/": "/a/b"} {
		if got := normalizePrefix(in); got != want {
			t.Errorf("normalizePrefix(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRefusesToReplaceOtherDirectories(t *testing.T) {
	root := t.TempDir()
	other := filepath.Join(root, "notes")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other, "todo.txt"), []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{other, root, filepath.Join(root, "web")} {
		if err := checkReplaceable(out, root); err == nil {
			t.Errorf("checkReplaceable(%s) accepted a directory that is not a bundle", out)
		}
	}
	for _, out := range []string{filepath.Join(root, "dist"), t.TempDir()} {
		if err := checkReplaceable(out, root); err != nil {
			t.Errorf("checkReplaceable(%s): %v", out, err)
		}
	}
}

// TestBrowserDist runs the end-to-end scenario against the bundle served by
// a plain file server, which knows nothing of go-app.
func TestBrowserDist(t *testing.T) {
	b := browsertest.NewBrowser(t)
	dir := dist(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	root, err := wasm.ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Scenario(t, b, srv.URL, browsertest.TestArticle(t, root))
}
