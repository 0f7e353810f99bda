package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"annotator/analyzer"
)

// Kinds of quote, as the analyzer's JSON names them.
var kinds = []string{"direct", "reported", "mixed"}

// set is a file of annotated passages.
type set struct {
	About    string    `json:"about"`
	Passages []passage `json:"passages"`
}

type passage struct {
	ID     string      `json:"id"`
	Text   string      `json:"text"`
	Quotes []goldQuote `json:"quotes"`
}

// goldQuote is a quote as annotated: Span is its text, found in the passage
// after the previous gold quote's start.
type goldQuote struct {
	Span    string `json:"span"`
	Kind    string `json:"kind"`
	Speaker string `json:"speaker"`
	Verb    string `json:"verb"`

	start, end int // byte offsets, set by readSet
}

func readSet(path string) (*set, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s set
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	seen := map[string]bool{}
	for i := range s.Passages {
		p := &s.Passages[i]
		if p.ID == "" || seen[p.ID] {
			return nil, fmt.Errorf("%s: passage %d: missing or repeated id %q", path, i+1, p.ID)
		}
		seen[p.ID] = true
		from := 0
		for j := range p.Quotes {
			q := &p.Quotes[j]
			at := strings.Index(p.Text[from:], q.Span)
			if q.Span == "" || at < 0 {
				return nil, fmt.Errorf("%s: passage %s: quote %q is not in the text after the previous quote", path, p.ID, q.Span)
			}
			if !validKind(q.Kind) {
				return nil, fmt.Errorf("%s: passage %s: quote %q has kind %q, want one of %v", path, p.ID, q.Span, q.Kind, kinds)
			}
			q.start = from + at
			q.end = q.start + len(q.Span)
			from = q.start + 1
		}
	}
	return &s, nil
}

func validKind(k string) bool {
	for _, want := range kinds {
		if k == want {
			return true
		}
	}
	return false
}

// counts are true positives, predictions and gold quotes.
type counts struct{ tp, predicted, gold, found int }

func (c counts) precision() float64 { return ratio(c.tp, c.predicted) }
func (c counts) recall() float64    { return ratio(c.found, c.gold) }
func (c counts) f1() float64 {
	p, r := c.precision(), c.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// score adds up a set's matches.
type score struct {
	byKind          map[string]*counts // recall by gold kind, precision by predicted kind
	speakerRight    int                // found quotes whose speaker is right
	kindRight       int                // found quotes whose kind is right
	verbRight, verb int                // found quotes with a gold verb, and those whose verb is right
	notes           []string           // with -v: what went wrong, passage by passage
}

func (s *score) kind(k string) *counts {
	if s.byKind == nil {
		s.byKind = map[string]*counts{}
	}
	if s.byKind[k] == nil {
		s.byKind[k] = &counts{}
	}
	return s.byKind[k]
}

func (s *score) overall() counts {
	var c counts
	for _, k := range s.byKind {
		c.tp += k.tp
		c.predicted += k.predicted
		c.gold += k.gold
		c.found += k.found
	}
	return c
}

func (s *score) speakerAccuracy() float64 { return ratio(s.speakerRight, s.overall().found) }

func (s *score) add(o *score) {
	for k, c := range o.byKind {
		mine := s.kind(k)
		mine.tp += c.tp
		mine.predicted += c.predicted
		mine.gold += c.gold
		mine.found += c.found
	}
	s.speakerRight += o.speakerRight
	s.kindRight += o.kindRight
	s.verbRight += o.verbRight
	s.verb += o.verb
}

func (s *score) report(w io.Writer) {
	line := func(name string, c counts) {
		fmt.Fprintf(w, "  %-9s P %.3f  R %.3f  F1 %.3f   (%d of %d predicted right, %d of %d gold found)\n",
			name, c.precision(), c.recall(), c.f1(), c.tp, c.predicted, c.found, c.gold)
	}
	all := s.overall()
	line("quotes", all)
	for _, k := range kinds {
		line(k, *s.kind(k))
	}
	fmt.Fprintf(w, "  speaker accuracy %.3f (%d of %d found)   kind agreement %.3f   verb agreement %.3f (%d of %d)\n",
		s.speakerAccuracy(), s.speakerRight, all.found, ratio(s.kindRight, all.found),
		ratio(s.verbRight, s.verb), s.verbRight, s.verb)
}

// evaluate annotates every passage and scores its quotes.
func evaluate(st *set, verbose bool) (*score, error) {
	s := &score{}
	for _, p := range st.Passages {
		doc, err := analyzer.Annotate(p.Text, analyzer.Options{})
		if err != nil {
			return nil, fmt.Errorf("passage %s: %w", p.ID, err)
		}
		// Scored from the JSON, the contract the app and CLI print.
		b, err := json.Marshal(doc)
		if err != nil {
			return nil, err
		}
		var r result
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, err
		}
		scorePassage(s, p, &r, verbose)
	}
	return s, nil
}

