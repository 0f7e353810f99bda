package analyzer

import (
	"fmt"
	"runtime"
	"strings"

	"annotator/analyzer/lang"
)

// pipeline is the analyzer: its stages, in the order they run. The chunk
// stages run over each chunk of the text in turn (an article is one chunk;
// a long text is cut at paragraph breaks, see chunkEnd), on what that
// stretch of text says by itself; the document stages run once, over the
// whole document, on what needs all of it. Each stage's code is in the file
// of its name (names.go, dates.go...), numbers with dates.go and mentions
// with entities.go; README's "How it works" lists the same table.
var pipeline = []stage{
	{"tokenize", perChunk, func(w *work) {
		w.chunk.Tokens = tokenizeChunk(w.doc.Text, w.start, w.end, w.vocab.Pack())
	}},
	{"sentences", perChunk, func(w *work) { w.chunk.Sentences = SplitSentences(w.doc.Text, w.chunk.Tokens) }},
	{"stems", perChunk, func(w *work) { stemTokens(w.chunk, w.vocab) }},
	{"names", perChunk, func(w *work) { w.names = fixNames(w.chunk, w.recognizer.RecognizeNames(w.chunk), w.skipRules) }},
	{"numbers", perChunk, func(w *work) { w.numbers = findNumbers(w.chunk, w.pace) }},
	{"mentions", perChunk, func(w *work) { w.chunk.Mentions = mergeMentions(w.names, w.numbers) }},

	{"dates", perDocument, func(w *work) { resolveDates(w.doc) }},
	{"entities", perDocument, func(w *work) { groupEntities(w.doc, w.pace) }},
	{"salience", perDocument, func(w *work) { rankEntities(w.doc) }},
	{"quotes", perDocument, func(w *work) { w.doc.Quotes = findQuotes(w.doc, w.pace) }},
	{"terms", perDocument, func(w *work) { w.doc.Terms, w.doc.Phrases = keyTerms(w.doc, w.vocab, w.pace) }},
	{"stats", perDocument, func(w *work) { w.doc.Stats = countStats(w.doc) }},
}

// stage is one named step of the pipeline.
type stage struct {
	name  string
	scope scope
	run   func(w *work)
}

// scope says what a stage runs over.
type scope uint8

const (
	perChunk    scope = iota // each chunk of the text, in turn
	perDocument              // the whole document, once every chunk is in it
)

// work is what the stages read and write.
type work struct {
	// doc is the document: the chunks annotated so far, then all of it.
	doc        *Document
	vocab      *lang.Vocab
	recognizer NameRecognizer
	skipRules  map[string]bool // name rules not to run (Options.SkipNameRules)
	// The chunk under way: text [start, end) of doc.Text, its tokens,
	// sentences and mentions (offsets into doc.Text, token indices into
	// the chunk), and its names and rule mentions before they merge.
	start, end     int
	chunk          *Document
	names, numbers []Mention
	// pace calls Options.Pause from the long loops (nil: never).
	pace *pacer
	// collect collects a long text's garbage (Options.Collect).
	collect func()
}

// pacer calls pause once every pauseEvery ticks: a long loop ticks once an
// item (a mention, a token, a sentence), a few microseconds of work each.
// A nil pacer never pauses.
type pacer struct {
	pause func()
	ticks int
}

const pauseEvery = 512

func newPacer(pause func()) *pacer {
	if pause == nil {
		return nil
	}
	return &pacer{pause: pause}
}

// tick counts one item of a long loop and pauses when it is time.
func (p *pacer) tick() {
	if p == nil {
		return
	}
	if p.ticks++; p.ticks >= pauseEvery {
		p.ticks = 0
		p.pause()
	}
}

// Stages returns the names of the pipeline's stages, in order: the chunk
// stages (run over each chunk of a text), then the document stages.
func Stages() []string {
	names := make([]string, len(pipeline))
	for i, s := range pipeline {
		names[i] = s.name
	}
	return names
}

