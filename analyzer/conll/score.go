package conll

import (
	"fmt"
	"io"
	"sort"
)

// Counts are the true positives, false positives and false negatives of one
// entity type.
type Counts struct {
	TP, FP, FN int
}

// Add adds c2 to c.
func (c *Counts) Add(c2 Counts) { c.TP += c2.TP; c.FP += c2.FP; c.FN += c2.FN }

// P, R, F1 return precision, recall and F1 in percent (0 when undefined).
func (c Counts) P() float64  { return pct(c.TP, c.TP+c.FP) }
func (c Counts) R() float64  { return pct(c.TP, c.TP+c.FN) }
func (c Counts) F1() float64 { return f1(c.P(), c.R()) }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Score accumulates exact-match counts per entity type.
type Score map[string]*Counts

// Add scores one document's predicted chunks against its gold chunks: a
// prediction is right when a gold chunk has the same span and type.
func (s Score) Add(gold, pred []Chunk) {
	inGold := make(map[Chunk]bool, len(gold))
	for _, c := range gold {
		inGold[c] = true
		s.counts(c.Type).FN++
	}
	for _, c := range pred {
		if inGold[c] {
			s.counts(c.Type).TP++
			s.counts(c.Type).FN--
		} else {
			s.counts(c.Type).FP++
		}
	}
}

func (s Score) counts(typ string) *Counts {
	c := s[typ]
	if c == nil {
		c = &Counts{}
		s[typ] = c
	}
	return c
}

// Total sums the counts of the given types (all types when none given).
func (s Score) Total(types ...string) Counts {
	var t Counts
	if len(types) == 0 {
		for _, c := range s {
			t.Add(*c)
		}
		return t
	}
	for _, typ := range types {
		if c := s[typ]; c != nil {
			t.Add(*c)
		}
	}
	return t
}

// Types lists the scored types, sorted.
func (s Score) Types() []string {
	types := make([]string, 0, len(s))
	for t := range s {
		types = append(types, t)
	}
	sort.Strings(types)
	return types
}

// Report prints per-type precision, recall and F1, the PER/LOC/ORG subtotal,
// the overall total and last a line F1=....
func (s Score) Report(w io.Writer) {
	line := func(name string, c Counts) {
		fmt.Fprintf(w, "%-12s P=%6.2f R=%6.2f F1=%6.2f  (tp=%d fp=%d fn=%d)\n", name, c.P(), c.R(), c.F1(), c.TP, c.FP, c.FN)
	}
	for _, t := range s.Types() {
		line(t, *s[t])
	}
	line("PER/LOC/ORG", s.Total("PER", "LOC", "ORG"))
	all := s.Total()
	line("all", all)
	fmt.Fprintf(w, "F1=%.2f\n", all.F1())
}

// Merge adds the counts of s2 to s.
func (s Score) Merge(s2 Score) {
	for t, c := range s2 {
		s.counts(t).Add(*c)
	}
}
