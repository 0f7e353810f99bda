package analyzer

// NameRecognizer finds PER, ORG, LOC and MISC mentions in a tokenized,
// sentence-split and stemmed document. Mentions it returns must be sorted,
// must not overlap, and must start and end on token boundaries; their Entity
// field is ignored.
type NameRecognizer interface {
	RecognizeNames(doc *Document) []Mention
}

// DefaultNames is the recogniser Annotate uses when Options.Names is nil.
var DefaultNames NameRecognizer = ruleNames{}

type ruleNames struct{}

func (ruleNames) RecognizeNames(doc *Document) []Mention { return nil }
