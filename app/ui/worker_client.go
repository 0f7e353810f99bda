package ui

import (
	"errors"
	"strconv"
	"sync"

	"annotator/analyzer"
	"annotator/app/jsval"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The page's side of the analyzer worker (worker.go has the protocol).
// Environment variables (go-app's Handler.Env, set by app/site) name the
// files the worker needs; without them (a test page, a host that strips
// them) or without Worker support the page annotates in itself, as it
// does when the worker cannot start.
const (
	WorkerScriptEnv = "ANNOTATOR_WORKER"    // web/analyzer-worker.js, by its hashed name
	WasmExecEnv     = "ANNOTATOR_WASM_EXEC" // go-app's wasm_exec.js
	WasmEnv         = "ANNOTATOR_WASM"      // app.wasm, by its hashed name
)

// errWorkerStopped ends the runs a stopped worker had.
var errWorkerStopped = errors.New("the analyzer stopped before it was done (out of memory?); it starts again with the next text")

// analyzerWorker is the page's worker and the runs it has been asked for.
type analyzerWorker struct {
	mu     sync.Mutex
	worker app.Value
	ready  bool
	failed bool // could not start: runs are annotated in the page
	nextID int
	runs   map[int]*remoteRun
	// Figures of its start, published on the root element (publish).
	readyMs, namesLoadMs, modelLoadMs, namesError string
	memory                                        float64 // its WebAssembly memory when ready and after each run, bytes
	release                                       func()
}

// remoteRun is a run the worker does for the page.
type remoteRun struct {
	ctx      app.Context
	text     string
	opts     analyzer.Options
	withJSON bool
	progress func(app.Context, float64)
	done     func(app.Context, runOutcome)
	asm      *wireAssembler
	err      error // the first part that could not be read
	stopped  bool
	local    func() // stops the run in the page it fell back to
}

var (
	workerMu   sync.Mutex
	pageWorker *analyzerWorker
)

// theWorker returns the page's worker, started on first use; nil when the
// page annotates in itself.
func theWorker() *analyzerWorker {
	workerMu.Lock()
	defer workerMu.Unlock()
	if pageWorker != nil {
		if pageWorker.failed {
			return nil
		}
		return pageWorker
	}
	script, exec, wasm := app.Getenv(WorkerScriptEnv), app.Getenv(WasmExecEnv), app.Getenv(WasmEnv)
	if !app.IsClient || script == "" || exec == "" || wasm == "" || app.Window().Get("Worker").IsUndefined() {
		pageWorker = &analyzerWorker{failed: true}
		return nil
	}
	w := &analyzerWorker{runs: make(map[int]*remoteRun)}
	if err := catchJS(func() { w.worker = app.Window().Get("Worker").New(script) }); err != nil {
		app.Logf("annotator: no analyzer worker (%v): annotating in the page", err)
		pageWorker = &analyzerWorker{failed: true}
		return nil
	}
	onMessage := guardFunc("receiving the analyzer's answer", func(this app.Value, args []app.Value) any {
		if len(args) > 0 {
			w.receive(jsval.Field(jsval.Of(args[0]), "data"))
		}
		return nil
	})
	onError := guardFunc("starting the analyzer", func(this app.Value, args []app.Value) any {
		msg := "the analyzer's worker failed"
		if len(args) > 0 {
			if s, ok := jsval.AsString(jsval.Field(jsval.Of(args[0]), "message")); ok && s != "" {
				msg = s
			}
			args[0].Call("preventDefault")
		}
		w.stop(msg)
		return nil
	})
	w.worker.Set("onmessage", onMessage)
	w.worker.Set("onerror", onError)
	w.release = func() { onMessage.Release(); onError.Release() }
	w.worker.Call("postMessage", map[string]any{"type": "init", "exec": exec, "wasm": wasm, "packs": app.Getenv(PacksEnv)})
	pageWorker = w
	return w
}

// startWorker starts the worker at mount, so that it is ready by the first
// paste; nothing in a page that annotates in itself.
func startWorker() { theWorker() }

// run asks the worker to annotate text; stop drops the run.
func (w *analyzerWorker) run(ctx app.Context, text string, opts analyzer.Options, withJSON bool, progress func(app.Context, float64), done func(app.Context, runOutcome)) (stop func()) {
	r := &remoteRun{ctx: ctx, text: text, opts: opts, withJSON: withJSON, progress: progress, done: done, asm: newWireAssembler(text)}
	w.mu.Lock()
	w.nextID++
	id := w.nextID
	w.runs[id] = r
	worker := w.worker
	w.mu.Unlock()
	msg := map[string]any{"type": "annotate", "id": id, "text": text, "lang": opts.Lang, "json": withJSON}
	if opts.Pack != nil { // the language chosen, its pack in the page: the worker fetches the same
		msg["pack"], msg["source"], msg["reason"] = opts.Pack.Code(), opts.Choice.Source, opts.Choice.Reason
	}
	if err := catchJS(func() { worker.Call("postMessage", msg) }); err != nil {
		w.mu.Lock()
		delete(w.runs, id)
		w.mu.Unlock()
		return startLocalRun(ctx, text, opts, progress, done)
	}
	return func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		r.stopped = true
		if r.local != nil {
			r.local()
			return
		}
		if _, ok := w.runs[id]; ok {
			delete(w.runs, id)
			catchJS(func() { worker.Call("postMessage", map[string]any{"type": "cancel", "id": id}) })
		}
	}
}

