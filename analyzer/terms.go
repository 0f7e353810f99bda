package analyzer

import (
	_ "embed"
	"math"
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
	type group struct {
		term  Term
		first int
	}
	var groups []group
	byKey := make(map[string]int)
	keys := make([]string, len(doc.Tokens)) // term key of each content word
	for i, t := range doc.Tokens {
		if t.Kind != Word || inMention[i] || !isContentWord(doc, i) || reportingWords[strings.ToLower(doc.TokenText(i))] {
			continue
		}
		form := doc.TokenText(i)
		key := TermKey(doc.Lang, form)
		keys[i] = key
		g, ok := byKey[key]
		if !ok {
			g = len(groups)
			byKey[key] = g
			groups = append(groups, group{term: Term{Stem: key}, first: i})
		}
		groups[g].term.Count++
		if !hasFormFold(groups[g].term.Forms, form) {
			groups[g].term.Forms = append(groups[g].term.Forms, strings.ToLower(form))
		}
	}
	bg := background(doc.Lang)
	top := 0.0
	for i := range groups {
		t := &groups[i].term
		t.Salience = float64(t.Count) * bg.idf(t.Stem)
		top = math.Max(top, t.Salience)
	}
	for i := range groups {
		groups[i].term.Salience = round3(groups[i].term.Salience / top)
	}
	sort.SliceStable(groups, func(a, b int) bool {
		ta, tb := groups[a].term, groups[b].term
		if ta.Salience != tb.Salience {
			return ta.Salience > tb.Salience
		}
		return groups[a].first < groups[b].first
	})
	salience := make(map[string]float64, len(groups))
	for _, g := range groups {
		salience[g.term.Stem] = g.term.Salience
	}
	phrases := keyPhrases(doc, keys, salience)
	if len(groups) > MaxTerms {
		groups = groups[:MaxTerms]
	}
	terms := make([]Term, len(groups))
	for i, g := range groups {
		terms[i] = g.term
	}
	return terms, phrases
}

// keyPhrases counts every run of two to four content words inside a
// sentence with only spaces between them ("joint military manoeuvres"),
// grouped by their words' term keys. A run that a longer one with the same
// count contains is dropped ("military manoeuvres" inside "joint military
// manoeuvres"). Phrases rank by count times the mean salience of their
// words. Without parts of speech, runs that start with an adverb or a common
// verb ("quickly sanctions", "took part") or end in a verb form (-ed, -ing)
// are left out.
func keyPhrases(doc *Document, keys []string, salience map[string]float64) []Phrase {
	var groups []*phraseGroup
	byKey := make(map[string]*phraseGroup)
	for _, s := range doc.Sentences {
		for k := s.FirstToken; k < s.EndToken; {
			end := k
			for end < s.EndToken && keys[end] != "" && (end == k || isSpaceGap(doc.Text[doc.Tokens[end-1].End:doc.Tokens[end].Start])) {
				end++
			}
			for from := k; from < end; from++ {
				for n := 2; n <= 4 && from+n <= end; n++ {
					if !isPhraseStart(doc.TokenText(from)) || !isPhraseEnd(doc.TokenText(from+n-1)) {
						continue
					}
					key := strings.Join(keys[from:from+n], " ")
					g := byKey[key]
					if g == nil {
						text := strings.ToLower(doc.Text[doc.Tokens[from].Start:doc.Tokens[from+n-1].End])
						g = &phraseGroup{phrase: Phrase{Text: text}, words: keys[from : from+n], first: from}
						for _, w := range g.words {
							g.score += salience[w] / float64(n)
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
		n := len(long.words)
		if n < 3 {
			continue
		}
		for _, sub := range [][]string{long.words[:n-1], long.words[1:]} {
			if g := byKey[strings.Join(sub, " ")]; g != nil && g.phrase.Count == long.phrase.Count {
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
	words    []string // term keys
	first    int      // token where it first appears
	score    float64
	subsumed bool
}

func isPhraseStart(w string) bool {
	lw := strings.ToLower(w)
	return !strings.HasSuffix(lw, "ly") && !commonVerbs[lw]
}

func isPhraseEnd(w string) bool {
	lw := strings.ToLower(w)
	return !strings.HasSuffix(lw, "ed") && !strings.HasSuffix(lw, "ing") && !commonVerbs[lw]
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

// reportingWords are in every news story and say nothing of this one.
var reportingWords = set("said", "says", "say", "told", "tell", "tells", "added", "adds", "according",
	"reported", "reportedly", "reports", "also", "including", "however", "would", "could", "many", "much")

// isSpaceGap reports whether a gap between tokens is a few spaces, no line
// break.
func isSpaceGap(gap string) bool {
	return len(gap) <= 3 && strings.Trim(gap, " \t\u00a0") == ""
}

// DocumentTermKeys returns the term keys of the document's content words,
// names included: what the background frequencies count.
func DocumentTermKeys(doc *Document) map[string]bool {
	keys := make(map[string]bool)
	for i, t := range doc.Tokens {
		if t.Kind == Word && isContentWord(doc, i) {
			keys[TermKey(doc.Lang, doc.TokenText(i))] = true
		}
	}
	return keys
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

// isContentWord reports whether token i can be a key term: at least three
// letters, mostly letters, not a stop word, not a clitic.
func isContentWord(doc *Document, i int) bool {
	w := doc.TokenText(i)
	if utf8.RuneCountInString(w) < 3 || isApostrophe(firstRune(w)) {
		return false
	}
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters*2 < utf8.RuneCountInString(w) {
		return false
	}
	return !IsStopWord(doc.Lang, w)
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
