package jsval

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// The fake values stand for what a page can send or store, for native
// tests and fuzzing: every JavaScript type a structured clone carries
// (BigInt included, which syscall/js cannot name) and symbols and
// functions. They panic exactly where syscall/js panics.

// fakeKind is a fake's JavaScript type; bigint has no syscall/js flag.
type fakeKind int

const (
	fakeUndefined fakeKind = iota
	fakeNull
	fakeBoolean
	fakeNumber
	fakeString
	fakeSymbol
	fakeObject
	fakeFunction
	fakeBigInt
)

// Fake is a JavaScript value made in Go.
type Fake struct {
	kind   fakeKind
	b      bool
	n      float64
	s      string // a string's text, a symbol's description, a BigInt's digits, an object's String()
	keys   []string
	fields map[string]Value
}

var undefined Value = &Fake{kind: fakeUndefined}

// Undefined, Null, Bool, Number, String, Symbol, Function and BigInt make
// fake primitives (and a function).
func Undefined() Value           { return undefined }
func Null() Value                { return &Fake{kind: fakeNull} }
func Bool(b bool) Value          { return &Fake{kind: fakeBoolean, b: b} }
func Number(f float64) Value     { return &Fake{kind: fakeNumber, n: f} }
func String(s string) Value      { return &Fake{kind: fakeString, s: s} }
func Symbol(desc string) Value   { return &Fake{kind: fakeSymbol, s: desc} }
func Function() Value            { return &Fake{kind: fakeFunction, fields: map[string]Value{}} }
func BigInt(digits string) Value { return &Fake{kind: fakeBigInt, s: digits} }

// Object makes a fake object from keys and values in turn: Object("type",
// String("annotate"), "id", Number(1)).
func Object(kv ...any) Value {
	o := &Fake{kind: fakeObject, s: "[object Object]", fields: map[string]Value{}}
	for i := 0; i+1 < len(kv); i += 2 {
		o.set(kv[i].(string), kv[i+1].(Value))
	}
	return o
}

// Builtin makes a fake object without own keys, such as a Date, a Map or
// a typed array, whose String() is text.
func Builtin(text string) Value {
	return &Fake{kind: fakeObject, s: text, fields: map[string]Value{}}
}

// Array makes a fake array.
func Array(elems ...Value) Value {
	o := &Fake{kind: fakeObject, fields: map[string]Value{}}
	var texts []string
	for i, e := range elems {
		o.set(strconv.Itoa(i), e)
		texts = append(texts, e.Text())
	}
	o.s = strings.Join(texts, ",")
	o.fields["length"] = Number(float64(len(elems))) // not enumerable: not in keys
	return o
}

// Set sets a property of a fake object (or function).
func (f *Fake) set(key string, v Value) {
	if _, ok := f.fields[key]; !ok {
		f.keys = append(f.keys, key)
	}
	f.fields[key] = v
}

// Type panics for a BigInt as syscall/js does: it has no type flag.
func (f *Fake) Type() Type {
	if f.kind == fakeBigInt {
		panic("bad type flag")
	}
	return Type(f.kind)
}

func (f *Fake) Get(key string) Value {
	if t := f.Type(); !t.isObject() {
		panic(&ValueError{"Value.Get", t})
	}
	if v, ok := f.fields[key]; ok {
		return v
	}
	return undefined
}

func (f *Fake) Index(i int) Value {
	if t := f.Type(); !t.isObject() {
		panic(&ValueError{"Value.Index", t})
	}
	if v, ok := f.fields[strconv.Itoa(i)]; ok {
		return v
	}
	return undefined
}

// Length names Value.SetIndex in its panic, as syscall/js does.
func (f *Fake) Length() int {
	if t := f.Type(); !t.isObject() {
		panic(&ValueError{"Value.SetIndex", t})
	}
	if n, ok := f.fields["length"].(*Fake); ok && n.kind == fakeNumber {
		return int(n.n)
	}
	return 0
}

func (f *Fake) String() string {
	switch f.Type() {
	case TypeString:
		return f.s
	case TypeUndefined:
		return "<undefined>"
	case TypeNull:
		return "<null>"
	case TypeBoolean:
		return "<boolean: " + strconv.FormatBool(f.b) + ">"
	case TypeNumber:
		return "<number: " + f.Text() + ">"
	case TypeSymbol:
		return "<symbol>"
	case TypeObject:
		return "<object>"
	case TypeFunction:
		return "<function>"
	}
	panic("bad type")
}

