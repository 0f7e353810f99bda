package analyzer

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"

	"annotator/analyzer/lang"
	"annotator/analyzer/letters"
)

// errIncomplete is ApplyCorrections's error for a document without the
// tokens its mentions and terms are made of (one cut down for export).
var errIncomplete = errors.New("corrections need the whole annotated document, its tokens included: annotate the text again")

// errCorrectedOtherwise is its error for a document corrected already by
// a list that does not begin the one given (an undo, say).
var errCorrectedOtherwise = errors.New("the document has other corrections already: apply the list to the analyzer's own document")

// ApplyCorrections returns a copy of doc with the corrections applied in
// order, and everything that depends on entities made again by the
// pipeline's own stages: entity ids (e1, e2… in order of first mention) and
// names, date values and the dateline, salience, key terms (the words of
// names are no terms), stats. Quote speakers follow their entities
// through merges, relabels and splits. doc is not changed; it must be a
// whole document, as Annotate and Job give it (tokens included), or one
// ApplyCorrections returned for the first of the corrections, which are
// not applied again.
//
// The result's Corrections hold every correction, anchored where it was
// found in this text (what to store and apply again), with why it changed
// nothing when it is stale. Applying the same list to the same document
// gives the same result, and applying it again to its own result changes
// nothing (it holds them: none is applied twice). A correction whose
// change is made already (a new run of the analyzer found what it adds,
// say) changes nothing and is not stale. opts gives the language pack for the key terms (Pack, Vocab;
// else the pack of doc.Lang).
func ApplyCorrections(doc *Document, cs Corrections, opts Options) (*Document, error) {
	out, _, err := applyCorrections(doc, cs, opts)
	return out, err
}

// applyCorrections is ApplyCorrections, saying also which corrections
// changed something.
func applyCorrections(doc *Document, cs Corrections, opts Options) (*Document, []bool, error) {
	if doc == nil {
		return nil, nil, errors.New("no document to correct")
	}
	if err := cs.Validate(); err != nil {
		return nil, nil, err
	}
	if len(doc.Tokens) == 0 && len(Tokenize(firstRunes(doc.Text, 4096))) > 0 {
		return nil, nil, errIncomplete
	}
	for _, m := range doc.Mentions {
		if m.EndToken > len(doc.Tokens) || m.Entity >= len(doc.Entities) {
			return nil, nil, errIncomplete
		}
	}
	vocab, giveBack := correctionVocab(doc, opts)
	defer giveBack()
	// A document corrected already holds the first of the corrections:
	// only those after them are applied.
	done := len(doc.Corrections)
	if done > len(cs) || done > 0 && !reflect.DeepEqual(Applied(doc.Corrections), cs[:done]) {
		return nil, nil, errCorrectedOtherwise
	}
	w := newCorrecting(doc)
	results := make([]CorrectionResult, len(cs))
	changed := make([]bool, len(cs))
	copy(results, doc.Corrections)
	for i := done; i < len(cs); i++ {
		results[i], changed[i] = w.apply(cs[i])
	}
	w.finish(vocab)
	if len(cs) > 0 {
		w.doc.Corrections = results
	}
	return w.doc, changed, nil
}

// correctionVocab is the view of the language pack the key terms are
// found again with: the caller's, or one borrowed from the pack (its words
// stemmed already by the jobs before), given back by giveBack.
func correctionVocab(doc *Document, opts Options) (vocab *lang.Vocab, giveBack func()) {
	pack := opts.Pack
	if pack == nil {
		pack = doc.language() // the pack it was annotated with
	}
	if opts.Vocab != nil && opts.Vocab.Pack() == pack {
		return opts.Vocab, func() {}
	}
	vocab = pack.BorrowVocab()
	return vocab, func() { pack.ReturnVocab(vocab) }
}

// correcting is a document under correction. Between corrections its
// entities are whole (regroup); within one, a mention's Entity may be a
// new group number (newGroup) that regroup turns into an entity.
type correcting struct {
	doc   *Document
	fresh int // the next new group number
}

func newCorrecting(doc *Document) *correcting {
	c := *doc
	c.Mentions = append([]Mention(nil), doc.Mentions...)
	c.Quotes = append([]Quote(nil), doc.Quotes...)
	c.Corrections = nil
	w := &correcting{doc: &c}
	w.regroup()
	return w
}

func (w *correcting) newGroup() int {
	w.fresh++
	return w.fresh - 1
}

