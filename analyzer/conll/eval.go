package conll

import (
	"fmt"

	"annotator/analyzer"
)

// Evaluate rebuilds each document as plain text, annotates it through the
// full public pipeline (analyzer.Annotate with opts), maps the name
// mentions back to the gold tokens by offsets and scores them. It returns
// the score and the number of gold tokens.
func Evaluate(docs []Document, opts analyzer.Options) (Score, int, error) {
	score, _, tokens, err := EvaluateErrors(docs, opts)
	return score, tokens, err
}

// EvaluateErrors is Evaluate that also classifies the errors.
func EvaluateErrors(docs []Document, opts analyzer.Options) (Score, *Errors, int, error) {
	score, errs := Score{}, NewErrors()
	tokens := 0
	for k, d := range docs {
		pred, err := Predict(d, opts)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("document %d: %w", k+1, err)
		}
		gold := d.GoldChunks()
		score.Add(gold, pred)
		errs.Add(gold, pred)
		for _, s := range d.Sentences {
			tokens += len(s)
		}
	}
	return score, errs, tokens, nil
}

// capture records the mentions its recogniser found, before the pipeline's
// later stages (entity grouping may relabel them).
type capture struct {
	names analyzer.NameRecognizer
	found []analyzer.Mention
}

func (c *capture) RecognizeNames(doc *analyzer.Document) []analyzer.Mention {
	c.found = c.names.RecognizeNames(doc)
	return c.found
}

// EvaluateRecognizer scores names's own mentions on the pipeline's tokens
// and sentences, before entity grouping: it tells the tagger's errors from
// the later stages'.
func EvaluateRecognizer(docs []Document, names analyzer.NameRecognizer) (Score, error) {
	score := Score{}
	for k, d := range docs {
		pred, err := PredictRecognizer(d, names)
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", k+1, err)
		}
		score.Add(d.GoldChunks(), pred)
	}
	return score, nil
}

// PredictRecognizer returns names's own mentions in the rebuilt document,
// as chunks of gold tokens.
func PredictRecognizer(d Document, names analyzer.NameRecognizer) ([]Chunk, error) {
	t := d.Rebuild()
	c := &capture{names: names}
	if _, err := analyzer.Annotate(t.Text, analyzer.Options{Names: c}); err != nil {
		return nil, err
	}
	var pred []Chunk
	for _, m := range c.found {
		if first, end, ok := t.TokenRange(m.Start, m.End); ok {
			pred = append(pred, Chunk{first, end, string(m.Label)})
		}
	}
	return pred, nil
}

// Predict annotates the rebuilt document and returns its PER, ORG, LOC and
// MISC mentions as chunks of gold tokens.
func Predict(d Document, opts analyzer.Options) ([]Chunk, error) {
	t := d.Rebuild()
	doc, err := analyzer.Annotate(t.Text, opts)
	if err != nil {
		return nil, err
	}
	var out []Chunk
	for _, m := range doc.Mentions {
		if !m.Label.IsName() {
			continue
		}
		if first, end, ok := t.TokenRange(m.Start, m.End); ok {
			out = append(out, Chunk{first, end, string(m.Label)})
		}
	}
	return out, nil
}
