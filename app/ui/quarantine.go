package ui

import (
	"encoding/json"
	"fmt"

	"annotator/app/jsval"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The quarantine keeps the stored records the app could not read (see
// records.go): database annotator-quarantine, object store "records", keys
// given by the database, one record per bad one: {from, key, reason,
// found, value}, value being the record exactly as it was read. A bad
// record is copied there before it is deleted from its own store, so it is
// never lost; the library lists them ("1 saved article could not be read")
// with an export (JSON) and a delete.
const (
	quarantineDBName    = "annotator-quarantine"
	quarantineDBVersion = 1
	quarantineStoreName = "records"
)

// quarantineChanged is dispatched on window when a record is quarantined,
// so that the library lists it.
const quarantineChanged = "annotator-quarantine-changed"

// badRecord is a stored record that failed its decoder.
type badRecord struct {
	From   string    // "annotator-library/articles", "annotator-drafts/drafts"
	Key    app.Value // its key in that store
	Reason string
	Value  app.Value // as read
}

func (b *badRecord) Error() string { return b.Reason }

// quarantined is a record of the quarantine, as listed and exported.
type quarantined struct {
	ID     float64 // the quarantine's key
	From   string
	Reason string
	Found  float64
	Key    any // JSON-ready (jsval.Plain)
	Value  any
}

// kind names what a quarantined record was, for people.
func (q quarantined) kind() string {
	if q.From == draftDBName+"/"+draftStoreName {
		return "draft"
	}
	return "article"
}

// quarantineDB is the quarantine database, opened for each use: it is
// rarely touched.
type quarantineDB struct{}

func (quarantineDB) open(done func(app.Value, error)) {
	indexedDB.Open(quarantineDBName, quarantineDBVersion, quarantineStoreName, map[string]any{"autoIncrement": true}, done)
}

// quarantine copies bad to the quarantine, then deletes it from its store
// (remove, run once the copy is committed), then calls done. If the copy
// fails the record stays where it was.
func quarantine(bad *badRecord, remove func(done func(error)), done func(error)) {
	quarantineDB{}.open(func(db app.Value, err error) {
		if err != nil {
			done(err)
			return
		}
		indexedDB.Write(db, quarantineStoreName, func(store app.Value) {
			record := app.Window().Get("Object").New()
			record.Set("from", bad.From)
			record.Set("key", bad.Key)
			record.Set("reason", bad.Reason)
			record.Set("found", app.Window().Get("Date").Call("now"))
			record.Set("value", bad.Value)
			store.Call("add", record)
		}, func(err error) {
			db.Call("close")
			if err != nil {
				done(err)
				return
			}
			remove(func(err error) {
				catchJS(func() { app.Window().Call("dispatchEvent", app.Window().Get("Event").New(quarantineChanged)) })
				done(err)
			})
		})
	})
}

// listQuarantine calls done with the quarantined records.
func listQuarantine(done func([]quarantined, error)) {
	quarantineDB{}.open(func(db app.Value, err error) {
		if err != nil {
			done(nil, err)
			return
		}
		indexedDB.ReadAll(db, quarantineStoreName, func(keys, values app.Value, err error) {
			db.Call("close")
			if err != nil {
				done(nil, err)
				return
			}
			done(decodeQuarantine(jsval.Of(keys), jsval.Of(values)), nil)
		})
	})
}

// decodeQuarantine reads the quarantine's records, whatever they hold.
func decodeQuarantine(keys, values jsval.Value) []quarantined {
	n, _ := jsval.AsFinite(jsval.Field(values, "length"))
	var out []quarantined
	for i := range int(min(max(n, 0), 10000)) {
		v := jsval.Field(values, fmt.Sprint(i))
		q := quarantined{Reason: "unknown", From: "unknown"}
		q.ID, _ = jsval.AsFinite(jsval.Field(keys, fmt.Sprint(i)))
		if s, ok := jsval.AsString(jsval.Field(v, "from")); ok {
			q.From = s
		}
		if s, ok := jsval.AsString(jsval.Field(v, "reason")); ok {
			q.Reason = s
		}
		q.Found, _ = jsval.AsFinite(jsval.Field(v, "found"))
		q.Key = jsval.Plain(jsval.Field(v, "key"))
		q.Value = jsval.Plain(jsval.Field(v, "value"))
		out = append(out, q)
	}
	return out
}

// clearQuarantine deletes every quarantined record.
func clearQuarantine(done func(error)) {
	quarantineDB{}.open(func(db app.Value, err error) {
		if err != nil {
			done(err)
			return
		}
		indexedDB.Write(db, quarantineStoreName, func(store app.Value) { store.Call("clear") }, func(err error) { db.Call("close"); done(err) })
	})
}

// quarantineExport is the JSON of the quarantined records, for the user
// to keep or to mend by hand.
func quarantineExport(records []quarantined) (string, error) {
	type exported struct {
		From   string  `json:"from"`
		Key    any     `json:"key"`
		Reason string  `json:"reason"`
		Found  float64 `json:"found"`
		Value  any     `json:"value"`
	}
	out := make([]exported, len(records))
	for i, q := range records {
		out[i] = exported{q.From, q.Key, q.Reason, q.Found, q.Value}
	}
	data, err := json.MarshalIndent(map[string]any{"unreadable_records": out}, "", "  ")
	if err != nil {
		return "", err
	}
	return string(data) + "\n", nil
}
