package langdetect

import "unicode"

// The detector reads a text's letters only, lower-cased, with every run of
// non-letters (spaces, digits, punctuation) read as one word boundary, as
// CLD2 and lingua do: "L'été, 2018!" reads as the words "l" and "été". Its
// features are the words' character n-grams, the boundaries included, so
// " och " (a whole short word), " sk" (a word's start) and "ing " (an end)
// are features apart from the same letters inside a word.

// config is what the detector and the trainer must agree on about
// features; the table's header records it.
type config struct {
	maxOrder int // n-grams of 1..maxOrder characters, boundaries counted
	bits     int // 1<<bits hash buckets
}

const hashMul = 0x9E3779B97F4A7C15 // 2^64 / golden ratio (Fibonacci hashing)

// boundary stands for a word boundary in a letter sequence.
const boundary rune = 0

// scriptCounts counts a text's letters by script.
type scriptCounts struct {
	latin, cyrillic, other int
}

func (s scriptCounts) total() int { return s.latin + s.cyrillic + s.other }

// scan appends to seq the text's Latin-script words, lower-cased, each
// after a boundary, and a boundary after the last; words holding a letter
// of another script are left out (Russian is told by its script alone).
// It counts the text's letters by script.
func scan(seq []rune, text string) ([]rune, scriptCounts) {
	var counts scriptCounts
	start := len(seq)
	wordStart := -1 // index in seq of the current word's boundary; -1 between words
	foreign := false
	endWord := func() {
		if wordStart >= 0 && foreign {
			seq = seq[:wordStart+1]
		}
		wordStart, foreign = -1, false
	}
	for _, r := range text {
		var isLetter bool
		switch {
		case r < 0x80:
			isLetter = 'a' <= r|0x20 && r|0x20 <= 'z'
			if isLetter {
				r |= 0x20
				counts.latin++
			}
		case unicode.IsLetter(r):
			isLetter = true
			switch {
			case unicode.Is(unicode.Latin, r):
				counts.latin++
			case unicode.Is(unicode.Cyrillic, r):
				counts.cyrillic++
				foreign = true
			default:
				counts.other++
				foreign = true
			}
			r = unicode.ToLower(r)
		case wordStart >= 0 && unicode.Is(unicode.Mn, r):
			isLetter = true // a combining mark stays with its letter
		}
		if !isLetter {
			endWord()
			continue
		}
		if wordStart < 0 {
			if len(seq) == 0 || seq[len(seq)-1] != boundary {
				seq = append(seq, boundary)
			}
			wordStart = len(seq) - 1
		}
		seq = append(seq, r)
	}
	endWord()
	if len(seq) > 0 && seq[len(seq)-1] != boundary {
		seq = append(seq, boundary)
	}
	if len(seq) == start+1 {
		seq = seq[:start] // a lone boundary: no Latin word
	}
	return seq, counts
}

// eachBucket calls fn with the bucket of every n-gram ending at each
// position of seq (a scanned sequence). The n-grams ending at one position
// are hashed by extending the previous one backwards a character at a time.
func (c config) eachBucket(seq []rune, fn func(bucket uint32)) {
	shift := uint(64 - c.bits)
	for i := range seq {
		h := uint64(0)
		for n := 1; n <= c.maxOrder && n <= i+1; n++ {
			r := seq[i-n+1]
			h = (h ^ uint64(r+1)) * hashMul
			if n == 1 && r == boundary {
				continue // a boundary alone says nothing
			}
			fn(uint32(h >> shift))
			if r == boundary {
				break // the n-gram reached back to its word's start
			}
		}
	}
}
