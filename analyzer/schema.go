package analyzer

import (
	"encoding/json"
	"unicode/utf8"
)

// Result is the JSON form of a Document, the contract shared by the CLI, the
// app and its exports. Offsets start/end are UTF-8 bytes into the input;
// u16_start/u16_end are UTF-16 code units, what JavaScript slices with.
type Result struct {
	Lang string `json:"lang"`
	// LangSource is "detected" (read from the text), "fallback" (the text
	// was too short or mixed to tell: the chosen language, LangReason says
	// why) or "user" (given).
	LangSource string         `json:"lang_source"`
	LangReason string         `json:"lang_reason,omitempty"`
	Dateline   string         `json:"dateline,omitempty"`
	Sentences  []SpanResult   `json:"sentences"`
	Entities   []EntityResult `json:"entities"`
	Terms      []TermResult   `json:"terms"`
	Phrases    []PhraseResult `json:"phrases"`
	Quotes     []QuoteResult  `json:"quotes"`
	Stats      StatsResult    `json:"stats"`
	// Corrections are the user's corrections the result shows, in the
	// order made; absent when there are none.
	Corrections []CorrectionResult `json:"corrections,omitempty"`
}

// SpanResult is a span with both offset systems.
type SpanResult struct {
	Start    int `json:"start"`
	End      int `json:"end"`
	U16Start int `json:"u16_start"`
	U16End   int `json:"u16_end"`
}

// MentionResult is one mention of an entity.
type MentionResult struct {
	SpanResult
	Text string `json:"text"`
	// Value is the ISO 8601 value of a date or time; Unresolved marks a
	// relative date the article gives no dateline for.
	Value      string `json:"value,omitempty"`
	Unresolved bool   `json:"unresolved,omitempty"`
	// Corrected marks a mention the user's corrections added, relabelled
	// or moved to another entity.
	Corrected bool `json:"corrected,omitempty"`
}

// EntityResult is an entity with all its mentions.
type EntityResult struct {
	ID       string          `json:"id"`
	Label    Label           `json:"label"`
	Name     string          `json:"name"`
	Salience float64         `json:"salience"`
	Mentions []MentionResult `json:"mentions"`
}

// TermResult is a key term.
type TermResult struct {
	Stem     string   `json:"stem"`
	Forms    []string `json:"forms"`
	Count    int      `json:"count"`
	Salience float64  `json:"salience"`
}

// PhraseResult is a key phrase.
type PhraseResult struct {
	Text     string  `json:"text"`
	Count    int     `json:"count"`
	Salience float64 `json:"salience"`
}

// QuoteResult is a quote and the id of its speaker ("" when unknown).
type QuoteResult struct {
	SpanResult
	Text    string `json:"text"`
	Speaker string `json:"speaker,omitempty"`
	// SpeakerText is the attribution's words when the speaker is known only
	// by them (no entity covers "the defence ministry").
	SpeakerText string `json:"speaker_text,omitempty"`
	// Kind is "direct" (in quote marks), "reported" (the content of
	// reported speech) or "mixed" (reported speech holding a quoted
	// fragment).
	Kind string `json:"kind"`
	// Verb is the attribution verb's base form ("say", "according to");
	// absent when none.
	Verb string `json:"verb,omitempty"`
	// Corrected marks a quote whose speaker the user's corrections set or
	// removed.
	Corrected bool `json:"corrected,omitempty"`
}

// StatsResult counts the document.
type StatsResult struct {
	Words          int `json:"words"`
	Sentences      int `json:"sentences"`
	Characters     int `json:"characters"`
	ReadingMinutes int `json:"reading_minutes"`
}

// Result converts the document to its JSON form.
func (d *Document) Result() *Result { return d.result(nil) }

