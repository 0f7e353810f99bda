package lang

import (
	"strings"

	"annotator/analyzer/letters"
)

// Word is what a pack says of one word form.
type Word struct {
	Stem string // snowball stem, lower case
	// Term is the key grouping key terms: the stem, of the British
	// spelling in English.
	Term string
	Stop bool // one of snowball's stop words
	// Reporting marks words every news story uses ("said"), left out of
	// key terms.
	Reporting bool
	Edges     PhraseEdges
}

// PhraseEdges says whether a key phrase may start or end with a word.
type PhraseEdges uint8

// Phrase edges.
const (
	StartsPhrase PhraseEdges = 1 << iota
	EndsPhrase
)

// Vocab is one job's view of a pack: each word form is looked up in the
// pack once and remembered, since snowball lower-cases and allocates on
// every call and news text repeats its words. A Vocab belongs to one job
// and is not safe for concurrent use; jobs never share one.
type Vocab struct {
	pack  *Pack
	forms map[string]Word
	limit int // most forms held; past it the Vocab starts afresh
}

// maxForms bounds a Vocab: a huge text of ever new words (a list of codes)
// must not hold them all.
const maxForms = 200_000

// Pack returns the pack the Vocab views.
func (v *Vocab) Pack() *Pack { return v.pack }

// Len returns the number of word forms the Vocab holds.
func (v *Vocab) Len() int { return len(v.forms) }

// Lookup returns what the pack says of a word form.
func (v *Vocab) Lookup(form string) Word {
	if w, ok := v.forms[form]; ok {
		return w
	}
	if len(v.forms)+2 > v.limit {
		v.forms = make(map[string]Word)
	}
	// A Word depends on the lower-case form only: Talks is looked up as
	// talks, once for both. Clone: the keys must not pin the document's
	// text in memory (Lower returns form itself when it has no capitals).
	lower := letters.Lower(form)
	w, ok := v.forms[lower]
	if !ok {
		w = v.pack.word(lower)
		if lower == form {
			lower = strings.Clone(form)
		}
		v.forms[lower] = w
	}
	if lower != form {
		v.forms[strings.Clone(form)] = w
	}
	return w
}
