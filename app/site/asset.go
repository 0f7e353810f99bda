//go:build !wasm

package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
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

// Cache-Control values: hashed files never change; everything else (pages,
// the service worker, go-app's scripts, files under their plain names) is
// revalidated at each use, cheaply, by ETag.
const (
	cacheImmutable   = "public, max-age=31536000, immutable"
	cacheRevalidated = "no-cache"
)

// asset is a file held in memory in each coding, compressed once. It serves
// the smallest coding the client accepts.
type asset struct {
	contentType  string
	cacheControl string
	headers      headerSet
	tag          string            // entity tag without quotes, per content
	bodies       map[string][]byte // by coding, identity included
	offers       []string          // compressed codings held, best first
}

// newAsset prepares f for serving with the given headers, compressed when
// its type is worth it. With cache set, it reuses the compressed copies
// cache.br and cache.gz when they decode to f's bytes (as those of make
// dist do, compressed harder), and otherwise writes them for the next start
// (best effort: a read-only directory only costs the compression at every
// start).
func newAsset(f File, headers headerSet, cache string) (*asset, error) {
	sum := sha256.Sum256(f.Data)
	a := &asset{
		contentType:  f.ContentType,
		cacheControl: cacheRevalidated,
		headers:      headers,
		tag:          hex.EncodeToString(sum[:8]),
		bodies:       map[string][]byte{identity: f.Data},
	}
	if f.Hashed {
		a.cacheControl = cacheImmutable
	}
	if !Compressible(f.ContentType) {
		return a, nil
	}
	for _, c := range Codings {
		var body []byte
		var err error
		if cache != "" {
			body, err = cachedEncoding(cache+c.Ext, c, f.Data)
		} else {
			body, err = c.Encode(f.Data, Fast)
		}
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", f.Name, c.Name, err)
		}
		if len(body) < len(f.Data) {
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
	h := w.Header()
	a.headers.apply(h)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	coding := negotiate(r.Header.Values("Accept-Encoding"), a.offers)
	body := a.bodies[coding]
	etag := `"` + a.tag + "-" + coding + `"`
	if len(a.offers) > 0 {
		h.Set("Vary", "Accept-Encoding")
	}
	h.Set("ETag", etag)
	h.Set("Cache-Control", a.cacheControl)
	if etagMatch(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", a.contentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if a.contentType == "application/wasm" {
		h.Set(UncompressedLengthHeader, strconv.Itoa(len(a.bodies[identity])))
	}
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
