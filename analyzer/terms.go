package analyzer

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"annotator/analyzer/lang"
	"annotator/analyzer/letters"
)

// MaxTerms and MaxPhrases are how many key terms and key phrases a document
// keeps.
const (
	MaxTerms   = 40
	MaxPhrases = 15
)

// keyTerms finds the document's key terms and key phrases, reading words
// through the job's view of the language pack. Content words (not stop
// words, reporting words such as "said", short words, or the words of names,
// dates and numbers, which are listed as entities) group by term key: in
// English the stem of their British spelling, so denuclearise,
// denuclearisation and denuclearization are one term. A term's salience is
// its TF-IDF against the pack's background document frequencies, scaled so
// the top term has 1. Phrases are runs of two to four content words, scored
// by their count and their words' salience.
func keyTerms(doc *Document, vocab *lang.Vocab, pace *pacer) ([]Term, []Phrase) {
	inMention := mentionTokens(doc)
	nameLike := capitalisedMidSentence(doc)
	// About one token in four starts a new term in an article; a long
	// text's vocabulary grows far slower than its length (100,000 lines
	// naming people have no term at all), so the room made at first is
	// bounded and the rest grows as needed.
	room := min(len(doc.Tokens)/4+1, maxTermRoom)
	groups := make([]termGroup, 0, room)
	byKey := make(map[string]int32, room)
	termOf := make([]int32, len(doc.Tokens))           // term group of each content word, -1 for others
	edges := make([]lang.PhraseEdges, len(doc.Tokens)) // whether a phrase may start or end at each token
	for i, t := range doc.Tokens {
		pace.tick()
		termOf[i] = -1
		if t.Kind != Word || inMention[i] {
			continue
		}
		form := doc.TokenText(i)
		if !looksLikeContent(form) {
			continue
		}
		w := vocab.Lookup(form)
		if w.Stop || w.Reporting {
			continue
		}
		g, ok := byKey[w.Term]
		if !ok {
			g = int32(len(groups))
			byKey[w.Term] = g
			groups = append(groups, termGroup{term: Term{Stem: w.Term}, first: i})
		}
		termOf[i] = g
		edges[i] = w.Edges
		switch {
		case nameLike[i]:
			groups[g].capitalised++
		case !startsUpper(form):
			groups[g].lower = true
		}
		groups[g].term.Count++
		if !hasFormFold(groups[g].term.Forms, form) {
			groups[g].term.Forms = append(groups[g].term.Forms, letters.Lower(form))
		}
	}
	// A word written capitalised inside sentences and never in lower case
	// is a name the tagger missed (Kyodo, TikTok): not a term, nor part of
	// a phrase.
	for i, g := range termOf {
		if g >= 0 && groups[g].isName() {
			termOf[i] = -1
		}
	}
	bg := vocab.Pack().Background()
	top := 0.0
	for i := range groups {
		t := &groups[i].term
		t.Salience = float64(t.Count) * bg.IDF(t.Stem)
		if !groups[i].isName() {
			top = math.Max(top, t.Salience)
		}
	}
	for i := range groups {
		groups[i].term.Salience = round3(groups[i].term.Salience / top)
	}
	phrases := keyPhrases(doc, termOf, edges, groups, pace)
	groups = slices.DeleteFunc(groups, termGroup.isName)
	sort.SliceStable(groups, func(a, b int) bool {
		ta, tb := groups[a].term, groups[b].term
		if ta.Salience != tb.Salience {
			return ta.Salience > tb.Salience
		}
		return groups[a].first < groups[b].first
	})
	if len(groups) > MaxTerms {
		groups = groups[:MaxTerms]
	}
	terms := make([]Term, len(groups))
	for i, g := range groups {
		terms[i] = g.term
	}
	return terms, phrases
}

// maxTermRoom bounds the term groups keyTerms makes room for at first.
const maxTermRoom = 4096

// termGroup counts one key term.
type termGroup struct {
	term        Term
	first       int  // token where it first appears
	lower       bool // written in lower case somewhere
	capitalised int  // times written capitalised inside a sentence
}

func (g termGroup) isName() bool { return !g.lower && g.capitalised > 0 }

// capitalisedMidSentence marks the words written with a capital and lower
// case letters (Kyodo, TikTok; not ALL CAPS, which acronyms such as GDP
// are) that are not first in their sentence or after an opening quote, nor
// in a headline: where capitals say nothing.
func capitalisedMidSentence(doc *Document) []bool {
	marks := make([]bool, len(doc.Tokens))
	headline := headlineEnd(doc)
	for _, s := range doc.Sentences {
		if s.End <= headline {
			continue
		}
		first := true
		for k := s.FirstToken; k < s.EndToken; k++ {
			t := doc.Tokens[k]
			if t.Kind != Word {
				// After an opening quote, a capital starts speech. (After a
				// colon it is as often a name: Photograph: Kyodo.)
				if t.Kind == Punct && quoteRole(doc, k) == opens {
					first = true
				}
				continue
			}
			w := doc.TokenText(k)
			if !first && startsUpper(w) && !isAllCaps(w) {
				marks[k] = true
			}
			first = false
		}
	}
	return marks
}

