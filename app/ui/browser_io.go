package ui

import (
	"errors"
	"fmt"
	"time"

	"annotator/app/idb"
	"annotator/app/jsval"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// This file, draft_store.go and library_store.go are the app's JavaScript
// glue: downloads, the clipboard, page-wide key handling and IndexedDB,
// through go-app's JS values.

// downloadFile offers content to the user as a file: a Blob URL behind a
// link with a download name, clicked at once and revoked a minute later.
func downloadFile(name, mime, content string) (err error) {
	defer recoverJS(&err)
	w := app.Window()
	blob := w.Get("Blob").New([]any{content}, map[string]any{"type": mime + ";charset=utf-8"})
	url := w.Get("URL").Call("createObjectURL", blob)
	doc := w.Get("document")
	link := doc.Call("createElement", "a")
	link.Set("href", url)
	link.Set("download", name)
	link.Get("style").Set("display", "none")
	// The URL must live until the browser has read the blob, and go even
	// if the click fails.
	defer time.AfterFunc(time.Minute, func() {
		defer recovering("freeing a download")
		w.Get("URL").Call("revokeObjectURL", url)
	})
	doc.Get("body").Call("appendChild", link)
	defer link.Call("remove")
	link.Call("click")
	return nil
}

// copyText puts text on the clipboard and calls done with the outcome. It
// uses the asynchronous Clipboard API, and a selected hidden text area
// where that API is missing.
func copyText(text string, done func(error)) {
	clipboard := app.Window().Get("navigator").Get("clipboard")
	if !clipboard.Truthy() {
		done(copyBySelection(text))
		return
	}
	var p app.Value
	if err := catchJS(func() { p = clipboard.Call("writeText", text) }); err != nil {
		done(err)
		return
	}
	awaitPromise(p, func(_ app.Value, err error) { done(err) })
}

// copyBySelection copies with document.execCommand, for browsers without
// the Clipboard API.
func copyBySelection(text string) (err error) {
	defer recoverJS(&err)
	doc := app.Window().Get("document")
	area := doc.Call("createElement", "textarea")
	area.Set("value", text)
	area.Call("setAttribute", "readonly", "")
	area.Get("style").Set("position", "fixed")
	area.Get("style").Set("opacity", "0")
	doc.Get("body").Call("appendChild", area)
	defer area.Call("remove") // the whole export must not stay in the page
	area.Call("select")
	ok := doc.Call("execCommand", "copy").Truthy()
	if !ok {
		return errors.New("the browser refused to copy")
	}
	return nil
}

// awaitPromise calls done once p settles: with its value when it resolves,
// with an error when it rejects.
func awaitPromise(p app.Value, done func(app.Value, error)) {
	var resolve, reject app.Func
	release := func() { resolve.Release(); reject.Release() }
	resolve = guardFunc("finishing a browser action", func(_ app.Value, args []app.Value) any {
		var v app.Value
		if len(args) > 0 {
			v = args[0]
		}
		release()
		done(v, nil)
		return nil
	})
	reject = guardFunc("finishing a browser action", func(_ app.Value, args []app.Value) any {
		err := errors.New("rejected")
		if len(args) > 0 {
			err = jsval.ErrorOf(jsval.Of(args[0]))
		}
		release()
		done(nil, err)
		return nil
	})
	p.Call("then", resolve, reject)
}

// indexedDB is the browser's IndexedDB behind the app's boundary: the
// draft, the library and the quarantine keep their records through it.
var indexedDB = idb.With(guardFunc)

// catchJS runs f and returns the JavaScript exception it threw, if any:
// syscall/js turns them into panics.
func catchJS(f func()) (err error) {
	defer recoverJS(&err)
	f()
	return nil
}

// recoverJS turns a panic from a JavaScript call into *err.
func recoverJS(err *error) {
	if r := recover(); r != nil {
		switch v := r.(type) {
		case error:
			*err = v
		default:
			*err = fmt.Errorf("JavaScript error: %v", v)
		}
	}
}

// keepPictureKeys stops the browser's own action (scrolling the page) for
// the keys the pictures' SVG buttons answer: Enter and Space on a bar, a
// tick or a node, and the arrows, Home and End on a tick. go-app runs event
// handlers after the event has returned, too late for PreventDefault; these
// listeners run during the event. Space scrolls on keypress, which a
// cancelled keydown does not always suppress, so both are cancelled. The
// returned function removes the listeners.
func keepPictureKeys() (remove func()) {
	listener := guardFunc("handling a key", func(this app.Value, args []app.Value) any {
		e := args[0]
		target := e.Get("target")
		if !target.Truthy() {
			return nil
		}
		ds := target.Get("dataset")
		if !ds.Truthy() {
			return nil // the document itself, or a text node
		}
		part := ds.Get("part").String()
		switch e.Get("key").String() {
		case "Enter", " ":
			if part == "row" || part == "tick" || part == "node" {
				e.Call("preventDefault")
			}
		case "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End":
			if part == "tick" {
				e.Call("preventDefault")
			}
		}
		return nil
	})
	return listenDocument(listener, "keydown", "keypress")
}

// listenDocument adds fn as the document's listener for each event, during
// the event; the returned function removes it and releases fn.
func listenDocument(fn app.Func, events ...string) (remove func()) {
	doc := app.Window().Get("document")
	for _, ev := range events {
		doc.Call("addEventListener", ev, fn)
	}
	return func() {
		for _, ev := range events {
			doc.Call("removeEventListener", ev, fn)
		}
		fn.Release()
	}
}
