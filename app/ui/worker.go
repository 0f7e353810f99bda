package ui

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"annotator/analyzer"
	"annotator/analyzer/gazetteer"
	"annotator/analyzer/lang"
	"annotator/app/jsval"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The analyzer runs in a dedicated Web Worker: the same app.wasm, started
// by web/analyzer-worker.js, whose main sees no document and calls
// RunWorker instead of the UI. The page's main thread then never runs the
// analyzer; it takes the result in in parts (wire.go), each a short task,
// and stays responsive to typing and clicks however long the text.
//
// The protocol, page → worker:
//
//	{type: "annotate", id, text, lang, json, pack?, source?, reason?}
//	                                          queued, one run at a time; pack
//	                                          names the language chosen (its
//	                                          pack fetched first), source and
//	                                          reason how (analyzer.LanguageChoice)
//	{type: "cancel", id}                      drops a queued or running run
//
// worker → page:
//
//	{type: "ready", namesLoadMs, modelLoadMs, memory}  the name tagger is loaded
//	{type: "progress", id, progress, stage}
//	{type: "part", id, kind, data}             data: a Uint8Array of JSON (wire.go)
//	{type: "done", id, error?, errorKind?, memory}
//	{type: "fault", where, message}            a panic caught in the worker
//
// web/analyzer-worker.js adds {type: "failed", message} (the program could
// not start) and {type: "exited"} (it stopped), and answers memory with
// the worker's WebAssembly memory size in bytes.

// InWorker reports whether this program runs in a Web Worker (no document):
// main then calls RunWorker.
func InWorker() bool {
	if !app.IsClient {
		return false
	}
	g := app.Window()
	return g.Get("document").IsUndefined() && !g.Get("WorkerGlobalScope").IsUndefined()
}

// workerRequest is a run the page asked for.
type workerRequest struct {
	id       int
	text     string
	lang     string
	withJSON bool
	choice   analyzer.LanguageChoice // Code "": none made by the page
}

// workerService runs the page's requests one at a time (each job borrows
// its language's word cache from the pack: a repeat run of the same text
// looks no word up again).
type workerService struct {
	mu        sync.Mutex
	queue     []workerRequest
	cancelled map[int]bool
	wake      chan struct{}
	post      func(msg map[string]any, transfer ...app.Value)
	packs     *workerPacks
}

// workerYield is how much analyzer work runs between two looks at the
// worker's messages (a cancel, a newer text) and a progress report.
const workerYield = 50 * time.Millisecond

// workerProgressEvery is how often at most the worker reports progress.
const workerProgressEvery = 250 * time.Millisecond

// RunWorker serves the page that started this worker; it never returns.
func RunWorker() {
	self := app.Window()
	s := &workerService{
		cancelled: make(map[int]bool),
		wake:      make(chan struct{}, 1),
		post: func(msg map[string]any, transfer ...app.Value) {
			// go-app converts values nested in a map or slice only if
			// they are Go values: a Uint8Array is set by hand.
			obj := app.Window().Get("Object").New()
			for k, v := range msg {
				obj.Set(k, v)
			}
			if len(transfer) == 0 {
				self.Call("postMessage", obj)
				return
			}
			list := app.Window().Get("Array").New()
			for _, t := range transfer {
				list.Call("push", t)
			}
			self.Call("postMessage", obj, list)
		},
	}
	receive := guardFunc("receiving a request", func(this app.Value, args []app.Value) any {
		if len(args) > 0 {
			s.receive(jsval.Of(args[0]))
		}
		return nil
	})
	self.Set("annotatorReceive", receive)
	// web/analyzer-worker.js sets the page's PacksEnv before starting us.
	s.packs = newWorkerPacks(parsePacks(self.Get("annotatorPacks").String()))
	en, err := s.packs.get("en")
	var took analyzer.NamesLoad
	if err == nil {
		took, err = analyzer.LoadNames(en)
	}
	ready := map[string]any{"type": "ready", "namesLoadMs": millis(took.Total()), "modelLoadMs": millis(took.Model), "memory": workerMemory()}
	if err != nil {
		ready["namesError"] = err.Error()
	}
	s.post(ready)
	self.Call("annotatorStarted") // web/analyzer-worker.js hands over what came before
	s.serve()
}

