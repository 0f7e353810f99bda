package analyzer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"
)

// Corrections are the user's fixes to an article's annotations: a list of
// operations applied in order over a run of the analyzer (ApplyCorrections,
// correction_apply.go). Each names what it changes by text, never by a
// run's ids ("e7"): a mention or quote by its text, start offset and the
// words around it (TextAnchor), an entity by its canonical name, label and
// the start of its first mention (EntityAnchor). So a list survives a new
// run over the same text and, where it can, over an edited one
// (correction_anchors.go); an operation whose anchor is gone is reported
// stale and changes nothing. Corrector (correction_make.go) makes them
// from what the user sees; Editor (correction_editor.go) keeps them with
// their undo history.

// CorrectionOp says what a correction does.
type CorrectionOp string

// The corrections.
const (
	// RelabelMention gives Mention the Label; the mention leaves its
	// entity for one of that label with the same name (spelling aside), or
	// one of its own.
	RelabelMention CorrectionOp = "relabel_mention"
	// RelabelEntity gives Entity and all its mentions the Label; it joins
	// an entity of that label with the same name if there is one.
	RelabelEntity CorrectionOp = "relabel_entity"
	// Merge moves every mention of Entity into Into, with Into's label;
	// quotes spoken by Entity are spoken by Into.
	Merge CorrectionOp = "merge"
	// Split takes Mention off its entity into a new entity of its own;
	// quotes attributed by exactly that mention's words follow it.
	Split CorrectionOp = "split"
	// RemoveEntity drops Entity and its mentions: a false entity. Its
	// quotes keep the speaker's words, without an entity.
	RemoveEntity CorrectionOp = "remove_entity"
	// RemoveMention drops Mention; an entity left without mentions goes.
	RemoveMention CorrectionOp = "remove_mention"
	// Add marks Mention's words as a mention of Label, or of the entity
	// Into: a missed entity. Mentions it overlaps give way to it.
	Add CorrectionOp = "add"
	// SetSpeaker makes Speaker the speaker of Quote.
	SetSpeaker CorrectionOp = "set_speaker"
	// RemoveSpeaker leaves Quote without a speaker.
	RemoveSpeaker CorrectionOp = "remove_speaker"
)

// CorrectionOps lists every operation.
var CorrectionOps = []CorrectionOp{RelabelMention, RelabelEntity, Merge, Split, RemoveEntity, RemoveMention, Add, SetSpeaker, RemoveSpeaker}

// Correction is one operation and what it applies to. Which fields an
// operation takes is in correctionFields; the others stay empty.
type Correction struct {
	Op      CorrectionOp  `json:"op"`
	Mention *TextAnchor   `json:"mention,omitempty"` // relabel_mention, split, remove_mention, add
	Entity  *EntityAnchor `json:"entity,omitempty"`  // relabel_entity, merge (the entity merged away), remove_entity
	Into    *EntityAnchor `json:"into,omitempty"`    // merge (the entity kept); add (optional: the entity to add to)
	Quote   *TextAnchor   `json:"quote,omitempty"`   // set_speaker, remove_speaker
	Speaker *EntityAnchor `json:"speaker,omitempty"` // set_speaker
	Label   Label         `json:"label,omitempty"`   // relabel_mention, relabel_entity, add (unless Into)
}

// TextAnchor finds a span of the text again: its text, where it started
// (a UTF-8 byte offset) and up to anchorContext characters before and
// after it, as they were when the correction was made.
type TextAnchor struct {
	Text   string `json:"text"`
	Start  int    `json:"start"`
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
}

// EntityAnchor finds an entity again: its canonical name and label, and
// the start of its first mention, which tells apart two entities of one
// name.
type EntityAnchor struct {
	Name  string `json:"name"`
	Label Label  `json:"label"`
	Start int    `json:"start"`
}

// Corrections are an article's corrections, in the order they were made.
type Corrections []Correction

