package analyzer

import (
	"errors"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// How corrections find their spans again.
//
// A TextAnchor is found at its start offset when its text is there and the
// words around it are those it was made with (the common case: the same
// text annotated again). Otherwise every occurrence of its text is a
// candidate: one with the same words on both sides beats one with the same
// words on one side, then the more of the context the same, then the
// nearest to the old offset; two that fit as well make the anchor
// ambiguous. A candidate with neither side's context whole and less than
// three quarters of it the same (a quarter, at the anchor's own offset) is
// never taken: the anchor is stale. An anchor
// without context (written by hand) is found only at its offset, or where
// its text occurs once in the whole text.
//
// Rebase moves the anchors of a text to an edited copy of it, when the old
// text is known: offsets before the edited stretch stay, those after it
// move by its change of length, those inside it are searched for.

// anchorContext is how many characters of context a TextAnchor keeps on
// each side.
const anchorContext = 16

// anchorAt returns the anchor of span [start, end) of text.
func anchorAt(text string, start, end int) *TextAnchor {
	return &TextAnchor{
		Text:   text[start:end],
		Start:  start,
		Before: lastRunes(text[:start], anchorContext),
		After:  firstRunes(text[end:], anchorContext),
	}
}

// find returns the span the anchor stands for in text, or why there is
// none.
func (a *TextAnchor) find(text string) (Span, string) {
	n := len(a.Text)
	full := len(a.Before) + len(a.After) // context bytes a perfect match shares
	at := a.Start
	if at >= 0 && at+n <= len(text) && text[at:at+n] == a.Text && (full == 0 || a.context(text, at, n).shared == full) {
		return Span{at, at + n}, ""
	}
	var all []int
	for from := 0; from <= len(text)-n; {
		i := strings.Index(text[from:], a.Text)
		if i < 0 {
			break
		}
		all = append(all, from+i)
		_, size := utf8.DecodeRuneInString(text[from+i:])
		from += i + size
	}
	if len(all) == 0 {
		return Span{}, "the words " + quoted(a.Text) + " are no longer in the text"
	}
	if full == 0 {
		if len(all) == 1 {
			return Span{all[0], all[0] + n}, ""
		}
		return Span{}, quoted(a.Text) + " is no longer at " + strconv.Itoa(a.Start) + " and occurs " + strconv.Itoa(len(all)) + " times"
	}
	best, tie := -1, false
	var bestFit contextFit
	for _, c := range all {
		fit := a.context(text, c, n)
		fit.distance = abs(c - a.Start)
		// Too little of its context is left: less than three quarters, or
		// at its own offset (moved there by Rebase, or never moved) less
		// than a quarter.
		if need := 3; fit.sides == 0 {
			if fit.distance == 0 {
				need = 1
			}
			if fit.shared*4 < full*need {
				continue
			}
		}
		switch {
		case best < 0 || fit.better(bestFit):
			best, bestFit, tie = c, fit, false
		case !bestFit.better(fit):
			tie = true
		}
	}
	switch {
	case best < 0:
		return Span{}, "the words around " + quoted(a.Text) + " have changed"
	case tie:
		return Span{}, quoted(a.Text) + " is ambiguous: two places fit it as well"
	}
	return Span{best, best + n}, ""
}

// contextFit is how well a place in the text fits an anchor's context.
type contextFit struct {
	sides    int // sides whose whole context is the same
	shared   int // bytes of context the same, both sides
	distance int // from the anchor's offset
}

func (f contextFit) better(g contextFit) bool {
	if f.sides != g.sides {
		return f.sides > g.sides
	}
	if f.shared != g.shared {
		return f.shared > g.shared
	}
	return f.distance < g.distance
}

// context measures how much of the anchor's context surrounds its text
// at [at, at+n) of text.
func (a *TextAnchor) context(text string, at, n int) contextFit {
	var f contextFit
	before := commonSuffix(text[:at], a.Before)
	after := commonPrefix(text[at+n:], a.After)
	if a.Before != "" && before == len(a.Before) {
		f.sides++
	}
	if a.After != "" && after == len(a.After) {
		f.sides++
	}
	f.shared = before + after
	return f
}

func commonPrefix(s, t string) int {
	i := 0
	for i < len(s) && i < len(t) && s[i] == t[i] {
		i++
	}
	return i
}

func commonSuffix(s, t string) int {
	i := 0
	for i < len(s) && i < len(t) && s[len(s)-1-i] == t[len(t)-1-i] {
		i++
	}
	return i
}

// findEntity returns the index in doc.Entities of the entity the anchor
// stands for, -1 and why when there is none: the one entity of its name
// and label; of several, the one with a mention nearest its start; of
// none, the entity of the same label whose mention starts at its start
// (a correction before this one may have renamed it).
func (a *EntityAnchor) findEntity(doc *Document) (int, string) {
	var named []int
	for i, e := range doc.Entities {
		if e.Name == a.Name && e.Label == a.Label {
			named = append(named, i)
		}
	}
	switch len(named) {
	case 1:
		return named[0], ""
	case 0:
		if m := mentionStartingAt(doc, a.Start); m >= 0 && doc.Mentions[m].Label == a.Label {
			return doc.Mentions[m].Entity, ""
		}
		return -1, "no entity " + quoted(a.Name) + " (" + string(a.Label) + ")"
	}
	best, bestDist, tie := -1, 0, false
	for _, e := range named {
		d := -1
		for _, m := range doc.Entities[e].Mentions {
			if x := abs(doc.Mentions[m].Start - a.Start); d < 0 || x < d {
				d = x
			}
		}
		switch {
		case best < 0 || d < bestDist:
			best, bestDist, tie = e, d, false
		case d == bestDist:
			tie = true
		}
	}
	if tie {
		return -1, "two entities are " + quoted(a.Name) + " (" + string(a.Label) + ")"
	}
	return best, ""
}

// entityAnchor returns the anchor of entity e of doc.
func entityAnchor(doc *Document, e int) *EntityAnchor {
	ent := doc.Entities[e]
	return &EntityAnchor{Name: ent.Name, Label: ent.Label, Start: doc.Mentions[ent.Mentions[0]].Start}
}

// mentionStartingAt returns the index of the mention starting at byte
// start, -1 if none.
func mentionStartingAt(doc *Document, start int) int {
	i := sort.Search(len(doc.Mentions), func(i int) bool { return doc.Mentions[i].Start >= start })
	if i < len(doc.Mentions) && doc.Mentions[i].Start == start {
		return i
	}
	return -1
}

// Rebase returns the corrections of oldText moved to newText, an edited
// copy of it: the anchors before the edited stretch (what the two texts
// do not share at their start and end) keep their offsets, those after
// it move with it, and those inside it keep theirs, to be searched for
// when the corrections are applied.
func (cs Corrections) Rebase(oldText, newText string) Corrections {
	p := 0
	for p < len(oldText) && p < len(newText) && oldText[p] == newText[p] {
		p++
	}
	for p > 0 && p < len(oldText) && !utf8.RuneStart(oldText[p]) {
		p--
	}
	s := 0
	for s < len(oldText)-p && s < len(newText)-p && oldText[len(oldText)-1-s] == newText[len(newText)-1-s] {
		s++
	}
	for s > 0 && !utf8.RuneStart(oldText[len(oldText)-s]) {
		s--
	}
	editEnd, delta := len(oldText)-s, len(newText)-len(oldText)
	move := func(start, end int) int {
		switch {
		case end <= p:
			return start
		case start >= editEnd:
			return start + delta
		}
		return min(start, len(newText))
	}
	text := func(a *TextAnchor) *TextAnchor {
		if a == nil {
			return nil
		}
		b := *a
		b.Start = move(a.Start, a.Start+len(a.Text))
		return &b
	}
	entity := func(a *EntityAnchor) *EntityAnchor {
		if a == nil {
			return nil
		}
		b := *a
		b.Start = move(a.Start, a.Start+1)
		return &b
	}
	out := make(Corrections, len(cs))
	for i, c := range cs {
		c.Mention, c.Quote = text(c.Mention), text(c.Quote)
		c.Entity, c.Into, c.Speaker = entity(c.Entity), entity(c.Into), entity(c.Speaker)
		out[i] = c
	}
	return out
}

// snapWindow is how far around a selection SnapSpan tokenizes the text.
const snapWindow = 4096

// SnapSpan turns a selection of text (UTF-8 byte offsets) into the span
// an added mention takes: whole tokens (a selection that cuts into a word
// takes the whole word), without the punctuation and white space at its
// edges (“Kim,” gives Kim). An empty selection takes the word it is in.
// It fails when the selection holds no word, number or symbol.
func SnapSpan(text string, start, end int) (Span, error) {
	start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
	if start > end {
		start, end = end, start
	}
	// Tokens never cross white space: tokenizing a stretch cut there gives
	// the tokens the whole text has.
	from := max(0, start-snapWindow)
	if i := strings.LastIndexAny(text[from:start], " \t\n"); i >= 0 {
		from += i + 1
	} else if from > 0 {
		from = start
		for from > 0 && !utf8.RuneStart(text[from]) {
			from--
		}
	}
	to := min(len(text), end+snapWindow)
	if i := strings.IndexAny(text[end:to], " \t\n"); i >= 0 {
		to = end + i
	} else if to < len(text) {
		to = end
		for to < len(text) && !utf8.RuneStart(text[to]) {
			to++
		}
	}
	var first, last *Token
	tokens := Tokenize(text[from:to])
	for i := range tokens {
		t := &tokens[i]
		t.Start += from
		t.End += from
		inside := t.End > start && t.Start < end || start == end && t.Start <= start && start < t.End
		if !inside || t.Kind == Punct {
			continue
		}
		if first == nil {
			first = t
		}
		last = t
	}
	if first == nil {
		return Span{}, errNoWord
	}
	return Span{first.Start, last.End}, nil
}

// tokensOf returns the tokens [first, end) that span s covers exactly,
// false when s starts or ends inside a token.
func tokensOf(doc *Document, s Span) (int, int, bool) {
	first := sort.Search(len(doc.Tokens), func(i int) bool { return doc.Tokens[i].Start >= s.Start })
	last := sort.Search(len(doc.Tokens), func(i int) bool { return doc.Tokens[i].End >= s.End })
	if first >= len(doc.Tokens) || last >= len(doc.Tokens) || doc.Tokens[first].Start != s.Start || doc.Tokens[last].End != s.End || last < first {
		return 0, 0, false
	}
	return first, last + 1, true
}

func quoted(s string) string { return "“" + shorten(s, 40) + "”" }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// errNoWord is SnapSpan's error for a selection of white space or
// punctuation.
var errNoWord = errors.New("the selection holds no word")
