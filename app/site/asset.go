//go:build !wasm

package site

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// UncompressedLengthHeader carries an asset's size before compression, so
// that go-app's loader (Handler.WasmContentLengthHeader) shows true progress
// while the browser inflates a compressed app.wasm.
const UncompressedLengthHeader = "X-Uncompressed-Content-Length"

// asset is a file held in memory in each coding, compressed once. It serves
// the smallest coding the client accepts.
type asset struct {
	contentType string
	tag         string            // entity tag without quotes, per content
	bodies      map[string][]byte // by coding, identity included
	offers      []string          // compressed codings held, best first
}

// loadAsset reads the file at path and prepares its compressed forms. It
// reuses the sibling files path.br and path.gz when they decode to the same
// bytes (as those of make dist do, compressed harder), and otherwise
// compresses them quickly and writes them for the next start (best effort:
// a read-only directory only costs the compression at every start).
func loadAsset(path, contentType, tag string) (*asset, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	a := &asset{
		contentType: contentType,
		tag:         tag,
		bodies:      map[string][]byte{identity: raw},
	}
	for _, c := range Codings {
		body, err := cachedEncoding(path+c.Ext, c, raw)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", path, c.Name, err)
		}
		if len(body) < len(raw) {
			a.bodies[c.Name] = body
			a.offers = append(a.offers, c.Name)
		}
	}
	return a, nil
}

// cachedEncoding returns raw encoded with c, from the file at cache when it
// holds exactly that.
func cachedEncoding(cache string, c Coding, raw []byte) ([]byte, error) {
	if old, err := os.ReadFile(cache); err == nil {
		if dec, err := c.Decode(old); err == nil && bytes.Equal(dec, raw) {
			return old, nil
		}
	}
	body, err := c.Encode(raw, Fast)
	if err != nil {
		return nil, err
	}
	writeAtomic(cache, body)
	return body, nil
}

// ServeHTTP sends the asset in the best coding the request accepts, with
// Vary, a per-coding ETag, and If-None-Match answered with 304. Range
// requests get the whole body, as HTTP allows.
func (a *asset) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	coding := negotiate(r.Header.Values("Accept-Encoding"), a.offers)
	body := a.bodies[coding]
	etag := `"` + a.tag + "-" + coding + `"`
	h := w.Header()
	h.Add("Vary", "Accept-Encoding")
	h.Set("ETag", etag)
	h.Set("Cache-Control", "no-cache")
	if etagMatch(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", a.contentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set(UncompressedLengthHeader, strconv.Itoa(len(a.bodies[identity])))
	if coding != identity {
		h.Set("Content-Encoding", coding)
	}
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		w.Write(body)
	}
}

// etagMatch reports whether an If-None-Match value matches etag, weakly
// (RFC 9110 section 13.1.2).
func etagMatch(ifNoneMatch, etag string) bool {
	for _, t := range strings.Split(ifNoneMatch, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

// writeAtomic writes data to path through a temporary file, so that a
// concurrent reader sees the old file or the new one, never a part; it gives
// up silently, since the file is only a cache.
func writeAtomic(path string, data []byte) {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil || cerr != nil || os.Chmod(f.Name(), 0o644) != nil || os.Rename(f.Name(), path) != nil {
		os.Remove(f.Name())
	}
}
