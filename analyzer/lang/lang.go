// Package lang holds what the analyzer knows of each language it reads, one
// pack per language: the snowball stemmer and stop words, how term keys are
// spelt (British and American spellings grouped in English), the reporting
// words and the key-phrase edge rule of key terms, the background term
// frequencies key terms are weighed against, and the model of the name
// tagger. Each language has one file (en.go, es.go, fr.go, ru.go, sv.go,
// no.go, hu.go) that declares its pack, and the pack's data files, if it has
// any, sit in a directory named after it (en/background.txt).
//
// It is a package of its own, below the pipeline, because a pack is words
// and data with no view of documents or stages: the analyzer, the trainer
// and the bundle builder can all use it, and one loader (Load) reads a
// pack's data files, as bytes, whether they come from the binary (Get) or
// from a file fetched at run time. A Pack is immutable and shared by every job in its language;
// a Vocab is one job's view of it, with that job's own cache of word forms:
// no cache lives at package level and no lock guards one.
//
// Later packs add their date words, quote marks, attribution verbs,
// honorifics, gazetteers and tagger models the same way: code and short
// word lists in the language's file, long lists and models as data files
// that Load reads.
package lang

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"

	"annotator/analyzer/gazetteer"
	"annotator/analyzer/letters"
	"annotator/analyzer/tagger"
)

// ErrUnsupported is returned for a language no pack covers.
var ErrUnsupported = errors.New("unsupported language")

// Files are a pack's data files, by name (BackgroundFile, ModelFile): the
// binary's, files read from disk, or those of a pack file fetched at run
// time. Plain bytes, so that the browser's build links no file system.
type Files map[string][]byte

// The data files a pack may have. A pack without one goes without: key
// terms without a background are weighed by count alone, and names without
// a model of their own use the default tagger model (analyzer/tagger).
const (
	BackgroundFile = "background.txt" // see ReadBackground
	ModelFile      = "model.bin"      // a tagger model (tagger.Load)
	// ListsFile and ClustersFile are the gazetteer's name lists and word
	// clusters (gazetteer.Use), which every tagger model reads: English's
	// pack carries them, so the browser's app.wasm holds none.
	ListsFile    = "gazetteer-lists.txt"
	ClustersFile = "gazetteer-clusters.txt"
)

// Pack is what the analyzer knows of one language. It does not change once
// made: every job in the language shares it, and its methods are safe for
// concurrent use.
type Pack struct {
	def   *definition
	files Files // the data files, until read (once, on first use)

	once       sync.Once
	err        error
	background *Background
	model      *tagger.Model // nil: tagger.Default
	vocabs     sync.Pool     // views given back by finished jobs (BorrowVocab)
}

// definition is the part of a pack compiled into the binary: the rules
// written as code (the stemmer, spellings) and short word lists, and the
// built-in pack's data files.
type definition struct {
	code string // ISO 639-1
	name string // snowball's name for it
	// stem and isStop are snowball's; isStop takes a lower-case word.
	stem   func(word string, stemStopWords bool) string
	isStop func(lower string) bool
	// termSpelling respells a lower-case word before it is stemmed into a
	// term key (American to British in English); nil leaves words alone.
	termSpelling func(lower string) string
	// reporting are words every news story uses ("said"), left out of
	// key terms.
	reporting map[string]bool
	// phraseEdges says whether a key phrase may start or end with a
	// lower-case word.
	phraseEdges func(lower string) PhraseEdges
	// elisions are the words, lower case and without their apostrophe,
	// that the tokenizer splits off the word they are elided onto (French
	// l'État → l' + État); nil for none.
	elisions map[string]bool
	// abbreviations are words, lower case and without their final period,
	// that keep it and never end a sentence (Spanish sra, Swedish t.ex,
	// Hungarian ún), besides the tokenizer's English ones; nil for none.
	abbreviations map[string]bool
	// romanOrdinals: the language writes ordinals with a period, so a
	// Roman numeral keeps its period and ends no sentence (Hungarian
	// II. József, XVII. Konferencia).
	romanOrdinals bool
	dates         *Dates
	quotes        *Quotes
	// skipNameRules are the pipeline's name rules (analyzer.NameRules)
	// that do not run in the language: written for English news, each is
	// kept elsewhere only where cross-validation found it helps.
	skipNameRules map[string]bool
	// honorifics are the titles written before a person's name (Sr., Mme,
	// господин), with the gender they tell (UnknownGender for none).
	honorifics map[string]Gender
	// files are the built-in data files; nil when there are none (in the
	// browser's build, where packs are fetched: see files_native.go).
	files Files
	// prepared builds the date and quote tables once the language is first
	// used, not at start-up: the page starts with one language of seven.
	prepared sync.Once
}

