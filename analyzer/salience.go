package analyzer

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Weights of the three signals of entity salience.
const (
	salienceMentions = 0.5 // share of mentions, on a log scale
	saliencePosition = 0.3 // how early the first mention comes
	salienceHeadline = 0.2 // named in the headline
)

// rankEntities sets each entity's salience from 0 to 1: how often it is
// mentioned (log-scaled against the most mentioned entity), how early its
// first mention comes, and whether the headline names it. Dates and numbers
// get half weight: they rarely are what an article is about.
func rankEntities(doc *Document) {
	if len(doc.Entities) == 0 {
		return
	}
	most := 0
	for _, e := range doc.Entities {
		most = max(most, len(e.Mentions))
	}
	headline := headlineEnd(doc)
	for i := range doc.Entities {
		e := &doc.Entities[i]
		first := doc.Mentions[e.Mentions[0]]
		s := salienceMentions * math.Log1p(float64(len(e.Mentions))) / math.Log1p(float64(most))
		s += saliencePosition * (1 - float64(first.Start)/float64(max(len(doc.Text), 1)))
		if first.End <= headline {
			s += salienceHeadline
		}
		if !e.Label.IsName() {
			s /= 2
		}
		e.Salience = round3(s)
	}
}

// headlineEnd returns the end of the headline: the first sentence when it
// stands on its own line, above more text, without final punctuation; else 0.
func headlineEnd(doc *Document) int {
	if len(doc.Sentences) == 0 {
		return 0
	}
	s := doc.Sentences[0]
	last := doc.TokenText(s.EndToken - 1)
	rest := doc.Text[s.End:]
	if isTerminal(last) || strings.TrimSpace(rest) == "" || !strings.HasPrefix(strings.TrimLeft(rest, " \t\r"), "\n") {
		return 0
	}
	return s.End
}

// MainEntities returns the article's main named entities (people,
// organisations, places, other names): up to n, the most salient first, then
// the most mentioned, then the first listed. The app's pictures draw these.
func (r *Result) MainEntities(n int) []EntityResult {
	var names []EntityResult
	for _, e := range r.Entities {
		if e.Label.IsName() && len(e.Mentions) > 0 {
			names = append(names, e)
		}
	}
	slices.SortStableFunc(names, func(x, y EntityResult) int {
		if c := cmp.Compare(y.Salience, x.Salience); c != 0 {
			return c
		}
		return cmp.Compare(len(y.Mentions), len(x.Mentions))
	})
	return names[:min(n, len(names))]
}

// Pair is two entities named in the same sentences: A < B, indices into the
// entities given to Cooccurrences, and how many sentences name both.
type Pair struct {
	A, B      int
	Sentences int
}

// Cooccurrences counts, for each two of the entities, the sentences of the
// result that mention both: the app's graph of who is named with whom.
// Pairs never named together are left out; the rest come by count, the
// most first, then in entity order.
func (r *Result) Cooccurrences(entities []EntityResult) []Pair {
	starts := make([]int, len(r.Sentences))
	for i, s := range r.Sentences {
		starts[i] = s.Start
	}
	// in[k] is the set of sentences entity k is mentioned in.
	in := make([]map[int]bool, len(entities))
	for k, e := range entities {
		in[k] = make(map[int]bool)
		for _, m := range e.Mentions {
			// The last sentence starting at or before the mention.
			i, found := slices.BinarySearch(starts, m.Start)
			if !found {
				i--
			}
			if i >= 0 && m.Start < r.Sentences[i].End {
				in[k][i] = true
			}
		}
	}
	var pairs []Pair
	for a := range entities {
		for b := a + 1; b < len(entities); b++ {
			n := 0
			for s := range in[a] {
				if in[b][s] {
					n++
				}
			}
			if n > 0 {
				pairs = append(pairs, Pair{a, b, n})
			}
		}
	}
	slices.SortStableFunc(pairs, func(x, y Pair) int { return cmp.Compare(y.Sentences, x.Sentences) })
	return pairs
}
