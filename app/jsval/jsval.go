// Package jsval is the app's guarded reading of JavaScript values: a small
// Value interface that go-app's values (and through them syscall/js) and a
// test fake both satisfy, and readers that check a value's type before
// touching it, so that no value a page, a host frame or a stored record
// hands the app can panic the Go program.
//
// syscall/js panics on a wrong-type access (Get on a number, Float on
// undefined) and even on asking the type of a value it has no flag for (a
// BigInt: "bad type flag"). The readers here ask TypeOf, which recovers that
// panic and reports the type as unknown, and touch a value only in ways its
// type allows.
package jsval

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Type is a JavaScript type as syscall/js names it (null apart from object).
type Type int

// The types, in syscall/js's order.
const (
	TypeUndefined Type = iota
	TypeNull
	TypeBoolean
	TypeNumber
	TypeString
	TypeSymbol
	TypeObject
	TypeFunction
)

// String returns the type's name, as syscall/js writes it. Like
// syscall/js, it panics on a type outside the list.
func (t Type) String() string {
	switch t {
	case TypeUndefined:
		return "undefined"
	case TypeNull:
		return "null"
	case TypeBoolean:
		return "boolean"
	case TypeNumber:
		return "number"
	case TypeString:
		return "string"
	case TypeSymbol:
		return "symbol"
	case TypeObject:
		return "object"
	case TypeFunction:
		return "function"
	}
	panic("bad type")
}

// isObject reports whether properties can be read from a value of the type.
func (t Type) isObject() bool { return t == TypeObject || t == TypeFunction }

// Value is a JavaScript value. Its methods behave as syscall/js.Value's,
// panics included: Type panics for a BigInt, Get, Index and Length for a
// value that is not an object, Float for one that is not a number, Bool for
// one that is not a boolean.
type Value interface {
	Type() Type
	Get(key string) Value
	Index(i int) Value
	Length() int
	String() string
	Float() float64
	Bool() bool
	Truthy() bool
	IsUndefined() bool
	IsNull() bool
	// Keys are the object's own enumerable property names
	// (Object.keys); it panics (a TypeError) on undefined and null.
	Keys() []string
	// Text is JavaScript's String(v): the digits of a BigInt, the date
	// of a Date. It does not panic on values a structured clone carries.
	Text() string
}

// ValueError is the panic of a wrong-type access, worded as syscall/js's
// (the fake's; real values panic with syscall/js's own).
type ValueError struct {
	Method string
	Type   Type
}

func (e *ValueError) Error() string {
	return "syscall/js: call of " + e.Method + " on " + e.Type.String()
}

// Try runs f and returns the panic it raised, if any, as an error.
func Try(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = AsError(r)
		}
	}()
	f()
	return nil
}

// AsError turns a recovered panic value into an error.
func AsError(r any) error {
	switch v := r.(type) {
	case error:
		return v
	case string:
		return fmt.Errorf("JavaScript value error: %s", v)
	}
	return fmt.Errorf("panic: %v", r)
}

// ErrorOf turns a JavaScript error (an Error, a DOMException, or whatever
// a promise was rejected with) into a Go error, "Name: message".
func ErrorOf(e Value) error {
	msg, ok := AsString(Field(e, "message"))
	name, _ := AsString(Field(e, "name"))
	if (!ok || msg == "") && name != "" {
		return errors.New(name) // a DOMException may come without a message
	}
	if !ok || msg == "" {
		if s, ok := AsString(e); ok && s != "" {
			return errors.New(s)
		}
		return errors.New("unknown error (" + Describe(e) + ")")
	}
	if name != "" {
		return errors.New(name + ": " + msg)
	}
	return errors.New(msg)
}

// TypeOf returns v's type; ok is false when syscall/js cannot name it (a
// BigInt) or v is nil.
func TypeOf(v Value) (t Type, ok bool) {
	if v == nil {
		return TypeUndefined, false
	}
	err := Try(func() { t = v.Type() })
	return t, err == nil
}

// Describe names v's type in a message for people: "a number", "a BigInt
// or another value the app cannot read".
func Describe(v Value) string {
	t, ok := TypeOf(v)
	if !ok {
		return "a BigInt or another value the app cannot read"
	}
	switch t {
	case TypeUndefined:
		return "missing"
	case TypeNull:
		return "null"
	case TypeObject:
		return "an object"
	}
	return "a " + t.String()
}

// Field returns the property key of v when v is an object, and undefined
// for anything else: it never panics.
func Field(v Value, key string) Value {
	if t, ok := TypeOf(v); !ok || !t.isObject() {
		return undefined
	}
	var f Value
	if Try(func() { f = v.Get(key) }) != nil || f == nil {
		return undefined
	}
	return f
}

