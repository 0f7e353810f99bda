package ui

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"annotator/analyzer"
)

// libraryRecordSchema is the layout of the library's records ("schema"):
// 1, a record without the field, holds no corrections; 2 adds
// "corrections", the article's corrections as JSON (analyzer.Corrections).
const libraryRecordSchema = 2

// recordSchema reads a record's "schema": absent is 1; anything but a
// whole number from 1 up is an error.
func recordSchema(v float64, present bool) (int, error) {
	if !present {
		return 1, nil
	}
	if v < 1 || v > math.MaxInt32 || v != math.Trunc(v) {
		return 0, fmt.Errorf("schema is %g, not a record layout", v)
	}
	return int(v), nil
}

// articleCorrections decodes an entry's corrections, validated: none for
// an entry without them; an error for a bad list, which the entry keeps
// as it was stored (nothing the user made is lost) while the article
// opens without it.
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
