// Package idb is the app's one way to the browser's IndexedDB, shared by
// its stores (the draft, the article library, the quarantine of unreadable
// records): open a database and make its object store on upgrade, wait
// for a request's result or a transaction's commit, read or write in one
// transaction, delete a database.
//
// Every call is asynchronous: it returns at once and calls done later, on
// the browser's event loop. Each callback handed to the browser is made by
// the Guard given to With (the app's boundary), so that a panic in one is
// reported like any other; a JavaScript exception thrown by a call is
// returned as an error, never a panic.
package idb

import (
	"errors"
	"fmt"

	"annotator/app/jsval"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Guard wraps Go code the browser calls back.
type Guard func(where string, f func(this app.Value, args []app.Value) any) app.Func

// Browser is IndexedDB behind the app's guard.
type Browser struct{ guard Guard }

// With is IndexedDB whose callbacks guard makes.
func With(guard Guard) Browser { return Browser{guard} }

// ErrUnavailable is returned where the browser offers no IndexedDB.
var ErrUnavailable = errors.New("this browser does not let the page store data (no IndexedDB)")

// CurrentVersion asks Open for a database at whatever version it has
// (version 1 for a new one).
const CurrentVersion = 0

// Open opens the database name at version, or CurrentVersion, and calls
// done with it, creating store (with options, nil for none) when an
// upgrade finds it missing.
func (b Browser) Open(name string, version int, store string, options map[string]any, done func(db app.Value, err error)) {
	idb := app.Window().Get("indexedDB")
	if !idb.Truthy() {
		done(nil, ErrUnavailable)
		return
	}
	var req app.Value
	if err := jsval.Try(func() {
		if version == CurrentVersion {
			req = idb.Call("open", name)
		} else {
			req = idb.Call("open", name, version)
		}
	}); err != nil {
		done(nil, err)
		return
	}
	upgrade := b.guard("preparing this browser's storage", func(app.Value, []app.Value) any {
		db := req.Get("result")
		if !HasStore(db, store) {
			if options == nil {
				db.Call("createObjectStore", store)
			} else {
				db.Call("createObjectStore", store, options)
			}
		}
		return nil
	})
	req.Set("onupgradeneeded", upgrade)
	b.Result(req, func(db app.Value, err error) {
		upgrade.Release()
		done(db, err)
	})
}

// HasStore tells whether the open database db has the object store.
func HasStore(db app.Value, store string) bool {
	return db.Get("objectStoreNames").Call("contains", store).Bool()
}

// Result calls done once the request succeeds, with its result, or fails.
func (b Browser) Result(req app.Value, done func(app.Value, error)) {
	var onSuccess, onError app.Func
	release := func() {
		req.Set("onsuccess", nil)
		req.Set("onerror", nil)
		onSuccess.Release()
		onError.Release()
	}
	onSuccess = b.guard("reading data stored in this browser", func(app.Value, []app.Value) any {
		result := req.Get("result")
		release()
		done(result, nil)
		return nil
	})
	onError = b.guard("reading data stored in this browser", func(_ app.Value, args []app.Value) any {
		err := Error(req)
		if len(args) > 0 {
			args[0].Call("preventDefault") // handled here: not an uncaught error
		}
		release()
		done(nil, err)
		return nil
	})
	req.Set("onsuccess", onSuccess)
	req.Set("onerror", onError)
}

// Commit calls done once the transaction commits, or fails or aborts.
func (b Browser) Commit(tx app.Value, done func(error)) {
	var complete, fail app.Func
	finish := func(err error) {
		tx.Set("oncomplete", nil)
		tx.Set("onerror", nil)
		tx.Set("onabort", nil)
		complete.Release()
		fail.Release()
		done(err)
	}
	complete = b.guard("storing data in this browser", func(app.Value, []app.Value) any { finish(nil); return nil })
	fail = b.guard("storing data in this browser", func(app.Value, []app.Value) any { finish(Error(tx)); return nil })
	tx.Set("oncomplete", complete)
	tx.Set("onerror", fail)
	tx.Set("onabort", fail)
}

// Write runs f on the store in a read-write transaction of db and calls
// done once it commits or fails.
func (b Browser) Write(db app.Value, store string, f func(store app.Value), done func(error)) {
	var tx app.Value
	if err := jsval.Try(func() {
		tx = db.Call("transaction", store, "readwrite")
		f(tx.Call("objectStore", store))
	}); err != nil {
		done(err)
		return
	}
	b.Commit(tx, done)
}

// Read makes one request of the store in a read-only transaction of db
// (ask returns it) and calls done with its result.
func (b Browser) Read(db app.Value, store string, ask func(store app.Value) app.Value, done func(app.Value, error)) {
	var req app.Value
	if err := jsval.Try(func() {
		req = ask(db.Call("transaction", store, "readonly").Call("objectStore", store))
	}); err != nil {
		done(nil, err)
		return
	}
	b.Result(req, done)
}

// ReadAll calls done with every key of the store and every record, in
// the same order, read in one transaction.
func (b Browser) ReadAll(db app.Value, store string, done func(keys, records app.Value, err error)) {
	var keysReq, recordsReq app.Value
	if err := jsval.Try(func() {
		s := db.Call("transaction", store, "readonly").Call("objectStore", store)
		keysReq, recordsReq = s.Call("getAllKeys"), s.Call("getAll")
	}); err != nil {
		done(nil, nil, err)
		return
	}
	b.Result(keysReq, func(keys app.Value, err error) {
		b.Result(recordsReq, func(records app.Value, err2 error) {
			if err = errors.Join(err, err2); err != nil {
				done(nil, nil, err)
				return
			}
			done(keys, records, nil)
		})
	})
}

// Delete deletes the database name and calls done once it is gone. One
// another tab holds open is deleted once that tab lets go (the app's
// connections close on versionchange).
func (b Browser) Delete(name string, done func(error)) {
	idb := app.Window().Get("indexedDB")
	if !idb.Truthy() {
		done(nil) // nothing stored, nothing to delete
		return
	}
	var req app.Value
	if err := jsval.Try(func() { req = idb.Call("deleteDatabase", name) }); err != nil {
		done(err)
		return
	}
	b.Result(req, func(_ app.Value, err error) { done(err) })
}

// Error is the error of a failed request or transaction, said for people
// when the browser's storage for the page is full.
func Error(v app.Value) error {
	e := v.Get("error")
	if !e.Truthy() {
		return errors.New("the browser's storage failed")
	}
	if name, _ := jsval.AsString(jsval.Field(jsval.Of(e), "name")); name == "QuotaExceededError" {
		return fmt.Errorf("this browser's storage for the page is full (%w)", jsval.ErrorOf(jsval.Of(e)))
	}
	return jsval.ErrorOf(jsval.Of(e))
}