// IsObject reports whether v is an object (not null, not a function).
func IsObject(v Value) bool {
	t, ok := TypeOf(v)
	return ok && t == TypeObject
}

// Absent reports whether v is undefined or null.
func Absent(v Value) bool {
	t, ok := TypeOf(v)
	return ok && (t == TypeUndefined || t == TypeNull)
}

// AsString returns v's text when v is a string.
func AsString(v Value) (string, bool) {
	if t, ok := TypeOf(v); !ok || t != TypeString {
		return "", false
	}
	var s string
	if Try(func() { s = v.String() }) != nil {
		return "", false
	}
	return s, true
}

// AsNumber returns v when v is a number, NaN and infinities included.
func AsNumber(v Value) (float64, bool) {
	if t, ok := TypeOf(v); !ok || t != TypeNumber {
		return 0, false
	}
	var f float64
	if Try(func() { f = v.Float() }) != nil {
		return 0, false
	}
	return f, true
}

// AsFinite returns v when v is a finite number.
func AsFinite(v Value) (float64, bool) {
	f, ok := AsNumber(v)
	if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// maxPlainDepth bounds Plain's descent into nested objects, and
// maxPlainKeys the keys it renders of one object (a typed array of
// millions of bytes has as many keys).
const (
	maxPlainDepth = 32
	maxPlainKeys  = 10000
)

// Plain renders v as JSON-ready Go values, for showing or exporting a
// value the app could not use: strings, finite numbers, booleans and null
// as they are; objects as maps of their own keys (arrays too, keyed "0",
// "1"...), an object without own keys (a Date, a Map) as its String(v);
// BigInts as {"bigint": digits}; NaN, infinities, symbols and functions as
// a description. It stops at a depth of 32 and 10,000 keys an object, and
// never panics.
func Plain(v Value) any { return plain(v, 0) }

func plain(v Value, depth int) any {
	t, ok := TypeOf(v)
	if !ok {
		var text string
		if Try(func() { text = v.Text() }) != nil {
			return map[string]any{"unreadable": true}
		}
		return map[string]any{"bigint": text}
	}
	switch t {
	case TypeUndefined, TypeNull:
		return nil
	case TypeBoolean:
		var b bool
		Try(func() { b = v.Bool() })
		return b
	case TypeNumber:
		f, _ := AsNumber(v)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return strconv.FormatFloat(f, 'g', -1, 64)
		}
		return f
	case TypeString:
		s, _ := AsString(v)
		return s
	case TypeSymbol:
		return map[string]any{"symbol": true}
	case TypeFunction:
		return map[string]any{"function": true}
	}
	if depth >= maxPlainDepth {
		return map[string]any{"too_deep": true}
	}
	var keys []string
	if Try(func() { keys = v.Keys() }) != nil {
		return map[string]any{"unreadable": true}
	}
	if len(keys) == 0 {
		var text string
		Try(func() { text = v.Text() })
		return map[string]any{"object": text}
	}
	out := make(map[string]any, min(len(keys), maxPlainKeys+1))
	if len(keys) > maxPlainKeys {
		out["truncated_keys"] = len(keys) - maxPlainKeys
		keys = keys[:maxPlainKeys]
	}
	for _, k := range keys {
		out[k] = plain(Field(v, k), depth+1)
	}
	return out
}

// Of adapts a go-app value (a syscall/js value in the browser). A nil
// value stands for undefined.
func Of(v app.Value) Value {
	if v == nil {
		return undefined
	}
	return jsValue{v}
}

// JS returns the go-app value behind v; false for a fake.
func JS(v Value) (app.Value, bool) {
	j, ok := v.(jsValue)
	return j.v, ok
}

// jsValue is a go-app value as a Value.
type jsValue struct{ v app.Value }

func (j jsValue) Type() Type           { return Type(j.v.Type()) }
func (j jsValue) Get(key string) Value { return jsValue{j.v.Get(key)} }
func (j jsValue) Index(i int) Value    { return jsValue{j.v.Index(i)} }
func (j jsValue) Length() int          { return j.v.Length() }
func (j jsValue) String() string       { return j.v.String() }
func (j jsValue) Float() float64       { return j.v.Float() }
func (j jsValue) Bool() bool           { return j.v.Bool() }
func (j jsValue) Truthy() bool         { return j.v.Truthy() }
func (j jsValue) IsUndefined() bool    { return j.v.IsUndefined() }
func (j jsValue) IsNull() bool         { return j.v.IsNull() }

func (j jsValue) Keys() []string {
	keys := app.Window().Get("Object").Call("keys", j.v)
	out := make([]string, keys.Length())
	for i := range out {
		out[i] = keys.Index(i).String()
	}
	return out
}

func (j jsValue) Text() string { return app.Window().Call("String", j.v).String() }
