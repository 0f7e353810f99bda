package analyzer

import (
	"sync"

	"annotator/analyzer/lang"
)

// QuoteLanguage is what the quote rules know of one language: its quote
// marks and words of attribution, which its language pack holds
// (lang.Quotes).
type QuoteLanguage = lang.Quotes

// VerbPhrase is an attribution of several words (lang.VerbPhrase).
type VerbPhrase = lang.VerbPhrase

// Pronoun is what a pronoun can stand for (lang.Pronoun).
type Pronoun = lang.Pronoun

// verbEntry is what a word can start: a verb (base) and phrases.
type verbEntry struct {
	base    string
	phrases []VerbPhrase
}

// verbLookup is a language's Verbs and Phrases joined by first word.
type verbLookup struct {
	table   map[string]verbEntry
	longest int // bytes of the longest first word
}

// verbTables caches each language's verbLookup: a QuoteLanguage is
// read-only once in use.
var verbTables sync.Map // *QuoteLanguage → *verbLookup

// verbTable joins Verbs and Phrases into one table, built once per
// language, so that a word costs one lookup.
func verbTable(q *QuoteLanguage) (map[string]verbEntry, int) {
	if v, ok := verbTables.Load(q); ok {
		l := v.(*verbLookup)
		return l.table, l.longest
	}
	l := &verbLookup{table: make(map[string]verbEntry, len(q.Verbs)+len(q.Phrases))}
	for form, base := range q.Verbs {
		l.table[form] = verbEntry{base: base}
		l.longest = max(l.longest, len(form))
	}
	for first, ps := range q.Phrases {
		e := l.table[first]
		e.phrases = ps
		l.table[first] = e
		l.longest = max(l.longest, len(first))
	}
	v, _ := verbTables.LoadOrStore(q, l)
	l = v.(*verbLookup)
	return l.table, l.longest
}

// EnglishQuotes holds the English quote marks, attribution verbs and
// speaker words (the English pack's).
var EnglishQuotes = englishPack.Quotes()
