package analyzer

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxTextBytes is the default limit on the size of a text: larger pastes are
// refused with ErrTooLarge rather than freezing the caller.
const MaxTextBytes = 16 << 20

// Errors returned by Annotate.
var (
	ErrInvalidUTF8 = errors.New("text is not valid UTF-8")
	ErrBinary      = errors.New("text looks like binary data (it contains NUL bytes)")
	ErrTooLarge    = errors.New("text is too large")
	ErrLanguage    = errors.New("unsupported language")
)

// Options tune Annotate. The zero value annotates English.
type Options struct {
	// Lang is an ISO 639-1 code (en, es, fr, ru, sv, no, hu) or a snowball
	// language name (english, spanish...). Empty means English.
	Lang string
	// MaxBytes limits the text size; 0 means MaxTextBytes.
	MaxBytes int
	// Names finds PER, ORG, LOC and MISC mentions; nil means the built-in
	// recogniser.
	Names NameRecognizer
	// ChunkBytes is about how much text one Job.Step annotates; 0 means
	// ChunkBytes. Smaller steps keep a single-threaded caller more
	// responsive.
	ChunkBytes int
}

// Annotate runs the whole pipeline over text and returns the annotated
// Document. The text is kept as given; every annotation is a span into it.
func Annotate(text string, opts Options) (*Document, error) {
	job, err := Start(text, opts)
	if err != nil {
		return nil, err
	}
	for !job.Step() {
	}
	return job.Document(), nil
}

// ChunkBytes is about how much text one Job.Step annotates: long texts are
// cut at paragraph breaks into chunks of this size. An article is one chunk.
const ChunkBytes = 64 << 10

// Job annotates a text a step at a time, so that a caller (the browser,
// which has one thread) can show progress and stay responsive between
// steps. The tokens, sentences and mentions of each chunk are found in one
// step; the steps that need the whole text (entities, quotes, terms) follow.
// The result is the same as Annotate's.
type Job struct {
	doc        *Document
	names      NameRecognizer
	chunkBytes int
	done       int // bytes of text annotated chunk by chunk
	step       int // finishing steps done
}

// Start validates text and prepares its annotation.
func Start(text string, opts Options) (*Job, error) {
	lang, err := normalizeLang(opts.Lang)
	if err != nil {
		return nil, err
	}
	if err := Validate(text, opts.MaxBytes); err != nil {
		return nil, err
	}
	names := opts.Names
	if names == nil {
		names = DefaultNames
	}
	chunk := opts.ChunkBytes
	if chunk <= 0 {
		chunk = ChunkBytes
	}
	return &Job{doc: &Document{Text: text, Lang: lang}, names: names, chunkBytes: chunk}, nil
}

// finishing are the steps run over the whole document once every chunk is
// annotated.
var finishing = []func(doc *Document){
	resolveDates,
	groupEntities,
	func(doc *Document) { rankEntities(doc); doc.Quotes = findQuotes(doc) },
	func(doc *Document) { doc.Terms, doc.Phrases = keyTerms(doc) },
	func(doc *Document) { doc.Stats = countStats(doc) },
}

// Step does the next piece of work and reports whether the document is
// complete.
func (j *Job) Step() bool {
	switch {
	case j.done < len(j.doc.Text):
		end := chunkEnd(j.doc.Text, j.done, j.chunkBytes)
		j.annotateChunk(j.done, end)
		j.done = end
	case j.step < len(finishing):
		finishing[j.step](j.doc)
		j.step++
	}
	return j.done >= len(j.doc.Text) && j.step >= len(finishing)
}

// Progress returns how much of the work is done, from 0 to 1. Chunks count
// for nine tenths, the finishing steps for the rest.
func (j *Job) Progress() float64 {
	if len(j.doc.Text) == 0 {
		return float64(j.step) / float64(len(finishing))
	}
	return 0.9*float64(j.done)/float64(len(j.doc.Text)) + 0.1*float64(j.step)/float64(len(finishing))
}

// Document returns the annotated document once Step has reported it
// complete, nil before.
func (j *Job) Document() *Document {
	if j.done < len(j.doc.Text) || j.step < len(finishing) {
		return nil
	}
	return j.doc
}

