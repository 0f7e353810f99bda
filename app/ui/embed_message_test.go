package ui

import (
	"strings"
	"testing"

	. "annotator/app/jsval"
)

// exotic are values of every kind a host can send (structured-clone types
// and more): each goes into every field of a message.
func exotic() map[string]Value {
	deep := Object()
	for range 10000 {
		deep = Object("a", deep)
	}
	nested := Array()
	for range 1000 {
		nested = Array(nested)
	}
	return map[string]Value{
		"BigInt":      BigInt("10"),
		"Symbol":      Symbol("s"),
		"function":    Function(),
		"undefined":   Undefined(),
		"null":        Null(),
		"NaN":         Number(nanValue()),
		"true":        Bool(true),
		"Date":        Builtin("Tue Dec 01 2026 10:00:00 GMT+0000"),
		"Map":         Builtin("[object Map]"),
		"Set":         Builtin("[object Set]"),
		"typed array": Object("0", Number(1), "1", Number(2)),
		"array":       Array(String("annotate")),
		"nested":      nested,
		"deep":        deep,
	}
}

func nanValue() float64 {
	var zero float64
	return zero / zero
}

func TestParseEmbedMessage(t *testing.T) {
	valid := func(kv ...any) Value {
		base := map[string]Value{"type": String("annotate"), "id": Number(10), "text": String("Kim")}
		for i := 0; i+1 < len(kv); i += 2 {
			base[kv[i].(string)] = kv[i+1].(Value)
		}
		var pairs []any
		for _, k := range []string{"type", "id", "text", "lang"} {
			if v, ok := base[k]; ok {
				pairs = append(pairs, k, v)
			}
		}
		return Object(pairs...)
	}
	req, err := parseEmbedMessage(valid("lang", String("fr")))
	if err != nil || req.id != 10.0 || req.text != "Kim" || req.lang != "fr" {
		t.Fatalf("a valid message gives %+v, %v", req, err)
	}
	for name, v := range exotic() {
		for _, field := range []string{"type", "id", "text", "lang"} {
			req, err := parseEmbedMessage(valid(field, v))
			// Only lang is optional: left out (undefined) or null it means English.
			wantOK := field == "lang" && (name == "undefined" || name == "null")
			if wantOK != (err == nil) {
				t.Errorf("%s as %s: request %+v, error %v", name, field, req, err)
			}
			if err != nil && field != "id" && req.id != 10.0 {
				t.Errorf("%s as %s: the error answers id %v, want 10", name, field, req.id)
			}
		}
		if _, err := parseEmbedMessage(v); err == nil {
			t.Errorf("%s as the whole message is accepted", name)
		}
	}
	if _, err := parseEmbedMessage(valid("id", BigInt("10"))); err == nil || !strings.Contains(err.Error(), "BigInt") {
		t.Errorf("a BigInt id gives %v, want an error naming BigInt", err)
	}
}

// FuzzParseEmbedMessage sends arbitrary values (every JavaScript kind,
// nested) as a message: the parser never panics, and what it accepts is
// an annotate request with an id.
func FuzzParseEmbedMessage(f *testing.F) {
	f.Add([]byte{10, 3, 0, 4, 4, 'a', 'n', 'n', 'o', 't'})
	f.Add([]byte{11, 4, 1, 8, 9, 2, 4, 3, 'K', 'i', 'm'})
	f.Fuzz(func(t *testing.T, data []byte) {
		v := Arbitrary(data)
		req, err := parseEmbedMessage(v)
		if err == nil && req.id == nil {
			t.Fatalf("accepted a message without an id: %+v", req)
		}
		if err == nil {
			if typ, _ := AsString(Field(v, "type")); typ != "annotate" {
				t.Fatalf("accepted a message of type %q", typ)
			}
		}
	})
}
