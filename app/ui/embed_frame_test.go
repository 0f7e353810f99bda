package ui

import (
	"strconv"
	"testing"

	"annotator/app/jsval"
)

func TestRefusedAncestor(t *testing.T) {
	allowed := map[string]bool{"https://cms.example.com": true, "https://annotator.example.com": true, "null": true}
	for _, c := range []struct {
		name      string
		ancestors []string
		want      string
	}{
		{"not framed", nil, ""},
		{"an allowed page", []string{"https://cms.example.com"}, ""},
		{"two allowed pages", []string{"https://cms.example.com", "https://annotator.example.com"}, ""},
		{"a preview frame (srcdoc) of an allowed page", []string{"https://cms.example.com", "https://cms.example.com"}, ""},
		{"a page off the list", []string{"https://evil.example"}, "https://evil.example"},
		{"an allowed page framed by one off the list", []string{"https://cms.example.com", "https://evil.example"}, "https://evil.example"},
		{"a sandboxed frame of an allowed page (null, even when listed)", []string{"null", "https://cms.example.com"}, "null"},
		{"an allowed page inside a sandboxed frame", []string{"https://cms.example.com", "null"}, "null"},
		{"an empty entry", []string{""}, "null"},
		{"an unreadable entry", []string{"https://cms.example.com", ""}, "null"},
	} {
		if got := refusedAncestor(c.ancestors, allowed); got != c.want {
			t.Errorf("%s: refusedAncestor(%q) = %q, want %q", c.name, c.ancestors, got, c.want)
		}
	}
	if allowedAncestor("", allowed) || allowedAncestor("null", allowed) {
		t.Error("an empty or opaque origin is allowed")
	}
}

// ancestorOrigins reads location.ancestorOrigins whatever it holds, and a
// list too long to read is refused, never read in part.
func TestAncestorOrigins(t *testing.T) {
	list := func(elems ...jsval.Value) jsval.Value {
		kv := []any{"length", jsval.Number(float64(len(elems)))}
		for i, e := range elems {
			kv = append(kv, strconv.Itoa(i), e)
		}
		return jsval.Object("ancestorOrigins", jsval.Object(kv...))
	}
	allowed := map[string]bool{"https://cms.example.com": true}
	cms := jsval.String("https://cms.example.com")
	long := make([]jsval.Value, maxAncestors+1)
	for i := range long {
		long[i] = cms
	}
	for _, c := range []struct {
		name     string
		location jsval.Value
		want     int // origins read
		first    string
		refused  string
	}{
		{"no list (Firefox)", jsval.Object(), 0, "", ""},
		{"a BigInt for the list", jsval.Object("ancestorOrigins", jsval.BigInt("10")), 0, "", ""},
		{"an allowed parent", list(cms), 1, "https://cms.example.com", ""},
		{"a Symbol entry", list(cms, jsval.Symbol("x")), 2, "https://cms.example.com", "null"},
		{"a BigInt length", jsval.Object("ancestorOrigins", jsval.Object("0", cms, "length", jsval.BigInt("1"))), 0, "", ""},
		{"exactly as many as are read", list(long[:maxAncestors]...), maxAncestors, "https://cms.example.com", ""},
		{"more entries than are read", list(long...), maxAncestors + 1, "null", "null"},
	} {
		got := ancestorOrigins(c.location)
		if len(got) != c.want || len(got) > 0 && got[0] != c.first {
			t.Errorf("%s: ancestorOrigins = %d origins %.3q, want %d, the first %q", c.name, len(got), got, c.want, c.first)
		}
		if r := refusedAncestor(got, allowed); r != c.refused {
			t.Errorf("%s: refused %q, want %q", c.name, r, c.refused)
		}
	}
}