// annotateChunk tokenizes, splits, stems and finds the mentions of the text
// [start, end), which begins and ends at white space, and appends them to
// the document.
func (j *Job) annotateChunk(start, end int) {
	doc := j.doc
	chunk := &Document{Text: doc.Text, Lang: doc.Lang, Tokens: Tokenize(doc.Text[start:end])}
	for i := range chunk.Tokens {
		chunk.Tokens[i].Start += start
		chunk.Tokens[i].End += start
	}
	chunk.Sentences = SplitSentences(doc.Text, chunk.Tokens)
	stemTokens(chunk)
	mentions := mergeMentions(joinNameParticles(chunk, j.names.RecognizeNames(chunk)), findNumbers(chunk))
	if len(doc.Tokens) == 0 {
		// The first chunk (for an article, the whole text) needs no copy.
		doc.Tokens, doc.Sentences, doc.Mentions = chunk.Tokens, chunk.Sentences, mentions
		return
	}
	base := len(doc.Tokens)
	doc.Tokens = growFor(doc.Tokens, len(chunk.Tokens), end, len(doc.Text))
	doc.Sentences = growFor(doc.Sentences, len(chunk.Sentences), end, len(doc.Text))
	doc.Mentions = growFor(doc.Mentions, len(mentions), end, len(doc.Text))
	for _, s := range chunk.Sentences {
		s.FirstToken += base
		s.EndToken += base
		doc.Sentences = append(doc.Sentences, s)
	}
	for _, m := range mentions {
		m.FirstToken += base
		m.EndToken += base
		doc.Mentions = append(doc.Mentions, m)
	}
	doc.Tokens = append(doc.Tokens, chunk.Tokens...)
}

// growFor makes room in s for add more items, once done of total bytes
// are annotated: when s must grow, it grows to what the whole text will
// need at the rate so far, not by append's doubling, so that a long text's
// tokens are copied a few times rather than a dozen, and the peak memory of
// a copy (old and new arrays at once) stays near the final size.
func growFor[T any](s []T, add, done, total int) []T {
	need := len(s) + add
	if need <= cap(s) {
		return s
	}
	estimate := need
	if done > 0 && done < total {
		estimate = int(float64(need) * float64(total) / float64(done) * 1.05)
	}
	grown := make([]T, len(s), max(need, estimate))
	copy(grown, s)
	return grown
}

// chunkEnd returns where the chunk starting at start should end: after the
// first paragraph break past size bytes, else after a line break, else at
// white space, else at the end of the text. Tokens and sentences never
// cross a paragraph break, so a cut there changes nothing; a text without
// one for size bytes is cut at a line break or a space, which may split a
// sentence (never a token).
func chunkEnd(text string, start, size int) int {
	if len(text)-start <= size {
		return len(text)
	}
	from := start + size
	limit := min(len(text), from+size)
	for _, sep := range []string{"\n\n", "\n"} {
		if i := strings.Index(text[from:limit], sep); i >= 0 {
			return from + i + len(sep)
		}
	}
	for i := from; i < limit; i++ {
		if c := text[i]; c == ' ' || c == '\t' {
			return i + 1
		}
	}
	return len(text)
}

// Validate checks that text can be annotated: valid UTF-8, not binary, not
// larger than maxBytes (0 means MaxTextBytes).
func Validate(text string, maxBytes int) error {
	if maxBytes <= 0 {
		maxBytes = MaxTextBytes
	}
	if len(text) > maxBytes {
		return fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(text), maxBytes)
	}
	// NUL first: binary files are usually invalid UTF-8 too, and "binary"
	// is the clearer message for them.
	if i := strings.IndexByte(text, 0); i >= 0 {
		return fmt.Errorf("%w (offset %d)", ErrBinary, i)
	}
	if !utf8.ValidString(text) {
		return fmt.Errorf("%w (first bad byte at offset %d)", ErrInvalidUTF8, firstInvalid(text))
	}
	return nil
}

func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// Languages maps the supported ISO 639-1 codes to snowball language names.
var Languages = map[string]string{
	"en": "english",
	"es": "spanish",
	"fr": "french",
	"ru": "russian",
	"sv": "swedish",
	"no": "norwegian",
	"hu": "hungarian",
}

func normalizeLang(lang string) (string, error) {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if lang == "" {
		return "en", nil
	}
	if lang == "nb" || lang == "nn" {
		return "no", nil
	}
	if _, ok := Languages[lang]; ok {
		return lang, nil
	}
	for code, name := range Languages {
		if name == lang {
			return code, nil
		}
	}
	return "", fmt.Errorf("%w %q: use one of en, es, fr, ru, sv, no, hu", ErrLanguage, lang)
}
