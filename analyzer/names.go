package analyzer

import "annotator/analyzer/tagger"

// NameRecognizer finds PER, ORG, LOC and MISC mentions in a tokenized,
// sentence-split and stemmed document. Mentions it returns must be sorted,
// must not overlap, and must start and end on token boundaries; their Entity
// field is ignored.
type NameRecognizer interface {
	RecognizeNames(doc *Document) []Mention
}

// DefaultNames is the recogniser Annotate uses when Options.Names is nil:
// the trained tagger embedded in analyzer/tagger, loaded on first use.
var DefaultNames NameRecognizer = defaultTagger{}

// TaggerNames recognises names with a trained tagger model.
type TaggerNames struct {
	Model *tagger.Model
}

// RecognizeNames tags the document's sentences with the model.
func (n TaggerNames) RecognizeNames(doc *Document) []Mention {
	tdoc := TaggerDoc(doc)
	found := n.Model.Tag(&tdoc)
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
	td := tagger.Doc{
		Text:      doc.Text,
		Tokens:    make([]tagger.Token, len(doc.Tokens)),
		Sentences: make([]tagger.Range, len(doc.Sentences)),
	}
	for i, t := range doc.Tokens {
		td.Tokens[i] = tagger.Token{Start: t.Start, End: t.End, Stem: t.Stem}
	}
	for i, s := range doc.Sentences {
		td.Sentences[i] = tagger.Range{First: s.FirstToken, End: s.EndToken}
	}
	return td
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

type defaultTagger struct{}

// RecognizeNames uses the embedded model. A model that fails to load is a
// build defect caught by the tagger's tests; here it finds no names rather
// than crash the app.
func (defaultTagger) RecognizeNames(doc *Document) []Mention {
	m, err := tagger.Default()
	if err != nil {
		return nil
	}
	return TaggerNames{m}.RecognizeNames(doc)
}
