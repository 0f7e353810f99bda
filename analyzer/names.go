package analyzer

import (
	"slices"
	"time"

	"annotator/analyzer/gazetteer"
	"annotator/analyzer/lang"
	"annotator/analyzer/tagger"
)

// NameRecognizer finds PER, ORG, LOC and MISC mentions in a tokenized,
// sentence-split and stemmed document. Mentions it returns must be sorted,
// must not overlap, and must start and end on token boundaries; their Entity
// field is ignored.
type NameRecognizer interface {
	RecognizeNames(doc *Document) []Mention
}

// DefaultNames recognises English names with the English pack's tagger
// model, loaded on first use. A job with Options.Names nil uses its
// language pack's model the same way, through a tagger of its own
// (jobNames; see lang.Pack.Tagger).
var DefaultNames NameRecognizer = packNames{englishPack}

// TaggerNames recognises names with a trained tagger model.
type TaggerNames struct {
	Model *tagger.Model
}

// RecognizeNames tags the document's sentences with the model.
func (n TaggerNames) RecognizeNames(doc *Document) []Mention {
	tdoc := TaggerDoc(doc)
	return tagNames(doc, &tdoc, n.Model.Tag)
}

// tagNames tags doc, whose tagger's view is tdoc, with tag.
func tagNames(doc *Document, tdoc *tagger.Doc, tag func(*tagger.Doc) []tagger.Mention) []Mention {
	if doc.pace != nil {
		tdoc.Pause = doc.pace.tick
	}
	found := tag(tdoc)
	out := make([]Mention, len(found))
	for i, m := range found {
		out[i] = Mention{
			Span:       Span{doc.Tokens[m.First].Start, doc.Tokens[m.End-1].End},
			FirstToken: m.First,
			EndToken:   m.End,
			Label:      labelOf(m.Type),
		}
	}
	return out
}

// TaggerDoc is the tagger's view of doc: its tokens, their stems and its
// sentences (training uses it too, so both see the same input).
func TaggerDoc(doc *Document) tagger.Doc {
	var td tagger.Doc
	fillTaggerDoc(&td, doc)
	return td
}

// fillTaggerDoc makes td the tagger's view of doc, reusing its slices.
func fillTaggerDoc(td *tagger.Doc, doc *Document) {
	td.Text, td.Pause = doc.Text, nil
	td.Tokens = slices.Grow(td.Tokens[:0], len(doc.Tokens))
	for _, t := range doc.Tokens {
		td.Tokens = append(td.Tokens, tagger.Token{Start: t.Start, End: t.End, Stem: t.Stem})
	}
	td.Sentences = slices.Grow(td.Sentences[:0], len(doc.Sentences))
	for _, s := range doc.Sentences {
		td.Sentences = append(td.Sentences, tagger.Range{First: s.FirstToken, End: s.EndToken})
	}
}

func labelOf(t tagger.Type) Label {
	switch t {
	case tagger.PER:
		return PER
	case tagger.ORG:
		return ORG
	case tagger.LOC:
		return LOC
	}
	return MISC
}

// packNames recognises names with a language pack's tagger model: the
// pack's name recogniser hook.
type packNames struct{ pack *lang.Pack }

// RecognizeNames uses the pack's model. A model that fails to load is a
// build defect caught by the tagger's tests; here it finds no names rather
// than crash the app.
func (n packNames) RecognizeNames(doc *Document) []Mention {
	m, err := n.pack.Tagger()
	if err != nil {
		return nil
	}
	return TaggerNames{m}.RecognizeNames(doc)
}

// jobNames is packNames for one job: its chunks share one tagger and one
// view of the document, so a long text's chunks reuse their buffers
// rather than allocate them again (its peak memory was half garbage).
type jobNames struct {
	pack   *lang.Pack
	tagger *tagger.Tagger // borrowed at the first chunk, with its Doc
}

// release gives the job's tagger back to its model once the job is done.
func (n *jobNames) release() {
	if n.tagger != nil {
		n.tagger.GiveBack()
		n.tagger = nil
	}
}

func (n *jobNames) RecognizeNames(doc *Document) []Mention {
	if n.tagger == nil {
		m, err := n.pack.Tagger()
		if err != nil {
			return nil // as packNames
		}
		n.tagger = m.BorrowTagger()
	}
	tdoc := n.tagger.Doc()
	fillTaggerDoc(tdoc, doc)
	return tagNames(doc, tdoc, n.tagger.Tag)
}

// englishPack is the built-in English pack.
var englishPack, _ = lang.Get("en")

// nameParticles join the parts of a person's name: Ursula von der Leyen,
// Erik ten Hag, Osama bin Laden. The tagger learnt from 1996 news, where
// such names are rare, and splits them or misses them.
var nameParticles = set("van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la",
	"le", "ten", "ter", "bin", "ibn", "zu", "dos", "das")

