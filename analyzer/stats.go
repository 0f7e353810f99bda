package analyzer

import (
	"strings"
	"unicode/utf8"
)

// WordsPerMinute is the reading speed behind Stats.ReadingMinutes.
const WordsPerMinute = 230

// countStats counts words (word and number tokens, clitics such as ’s not
// counted apart), sentences, characters (code points) and reading minutes
// (rounded up).
func countStats(doc *Document) Stats {
	s := Stats{Sentences: len(doc.Sentences), Characters: utf8.RuneCountInString(doc.Text)}
	for i, t := range doc.Tokens {
		if (t.Kind == Word || t.Kind == Number) && !isClitic(doc, i) {
			s.Words++
		}
	}
	s.ReadingMinutes = (s.Words + WordsPerMinute - 1) / WordsPerMinute
	return s
}

// isClitic reports whether token i is a clitic glued to the word before it
// (’s, n't).
func isClitic(doc *Document, i int) bool {
	if i == 0 || doc.Tokens[i-1].End != doc.Tokens[i].Start {
		return false
	}
	w := doc.TokenText(i)
	return isApostrophe(firstRune(w)) || strings.EqualFold(w, "n't") || strings.EqualFold(w, "n’t")
}
