package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"annotator/analyzer"
)

// The analyzer worker (worker.go) sends a finished run to the page in
// parts, each a message of bounded size, in the order wireKinds lists, and
// the page (worker_client.go) takes each in as it comes (wireAssembler):
// the main thread then never decodes more than one part at a stretch, a
// few milliseconds, whatever the text. What the page builds is what
// newAnnotation and exportable would have built from the whole result.

// Part kinds, in the order they are sent.
const (
	partHead       = "head"       // wireHead
	partSentences  = "sentences"  // []analyzer.SpanResult
	partEntities   = "entities"   // []wireEntity
	partQuotes     = "quotes"     // []wireQuote
	partMarks      = "marks"      // []int: entity, mention, entity, mention...
	partGroups     = "groups"     // wireGroup
	partViewQuotes = "viewquotes" // []quoteSpan
	partJSON       = "json"       // the result's JSON, sent when asked (the embed's answer)
)

// Budgets of a part: about 25-75 KB of JSON each, which the page's
// encoding/json (in wasm, about 1 MB/s on a busy 2-core machine) reads in
// well under 100 ms.
const (
	partSentencesMax = 1000
	partMentionsMax  = 500 // mentions of the entities in a part
	partQuoteBytes   = 32 << 10
	partMarksMax     = 2500
	partGroupMax     = 2500
	partSpansMax     = 1250
)

// wireHead is the first part: what is small, and the sizes of the rest.
type wireHead struct {
	Lang, Dateline         string
	LangSource, LangReason string
	Stats                  analyzer.StatsResult
	Terms                  []analyzer.TermResult
	Phrases                []analyzer.PhraseResult
	// Sentences, Entities, Quotes and Mentions are how many the parts
	// bring (Mentions: the document's).
	Sentences, Entities, Quotes, Mentions int
	Main                                  []int // indices in Result.Entities
	Pairs                                 []analyzer.Pair
	Tokens                                int
	Busy                                  time.Duration
}

// wireEntity is an entity of the result and the indices of its mentions
// in the document's Mentions.
type wireEntity struct {
	analyzer.EntityResult
	Doc []int
}

// wireQuote is a quote of the result and of the document.
type wireQuote struct {
	analyzer.QuoteResult
	Doc analyzer.Quote
}

// wireGroup is a stretch of the entities of one label, by index in
// Result.Entities, in the order the sidebar lists them.
type wireGroup struct {
	Label   analyzer.Label
	Members []int
}

// wirePart is one part: its kind and its JSON.
type wirePart struct {
	Kind string
	Data []byte
}

// encodeRun cuts a finished run into parts and hands each to send as it
// is made (the worker posts it at once: no more than one part's JSON is
// held at a time): doc and res are the analyzer's, a is
// newAnnotation(text, res). With withJSON the result's JSON comes last,
// whole. A part that cannot be encoded stops it.
func encodeRun(doc *analyzer.Document, res *analyzer.Result, a *annotation, tokens int, busy time.Duration, withJSON bool, send func(wirePart)) error {
	var failed error
	add := func(kind string, v any) {
		if failed != nil {
			return
		}
		data, err := json.Marshal(v)
		if err != nil {
			failed = fmt.Errorf("encode %s: %w", kind, err)
			return
		}
		send(wirePart{kind, data})
	}
	head := wireHead{
		Lang: res.Lang, Dateline: res.Dateline, LangSource: res.LangSource, LangReason: res.LangReason,
		Stats: res.Stats, Terms: res.Terms, Phrases: res.Phrases,
		Sentences: len(res.Sentences), Entities: len(res.Entities), Quotes: len(res.Quotes), Mentions: len(doc.Mentions),
		Pairs: a.Pairs, Tokens: tokens, Busy: busy,
	}
	for _, e := range a.Main {
		head.Main = append(head.Main, a.Entities[e.ID])
	}
	add(partHead, head)
	for from := 0; from < len(res.Sentences); from += partSentencesMax {
		add(partSentences, res.Sentences[from:min(from+partSentencesMax, len(res.Sentences))])
	}
	var batch []wireEntity
	mentions := 0
	for i, e := range res.Entities {
		batch = append(batch, wireEntity{e, doc.Entities[i].Mentions})
		if mentions += len(e.Mentions); mentions >= partMentionsMax || i == len(res.Entities)-1 {
			add(partEntities, batch)
			batch, mentions = nil, 0
		}
	}
	var quotes []wireQuote
	size := 0
	for i, q := range res.Quotes {
		quotes = append(quotes, wireQuote{q, doc.Quotes[i]})
		if size += len(q.Text) + len(q.SpeakerText) + 200; size >= partQuoteBytes || i == len(res.Quotes)-1 {
			add(partQuotes, quotes)
			quotes, size = nil, 0
		}
	}
	// A mark is a mention of an entity: its indices in the result.
	marks := make([]int, 0, 2*min(len(a.Marks), partMarksMax))
	for i, m := range a.Marks {
		marks = append(marks, int(m.EntityAt), int(m.MentionAt))
		if len(marks) == 2*partMarksMax || i == len(a.Marks)-1 {
			add(partMarks, marks)
			marks = marks[:0]
		}
	}
	for _, g := range a.Groups {
		var members []int
		for i, e := range g.Entities {
			members = append(members, a.Entities[e.ID])
			if len(members) == partGroupMax || i == len(g.Entities)-1 {
				add(partGroups, wireGroup{g.Label, members})
				members = nil
			}
		}
	}
	for from := 0; from < len(a.Quotes); from += partSpansMax {
		add(partViewQuotes, a.Quotes[from:min(from+partSpansMax, len(a.Quotes))])
	}
	if withJSON {
		add(partJSON, res)
	}
	return failed
}

