//go:build !wasm

package site

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"annotator/analyzer/corpora"
	"annotator/analyzer/lang"
	"annotator/app/browsertest"
	"annotator/app/ui"
)

// The wasm benchmarks print their figures as custom metrics; run them with
// a fixed count, as make bench does:
//
//	go test -run '^$' -bench Wasm -benchtime 3x ./app/site

// BenchmarkWasmSize reports the size of app.wasm raw and compressed as the
// bundle compresses it (dist: make dist and make run), and as site.New, the
// tests' server, does at start (server); and English's pack as the bundle
// compresses it.
func BenchmarkWasmSize(b *testing.B) {
	root := browsertest.BuildWasm(b)
	raw, err := os.ReadFile(filepath.Join(root, "web", WasmFile))
	if err != nil {
		b.Fatal(err)
	}
	sizes := make(map[string]int)
	for range b.N {
		for _, c := range Codings {
			for effort, name := range map[Effort]string{Best: "dist", Fast: "server"} {
				enc, err := c.Encode(raw, effort)
				if err != nil {
					b.Fatal(err)
				}
				sizes[c.Name+"-"+name] = len(enc)
			}
		}
	}
	// English's pack, which the page fetches beside app.wasm.
	en, err := lang.BuiltinFiles("en")
	if err != nil {
		b.Fatal(err)
	}
	pack, err := Codings[0].Encode(lang.EncodePack("en", en), Best)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(pack)), "en-pack-br-bytes")
	b.ReportMetric(float64(len(raw)), "raw-bytes")
	for k, v := range sizes {
		b.ReportMetric(float64(v), k+"-bytes")
	}
}

// benchCorpus is a few hundred KB of news text: the shared articles
// repeated when ../shared is there, else the app's sample article.
func benchCorpus(b *testing.B, root string) string {
	const size = 300 << 10
	var texts []string
	matches, _ := filepath.Glob(filepath.Join(root, "..", "shared", "articles", "*.txt"))
	for _, m := range matches {
		data, err := os.ReadFile(m)
		if err == nil {
			texts = append(texts, string(data))
		}
	}
	if len(texts) == 0 {
		b.Log("../shared/articles is absent: the corpus repeats the app's sample article")
		texts = []string{ui.Sample}
	}
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		sb.WriteString(texts[i%len(texts)])
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// BenchmarkWasmAnnotate times the analyzer inside app.wasm in Chromium on a
// few hundred KB: tokens/s and MB/s from the time Annotate and Result take
// in the wasm (the page measures it), and the time until the page shows the
// result. Each iteration presses Annotate on the same text.
func BenchmarkWasmAnnotate(b *testing.B) {
	br := browsertest.NewBrowser(b)
	root := browsertest.BuildWasm(b)
	s, err := New(filepath.Join(root, "web"), Config{})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	p := browsertest.Open(b, br, srv.URL)
	// What loading the tagger model, gazetteers and clusters took, as the
	// page measured it once mounted.
	// (Polled as a string: a load of 0 ms would be falsy.)
	namesLoadText := browsertest.Poll[string](p, `document.getElementById("annotator").dataset.namesLoadMs || false`)
	namesLoad, err := strconv.ParseFloat(namesLoadText, 64)
	if err != nil {
		b.Fatalf("names-load-ms %q: %v", namesLoadText, err)
	}
	modelLoad := browsertest.Eval[float64](p, `Number(document.getElementById("annotator").dataset.modelLoadMs)`)
	first, _ := p.Paste(benchCorpus(b, root)) // warms the stem cache, as a session would
	if first.State != "done" {
		b.Fatalf("state %q", first.State)
	}
	var annotate, render []float64
	var run browsertest.Run
	b.ResetTimer()
	for range b.N {
		run = p.ClickAnnotate()
		annotate = append(annotate, run.AnnotateMs)
		render = append(render, run.RenderMs)
	}
	b.StopTimer()
	sec := median(annotate) / 1000
	b.ReportMetric(float64(run.Bytes), "bytes")
	b.ReportMetric(float64(run.Tokens), "tokens")
	b.ReportMetric(namesLoad, "names-load-ms")
	b.ReportMetric(modelLoad, "model-load-ms")
	b.ReportMetric(first.AnnotateMs, "first-annotate-ms")
	b.ReportMetric(median(annotate), "annotate-ms")
	b.ReportMetric(float64(run.Tokens)/sec, "tokens/s")
	b.ReportMetric(float64(run.Bytes)/sec/1e6, "MB/s")
	b.ReportMetric(median(render), "shown-ms")
}

// bundleServer builds the bundle as make run does (go run ./build, whose
// compressed files are cached across builds) and serves it as make run
// does (Open), counting the body bytes it sends.
func bundleServer(b *testing.B, root string) (*httptest.Server, *atomic.Int64) {
	dir := filepath.Join(b.TempDir(), "dist")
	cmd := exec.Command("go", "run", "./build", "-out", dir)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go run ./build: %v\n%s", err, out)
	}
	s, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	var sent atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.ServeHTTP(countingWriter{w, &sent}, r)
	}))
	b.Cleanup(srv.Close)
	return srv, &sent
}

