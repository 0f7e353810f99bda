//go:build !wasm

package site

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"annotator/analyzer/lang"
)

// Static file names under the web directory.
const (
	WasmFile = "app.wasm"
	IconPNG  = "icon-192.png"
	IconPNGL = "icon-512.png"
	IconSVG  = "icon.svg"
	StyleCSS = "app.css"
	PWACSS   = "pwa.css"  // the update banner, progress bar, draft status and embed view
	EmbedJS  = "embed.js" // loaded by host pages: its name never changes
	// IntakeJS turns pasted and opened HTML into article text (ui.Intake),
	// with ReadabilityJS, Mozilla's Readability, vendored from npm
	// (build/vendor.sums pins it).
	IntakeJS      = "intake.js"
	ReadabilityJS = "vendor/readability/Readability.js"
	// PaletteCSS is the palette (analyzer.Palette), which the bundle holds
	// under this web file name though web/ has no such file: the HTML
	// export carries the same text.
	PaletteCSS = "palette.css"
	// RecoveryJS is plain JavaScript every page loads: "Clear local data"
	// when the Go program could not start.
	RecoveryJS = "recovery.js"
	// EarlyTextJS is plain JavaScript every page loads: it keeps what is
	// pasted into the pre-rendered page before the Go program runs, for the
	// program to take once mounted (ui.takeEarlyText).
	EarlyTextJS = "early-text.js"
	// AnalyzerWorkerJS starts app.wasm in a Web Worker, where it runs the
	// analyzer for the page (app/ui/worker.go).
	AnalyzerWorkerJS = "analyzer-worker.js"
)

// WebFiles are the committed files of the web directory the site needs
// (app.wasm, built, aside): test fixtures copy them.
var WebFiles = []string{StyleCSS, PWACSS, EmbedJS, RecoveryJS, EarlyTextJS, AnalyzerWorkerJS, IconPNG, IconPNGL, IconSVG, IntakeJS, ReadabilityJS, "vendor/readability/LICENSE.md"}

// Scripts are the web files every page loads, deferred, in order; those
// missing from a web directory (a test's) are left out.
var Scripts = []string{ReadabilityJS, IntakeJS}

// Pages are the app's pages: URL path (as routed by ui.Routes) and file
// name in the bundle. Plain file servers serve embed.html as it is named,
// so the embed script loads that name; the server answers both.
var Pages = []struct{ Path, Name string }{
	{"/", "index.html"},
	{"/embed", "embed.html"},
}

// goAppFiles are the files go-app's handler generates besides the pages.
var goAppFiles = []string{"app.js", "app-worker.js", "manifest.webmanifest", "wasm_exec.js", "app.css"}

// UpdateInterval is how often an open app asks whether a new version is
// deployed (go-app's Handler.AutoUpdateInterval); it also asks whenever
// the page regains focus (ui.UpdateBanner).
const UpdateInterval = 10 * time.Minute

// EnvPacks names the variable that hands the app in the browser its
// language packs (go-app's Handler.Env, read with app.Getenv): "code=URL:size"
// entries, space-separated, English first. See Packs.
const EnvPacks = "ANNOTATOR_PACKS"

// PacksDir is where the bundle holds the language packs: one hashed file
// per language (web/packs/es.1a2b3c4d5e.pack), written from the analyzer's
// own pack data (lang.EncodePack).
const PacksDir = "web/packs"

// PackType is the media type of a pack file.
const PackType = "application/vnd.annotator.pack"

// EnvEmbedOrigins names the variable that hands the embed allowlist to the
// app in the browser (go-app's Handler.Env, read with app.Getenv).
const EnvEmbedOrigins = "ANNOTATOR_EMBED_ORIGINS"

// EnvWorker, EnvWasmExec and EnvWasm hand the app the URLs its analyzer
// worker needs: the worker's script, go-app's wasm_exec.js and app.wasm
// (ui.WorkerScriptEnv and the others read them).
const (
	EnvWorker   = "ANNOTATOR_WORKER"
	EnvWasmExec = "ANNOTATOR_WASM_EXEC"
	EnvWasm     = "ANNOTATOR_WASM"
)