// receive handles a message from the worker.
func (w *analyzerWorker) receive(msg jsval.Value) {
	kind, _ := jsval.AsString(jsval.Field(msg, "type"))
	str := func(key string) string { s, _ := jsval.AsString(jsval.Field(msg, key)); return s }
	switch kind {
	case "ready":
		w.mu.Lock()
		w.ready = true
		w.readyMs = strconv.FormatFloat(app.Window().Get("performance").Call("now").Float(), 'f', 1, 64)
		w.namesLoadMs, w.modelLoadMs, w.namesError = str("namesLoadMs"), str("modelLoadMs"), str("namesError")
		if m, ok := jsval.AsFinite(jsval.Field(msg, "memory")); ok {
			w.memory = m
		}
		w.mu.Unlock()
		publishWorker()
		return
	case "fault":
		report(str("where")+" (in the analyzer's worker)", errors.New(str("message")))
		return
	case "failed":
		w.stop(str("message"))
		return
	case "exited":
		w.stop("the analyzer's program exited")
		return
	}
	id, _ := jsval.AsFinite(jsval.Field(msg, "id"))
	w.mu.Lock()
	r := w.runs[int(id)]
	if kind == "done" {
		delete(w.runs, int(id))
		if m, ok := jsval.AsFinite(jsval.Field(msg, "memory")); ok {
			w.memory = m
		}
	}
	w.mu.Unlock()
	if r == nil { // stopped meanwhile
		return
	}
	switch kind {
	case "progress":
		if p, ok := jsval.AsFinite(jsval.Field(msg, "progress")); ok {
			r.ctx.Dispatch(guardDispatch("showing progress", func(ctx app.Context) {
				if !r.stopped {
					r.progress(ctx, p)
				}
			}))
		}
	case "part":
		if r.err != nil {
			return
		}
		data, ok := jsval.JS(jsval.Field(msg, "data"))
		if !ok {
			r.err = errPartOrder
			return
		}
		buf := make([]byte, data.Get("length").Int())
		app.CopyBytesToGo(buf, data)
		r.err = r.asm.add(str("kind"), buf)
	case "done":
		var out runOutcome
		switch errMsg := str("error"); {
		case errMsg != "":
			out.Err = &workerError{msg: errMsg, kind: workerErrors[str("errorKind")]}
		case r.err != nil:
			out.Err = r.err
		default:
			out, out.Err = r.asm.finish()
		}
		r.asm = nil
		publishWorker()
		r.ctx.Dispatch(guardDispatch("showing the result", func(ctx app.Context) {
			if !r.stopped {
				r.done(ctx, out)
			}
		}))
	}
}

// stop handles a worker that could not start or has stopped: before it was
// ready, its runs are annotated in the page, as every later one; after, its
// runs end with errWorkerStopped, the fault is shown, and the next run
// starts a new worker.
func (w *analyzerWorker) stop(why string) {
	w.mu.Lock()
	runs := w.runs
	w.runs = make(map[int]*remoteRun)
	wasReady := w.ready
	worker := w.worker
	w.mu.Unlock()
	catchJS(func() { worker.Call("terminate") })
	if w.release != nil {
		w.release()
		w.release = nil
	}
	workerMu.Lock()
	if pageWorker == w {
		if wasReady {
			pageWorker = nil
		} else {
			pageWorker = &analyzerWorker{failed: true}
		}
	}
	workerMu.Unlock()
	if !wasReady {
		app.Logf("annotator: the analyzer's worker did not start (%s): annotating in the page", why)
		for _, r := range runs {
			w.mu.Lock()
			if !r.stopped {
				r.local = startLocalRun(r.ctx, r.text, r.opts, r.progress, r.done)
			}
			w.mu.Unlock()
		}
		return
	}
	report("annotating", errors.New(why))
	for _, r := range runs {
		r.ctx.Dispatch(guardDispatch("annotating", func(ctx app.Context) {
			if !r.stopped {
				r.done(ctx, runOutcome{Err: errWorkerStopped})
			}
		}))
	}
}

// publishWorker puts the worker's figures on the page's root element
// (data-worker, data-worker-ready-ms, data-names-load-ms,
// data-model-load-ms, data-worker-memory: make bench and the tests read
// them).
func publishWorker() {
	workerMu.Lock()
	w := pageWorker
	workerMu.Unlock()
	if w == nil {
		return
	}
	catchJS(func() {
		root := app.Window().Get("document").Call("querySelector", "#annotator, #embed")
		if !root.Truthy() {
			return
		}
		ds := root.Get("dataset")
		w.mu.Lock()
		defer w.mu.Unlock()
		ds.Set("worker", map[bool]string{true: "ready", false: "starting"}[w.ready])
		if w.ready {
			ds.Set("workerReadyMs", w.readyMs)
			if w.namesError != "" {
				ds.Set("namesError", w.namesError)
			} else {
				ds.Set("namesLoadMs", w.namesLoadMs)
				ds.Set("modelLoadMs", w.modelLoadMs)
			}
		}
		if w.memory > 0 {
			ds.Set("workerMemory", strconv.FormatFloat(w.memory, 'f', 0, 64))
		}
	})
}