func (f *Fake) Float() float64 {
	if f.kind != fakeNumber {
		panic(&ValueError{"Value.Float", f.Type()})
	}
	return f.n
}

func (f *Fake) Bool() bool {
	if f.kind != fakeBoolean {
		panic(&ValueError{"Value.Bool", f.Type()})
	}
	return f.b
}

func (f *Fake) Truthy() bool {
	switch f.Type() {
	case TypeUndefined, TypeNull:
		return false
	case TypeBoolean:
		return f.b
	case TypeNumber:
		return f.n == f.n && f.n != 0
	case TypeString:
		return f.s != ""
	}
	return true
}

func (f *Fake) IsUndefined() bool { return f.kind == fakeUndefined }
func (f *Fake) IsNull() bool      { return f.kind == fakeNull }

func (f *Fake) Keys() []string {
	switch f.kind {
	case fakeUndefined, fakeNull:
		panic(&typeError{"Cannot convert undefined or null to object"})
	case fakeString:
		keys := make([]string, len([]rune(f.s)))
		for i := range keys {
			keys[i] = strconv.Itoa(i)
		}
		return keys
	}
	return slices.Clone(f.keys)
}

func (f *Fake) Text() string {
	switch f.kind {
	case fakeUndefined:
		return "undefined"
	case fakeNull:
		return "null"
	case fakeBoolean:
		return strconv.FormatBool(f.b)
	case fakeNumber:
		switch {
		case math.IsNaN(f.n):
			return "NaN"
		case math.IsInf(f.n, 1):
			return "Infinity"
		case math.IsInf(f.n, -1):
			return "-Infinity"
		}
		return strconv.FormatFloat(f.n, 'g', -1, 64)
	case fakeSymbol:
		return "Symbol(" + f.s + ")"
	case fakeFunction:
		return "function () { [native code] }"
	}
	return f.s
}

// typeError is a JavaScript TypeError thrown into Go, as syscall/js
// raises it (a js.Error) from a failed call.
type typeError struct{ msg string }

func (e *typeError) Error() string { return "JavaScript error: TypeError: " + e.msg }

// arbitraryKeys are the property names Arbitrary picks from: the fields the
// app reads, and others.
var arbitraryKeys = []string{"type", "id", "text", "lang", "saved", "title", "names", "version", "length", "0", "data", "__proto__", "schema", "corrections", ""}

// Arbitrary builds a fake value from fuzz input: any mix of every kind,
// objects and arrays nested as deep as the input goes. The same input
// always gives the same value.
func Arbitrary(data []byte) Value {
	r := &byteReader{data: data}
	return r.value(0)
}

type byteReader struct {
	data []byte
	pos  int
}

func (r *byteReader) next() byte {
	if r.pos >= len(r.data) {
		return 0
	}
	b := r.data[r.pos]
	r.pos++
	return b
}

func (r *byteReader) text() string {
	n := int(r.next() % 16)
	if r.pos+n > len(r.data) {
		n = len(r.data) - r.pos
	}
	s := string(r.data[r.pos : r.pos+n])
	r.pos += n
	return s
}

func (r *byteReader) value(depth int) Value {
	if r.pos >= len(r.data) {
		return undefined
	}
	switch k := r.next(); k % 13 {
	case 0:
		return undefined
	case 1:
		return Null()
	case 2:
		return Bool(k&0x80 != 0)
	case 3:
		special := []float64{0, -0.0, 1, -1, 1e300, math.NaN(), math.Inf(1), math.Inf(-1), 8.64e15 + 1, 1.5, 1e21, -1e300, 2}
		return Number(special[int(r.next())%len(special)])
	case 4, 5:
		return String(r.text())
	case 6:
		return Symbol(r.text())
	case 7:
		return Function()
	case 8:
		return BigInt(strconv.Itoa(int(r.next())))
	case 9:
		return Builtin([]string{"[object Map]", "[object Set]", "Tue Dec 01 2026 10:00:00 GMT+0000", "1,2,3", "[object ArrayBuffer]"}[int(r.next())%5])
	case 10, 11:
		o := Object().(*Fake)
		for n := int(r.next() % 6); n > 0 && r.pos < len(r.data); n-- {
			key := arbitraryKeys[int(r.next())%len(arbitraryKeys)]
			if key == "" {
				key = r.text()
			}
			o.set(key, r.value(depth+1))
		}
		return o
	default:
		var elems []Value
		for n := int(r.next() % 5); n > 0 && r.pos < len(r.data); n-- {
			elems = append(elems, r.value(depth+1))
		}
		return Array(elems...)
	}
}
