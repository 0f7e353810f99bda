package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"unicode/utf8"
)

// WebAnnotationContext is the JSON-LD context of the W3C Web Annotation
// Data Model. It is a name, not a download: nothing fetches it.
const WebAnnotationContext = "http://www.w3.org/ns/anno.jsonld"

// AnnotationCollection is a W3C Web Annotation collection of one page.
type AnnotationCollection struct {
	Context string         `json:"@context"`
	ID      string         `json:"id"`
	Type    string         `json:"type"`
	Label   string         `json:"label"`
	Total   int            `json:"total"`
	First   AnnotationPage `json:"first"`
}

// AnnotationPage holds the annotations.
type AnnotationPage struct {
	ID    string       `json:"id"`
	Type  string       `json:"type"`
	Items []Annotation `json:"items"`
}

// Annotation is one mention or quote.
type Annotation struct {
	ID         string           `json:"id"`
	Type       string           `json:"type"`
	Motivation string           `json:"motivation"`
	Body       []AnnotationBody `json:"body"`
	Target     AnnotationTarget `json:"target"`
}

// AnnotationBody says what the target is: its label, its entity, its value.
type AnnotationBody struct {
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
	Value   string `json:"value"`
}

// AnnotationTarget is the annotated text, selected by quote and position.
type AnnotationTarget struct {
	Source   string     `json:"source"`
	Selector []Selector `json:"selector"`
}

// Selector is a TextQuoteSelector (exact, prefix, suffix) or a
// TextPositionSelector (start, end in Unicode code points).
type Selector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
}

// correctedBody marks an annotation the user's corrections made or changed.
var correctedBody = AnnotationBody{Type: "TextualBody", Purpose: "commenting", Value: "corrected by hand"}

// selectorContext is how many code points of prefix and suffix a
// TextQuoteSelector carries.
const selectorContext = 32

// WebAnnotations exports the document as W3C Web Annotations (JSON-LD): one
// annotation per mention (tagged with its label, identified by its entity's
// name and id) and per quote (with its speaker). The source is the text's
// SHA-256 as a URN, since a pasted article has no address. A corrected
// document gives its corrected annotations, those the corrections made or
// changed with a "commenting" body "corrected by hand".
func (d *Document) WebAnnotations() *AnnotationCollection {
	sum := sha256.Sum256([]byte(d.Text))
	source := "urn:sha256:" + hex.EncodeToString(sum[:])
	runes := newRuneOffsets(d.Text)
	target := func(s Span) AnnotationTarget {
		start, end := runes.at(s.Start), runes.at(s.End)
		return AnnotationTarget{Source: source, Selector: []Selector{
			{Type: "TextQuoteSelector", Exact: d.Text[s.Start:s.End],
				Prefix: lastRunes(d.Text[:s.Start], selectorContext), Suffix: firstRunes(d.Text[s.End:], selectorContext)},
			{Type: "TextPositionSelector", Start: &start, End: &end},
		}}
	}
	c := &AnnotationCollection{
		Context: WebAnnotationContext, ID: source + "#annotations", Type: "AnnotationCollection",
		Label: "Entities and quotes",
	}
	// Items is [] for a text without mentions, as in the JSON, never null.
	c.First = AnnotationPage{ID: c.ID + "-page1", Type: "AnnotationPage", Items: make([]Annotation, 0, len(d.Mentions)+len(d.Quotes))}
	for i, m := range d.Mentions {
		e := d.Entities[m.Entity]
		body := []AnnotationBody{
			{Type: "TextualBody", Purpose: "tagging", Value: string(m.Label)},
			{Type: "TextualBody", Purpose: "identifying", Value: e.Name + " (" + e.ID + ")"},
		}
		if m.Value != "" {
			body = append(body, AnnotationBody{Type: "TextualBody", Purpose: "describing", Value: m.Value})
		}
		if m.Corrected {
			body = append(body, correctedBody)
		}
		c.First.Items = append(c.First.Items, Annotation{
			ID: source + "#m" + strconv.Itoa(i+1), Type: "Annotation", Motivation: "identifying",
			Body: body, Target: target(m.Span),
		})
	}
	for i, q := range d.Quotes {
		body := []AnnotationBody{{Type: "TextualBody", Purpose: "tagging", Value: "quote"}}
		switch {
		case q.Speaker >= 0:
			e := d.Entities[q.Speaker]
			body = append(body, AnnotationBody{Type: "TextualBody", Purpose: "describing", Value: "said by " + e.Name + " (" + e.ID + ")"})
		case q.Attribution.Start >= 0:
			body = append(body, AnnotationBody{Type: "TextualBody", Purpose: "describing", Value: "said by " + d.SpanText(q.Attribution)})
		}
		body = append(body, AnnotationBody{Type: "TextualBody", Purpose: "classifying", Value: string(q.Kind)})
		if q.Verb != "" {
			body = append(body, AnnotationBody{Type: "TextualBody", Purpose: "describing", Value: "verb: " + q.Verb})
		}
		if q.Corrected {
			body = append(body, correctedBody)
		}
		c.First.Items = append(c.First.Items, Annotation{
			ID: source + "#q" + strconv.Itoa(i+1), Type: "Annotation", Motivation: "describing",
			Body: body, Target: target(q.Span),
		})
	}
	c.Total = len(c.First.Items)
	return c
}

func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