// CorrectionResult is a correction as a corrected document holds it: with
// its anchors where they were found in this text, and why it changed
// nothing if it is stale.
type CorrectionResult struct {
	Correction
	// Stale says why the correction no longer applies (its words are gone,
	// its entity is not found); "" when it applied.
	Stale string `json:"stale,omitempty"`
}

// Limits on a list of corrections, so that a bad record cannot make the
// app do unbounded work.
const (
	MaxCorrections   = 10000
	maxAnchorContext = 256 // bytes of Before or After
)

// ErrCorrections is wrapped by every error about a list of corrections.
var ErrCorrections = errors.New("invalid corrections")

// correctionFields says which fields each operation takes: m mention, e
// entity, i into, q quote, s speaker, l label; upper case when required.
var correctionFields = map[CorrectionOp]string{
	RelabelMention: "ML",
	RelabelEntity:  "EL",
	Merge:          "EI",
	Split:          "M",
	RemoveEntity:   "E",
	RemoveMention:  "M",
	Add:            "Mil", // a label, or the entity to add to
	SetSpeaker:     "QS",
	RemoveSpeaker:  "Q",
}

// Validate checks every correction: a known operation with the fields it
// takes, well formed. The error names the first bad one.
func (cs Corrections) Validate() error {
	if len(cs) > MaxCorrections {
		return fmt.Errorf("%w: %d corrections, the limit is %d", ErrCorrections, len(cs), MaxCorrections)
	}
	for i, c := range cs {
		if err := c.Validate(); err != nil {
			return fmt.Errorf("%w: correction %d: %v", ErrCorrections, i+1, err)
		}
	}
	return nil
}

// Validate checks one correction (see Corrections.Validate).
func (c Correction) Validate() error {
	fields, ok := correctionFields[c.Op]
	if !ok {
		return fmt.Errorf("unknown op %q", shortQuote(string(c.Op)))
	}
	present := map[byte]bool{'m': c.Mention != nil, 'e': c.Entity != nil, 'i': c.Into != nil, 'q': c.Quote != nil, 's': c.Speaker != nil, 'l': c.Label != ""}
	names := map[byte]string{'m': "mention", 'e': "entity", 'i': "into", 'q': "quote", 's': "speaker", 'l': "label"}
	for _, f := range []byte("meiqsl") {
		required := bytes.IndexByte([]byte(fields), f-'a'+'A') >= 0
		allowed := required || bytes.IndexByte([]byte(fields), f) >= 0
		switch {
		case required && !present[f]:
			return fmt.Errorf("%s: %s is missing", c.Op, names[f])
		case !allowed && present[f]:
			return fmt.Errorf("%s takes no %s", c.Op, names[f])
		}
	}
	if c.Op == Add {
		switch {
		case c.Label == "" && c.Into == nil:
			return errors.New("add: label (or into, the entity to add to) is missing")
		case c.Label != "" && c.Into != nil && c.Label != c.Into.Label:
			return fmt.Errorf("add: label %s differs from the label of into (%s)", c.Label, c.Into.Label)
		}
	}
	if c.Label != "" && !slices.Contains(Labels, c.Label) {
		return fmt.Errorf("%s: unknown label %q", c.Op, shortQuote(string(c.Label)))
	}
	for _, a := range []struct {
		name string
		a    *TextAnchor
	}{{"mention", c.Mention}, {"quote", c.Quote}} {
		if a.a != nil {
			if err := a.a.validate(); err != nil {
				return fmt.Errorf("%s: %s %v", c.Op, a.name, err)
			}
		}
	}
	for _, a := range []struct {
		name string
		a    *EntityAnchor
	}{{"entity", c.Entity}, {"into", c.Into}, {"speaker", c.Speaker}} {
		if a.a != nil {
			if err := a.a.validate(); err != nil {
				return fmt.Errorf("%s: %s %v", c.Op, a.name, err)
			}
		}
	}
	return nil
}

