package ui

import (
	"cmp"
	"slices"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

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
	// Entities maps an entity id to its index in Result.Entities.
	Entities map[string]int
	// Aliases are each entity's other names in the text ("Kim Jong Un",
	// "Mr Kim" for Kim Jong-un), in order of first use.
	Aliases map[string][]string
	// Values are the ISO 8601 values of each date or time entity.
	Values map[string][]dateValue
	// Quotes are the quotes the view wraps in an element, in text order:
	// those no mark crosses.
	Quotes []quoteSpan
	// From is where the part of the text the view shows starts (see
	// shownPart); Text ends where it ends. MarkBase is the index of
	// Marks[0] among the whole text's marks.
	From, MarkBase int
	// Doc is what the exports need of the analyzer's document (see
	// exportable); nil when the result did not come from a document.
	Doc *analyzer.Document

	// Main and Pairs are what the pictures draw: the main named entities
	// and who is named with whom.
	Main  []analyzer.EntityResult
	Pairs []analyzer.Pair
	// Tokens and Elapsed describe the run, for the stats and the benchmark.
	Tokens  int
	Elapsed time.Duration

	// serial tells this annotation from every other one made (see
	// runRef).
	serial uint64
}

// runRef is a run handed to a component as a prop, by its annotation's
// serial. go-app compares a component's fields with reflect.DeepEqual on
// each render of its parent: given the annotation itself, two runs over
// the same text were compared mark by mark (364 ms for the 20,000
// numbers); the serial tells them apart at once, and the same pointer ends
// the comparison of one run with itself.
type runRef struct {
	serial uint64
	ann    *annotation
}

// refOf is the runRef of a (the zero runRef for none).
func refOf(a *annotation) runRef {
	if a == nil {
		return runRef{}
	}
	return runRef{a.serial, a}
}

// serials numbers the annotations made.
var serials atomic.Uint64

// mark is a highlighted mention: bytes [Start, End) of the text, the
// EntityAt'th entity of the result and its MentionAt'th mention (a long
// text has a mark for each of hundreds of thousands of mentions: 24 bytes
// each, not 88 with the entity's and mention's fields copied in).
type mark struct {
	Start, End          int
	EntityAt, MentionAt int32
}

// entityOf is the entity m marks.
func (a *annotation) entityOf(m mark) *analyzer.EntityResult { return &a.Result.Entities[m.EntityAt] }

// mentionOf is the mention m marks.
func (a *annotation) mentionOf(m mark) *analyzer.MentionResult {
	return &a.Result.Entities[m.EntityAt].Mentions[m.MentionAt]
}

// dateValue is one ISO 8601 value of a date or time entity.
type dateValue struct {
	Value      string
	Unresolved bool // a relative date with no dateline to resolve it against
}

// quoteSpan is a quote of the view: bytes [Start, End) and its index in
// Result.Quotes.
type quoteSpan struct {
	Start, End int
	Index      int
	Kind       string // direct, reported or mixed
}

// entityGroup is the entities of one label.
type entityGroup struct {
	Label    analyzer.Label
	Entities []analyzer.EntityResult
}

// newAnnotation indexes the analyzer's result for text.
func newAnnotation(text string, res *analyzer.Result) *annotation {
	return buildAnnotation(text, res, func() {})
}

// buildAnnotation is newAnnotation, calling tick once a mention in its long
// loops (a long run pauses there, see slicer).
func buildAnnotation(text string, res *analyzer.Result, tick func()) *annotation {
	a := &annotation{
		serial:   serials.Add(1),
		Text:     text,
		Result:   res,
		Counts:   make(map[analyzer.Label]int),
		Names:    make(map[string]string, len(res.Entities)),
		Entities: make(map[string]int, len(res.Entities)),
		Aliases:  make(map[string][]string),
		Values:   make(map[string][]dateValue),
	}
	byLabel := make(map[analyzer.Label][]analyzer.EntityResult)
	mentions := 0
	for _, e := range res.Entities {
		mentions += len(e.Mentions)
	}
	a.Marks = make([]mark, 0, mentions)
	for i, e := range res.Entities {
		a.indexEntity(i, e, tick)
		byLabel[e.Label] = append(byLabel[e.Label], e)
		for j, m := range e.Mentions {
			tick()
			a.Marks = append(a.Marks, mark{Start: m.Start, End: m.End, EntityAt: int32(i), MentionAt: int32(j)})
		}
	}
	tick()
	a.Marks = nonOverlapping(a.Marks, len(text))
	tick()
	a.Main = analyzer.MainEntities(res.Entities, maxMainEntities)
	a.Pairs = analyzer.Cooccurrences(res.Sentences, a.Main)
	tick()
	a.Quotes = wrappableQuotes(res.Quotes, a.Marks, len(text))
	for _, m := range a.Marks {
		tick()
		a.Counts[res.Entities[m.EntityAt].Label]++
	}
	for _, l := range analyzer.Labels {
		es := byLabel[l]
		if len(es) == 0 {
			continue
		}
		// The most salient first; entities come in order of first mention:
		// keep it among equals.
		slices.SortStableFunc(es, func(x, y analyzer.EntityResult) int {
			if c := cmp.Compare(y.Salience, x.Salience); c != 0 {
				return c
			}
			return cmp.Compare(len(y.Mentions), len(x.Mentions))
		})
		a.Groups = append(a.Groups, entityGroup{Label: l, Entities: es})
	}
	return a
}

