package analyzer

import (
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/hungarian"
	"github.com/kljensen/snowball/norwegian"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/kljensen/snowball/swedish"
)

// stemTokens sets the snowball stem of every Word token in the document's
// language.
func stemTokens(doc *Document) {
	cache := stemCaches[doc.Lang]
	cache.mu.Lock()
	defer cache.mu.Unlock()
	for i := range doc.Tokens {
		t := &doc.Tokens[i]
		if t.Kind == Word {
			t.Stem = cache.lookup(doc.Text[t.Start:t.End]).stem
		}
	}
}

// IsStopWord reports whether the word is a stop word of the language (an
// ISO 639-1 code as in Document.Lang).
func IsStopWord(lang, word string) bool {
	cache := stemCaches[lang]
	if cache == nil {
		return false
	}
	cache.mu.Lock()
	defer cache.mu.Unlock()
	return cache.lookup(word).stop
}

// TermKey returns the key under which word groups with other forms as a key
// term: its stem, after American spellings are made British in English
// (denuclearization and denuclearise share "denuclearis").
func TermKey(lang, word string) string {
	cache := stemCaches[lang]
	if cache == nil {
		return strings.ToLower(word)
	}
	cache.mu.Lock()
	defer cache.mu.Unlock()
	return cache.lookup(word).term
}

// Stem returns the snowball stem of word in the language (an ISO 639-1 code
// as in Document.Lang), or the word in lower case for an unknown language.
func Stem(lang, word string) string {
	cache := stemCaches[lang]
	if cache == nil {
		return strings.ToLower(word)
	}
	cache.mu.Lock()
	defer cache.mu.Unlock()
	return cache.lookup(word).stem
}

// stemEntry is what the cache knows of one surface form.
type stemEntry struct {
	stem string
	stop bool
	// term groups key terms: the stem of the British spelling in English,
	// the stem elsewhere.
	term string
	// reporting marks words every news story uses ("said"), left out of
	// key terms; phraseEdges tells whether a key phrase may start or end
	// with the word.
	reporting   bool
	phraseEdges uint8
}

// stemCache remembers the stem of each surface form: snowball lower-cases and
// allocates on every call, and news text repeats its words.
type stemCache struct {
	mu     sync.Mutex
	stem   func(word string, stemStopWords bool) string
	isStop func(lowerWord string) bool
	forms  map[string]stemEntry
	// british groups American and British spellings (English only).
	british bool
}

// maxCachedForms bounds the cache; past it the cache starts afresh.
const maxCachedForms = 200_000

func (c *stemCache) lookup(form string) stemEntry {
	if e, ok := c.forms[form]; ok {
		return e
	}
	if len(c.forms) >= maxCachedForms {
		c.forms = make(map[string]stemEntry)
	}
	lower := strings.ToLower(form)
	e := stemEntry{stem: c.stem(lower, true), stop: c.isStop(lower), reporting: reportingWords[lower], phraseEdges: phraseEdges(lower)}
	e.term = e.stem
	if c.british {
		if b := britishSpelling(lower); b != lower {
			e.term = c.stem(b, true)
		}
	}
	// Clone: the key must not pin the whole document text in memory.
	c.forms[strings.Clone(form)] = e
	return e
}

var stemCaches = map[string]*stemCache{
	"en": {stem: english.Stem, isStop: english.IsStopWord, forms: make(map[string]stemEntry), british: true},
	"es": newStemCache(spanish.Stem, spanish.IsStopWord),
	"fr": newStemCache(french.Stem, french.IsStopWord),
	"ru": newStemCache(russian.Stem, russian.IsStopWord),
	"sv": newStemCache(swedish.Stem, swedish.IsStopWord),
	"no": newStemCache(norwegian.Stem, norwegian.IsStopWord),
	"hu": newStemCache(hungarian.Stem, hungarian.IsStopWord),
}

func newStemCache(stem func(string, bool) string, isStop func(string) bool) *stemCache {
	return &stemCache{stem: stem, isStop: isStop, forms: make(map[string]stemEntry)}
}
