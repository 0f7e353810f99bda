package ui

import (
	"cmp"
	"slices"
	"time"

	"annotator/analyzer"
)

// annotation is one run of the analyzer over a text, indexed for rendering.
// It is built once per run; rendering only reads it.
type annotation struct {
	Text   string
	Result *analyzer.Result
	// Marks are every mention of every entity, in text order, without
	// overlaps.
	Marks []mark
	// Groups are the entities by label, in analyzer.Labels order, the most
	// mentioned first.
	Groups []entityGroup
	// Counts are the mentions per label.
	Counts map[analyzer.Label]int
	// Names maps an entity id to its name, for quote speakers.
	Names map[string]string
	// Tokens and Elapsed describe the run, for the stats and the benchmark.
	Tokens  int
	Elapsed time.Duration
}

// mark is a highlighted mention: bytes [Start, End) of the text.
type mark struct {
	Start, End int
	Label      analyzer.Label
	Entity     string // entity id
	Name       string // entity name
}

// entityGroup is the entities of one label.
type entityGroup struct {
	Label    analyzer.Label
	Entities []analyzer.EntityResult
}

// newAnnotation indexes the analyzer's result for text.
func newAnnotation(text string, res *analyzer.Result) *annotation {
	a := &annotation{
		Text:   text,
		Result: res,
		Counts: make(map[analyzer.Label]int),
		Names:  make(map[string]string, len(res.Entities)),
	}
	byLabel := make(map[analyzer.Label][]analyzer.EntityResult)
	for _, e := range res.Entities {
		a.Names[e.ID] = e.Name
		byLabel[e.Label] = append(byLabel[e.Label], e)
		for _, m := range e.Mentions {
			a.Marks = append(a.Marks, mark{Start: m.Start, End: m.End, Label: e.Label, Entity: e.ID, Name: e.Name})
		}
	}
	a.Marks = nonOverlapping(a.Marks, len(text))
	for _, m := range a.Marks {
		a.Counts[m.Label]++
	}
	for _, l := range analyzer.Labels {
		es := byLabel[l]
		if len(es) == 0 {
			continue
		}
		// Entities come in order of first mention: keep it among equals.
		slices.SortStableFunc(es, func(x, y analyzer.EntityResult) int {
			return cmp.Compare(len(y.Mentions), len(x.Mentions))
		})
		a.Groups = append(a.Groups, entityGroup{Label: l, Entities: es})
	}
	return a
}

// nonOverlapping sorts marks by position and drops any that overlap an
// earlier one or fall outside a text of n bytes. The analyzer promises
// neither happens; the view must stay a faithful copy of the text if it does.
func nonOverlapping(marks []mark, n int) []mark {
	slices.SortStableFunc(marks, func(x, y mark) int {
		if c := cmp.Compare(x.Start, y.Start); c != 0 {
			return c
		}
		return cmp.Compare(y.End, x.End)
	})
	kept := marks[:0]
	end := 0
	for _, m := range marks {
		if m.Start < end || m.Start >= m.End || m.End > n {
			continue
		}
		kept = append(kept, m)
		end = m.End
	}
	return kept
}

// topTerms returns up to n terms, the most frequent first.
func topTerms(terms []analyzer.TermResult, n int) []analyzer.TermResult {
	top := slices.Clone(terms)
	slices.SortStableFunc(top, func(x, y analyzer.TermResult) int {
		if c := cmp.Compare(y.Count, x.Count); c != 0 {
			return c
		}
		return cmp.Compare(x.Stem, y.Stem)
	})
	if len(top) > n {
		top = top[:n]
	}
	return top
}