// nonOverlapping sorts marks by position and drops any that overlap an
// earlier one or fall outside a text of n bytes. The analyzer promises
// neither happens; the view must stay a faithful copy of the text if it does.
//
// The order is total (start, then the longer first, then entity), so an
// unstable sort gives one result: a stable sort of 200,000 marks moved them
// about a second in the wasm.
func nonOverlapping(marks []mark, n int) []mark {
	slices.SortFunc(marks, func(x, y mark) int {
		if c := cmp.Compare(x.Start, y.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(y.End, x.End); c != 0 {
			return c
		}
		return cmp.Compare(x.EntityAt, y.EntityAt)
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

// entityAliases returns the texts an entity is mentioned by other than its
// name, each once, in order of first use. Line breaks inside a mention show
// as spaces.
func entityAliases(e analyzer.EntityResult, tick func()) []string {
	seen := map[string]bool{oneLine(e.Name): true}
	var aliases []string
	for _, m := range e.Mentions {
		tick()
		t := oneLine(m.Text)
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		aliases = append(aliases, t)
	}
	return aliases
}

// entityValues returns the distinct values of a date or time entity's
// mentions, in order of first use.
func entityValues(e analyzer.EntityResult, tick func()) []dateValue {
	var values []dateValue
	for _, m := range e.Mentions {
		tick()
		v := dateValue{m.Value, m.Unresolved}
		if m.Value != "" && !slices.Contains(values, v) {
			values = append(values, v)
		}
	}
	return values
}

// oneLine joins the words of s with single spaces. Most mentions are one
// line already: they come back as they are, without a copy (the index of a
// long text calls it once a mention).
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isOneLine reports whether s is words of ASCII or other non-space
// characters joined by single ASCII spaces.
func isOneLine(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i, r := range s {
		if r == ' ' && s[i+1] == ' ' || r != ' ' && unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// wrappableQuotes returns the quotes the view can wrap in an element: inside
// a text of n bytes, overlapping no earlier quote, and crossed by no mark
// (each mark wholly inside or outside), so that the view stays a faithful
// copy of the text.
func wrappableQuotes(quotes []analyzer.QuoteResult, marks []mark, n int) []quoteSpan {
	var spans []quoteSpan
	for i, q := range quotes {
		spans = append(spans, quoteSpan{Start: q.Start, End: q.End, Index: i, Kind: q.Kind})
	}
	slices.SortStableFunc(spans, func(x, y quoteSpan) int { return cmp.Compare(x.Start, y.Start) })
	kept := spans[:0]
	end := 0
	for _, q := range spans {
		if q.Start < end || q.Start >= q.End || q.End > n || crossed(q, marks) {
			continue
		}
		kept = append(kept, q)
		end = q.End
	}
	return kept
}

// crossed reports whether a mark starts inside q and ends outside it, or
// the other way round. marks are sorted and do not overlap.
func crossed(q quoteSpan, marks []mark) bool {
	// The first mark ending after the quote starts.
	i, _ := slices.BinarySearchFunc(marks, q.Start, func(m mark, start int) int {
		return cmp.Compare(m.End, start+1)
	})
	for ; i < len(marks) && marks[i].Start < q.End; i++ {
		m := marks[i]
		if m.Start < q.Start || m.End > q.End {
			return true
		}
	}
	return false
}

// markAt returns the index of the mark starting at byte start, -1 if none.
func (a *annotation) markAt(start int) int {
	i, ok := slices.BinarySearchFunc(a.Marks, start, func(m mark, s int) int { return cmp.Compare(m.Start, s) })
	if !ok {
		return -1
	}
	return i
}

// entity returns the entity with the id, false if there is none.
func (a *annotation) entity(id string) (analyzer.EntityResult, bool) {
	if a == nil {
		return analyzer.EntityResult{}, false
	}
	i, ok := a.Entities[id]
	if !ok {
		return analyzer.EntityResult{}, false
	}
	return a.Result.Entities[i], true
}
