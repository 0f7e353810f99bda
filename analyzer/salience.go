package analyzer

import (
	"math"
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