// countingWriter adds the body bytes written to n.
type countingWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (w countingWriter) Write(p []byte) (int, error) {
	k, err := w.ResponseWriter.Write(p)
	w.n.Add(int64(k))
	return k, err
}

// markFirstRun runs in every document: it notes the performance.now() at
// which the page first shows a finished run (#annotator's data-runs).
const markFirstRun = `(() => {
	new MutationObserver(() => {
		const a = document.getElementById("annotator");
		if (!window.__firstRunMs && a && Number(a.dataset.runs || 0) > 0) window.__firstRunMs = performance.now();
	}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-runs"]});
})();`

// BenchmarkWasmMount times the start of the bundle as make run serves it,
// each iteration in a browser with a cold profile: "ready", navigation to
// mounted (the performance.now() of the root component's OnMount), cold;
// the bytes the server sent for that first visit, the service worker's
// caching included (transfer); then ready again from the service worker
// (warm); then, in a new cold profile, an article pasted as soon as the
// pre-rendered page shows its text box, and navigation to the page showing
// its annotation (first-annotation). Medians.
func BenchmarkWasmMount(b *testing.B) {
	root := browsertest.BuildWasm(b)
	srv, sent := bundleServer(b, root)
	article := benchArticle(b, root)
	var cold, warm, transfer, first []float64
	b.ResetTimer()
	for range b.N {
		br := browsertest.NewBrowser(b)
		sent.Store(0)
		p := browsertest.Open(b, br, srv.URL)
		cold = append(cold, browsertest.Eval[float64](p, `Number(document.body.dataset.mountedMs)`))
		// ready resolves once the worker is active, that is once it has
		// cached every resource.
		if !browsertest.Await[bool](p, `navigator.serviceWorker.ready.then(r => !!r.active)`) {
			b.Fatal("no active service worker")
		}
		browsertest.Poll[bool](p, `!!document.getElementById("annotator").dataset.namesLoadMs`)
		transfer = append(transfer, float64(sent.Load()))

		p = browsertest.Open(b, br, srv.URL)
		if !browsertest.Eval[bool](p, `navigator.serviceWorker.controller !== null`) {
			b.Fatal("the second load is not controlled by the service worker")
		}
		warm = append(warm, browsertest.Eval[float64](p, `Number(document.body.dataset.mountedMs)`))

		br = browsertest.NewBrowser(b)
		browsertest.OnNewDocument(b, br, markFirstRun)
		p = browsertest.Open0(b, br, srv.URL)
		if run, _ := p.Paste(article); run.State != "done" {
			b.Fatalf("state %q", run.State)
		}
		first = append(first, browsertest.Poll[float64](p, `window.__firstRunMs || false`))
	}
	b.StopTimer()
	b.ReportMetric(median(cold), "cold-ready-ms")
	b.ReportMetric(median(warm), "warm-ready-ms")
	b.ReportMetric(median(first), "first-annotation-ms")
	b.ReportMetric(median(transfer), "cold-transfer-bytes")
}