// joinNameParticles makes one PER mention of a name written with lower-case
// particles between capitalised words, when the recogniser tagged a part of
// it as a person, or when it begins with a first name (not also a place) and
// the recogniser did not tag it whole. Mentions must be sorted and not
// overlap; so is the result.
func joinNameParticles(doc *Document, mentions []Mention) []Mention {
	// cover[k] is the index of the mention that covers token k, or -1.
	var cover []int32
	var joined []Mention // sorted, apart: merged into mentions at the end
	capitalised := func(k int) bool {
		return doc.Tokens[k].Kind == Word && startsUpper(doc.TokenText(k))
	}
	for _, s := range doc.Sentences {
		for p := s.FirstToken + 1; p < s.EndToken-1; p++ {
			if !nameParticles[doc.TokenText(p)] || !capitalised(p-1) {
				continue
			}
			q := p + 1
			for q < s.EndToken && q-p < 2 && nameParticles[doc.TokenText(q)] {
				q++
			}
			if q >= s.EndToken || !capitalised(q) {
				continue
			}
			if cover == nil {
				cover = mentionCover(doc, mentions)
			}
			// The name's start: the capitalised words before the particle
			// that are a mention's or first names, titles left out (Mr van
			// Gaal is van Gaal), none of a name joined before.
			from := s.FirstToken
			if n := len(joined); n > 0 {
				from = max(from, joined[n-1].EndToken)
			}
			first := p - 1
			if first < from {
				continue
			}
			if isTitle(doc, first) {
				first = p
			}
			for first-1 >= from && p-first < 3 && capitalised(first-1) && !isTitle(doc, first-1) &&
				(cover[first-1] >= 0 || gazetteerKinds(doc, first-1)&(1<<gazetteer.FirstName) != 0) {
				first--
			}
			end := q + 1
			if c := cover[q]; c >= 0 {
				end = max(end, mentions[c].EndToken)
			}
			if !isPersonWithParticles(doc, mentions, cover, first, end) {
				continue
			}
			joined = append(joined, Mention{
				Span:       Span{doc.Tokens[first].Start, doc.Tokens[end-1].End},
				FirstToken: first,
				EndToken:   end,
				Label:      PER,
			})
			p = end - 1
		}
	}
	if len(joined) == 0 {
		return mentions
	}
	return mergeMentions(joined, mentions) // the joined names win over the parts inside them
}

// isPersonWithParticles decides for tokens [first, end), a name with
// particles: every mention touching it lies inside it, and one of them is a
// person, or none covers it whole and it begins with a first name that is
// not also a place.
func isPersonWithParticles(doc *Document, mentions []Mention, cover []int32, first, end int) bool {
	person, whole := false, false
	for k := first; k < end; k++ {
		c := cover[k]
		if c < 0 {
			continue
		}
		m := mentions[c]
		if m.FirstToken < first || m.EndToken > end {
			return false
		}
		person = person || m.Label == PER
		whole = whole || (m.FirstToken == first && m.EndToken == end)
	}
	if person {
		return true
	}
	if nameParticles[doc.TokenText(first)] {
		return false // after a title: von is in the first-name list, but is no given name here
	}
	places := uint16(1<<gazetteer.City | 1<<gazetteer.Country | 1<<gazetteer.Region)
	kinds := gazetteerKinds(doc, first)
	return !whole && kinds&(1<<gazetteer.FirstName) != 0 && kinds&places == 0
}

func gazetteerKinds(doc *Document, k int) uint16 {
	return gazetteer.Lookup(gazetteer.Hash(doc.TokenText(k)))
}

func isTitle(doc *Document, k int) bool {
	return gazetteerKinds(doc, k)&(1<<gazetteer.Title) != 0
}

// mentionCover maps each token to the index of the mention covering it, or
// -1.
func mentionCover(doc *Document, mentions []Mention) []int32 {
	cover := make([]int32, len(doc.Tokens))
	for k := range cover {
		cover[k] = -1
	}
	for i, m := range mentions {
		for k := m.FirstToken; k < m.EndToken; k++ {
			cover[k] = int32(i)
		}
	}
	return cover
}

// NamesLoad is what loading the name tagger took, part by part.
type NamesLoad struct {
	Gazetteers, Clusters, Model time.Duration
}

// Total is the whole load.
func (l NamesLoad) Total() time.Duration { return l.Gazetteers + l.Clusters + l.Model }

// LoadNames loads the embedded gazetteers, word clusters and the tagger
// model of a language pack (nil: English's built-in one) now rather than
// with the first text: the app calls it once the English pack is in, and
// make bench reports what it took inside the wasm. After the first call it
// costs nothing.
func LoadNames(pack *lang.Pack) (NamesLoad, error) {
	if pack == nil {
		pack = englishPack
	}
	var l NamesLoad
	start := time.Now()
	gazetteer.Lookup(0)
	l.Gazetteers = time.Since(start)
	start = time.Now()
	gazetteer.Cluster(0)
	l.Clusters = time.Since(start)
	start = time.Now()
	_, err := pack.Tagger()
	l.Model = time.Since(start)
	return l, err
}