// prepare builds the language's date and quote lookup tables.
func (d *definition) prepare() {
	d.prepared.Do(func() {
		if d.dates != nil {
			d.dates.prepare()
		}
		if d.quotes != nil {
			d.quotes.prepare()
		}
	})
}

// definitions are the languages, in the order menus list them.
var definitions = []*definition{englishPack, spanishPack, frenchPack, russianPack, swedishPack, norwegianPack, hungarianPack}

// builtins are the packs Get returns, one per definition, their data in the
// binary.
var builtins = func() map[*definition]*Pack {
	packs := make(map[*definition]*Pack, len(definitions))
	for _, d := range definitions {
		packs[d] = &Pack{def: d, files: d.files}
	}
	return packs
}()

// Language is a language with a pack.
type Language struct {
	Code string // ISO 639-1
	Name string // snowball's name for it
}

// Languages lists every language with a pack, in menu order.
func Languages() []Language {
	langs := make([]Language, len(definitions))
	for i, d := range definitions {
		langs[i] = Language{d.code, d.name}
	}
	return langs
}

// Codes returns the ISO 639-1 codes of every language with a pack, in menu
// order: en, es, fr, ru, sv, no, hu.
func Codes() []string {
	codes := make([]string, len(definitions))
	for i, d := range definitions {
		codes[i] = d.code
	}
	return codes
}

// Normalize returns the ISO 639-1 code of a language given as a code (en,
// ES, nb and nn for no) or as snowball's name (english, spanish...); empty
// means English.
func Normalize(lang string) (string, error) {
	d, err := find(lang)
	if err != nil {
		return "", err
	}
	return d.code, nil
}

func find(lang string) (*definition, error) {
	lang = letters.Lower(strings.TrimSpace(lang))
	switch lang {
	case "":
		lang = "en"
	case "nb", "nn":
		lang = "no"
	}
	for _, d := range definitions {
		if d.code == lang || d.name == lang {
			return d, nil
		}
	}
	return nil, fmt.Errorf("%w %q: use one of %s", ErrUnsupported, lang, strings.Join(Codes(), ", "))
}

// Get returns the built-in pack of a language (as Normalize reads it). Its
// data files are read from the binary when first needed, so that Get costs
// nothing at start-up.
func Get(lang string) (*Pack, error) {
	d, err := find(lang)
	if err != nil {
		return nil, err
	}
	return builtins[d], nil
}

// Load returns the pack of a language with the data files given rather than
// the binary's: a pack fetched at run time, or one being built. The
// language's code and word lists are the binary's; a data file that files
// lacks is left out, one that is malformed is an error.
func Load(lang string, files Files) (*Pack, error) {
	d, err := find(lang)
	if err != nil {
		return nil, err
	}
	p := &Pack{def: d, files: files}
	if err := p.load(); err != nil {
		return nil, err
	}
	return p, nil
}

// load reads the pack's data files, once.
func (p *Pack) load() error {
	p.once.Do(func() { p.err = p.read() })
	return p.err
}