// chunkStages is how many stages run per chunk: they come first.
var chunkStages = func() int {
	n := 0
	for n < len(pipeline) && pipeline[n].scope == perChunk {
		n++
	}
	for _, s := range pipeline[n:] {
		if s.scope == perChunk {
			panic("analyzer: chunk stage " + s.name + " after a document stage")
		}
	}
	return n
}()

// ChunkBytes is about how much text one chunk holds: long texts are cut at
// paragraph breaks into chunks of this size. An article is one chunk.
const ChunkBytes = 64 << 10

// Job annotates a text a stage at a time, so that a caller (the browser,
// which has one thread) can show progress, name the stage under way and
// stay responsive between steps. Each Step runs one stage of the pipeline:
// the chunk stages over the first chunk, then over the next..., then the
// document stages. The result is the same as Annotate's.
type Job struct {
	w          work
	chunkBytes int
	done       int  // bytes of text through every chunk stage
	next       int  // index in pipeline of the stage the next Step runs
	chunks     int  // chunks done
	borrowed   bool // w.vocab is the pack's, given back when the job is done
}

// Start validates text and prepares its annotation.
func Start(text string, opts Options) (*Job, error) {
	if err := Validate(text, opts.MaxBytes); err != nil {
		return nil, err
	}
	pack, choice := opts.Pack, opts.Choice
	if pack == nil {
		var err error
		if choice, err = ChooseLanguage(text, opts.Lang, opts.Fallback); err != nil {
			return nil, err
		}
		if pack, err = lang.Get(choice.Code); err != nil {
			return nil, err
		}
	} else if choice.Source == "" {
		choice = LanguageChoice{Source: LangUser}
	}
	choice.Code = pack.Code()
	vocab, borrowed := opts.Vocab, false
	if vocab == nil {
		vocab, borrowed = pack.BorrowVocab(), true
	} else if vocab.Pack() != pack {
		return nil, fmt.Errorf("Options.Vocab views the %s pack, not the one the job annotates with (%s)", vocab.Pack().Code(), pack.Code())
	}
	names := opts.Names
	if names == nil {
		names = &jobNames{pack: pack}
	}
	chunk := opts.ChunkBytes
	if chunk <= 0 {
		chunk = ChunkBytes
	}
	var skip map[string]bool
	for _, r := range opts.SkipNameRules {
		if skip == nil {
			skip = map[string]bool{}
		}
		skip[r] = true
	}
	doc := &Document{Text: text, Lang: pack.Code(), LangSource: choice.Source, LangReason: choice.Reason, pack: pack}
	collect := opts.Collect
	if collect == nil {
		collect = runtime.GC
	}
	j := &Job{w: work{doc: doc, vocab: vocab, recognizer: names, skipRules: skip, pace: newPacer(opts.Pause), collect: collect}, chunkBytes: chunk, borrowed: borrowed}
	if text == "" {
		j.next = chunkStages // no chunk to annotate
	}
	return j, nil
}

// Step runs the next stage and reports whether the document is complete.
func (j *Job) Step() bool {
	if j.next >= len(pipeline) {
		return true
	}
	w := &j.w
	if j.next == 0 {
		w.start, w.end = j.done, chunkEnd(w.doc.Text, j.done, j.chunkBytes)
		w.chunk = &Document{Text: w.doc.Text, Lang: w.doc.Lang, pack: w.doc.pack, pace: w.pace}
	}
	pipeline[j.next].run(w)
	j.next++
	if j.next > chunkStages && j.next < len(pipeline) && len(w.doc.Text) >= collectFrom {
		w.collect() // a document stage's garbage goes before the next one's
	}
	if j.next == chunkStages {
		w.appendChunk()
		j.done = w.end
		if j.done < len(w.doc.Text) {
			j.next = 0
		}
		j.chunks++
		if len(w.doc.Text) >= collectFrom && (j.chunks%collectEvery == 0 || j.next != 0) {
			// A long text's chunks leave garbage (the tagger's features:
			// about 150 bytes a byte of text) faster than the collector's
			// pacing frees it, and the document stages add theirs: without
			// these collections the peak holds both (the peak memory
			// budget is 40 times the input, BenchmarkPeakMemory).
			w.collect()
		}
	}
	if j.next >= len(pipeline) && j.borrowed {
		w.doc.pack.ReturnVocab(w.vocab)
		w.vocab, j.borrowed = nil, false
	}
	if j.next >= len(pipeline) {
		if n, ok := w.recognizer.(*jobNames); ok {
			n.release()
		}
	}
	return j.next >= len(pipeline)
}

