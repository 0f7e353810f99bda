// Package letters answers the Unicode questions the pipeline asks of every
// token: is it a letter, a capital, and its lower-case form. Outside
// Latin-1 the unicode package searches its tables for each rune, which made
// these questions a tenth of Russian's pipeline time; here the letters of
// the packs' scripts (ASCII, Latin-1, Latin Extended-A, basic Cyrillic) are
// answered directly and the others by unicode. The answers are unicode's
// and strings.ToLower's, rune for rune (letters_test.go checks all runes).
package letters

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsLetter is unicode.IsLetter. The ASCII case is small enough for the
// compiler to inline into the tokenizer's loops.
func IsLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return isLetterBeyondASCII(r)
}

func isLetterBeyondASCII(r rune) bool {
	if 0x400 <= r && r <= 0x481 || 0x48A <= r && r <= 0x52F {
		return true // Cyrillic letters
	}
	return unicode.IsLetter(r)
}

// IsUpper is unicode.IsUpper, inlined for ASCII as IsLetter is.
func IsUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return isUpperBeyondASCII(r)
}

func isUpperBeyondASCII(r rune) bool {
	switch {
	case 0x400 <= r && r <= 0x42F:
		return true
	case 0x430 <= r && r <= 0x45F:
		return false
	}
	return unicode.IsUpper(r)
}

// lowerRune is unicode.ToLower for the runes it knows; ok is false for the
// others.
func lowerRune(r rune) (lower rune, ok bool) {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 0x20, true
		}
		return r, true
	case r <= 0xFF: // Latin-1
		if 0xC0 <= r && r <= 0xDE && r != 0xD7 {
			return r + 0x20, true
		}
		return r, true
	case r <= 0x12F, 0x132 <= r && r <= 0x137, 0x14A <= r && r <= 0x177:
		return r | 1, true // Latin Extended-A: capital even, small odd
	case 0x400 <= r && r <= 0x40F:
		return r + 0x50, true
	case 0x410 <= r && r <= 0x42F:
		return r + 0x20, true
	case 0x430 <= r && r <= 0x45F:
		return r, true
	}
	return 0, false
}

// ToLower is unicode.ToLower.
func ToLower(r rune) rune {
	if l, ok := lowerRune(r); ok {
		return l
	}
	return unicode.ToLower(r)
}

// Lower is strings.ToLower. It returns s itself when s has no capitals.
func Lower(s string) string {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return lowerFrom(s, i)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if l, ok := lowerRune(r); !ok || l != r || n == 1 {
			return lowerFrom(s, i)
		}
		i += n
	}
	return s
}

// lowerFrom lower-cases s, whose first i bytes are lower case already.
func lowerFrom(s string, i int) string {
	b := make([]byte, i, len(s)+utf8.UTFMax)
	copy(b, s[:i])
	for _, r := range s[i:] {
		l, ok := lowerRune(r)
		if !ok {
			l = unicode.ToLower(r)
		}
		if r == utf8.RuneError {
			return strings.ToLower(s) // invalid UTF-8: strings' own replacement
		}
		b = utf8.AppendRune(b, l)
	}
	return string(b)
}
