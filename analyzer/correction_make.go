package analyzer

import (
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"
)

// Corrector makes corrections from what the user sees: the text and its
// result as shown (with the corrections so far), mentions by their start
// offset (UTF-8 bytes, MentionResult.Start), entities by their id in
// that result, quotes by their index in Result.Quotes. What it returns is
// anchored in the text, never by those ids (see Correction); it changes
// nothing itself: pass it to Editor.Do, or append it to the article's
// Corrections.
type Corrector struct {
	Text   string
	Result *Result
}

// Errors of a Corrector given what its result does not have.
var (
	ErrNoMention = errors.New("no mention starts there")
	ErrNoEntity  = errors.New("no entity has that id")
	ErrNoQuote   = errors.New("no quote has that index")
	ErrLabel     = errors.New("not a label")
	// ErrSentences is an added mention that would run from one sentence
	// into the next: no mention does.
	ErrSentences = errors.New("a mention stays within one sentence")
)

// RelabelMention gives the mention starting at start the label.
func (c Corrector) RelabelMention(start int, label Label) (Correction, error) {
	m, err := c.mention(start)
	if err != nil {
		return Correction{}, err
	}
	if err := checkLabel(label); err != nil {
		return Correction{}, err
	}
	return Correction{Op: RelabelMention, Mention: m, Label: label}, nil
}

// RelabelEntity gives the entity and all its mentions the label.
func (c Corrector) RelabelEntity(id string, label Label) (Correction, error) {
	e, err := c.entity(id)
	if err != nil {
		return Correction{}, err
	}
	if err := checkLabel(label); err != nil {
		return Correction{}, err
	}
	return Correction{Op: RelabelEntity, Entity: e, Label: label}, nil
}

// Merge merges entity id into entity into.
func (c Corrector) Merge(id, into string) (Correction, error) {
	e, err := c.entity(id)
	if err != nil {
		return Correction{}, err
	}
	i, err := c.entity(into)
	if err != nil {
		return Correction{}, err
	}
	return Correction{Op: Merge, Entity: e, Into: i}, nil
}

// Split takes the mention starting at start off its entity.
func (c Corrector) Split(start int) (Correction, error) {
	m, err := c.mention(start)
	if err != nil {
		return Correction{}, err
	}
	return Correction{Op: Split, Mention: m}, nil
}

// RemoveEntity removes the entity and its mentions.
func (c Corrector) RemoveEntity(id string) (Correction, error) {
	e, err := c.entity(id)
	if err != nil {
		return Correction{}, err
	}
	return Correction{Op: RemoveEntity, Entity: e}, nil
}

// RemoveMention removes the mention starting at start.
func (c Corrector) RemoveMention(start int) (Correction, error) {
	m, err := c.mention(start)
	if err != nil {
		return Correction{}, err
	}
	return Correction{Op: RemoveMention, Mention: m}, nil
}

// Add marks the selection [start, end) as a mention of a new entity of
// the label (or of the entity of that label with the same name), snapped
// to whole words (SnapSpan).
func (c Corrector) Add(start, end int, label Label) (Correction, error) {
	if err := checkLabel(label); err != nil {
		return Correction{}, err
	}
	span, err := c.snap(start, end)
	if err != nil {
		return Correction{}, err
	}
	return Correction{Op: Add, Mention: anchorAt(c.Text, span.Start, span.End), Label: label}, nil
}

// AddTo marks the selection [start, end), snapped to whole words, as a
// mention of the entity id.
func (c Corrector) AddTo(start, end int, id string) (Correction, error) {
	e, err := c.entity(id)
	if err != nil {
		return Correction{}, err
	}
	span, err := c.snap(start, end)
	if err != nil {
		return Correction{}, err
	}
	return Correction{Op: Add, Mention: anchorAt(c.Text, span.Start, span.End), Into: e}, nil
}

// snap snaps a selection to whole words within one sentence.
func (c Corrector) snap(start, end int) (Span, error) {
	span, err := SnapSpan(c.Text, start, end)
	if err != nil || c.Result == nil {
		return span, err
	}
	for _, s := range c.Result.Sentences {
		if s.Start <= span.Start && span.Start < s.End {
			if span.End > s.End {
				return Span{}, ErrSentences
			}
			break
		}
	}
	return span, nil
}

// SetSpeaker makes entity id the speaker of quote q.
func (c Corrector) SetSpeaker(q int, id string) (Correction, error) {
	quote, err := c.quote(q)
	if err != nil {
		return Correction{}, err
	}
	e, err := c.entity(id)
	if err != nil {
		return Correction{}, err
	}
	return Correction{Op: SetSpeaker, Quote: quote, Speaker: e}, nil
}

// RemoveSpeaker leaves quote q without a speaker.
func (c Corrector) RemoveSpeaker(q int) (Correction, error) {
	quote, err := c.quote(q)
	if err != nil {
		return Correction{}, err
	}
	return Correction{Op: RemoveSpeaker, Quote: quote}, nil
}

func (c Corrector) mention(start int) (*TextAnchor, error) {
	if c.Result != nil {
		for _, e := range c.Result.Entities {
			for _, m := range e.Mentions {
				if m.Start == start {
					return c.span(m.SpanResult)
				}
			}
		}
	}
	return nil, fmt.Errorf("%w: %d", ErrNoMention, start)
}

func (c Corrector) entity(id string) (*EntityAnchor, error) {
	if c.Result != nil {
		for _, e := range c.Result.Entities {
			if e.ID == id && len(e.Mentions) > 0 {
				return &EntityAnchor{Name: e.Name, Label: e.Label, Start: e.Mentions[0].Start}, nil
			}
		}
	}
	return nil, fmt.Errorf("%w: %q", ErrNoEntity, shortQuote(id))
}

func (c Corrector) quote(q int) (*TextAnchor, error) {
	if c.Result == nil || q < 0 || q >= len(c.Result.Quotes) {
		return nil, fmt.Errorf("%w: %d", ErrNoQuote, q)
	}
	return c.span(c.Result.Quotes[q].SpanResult)
}

// span anchors a span of the result, which must be one of the text's.
func (c Corrector) span(s SpanResult) (*TextAnchor, error) {
	if s.Start < 0 || s.End > len(c.Text) || s.Start >= s.End || !utf8.ValidString(c.Text[s.Start:s.End]) {
		return nil, fmt.Errorf("the result's span [%d,%d) is not in this text", s.Start, s.End)
	}
	return anchorAt(c.Text, s.Start, s.End), nil
}

func checkLabel(l Label) error {
	if !slices.Contains(Labels, l) {
		return fmt.Errorf("%w: %q", ErrLabel, shortQuote(string(l)))
	}
	return nil
}

// ByteOffset converts an offset in UTF-16 code units (what JavaScript's
// selections give) into text to UTF-8 bytes; one inside a surrogate pair
// or past the end gives the end of that character or of the text.
func ByteOffset(text string, u16 int) int {
	units := 0
	for i, r := range text {
		if units >= u16 {
			return i
		}
		units += utf16Len(r)
	}
	return len(text)
}