// regroup makes the entities again from the mentions' groups, numbered in
// order of first mention, and moves the quotes' speakers with them: a
// speaker whose group has no mention left is known by words only.
func (w *correcting) regroup() {
	doc := w.doc
	index := make(map[int]int, len(doc.Entities))
	entities := make([]Entity, 0, len(doc.Entities))
	for i := range doc.Mentions {
		m := &doc.Mentions[i]
		e, ok := index[m.Entity]
		if !ok {
			e = len(entities)
			index[m.Entity] = e
			entities = append(entities, Entity{ID: "e" + strconv.Itoa(e+1), Label: m.Label})
		}
		m.Entity = e
		entities[e].Mentions = append(entities[e].Mentions, i)
	}
	for e := range entities {
		entities[e].Name = canonicalName(doc, entities[e].Mentions, nil)
	}
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		if q.Speaker < 0 {
			continue
		}
		if e, ok := index[q.Speaker]; ok {
			q.Speaker = e
		} else {
			q.Speaker = -1
		}
	}
	doc.Entities = entities
	w.fresh = len(entities)
}

// finish computes again what depends on the entities, with the pipeline's
// stages.
func (w *correcting) finish(vocab *lang.Vocab) {
	doc := w.doc
	for i := range doc.Mentions {
		if m := &doc.Mentions[i]; m.Label != DATE && m.Label != TIME {
			m.Value, m.Unresolved = "", false
		}
	}
	resolveDates(doc)
	rankEntities(doc)
	doc.Terms, doc.Phrases = keyTerms(doc, vocab, nil)
	doc.Stats = countStats(doc)
}

// apply applies one correction: its result (anchors where found, or why
// it is stale) and whether it changed anything.
func (w *correcting) apply(c Correction) (CorrectionResult, bool) {
	r := CorrectionResult{Correction: c}
	var changed bool
	switch c.Op {
	case RelabelMention:
		changed, r.Stale = w.relabelMention(&r, c)
	case RelabelEntity:
		changed, r.Stale = w.relabelEntity(&r, c)
	case Merge:
		changed, r.Stale = w.merge(&r, c)
	case Split:
		changed, r.Stale = w.split(&r, c)
	case RemoveEntity:
		changed, r.Stale = w.removeEntity(&r, c)
	case RemoveMention:
		changed, r.Stale = w.removeMention(&r, c)
	case Add:
		changed, r.Stale = w.add(&r, c)
	case SetSpeaker:
		changed, r.Stale = w.setSpeaker(&r, c)
	case RemoveSpeaker:
		changed, r.Stale = w.removeSpeaker(&r, c)
	default:
		r.Stale = "unknown op " + quoted(string(c.Op))
	}
	if r.Stale != "" || !changed {
		// As given: anchors are moved to where they were found only by a
		// correction that changed something, so that a list applied again
		// to its own result stays the same list.
		r.Correction = c
		return r, false
	}
	w.regroup()
	return r, true
}

// mention finds the mention a text anchor stands for: its index, its
// anchor in this text (nil when its words are gone) and why there is
// none.
func (w *correcting) mention(a *TextAnchor) (int, *TextAnchor, string) {
	span, why := a.find(w.doc.Text)
	if why != "" {
		return -1, nil, why
	}
	found := anchorAt(w.doc.Text, span.Start, span.End)
	if m := mentionStartingAt(w.doc, span.Start); m >= 0 && w.doc.Mentions[m].End == span.End {
		return m, found, ""
	}
	return -1, found, "no mention is " + quoted(a.Text) + " any more"
}

// entity finds the entity an anchor stands for and its anchor now.
func (w *correcting) entity(a *EntityAnchor) (int, *EntityAnchor, string) {
	e, why := a.findEntity(w.doc)
	if why != "" {
		return -1, nil, why
	}
	return e, entityAnchor(w.doc, e), ""
}

func (w *correcting) relabelMention(r *CorrectionResult, c Correction) (bool, string) {
	m, anchor, why := w.mention(c.Mention)
	if why != "" {
		return false, why
	}
	r.Mention = anchor
	if w.doc.Mentions[m].Label == c.Label {
		return false, ""
	}
	w.setLabel(m, c.Label)
	return true, ""
}

// setLabel gives mention m the label: it leaves its entity for the first
// of that label with a mention of the same name (the key the analyzer
// groups names by), or for one of its own; quotes attributed by its words
// go with it.
func (w *correcting) setLabel(m int, label Label) {
	doc := w.doc
	mention := &doc.Mentions[m]
	from := mention.Entity
	mention.Label, mention.Corrected = label, true
	to := w.groupNamed(mentionKey(doc, *mention), label, m)
	if to < 0 {
		to = w.newGroup()
	}
	mention.Entity = to
	w.followWords(mention.Span, from, to)
}

// groupNamed returns the group of the first mention but skip with the
// label and key, -1 if none.
func (w *correcting) groupNamed(key string, label Label, skip int) int {
	if key == "" {
		return -1
	}
	for i, m := range w.doc.Mentions {
		if i != skip && m.Label == label && mentionKey(w.doc, m) == key {
			return m.Entity
		}
	}
	return -1
}

