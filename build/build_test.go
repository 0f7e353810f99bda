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

	"annotator/analyzer/lang"
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
		distErr = build(context.Background(), distDir, "", nil, t.Logf)
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
		"index.html", "embed.html", "app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest", "app.css",
		"web/app.css", "web/pwa.css", "web/embed.js", "web/icon-192.png", "web/icon-512.png", "web/icon.svg",
		"web/integrations/decap/annotator-preview.js", "web/integrations/decap/annotator-preview.css",
	} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("bundle lacks %s", name)
		}
	}
	// app.wasm is there under its hashed name only, as the pages load it.
	for pattern, want := range map[string]int{"web/app.wasm": 0, "web/app.[0-9a-f]*.wasm": 1, "web/app.[0-9a-f]*.css": 1, "web/icon.[0-9a-f]*.svg": 1} {
		if got, _ := filepath.Glob(filepath.Join(dir, pattern)); len(got) != want {
			t.Errorf("bundle has %d files %s, want %d", len(got), pattern, want)
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
	must := map[string]bool{"index.html": true, "embed.html": true, "app.js": true, "wasm_exec.js": true, "web/app.css": true, "web/embed.js": true}
	wasms, _ := filepath.Glob(filepath.Join(dir, "web", "app.*.wasm"))
	for _, w := range wasms {
		name, _ := filepath.Rel(dir, w)
		must[filepath.ToSlash(name)] = true
	}
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
	m := regexp.MustCompile(`GOAPP_VERSION"?:"([0-9a-f]{20})"`).FindSubmatch(read(t, filepath.Join(dir, "app.js")))
	if m == nil {
		t.Fatal("app.js carries no version")
	}
	if !bytes.Contains(read(t, filepath.Join(dir, "app-worker.js")), m[1]) {
		t.Errorf("app-worker.js does not carry the version %s of app.js", m[1])
	}
	for _, name := range []string{"index.html", "embed.html", "manifest.webmanifest", "app-worker.js", "app.js"} {
		if m := regexp.MustCompile(`["'=]\s*https?://[^"' )]*`).Find(read(t, filepath.Join(dir, name))); m != nil {
			t.Errorf("%s refers to %s: the bundle must not depend on another host", name, m)
		}
	}
	// Every file a page links is in the bundle.
	for _, page := range []string{"index.html", "embed.html"} {
		for _, ref := range regexp.MustCompile(`(?:href|src)="(/[^"]*)"`).FindAllSubmatch(read(t, filepath.Join(dir, page)), -1) {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(string(ref[1])))); err != nil {
				t.Errorf("%s links %s, which the bundle lacks", page, ref[1])
			}
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
	b := &bundle{root: root, dir: t.TempDir(), prefix: site.NormalizePrefix("annotator/"), log: t.Logf}
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
	hashed := `[0-9a-f]{10}`
	for name, wants := range map[string][]string{
		"index.html":           {`href="/annotator/web/app\.` + hashed + `\.css"`, `src="/annotator/app\.js"`, `href="/annotator/manifest\.webmanifest"`},
		"embed.html":           {`src="/annotator/app\.js"`, `id="embed"`},
		"app-worker.js":        {`"/annotator/web/app\.` + hashed + `\.wasm"`, `"/annotator/web/icon\.` + hashed + `\.svg"`, `"/annotator/embed\.html"`, `"/annotator"`},
		"app.js":               {`/annotator/web/app\.` + hashed + `\.wasm`, `/annotator/app-worker\.js`, `"GOAPP_ROOT_PREFIX":"/annotator"`},
		"manifest.webmanifest": {`"start_url": "/annotator/"`, `"scope": "/annotator/"`, `"/annotator/web/icon-512\.` + hashed + `\.png"`},
	} {
		page := string(read(t, filepath.Join(b.dir, name)))
		for _, want := range wants {
			if !regexp.MustCompile(want).MatchString(page) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
	}
}

// TestHostHeaders checks that _headers gives each path of a bundle built
// for a sub-path, with an embed allowlist, the headers the server sends for
// the same file.
func TestHostHeaders(t *testing.T) {
	root, err := wasm.ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	ui.Routes()
	b := &bundle{root: root, dir: t.TempDir(), prefix: site.NormalizePrefix("/annotator"), origins: []string{"https://cms.example.com"}, log: t.Logf}
	if err := os.MkdirAll(filepath.Join(b.dir, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(b.dir, "web", site.WasmFile), []byte("\x00asm"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := copyWebFiles(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	// The server, for the same web files (render pages removes app.wasm).
	webDir := filepath.Join(t.TempDir(), "web")
	if err := os.CopyFS(webDir, os.DirFS(filepath.Join(b.dir, "web"))); err != nil {
		t.Fatal(err)
	}
	srv, err := site.New(webDir, site.Config{EmbedOrigins: b.origins})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []func(context.Context, *bundle) error{renderPages, writeHostHeaders} {
		if err := s(context.Background(), b); err != nil {
			t.Fatal(err)
		}
	}
	rules := parseHostHeaders(t, string(read(t, filepath.Join(b.dir, site.HostHeadersFile))))

	for _, f := range b.files.Files {
		path := b.prefix + "/" + f.Name
		got, ok := rules[path]
		if !ok {
			t.Errorf("_headers has no rule for %s", path)
			continue
		}
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/"+f.Name, nil))
		for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Cache-Control"} {
			if want := w.Header().Get(h); got[h] != want {
				t.Errorf("%s: _headers says %s %q, the server %q", path, h, got[h], want)
			}
		}
	}
	// The pages by their routes, and who may frame them.
	for path, ancestors := range map[string]string{
		"/annotator/":      "frame-ancestors 'none'",
		"/annotator":       "frame-ancestors 'none'",
		"/annotator/embed": "frame-ancestors 'self' https://cms.example.com",
	} {
		if csp := rules[path]["Content-Security-Policy"]; !strings.HasSuffix(csp, ancestors) {
			t.Errorf("%s: policy %q, want it to end %q", path, csp, ancestors)
		}
	}
	if rules["/annotator/embed.html"]["X-Frame-Options"] != "" {
		t.Error("the embed page says X-Frame-Options, which would forbid the allowed hosts too")
	}
}

// parseHostHeaders reads a _headers file: a path at the start of a line,
// then its headers indented; a path twice is an error.
func parseHostHeaders(t *testing.T, text string) map[string]map[string]string {
	t.Helper()
	rules := map[string]map[string]string{}
	var cur map[string]string
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			if _, dup := rules[line]; dup {
				t.Errorf("_headers has two rules for %s", line)
			}
			cur = map[string]string{}
			rules[line] = cur
		case cur == nil:
			t.Fatalf("_headers: a header before any path: %q", line)
		default:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok {
				t.Fatalf("_headers: not a header: %q", line)
			}
			cur[name] = value
		}
	}
	return rules
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
	for _, out := range []string{other, root, filepath.Join(root, "web"), filepath.Join(root, "web", "dist")} {
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

// packBudgets are the most each language's pack may weigh as served (the
// bundle's brotli 11 copy, which make run serves too; issue 13): English's
// names data, model, lists and clusters, 1.2 MB (issue 10's budget),
// every other language's 700 KB.
var packBudgets = map[string]int{"en": 1_200_000, "es": 700_000, "fr": 700_000, "ru": 700_000, "sv": 700_000, "no": 700_000, "hu": 700_000}

func TestPackBudgets(t *testing.T) {
	dir := dist(t)
	for _, code := range lang.Codes() {
		packs, _ := filepath.Glob(filepath.Join(dir, filepath.FromSlash(site.PacksDir), code+".*.pack.br"))
		if len(packs) != 1 {
			t.Errorf("%s: %d brotli pack files, want 1", code, len(packs))
			continue
		}
		size := len(read(t, packs[0]))
		t.Logf("%s pack: %d bytes brotli", code, size)
		if size > packBudgets[code] {
			t.Errorf("%s pack: %d bytes brotli, over its budget of %d", code, size, packBudgets[code])
		}
	}
}

// TestServerServesTheBundle: the server, given the bundle (make run),
// serves each file of it as it is, in each precompressed coding, with the
// headers _headers gives it, the pages by their routes too, and nothing
// else.
func TestServerServesTheBundle(t *testing.T) {
	dir := dist(t)
	srv, err := site.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`GOAPP_VERSION"?:"([0-9a-f]{20})"`).FindSubmatch(read(t, filepath.Join(dir, "app.js"))); m == nil || string(m[1]) != srv.Version {
		t.Errorf("the server says version %q, app.js %q", srv.Version, m)
	}
	rules := parseHostHeaders(t, string(read(t, filepath.Join(dir, site.HostHeadersFile))))
	pages := map[string]string{}
	for _, p := range site.Pages {
		pages[p.Path] = p.Name
	}
	served := 0
	for path, headers := range rules {
		name := strings.TrimPrefix(path, "/")
		if page, ok := pages[path]; ok {
			name = page
		}
		raw := read(t, filepath.Join(dir, filepath.FromSlash(name)))
		for _, coding := range append([]string{"identity"}, "br", "gzip") {
			want := raw
			if coding != "identity" {
				enc, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)) + map[string]string{"br": ".br", "gzip": ".gz"}[coding])
				if err != nil {
					continue // left uncompressed by the builder
				}
				want = enc
			}
			r := httptest.NewRequest(http.MethodGet, path, nil)
			r.Header.Set("Accept-Encoding", coding)
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, r)
			served++
			if w.Code != http.StatusOK || !bytes.Equal(w.Body.Bytes(), want) {
				t.Errorf("%s (%s): status %d, %d bytes, want the bundle's %d", path, coding, w.Code, w.Body.Len(), len(want))
				continue
			}
			if got := w.Header().Get("Content-Encoding"); coding != "identity" && got != coding {
				t.Errorf("%s: Content-Encoding %q, want %q", path, got, coding)
			}
			for h, v := range headers {
				if got := w.Header().Get(h); got != v {
					t.Errorf("%s: %s %q, _headers says %q", path, h, got, v)
				}
			}
		}
	}
	if served < 3*len(site.Pages) {
		t.Fatalf("served only %d responses", served)
	}
	for _, path := range []string{"/" + site.HostHeadersFile, "/web/app.wasm", "/index.html.br", "/nothing"} {
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		if w.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, w.Code)
		}
	}
	// A bundle built for a sub-path is not served at the root.
	sub := filepath.Join(t.TempDir(), "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	headers := strings.ReplaceAll(string(read(t, filepath.Join(dir, site.HostHeadersFile))), "\n/", "\n/annotator/")
	if err := os.WriteFile(filepath.Join(sub, site.HostHeadersFile), []byte(headers), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := site.Open(sub); err == nil || !strings.Contains(err.Error(), "sub-path") {
		t.Errorf("a bundle for /annotator/: %v, want an error saying it was built for a sub-path", err)
	}
	if _, err := site.Open(t.TempDir()); err == nil || !strings.Contains(err.Error(), "make dist") {
		t.Errorf("an empty directory: %v, want an error saying how to build a bundle", err)
	}
}

// TestBrowserDist runs the end-to-end scenarios against bundles served by
// a plain file server, which knows nothing of go-app: the bundle at the
// root, then one built for /annotator/ with an embed allowlist, served
// under that path. Both install, work offline, and depend on no other
// host; the second is embedded from other origins, where no header but
// the page's own ancestorOrigins check keeps the others out.
func TestBrowserDist(t *testing.T) {
	b := browsertest.NewBrowser(t)
	root, err := wasm.ModuleRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	article := browsertest.TestArticle(t, root)

	t.Run("at the root", func(t *testing.T) {
		srv := httptest.NewServer(http.FileServer(http.Dir(dist(t))))
		defer srv.Close()
		url := srv.URL + "/"
		browsertest.Scenario(t, b, url, article)
		t.Run("installable", func(t *testing.T) { browsertest.Installable(t, b, url) })
		t.Run("works offline", func(t *testing.T) { browsertest.Offline(t, b, url, article) })
	})

	t.Run("by the server, as make run serves it", func(t *testing.T) {
		s, err := site.Open(dist(t))
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(s)
		defer srv.Close()
		browsertest.Scenario(t, b, srv.URL+"/", article)
	})

	t.Run("under /annotator/", func(t *testing.T) {
		hosts := browsertest.NewEmbedHosts(t)
		dir := filepath.Join(t.TempDir(), "dist")
		if err := build(context.Background(), dir, "/annotator/", []string{hosts.Allowed}, t.Logf); err != nil {
			t.Fatal(err)
		}
		mux := http.NewServeMux()
		mux.Handle("/annotator/", http.StripPrefix("/annotator", http.FileServer(http.Dir(dir))))
		srv := httptest.NewServer(mux)
		defer srv.Close()
		url := srv.URL + "/annotator/"
		t.Run("installable", func(t *testing.T) { browsertest.Installable(t, b, url) })
		t.Run("works offline", func(t *testing.T) { browsertest.Offline(t, b, url, article) })
		t.Run("embedding", func(t *testing.T) { browsertest.Embed(t, b, url, hosts, article) })
		t.Run("an allowed page framed by a disallowed one", func(t *testing.T) { browsertest.NestedEmbed(t, b, url, hosts) })
		t.Run("highlight", func(t *testing.T) { browsertest.Highlight(t, b, url, hosts) })
	})

	t.Run("requests went to loopback only", func(t *testing.T) { browsertest.OnlyLoopback(t, b) })
	t.Run("no content security policy violations", func(t *testing.T) { browsertest.NoViolations(t, b) })
}