// Stage returns the name of the stage the next Step runs (one of Stages),
// "" once the document is complete.
func (j *Job) Stage() string {
	if j.next >= len(pipeline) {
		return ""
	}
	return pipeline[j.next].name
}

// Progress returns how much of the work is done, from 0 to 1. The chunk
// stages count for nine tenths, in proportion to the text they have been
// through; the document stages for the rest.
func (j *Job) Progress() float64 {
	docStages := len(pipeline) - chunkStages
	if j.next >= chunkStages {
		finished := max(j.next-chunkStages, 0)
		if len(j.w.doc.Text) == 0 {
			return float64(finished) / float64(docStages)
		}
		return 0.9 + 0.1*float64(finished)/float64(docStages)
	}
	through := float64(j.done)
	if j.next > 0 {
		through += float64(j.w.end-j.w.start) * float64(j.next) / float64(chunkStages)
	}
	return 0.9 * through / float64(len(j.w.doc.Text))
}

// Result returns the document's Result (Document.Result) once Step has
// reported it complete, nil before; a long conversion pauses
// (Options.Pause) as it goes.
func (j *Job) Result() *Result {
	if j.next < len(pipeline) {
		return nil
	}
	return j.w.doc.result(j.w.pace)
}

// Document returns the annotated document once Step has reported it
// complete, nil before.
func (j *Job) Document() *Document {
	if j.next < len(pipeline) {
		return nil
	}
	return j.w.doc
}

// tokenizeChunk tokenizes text [start, end), which begins and ends at white
// space, by the language's rules (elided words split off, abbreviations
// kept whole): offsets into text.
func tokenizeChunk(text string, start, end int, pack *lang.Pack) []Token {
	tokens := tokenizeWith(text[start:end], pack)
	for i := range tokens {
		tokens[i].Start += start
		tokens[i].End += start
	}
	return tokens
}

// appendChunk adds the chunk's tokens, sentences and mentions to the
// document, its token indices shifted past the tokens already there.
func (w *work) appendChunk() {
	doc, chunk := w.doc, w.chunk
	w.chunk, w.names, w.numbers = nil, nil, nil
	if len(doc.Tokens) == 0 {
		// The first chunk (for an article, the whole text) needs no copy.
		doc.Tokens, doc.Sentences, doc.Mentions = chunk.Tokens, chunk.Sentences, chunk.Mentions
		return
	}
	base := len(doc.Tokens)
	doc.Tokens = growFor(doc.Tokens, len(chunk.Tokens), w.end, len(doc.Text))
	doc.Sentences = growFor(doc.Sentences, len(chunk.Sentences), w.end, len(doc.Text))
	doc.Mentions = growFor(doc.Mentions, len(chunk.Mentions), w.end, len(doc.Text))
	for _, s := range chunk.Sentences {
		s.FirstToken += base
		s.EndToken += base
		doc.Sentences = append(doc.Sentences, s)
	}
	for _, m := range chunk.Mentions {
		m.FirstToken += base
		m.EndToken += base
		doc.Mentions = append(doc.Mentions, m)
	}
	doc.Tokens = append(doc.Tokens, chunk.Tokens...)
}

// A Job over a text of collectFrom bytes or more collects garbage every
// collectEvery chunks and once its chunks are done: each a few
// milliseconds against the second or more such a text takes. Every four
// chunks, 1 MB of short lines piled up 14 MB of the chunks' garbage, and
// a wasm memory keeps its highest point.
const (
	collectFrom  = 512 << 10
	collectEvery = 2
)

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