// phraseKey is up to four term groups, -1 past the phrase's end.
type phraseKey [4]int32

// keyPhrases counts every run of two to four content words inside a
// sentence with only spaces between them ("joint military manoeuvres"),
// grouped by their words' terms. A run that a longer one with the same
// count contains is dropped ("military manoeuvres" inside "joint military
// manoeuvres"). Phrases rank by count times the mean salience of their
// words, and must start and end with words that can (the pack's phrase
// edges: in English, not with an adverb, nor end with a verb form).
func keyPhrases(doc *Document, termOf []int32, edges []lang.PhraseEdges, terms []termGroup, pace *pacer) []Phrase {
	var groups []*phraseGroup
	byKey := make(map[phraseKey]*phraseGroup)
	for _, s := range doc.Sentences {
		pace.tick()
		for k := s.FirstToken; k < s.EndToken; {
			end := k
			for end < s.EndToken && termOf[end] >= 0 && (end == k || isSpaceGap(doc.Text[doc.Tokens[end-1].End:doc.Tokens[end].Start])) {
				end++
			}
			for from := k; from < end; from++ {
				if edges[from]&lang.StartsPhrase == 0 {
					continue
				}
				for n := 2; n <= 4 && from+n <= end; n++ {
					if edges[from+n-1]&lang.EndsPhrase == 0 {
						continue
					}
					key := phraseKey{-1, -1, -1, -1}
					copy(key[:], termOf[from:from+n])
					g := byKey[key]
					if g == nil {
						text := letters.Lower(doc.Text[doc.Tokens[from].Start:doc.Tokens[from+n-1].End])
						g = &phraseGroup{phrase: Phrase{Text: text}, key: key, words: n, first: from}
						for _, t := range termOf[from : from+n] {
							g.score += terms[t].term.Salience / float64(n)
						}
						byKey[key] = g
						groups = append(groups, g)
					}
					g.phrase.Count++
				}
			}
			k = max(end, k+1)
		}
	}
	// A phrase inside a longer one with the same count is only ever part of it.
	for _, long := range groups {
		n := long.words
		if n < 3 {
			continue
		}
		prefix, suffix := phraseKey{-1, -1, -1, -1}, phraseKey{-1, -1, -1, -1}
		copy(prefix[:], long.key[:n-1])
		copy(suffix[:], long.key[1:n])
		for _, sub := range []phraseKey{prefix, suffix} {
			if g := byKey[sub]; g != nil && g.phrase.Count == long.phrase.Count {
				g.subsumed = true
			}
		}
	}
	kept := groups[:0]
	for _, g := range groups {
		if !g.subsumed {
			kept = append(kept, g)
		}
	}
	groups = kept
	top := 0.0
	for _, g := range groups {
		g.score *= float64(g.phrase.Count)
		top = math.Max(top, g.score)
	}
	sort.SliceStable(groups, func(a, b int) bool {
		if groups[a].score != groups[b].score {
			return groups[a].score > groups[b].score
		}
		return groups[a].first < groups[b].first
	})
	if len(groups) > MaxPhrases {
		groups = groups[:MaxPhrases]
	}
	phrases := make([]Phrase, len(groups))
	for i, g := range groups {
		phrases[i] = g.phrase
		phrases[i].Salience = round3(g.score / top)
	}
	return phrases
}

// phraseGroup counts one key phrase.
type phraseGroup struct {
	phrase   Phrase
	key      phraseKey
	words    int
	first    int // token where it first appears
	score    float64
	subsumed bool
}

// isSpaceGap reports whether a gap between tokens is a few spaces, no line
// break.
func isSpaceGap(gap string) bool {
	return len(gap) <= 3 && strings.Trim(gap, " \t\u00a0") == ""
}

// mentionTokens marks the tokens inside mentions: names, dates and numbers
// are listed as entities, not as terms.
func mentionTokens(doc *Document) []bool {
	in := make([]bool, len(doc.Tokens))
	for _, m := range doc.Mentions {
		for k := m.FirstToken; k < m.EndToken; k++ {
			in[k] = true
		}
	}
	return in
}

// looksLikeContent reports whether a word can be a key term before its stop
// word is checked: at least three letters, mostly letters, not a clitic, not
// an abbreviation (the tokenizer keeps the period of Mr., Dr., Gov., Corp.).
func looksLikeContent(w string) bool {
	if len(w) < 3 || utf8.RuneCountInString(w) < 3 || isApostrophe(firstRune(w)) || strings.HasSuffix(w, ".") {
		return false
	}
	letterN, runes := 0, 0
	for _, r := range w {
		runes++
		if letters.IsLetter(r) {
			letterN++
		}
	}
	return letterN*2 >= runes
}

func hasFormFold(forms []string, form string) bool {
	for _, f := range forms {
		if strings.EqualFold(f, form) {
			return true
		}
	}
	return false
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
