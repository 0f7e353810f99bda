//go:build !wasm

// Package site is the annotator as a set of files and the server that
// delivers it. NewBundle reads the web directory and renders go-app's pages
// and scripts once; the server holds that bundle in memory, precompressed,
// and the bundle builder (build/) writes the same bundle out as a static
// site.
//
// Server is a plain http.Handler: wrap it to add headers, or mount it under
// a prefix.
package site

import (
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
)

// Server serves a bundle from memory: every file precompressed, with a
// content security policy, cache headers that let browsers keep hashed
// files for good and revalidate the rest, and 404 for anything but the
// bundle's own paths.
type Server struct {
	// Version is the bundle's version (see Bundle.Version).
	Version string
	// Bundle is what the server serves.
	Bundle *Bundle

	files  map[string]*asset // by URL path
	errors headerSet         // the security headers of error responses
}

// New prepares a server for the files in webDir, which must hold app.wasm
// (make wasm builds it). It reads and compresses everything once, here,
// reusing app.wasm's compressed copies from an earlier start.
func New(webDir string, cfg Config) (*Server, error) {
	if cfg.Prefix != "" {
		return nil, fmt.Errorf("the server serves the site at its root, not under %s: mount it with http.StripPrefix", cfg.Prefix)
	}
	b, err := NewBundle(webDir, cfg)
	if err != nil {
		return nil, err
	}
	s := &Server{Version: b.Version, Bundle: b, files: make(map[string]*asset)}
	s.errors = b.securityFor("")
	for _, f := range b.Files {
		headers := b.securityFor(f.Name)
		var cache string
		if f.Source != "" && filepath.Base(f.Source) == WasmFile {
			cache = f.Source // reuse app.wasm.br and app.wasm.gz across starts
		}
		a, err := newAsset(f, headers, cache)
		if err != nil {
			return nil, err
		}
		s.files["/"+f.Name] = a
	}
	for _, p := range Pages {
		s.files[p.Path] = s.files["/"+p.Name]
	}
	return s, nil
}

// ServeHTTP answers GET and HEAD for the bundle's paths, exactly as
// spelled: the path is never cleaned or mapped to the file system, so ..,
// doubled or encoded slashes, backslashes and NUL bytes find nothing.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a := s.files[r.URL.Path]
	if a == nil || hasEncodedSeparator(r.URL.RawPath) {
		s.errors.apply(w.Header())
		http.NotFound(w, r)
		return
	}
	a.ServeHTTP(w, r)
}

// hasEncodedSeparator reports whether an escaped path hides a slash, a
// backslash or a NUL byte in a percent escape.
func hasEncodedSeparator(raw string) bool {
	raw = strings.ToLower(raw)
	return strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%00") || strings.Contains(raw, "\\")
}

// headerSet is a fixed set of response headers.
type headerSet [][2]string

func (hs headerSet) apply(h http.Header) {
	for _, kv := range hs {
		h.Set(kv[0], kv[1])
	}
}

// securityHeaders are the headers of every response: the content security
// policy, no MIME sniffing, no referrer; framing refused unless the page is
// the embed page, whose policy names who may frame it.
func securityHeaders(csp string, denyFraming bool) headerSet {
	hs := headerSet{
		{"Content-Security-Policy", csp},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "no-referrer"},
		{"Cross-Origin-Opener-Policy", "same-origin"},
	}
	if denyFraming {
		hs = append(hs, [2]string{"X-Frame-Options", "DENY"})
	}
	return hs
}
