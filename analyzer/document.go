// Package analyzer annotates news text: tokens, sentences, stems, named
// entities, numbers and dates, quotes with speakers, key terms and stats.
//
// It is a pipeline of named stages, listed in order in one table
// (pipeline.go), each in the file of its name: tokenize.go, sentences.go,
// stems.go, names.go (its rules in namerules.go), numbers.go (with dates.go), entities.go, salience.go,
// quotes.go, terms.go, stats.go. Annotate runs it; a Job runs it a stage at
// a time. What belongs to a language (stemmer, stop words, word lists,
// background frequencies, tagger model) comes from the language pack the
// job holds (package analyzer/lang).
//
// The Document owns the original text; every annotation is a span of byte
// offsets into it, and the text is never altered. Result (schema.go) is its
// JSON form, the contract with the CLI and the app; Formats (formats.go)
// write documents out for both; queries.go answers what the app asks of
// annotated articles. corrections.go holds the user's corrections of a
// document, which ApplyCorrections (correction_apply.go) applies.
package analyzer

import "annotator/analyzer/lang"

// Span is a half-open range [Start, End) of UTF-8 byte offsets into
// Document.Text.
type Span struct {
	Start, End int
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// TokenKind says what a token is made of.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota + 1 // letters, digits inside words, hyphenated compounds, clitics, abbreviations
	Number                      // digits with separators and an optional unit: 17,500 9.30am 3.5% $2bn 19th
	Punct                       // punctuation, quotes, dashes
	Symbol                      // anything else: emoji, currency signs alone, control or invalid bytes
	URL
	Email
)

func (k TokenKind) String() string {
	switch k {
	case Word:
		return "Word"
	case Number:
		return "Number"
	case Punct:
		return "Punct"
	case Symbol:
		return "Symbol"
	case URL:
		return "URL"
	case Email:
		return "Email"
	}
	return "?"
}

// Token is a span of the text with its kind and, for words, its stem.
type Token struct {
	Span
	Kind TokenKind
	// Stem is the snowball stem of a Word token (lower case), "" otherwise.
	Stem string
}

// Sentence is a span of the text covering tokens [FirstToken, EndToken).
type Sentence struct {
	Span
	FirstToken, EndToken int
}

// Label is an entity type.
type Label string

// Entity labels: names from the recogniser, the rest from rules.
const (
	PER     Label = "PER"
	ORG     Label = "ORG"
	LOC     Label = "LOC"
	MISC    Label = "MISC"
	DATE    Label = "DATE"
	TIME    Label = "TIME"
	NUM     Label = "NUM"
	MONEY   Label = "MONEY"
	PERCENT Label = "PERCENT"
)

// Labels lists every label in display order.
var Labels = []Label{PER, ORG, LOC, MISC, DATE, TIME, NUM, MONEY, PERCENT}

// IsName reports whether l is one of the name labels PER, ORG, LOC, MISC.
func (l Label) IsName() bool { return l == PER || l == ORG || l == LOC || l == MISC }

// Mention is one occurrence of an entity: tokens [FirstToken, EndToken).
type Mention struct {
	Span
	FirstToken, EndToken int
	Label                Label
	// Entity is the index in Document.Entities of the entity mentioned.
	Entity int
	// Value is the ISO 8601 value of a DATE or TIME (2018-06-19, 2017,
	// T09:30, P3M; X marks unknown digits: XXXX-03).
	Value string
	// Unresolved marks a relative date that needed a dateline the article
	// does not have.
	Unresolved bool
	// Corrected marks a mention a correction added, relabelled or moved
	// to another entity.
	Corrected bool
}

// Entity groups the mentions of one person, organisation, place, date...
type Entity struct {
	ID    string // "e1", "e2"... in order of first mention
	Label Label
	Name  string // canonical name
	// Mentions are indices into Document.Mentions, in text order.
	Mentions []int
	// Salience weighs mentions, how early the entity comes and whether the
	// headline names it, from 0 to 1.
	Salience float64
}

// Quote is what someone said: a passage in quote marks (marks included),
// or the content of reported speech.
type Quote struct {
	Span
	Kind QuoteKind
	// Speaker is the index in Document.Entities of who said it, -1 if no
	// entity covers the speaker.
	Speaker int
	// Attribution is the speaker's words in the text ("he", "Mr Kim", "the
	// defence ministry"); Start is -1 when the quote is unattributed.
	Attribution Span
	// Verb is the attribution verb's base form ("say" for said, "according
	// to"); "" when none (Ruiz: “…”). A quote that goes on from an earlier
	// one keeps its verb.
	Verb string
	// Corrected marks a quote whose speaker a correction set or removed.
	Corrected bool
}

// Term is a key term: a stem with the surface forms seen and their count.
type Term struct {
	Stem  string
	Forms []string
	Count int
	// Salience is TF-IDF against background frequencies, 1 for the top term.
	Salience float64
}

// Phrase is a key phrase: a run of content words that recurs or stands out.
type Phrase struct {
	Text     string // as first written, lower case
	Count    int
	Salience float64 // 1 for the top phrase
}

// Stats counts the document.
type Stats struct {
	Words          int
	Sentences      int
	Characters     int // Unicode code points
	ReadingMinutes int
}

// Document is an annotated text.
type Document struct {
	Text string
	Lang string // ISO 639-1 code: en, es, fr, ru, sv, no, hu
	// LangSource says where Lang came from: LangDetected, LangFallback
	// (detection could not tell; LangReason says why) or LangUser.
	LangSource, LangReason string
	// Dateline is the date the article was written (YYYY-MM-DD), found near
	// its top; "" when it has none. Relative dates resolve against it.
	Dateline  string
	Tokens    []Token
	Sentences []Sentence
	// Mentions are sorted by Start and do not overlap.
	Mentions []Mention
	Entities []Entity
	Quotes   []Quote
	Terms    []Term
	Phrases  []Phrase
	Stats    Stats
	// Corrections are the user's corrections applied to the document
	// (ApplyCorrections), each anchored where it was found or stale; nil
	// for the analyzer's own annotation.
	Corrections []CorrectionResult
	// pack is the language pack the document was annotated with.
	pack *lang.Pack
	// pace is the job's pacer, on the chunk a job's chunk stages annotate:
	// the name recogniser's tagger pauses with it (see Options.Pause).
	pace *pacer
}

// language returns the document's language pack: the one it was
// annotated with, else the built-in pack of its Lang (English if none).
func (d *Document) language() *lang.Pack {
	if d.pack != nil {
		return d.pack
	}
	if p, err := lang.Get(d.Lang); err == nil {
		return p
	}
	return englishPack
}

// TokenText returns the text of token i.
func (d *Document) TokenText(i int) string {
	t := d.Tokens[i]
	return d.Text[t.Start:t.End]
}

// SpanText returns the text under s.
func (d *Document) SpanText(s Span) string { return d.Text[s.Start:s.End] }
