//go:build !wasm

// Package site serves the annotator: the go-app page, its static files, and
// app.wasm precompressed. The bundle builder (build/) reuses Handler, Version
// and Codings, so the static export and the server describe the same app.
//
// Server is a plain http.Handler: wrap it to add headers, or mount it under
// a prefix.
package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Static file names under the web directory, served at /web/...
const (
	WasmFile = "app.wasm"
	IconPNG  = "icon-192.png"
	IconPNGL = "icon-512.png"
	IconSVG  = "icon.svg"
	StyleCSS = "app.css"
)

// Handler returns the go-app handler that describes the annotator's page:
// names, local icons, styles, colours and version. resources locates the
// files (nil means the site root, app.LocalDir("")); the bundle builder
// passes a prefixed provider to export under a sub-path.
func Handler(version string, resources app.ResourceProvider) *app.Handler {
	if resources == nil {
		resources = app.LocalDir("")
	}
	return &app.Handler{
		Name:            "Annotator",
		ShortName:       "Annotator",
		Title:           "Annotator: people, places and organisations in a news article",
		Description:     "Paste a news article and see its people, organisations, places, dates, numbers, quotes and key terms highlighted. Runs entirely in the browser.",
		Lang:            "en",
		Icon:            app.Icon{Default: "/web/" + IconPNG, Large: "/web/" + IconPNGL, SVG: "/web/" + IconSVG},
		Styles:          []string{"/web/" + StyleCSS},
		BackgroundColor: "#ffffff",
		ThemeColor:      "#1d3557",
		LoadingLabel:    "Loading the analyzer… {progress}%",
		// go-app's worker caches the icons it links, but not the SVG one.
		CacheableResources:      []string{"/web/" + IconSVG},
		Resources:               resources,
		Version:                 version,
		WasmContentLengthHeader: UncompressedLengthHeader,
	}
}

// Version returns a content hash of the web directory: app.wasm first, then
// every other file except precompressed siblings. Browsers and the service
// worker keep an app until its version changes, so any change to the bundle
// must change it.
func Version(webDir string) (string, error) {
	h := sha256.New()
	add := func(name string) error {
		f, err := os.Open(filepath.Join(webDir, name))
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(name))
		_, err = io.Copy(h, f)
		return err
	}
	if err := add(WasmFile); err != nil {
		return "", fmt.Errorf("hash %s: %w", WasmFile, err)
	}
	err := filepath.WalkDir(webDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name, err := filepath.Rel(webDir, path)
		if err != nil || name == WasmFile || isPrecompressed(name) || strings.HasSuffix(name, ".tmp") {
			return err
		}
		return add(name)
	})
	if err != nil {
		return "", fmt.Errorf("hash %s: %w", webDir, err)
	}
	return hex.EncodeToString(h.Sum(nil))[:20], nil
}

func isPrecompressed(name string) bool {
	for _, c := range Codings {
		if strings.HasSuffix(name, c.Ext) {
			return true
		}
	}
	return false
}

// Server serves the annotator from a web directory.
type Server struct {
	// Version is the content hash of the web directory (see Version).
	Version string

	page   *app.Handler
	wasm   *asset
	static http.Handler
}

// New prepares a server for the files in webDir, which must hold app.wasm
// (make wasm builds it). It reads and compresses app.wasm once, here.
func New(webDir string) (*Server, error) {
	if _, err := os.Stat(filepath.Join(webDir, WasmFile)); err != nil {
		return nil, fmt.Errorf("%w (build it with `make wasm`)", err)
	}
	version, err := Version(webDir)
	if err != nil {
		return nil, err
	}
	wasm, err := loadAsset(filepath.Join(webDir, WasmFile), "application/wasm", version)
	if err != nil {
		return nil, err
	}
	return &Server{
		Version: version,
		page:    Handler(version, nil),
		wasm:    wasm,
		static:  http.StripPrefix("/web/", http.FileServer(filesOnly{http.Dir(webDir)})),
	}, nil
}

// ServeHTTP routes /web/app.wasm (and go-app's alias /app.wasm) to the
// precompressed wasm, other /web/ paths to the static files, and the rest to
// go-app: pages, app.js, the service worker, the manifest.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch p := r.URL.Path; {
	case p == "/web/"+WasmFile || p == "/"+WasmFile:
		s.wasm.ServeHTTP(w, r)
	case strings.HasPrefix(p, "/web/"):
		w.Header().Set("Cache-Control", "no-cache")
		s.static.ServeHTTP(w, r)
	default:
		s.page.ServeHTTP(w, r)
	}
}

// filesOnly is a file system without directory listings.
type filesOnly struct{ fs http.FileSystem }

func (f filesOnly) Open(name string) (http.File, error) {
	file, err := f.fs.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := file.Stat(); err != nil || st.IsDir() {
		file.Close()
		return nil, fs.ErrNotExist
	}
	return file, nil
}