// Config is what varies between deployments of the same files.
type Config struct {
	// Prefix is the URL path the site is served under: "" for the root,
	// "/annotator" for a sub-path.
	Prefix string
	// EmbedOrigins may embed the /embed page and talk to it (see
	// ParseOrigins); the site's own origin always may.
	EmbedOrigins []string
	// AnalyzerWorker runs the analyzer in a Web Worker (app/ui/worker.go)
	// instead of the page. Off for now: with it, the page's and the
	// worker's memories together reach 60-190 times a 1 MB pathological
	// input (each holds the result), and the library's storage stalled in
	// the Chromium battery; see README, Robustness.
	AnalyzerWorker bool
}

// File is one file of the site.
type File struct {
	Name        string // path in a static export, slash-separated: "index.html", "web/app.1a2b3c4d5e.wasm"
	ContentType string
	Data        []byte
	// Hashed files carry a hash of their content in their name: they never
	// change, so browsers may cache them for good.
	Hashed bool
	// Source is the file of the web directory it was read from, if any.
	Source string
}

// Bundle is the whole site as files: the server holds it in memory and the
// bundle builder writes it out, so both serve exactly the same app.
type Bundle struct {
	// Version is a hash of every file and of the configuration: it names
	// the service worker's cache, so an open app updates when it changes.
	Version string
	Config  Config
	Files   []File // sorted by name
}

//go:embed worker.js
var workerTemplate string

// NewBundle reads the web directory (which must hold app.wasm) and renders
// go-app's pages and scripts for it. Every web file is in the bundle under
// its own name, except app.wasm, and those the pages refer to also under a
// hashed name (app.wasm → web/app.1a2b3c4d5e.wasm). Precompressed siblings
// (.br, .gz), temporary and hidden files are left out. The app's routes
// must be registered (ui.Routes) before.
func NewBundle(webDir string, cfg Config) (*Bundle, error) {
	if _, err := os.Stat(filepath.Join(webDir, WasmFile)); err != nil {
		return nil, fmt.Errorf("%w (build it with `make wasm`)", err)
	}
	cfg.Prefix = NormalizePrefix(cfg.Prefix)
	origins, err := ParseOrigins(strings.Join(cfg.EmbedOrigins, " "))
	if err != nil {
		return nil, err
	}
	cfg.EmbedOrigins = origins

	b := &Bundle{Config: cfg}
	hashed := make(map[string]string) // web file name → its hashed name
	err = filepath.WalkDir(webDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name, err := filepath.Rel(webDir, p)
		if err != nil {
			return err
		}
		name = filepath.ToSlash(name)
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() || IsPrecompressed(name) || strings.HasSuffix(name, ".tmp") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f := File{Name: "web/" + name, ContentType: ContentType(name), Data: data, Source: p}
		h := File{Name: "web/" + hashedName(name, data), ContentType: f.ContentType, Data: data, Hashed: true, Source: p}
		hashed[name] = h.Name
		if name != WasmFile { // 10 MB: only under its hashed name
			b.Files = append(b.Files, f)
		}
		b.Files = append(b.Files, h)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", webDir, err)
	}
	palette := File{Name: "web/" + hashedName(PaletteCSS, []byte(analyzer.Palette)), ContentType: ContentType(PaletteCSS), Data: []byte(analyzer.Palette), Hashed: true}
	hashed[PaletteCSS] = palette.Name
	b.Files = append(b.Files, palette)
	for _, name := range []string{StyleCSS, PWACSS, IconPNG, IconPNGL, IconSVG, RecoveryJS, EarlyTextJS, AnalyzerWorkerJS} {
		if hashed[name] == "" {
			return nil, fmt.Errorf("%s lacks %s", webDir, name)
		}
	}
	packs, err := packFiles(cfg.Prefix)
	if err != nil {
		return nil, err
	}
	for _, p := range packs {
		b.Files = append(b.Files, p.file)
	}

	sum := sha256.New()
	for _, f := range b.Files {
		if f.Hashed {
			fmt.Fprintf(sum, "%s\x00", f.Name)
		}
	}
	fmt.Fprintf(sum, "prefix %q origins %q", cfg.Prefix, cfg.EmbedOrigins)
	b.Version = hex.EncodeToString(sum.Sum(nil))[:20]

	rendered, err := render(Handler(b.Version, cfg, hashed, packs))
	if err != nil {
		return nil, err
	}
	b.Files = append(b.Files, rendered...)
	slices.SortFunc(b.Files, func(x, y File) int { return strings.Compare(x.Name, y.Name) })
	return b, nil
}

