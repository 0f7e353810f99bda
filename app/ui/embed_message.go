package ui

import (
	"errors"
	"strconv"

	"annotator/app/jsval"
)

// parseEmbedMessage reads an annotate message, whatever the host sent: it
// checks each field's type before reading it, so a BigInt, a Map, a
// function or a deep object anywhere gets an error, never a panic. The
// error says what is wrong in the host developer's terms; the request keeps
// the id, if any, for the answer.
func parseEmbedMessage(data jsval.Value) (embedRequest, error) {
	var req embedRequest
	if !jsval.IsObject(data) || isArray(data) {
		return req, errors.New(`a message must be an object like {type: "annotate", id: 1, text: "..."}, not ` + jsval.Describe(data))
	}
	id := jsval.Field(data, "id")
	if s, ok := jsval.AsString(id); ok {
		req.id = s
	} else if f, ok := jsval.AsFinite(id); ok {
		req.id = f
	} else if !jsval.Absent(id) {
		return req, errors.New("id must be a string or a finite number, not " + jsval.Describe(id))
	}
	typ, ok := jsval.AsString(jsval.Field(data, "type"))
	switch {
	case !ok:
		return req, errors.New(`a message needs a type: the frame understands {type: "annotate", id, text, lang?}`)
	case typ != "annotate":
		return req, errors.New(`unknown message type ` + strconv.QuoteToASCII(shorten(typ, 40)) + `: the frame understands "annotate"`)
	case req.id == nil:
		return req, errors.New("an annotate message needs an id (a string or a number) to answer with")
	}
	text := jsval.Field(data, "text")
	if s, ok := jsval.AsString(text); ok {
		req.text = s
	} else {
		return req, errors.New("text must be a string, not " + jsval.Describe(text))
	}
	lang := jsval.Field(data, "lang")
	if s, ok := jsval.AsString(lang); ok {
		req.lang = s
	} else if !jsval.Absent(lang) {
		return req, errors.New(`lang must be a language code such as "en", not ` + jsval.Describe(lang))
	}
	return req, nil
}

// isArray reports whether an object is an array: arrays have a numeric
// length that is not an own enumerable key. A plain object with a length
// field is not one.
func isArray(v jsval.Value) bool {
	if _, ok := jsval.AsNumber(jsval.Field(v, "length")); !ok {
		return false
	}
	var keys []string
	if jsval.Try(func() { keys = v.Keys() }) != nil {
		return false
	}
	for _, k := range keys {
		if k == "length" {
			return false
		}
	}
	return true
}
