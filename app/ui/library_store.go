package ui

import (
	"errors"
	"math"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The article library lives in the browser's IndexedDB: database
// annotator-library, object store "articles", one record per article keyed
// by its id (see libraryEntry). Every call here is asynchronous: it returns
// at once and calls done later, on the browser's event loop; the UI hands
// the outcome to its own goroutine with ctx.Dispatch.
const (
	libraryDBName  = "annotator-library"
	libraryVersion = 1
	articleStore   = "articles"
)

// libraryStore is the open database, or none yet.
type libraryStore struct {
	db app.Value // nil until opened, and again once closed
	// onGone is called when the database is deleted or upgraded elsewhere
	// (another tab, or the app's "clear local data"): the connection is
	// closed at once so that the deletion is not blocked.
	onGone func()
}

// errNoIndexedDB is returned where the browser offers no IndexedDB.
var errNoIndexedDB = errors.New("this browser does not let the page store data (no IndexedDB)")

// open calls done with the database, opening it first if needed.
func (s *libraryStore) open(done func(db app.Value, err error)) {
	if s.db != nil {
		done(s.db, nil)
		return
	}
	s.openVersion(libraryVersion, done)
}

// openVersion opens the database at the version, creating the store if
// it lacks it. A database someone made without the store (at the current
// version, so no upgrade would run) is opened again one version up.
func (s *libraryStore) openVersion(version int, done func(db app.Value, err error)) {
	openIDB(libraryDBName, version, articleStore, map[string]any{"keyPath": "id"}, func(db app.Value, err error) {
		if err != nil {
			done(nil, err)
			return
		}
		if !db.Get("objectStoreNames").Call("contains", articleStore).Bool() {
			next := db.Get("version").Int() + 1
			db.Call("close")
			s.openVersion(next, done)
			return
		}
		var gone app.Func
		gone = app.FuncOf(func(app.Value, []app.Value) any {
			db.Call("close")
			gone.Release()
			s.db = nil
			if s.onGone != nil {
				s.onGone()
			}
			return nil
		})
		db.Set("onversionchange", gone)
		s.db = db
		done(db, nil)
	})
}

// list calls done with every stored article.
func (s *libraryStore) list(done func([]libraryEntry, error)) {
	s.open(func(db app.Value, err error) {
		if err != nil {
			done(nil, err)
			return
		}
		var req app.Value
		err = catchJS(func() {
			req = db.Call("transaction", articleStore, "readonly").Call("objectStore", articleStore).Call("getAll")
		})
		if err != nil {
			done(nil, err)
			return
		}
		idbResult(req, func(records app.Value, err error) {
			if err != nil {
				done(nil, err)
				return
			}
			entries := make([]libraryEntry, 0, records.Length())
			for i := range records.Length() {
				if e, ok := entryFromJS(records.Index(i)); ok {
					entries = append(entries, e)
				}
			}
			done(entries, nil)
		})
	})
}

// put stores an article, replacing any with its id, and calls done once the
// write is committed.
func (s *libraryStore) put(e libraryEntry, done func(error)) {
	s.write(func(store app.Value) { store.Call("put", e.toJS()) }, done)
}

// remove deletes the article with the id.
func (s *libraryStore) remove(id string, done func(error)) {
	s.write(func(store app.Value) { store.Call("delete", id) }, done)
}

// write runs f in a read-write transaction and calls done when it commits
// or fails.
func (s *libraryStore) write(f func(store app.Value), done func(error)) {
	s.open(func(db app.Value, err error) {
		if err != nil {
			done(err)
			return
		}
		var tx app.Value
		err = catchJS(func() {
			tx = db.Call("transaction", articleStore, "readwrite")
			f(tx.Call("objectStore", articleStore))
		})
		if err != nil {
			done(err)
			return
		}
		var complete, fail app.Func
		finish := func(err error) {
			complete.Release()
			fail.Release()
			done(err)
		}
		complete = app.FuncOf(func(app.Value, []app.Value) any { finish(nil); return nil })
		fail = app.FuncOf(func(app.Value, []app.Value) any { finish(idbError(tx)); return nil })
		tx.Set("oncomplete", complete)
		tx.Set("onerror", fail)
		tx.Set("onabort", fail)
	})
}

// idbError is the error of a failed request or transaction.
func idbError(v app.Value) error {
	if e := v.Get("error"); e.Truthy() {
		return jsError(e)
	}
	return errors.New("the browser's storage failed")
}

// toJS is the record stored for an article.
func (e libraryEntry) toJS() map[string]any {
	return map[string]any{"id": e.ID, "title": e.Title, "text": e.Text, "lang": e.Lang, "saved": e.Saved, "names": e.Names, "version": e.Version,
		"schema": max(e.Schema, libraryRecordSchema), "corrections": e.Corrections}
}

// entryFromJS reads a stored record; ok is false for a record that is not
// an article (no id or no text).
func entryFromJS(v app.Value) (libraryEntry, bool) {
	str := func(k string) string {
		if f := v.Get(k); f.Type() == app.TypeString {
			return f.String()
		}
		return ""
	}
	e := libraryEntry{ID: str("id"), Title: str("title"), Text: str("text"), Lang: str("lang"), Names: str("names"), Version: str("version")}
	if f := v.Get("saved"); f.Type() == app.TypeNumber {
		e.Saved = f.Float()
	}
	schema := v.Get("schema")
	var err error
	if e.Schema, err = recordSchema(jsNumber(schema), !schema.IsUndefined()); err != nil {
		return e, false
	}
	switch f := v.Get("corrections"); {
	case f.Type() == app.TypeString:
		e.Corrections = f.String()
	case !f.IsUndefined():
		// Not a list's JSON: kept as JSON text, reported when opened.
		e.Corrections = app.Window().Get("JSON").Call("stringify", f).String()
	}
	return e, e.ID != "" && e.Text != ""
}

// jsNumber is v as a number, NaN when it is none.
func jsNumber(v app.Value) float64 {
	if v.Type() == app.TypeNumber {
		return v.Float()
	}
	return math.NaN()
}
