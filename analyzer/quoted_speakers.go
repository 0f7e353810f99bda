package analyzer

import (
	"sort"
	"strings"
	"unicode"

	"annotator/analyzer/letters"
)

// QuotedSpeaker is one speaker of a document's quotes, with the figure a
// news desk asks for: how many quotes, how many words.
type QuotedSpeaker struct {
	// Key tells speakers apart: the entity id, or "text:" and the
	// speaker's words in lower case for a speaker no entity covers.
	Key string
	// Entity is the speaker's entity id, "" for one known by words only.
	Entity string
	Name   string // the entity's name or the speaker's words
	Quotes int
	Words  int // words quoted, quote marks aside
}

// QuotedSpeakers counts the quotes and quoted words of each speaker, the
// most quoted first (then the most words, then by name); unattributed
// quotes count for nobody.
func (r *Result) QuotedSpeakers() []QuotedSpeaker {
	names := make(map[string]string, len(r.Entities))
	for _, e := range r.Entities {
		names[e.ID] = e.Name
	}
	index := map[string]int{}
	var out []QuotedSpeaker
	for _, q := range r.Quotes {
		key := SpeakerKey(q)
		if key == "" {
			continue
		}
		i, ok := index[key]
		if !ok {
			s := QuotedSpeaker{Key: key, Entity: q.Speaker, Name: names[q.Speaker]}
			if q.Speaker == "" {
				s.Name = strings.Join(strings.Fields(q.SpeakerText), " ")
			}
			i = len(out)
			index[key] = i
			out = append(out, s)
		}
		out[i].Quotes++
		out[i].Words += countWords(q.Text)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Quotes != out[b].Quotes {
			return out[a].Quotes > out[b].Quotes
		}
		if out[a].Words != out[b].Words {
			return out[a].Words > out[b].Words
		}
		return out[a].Name < out[b].Name
	})
	return out
}

// SpeakerKey is the QuotedSpeaker.Key of the quote's speaker, "" when it
// is unattributed.
func SpeakerKey(q QuoteResult) string {
	switch {
	case q.Speaker != "":
		return q.Speaker
	case q.SpeakerText != "":
		return "text:" + letters.Lower(strings.Join(strings.Fields(q.SpeakerText), " "))
	}
	return ""
}

// countWords counts runs of letters and digits (apostrophes and hyphens
// inside words keep them one).
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || in && (r == '\'' || r == '’' || r == '-')
		if word && !in {
			n++
		}
		in = word
	}
	return n
}
