package analyzer

import (
	"annotator/analyzer/lang"
	"annotator/analyzer/letters"
)

// stemTokens sets the snowball stem of every Word token, looked up in the
// job's view of its language pack.
func stemTokens(doc *Document, vocab *lang.Vocab) {
	for i := range doc.Tokens {
		t := &doc.Tokens[i]
		if t.Kind == Word {
			t.Stem = vocab.Lookup(doc.Text[t.Start:t.End]).Stem
		}
	}
}

// IsStopWord reports whether the word is a stop word of the language (as
// in Options.Lang); false for an unknown language.
func IsStopWord(code, word string) bool {
	p, err := lang.Get(code)
	return err == nil && p.IsStopWord(word)
}

// TermKey returns the key under which word groups with other forms as a key
// term: its stem, after American spellings are made British in English
// (denuclearization and denuclearise share "denuclearis"). For an unknown
// language it is the word in lower case.
func TermKey(code, word string) string {
	p, err := lang.Get(code)
	if err != nil {
		return letters.Lower(word)
	}
	return p.TermKey(word)
}

// Stem returns the snowball stem of word in the language (as in
// Options.Lang), or the word in lower case for an unknown language.
func Stem(code, word string) string {
	p, err := lang.Get(code)
	if err != nil {
		return letters.Lower(word)
	}
	return p.Stem(word)
}