func (p *Pack) read() error {
	p.background = noBackground
	code := p.def.code
	defer func() { p.files = nil }() // parsed: the bytes can go
	if b, ok := p.files[BackgroundFile]; ok {
		bg, err := ReadBackground(bytes.NewReader(b))
		if err != nil {
			return fmt.Errorf("%s pack: %s: %w", code, BackgroundFile, err)
		}
		p.background = bg
	}
	if lists, ok := p.files[ListsFile]; ok {
		if err := gazetteer.Use(lists, p.files[ClustersFile]); err != nil {
			return fmt.Errorf("%s pack: %s: %w", code, ListsFile, err)
		}
	}
	if b, ok := p.files[ModelFile]; ok && len(b) > 0 {
		load := tagger.Load
		if e := tagger.Embedded(); len(e) > 0 && &e[0] == &b[0] {
			load = func([]byte) (*tagger.Model, error) { return tagger.Default() } // loaded once, shared
		}
		m, err := load(b)
		if err != nil {
			return fmt.Errorf("%s pack: %s: %w", code, ModelFile, err)
		}
		p.model = m
	}
	return nil
}

// Code returns the language's ISO 639-1 code.
func (p *Pack) Code() string { return p.def.code }

// Name returns snowball's name for the language (english, spanish...).
func (p *Pack) Name() string { return p.def.name }

// Stem returns the snowball stem of word, in lower case.
func (p *Pack) Stem(word string) string { return p.def.stem(letters.Lower(word), true) }

// IsStopWord reports whether word is one of snowball's stop words for the
// language.
func (p *Pack) IsStopWord(word string) bool { return p.def.isStop(letters.Lower(word)) }

// TermKey returns the key under which word groups with its other forms as
// a key term: its stem, after American spellings are made British in
// English (denuclearization and denuclearise share "denuclearis").
func (p *Pack) TermKey(word string) string { return p.Word(word).Term }

// Word returns what the pack says of a word form. A job looks words up
// through its Vocab, which remembers them.
func (p *Pack) Word(form string) Word { return p.word(letters.Lower(form)) }

func (p *Pack) word(lower string) Word {
	d := p.def
	w := Word{Stem: d.stem(lower, true), Stop: d.isStop(lower), Reporting: d.reporting[lower], Edges: d.phraseEdges(lower)}
	w.Term = w.Stem
	if d.termSpelling != nil {
		if s := d.termSpelling(lower); s != lower {
			w.Term = d.stem(s, true)
		}
	}
	return w
}

// Background returns the frequencies key terms are weighed against; a pack
// without any (or whose built-in data is broken, which lang's tests catch)
// has an empty one, which weighs every term alike.
func (p *Pack) Background() *Background {
	p.load()
	return p.background
}

// Tagger returns the name tagger model of the language: the pack's own, or
// the default model (analyzer/tagger's, trained on English news), which
// every built-in pack uses for now.
func (p *Pack) Tagger() (*tagger.Model, error) {
	if err := p.load(); err != nil {
		return nil, err
	}
	if p.model != nil {
		return p.model, nil
	}
	return tagger.Default()
}

// RunsNameRule reports whether the pipeline's name rule of that name runs
// in the language.
func (p *Pack) RunsNameRule(name string) bool { return !p.def.skipNameRules[name] }

// Dates returns the words of dates in the language.
func (p *Pack) Dates() *Dates {
	p.def.prepare()
	return p.def.dates
}

// Quotes returns the quote marks and words of attribution of the language.
func (p *Pack) Quotes() *Quotes {
	p.def.prepare()
	return p.def.quotes
}

// Honorific reports whether the lower-case word is a title written before
// a person's name, and the gender it tells.
func (p *Pack) Honorific(lower string) (Gender, bool) {
	g, ok := p.def.honorifics[lower]
	return g, ok
}