// benchArticle is one news article: the first of ../shared/articles when
// there, else the app's sample article.
func benchArticle(b *testing.B, root string) string {
	matches, _ := filepath.Glob(filepath.Join(root, "..", "shared", "articles", "*.txt"))
	for _, m := range matches {
		if data, err := os.ReadFile(m); err == nil {
			return string(data)
		}
	}
	return ui.Sample
}

// captureWasmMemory runs in every document before its scripts: it keeps
// the Go program's linear memory as window.__wasmMemory, whose size only
// grows: its growth while annotating is the peak the text cost.
const captureWasmMemory = `(() => {
	const keep = (result) => { const i = result.instance || result; if (i.exports && i.exports.mem) window.__wasmMemory = i.exports.mem; return result; };
	const streaming = WebAssembly.instantiateStreaming, instantiate = WebAssembly.instantiate;
	if (streaming) WebAssembly.instantiateStreaming = (...args) => streaming(...args).then(keep);
	WebAssembly.instantiate = (...args) => instantiate(...args).then(keep);
})();`

// memoryJS is the page's WebAssembly memory and its analyzer worker's, in
// bytes: a WebAssembly memory never shrinks, so after a run it is the peak.
const memoryJS = `window.__wasmMemory.buffer.byteLength + Number(document.getElementById("annotator").dataset.workerMemory || 0)`

// BenchmarkWasmMemory reports, for each pathological corpus of 1 MB and of
// 4 MB, how much the wasm memories (the page's and its analyzer worker's)
// grew while the page annotated and showed it, as a multiple of the input
// (the budget is 40), each in a page of its own.
func BenchmarkWasmMemory(b *testing.B) {
	root := browsertest.BuildWasm(b)
	s, err := New(filepath.Join(root, "web"), Config{})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	for _, size := range []struct {
		name  string
		bytes int
	}{{"1MB", 1 << 20}, {"4MB", 4 << 20}} {
		for _, c := range corpora.All(size.bytes) {
			b.Run(size.name+"/"+c.Name, func(b *testing.B) {
				var ratio float64
				for range b.N {
					// A new browser: a new program, its memory at its
					// start, and no draft of the corpus before to
					// annotate first.
					br := browsertest.NewBrowser(b)
					browsertest.OnNewDocument(b, br, captureWasmMemory)
					p := browsertest.OpenSettled(b, br, srv.URL)
					before := browsertest.Eval[float64](p, memoryJS)
					// The worker's memory is published before the result
					// is shown.
					if run, _ := p.Paste(c.Text); run.State != "done" {
						b.Fatalf("state %q", run.State)
					}
					after := browsertest.Eval[float64](p, memoryJS)
					ratio = max(ratio, (after-before)/float64(len(c.Text)))
				}
				b.ReportMetric(ratio, "peak/input")
			})
		}
	}
}

// BenchmarkWasmLists reports, for the two list-heavy texts, the
// DOM nodes of the panels and of the view, and the longest main-thread
// task while the page annotates and shows them (Long Tasks API).
func BenchmarkWasmLists(b *testing.B) {
	br := browsertest.NewBrowser(b)
	root := browsertest.BuildWasm(b)
	s, err := New(filepath.Join(root, "web"), Config{})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	for name, text := range browsertest.ListHeavyTexts() {
		b.Run(name, func(b *testing.B) {
			var f browsertest.ListFigures
			var longest []float64
			for range b.N {
				// The name tagger loads once the page starts (its own
				// long task, cold-mount-ms's business), and the last
				// iteration's text comes back as the draft: the text's work
				// comes after both.
				p := browsertest.OpenSettled(b, br, srv.URL)
				f = browsertest.ListHeavy(b, p, text)
				longest = append(longest, f.LongestTaskMs)
			}
			b.ReportMetric(float64(f.PanelNodes), "panel-nodes")
			b.ReportMetric(float64(f.ViewNode), "view-nodes")
			b.ReportMetric(median(longest), "longest-task-ms")
		})
	}
}
