package ui

import (
	"errors"
	"fmt"

	"annotator/app/jsval"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Where the app keeps data in the browser. The draft lives in IndexedDB
// (database annotator-drafts, store "drafts", one record keyed "current":
// {text, lang, saved}), which takes a 16 MB text where localStorage's few
// MB would not. "Clear local data" deletes it, the article library's
// database (library_store.go) and every localStorage and sessionStorage
// key that starts with localKeyPrefix.
const (
	draftDBName    = "annotator-drafts"
	draftDBVersion = 1
	draftStoreName = "drafts"
	draftKey       = "current"
	localKeyPrefix = "annotator."
)

// localDatabases are the IndexedDB databases "Clear local data" deletes.
var localDatabases = []string{draftDBName, libraryDBName, quarantineDBName}

// localDataCleared is the event dispatched on window once local data is
// cleared, for parts of the page that hold some of it in memory.
const localDataCleared = "annotator-local-data-cleared"

// draftRecord is a saved draft. Text stays a JavaScript string: a draft of
// several MB goes from the text area to the database and back without a
// copy through Go.
type draftRecord struct {
	Text  jsval.Value
	Lang  string
	Saved float64 // milliseconds since 1970, as Date.now()
}

// draftDB is the drafts database, opened on first use.
type draftDB struct {
	db      app.Value                // nil until opened, and again once closed
	gone    app.Func                 // db's onversionchange handler
	opened  int                      // connections opened so far: tells a stale handler from db's
	waiting []func(app.Value, error) // callers while an open is under way
}

// open calls done with the database, opening (and creating) it first.
// Callers that come while it opens wait for the same connection: two
// connections, one forgotten, would block another tab's deletion.
func (s *draftDB) open(done func(app.Value, error)) {
	if s.db != nil {
		done(s.db, nil)
		return
	}
	s.waiting = append(s.waiting, done)
	if len(s.waiting) > 1 {
		return
	}
	finish := func(db app.Value, err error) {
		waiting := s.waiting
		s.waiting = nil
		for _, w := range waiting {
			w(db, err)
		}
	}
	indexedDB.Open(draftDBName, draftDBVersion, draftStoreName, nil, func(db app.Value, err error) {
		if err != nil {
			finish(nil, err)
			return
		}
		s.opened++
		mine := s.opened
		s.db = db
		// Another tab clearing local data: let the deletion through.
		s.gone = guardFunc("letting another tab clear the draft", func(app.Value, []app.Value) any {
			db.Call("close")
			if s.opened == mine {
				s.forget()
			}
			return nil
		})
		db.Set("onversionchange", s.gone)
		finish(db, nil)
	})
}

// close closes the database, if open.
func (s *draftDB) close() {
	if s.db != nil {
		s.db.Call("close")
		s.forget()
	}
}

// forget drops the connection and its handler.
func (s *draftDB) forget() {
	if s.db != nil {
		s.db.Set("onversionchange", nil)
		s.db = nil
	}
	if s.gone != nil {
		s.gone.Release()
		s.gone = nil
	}
}

// put saves the draft and calls done once it is committed.
func (s *draftDB) put(d draftRecord, done func(error)) {
	s.open(func(db app.Value, err error) {
		if err != nil {
			done(err)
			return
		}
		indexedDB.Write(db, draftStoreName, func(store app.Value) {
			record := app.Window().Get("Object").New()
			text, _ := jsval.JS(d.Text)
			record.Set("text", text)
			record.Set("lang", d.Lang)
			record.Set("saved", d.Saved)
			store.Call("put", record, draftKey)
		}, done)
	})
}

// get calls done with the saved draft; found is false when there is none.
// A record that is not a draft gives a *badRecord error.
func (s *draftDB) get(done func(d draftRecord, found bool, err error)) {
	s.open(func(db app.Value, err error) {
		if err != nil {
			done(draftRecord{}, false, err)
			return
		}
		indexedDB.Read(db, draftStoreName, func(store app.Value) app.Value { return store.Call("get", draftKey) }, func(v app.Value, err error) {
			if err != nil || v == nil || v.IsUndefined() {
				done(draftRecord{}, false, err)
				return
			}
			d, err := decodeDraft(jsval.Of(v))
			if err != nil {
				done(draftRecord{}, true, &badRecord{From: draftDBName + "/" + draftStoreName, Key: app.ValueOf(draftKey), Reason: "the saved draft: " + err.Error(), Value: v})
				return
			}
			done(d, true, nil)
		})
	})
}

// remove deletes the draft record and calls done once that is committed.
func (s *draftDB) remove(done func(error)) {
	s.open(func(db app.Value, err error) {
		if err != nil {
			done(err)
			return
		}
		indexedDB.Write(db, draftStoreName, func(store app.Value) { store.Call("delete", draftKey) }, done)
	})
}

// clearLocalData deletes the app's databases and its keys in localStorage
// and sessionStorage, then calls done. A database another tab holds open
// is deleted once that tab lets go (its connections close on
// versionchange).
func clearLocalData(drafts *draftDB, done func(error)) {
	drafts.close()
	for _, name := range []string{"localStorage", "sessionStorage"} {
		catchJS(func() { removeKeys(app.Window().Get(name), localKeyPrefix) })
	}
	var errs []error
	left := len(localDatabases)
	for _, name := range localDatabases {
		indexedDB.Delete(name, func(err error) {
			if err != nil {
				errs = append(errs, fmt.Errorf("delete %s: %w", name, err))
			}
			if left--; left == 0 {
				catchJS(func() {
					app.Window().Call("dispatchEvent", app.Window().Get("Event").New(localDataCleared))
				})
				done(errors.Join(errs...))
			}
		})
	}
}

// removeKeys removes the keys of a Storage that start with prefix.
func removeKeys(storage app.Value, prefix string) {
	if !storage.Truthy() {
		return
	}
	var keys []string
	for i := range storage.Get("length").Int() {
		if k := storage.Call("key", i); k.Type() == app.TypeString && len(k.String()) >= len(prefix) && k.String()[:len(prefix)] == prefix {
			keys = append(keys, k.String())
		}
	}
	for _, k := range keys {
		storage.Call("removeItem", k)
	}
}