// Handler returns the go-app handler that describes the annotator: names,
// local icons and styles (by their hashed names, given by web file name),
// colours, version, the service worker, the embed allowlist and the
// language packs handed to the app (English's preloaded by the pages, in
// parallel with app.wasm, and cached by the service worker on install; the
// others fetched when first needed).
func Handler(version string, cfg Config, hashed map[string]string, packs []Pack) *app.Handler {
	web := func(name string) string { return "/" + hashed[name] }
	scripts := []string{web(RecoveryJS), web(EarlyTextJS)}
	for _, name := range Scripts {
		if hashed[name] != "" {
			scripts = append(scripts, web(name)+" defer")
		}
	}
	env := app.Environment{EnvEmbedOrigins: strings.Join(cfg.EmbedOrigins, " ")}
	if cfg.AnalyzerWorker { // without these the page annotates in itself
		env[EnvWorker] = cfg.Prefix + web(AnalyzerWorkerJS)
		env[EnvWasmExec] = cfg.Prefix + "/wasm_exec.js"
		env[EnvWasm] = cfg.Prefix + web(WasmFile)
	}
	env[EnvPacks] = packsEnv(packs)
	cacheable := []string{web(IconSVG), cfg.Prefix + "/embed.html", web(AnalyzerWorkerJS)}
	// app.wasm is fetched by app.js, which runs after the head's scripts
	// and styles: preloaded, it comes down from the start.
	preload := []string{fmt.Sprintf(`<link rel="preload" href="%s" as="fetch" type="application/wasm" crossorigin="anonymous">`, cfg.Prefix+web(WasmFile))}
	if len(packs) > 0 {
		cacheable = append(cacheable, packs[0].URL)
		preload = append(preload, fmt.Sprintf(`<link rel="preload" href="%s" as="fetch" type="%s" crossorigin="anonymous">`, packs[0].URL, PackType))
	}
	return &app.Handler{
		Name:            "Annotator",
		ShortName:       "Annotator",
		Title:           "Annotator: people, places and organisations in a news article",
		Description:     "Paste a news article and see its people, organisations, places, dates, numbers, quotes and key terms highlighted. Runs entirely in the browser.",
		Lang:            "en",
		Icon:            app.Icon{Default: web(IconPNG), Large: web(IconPNGL), SVG: web(IconSVG)},
		Styles:          []string{web(PaletteCSS), web(StyleCSS), web(PWACSS)},
		Scripts:         scripts,
		BackgroundColor: "#ffffff",
		ThemeColor:      "#1d3557",
		LoadingLabel:    "Loading the analyzer… {progress}%",
		// go-app's worker caches the pages, icons and styles it links, but
		// neither the SVG icon nor the other pages.
		CacheableResources:      cacheable,
		RawHeaders:              preload,
		Resources:               resources{prefix: cfg.Prefix, wasm: cfg.Prefix + web(WasmFile)},
		Version:                 version,
		WasmContentLengthHeader: UncompressedLengthHeader,
		AutoUpdateInterval:      UpdateInterval,
		ServiceWorkerTemplate:   workerTemplate,
		Env:                     env,
	}
}

// Pack is a language pack of the bundle.
type Pack struct {
	Lang string // ISO 639-1
	URL  string // under the prefix: /web/packs/es.1a2b3c4d5e.pack
	Size int    // bytes, uncompressed
	file File
}

// packFiles returns every language's pack file, English's first, from the
// analyzer's built-in packs.
func packFiles(prefix string) ([]Pack, error) {
	var packs []Pack
	for _, code := range lang.Codes() {
		files, err := lang.BuiltinFiles(code)
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("the %s pack has no data files in this build", code)
		}
		data := lang.EncodePack(code, files)
		name := PacksDir + "/" + hashedName(code+".pack", data)
		packs = append(packs, Pack{Lang: code, URL: prefix + "/" + name, Size: len(data),
			file: File{Name: name, ContentType: PackType, Data: data, Hashed: true}})
	}
	return packs, nil
}

// packsEnv writes the packs for EnvPacks.
func packsEnv(packs []Pack) string {
	entries := make([]string, len(packs))
	for i, p := range packs {
		entries[i] = fmt.Sprintf("%s=%s:%d", p.Lang, p.URL, p.Size)
	}
	return strings.Join(entries, " ")
}