// result is the part of the analyzer's JSON that quoteeval reads.
type result struct {
	Entities []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"entities"`
	Quotes []predicted `json:"quotes"`
}

type predicted struct {
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Text        string `json:"text"`
	Kind        string `json:"kind"`
	Verb        string `json:"verb"`
	Speaker     string `json:"speaker"`
	SpeakerText string `json:"speaker_text"`
}

// predictedKind is the kind of a predicted quote; a result without kinds
// (before they existed) had quote-mark quotes only.
func predictedKind(q predicted) string {
	if q.Kind == "" {
		return "direct"
	}
	return q.Kind
}

// scorePassage matches one passage's predictions to its gold quotes: the
// pairs where more than 30% of the gold quote's characters fall inside the
// prediction, best covered first, each quote used once.
func scorePassage(s *score, p passage, r *result, verbose bool) {
	type pair struct {
		gold, pred int
		cover      float64
	}
	var pairs []pair
	for g, gq := range p.Quotes {
		n := utf8.RuneCountInString(p.Text[gq.start:gq.end])
		for i, q := range r.Quotes {
			lo, hi := max(gq.start, q.Start), min(gq.end, q.End)
			if hi <= lo {
				continue
			}
			if cover := float64(utf8.RuneCountInString(p.Text[lo:hi])) / float64(n); cover > 0.3 {
				pairs = append(pairs, pair{g, i, cover})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].cover > pairs[b].cover })
	goldMatch := make([]int, len(p.Quotes))
	predMatched := make([]bool, len(r.Quotes))
	for i := range goldMatch {
		goldMatch[i] = -1
	}
	for _, pr := range pairs {
		if goldMatch[pr.gold] < 0 && !predMatched[pr.pred] {
			goldMatch[pr.gold] = pr.pred
			predMatched[pr.pred] = true
		}
	}
	note := func(format string, args ...any) {
		if verbose {
			s.notes = append(s.notes, p.ID+": "+fmt.Sprintf(format, args...))
		}
	}
	for i, q := range r.Quotes {
		c := s.kind(predictedKind(q))
		c.predicted++
		if predMatched[i] {
			c.tp++
		} else {
			note("spurious %s %q (%s)", predictedKind(q), q.Text, answerText(r, q))
		}
	}
	for g, gq := range p.Quotes {
		s.kind(gq.Kind).gold++
		i := goldMatch[g]
		if i < 0 {
			note("missed %s %q (%s)", gq.Kind, gq.Span, gq.Speaker)
			continue
		}
		s.kind(gq.Kind).found++
		q := r.Quotes[i]
		if speakerRight(r, q, gq.Speaker) {
			s.speakerRight++
		} else {
			note("speaker of %q is %s, want %q", gq.Span, answerText(r, q), gq.Speaker)
		}
		if predictedKind(q) == gq.Kind {
			s.kindRight++
		} else {
			note("kind of %q is %s, want %s", gq.Span, predictedKind(q), gq.Kind)
		}
		if gq.Verb != "" {
			s.verb++
			if q.Verb == gq.Verb {
				s.verbRight++
			} else {
				note("verb of %q is %q, want %q", gq.Span, q.Verb, gq.Verb)
			}
		}
	}
}

// speakerRight tells whether the quote's answer names the gold speaker: an
// entity whose name holds all the gold speaker's words, or a speaker_text
// that holds them. An unattributed gold quote wants no answer.
func speakerRight(r *result, q predicted, gold string) bool {
	want := words(gold)
	if len(want) == 0 {
		return q.Speaker == "" && q.SpeakerText == ""
	}
	var have []string
	switch {
	case q.Speaker != "":
		for _, e := range r.Entities {
			if e.ID == q.Speaker {
				have = words(e.Name)
			}
		}
	case q.SpeakerText != "":
		have = words(q.SpeakerText)
	}
	for _, w := range want {
		found := false
		for _, h := range have {
			found = found || h == w
		}
		if !found {
			return false
		}
	}
	return true
}

func answerText(r *result, q predicted) string {
	switch {
	case q.Speaker != "":
		for _, e := range r.Entities {
			if e.ID == q.Speaker {
				return "entity " + e.Name
			}
		}
		return "entity " + q.Speaker
	case q.SpeakerText != "":
		return fmt.Sprintf("speaker_text %q", q.SpeakerText)
	}
	return "no speaker"
}

// words splits s into lower-case words.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
}
