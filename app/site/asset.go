//go:build !wasm

package site

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// UncompressedLengthHeader carries an asset's size before compression, so
// that go-app's loader (Handler.WasmContentLengthHeader) shows true progress
// while the browser inflates a compressed app.wasm.
const UncompressedLengthHeader = "X-Uncompressed-Content-Length"

// asset is a file held in memory in each coding, compressed once. It serves
// the smallest coding the client accepts.
type asset struct {
	name        string
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
		name:        filepath.Base(path),
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
// Vary, a per-coding ETag, and conditional and range requests handled by
// http.ServeContent.
func (a *asset) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	coding := negotiate(r.Header.Values("Accept-Encoding"), a.offers)
	h := w.Header()
	h.Add("Vary", "Accept-Encoding")
	h.Set("Content-Type", a.contentType)
	h.Set("Cache-Control", "no-cache")
	h.Set(UncompressedLengthHeader, strconv.Itoa(len(a.bodies[identity])))
	h.Set("ETag", `"`+a.tag+"-"+coding+`"`)
	if coding != identity {
		h.Set("Content-Encoding", coding)
	}
	http.ServeContent(w, r, a.name, time.Time{}, bytes.NewReader(a.bodies[coding]))
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