// resources locates the site's files under a prefix, app.wasm by its
// hashed name (an app.ResourceProvider).
type resources struct{ prefix, wasm string }

func (r resources) Package() string { return r.prefix }
func (r resources) Static() string  { return r.prefix }
func (r resources) AppWASM() string { return r.wasm }

// ogURL is the page URL go-app writes into each page's metadata (its
// attributes in any order): the address of the request that rendered it,
// meaningless once stored.
var ogURL = regexp.MustCompile(`<meta [^>]*property="og:url"[^>]*>`)

// goAppViewport is the viewport go-app writes into every page: it forbids
// zooming (WCAG 1.4.4; axe-core's meta-viewport rule). zoomableViewport
// replaces it.
const (
	goAppViewport    = `content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover"`
	zoomableViewport = `content="width=device-width, initial-scale=1, viewport-fit=cover"`
)

// render asks the go-app handler for the pages and go-app's files, in
// process, and makes them files of the bundle. Pages get the content
// security policy as a meta element too, for static hosts that send no
// headers.
func render(h *app.Handler) ([]File, error) {
	var files []File
	get := func(urlPath, name string) error {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, urlPath, nil))
		if w.Code != http.StatusOK {
			return fmt.Errorf("render %s: status %d", urlPath, w.Code)
		}
		data := w.Body.Bytes()
		if path.Ext(name) == ".html" {
			data = ogURL.ReplaceAll(data, nil)
			if !bytes.Contains(data, []byte(goAppViewport)) {
				return fmt.Errorf("render %s: go-app's viewport %s is not there to make zoomable", urlPath, goAppViewport)
			}
			data = bytes.Replace(data, []byte(goAppViewport), []byte(zoomableViewport), 1)
			meta := []byte(`<meta charset="UTF-8">`)
			if !bytes.Contains(data, meta) {
				return fmt.Errorf("render %s: no %s to put the content security policy after", urlPath, meta)
			}
			csp := fmt.Sprintf(`<meta http-equiv="Content-Security-Policy" content="%s">`, ContentSecurityPolicy())
			// go-app writes the raw headers last, after the scripts that
			// block the parser: the preloads go first to start at once.
			preloads := fetchPreload.FindAll(data, -1)
			data = fetchPreload.ReplaceAll(data, nil)
			data = bytes.Replace(data, meta, append(append(meta, csp...), bytes.Join(preloads, nil)...), 1)
		}
		var err error
		switch name {
		case "wasm_exec.js":
			data, err = keepBOM(data)
		case "app.js":
			data, err = startLean(data)
		}
		if err != nil {
			return err
		}
		files = append(files, File{Name: name, ContentType: ContentType(name), Data: bytes.Clone(data)})
		return nil
	}
	for _, p := range Pages {
		if err := get(p.Path, p.Name); err != nil {
			return nil, err
		}
	}
	for _, name := range goAppFiles {
		if err := get("/"+name, name); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// wasmExecDecoder is how go-app's copy of Go's wasm_exec.js makes the
// decoder of every string Go hands JavaScript (text nodes, attribute
// values, messages). Without ignoreBOM a TextDecoder drops a U+FEFF at the
// start of each string: a zero-width no-break space leading a text node or
// a mark would vanish from the page, and from what is saved of it.
var (
	wasmExecDecoder = []byte(`new TextDecoder("utf-8")`)
	bomKeeper       = []byte(`new TextDecoder("utf-8", { ignoreBOM: true })`)
)

// keepBOM makes wasm_exec.js decode Go's strings exactly as they are. A
// loader without the decoder it expects is an error: a new go-app version
// must be looked at, not served with the bug back.
func keepBOM(js []byte) ([]byte, error) {
	if bytes.Count(js, wasmExecDecoder) != 1 {
		return nil, fmt.Errorf("wasm_exec.js: found %d of %s, want 1 to make it keep a leading U+FEFF", bytes.Count(js, wasmExecDecoder), wasmExecDecoder)
	}
	return bytes.Replace(js, wasmExecDecoder, bomKeeper, 1), nil
}

// fetchPreload is a preload of app.wasm or a pack (Handler's RawHeaders).
var fetchPreload = regexp.MustCompile(`<link rel="preload" href="[^"]*" as="fetch"[^>]*>`)

// go-app's app.js registers the service worker as the page starts, and
// hands the compiler app.wasm through a stream built in JavaScript to
// count its bytes. On a first visit the worker's install downloads and
// caches the whole bundle while the page compiles app.wasm (on 2 cores
// the page was ready about 900 ms later), and a built stream is a
// response without a URL, whose compiled code the browser never caches.
var (
	swAtStart  = []byte("\ngoappInitServiceWorker();\n")
	swSettled  = []byte("\ngoappInitServiceWorkerWhenSettled();\n")
	wasmStream = regexp.MustCompile(`fetchWithProgress\(("[^"]+"), showProgress\)`)
	// The compiler gets the response itself; a clone of it counts the
	// bytes for the loader's progress.
	wasmCounted = []byte(`
async function goappFetchCounted(url, progress) {
  const response = await fetch(url);
  const total = parseInt(response.headers.get(goappWasmContentLengthHeader) || "", 10);
  if (response.ok && response.body && total > 0) {
    const reader = response.clone().body.getReader();
    let loaded = 0;
    (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        loaded += value.byteLength;
        progress(Math.min(100, Math.round((loaded * 100) / total)));
      }
    })().catch(() => {});
  }
  return response;
}
`)
	// Once the page has mounted, its name model is in (or failed) and no
	// run is going, or after 20 s whatever happens; at once when a worker
	// already controls the page (it only checks for an update).
	swWhenSettled = []byte(`
function goappInitServiceWorkerWhenSettled() {
  if (!("serviceWorker" in navigator)) return;
  if (navigator.serviceWorker.controller) { goappInitServiceWorker(); return; }
  const since = performance.now();
  const settled = () => {
    if (!document.body || document.body.dataset.ready !== "1") return false;
    const root = document.getElementById("annotator");
    if (!root) return true;
    const d = root.dataset;
    return (d.namesLoadMs !== undefined || d.namesError !== undefined) && !["pending", "working", "waiting", "loading"].includes(d.state);
  };
  const wait = () => (settled() || performance.now() - since > 20000) ? goappInitServiceWorker() : setTimeout(wait, 200);
  wait();
}
`)
)

// startLean makes app.js register the service worker once the page has
// settled and hand the browser app.wasm's own response. Without what it
// expects to change it is an error, as in keepBOM.
func startLean(js []byte) ([]byte, error) {
	if n := bytes.Count(js, swAtStart); n != 1 {
		return nil, fmt.Errorf("app.js: found %d of %q, want 1 to delay the service worker", n, swAtStart)
	}
	if n := len(wasmStream.FindAllIndex(js, -1)); n != 1 {
		return nil, fmt.Errorf("app.js: found %d of %s, want 1 to hand the compiler app.wasm's own response", n, wasmStream)
	}
	js = bytes.Replace(js, swAtStart, swSettled, 1)
	js = wasmStream.ReplaceAll(js, []byte("goappFetchCounted($1, showProgress)"))
	return append(append(js, wasmCounted...), swWhenSettled...), nil
}

// hashedName puts a hash of data in a file name: app.wasm →
// app.1a2b3c4d5e.wasm.
func hashedName(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}

// contentTypes are the media types of the site's files by extension.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
	".pack":        PackType,
	".md":          "text/markdown; charset=utf-8",
}

// ContentType returns the media type of a file by its name.
func ContentType(name string) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}

// Compressible reports whether files of this media type are worth
// precompressing.
func Compressible(contentType string) bool {
	t, _, _ := strings.Cut(contentType, ";")
	return strings.HasPrefix(t, "text/") || t == "application/wasm" || t == "image/svg+xml" || t == PackType ||
		t == "application/json" || t == "application/manifest+json"
}

// IsPrecompressed reports whether the file is a precompressed sibling
// (app.wasm.br): never served or bundled under its own name.
func IsPrecompressed(name string) bool {
	for _, c := range Codings {
		if strings.HasSuffix(name, c.Ext) {
			return true
		}
	}
	return false
}

// NormalizePrefix turns "annotator/", "/annotator" and "/annotator/" into
// "/annotator", and "/" into "".
func NormalizePrefix(p string) string {
	p = strings.Trim(p, "/")
	if p == "" {
		return ""
	}
	return "/" + p
}
