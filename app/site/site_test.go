//go:build !wasm

package site

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"annotator/analyzer/lang"
	"annotator/app/ui"
)

func TestMain(m *testing.M) {
	ui.Routes()
	os.Exit(m.Run())
}

// fakeWasm is compressible content standing in for app.wasm: the server
// does not look inside it.
func fakeWasm(seed string) []byte {
	return bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00 "+seed+" go-app annotator "), 20000)
}

// newWebDir writes a web directory with a fake app.wasm and the real
// styles, scripts and icons.
func newWebDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, WasmFile), fakeWasm("v1"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range WebFiles {
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

func newServer(t testing.TB, dir string, origins ...string) *Server {
	t.Helper()
	s, err := New(dir, Config{EmbedOrigins: origins})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func get(t testing.TB, h http.Handler, method, path string, header ...string) *http.Response {
	t.Helper()
	r := httptest.NewRequest(method, "/", nil)
	r.URL.Path, r.RequestURI = path, path // as the server would, when parsing fails
	if u, err := url.ParseRequestURI(path); err == nil {
		r.URL = u
	}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Add(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func body(t testing.TB, res *http.Response) string {
	t.Helper()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// hashedPath returns the URL path of the hashed copy of a web file.
func hashedPath(t testing.TB, s *Server, name string) string {
	t.Helper()
	ext := filepath.Ext(name)
	re := regexp.MustCompile(`^web/` + regexp.QuoteMeta(strings.TrimSuffix(name, ext)) + `\.[0-9a-f]{10}` + regexp.QuoteMeta(ext) + `$`)
	for _, f := range s.Bundle.Files {
		if f.Hashed && re.MatchString(f.Name) {
			return "/" + f.Name
		}
	}
	t.Fatalf("no hashed copy of %s in the bundle", name)
	return ""
}

func codingNamed(t testing.TB, name string) Coding {
	for _, c := range Codings {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no coding %q", name)
	return Coding{}
}

func TestWasmIsPrecompressed(t *testing.T) {
	s := newServer(t, newWebDir(t))
	wasm := hashedPath(t, s, WasmFile)
	raw := fakeWasm("v1")
	for _, c := range []struct {
		accept   string // "-": no header
		encoding string // Content-Encoding, "" for none
	}{
		{"-", ""},
		{"gzip, deflate, br", "br"},
		{"gzip", "gzip"},
		{"br;q=0.1, gzip;q=0.9", "gzip"},
		{"identity", ""},
		{"deflate", ""},
		{"br;q=0, gzip;q=0, identity;q=0", ""},
	} {
		var h []string
		if c.accept != "-" {
			h = []string{"Accept-Encoding", c.accept}
		}
		res := get(t, s, http.MethodGet, wasm, h...)
		data := []byte(body(t, res))
		name := wasm + " with Accept-Encoding " + c.accept
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", name, res.StatusCode)
		}
		if got := res.Header.Get("Content-Encoding"); got != c.encoding {
			t.Errorf("%s: Content-Encoding %q, want %q", name, got, c.encoding)
		}
		if got := res.Header.Get("Content-Type"); got != "application/wasm" {
			t.Errorf("%s: Content-Type %q", name, got)
		}
		if got := res.Header.Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("%s: Vary %q", name, got)
		}
		if got := res.Header.Get("Content-Length"); got != strconv.Itoa(len(data)) {
			t.Errorf("%s: Content-Length %s for a %d-byte body", name, got, len(data))
		}
		if got := res.Header.Get(UncompressedLengthHeader); got != strconv.Itoa(len(raw)) {
			t.Errorf("%s: %s %s, want %d", name, UncompressedLengthHeader, got, len(raw))
		}
		decoded := data
		if c.encoding != "" {
			if len(data) >= len(raw) {
				t.Errorf("%s: %d bytes compressed, %d raw", name, len(data), len(raw))
			}
			var err error
			if decoded, err = codingNamed(t, c.encoding).Decode(data); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		if !bytes.Equal(decoded, raw) {
			t.Errorf("%s: body does not decode to app.wasm", name)
		}
	}

	// Conditional requests revalidate per coding.
	etag := get(t, s, http.MethodGet, wasm, "Accept-Encoding", "br").Header.Get("ETag")
	if !strings.Contains(etag, "br") {
		t.Errorf("ETag %s does not name the coding", etag)
	}
	if res := get(t, s, http.MethodGet, wasm, "Accept-Encoding", "br", "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match with the br ETag: status %d, want 304", res.StatusCode)
	}
	if res := get(t, s, http.MethodGet, wasm, "Accept-Encoding", "gzip", "If-None-Match", etag); res.StatusCode != http.StatusOK {
		t.Errorf("If-None-Match with the br ETag, asking for gzip: status %d, want 200", res.StatusCode)
	}
	res := get(t, s, http.MethodHead, wasm, "Accept-Encoding", "gzip")
	if b := body(t, res); len(b) != 0 || res.Header.Get("Content-Length") == "" {
		t.Errorf("HEAD: %d body bytes, Content-Length %q", len(b), res.Header.Get("Content-Length"))
	}
	// Only under its hashed name: the plain one would be cached stale.
	for _, path := range []string{"/web/app.wasm", "/app.wasm"} {
		if res := get(t, s, http.MethodGet, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
}

// TestEveryTextFileIsPrecompressed checks every file worth compressing is
// served compressed, with Vary, decoding to the file.
func TestEveryTextFileIsPrecompressed(t *testing.T) {
	s := newServer(t, newWebDir(t))
	n := 0
	for _, f := range s.Bundle.Files {
		path := "/" + f.Name
		res := get(t, s, http.MethodGet, path, "Accept-Encoding", "gzip, br")
		data := []byte(body(t, res))
		if got := res.Header.Get("Content-Type"); got != f.ContentType || got == "application/octet-stream" {
			t.Errorf("%s: Content-Type %q, want %q", path, got, f.ContentType)
		}
		if !Compressible(f.ContentType) || len(f.Data) < 1000 {
			continue
		}
		n++
		if res.Header.Get("Content-Encoding") != "br" || res.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("%s (%d bytes): Content-Encoding %q, Vary %q", path, len(f.Data), res.Header.Get("Content-Encoding"), res.Header.Get("Vary"))
			continue
		}
		if dec, err := codingNamed(t, "br").Decode(data); err != nil || !bytes.Equal(dec, f.Data) {
			t.Errorf("%s: br body does not decode to the file (%v)", path, err)
		}
	}
	if n < 6 {
		t.Errorf("only %d files checked compressed; the pages, scripts and styles should all be", n)
	}
}

func TestCompressedCopiesAreReused(t *testing.T) {
	dir := newWebDir(t)
	newServer(t, dir)
	raw := fakeWasm("v1")
	for _, c := range Codings {
		data, err := os.ReadFile(filepath.Join(dir, WasmFile+c.Ext))
		if err != nil {
			t.Fatalf("no %s copy written: %v", c.Name, err)
		}
		if dec, err := c.Decode(data); err != nil || !bytes.Equal(dec, raw) {
			t.Fatalf("%s copy does not decode to app.wasm (%v)", c.Name, err)
		}
	}

	// A copy that decodes to app.wasm is served as it is, even if another
	// compressor made it (make dist compresses harder than the server).
	best, err := Codings[0].Encode(raw, Best)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, WasmFile+Codings[0].Ext), best, 0o644); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, dir)
	if got := body(t, get(t, s, http.MethodGet, hashedPath(t, s, WasmFile), "Accept-Encoding", Codings[0].Name)); got != string(best) {
		t.Errorf("the valid %s copy on disk was not reused", Codings[0].Name)
	}

	// A stale copy, from an older app.wasm, is replaced.
	if err := os.WriteFile(filepath.Join(dir, WasmFile), fakeWasm("v2"), 0o644); err != nil {
		t.Fatal(err)
	}
	s = newServer(t, dir)
	got := body(t, get(t, s, http.MethodGet, hashedPath(t, s, WasmFile), "Accept-Encoding", "gzip"))
	if dec, err := codingNamed(t, "gzip").Decode([]byte(got)); err != nil || !bytes.Equal(dec, fakeWasm("v2")) {
		t.Errorf("after app.wasm changed, gzip serves the old one (%v)", err)
	}
}

func TestVersionFollowsContentAndConfig(t *testing.T) {
	dir := newWebDir(t)
	s := newServer(t, dir)
	v1 := s.Version
	if len(v1) != 20 {
		t.Fatalf("version %q", v1)
	}
	// go-app puts it in app.js and the service worker, whose cache it names.
	for _, path := range []string{"/app.js", "/app-worker.js"} {
		if !strings.Contains(body(t, get(t, s, http.MethodGet, path)), v1) {
			t.Errorf("%s does not carry the version %s", path, v1)
		}
	}
	// The compressed copies New wrote do not change it.
	if v := newServer(t, dir).Version; v != v1 {
		t.Errorf("version changed from %s to %s when only compressed copies were added", v1, v)
	}

	write := func(name, content string) string {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return newServer(t, dir).Version
	}
	v2 := write(WasmFile, string(fakeWasm("v2")))
	v3 := write(StyleCSS, "body { color: black }")
	v4 := write(WasmFile, string(fakeWasm("v2"))) // unchanged content
	v5 := newServer(t, dir, "https://cms.example.com").Version
	if v2 == v1 || v3 == v2 || v4 != v3 || v5 == v4 {
		t.Errorf("versions %s → %s (new wasm) → %s (new css) → %s (same wasm again) → %s (an embed origin): want a change exactly when content or configuration changes", v1, v2, v3, v4, v5)
	}
}

func TestPagesAndFiles(t *testing.T) {
	s := newServer(t, newWebDir(t))
	wasm, css, svg := hashedPath(t, s, WasmFile), hashedPath(t, s, StyleCSS), hashedPath(t, s, IconSVG)
	palette, intake, readability := hashedPath(t, s, PaletteCSS), hashedPath(t, s, IntakeJS), hashedPath(t, s, ReadabilityJS)
	for _, c := range []struct {
		path, contentType string
		contains          []string
	}{
		{"/", "text/html; charset=utf-8", []string{`id="annotator"`, `href="` + palette + `"`, `href="` + css + `"`, `href="/manifest.webmanifest"`, `id="text"`, `src="/app.js"`}},
		{"/index.html", "text/html; charset=utf-8", []string{`id="annotator"`}},
		{"/embed", "text/html; charset=utf-8", []string{`id="embed"`, `href="` + css + `"`}},
		{"/embed.html", "text/html; charset=utf-8", []string{`id="embed"`}},
		{"/manifest.webmanifest", "application/manifest+json", []string{hashedPath(t, s, IconPNG), hashedPath(t, s, IconPNGL), svg, `"display": "standalone"`, `"start_url": "/"`, `"theme_color": "#1d3557"`}},
		{"/app-worker.js", "text/javascript; charset=utf-8", []string{`"` + wasm + `"`, `"` + svg + `"`, `"/embed.html"`, `"/"`}},
		{"/app.js", "text/javascript; charset=utf-8", []string{wasm, `/app-worker.js`, "goappFetchCounted(\"" + wasm + "\", showProgress)", "\ngoappInitServiceWorkerWhenSettled();\n"}},
		{"/wasm_exec.js", "text/javascript; charset=utf-8", []string{"Go", `new TextDecoder("utf-8", { ignoreBOM: true })`}},
		{css, "text/css; charset=utf-8", []string{"mark"}},
		{"/web/app.css", "text/css; charset=utf-8", []string{"mark"}},
		{"/web/embed.js", "text/javascript; charset=utf-8", []string{"postMessage"}},
		{palette, "text/css; charset=utf-8", []string{`[data-label="PER"]`, "prefers-color-scheme: dark"}},
		{intake, "text/javascript; charset=utf-8", []string{"AnnotatorIntake", "DOMParser"}},
		{readability, "text/javascript; charset=utf-8", []string{"function Readability("}},
		{"/web/vendor/readability/LICENSE.md", "text/markdown; charset=utf-8", []string{"Apache License"}},
		{"/web/icon-192.png", "image/png", nil},
		{svg, "image/svg+xml", []string{"<svg"}},
	} {
		res := get(t, s, http.MethodGet, c.path)
		b := body(t, res)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", c.path, res.StatusCode)
			continue
		}
		if got := res.Header.Get("Content-Type"); got != c.contentType {
			t.Errorf("%s: Content-Type %q, want %q", c.path, got, c.contentType)
		}
		for _, want := range c.contains {
			if !strings.Contains(b, want) {
				t.Errorf("%s lacks %s", c.path, want)
			}
		}
		if c.path == "/app.js" && strings.Contains(b, "\ngoappInitServiceWorker();\n") {
			t.Errorf("/app.js registers the service worker as the page starts")
		}
		if c.path == "/" {
			// The preloads come before every script and style.
			preload := strings.Index(b, `<link rel="preload" href="`+wasm+`" as="fetch"`)
			if first := min(strings.Index(b, "<script"), strings.Index(b, "<link")); preload < 0 || preload > first {
				t.Errorf("/ does not preload %s before its scripts and styles (at %d, first at %d)", wasm, preload, first)
			}
			// go-app writes a tag's attributes in no fixed order.
			for _, src := range []string{readability, intake} {
				if !strings.Contains(b, `<script defer src="`+src+`">`) && !strings.Contains(b, `<script src="`+src+`" defer>`) {
					t.Errorf("/ does not load %s deferred", src)
				}
			}
		}
		if m := remoteReference(b); m != "" && c.path != "/web/embed.js" { // embed.js shows a host page in its comment
			t.Errorf("%s refers to %s: the app must not depend on another host", c.path, m)
		}
	}
}

// remoteReference returns the first address of another host that a page,
// script or manifest would fetch: an attribute or a string literal (not a
// comment) starting with http:// or https://.
func remoteReference(content string) string {
	for _, line := range strings.Split(content, "\n") {
		if l := strings.TrimSpace(line); strings.HasPrefix(l, "//") || strings.HasPrefix(l, "*") {
			continue
		}
		if m := regexp.MustCompile(`["'=]\s*https?://[^"' )]*`).FindString(line); m != "" && !strings.Contains(m, "://www.w3.org/") {
			return m
		}
	}
	return ""
}

func TestCacheHeaders(t *testing.T) {
	s := newServer(t, newWebDir(t))
	for _, f := range s.Bundle.Files {
		path := "/" + f.Name
		res := get(t, s, http.MethodGet, path)
		want := cacheRevalidated
		if f.Hashed {
			want = cacheImmutable
		}
		if got := res.Header.Get("Cache-Control"); got != want {
			t.Errorf("%s: Cache-Control %q, want %q", path, got, want)
		}
		etag := res.Header.Get("ETag")
		if res := get(t, s, http.MethodGet, path, "If-None-Match", etag); etag == "" || res.StatusCode != http.StatusNotModified {
			t.Errorf("%s: ETag %q, revalidation status %d, want 304", path, etag, res.StatusCode)
		}
	}
	for _, path := range []string{"/", "/embed", "/app-worker.js", "/app.js", "/manifest.webmanifest", "/web/embed.js"} {
		if got := get(t, s, http.MethodGet, path).Header.Get("Cache-Control"); got != cacheRevalidated {
			t.Errorf("%s: Cache-Control %q, want %q: it must be revalidated", path, got, cacheRevalidated)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	s := newServer(t, newWebDir(t), "https://cms.example.com", "http://localhost:3000")
	for _, path := range []string{"/", "/embed", "/embed.html", "/app.js", "/app-worker.js", hashedPath(t, s, WasmFile), "/web/app.css", "/no/such/page"} {
		res := get(t, s, http.MethodGet, path)
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "connect-src 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: Content-Security-Policy %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-eval'") && !strings.Contains(csp, "wasm-unsafe-eval") || strings.Contains(csp, "*") {
			t.Errorf("%s: Content-Security-Policy %q allows eval or any source", path, csp)
		}
		ancestors := "frame-ancestors 'none'"
		if path == "/embed" || path == "/embed.html" {
			ancestors = "frame-ancestors 'self' https://cms.example.com http://localhost:3000"
			if h.Get("X-Frame-Options") != "" {
				t.Errorf("%s: X-Frame-Options %q would refuse every embedding", path, h.Get("X-Frame-Options"))
			}
		} else if h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: X-Frame-Options %q, want DENY", path, h.Get("X-Frame-Options"))
		}
		if !strings.HasSuffix(csp, "; "+ancestors) {
			t.Errorf("%s: Content-Security-Policy %q does not end with %s", path, csp, ancestors)
		}
		// Only the page's own sources: every source expression is a keyword,
		// data: or blob:, nothing remote.
		for _, src := range regexp.MustCompile(`\S+`).FindAllString(csp, -1) {
			if strings.Contains(src, "://") && !strings.Contains(ancestors, src) {
				t.Errorf("%s: Content-Security-Policy names %s", path, src)
			}
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: X-Content-Type-Options %q, Referrer-Policy %q", path, h.Get("X-Content-Type-Options"), h.Get("Referrer-Policy"))
		}
	}
	// Pages carry the policy in a meta element too, for static hosts; a
	// meta policy cannot restrict framing, so it says nothing of it.
	page := body(t, get(t, s, http.MethodGet, "/"))
	meta := regexp.MustCompile(`<meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindStringSubmatch(page)
	if meta == nil || meta[1] != ContentSecurityPolicy() || strings.Contains(meta[1], "frame-ancestors") {
		t.Errorf("the page's first element after the charset is not the policy: %v", meta)
	}
}

// TestOddPathsFindNothing asks for files by every spelling that a file
// server resolving paths on disk might follow out of web/ or into a
// directory listing.
func TestOddPathsFindNothing(t *testing.T) {
	dir := newWebDir(t)
	secret := "annotator-secret-" + strconv.Itoa(os.Getpid())
	if err := os.WriteFile(filepath.Join(filepath.Dir(dir), "secret.txt"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".hidden"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, dir)
	css := hashedPath(t, s, StyleCSS)
	for _, path := range []string{
		"/web/../secret.txt", "/web/..%2fsecret.txt", "/web/%2e%2e/secret.txt", "/web/%2e%2e%2fsecret.txt",
		"/..", "/../secret.txt", "/web/..", "/web/.hidden", "/web/",
		"/web", "/web/app.css/", "/web//app.css", "//web/app.css", "/./web/app.css", "/web/./app.css",
		"/web/../web/app.css", "/web%2fapp.css", "/web%2Fapp.css", "/web%5capp.css", "/web\\app.css",
		"/web/app.css%00", "/web/app.css%00.png", "/web/app.css\x00", "/%00", css + "/", css + "%2f",
		"/no/such/page", "/embed/", "/index", "/app.wasm", "/web/app.wasm", "/web/app.wasm.br",
		"/robots.txt", "/sitemap.xml", "/ads.txt", "/goapp.js", "/manifest.json", "/web/x/../app.css",
	} {
		res := get(t, s, http.MethodGet, path)
		b := body(t, res)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%q: status %d, want 404", path, res.StatusCode)
		}
		if strings.Contains(b, secret) || strings.Contains(b, "mark") || strings.Contains(b, "<a href") {
			t.Errorf("%q: the 404 body leaks a file or a listing: %.80q", path, b)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%q: a 404 without the security headers", path)
		}
	}
	// The real files are there, so the 404s above are not an accident.
	for _, path := range []string{"/web/app.css", css, "/web/%61pp.css"} {
		if res := get(t, s, http.MethodGet, path); res.StatusCode != http.StatusOK {
			t.Errorf("%q: status %d, want 200", path, res.StatusCode)
		}
	}
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, "TRACE"} {
		res := get(t, s, method, "/")
		if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /: status %d, Allow %q, want 405 and GET, HEAD", method, res.StatusCode, res.Header.Get("Allow"))
		}
	}
}

func TestParseOrigins(t *testing.T) {
	got, err := ParseOrigins(" https://CMS.example.com:443, http://localhost:3000  http://127.0.0.2:8080/,https://cms.example.com")
	want := []string{"https://cms.example.com", "http://localhost:3000", "http://127.0.0.2:8080"}
	if err != nil || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("ParseOrigins = %q, %v; want %q", got, err, want)
	}
	if got, err := ParseOrigins(""); err != nil || len(got) != 0 {
		t.Errorf("ParseOrigins(\"\") = %q, %v; want none", got, err)
	}
	for _, bad := range []string{"*", "https://*.example.com", "cms.example.com", "ftp://cms.example.com", "https://cms.example.com/path",
		"https://user@cms.example.com", "https://cms.example.com?x=1", "https://cms.example.com#top", "'self'", "https://",
		"null", "about:srcdoc", "about:blank", "data:text/html,x"} {
		if got, err := ParseOrigins(bad); err == nil {
			t.Errorf("ParseOrigins(%q) = %q, want an error", bad, got)
		}
	}
}

func TestNewNeedsAppWasm(t *testing.T) {
	_, err := New(t.TempDir(), Config{})
	if err == nil || !strings.Contains(err.Error(), "make wasm") {
		t.Errorf("New on a directory without app.wasm: %v, want an error saying to run make wasm", err)
	}
}
func TestNormalizePrefix(t *testing.T) {
	for in, want := range map[string]string{"": "", "/": "", "annotator": "/annotator", "/annotator/": "/annotator", "a/b/": "/a/b"} {
		if got := NormalizePrefix(in); got != want {
			t.Errorf("NormalizePrefix(%q) = %q, want %q", in, got, want)
		}
	}
}

// The server hands the embed allowlist to the page under the name the page
// reads it by.
func TestEmbedOriginsVariable(t *testing.T) {
	for _, env := range [][2]string{{EnvWorker, ui.WorkerScriptEnv}, {EnvWasmExec, ui.WasmExecEnv}, {EnvWasm, ui.WasmEnv}} {
		if env[0] != env[1] {
			t.Errorf("the server sets %q, the app reads %q", env[0], env[1])
		}
	}
	if EnvEmbedOrigins != ui.EmbedOriginsEnv {
		t.Errorf("the server sets %q, the embed page reads %q", EnvEmbedOrigins, ui.EmbedOriginsEnv)
	}
}

func TestPacksVariable(t *testing.T) {
	if EnvPacks != ui.PacksEnv {
		t.Errorf("the server sets %q, the app reads %q", EnvPacks, ui.PacksEnv)
	}
}

// Every language's pack is a hashed file of the bundle, served compressed
// and cached for good; the pages preload English's and hand the app every
// pack's address and size; the service worker caches English's on install.
func TestLanguagePacks(t *testing.T) {
	s := newServer(t, newWebDir(t))
	page := body(t, get(t, s, http.MethodGet, "/"))
	appJS := body(t, get(t, s, http.MethodGet, "/app.js"))
	worker := body(t, get(t, s, http.MethodGet, "/app-worker.js"))
	for _, code := range lang.Codes() {
		path := hashedPath(t, s, "packs/"+code+".pack")
		res := get(t, s, http.MethodGet, path, "Accept-Encoding", "br")
		data := body(t, res)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != "br" || res.Header.Get("Cache-Control") != cacheImmutable {
			t.Errorf("%s: status %d, encoding %q, cache %q", path, res.StatusCode, res.Header.Get("Content-Encoding"), res.Header.Get("Cache-Control"))
			continue
		}
		raw, err := codingNamed(t, "br").Decode([]byte(data))
		if err != nil {
			t.Fatal(err)
		}
		// Their budgets hold as the bundle compresses them, at brotli 11
		// (build's TestPackBudgets); this server compresses faster.
		t.Logf("%s pack: %d bytes, %d brotli", code, len(raw), len(data))
		p, err := lang.LoadPack(raw)
		if err != nil || p.Code() != code || !p.HasModel() {
			t.Errorf("%s: does not load as the %s pack with a model: %v", path, code, err)
		}
		if entry := fmt.Sprintf("%s=%s:%d", code, path, len(raw)); !strings.Contains(appJS, entry) {
			t.Errorf("app.js does not hand the app %s", entry)
		}
		if code == "en" {
			if !strings.Contains(page, `<link rel="preload" href="`+path+`" as="fetch"`) {
				t.Errorf("the page does not preload %s", path)
			}
			if !strings.Contains(worker, `"`+path+`"`) {
				t.Errorf("the service worker does not cache %s on install", path)
			}
		}
	}
}