// result is Result, ticking pace once a sentence, mention and quote.
func (d *Document) result(pace *pacer) *Result {
	u16 := newU16Offsets(d.Text)
	span := func(s Span) SpanResult {
		return SpanResult{Start: s.Start, End: s.End, U16Start: u16.at(s.Start), U16End: u16.at(s.End)}
	}
	// The entities' mentions, most of a long text's result, come first and
	// in one array: freed memory of the document (its tokens) holds it
	// whole, where a smaller array placed first would have cut the hole in
	// two and the heap grown (a wasm memory never shrinks).
	total := 0
	for _, e := range d.Entities {
		total += len(e.Mentions)
	}
	mentions := make([]MentionResult, total)
	r := &Result{
		Lang:       d.Lang,
		LangSource: d.LangSource,
		LangReason: d.LangReason,
		Dateline:   d.Dateline,
		Sentences:  make([]SpanResult, len(d.Sentences)),
		Entities:   make([]EntityResult, len(d.Entities)),
		Terms:      make([]TermResult, len(d.Terms)),
		Phrases:    make([]PhraseResult, len(d.Phrases)),
		Quotes:     make([]QuoteResult, len(d.Quotes)),
		Stats: StatsResult{
			Words:          d.Stats.Words,
			Sentences:      d.Stats.Sentences,
			Characters:     d.Stats.Characters,
			ReadingMinutes: d.Stats.ReadingMinutes,
		},
		Corrections: d.Corrections,
	}
	for i, s := range d.Sentences {
		pace.tick()
		r.Sentences[i] = span(s.Span)
	}
	for i, e := range d.Entities {
		n := len(e.Mentions)
		er := EntityResult{ID: e.ID, Label: e.Label, Name: e.Name, Salience: e.Salience, Mentions: mentions[:n:n]}
		mentions = mentions[n:]
		for j, m := range e.Mentions {
			pace.tick()
			s := d.Mentions[m].Span
			mention := d.Mentions[m]
			er.Mentions[j] = MentionResult{SpanResult: span(s), Text: d.SpanText(s), Value: mention.Value, Unresolved: mention.Unresolved, Corrected: mention.Corrected}
		}
		r.Entities[i] = er
	}
	for i, t := range d.Terms {
		r.Terms[i] = TermResult{Stem: t.Stem, Forms: t.Forms, Count: t.Count, Salience: t.Salience}
	}
	for i, p := range d.Phrases {
		r.Phrases[i] = PhraseResult{Text: p.Text, Count: p.Count, Salience: p.Salience}
	}
	for i, q := range d.Quotes {
		pace.tick()
		qr := QuoteResult{SpanResult: span(q.Span), Text: d.SpanText(q.Span), Kind: string(q.Kind), Verb: q.Verb, Corrected: q.Corrected}
		if q.Speaker >= 0 {
			qr.Speaker = d.Entities[q.Speaker].ID
		} else if q.Attribution.Start >= 0 {
			qr.SpeakerText = d.SpanText(q.Attribution)
		}
		r.Quotes[i] = qr
	}
	return r
}

// MarshalJSON encodes the document as its Result.
func (d *Document) MarshalJSON() ([]byte, error) { return json.Marshal(d.Result()) }

// offsetTable converts byte offsets to offsets in other units (UTF-16 code
// units, code points) in constant time: it keeps the converted offset of the
// first rune start at or after every multiple of offsetStride bytes and walks
// the few runes from there.
type offsetTable struct {
	text        string
	units       func(rune) int
	checkpoints []int32 // converted offset at bytesAt[k]
	bytesAt     []int32 // first rune start at or after k*offsetStride
}

const offsetStride = 64

func newOffsetTable(text string, units func(rune) int) *offsetTable {
	u := &offsetTable{text: text, units: units}
	n := len(text)/offsetStride + 1
	u.checkpoints = make([]int32, 0, n)
	u.bytesAt = make([]int32, 0, n)
	count := 0
	for i, r := range text {
		for len(u.bytesAt)*offsetStride <= i {
			u.bytesAt = append(u.bytesAt, int32(i))
			u.checkpoints = append(u.checkpoints, int32(count))
		}
		count += units(r)
	}
	for len(u.bytesAt) < n {
		u.bytesAt = append(u.bytesAt, int32(len(text)))
		u.checkpoints = append(u.checkpoints, int32(count))
	}
	return u
}

// newU16Offsets converts to UTF-16 code units, what JavaScript counts.
func newU16Offsets(text string) *offsetTable { return newOffsetTable(text, utf16Len) }

// newRuneOffsets converts to Unicode code points, what W3C text selectors
// count.
func newRuneOffsets(text string) *offsetTable {
	return newOffsetTable(text, func(rune) int { return 1 })
}

// at returns the converted offset of byte offset b, a rune start or
// len(text).
func (u *offsetTable) at(b int) int {
	k := b / offsetStride
	i, count := int(u.bytesAt[k]), int(u.checkpoints[k])
	for i < b {
		r, n := utf8.DecodeRuneInString(u.text[i:])
		i += n
		count += u.units(r)
	}
	return count
}

func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}