// wireAssembler builds a run's annotation and exportable document from its
// parts, one part at a time.
type wireAssembler struct {
	text   string
	head   wireHead
	headed bool
	ann    *annotation
	res    *analyzer.Result
	doc    *analyzer.Document
	json   []byte
	groups map[analyzer.Label]int // index in ann.Groups
}

func newWireAssembler(text string) *wireAssembler {
	res := &analyzer.Result{}
	return &wireAssembler{
		text: text,
		res:  res,
		ann: &annotation{
			serial: serials.Add(1),
			Text:   text, Result: res,
			Counts: make(map[analyzer.Label]int), Names: make(map[string]string),
			Entities: make(map[string]int), Aliases: make(map[string][]string), Values: make(map[string][]dateValue),
		},
		groups: make(map[analyzer.Label]int),
	}
}

// errPartOrder is a part that came before the head, or one that does not
// fit what came before: a bug of the worker's, never the text's.
var errPartOrder = errors.New("the analyzer's answer came in out of order")

// add takes in one part.
func (w *wireAssembler) add(kind string, data []byte) error {
	if kind != partHead && !w.headed {
		return errPartOrder
	}
	switch kind {
	case partHead:
		if err := json.Unmarshal(data, &w.head); err != nil {
			return fmt.Errorf("read the analyzer's %s: %w", kind, err)
		}
		h := w.head
		w.headed = true
		*w.res = analyzer.Result{
			Lang: h.Lang, Dateline: h.Dateline, LangSource: h.LangSource, LangReason: h.LangReason,
			Stats: h.Stats, Terms: h.Terms, Phrases: h.Phrases,
			Sentences: make([]analyzer.SpanResult, 0, h.Sentences),
			Entities:  make([]analyzer.EntityResult, 0, h.Entities),
			Quotes:    make([]analyzer.QuoteResult, 0, h.Quotes),
		}
		// Result's arrays are never nil, as the analyzer's are not.
		if w.res.Terms == nil {
			w.res.Terms = []analyzer.TermResult{}
		}
		if w.res.Phrases == nil {
			w.res.Phrases = []analyzer.PhraseResult{}
		}
		w.doc = &analyzer.Document{
			Text: w.text, Lang: h.Lang, Dateline: h.Dateline, LangSource: h.LangSource, LangReason: h.LangReason,
			Mentions: make([]analyzer.Mention, h.Mentions),
			Entities: make([]analyzer.Entity, 0, h.Entities),
			Quotes:   make([]analyzer.Quote, 0, h.Quotes),
		}
		w.ann.Tokens = h.Tokens
		return nil
	case partSentences:
		var s []analyzer.SpanResult
		if err := json.Unmarshal(data, &s); err != nil {
			return fmt.Errorf("read the analyzer's %s: %w", kind, err)
		}
		w.res.Sentences = append(w.res.Sentences, s...)
	case partEntities:
		var es []wireEntity
		if err := json.Unmarshal(data, &es); err != nil {
			return fmt.Errorf("read the analyzer's %s: %w", kind, err)
		}
		for _, e := range es {
			if len(e.Doc) != len(e.Mentions) {
				return errPartOrder
			}
			i := len(w.res.Entities)
			w.res.Entities = append(w.res.Entities, e.EntityResult)
			w.ann.indexEntity(i, e.EntityResult, func() {})
			w.doc.Entities = append(w.doc.Entities, analyzer.Entity{ID: e.ID, Label: e.Label, Name: e.Name, Mentions: e.Doc, Salience: e.Salience})
			for j, at := range e.Doc {
				if at < 0 || at >= len(w.doc.Mentions) {
					return errPartOrder
				}
				m := e.Mentions[j]
				w.doc.Mentions[at] = analyzer.Mention{Span: analyzer.Span{Start: m.Start, End: m.End}, Label: e.Label, Entity: i, Value: m.Value, Unresolved: m.Unresolved}
			}
		}
	case partQuotes:
		var qs []wireQuote
		if err := json.Unmarshal(data, &qs); err != nil {
			return fmt.Errorf("read the analyzer's %s: %w", kind, err)
		}
		for _, q := range qs {
			w.res.Quotes = append(w.res.Quotes, q.QuoteResult)
			w.doc.Quotes = append(w.doc.Quotes, q.Doc)
		}
	case partMarks:
		var refs []int
		if err := json.Unmarshal(data, &refs); err != nil {
			return fmt.Errorf("read the analyzer's %s: %w", kind, err)
		}
		for k := 0; k+1 < len(refs); k += 2 {
			e, j := refs[k], refs[k+1]
			if e < 0 || e >= len(w.res.Entities) || j < 0 || j >= len(w.res.Entities[e].Mentions) {
				return errPartOrder
			}
			ent := &w.res.Entities[e]
			m := ent.Mentions[j]
			w.ann.Marks = append(w.ann.Marks, mark{Start: m.Start, End: m.End, EntityAt: int32(e), MentionAt: int32(j)})
			w.ann.Counts[ent.Label]++
		}
	case partGroups:
		var g wireGroup
		if err := json.Unmarshal(data, &g); err != nil {
			return fmt.Errorf("read the analyzer's %s: %w", kind, err)
		}
		at, ok := w.groups[g.Label]
		if !ok {
			at = len(w.ann.Groups)
			w.groups[g.Label] = at
			w.ann.Groups = append(w.ann.Groups, entityGroup{Label: g.Label})
		}
		for _, i := range g.Members {
			if i < 0 || i >= len(w.res.Entities) {
				return errPartOrder
			}
			w.ann.Groups[at].Entities = append(w.ann.Groups[at].Entities, w.res.Entities[i])
		}
	case partViewQuotes:
		var spans []quoteSpan
		if err := json.Unmarshal(data, &spans); err != nil {
			return fmt.Errorf("read the analyzer's %s: %w", kind, err)
		}
		w.ann.Quotes = append(w.ann.Quotes, spans...)
	case partJSON:
		w.json = data
	default:
		return fmt.Errorf("the analyzer sent a part of unknown kind %q", kind)
	}
	return nil
}

// finish returns the run once every part is in.
func (w *wireAssembler) finish() (runOutcome, error) {
	h := w.head
	if !w.headed || len(w.res.Sentences) != h.Sentences || len(w.res.Entities) != h.Entities || len(w.res.Quotes) != h.Quotes {
		return runOutcome{}, errPartOrder
	}
	for _, i := range h.Main {
		if i < 0 || i >= len(w.res.Entities) {
			return runOutcome{}, errPartOrder
		}
		w.ann.Main = append(w.ann.Main, w.res.Entities[i])
	}
	w.ann.Pairs = h.Pairs
	return runOutcome{Doc: w.doc, Result: w.res, Annotation: w.ann, Tokens: h.Tokens, Busy: h.Busy, JSON: w.json}, nil
}

// indexEntity adds entity i of the result to the maps newAnnotation
// builds, calling tick once a mention.
func (a *annotation) indexEntity(i int, e analyzer.EntityResult, tick func()) {
	a.Names[e.ID] = e.Name
	a.Entities[e.ID] = i
	if aliases := entityAliases(e, tick); len(aliases) > 0 {
		a.Aliases[e.ID] = aliases
	}
	if values := entityValues(e, tick); len(values) > 0 {
		a.Values[e.ID] = values
	}
}
