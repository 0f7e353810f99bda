package ui

import (
	"errors"
	"fmt"

	"annotator/analyzer"
	"annotator/app/jsval"
)

// The validating decoders of what the app stored in IndexedDB. A record
// may be anything by the time it is read back: written by an older or newer
// version, edited by hand in the developer tools, or by another script of
// the origin. A record that is not what this version writes gives an error
// naming the field; the caller moves it to the quarantine (quarantine.go),
// so that one bad record never stops the app and is never silently lost.

// maxDateMs is the largest time JavaScript's Date holds, in milliseconds
// since 1970: a saved time beyond it is no time at all (1e300 would show
// as the year 292278994).
const maxDateMs = 8.64e15

// savedTime reads a record's save time: a finite number of milliseconds
// within Date's range.
func savedTime(v jsval.Value) (float64, error) {
	f, ok := jsval.AsFinite(v)
	switch {
	case !ok:
		return 0, fmt.Errorf("saved is %s, not a time", jsval.Describe(v))
	case f < 0 || f > maxDateMs:
		return 0, fmt.Errorf("saved is %g, outside the dates a browser can hold", f)
	}
	return f, nil
}

// optionalString reads an optional string field: absent gives "".
func optionalString(record jsval.Value, key string) (string, error) {
	v := jsval.Field(record, key)
	if s, ok := jsval.AsString(v); ok {
		return s, nil
	}
	if jsval.Absent(v) {
		return "", nil
	}
	return "", fmt.Errorf("%s is %s, not text", key, jsval.Describe(v))
}

// validLang checks a stored language code: empty, the menu's automatic
// choice or one the analyzer knows.
func validLang(lang string) error {
	if _, ok := analyzer.Languages[lang]; ok || lang == "" || lang == analyzer.LangAuto {
		return nil
	}
	return fmt.Errorf("lang %q is not a language the app offers", shorten(lang, 20))
}

// decodeArticle reads a library record (see libraryEntry.toJS).
func decodeArticle(v jsval.Value) (libraryEntry, error) {
	var e libraryEntry
	if !jsval.IsObject(v) || isArray(v) {
		return e, errors.New("the record is " + jsval.Describe(v) + ", not an article")
	}
	id, ok := jsval.AsString(jsval.Field(v, "id"))
	if !ok || id == "" {
		return e, errors.New("id is " + jsval.Describe(jsval.Field(v, "id")) + ", not an article's id")
	}
	text, ok := jsval.AsString(jsval.Field(v, "text"))
	if !ok || text == "" {
		return e, errors.New("text is " + jsval.Describe(jsval.Field(v, "text")) + ", not an article's text")
	}
	e.ID, e.Text = id, text
	var err error
	if e.Title, err = optionalString(v, "title"); err != nil {
		return e, err
	}
	if e.Title == "" {
		e.Title = articleTitle(text)
	}
	if e.Lang, err = optionalString(v, "lang"); err != nil {
		return e, err
	}
	if err := validLang(e.Lang); err != nil {
		return e, err
	}
	if e.Names, err = optionalString(v, "names"); err != nil {
		return e, err
	}
	if e.Version, err = optionalString(v, "version"); err != nil {
		return e, err
	}
	if e.Saved, err = savedTime(jsval.Field(v, "saved")); err != nil {
		return e, err
	}
	if e.Schema, err = recordSchema(jsval.Field(v, "schema")); err != nil {
		return e, err
	}
	if e.Corrections, err = recordCorrections(v, e.Schema); err != nil {
		return e, err
	}
	return e, nil
}

// decodeDraft reads the draft record (see draftDB.put). The text stays a
// JavaScript value: a draft of several MB is not copied through Go.
func decodeDraft(v jsval.Value) (draftRecord, error) {
	var d draftRecord
	if !jsval.IsObject(v) || isArray(v) {
		return d, errors.New("the record is " + jsval.Describe(v) + ", not a draft")
	}
	text := jsval.Field(v, "text")
	if t, ok := jsval.TypeOf(text); !ok || t != jsval.TypeString {
		return d, errors.New("text is " + jsval.Describe(text) + ", not a draft's text")
	}
	d.Text = text
	var err error
	if d.Lang, err = optionalString(v, "lang"); err != nil {
		return d, err
	}
	if err := validLang(d.Lang); err != nil {
		return d, err
	}
	if d.Saved, err = savedTime(jsval.Field(v, "saved")); err != nil {
		return d, err
	}
	return d, nil
}
