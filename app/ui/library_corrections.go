package ui

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"annotator/analyzer"
	"annotator/app/jsval"
)

// libraryRecordSchema is the layout of the library's records ("schema"):
// 1, a record without the field, holds no corrections; 2 adds
// "corrections", the article's corrections as JSON (analyzer.Corrections).
const libraryRecordSchema = 2

// recordSchema reads a record's "schema": absent is 1; a whole number up
// to libraryRecordSchema is the layout. A newer layout is an error too: this
// version would drop what it does not know when it saved the record again,
// so the record is set aside instead (quarantine.go), as it was.
func recordSchema(v jsval.Value) (int, error) {
	if jsval.Absent(v) {
		return 1, nil
	}
	f, ok := jsval.AsFinite(v)
	switch {
	case !ok || f < 1 || f != math.Trunc(f):
		return 0, fmt.Errorf("schema is %s, not a record layout", jsval.Describe(v))
	case f > libraryRecordSchema:
		return 0, fmt.Errorf("schema is %g, a layout of a newer version of the app", f)
	}
	return int(f), nil
}

// recordCorrections reads a record's "corrections": absent or empty is
// none; otherwise the JSON text of a valid list (analyzer.ParseCorrections),
// which a record of schema 1 cannot hold.
func recordCorrections(record jsval.Value, schema int) (string, error) {
	text, err := optionalString(record, "corrections")
	if err != nil || text == "" {
		return "", err
	}
	if schema < 2 {
		return "", fmt.Errorf("corrections in a record of schema %d, which has none", schema)
	}
	if _, err := analyzer.ParseCorrections([]byte(text)); err != nil {
		return "", fmt.Errorf("corrections are not a list of corrections (%s)", shorten(err.Error(), 120))
	}
	return text, nil
}

// articleCorrections decodes an entry's corrections: none for an entry
// without them. The decoder (decodeArticle) validated them already, and
// set a record with a bad list aside; an error here (an entry made in
// memory) leaves the entry's list as it was, never overwritten.
func (e libraryEntry) articleCorrections() (analyzer.Corrections, error) {
	if e.Corrections == "" {
		return nil, nil
	}
	cs, err := analyzer.ParseCorrections([]byte(e.Corrections))
	if err != nil {
		return nil, fmt.Errorf("its corrections could not be read (%v); they are kept as saved", err)
	}
	return cs, nil
}

// withCorrections returns the entry holding the corrections.
func (e libraryEntry) withCorrections(cs analyzer.Corrections) libraryEntry {
	e.Schema = max(e.Schema, libraryRecordSchema)
	e.Corrections = ""
	if len(cs) > 0 {
		if data, err := json.Marshal(cs); err == nil {
			e.Corrections = string(data)
		}
	}
	return e
}

// keep stores an entry in the library in place (a saved article whose
// corrections changed keeps its place in the list), or first if new, and
// relinks.
func (l *library) keep(e libraryEntry, res *analyzer.Result) {
	i := slices.IndexFunc(l.entries, func(x libraryEntry) bool { return x.ID == e.ID })
	if i < 0 {
		l.add(e, res)
		return
	}
	l.entries[i] = e
	if res != nil {
		if l.results == nil {
			l.results = make(map[string]*analyzer.Result)
		}
		l.results[e.ID] = res
	}
	l.link()
}