// receive takes a message from the page: anything malformed is dropped
// (the page is our own code; a bad message is a bug, reported as a fault).
func (s *workerService) receive(msg jsval.Value) {
	kind, _ := jsval.AsString(jsval.Field(msg, "type"))
	id, ok := jsval.AsFinite(jsval.Field(msg, "id"))
	if !ok {
		panic(fmt.Errorf("a %q message without an id", kind))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch kind {
	case "annotate":
		text, ok := jsval.AsString(jsval.Field(msg, "text"))
		if !ok {
			panic(errors.New("an annotate message without a text"))
		}
		lang, _ := jsval.AsString(jsval.Field(msg, "lang"))
		withJSON := jsval.Field(msg, "json").Truthy()
		var choice analyzer.LanguageChoice
		choice.Code, _ = jsval.AsString(jsval.Field(msg, "pack"))
		choice.Source, _ = jsval.AsString(jsval.Field(msg, "source"))
		choice.Reason, _ = jsval.AsString(jsval.Field(msg, "reason"))
		s.queue = append(s.queue, workerRequest{id: int(id), text: text, lang: lang, withJSON: withJSON, choice: choice})
	case "cancel":
		s.cancelled[int(id)] = true
	default:
		panic(fmt.Errorf("a message of unknown type %q", kind))
	}
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// serve runs the queued requests in turn, forever.
func (s *workerService) serve() {
	for {
		s.mu.Lock()
		var req workerRequest
		have := len(s.queue) > 0
		if have {
			req, s.queue = s.queue[0], s.queue[1:]
		}
		skip := have && s.cancelled[req.id]
		if have {
			delete(s.cancelled, req.id)
		}
		s.mu.Unlock()
		switch {
		case !have:
			<-s.wake
		case !skip:
			s.run(req)
		}
	}
}

// isCancelled reports whether the page no longer wants run id.
func (s *workerService) isCancelled(id int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancelled[id] {
		delete(s.cancelled, id)
		return true
	}
	return false
}

// run annotates one request and sends the result in parts; a panic is a
// fault the page shows, and the run's error.
func (s *workerService) run(req workerRequest) {
	defer func() {
		if r := recover(); r != nil {
			report("annotating", r)
			err := jsval.AsError(r)
			s.post(map[string]any{"type": "fault", "where": "annotating", "message": err.Error()})
			s.post(map[string]any{"type": "done", "id": req.id, "error": errPanic(err).Error()})
		}
	}()
	start := time.Now()
	opts := analyzer.Options{Lang: req.lang}
	if req.choice.Code != "" {
		p, err := s.packs.get(req.choice.Code)
		if err != nil {
			s.post(map[string]any{"type": "done", "id": req.id, "error": err.Error()})
			return
		}
		opts = analyzer.Options{Pack: p, Choice: req.choice}
	}
	job, err := analyzer.Start(req.text, opts)
	if err != nil {
		s.post(map[string]any{"type": "done", "id": req.id, "error": err.Error(), "errorKind": errorKind(err)})
		return
	}
	busy, since, reported := time.Duration(0), time.Now(), time.Now()
	for !job.Step() {
		if time.Since(since) < workerYield {
			continue
		}
		busy += time.Since(since)
		if time.Since(reported) >= workerProgressEvery { // each report is a render in the page
			s.post(map[string]any{"type": "progress", "id": req.id, "progress": job.Progress(), "stage": job.Stage()})
			reported = time.Now()
		}
		time.Sleep(time.Millisecond) // the worker's event loop takes messages in
		if s.isCancelled(req.id) {
			return
		}
		since = time.Now()
	}
	doc := job.Document()
	res := doc.Result()
	ann := newAnnotation(req.text, res)
	busy += time.Since(since)
	job = nil
	err = encodeRun(doc, res, ann, len(doc.Tokens), busy, req.withJSON, func(p wirePart) {
		data := app.Window().Get("Uint8Array").New(len(p.Data))
		app.CopyBytesToJS(data, p.Data)
		s.post(map[string]any{"type": "part", "id": req.id, "kind": p.Kind, "data": data}, data.Get("buffer"))
	})
	doc, res, ann = nil, nil, nil
	if err != nil {
		panic(err)
	}
	s.post(map[string]any{"type": "done", "id": req.id, "elapsedMs": millis(time.Since(start)), "memory": workerMemory()})
}

// errorKind names the analyzer's errors that the page words its own way
// (errorMessage); "" for others.
func errorKind(err error) string {
	for kind, e := range workerErrors {
		if errors.Is(err, e) {
			return kind
		}
	}
	return ""
}

var workerErrors = map[string]error{
	"too-large":    analyzer.ErrTooLarge,
	"invalid-utf8": analyzer.ErrInvalidUTF8,
	"binary":       analyzer.ErrBinary,
	"language":     analyzer.ErrLanguage,
}

// workerError is an error the worker reported: its message as the worker
// gave it, and errors.Is answering for its kind.
type workerError struct {
	msg  string
	kind error
}

func (e *workerError) Error() string { return e.msg }
func (e *workerError) Unwrap() error { return e.kind }

// workerMemory is the worker's WebAssembly memory in bytes (it only grows:
// its peak), as web/analyzer-worker.js measures it; 0 if unknown.
func workerMemory() float64 {
	var n float64
	catchJS(func() {
		if v, ok := jsval.AsFinite(jsval.Of(app.Window().Call("annotatorMemory"))); ok {
			n = v
		}
	})
	return n
}

// workerPacks are the worker's language packs: fetched as the page fetches
// its own (fetchPack; the browser has each cached by then, so nothing is
// downloaded twice) and read once, while the worker waits.
type workerPacks struct {
	refs  map[string]packRef
	packs map[string]*lang.Pack
}

func newWorkerPacks(refs map[string]packRef) *workerPacks {
	return &workerPacks{refs: refs, packs: map[string]*lang.Pack{}}
}

// get returns a language's pack, fetching it (and English's first, whose
// name lists every model reads) if it is not in.
func (wp *workerPacks) get(code string) (*lang.Pack, error) {
	if p := wp.packs[code]; p != nil {
		return p, nil
	}
	if p, ok := builtinPack(code); ok {
		return p, nil
	}
	if code != "en" && !gazetteer.Ready() {
		if _, err := wp.get("en"); err != nil {
			return nil, err
		}
	}
	ref, ok := wp.refs[code]
	if !ok {
		return nil, fmt.Errorf("the %s language pack is not part of this site", code)
	}
	type fetched struct {
		data []byte
		err  error
	}
	got := make(chan fetched, 1)
	fetchPack(ref, func(float64) {}, func(data []byte, err error) { got <- fetched{data, err} })
	f := <-got
	if f.err != nil {
		return nil, fmt.Errorf("the %s language pack could not be loaded: %w", languageName(code), f.err)
	}
	p, err := lang.LoadPack(f.data)
	if err == nil && p.Code() != code {
		err = fmt.Errorf("the %s language pack holds %s", code, p.Code())
	}
	if err != nil {
		return nil, fmt.Errorf("the %s language pack could not be loaded: %w", languageName(code), err)
	}
	wp.packs[code] = p
	return p, nil
}
