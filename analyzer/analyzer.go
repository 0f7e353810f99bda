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
}

// Annotate runs the whole pipeline over text and returns the annotated
// Document. The text is kept as given; every annotation is a span into it.
func Annotate(text string, opts Options) (*Document, error) {
	lang, err := normalizeLang(opts.Lang)
	if err != nil {
		return nil, err
	}
	if err := Validate(text, opts.MaxBytes); err != nil {
		return nil, err
	}
	doc := &Document{Text: text, Lang: lang}
	doc.Tokens = Tokenize(text)
	doc.Sentences = SplitSentences(text, doc.Tokens)
	stemTokens(doc)
	names := opts.Names
	if names == nil {
		names = DefaultNames
	}
	doc.Mentions = mergeMentions(names.RecognizeNames(doc), findNumbers(doc))
	resolveDates(doc)
	groupEntities(doc)
	rankEntities(doc)
	doc.Quotes = findQuotes(doc)
	doc.Terms, doc.Phrases = keyTerms(doc)
	doc.Stats = countStats(doc)
	return doc, nil
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
