package ui

import (
	"sync/atomic"
	"time"

	"annotator/analyzer"
	"annotator/app/jsval"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// yieldPause is how long a long run hands the browser back between steps:
// long enough for go-app to apply the progress and the browser to paint it
// and handle input, short next to the yieldEvery of work between pauses.
const yieldPause = 15 * time.Millisecond

// yieldEvery is how much work a long run does before it pauses: a step is
// one stage of the pipeline, and the quick ones (sentences, mentions) run
// back to back rather than each be followed by a pause.
const yieldEvery = 50 * time.Millisecond

// runOutcome is what a finished run of the analyzer produced.
type runOutcome struct {
	Doc    *analyzer.Document
	Result *analyzer.Result
	// Annotation is Result prepared for the view (newAnnotation).
	Annotation *annotation
	Err        error
	// Busy is the analyzer's own time, Start to Result, without the pauses.
	Busy time.Duration
	// Tokens is how many tokens the text has (Doc may have dropped them).
	Tokens int
	// JSON is Result's JSON when the analyzer's worker made it (asked
	// for by the embed, whose answer carries it); nil otherwise.
	JSON []byte
}

// startRun annotates text in the analyzer's worker (worker_client.go), or,
// when the page has none, in the page (startLocalRun). progress is called
// with the fraction done from time to time and done at the end, both on the
// UI goroutine; the returned function stops the run, after which neither
// is called.
func startRun(ctx app.Context, text string, opts analyzer.Options, progress func(app.Context, float64), done func(app.Context, runOutcome)) (stop func()) {
	return startRunJSON(ctx, text, opts, false, progress, done)
}

// startRunJSON is startRun; withJSON asks a worker for the result's JSON
// too (runOutcome.JSON), made off the main thread.
func startRunJSON(ctx app.Context, text string, opts analyzer.Options, withJSON bool, progress func(app.Context, float64), done func(app.Context, runOutcome)) (stop func()) {
	if w := theWorker(); w != nil {
		return w.run(ctx, text, opts, withJSON, progress, done)
	}
	return startLocalRun(ctx, text, opts, progress, done)
}

// startLocalRun annotates text in the page. A text of one chunk (analyzer.ChunkBytes, an
// article) is annotated at once and done is called before startRun
// returns. A longer one is annotated a step at a time (analyzer.Job) from a
// goroutine that pauses between steps once yieldEvery of work has passed,
// so that the page stays responsive: progress is called with the fraction
// done at each pause, and done at the end, both on the UI goroutine. The
// returned function stops the run between steps; neither progress nor done
// is called after it.
func startLocalRun(ctx app.Context, text string, opts analyzer.Options, progress func(app.Context, float64), done func(app.Context, runOutcome)) (stop func()) {
	start := time.Now()
	var job *analyzer.Job
	var err error
	if fault := jsval.Try(func() { job, err = analyzer.Start(text, opts) }); fault != nil {
		report("annotating", fault)
		err = errPanic(fault)
	}
	if err != nil {
		done(ctx, runOutcome{Err: err, Busy: time.Since(start)})
		return func() {}
	}
	if len(text) <= analyzer.ChunkBytes {
		var out runOutcome
		if fault := jsval.Try(func() {
			for !job.Step() {
			}
			doc := job.Document()
			res := doc.Result()
			busy := time.Since(start)
			out = runOutcome{Doc: doc, Result: res, Annotation: newAnnotation(text, res), Tokens: len(doc.Tokens), Busy: busy}
		}); fault != nil {
			report("annotating", fault)
			out = runOutcome{Err: errPanic(fault), Busy: time.Since(start)}
		}
		done(ctx, out)
		return func() {}
	}

	var stopped atomic.Bool
	busy := time.Since(start)
	failed := func(err error) {
		ctx.Dispatch(guardDispatch("annotating", func(ctx app.Context) {
			if !stopped.Load() {
				done(ctx, runOutcome{Err: errPanic(err), Busy: busy})
			}
		}))
	}
	ctx.Async(guardAsync("annotating", func() {
		var sincePause time.Duration
		for {
			if stopped.Load() {
				return
			}
			t := time.Now()
			finished := job.Step()
			took := time.Since(t)
			busy += took
			if finished {
				break
			}
			if sincePause += took; sincePause < yieldEvery {
				continue
			}
			sincePause = 0
			p := job.Progress()
			ctx.Dispatch(guardDispatch("showing progress", func(ctx app.Context) {
				if !stopped.Load() {
					progress(ctx, p)
				}
			}))
			time.Sleep(yieldPause)
		}
		// The result, its view and the page's update each take a while
		// for a long text: the browser gets a turn between them.
		t := time.Now()
		full := job.Document()
		res := full.Result()
		// Only what the exports need stays: the tokens of a long text are
		// most of its memory, and the wasm's garbage collector scans all
		// that is kept while the page waits.
		doc := exportable(full)
		tokens := len(full.Tokens)
		job, full = nil, nil
		busy += time.Since(t)
		time.Sleep(yieldPause)
		if stopped.Load() {
			return
		}
		ann := newAnnotation(text, res)
		ann.Tokens = tokens
		time.Sleep(yieldPause)
		ctx.Dispatch(guardDispatch("showing the result", func(ctx app.Context) {
			if !stopped.Load() {
				done(ctx, runOutcome{Doc: doc, Result: res, Annotation: ann, Tokens: tokens, Busy: busy})
			}
		}))
	}, failed))
	return func() { stopped.Store(true) }
}