// mentionKey is what the analyzer groups a mention by: for a name its
// words without spelling (nameKey), for a date or number its text in
// lower case; "" for a name without words.
func mentionKey(doc *Document, m Mention) string {
	text := doc.SpanText(m.Span)
	if !m.Label.IsName() {
		return string(m.Label) + "/" + letters.Lower(text)
	}
	words := nameWords(text, m.Label)
	if len(words) == 0 {
		return ""
	}
	return string(m.Label) + "/" + nameKey(words)
}

// followWords makes group to the speaker of the quotes of group from that
// are attributed by exactly the words of span.
func (w *correcting) followWords(span Span, from, to int) {
	for i := range w.doc.Quotes {
		if q := &w.doc.Quotes[i]; q.Speaker == from && q.Attribution == span {
			q.Speaker = to
		}
	}
}

func (w *correcting) relabelEntity(r *CorrectionResult, c Correction) (bool, string) {
	doc := w.doc
	e, anchor, why := w.entity(c.Entity)
	if why != "" {
		if m := mentionStartingAt(doc, c.Entity.Start); m >= 0 && doc.Mentions[m].Label == c.Label {
			return false, "" // relabelled already
		}
		return false, why
	}
	r.Entity = anchor
	if doc.Entities[e].Label == c.Label {
		return false, ""
	}
	keys := map[string]bool{}
	for _, m := range doc.Entities[e].Mentions {
		mention := &doc.Mentions[m]
		mention.Label, mention.Corrected = c.Label, true
		if k := mentionKey(doc, *mention); k != "" {
			keys[k] = true
		}
	}
	// An entity of the new label with the same name takes it in.
	for _, m := range doc.Mentions {
		if m.Entity != e && m.Label == c.Label && keys[mentionKey(doc, m)] {
			w.moveEntity(e, m.Entity)
			break
		}
	}
	return true, ""
}

// moveEntity moves every mention of entity e into group to, with its
// label, and the quotes e speaks with them.
func (w *correcting) moveEntity(e, to int) {
	doc := w.doc
	label := doc.Mentions[doc.Entities[to].Mentions[0]].Label
	for _, m := range doc.Entities[e].Mentions {
		mention := &doc.Mentions[m]
		mention.Entity, mention.Label, mention.Corrected = to, label, true
	}
	for i := range doc.Quotes {
		if doc.Quotes[i].Speaker == e {
			doc.Quotes[i].Speaker = to
		}
	}
}

func (w *correcting) merge(r *CorrectionResult, c Correction) (bool, string) {
	doc := w.doc
	into, intoAnchor, why := w.entity(c.Into)
	if why != "" {
		return false, why
	}
	e, anchor, why := w.entity(c.Entity)
	if why != "" {
		if m := mentionStartingAt(doc, c.Entity.Start); m >= 0 && doc.Mentions[m].Entity == into {
			r.Into = intoAnchor
			return false, "" // merged already
		}
		return false, why
	}
	r.Entity, r.Into = anchor, intoAnchor
	if e == into {
		return false, ""
	}
	w.moveEntity(e, into)
	return true, ""
}

func (w *correcting) split(r *CorrectionResult, c Correction) (bool, string) {
	m, anchor, why := w.mention(c.Mention)
	if why != "" {
		return false, why
	}
	r.Mention = anchor
	mention := &w.doc.Mentions[m]
	from := mention.Entity
	if len(w.doc.Entities[from].Mentions) == 1 {
		return false, "" // alone in its entity already
	}
	mention.Entity, mention.Corrected = w.newGroup(), true
	w.followWords(mention.Span, from, mention.Entity)
	return true, ""
}

func (w *correcting) removeEntity(r *CorrectionResult, c Correction) (bool, string) {
	doc := w.doc
	e, anchor, why := w.entity(c.Entity)
	if why != "" {
		if m := mentionStartingAt(doc, c.Entity.Start); m >= 0 {
			other := doc.Entities[doc.Mentions[m].Entity]
			return false, why + "; the mention there is of " + quoted(other.Name) + " (" + string(other.Label) + ")"
		}
		return false, "" // removed already
	}
	r.Entity = anchor
	kept := doc.Mentions[:0]
	for _, m := range doc.Mentions {
		if m.Entity != e {
			kept = append(kept, m)
		}
	}
	doc.Mentions = kept
	return true, ""
}

func (w *correcting) removeMention(r *CorrectionResult, c Correction) (bool, string) {
	m, anchor, why := w.mention(c.Mention)
	if anchor == nil {
		return false, why // its words are gone
	}
	r.Mention = anchor
	if m < 0 {
		return false, "" // no mention there: removed already
	}
	w.doc.Mentions = append(w.doc.Mentions[:m], w.doc.Mentions[m+1:]...)
	return true, ""
}

