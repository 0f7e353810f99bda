package analyzer

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTerms is how many key terms a document keeps.
const MaxTerms = 40

// keyTerms counts content words by stem: stop words, numbers, short words
// and the words of names (listed as entities instead) are left out. Terms
// are ordered by count, then by first appearance.
func keyTerms(doc *Document) []Term {
	inName := nameTokens(doc)
	type group struct {
		term  Term
		first int
	}
	var groups []group
	byStem := make(map[string]int)
	for i, t := range doc.Tokens {
		if t.Kind != Word || inName[i] || !isContentWord(doc, i) {
			continue
		}
		g, ok := byStem[t.Stem]
		if !ok {
			g = len(groups)
			byStem[t.Stem] = g
			groups = append(groups, group{term: Term{Stem: t.Stem}, first: i})
		}
		groups[g].term.Count++
		form := doc.TokenText(i)
		if !hasFormFold(groups[g].term.Forms, form) {
			groups[g].term.Forms = append(groups[g].term.Forms, strings.ToLower(form))
		}
	}
	sort.SliceStable(groups, func(a, b int) bool {
		if groups[a].term.Count != groups[b].term.Count {
			return groups[a].term.Count > groups[b].term.Count
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
	return terms
}

// nameTokens marks the tokens inside PER, ORG, LOC and MISC mentions.
func nameTokens(doc *Document) []bool {
	in := make([]bool, len(doc.Tokens))
	for _, m := range doc.Mentions {
		if m.Label.IsName() {
			for k := m.FirstToken; k < m.EndToken; k++ {
				in[k] = true
			}
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
