//go:build !wasm

package site

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

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
// styles and icons.
func newWebDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, WasmFile), fakeWasm("v1"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{StyleCSS, IconPNG, IconPNGL, IconSVG} {
		data, err := os.ReadFile(filepath.Join("..", "..", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func get(t *testing.T, h http.Handler, method, path string, header ...string) *http.Response {
	t.Helper()
	r := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Add(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func TestWasmIsPrecompressed(t *testing.T) {
	dir := newWebDir(t)
	s, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
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
		for _, path := range []string{"/web/app.wasm", "/app.wasm"} {
			var h []string
			if c.accept != "-" {
				h = []string{"Accept-Encoding", c.accept}
			}
			res := get(t, s, http.MethodGet, path, h...)
			body, _ := io.ReadAll(res.Body)
			name := path + " with Accept-Encoding " + c.accept
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
			if got := res.Header.Get("Content-Length"); got != strconv.Itoa(len(body)) {
				t.Errorf("%s: Content-Length %s for a %d-byte body", name, got, len(body))
			}
			if got := res.Header.Get(UncompressedLengthHeader); got != strconv.Itoa(len(raw)) {
				t.Errorf("%s: %s %s, want %d", name, UncompressedLengthHeader, got, len(raw))
			}
			decoded := body
			if c.encoding != "" {
				if len(body) >= len(raw) {
					t.Errorf("%s: %d bytes compressed, %d raw", name, len(body), len(raw))
				}
				decoded, err = codingNamed(t, c.encoding).Decode(body)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
			}
			if !bytes.Equal(decoded, raw) {
				t.Errorf("%s: body does not decode to app.wasm", name)
			}
		}
	}

	// Conditional requests revalidate per coding.
	res := get(t, s, http.MethodGet, "/web/app.wasm", "Accept-Encoding", "br")
	etag := res.Header.Get("ETag")
	if !strings.Contains(etag, s.Version) || !strings.Contains(etag, "br") {
		t.Errorf("ETag %s does not name the version %s and the coding", etag, s.Version)
	}
	if res := get(t, s, http.MethodGet, "/web/app.wasm", "Accept-Encoding", "br", "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match with the br ETag: status %d, want 304", res.StatusCode)
	}
	if res := get(t, s, http.MethodGet, "/web/app.wasm", "Accept-Encoding", "gzip", "If-None-Match", etag); res.StatusCode != http.StatusOK {
		t.Errorf("If-None-Match with the br ETag, asking for gzip: status %d, want 200", res.StatusCode)
	}
	res = get(t, s, http.MethodHead, "/web/app.wasm", "Accept-Encoding", "gzip")
	if body, _ := io.ReadAll(res.Body); len(body) != 0 || res.Header.Get("Content-Length") == "" {
		t.Errorf("HEAD: %d body bytes, Content-Length %q", len(body), res.Header.Get("Content-Length"))
	}
}

func codingNamed(t *testing.T, name string) Coding {
	for _, c := range Codings {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no coding %q", name)
	return Coding{}
}

func TestCompressedCopiesAreReused(t *testing.T) {
	dir := newWebDir(t)
	if _, err := New(dir); err != nil {
		t.Fatal(err)
	}
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
	s, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	res := get(t, s, http.MethodGet, "/web/app.wasm", "Accept-Encoding", Codings[0].Name)
	if body, _ := io.ReadAll(res.Body); !bytes.Equal(body, best) {
		t.Errorf("the valid %s copy on disk was not reused", Codings[0].Name)
	}

	// A stale copy, from an older app.wasm, is replaced.
	if err := os.WriteFile(filepath.Join(dir, WasmFile), fakeWasm("v2"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = New(dir)
	if err != nil {
		t.Fatal(err)
	}
	res = get(t, s, http.MethodGet, "/web/app.wasm", "Accept-Encoding", "gzip")
	body, _ := io.ReadAll(res.Body)
	if dec, err := codingNamed(t, "gzip").Decode(body); err != nil || !bytes.Equal(dec, fakeWasm("v2")) {
		t.Errorf("after app.wasm changed, gzip serves the old one (%v)", err)
	}
}

func TestVersionIsAContentHash(t *testing.T) {
	dir := newWebDir(t)
	s, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	v1 := s.Version
	if v, err := Version(dir); err != nil || v != v1 || len(v1) != 20 {
		t.Fatalf("Version = %q, %v; server has %q", v, err, v1)
	}
	// The compressed copies New wrote do not change it.
	if v, _ := Version(dir); v != v1 {
		t.Errorf("version changed from %s to %s when only compressed copies were added", v1, v)
	}
	// go-app puts it in app.js and the service worker, whose cache it names.
	for _, path := range []string{"/app.js", "/app-worker.js"} {
		body, _ := io.ReadAll(get(t, s, http.MethodGet, path).Body)
		if !strings.Contains(string(body), v1) {
			t.Errorf("%s does not carry the version %s", path, v1)
		}
	}

	write := func(name, content string) string {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		v, err := Version(dir)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v2 := write(WasmFile, string(fakeWasm("v2")))
	v3 := write(StyleCSS, "body { color: black }")
	v4 := write(WasmFile, string(fakeWasm("v2"))) // unchanged content
	if v2 == v1 || v3 == v2 || v4 != v3 {
		t.Errorf("versions %s → %s (new wasm) → %s (new css) → %s (same wasm again): want a change exactly when content changes", v1, v2, v3, v4)
	}
}

func TestPagesAndStaticFiles(t *testing.T) {
	s, err := New(newWebDir(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, contentType string
		contains          []string
	}{
		{"/", "text/html", []string{`id="annotator"`, `href="/web/app.css"`, `href="/manifest.webmanifest"`, `id="text"`}},
		{"/manifest.webmanifest", "application/manifest+json", []string{`"/web/icon-192.png"`, `"/web/icon-512.png"`, `"/web/icon.svg"`, `"display": "standalone"`}},
		{"/app-worker.js", "application/javascript", []string{`"/web/app.wasm"`, `"/web/icon.svg"`}},
		{"/web/app.css", "text/css; charset=utf-8", []string{"mark"}},
		{"/web/icon-192.png", "image/png", nil},
		{"/web/icon.svg", "image/svg+xml", []string{"<svg"}},
	} {
		res := get(t, s, http.MethodGet, c.path)
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", c.path, res.StatusCode)
			continue
		}
		if got := res.Header.Get("Content-Type"); got != c.contentType {
			t.Errorf("%s: Content-Type %q, want %q", c.path, got, c.contentType)
		}
		for _, want := range c.contains {
			if !strings.Contains(string(body), want) {
				t.Errorf("%s lacks %s", c.path, want)
			}
		}
		if strings.Contains(string(body), "raw.githubusercontent.com") {
			t.Errorf("%s refers to go-app's remote default icon", c.path)
		}
	}
	for _, path := range []string{"/web/", "/web", "/web/missing.css", "/no/such/page"} {
		if res := get(t, s, http.MethodGet, path); res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusMovedPermanently {
			t.Errorf("%s: status %d, want 404 (no directory listing, no page)", path, res.StatusCode)
		}
	}
}

func TestNewNeedsAppWasm(t *testing.T) {
	dir := t.TempDir()
	_, err := New(dir)
	if err == nil || !strings.Contains(err.Error(), "make wasm") {
		t.Errorf("New on a directory without app.wasm: %v, want an error saying to run make wasm", err)
	}
}
