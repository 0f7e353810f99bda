package letters

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestEveryRune: each function agrees with unicode and strings on every
// rune, alone and after a capital (which takes Lower's building path).
func TestEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if IsLetter(r) != unicode.IsLetter(r) {
			t.Fatalf("IsLetter(%U) = %v", r, IsLetter(r))
		}
		if IsUpper(r) != unicode.IsUpper(r) {
			t.Fatalf("IsUpper(%U) = %v", r, IsUpper(r))
		}
		if ToLower(r) != unicode.ToLower(r) {
			t.Fatalf("ToLower(%U) = %U", r, ToLower(r))
		}
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), "Ж" + string(r) + "b", "a" + string(r)} {
			if got, want := Lower(s), strings.ToLower(s); got != want {
				t.Fatalf("Lower(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

func TestLower(t *testing.T) {
	for _, s := range []string{
		"", "said", "Said", "ÁRPÁD", "Őrség", "Москва", "ЁЛКА", "Їжак", "Ђорђе", "İstanbul",
		"ΑΘΉΝΑ", "東京", "abc\xffDEF", "\xff", "a\xe2\x80", "ǅemal", "ẞ", "Ωmega",
	} {
		if got, want := Lower(s), strings.ToLower(s); got != want {
			t.Errorf("Lower(%q) = %q, want %q", s, got, want)
		}
	}
	// Lower case already: the same string, not a copy.
	if s := "москва"; Lower(s) != s || allocs(func() { _ = Lower(s) }) != 0 {
		t.Errorf("Lower(%q) allocates", s)
	}
}

func allocs(f func()) float64 { return testing.AllocsPerRun(10, f) }

func BenchmarkLower(b *testing.B) {
	words := strings.Fields("Президент России Владимир Путин заявил во вторник что переговоры продолжатся")
	b.Run("letters", func(b *testing.B) {
		for range b.N {
			for _, w := range words {
				_ = Lower(w)
			}
		}
	})
	b.Run("strings", func(b *testing.B) {
		for range b.N {
			for _, w := range words {
				_ = strings.ToLower(w)
			}
		}
	})
}
