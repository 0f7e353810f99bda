package analyzer

import (
	_ "embed"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// MaxTerms and MaxPhrases are how many key terms and key phrases a document
// keeps.
const (
	MaxTerms   = 40
	MaxPhrases = 15
)

// keyTerms finds the document's key terms and key phrases. Content words
// (not stop words, reporting words such as "said", short words, or the words
// of names, dates and numbers, which are listed as entities) group by term key: the stem of their British spelling,
// so denuclearise, denuclearisation and denuclearization are one term. A
// term's salience is its TF-IDF against background document frequencies,
// scaled so the top term has 1. Phrases are runs of two to four content
// words, scored by their count and their words' salience.
func keyTerms(doc *Document) ([]Term, []Phrase) {
	inMention := mentionTokens(doc)
	nameLike := capitalisedMidSentence(doc)
	// About one token in four starts a new term in an article.
	groups := make([]termGroup, 0, len(doc.Tokens)/4+1)
	byKey := make(map[string]int32, len(doc.Tokens)/4+1)
	termOf := make([]int32, len(doc.Tokens)) // term group of each content word, -1 for others
	edges := make([]uint8, len(doc.Tokens))  // whether a phrase may start or end at each token
	cache := stemCaches[doc.Lang]
	cache.mu.Lock()
	for i, t := range doc.Tokens {
		termOf[i] = -1
		if t.Kind != Word || inMention[i] {
			continue
		}
		form := doc.TokenText(i)
		if !looksLikeContent(form) {
			continue
		}
		e := cache.lookup(form)
		if e.stop || e.reporting {
			continue
		}
		g, ok := byKey[e.term]
		if !ok {
			g = int32(len(groups))
			byKey[e.term] = g
			groups = append(groups, termGroup{term: Term{Stem: e.term}, first: i})
		}
		termOf[i] = g
		edges[i] = e.phraseEdges
		switch {
		case nameLike[i]:
			groups[g].capitalised++
		case !startsUpper(form):
			groups[g].lower = true
		}
		groups[g].term.Count++
		if !hasFormFold(groups[g].term.Forms, form) {
			groups[g].term.Forms = append(groups[g].term.Forms, strings.ToLower(form))
		}
	}
	cache.mu.Unlock()
	// A word written capitalised inside sentences and never in lower case
	// is a name the tagger missed (Kyodo, TikTok): not a term, nor part of
	// a phrase.
	for i, g := range termOf {
		if g >= 0 && groups[g].isName() {
			termOf[i] = -1
		}
	}
	bg := background(doc.Lang)
	top := 0.0
	for i := range groups {
		t := &groups[i].term
		t.Salience = float64(t.Count) * bg.idf(t.Stem)
		if !groups[i].isName() {
			top = math.Max(top, t.Salience)
		}
	}
	for i := range groups {
		groups[i].term.Salience = round3(groups[i].term.Salience / top)
	}
	phrases := keyPhrases(doc, termOf, edges, groups)
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

// Phrase edges of a word, kept in the word cache.
const (
	canStartPhrase uint8 = 1 << iota
	canEndPhrase
)

// phraseEdges tells whether a phrase may start or end with the word (lower
// case). Without parts of speech, adverbs (-ly) and common verbs do not
// start one ("quickly sanctions", "took part"), verb forms (-ed, -ing) and
// common verbs do not end one.
func phraseEdges(lower string) uint8 {
	var edges uint8
	if !strings.HasSuffix(lower, "ly") && !commonVerbs[lower] {
		edges |= canStartPhrase
	}
	if !strings.HasSuffix(lower, "ed") && !strings.HasSuffix(lower, "ing") && !commonVerbs[lower] {
		edges |= canEndPhrase
	}
	return edges
}

// phraseKey is up to four term groups, -1 past the phrase's end.
type phraseKey [4]int32

// keyPhrases counts every run of two to four content words inside a
// sentence with only spaces between them ("joint military manoeuvres"),
// grouped by their words' terms. A run that a longer one with the same
// count contains is dropped ("military manoeuvres" inside "joint military
// manoeuvres"). Phrases rank by count times the mean salience of their
// words, and must start and end with words that can (see phraseEdges).
func keyPhrases(doc *Document, termOf []int32, edges []uint8, terms []termGroup) []Phrase {
	var groups []*phraseGroup
	byKey := make(map[phraseKey]*phraseGroup)
	for _, s := range doc.Sentences {
		for k := s.FirstToken; k < s.EndToken; {
			end := k
			for end < s.EndToken && termOf[end] >= 0 && (end == k || isSpaceGap(doc.Text[doc.Tokens[end-1].End:doc.Tokens[end].Start])) {
				end++
			}
			for from := k; from < end; from++ {
				if edges[from]&canStartPhrase == 0 {
					continue
				}
				for n := 2; n <= 4 && from+n <= end; n++ {
					if edges[from+n-1]&canEndPhrase == 0 {
						continue
					}
					key := phraseKey{-1, -1, -1, -1}
					copy(key[:], termOf[from:from+n])
					g := byKey[key]
					if g == nil {
						text := strings.ToLower(doc.Text[doc.Tokens[from].Start:doc.Tokens[from+n-1].End])
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

// commonVerbs are frequent verb forms that snowball's stop list keeps.
var commonVerbs = set("took", "take", "takes", "made", "make", "makes", "gave", "give", "gives", "came",
	"come", "comes", "went", "goes", "held", "hold", "holds", "met", "meet", "meets", "left", "told", "tell",
	"tells", "saw", "see", "sees", "got", "get", "gets", "put", "puts", "set", "sets", "ran", "run", "runs",
	"began", "begin", "begins", "brought", "bring", "brings", "thought", "think", "kept", "keep", "keeps",
	"found", "find", "finds", "stood", "sent", "send", "sends", "won", "win", "wins", "lost", "lose", "led",
	"lead", "leads", "paid", "pay", "pays", "built", "spent", "sought", "seek", "seeks", "fell", "rose",
	"said", "says", "say", "visits", "wants", "want", "needs", "need", "seems", "seem", "became", "become",
	"becomes", "shows", "show", "knew", "know", "knows", "hopes", "hope", "matter", "matters")

// reportingWords are in every news story and say nothing of this one; with
// them, titles and function words snowball's stop lists leave out.
var reportingWords = set("said", "says", "say", "told", "tell", "tells", "added", "adds", "according",
	"reported", "reportedly", "reports", "also", "including", "however", "would", "could", "many", "much",
	"mr", "mrs", "ms", "dr", "every", "each", "another", "such", "whose", "upon", "within", "without",
	"among", "whether", "yet", "still", "even", "just", "ever", "never", "already", "almost", "really",
	"per", "via", "etc", "one", "two", "three", "first", "second", "last", "next", "new", "well")

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

// isContentWord reports whether token i can be a key term: it looks like
// content (see looksLikeContent) and is not a stop word.
func isContentWord(doc *Document, i int) bool {
	w := doc.TokenText(i)
	return looksLikeContent(w) && !IsStopWord(doc.Lang, w)
}

// looksLikeContent reports whether a word can be a key term before its stop
// word is checked: at least three letters, mostly letters, not a clitic, not
// an abbreviation (the tokenizer keeps the period of Mr., Dr., Gov., Corp.).
func looksLikeContent(w string) bool {
	if len(w) < 3 || utf8.RuneCountInString(w) < 3 || isApostrophe(firstRune(w)) || strings.HasSuffix(w, ".") {
		return false
	}
	letters, runes := 0, 0
	for _, r := range w {
		runes++
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters*2 >= runes
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

// backgroundFrequencies are document frequencies of term keys in a
// background corpus.
type backgroundFrequencies struct {
	docs int
	df   map[string]int
}

// idf is the smoothed inverse document frequency of a term key; keys the
// background never saw get the highest.
func (b *backgroundFrequencies) idf(key string) float64 {
	return math.Log(float64(b.docs+1)/float64(b.df[key]+1)) + 1
}

//go:embed background.txt
var backgroundText string

var (
	englishBackground     *backgroundFrequencies
	englishBackgroundOnce sync.Once
	noBackground          = &backgroundFrequencies{docs: 1, df: map[string]int{}}
)

// background returns the frequencies for the language: English has
// background.txt (from CoNLL-2003 eng.train); other languages weigh terms by
// count alone.
func background(lang string) *backgroundFrequencies {
	if lang != "en" {
		return noBackground
	}
	englishBackgroundOnce.Do(func() { englishBackground = parseBackground(backgroundText) })
	return englishBackground
}

// parseBackground reads "# comment" lines, the number of documents, then
// "key count" lines.
func parseBackground(text string) *backgroundFrequencies {
	b := &backgroundFrequencies{docs: 1, df: make(map[string]int, 16384)}
	header := true
	for _, line := range strings.Split(text, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if header {
			if n, err := strconv.Atoi(line); err == nil && n > 0 {
				b.docs = n
			}
			header = false
			continue
		}
		key, count, ok := strings.Cut(line, " ")
		if n, err := strconv.Atoi(count); ok && err == nil {
			b.df[strings.ReplaceAll(key, "_", " ")] = n
		}
	}
	return b
}
