package ui

import (
	"annotator/app/idb"
	"annotator/app/jsval"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The article library lives in the browser's IndexedDB: database
// annotator-library, object store "articles", one record per article keyed
// by its id (see libraryEntry). Every call here is asynchronous: it returns
// at once and calls done later, on the browser's event loop; the UI hands
// the outcome to its own goroutine with ctx.Dispatch.
//
// The database has no fixed version: the app makes the store at version 1,
// and, finding a database at some version without it (made again by
// someone else after a deletion), opens it one version up to make it. So
// it opens whatever version is there (idb.CurrentVersion): asking for 1 after
// such an upgrade would fail with a VersionError on every later visit,
// the library unavailable for good.
const (
	libraryDBName = "annotator-library"
	articleStore  = "articles"
)

// libraryStore is the open database, or none yet.
type libraryStore struct {
	db app.Value // nil until opened, and again once closed
	// onGone is called when the database is deleted or upgraded elsewhere
	// (another tab, or the app's "clear local data"): the connection is
	// closed at once so that the deletion is not blocked.
	onGone func()
}

// open calls done with the database, opening it first if needed.
func (s *libraryStore) open(done func(db app.Value, err error)) {
	if s.db != nil {
		done(s.db, nil)
		return
	}
	s.openVersion(idb.CurrentVersion, done)
}

// openVersion opens the database at the version, creating the store if
// it lacks it. A database someone made without the store (at the current
// version, so no upgrade would run) is opened again one version up.
func (s *libraryStore) openVersion(version int, done func(db app.Value, err error)) {
	indexedDB.Open(libraryDBName, version, articleStore, map[string]any{"keyPath": "id"}, func(db app.Value, err error) {
		if err != nil {
			done(nil, err)
			return
		}
		if !idb.HasStore(db, articleStore) {
			next := db.Get("version").Int() + 1
			db.Call("close")
			s.openVersion(next, done)
			return
		}
		var gone app.Func
		gone = guardFunc("letting another tab clear the library", func(app.Value, []app.Value) any {
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

// list calls done with every stored article, and the records that are
// not articles (see decodeArticle) as bad, for the quarantine.
func (s *libraryStore) list(done func([]libraryEntry, []*badRecord, error)) {
	s.open(func(db app.Value, err error) {
		if err != nil {
			done(nil, nil, err)
			return
		}
		indexedDB.ReadAll(db, articleStore, func(keys, records app.Value, err error) {
			if err != nil {
				done(nil, nil, err)
				return
			}
			var entries []libraryEntry
			var bad []*badRecord
			for i := range records.Length() {
				v := records.Index(i)
				e, err := decodeArticle(jsval.Of(v))
				if err != nil {
					bad = append(bad, &badRecord{From: libraryDBName + "/" + articleStore, Key: keys.Index(i), Reason: "a saved article: " + err.Error(), Value: v})
					continue
				}
				entries = append(entries, e)
			}
			done(entries, bad, nil)
		})
	})
}

// removeKey deletes the record with the key, whatever its type.
func (s *libraryStore) removeKey(key app.Value, done func(error)) {
	s.write(func(store app.Value) { store.Call("delete", key) }, done)
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
		indexedDB.Write(db, articleStore, f, done)
	})
}

// toJS is the record stored for an article.
func (e libraryEntry) toJS() map[string]any {
	return map[string]any{"id": e.ID, "title": e.Title, "text": e.Text, "lang": e.Lang, "saved": e.Saved, "names": e.Names, "version": e.Version,
		"schema": max(e.Schema, libraryRecordSchema), "corrections": e.Corrections}
}
