package jsval

import (
	"encoding/json"
	"math"
	"testing"
)

// panicOf returns what f panicked with, as text; "" when it did not.
func panicOf(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = AsError(r).Error()
			if s, ok := r.(string); ok {
				msg = s
			}
		}
	}()
	f()
	return ""
}

// TestFakePanicsAsSyscallJS checks the fake panics where syscall/js does,
// with its words (syscall/js's Length really names Value.SetIndex).
func TestFakePanicsAsSyscallJS(t *testing.T) {
	cases := []struct {
		name string
		f    func()
		want string
	}{
		{"Type of a BigInt", func() { BigInt("10").Type() }, "bad type flag"},
		{"Get on a BigInt", func() { BigInt("10").Get("x") }, "bad type flag"},
		{"String of a BigInt", func() { _ = BigInt("10").String() }, "bad type flag"},
		{"Truthy of a BigInt", func() { BigInt("10").Truthy() }, "bad type flag"},
		{"Float of a BigInt", func() { BigInt("10").Float() }, "bad type flag"},
		{"Get on a number", func() { Number(1).Get("x") }, "syscall/js: call of Value.Get on number"},
		{"Get on undefined", func() { Undefined().Get("x") }, "syscall/js: call of Value.Get on undefined"},
		{"Get on null", func() { Null().Get("x") }, "syscall/js: call of Value.Get on null"},
		{"Get on a string", func() { String("s").Get("length") }, "syscall/js: call of Value.Get on string"},
		{"Get on a symbol", func() { Symbol("s").Get("x") }, "syscall/js: call of Value.Get on symbol"},
		{"Index on a boolean", func() { Bool(true).Index(0) }, "syscall/js: call of Value.Index on boolean"},
		{"Length on a number", func() { Number(1).Length() }, "syscall/js: call of Value.SetIndex on number"},
		{"Float on undefined", func() { Undefined().Float() }, "syscall/js: call of Value.Float on undefined"},
		{"Float on a string", func() { String("1").Float() }, "syscall/js: call of Value.Float on string"},
		{"Bool on a number", func() { Number(1).Bool() }, "syscall/js: call of Value.Bool on number"},
		{"Keys of undefined", func() { Undefined().Keys() }, "JavaScript error: TypeError: Cannot convert undefined or null to object"},
		{"Get on a function", func() { Function().Get("x") }, ""},
		{"Get on an object", func() { Object().Get("x") }, ""},
		{"String of a number", func() { _ = Number(1).String() }, ""},
		{"IsUndefined of a BigInt", func() { BigInt("1").IsUndefined() }, ""},
	}
	for _, c := range cases {
		if got := panicOf(c.f); got != c.want {
			t.Errorf("%s: panic %q, want %q", c.name, got, c.want)
		}
	}
	if s := Number(1).String(); s != "<number: 1>" {
		t.Errorf("String of 1 is %q, want syscall/js's <number: 1>", s)
	}
}

func TestReaders(t *testing.T) {
	msg := Object("type", String("annotate"), "id", BigInt("10"), "n", Number(math.NaN()), "f", Function())
	if s, ok := AsString(Field(msg, "type")); !ok || s != "annotate" {
		t.Errorf("type read as %q, %v", s, ok)
	}
	if _, ok := TypeOf(Field(msg, "id")); ok {
		t.Error("the type of a BigInt is known")
	}
	if d := Describe(Field(msg, "id")); d != "a BigInt or another value the app cannot read" {
		t.Errorf("a BigInt is described as %q", d)
	}
	if _, ok := AsFinite(Field(msg, "n")); ok {
		t.Error("NaN read as a finite number")
	}
	if !Field(Field(Field(msg, "id"), "x"), "y").IsUndefined() {
		t.Error("a field of a BigInt's field is not undefined")
	}
	if _, ok := AsString(Field(msg, "f")); ok {
		t.Error("a function read as a string")
	}
	if !Absent(Field(msg, "missing")) || Absent(Field(msg, "id")) {
		t.Error("Absent is wrong about a missing field or a BigInt")
	}
}

func TestPlain(t *testing.T) {
	deep := Object()
	for range 100 {
		deep = Object("next", deep)
	}
	v := Object("text", String("Kim"), "saved", BigInt("10"), "when", Builtin("Tue Dec 01 2026"),
		"list", Array(Number(1), String("a")), "nan", Number(math.NaN()), "s", Symbol("x"), "deep", deep)
	data, err := json.Marshal(Plain(v))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"deep":`
	if s := string(data); len(s) < len(want) || s[:len(want)] != want {
		t.Errorf("plain: %s", s)
	}
	for _, part := range []string{`"text":"Kim"`, `"saved":{"bigint":"10"}`, `"when":{"object":"Tue Dec 01 2026"}`, `"list":{"0":1,"1":"a"}`, `"nan":"NaN"`, `"too_deep":true`} {
		if !contains(string(data), part) {
			t.Errorf("plain lacks %s: %s", part, data)
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// FuzzReaders feeds arbitrary values to every reader: none may panic, and
// Plain's result is always JSON.
func FuzzReaders(f *testing.F) {
	f.Add([]byte{10, 3, 0, 8, 7})
	f.Add([]byte{12, 4, 8, 1, 11, 2, 4, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		v := Arbitrary(data)
		for _, k := range arbitraryKeys {
			fv := Field(v, k)
			TypeOf(fv)
			Describe(fv)
			AsString(fv)
			AsFinite(fv)
			Absent(fv)
			IsObject(fv)
		}
		if _, err := json.Marshal(Plain(v)); err != nil {
			t.Fatalf("Plain is not JSON: %v", err)
		}
	})
}

// What a failed request, a rejected promise or a thrown value becomes.
func TestErrorOf(t *testing.T) {
	tests := []struct {
		v    Value
		want string
	}{
		{Object("name", String("QuotaExceededError"), "message", String("The quota has been exceeded.")), "QuotaExceededError: The quota has been exceeded."},
		{Object("message", String("no name")), "no name"},
		{Object("name", String("QuotaExceededError"), "message", String("")), "QuotaExceededError"},
		{String("rejected with a string"), "rejected with a string"},
		{Number(42), "unknown error (a number)"},
		{Object("message", Number(3)), "unknown error (an object)"},
		{BigInt("7"), "unknown error (a BigInt or another value the app cannot read)"},
		{Undefined(), "unknown error (missing)"},
	}
	for _, tt := range tests {
		if got := ErrorOf(tt.v); got == nil || got.Error() != tt.want {
			t.Errorf("ErrorOf(%s) = %v, want %q", Describe(tt.v), got, tt.want)
		}
	}
}
