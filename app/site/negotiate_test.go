//go:build !wasm

package site

import "testing"

func TestNegotiate(t *testing.T) {
	offers := []string{"br", "gzip"}
	for _, c := range []struct {
		accept []string // nil: no Accept-Encoding header
		want   string
	}{
		{nil, "identity"},
		{[]string{""}, "identity"},
		{[]string{"gzip, deflate, br"}, "br"},
		{[]string{"gzip, deflate, br, zstd"}, "br"},
		{[]string{"gzip"}, "gzip"},
		{[]string{"x-gzip"}, "gzip"},
		{[]string{"GZIP"}, "gzip"},
		{[]string{"deflate"}, "identity"},
		{[]string{"br;q=0.5, gzip;q=0.8"}, "gzip"},
		{[]string{"br;q=0.8, gzip;q=0.8"}, "br"},    // a tie goes to the smaller coding
		{[]string{"br;q=0, gzip;q=0"}, "identity"},  // both refused
		{[]string{"br;q=0, *"}, "gzip"},             // * stands for what is not named
		{[]string{"*"}, "br"},                       // anything: the smallest
		{[]string{"*;q=0.5, identity"}, "identity"}, // identity named, preferred
		{[]string{"identity;q=0.5, br;q=0.4"}, "identity"},
		{[]string{"identity;q=0, *;q=0"}, "identity"}, // nothing acceptable: identity anyway
		{[]string{"br;q=abc, gzip"}, "gzip"},          // a malformed element is ignored
		{[]string{"br;q=1.5, gzip"}, "gzip"},          // q above 1 is malformed
		{[]string{"br ; q=0.9 , gzip ; q=0.1"}, "br"}, // spaces
		{[]string{"gzip;q=0.2", "br;q=0.3"}, "br"},    // several header lines
		{[]string{"br;q=0.3, br;q=0"}, "br"},          // a coding named twice: the higher q
	} {
		if got := negotiate(c.accept, offers); got != c.want {
			t.Errorf("negotiate(%q) = %q, want %q", c.accept, got, c.want)
		}
	}
	if got := negotiate([]string{"gzip, br"}, nil); got != "identity" {
		t.Errorf("with nothing precompressed, negotiate = %q, want identity", got)
	}
}