func (a *TextAnchor) validate() error {
	switch {
	case a.Text == "":
		return errors.New("has no text")
	case len(a.Text) > MaxTextBytes:
		return errors.New("text is longer than any article")
	case !utf8.ValidString(a.Text) || !utf8.ValidString(a.Before) || !utf8.ValidString(a.After):
		return errors.New("is not valid UTF-8")
	case a.Start < 0 || a.Start > MaxTextBytes:
		return fmt.Errorf("start %d is outside any article", a.Start)
	case len(a.Before) > maxAnchorContext || len(a.After) > maxAnchorContext:
		return errors.New("context is too long")
	}
	return nil
}

func (a *EntityAnchor) validate() error {
	switch {
	case a.Name == "":
		return errors.New("has no name")
	case len(a.Name) > MaxTextBytes || !utf8.ValidString(a.Name):
		return errors.New("name is not an entity's name")
	case !slices.Contains(Labels, a.Label):
		return fmt.Errorf("has unknown label %q", shortQuote(string(a.Label)))
	case a.Start < 0 || a.Start > MaxTextBytes:
		return fmt.Errorf("start %d is outside any article", a.Start)
	}
	return nil
}

// ParseCorrections reads a list of corrections: a JSON array of them, or
// an object with a "corrections" array (a document the analyzer wrote,
// whose corrections are applied again; their "stale" notes are ignored).
// Nothing is returned unless all are valid.
func ParseCorrections(data []byte) (Corrections, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return nil, fmt.Errorf("%w: empty, not a JSON list", ErrCorrections)
	}
	var cs Corrections
	if data[0] == '{' {
		var doc struct {
			Corrections *Corrections `json:"corrections"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrCorrections, err)
		}
		if doc.Corrections == nil {
			return nil, fmt.Errorf("%w: the object has no \"corrections\" list", ErrCorrections)
		}
		cs = *doc.Corrections
	} else if err := json.Unmarshal(data, &cs); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrections, err)
	}
	if err := cs.Validate(); err != nil {
		return nil, err
	}
	return cs, nil
}

// Applied returns the corrections a corrected document holds, as a list
// to store and apply again: anchored where they were found.
func Applied(results []CorrectionResult) Corrections {
	cs := make(Corrections, len(results))
	for i, r := range results {
		cs[i] = r.Correction
	}
	return cs
}

// String says what the correction does, in a reader's words: merged
// “Kim” (PER) into “Kim Jong-un” (PER).
func (c Correction) String() string {
	mention := func(a *TextAnchor) string {
		if a == nil {
			return "?"
		}
		return "“" + shorten(a.Text, 60) + "”"
	}
	entity := func(a *EntityAnchor) string {
		if a == nil {
			return "?"
		}
		return "“" + shorten(a.Name, 60) + "” (" + string(a.Label) + ")"
	}
	switch c.Op {
	case RelabelMention:
		return "relabelled the mention " + mention(c.Mention) + " as " + string(c.Label)
	case RelabelEntity:
		return "relabelled " + entity(c.Entity) + " as " + string(c.Label)
	case Merge:
		return "merged " + entity(c.Entity) + " into " + entity(c.Into)
	case Split:
		return "split the mention " + mention(c.Mention) + " off its entity"
	case RemoveEntity:
		return "removed " + entity(c.Entity)
	case RemoveMention:
		return "removed the mention " + mention(c.Mention)
	case Add:
		if c.Into != nil {
			return "added " + mention(c.Mention) + " as a mention of " + entity(c.Into)
		}
		return "added " + mention(c.Mention) + " as " + string(c.Label)
	case SetSpeaker:
		return "attributed the quote " + mention(c.Quote) + " to " + entity(c.Speaker)
	case RemoveSpeaker:
		return "left the quote " + mention(c.Quote) + " without a speaker"
	}
	return string(c.Op)
}

// shorten cuts s to at most n characters, with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return firstRunes(s, n-1) + "…"
}

// shortQuote keeps what an error quotes short.
func shortQuote(s string) string { return shorten(s, 40) }
