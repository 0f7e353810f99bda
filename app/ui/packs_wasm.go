//go:build wasm

package ui

import (
	"errors"
	"fmt"

	"annotator/analyzer/lang"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// builtinPack: the browser's build has no pack data built in.
func builtinPack(code string) (*lang.Pack, bool) { return nil, false }

// fetchPack fetches a pack file, reading it as it comes so that progress
// can say how much has (the share of ref.size), and hands its bytes to
// done. The service worker answers from its cache once it holds the pack.
func fetchPack(ref packRef, progress func(float64), done func([]byte, error)) {
	var p app.Value
	if err := catchJS(func() { p = app.Window().Call("fetch", ref.url) }); err != nil {
		done(nil, err)
		return
	}
	awaitPromise(p, func(resp app.Value, err error) {
		if err != nil {
			done(nil, err)
			return
		}
		if !resp.Get("ok").Bool() {
			done(nil, fmt.Errorf("%s: HTTP status %d", ref.url, resp.Get("status").Int()))
			return
		}
		body := resp.Get("body")
		if !body.Truthy() {
			done(nil, errors.New("the browser gives no readable body"))
			return
		}
		readPack(body.Call("getReader"), ref, make([]byte, 0, ref.size), progress, done)
	})
}

// readPack reads the stream's chunks into buf until it ends.
func readPack(reader app.Value, ref packRef, buf []byte, progress func(float64), done func([]byte, error)) {
	var p app.Value
	if err := catchJS(func() { p = reader.Call("read") }); err != nil {
		done(nil, err)
		return
	}
	awaitPromise(p, func(chunk app.Value, err error) {
		if err != nil {
			done(nil, err)
			return
		}
		if chunk.Get("done").Bool() {
			done(buf, nil)
			return
		}
		v := chunk.Get("value")
		n := v.Get("length").Int()
		start := len(buf)
		buf = append(buf, make([]byte, n)...)
		app.CopyBytesToGo(buf[start:], v)
		if ref.size > 0 {
			progress(min(1, float64(len(buf))/float64(ref.size)))
		}
		readPack(reader, ref, buf, progress, done)
	})
}
