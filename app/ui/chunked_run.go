package ui

import (
	"errors"
	"runtime"
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

// slicedBytes is the length from which a text is annotated in slices: a
// longer one, annotated at once, could hold the main thread past 200 ms
// (62 KB naming 2,600 numbers took one task of 384 ms, in Chromium here).
const slicedBytes = 16 << 10

// startLocalRun annotates text in the page. A text of up to slicedBytes (an
// article) is annotated at once and done is called before startRun
// returns. A longer one is annotated a step at a time (analyzer.Job) from a
// goroutine that hands the browser a turn once yieldEvery of work has
// passed (slicer), between steps and inside them (Options.Pause), and as it
// builds the result and the view's index, so that the page stays
// responsive: progress is called with the fraction done at each turn, and
// done at the end, both on the UI goroutine. The returned function stops
// the run at its next pause; neither progress nor done is called after it.
func startLocalRun(ctx app.Context, text string, opts analyzer.Options, progress func(app.Context, float64), done func(app.Context, runOutcome)) (stop func()) {
	start := time.Now()
	var job *analyzer.Job
	var stopped atomic.Bool
	s := &slicer{stopped: &stopped, progress: func() {
		p := 1.0 // the analyzer is done: the result and its index are under way
		if job != nil {
			p = job.Progress()
		}
		ctx.Dispatch(guardDispatch("showing progress", func(ctx app.Context) {
			if !stopped.Load() {
				progress(ctx, p)
			}
		}))
	}}
	if len(text) > slicedBytes {
		opts.Pause, opts.Collect = s.pause, s.collect
	}
	var err error
	if fault := jsval.Try(func() { job, err = analyzer.Start(text, opts) }); fault != nil {
		report("annotating", fault)
		err = errPanic(fault)
	}
	if err != nil {
		done(ctx, runOutcome{Err: err, Busy: time.Since(start)})
		return func() {}
	}
	if len(text) <= slicedBytes {
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

	begun := time.Now()
	failed := func(err error) {
		ctx.Dispatch(guardDispatch("annotating", func(ctx app.Context) {
			if !stopped.Load() {
				done(ctx, runOutcome{Err: errPanic(err), Busy: time.Since(start)})
			}
		}))
	}
	ctx.Async(guardAsync("annotating", func() {
		defer endIfStopped()
		// The goroutine would start in the task that read the text and
		// rendered the page's "working" state: the browser gets a turn
		// before the first slice.
		s.phase = "text"
		s.pause()
		for {
			s.phase = job.Stage()
			if job.Step() {
				break
			}
			s.pause()
		}
		// The result, its view and the page's update each take a while
		// for a long text: they pause as they go, and the browser gets a
		// turn between them.
		// Only what the exports need stays: the tokens of a long text are
		// most of its memory (the result does not need them), and the
		// wasm's garbage collector scans all that is kept while the page
		// waits.
		full := job.Document()
		tokens := len(full.Tokens)
		whole := len(text) <= maxCorrectedBytes // the corrections editor needs all of it
		if !whole {
			full.Tokens = nil
			s.collect() // the tokens go before the result is built
		}
		s.phase = "result"
		res := job.Result()
		doc := full
		if !whole {
			doc = exportable(full)
		}
		job, full = nil, nil
		s.collect() // and the document's mentions before the index is built
		s.phase = "index"
		ann := buildAnnotation(text, res, s.tick)
		ann.Tokens = tokens
		s.pause()
		articleID(text) // the page looks its corrections up by it
		s.pause()
		busy := time.Since(begun) - s.paused + begun.Sub(start)
		ctx.Dispatch(guardDispatch("showing the result", func(ctx app.Context) {
			if !stopped.Load() {
				done(ctx, runOutcome{Doc: doc, Result: res, Annotation: ann, Tokens: tokens, Busy: busy})
			}
		}))
	}, failed))
	return func() { stopped.Store(true) }
}

// errRunStopped unwinds a run that was stopped from one of its pauses.
var errRunStopped = errors.New("the run was stopped")

// endIfStopped ends a run's goroutine quietly when it was stopped
// (errRunStopped); any other panic goes on.
func endIfStopped() {
	if r := recover(); r != nil && r != errRunStopped {
		panic(r)
	}
}

// slicer cuts a long run into slices of about yieldEvery of work: at each
// pause (Options.Pause from inside the analyzer's stages, tick from the
// loops that build the view's index, and between steps) it hands the
// browser yieldPause once a slice is over, showing the progress, and it
// ends a stopped run there.
type slicer struct {
	stopped  *atomic.Bool
	since    time.Time     // when the slice under way began
	paused   time.Duration // the time handed back so far
	progress func()
	ticks    int
	// phase names the work under way (a stage, "result", "index"): each
	// slice ends with a performance mark of its name, for the browser's
	// profiler and make bench's breakdown of long tasks.
	phase string
}

// tickEvery is how many items of a loop tick counts before it pauses: a
// few microseconds of work each.
const tickEvery = 256

// tick counts an item of a long loop, and pauses every tickEvery.
func (s *slicer) tick() {
	if s.ticks++; s.ticks >= tickEvery {
		s.ticks = 0
		s.pause()
	}
}

// pause ends a stopped run, and hands the browser a turn if the slice is over.
func (s *slicer) pause() {
	if s.stopped.Load() {
		panic(errRunStopped)
	}
	if time.Since(s.since) < yieldEvery {
		return
	}
	s.progress()
	markSlice(s.phase)
	t := time.Now()
	handBack(yieldPause)
	s.since = time.Now()
	s.paused += s.since.Sub(t)
}

// collect collects garbage in a slice of its own: the wasm's collector
// marks the whole heap in one go (for 1 MB of text, some 40 MB), which
// added to a slice's work made it one long task.
func (s *slicer) collect() {
	s.since = time.Time{} // the slice is over
	s.pause()
	runtime.GC()
	s.pause()
}

// markSlice marks the end of a slice of the phase on the page's timeline.
func markSlice(phase string) {
	catchJS(func() { app.Window().Get("performance").Call("mark", "annotator: "+phase) })
}

// handBack blocks for about d on a timer of the browser's, so that the
// browser gets a turn (its event loop, a paint) before the caller goes on.
// A Go timer would not do: when the wasm's garbage collector marks while
// the caller sleeps, the caller can wake and go on in the same task.
func handBack(d time.Duration) {
	if !app.IsClient {
		time.Sleep(d)
		return
	}
	woken := make(chan struct{})
	var wake app.Func
	wake = guardFunc("resuming a run", func(app.Value, []app.Value) any {
		wake.Release()
		close(woken)
		return nil
	})
	if err := catchJS(func() { app.Window().Call("setTimeout", wake, d.Milliseconds()) }); err != nil {
		wake.Release()
		time.Sleep(d)
		return
	}
	<-woken
}
