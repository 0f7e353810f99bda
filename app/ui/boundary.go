package ui

import (
	"fmt"
	"runtime/debug"
	"sync"

	"annotator/app/jsval"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The guarded boundary: every entry from JavaScript into the app's Go code
// (event handlers, actions, message handlers, IndexedDB and clipboard callbacks,
// observers, timers, dispatched and background work) goes through one of
// guardEvent, guardAction, guardFunc, guardDispatch or guardAsync. Each recovers from a
// panic and reports it as a fault to the page's root component, which shows
// it and keeps running: an unexpected value costs one action, never the
// program. Values from outside are read with package jsval, which checks
// their type first, so a fault is a bug, not a page's doing.

// fault is a panic caught at the boundary.
type fault struct {
	Where string // what the app was doing, in the user's words
	Err   error
}

func (f fault) String() string {
	return "Something went wrong while " + f.Where + " (" + f.Err.Error() + "). The app keeps running; reload the page if something looks wrong."
}

// faultSink receives the faults: the root component mounted (Annotator or
// Embed), which shows them. Before one mounts they are only logged.
var (
	sinkMu    sync.Mutex
	faultSink func(fault)
)

// setFaultSink makes report call f, or only log with nil; it returns a
// function restoring the previous sink.
func setFaultSink(f func(fault)) (restore func()) {
	sinkMu.Lock()
	defer sinkMu.Unlock()
	old := faultSink
	faultSink = f
	return func() {
		sinkMu.Lock()
		defer sinkMu.Unlock()
		faultSink = old
	}
}

// report hands a fault to the sink and logs it with its stack for
// developers (the browser console).
func report(where string, r any) {
	f := fault{Where: where, Err: jsval.AsError(r)}
	app.Logf("annotator: fault while %s: %v\n%s", where, f.Err, debug.Stack())
	sinkMu.Lock()
	sink := faultSink
	sinkMu.Unlock()
	if sink != nil {
		sink(f)
	}
}

// recovering reports a panic under way; use it deferred.
func recovering(where string) {
	if r := recover(); r != nil {
		report(where, r)
	}
}

// guardEvent wraps a go-app event handler.
func guardEvent(where string, h app.EventHandler) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		defer recovering(where)
		h(ctx, e)
	}
}

// guardAction wraps a go-app action handler (ctx.Handle).
func guardAction(where string, h app.ActionHandler) app.ActionHandler {
	return func(ctx app.Context, a app.Action) {
		defer recovering(where)
		h(ctx, a)
	}
}

// guardFunc is app.FuncOf for a callback JavaScript calls (a listener, an
// IndexedDB request's handler, a promise's, an observer's). A panic returns
// undefined to JavaScript.
func guardFunc(where string, f func(this app.Value, args []app.Value) any) app.Func {
	return app.FuncOf(func(this app.Value, args []app.Value) (out any) {
		defer recovering(where)
		return f(this, args)
	})
}

// guardDispatch wraps work handed to go-app's UI goroutine (ctx.Dispatch,
// ctx.Defer, ctx.After).
func guardDispatch(where string, f func(app.Context)) func(app.Context) {
	return func(ctx app.Context) {
		defer recovering(where)
		f(ctx)
	}
}

// guardAsync wraps work run on a goroutine of its own (ctx.Async); failed,
// when given, runs after a panic so that whoever waits is told.
func guardAsync(where string, f func(), failed func(error)) func() {
	return func() {
		defer func() {
			if r := recover(); r != nil {
				report(where, r)
				if failed != nil {
					failed(jsval.AsError(r))
				}
			}
		}()
		f()
	}
}

// errPanic is the error a run ends with when the analyzer panicked.
func errPanic(err error) error {
	return fmt.Errorf("the analyzer failed on this text (%v); please report it", err)
}