func (w *correcting) add(r *CorrectionResult, c Correction) (bool, string) {
	doc := w.doc
	span, why := c.Mention.find(doc.Text)
	if why != "" {
		return false, why
	}
	r.Mention = anchorAt(doc.Text, span.Start, span.End)
	first, end, ok := tokensOf(doc, span)
	if !ok {
		return false, quoted(c.Mention.Text) + " is no longer whole words"
	}
	if sentenceOf(doc, first).EndToken < end {
		return false, quoted(c.Mention.Text) + " runs over the end of a sentence"
	}
	label, into := c.Label, -1
	if c.Into != nil {
		var anchor *EntityAnchor
		if into, anchor, why = w.entity(c.Into); why != "" {
			return false, why
		}
		r.Into = anchor
		label = doc.Entities[into].Label
	}
	if m := mentionStartingAt(doc, span.Start); m >= 0 && doc.Mentions[m].End == span.End {
		mention := &doc.Mentions[m]
		switch {
		case into >= 0 && mention.Entity == into, into < 0 && mention.Label == label:
			return false, "" // there already
		case into < 0:
			w.setLabel(m, label)
		default:
			from := mention.Entity
			mention.Entity, mention.Label, mention.Corrected = into, label, true
			w.followWords(span, from, into)
		}
		return true, ""
	}
	// The mentions it overlaps give way.
	lo := sort.Search(len(doc.Mentions), func(i int) bool { return doc.Mentions[i].End > span.Start })
	hi := sort.Search(len(doc.Mentions), func(i int) bool { return doc.Mentions[i].Start >= span.End })
	replaced := append([]Mention(nil), doc.Mentions[lo:hi]...)
	doc.Mentions = append(doc.Mentions[:lo], doc.Mentions[hi:]...)
	added := Mention{Span: span, FirstToken: first, EndToken: end, Label: label, Entity: into, Corrected: true}
	if into < 0 {
		if added.Entity = w.groupNamed(mentionKey(doc, added), label, -1); added.Entity < 0 {
			added.Entity = w.newGroup()
		}
	}
	doc.Mentions = append(doc.Mentions, Mention{})
	copy(doc.Mentions[lo+1:], doc.Mentions[lo:])
	doc.Mentions[lo] = added
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		for _, old := range replaced {
			if q.Attribution == old.Span && q.Speaker == old.Entity {
				q.Speaker, q.Attribution = added.Entity, span
			}
		}
		// Words no entity covered, ending with the new mention: the
		// analyzer's own rule (the harbour board said → the board).
		if q.Speaker < 0 && q.Attribution.Start >= 0 && q.Attribution.Start <= span.Start && span.End == q.Attribution.End {
			q.Speaker = added.Entity
		}
	}
	return true, ""
}

// quote finds the quote a text anchor stands for.
func (w *correcting) quote(a *TextAnchor) (int, *TextAnchor, string) {
	span, why := a.find(w.doc.Text)
	if why != "" {
		return -1, nil, why
	}
	for i, q := range w.doc.Quotes {
		if q.Span == span {
			return i, anchorAt(w.doc.Text, span.Start, span.End), ""
		}
	}
	return -1, nil, "no quote is " + quoted(a.Text) + " any more"
}

func (w *correcting) setSpeaker(r *CorrectionResult, c Correction) (bool, string) {
	q, anchor, why := w.quote(c.Quote)
	if why != "" {
		return false, why
	}
	s, speaker, why := w.entity(c.Speaker)
	if why != "" {
		return false, why
	}
	r.Quote, r.Speaker = anchor, speaker
	quote := &w.doc.Quotes[q]
	if quote.Speaker == s {
		return false, ""
	}
	// The user's choice: no words of the text attribute it any more, so
	// that no later correction moves it.
	quote.Speaker, quote.Attribution, quote.Corrected = s, Span{-1, -1}, true
	return true, ""
}

func (w *correcting) removeSpeaker(r *CorrectionResult, c Correction) (bool, string) {
	q, anchor, why := w.quote(c.Quote)
	if why != "" {
		return false, why
	}
	r.Quote = anchor
	quote := &w.doc.Quotes[q]
	if quote.Speaker < 0 && quote.Attribution.Start < 0 {
		return false, ""
	}
	quote.Speaker, quote.Attribution, quote.Corrected = -1, Span{-1, -1}, true
	return true, ""
}

// String says what the correction result is, stale or not.
func (r CorrectionResult) String() string {
	if r.Stale != "" {
		return fmt.Sprintf("%s (not applied: %s)", r.Correction, r.Stale)
	}
	return r.Correction.String()
}