// Elides reports whether the lower-case word, without its apostrophe, is
// split off the word after its apostrophe (French l', d', qu').
func (p *Pack) Elides(lower string) bool { return p.def.elisions[lower] }

// Elisions returns the words Elides reports, nil for a language without.
func (p *Pack) Elisions() map[string]bool { return p.def.elisions }

// Abbreviations returns the language's words that keep their period (lower
// case, without the final period: "t.ex"), nil for a language without.
func (p *Pack) Abbreviations() map[string]bool { return p.def.abbreviations }

// RomanOrdinals reports whether a Roman numeral with a period is an
// ordinal that keeps its period (Hungarian II. József).
func (p *Pack) RomanOrdinals() bool { return p.def.romanOrdinals }

// HasModel reports whether the pack has a name tagger model of its own
// (false for a fetched pack whose files are not yet loaded).
func (p *Pack) HasModel() bool {
	p.load()
	return p.model != nil
}

// NewVocab returns a new, empty view of the pack for one job.
func (p *Pack) NewVocab() *Vocab {
	return &Vocab{pack: p, forms: make(map[string]Word), limit: maxForms}
}

// BorrowVocab returns a view of the pack for one job: one an earlier job
// gave back, its words already looked up (news repeats its words from
// article to article), or a new one. Each view serves one job at a time;
// the collector may drop views given back, and a job that never ends just
// keeps its own.
func (p *Pack) BorrowVocab() *Vocab {
	if v, ok := p.vocabs.Get().(*Vocab); ok {
		return v
	}
	return p.NewVocab()
}

// ReturnVocab gives back a view from BorrowVocab once its job is done.
func (p *Pack) ReturnVocab(v *Vocab) {
	if v != nil && v.pack == p {
		p.vocabs.Put(v)
	}
}

// honorifics builds an honorifics table from a line of male titles and one
// of female titles; a title in both tells no gender.
func honorifics(male, female string) map[string]Gender {
	m := map[string]Gender{}
	for _, w := range strings.Fields(male) {
		m[w] = Male
	}
	for _, w := range strings.Fields(female) {
		if _, ok := m[w]; ok {
			m[w] = UnknownGender
			continue
		}
		m[w] = Female
	}
	return m
}

func hasAnySuffix(w string, suffixes ...string) bool {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// romancePhraseEdges is the key-phrase edge rule of Spanish and French: no
// phrase starts or ends with a common verb form, an adverb in -mente/-ment
// or a participle (-ado, -ido, -é, -ée).
func romancePhraseEdges(verbs map[string]bool) func(string) PhraseEdges {
	return func(lower string) PhraseEdges {
		if verbs[lower] || hasAnySuffix(lower, "mente", "ment") {
			return 0
		}
		if hasAnySuffix(lower, "ado", "ido", "ada", "ida", "ando", "iendo", "ó", "é", "ée", "és", "ait", "aient") {
			return StartsPhrase
		}
		return StartsPhrase | EndsPhrase
	}
}

// germanicPhraseEdges is the key-phrase edge rule of Swedish and
// Norwegian: no phrase starts or ends with a common verb form, nor ends
// with a past tense or participle (-de, -te, -et, -ade).
func germanicPhraseEdges(verbs map[string]bool) func(string) PhraseEdges {
	return func(lower string) PhraseEdges {
		if verbs[lower] {
			return 0
		}
		if hasAnySuffix(lower, "ade", "ede", "te", "et", "ande", "ende") {
			return StartsPhrase
		}
		return StartsPhrase | EndsPhrase
	}
}

// words is the set of the space-separated words of list: written as one
// string, a long list is data in the wasm rather than code storing each
// word (1,970 words in the packs' tables: 89 KB of app.wasm raw, 13 KB brotli).
func words(list string) map[string]bool { return set(strings.Fields(list)...) }

func set(words ...string) map[string]bool {
	s := make(map[string]bool, len(words))
	for _, w := range words {
		s[w] = true
	}
	return s
}
