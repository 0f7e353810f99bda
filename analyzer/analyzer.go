package analyzer

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"annotator/analyzer/lang"
)

// MaxTextBytes is the default limit on the size of a text: larger pastes are
// refused with ErrTooLarge rather than freezing the caller.
const MaxTextBytes = 16 << 20

// Errors returned by Annotate.
var (
	ErrInvalidUTF8 = errors.New("text is not valid UTF-8")
	ErrBinary      = errors.New("text looks like binary data (it contains NUL bytes)")
	ErrTooLarge    = errors.New("text is too large")
	ErrLanguage    = lang.ErrUnsupported
)

// Options tune Annotate. The zero value annotates English.
type Options struct {
	// Lang is an ISO 639-1 code (en, es, fr, ru, sv, no, hu), a snowball
	// language name (english, spanish...) or LangAuto to detect it. Empty
	// means English.
	Lang string
	// Fallback is the language LangAuto falls back to when it cannot tell
	// (a short or mixed text); empty means English.
	Fallback string
	// Pack is the language pack to annotate with (one lang.Load read);
	// nil means the built-in pack of the language Lang chooses, which Pack
	// overrides. Choice then says how the caller chose it (the zero value:
	// the user did).
	Pack   *lang.Pack
	Choice LanguageChoice
	// Vocab is a view of that pack to look words up in, lent by a caller
	// that annotates texts one after another (the CLI, an evaluation) so
	// that each job need not look up again the words the last one did; nil
	// means one borrowed from the pack for the job (Pack.BorrowVocab). A
	// Vocab serves one job at a time.
	Vocab *lang.Vocab
	// MaxBytes limits the text size; 0 means MaxTextBytes.
	MaxBytes int
	// Names finds PER, ORG, LOC and MISC mentions; nil means the
	// recogniser of the language pack (its tagger model).
	Names NameRecognizer
	// ChunkBytes is about how much text one chunk holds (see Job); 0
	// means ChunkBytes. Smaller chunks keep a single-threaded caller more
	// responsive.
	ChunkBytes int
	// SkipNameRules names rules of NameRules() not to run (cross-validation
	// weighs each this way).
	SkipNameRules []string
	// Pause, when set, is called every so often from inside the long loops
	// of the document stages and of Job.Result: a single-threaded caller
	// (the browser's page) hands the thread back there, and stops a run by
	// panicking from it (the panic comes out of Step or Result). Where it
	// is called changes nothing in the result.
	Pause func()
	// Collect, when set, is called where a job over a long text collects
	// its garbage (every few chunks and between document stages), in
	// place of runtime.GC: the browser's page gives the collection a slice
	// of its own and then calls runtime.GC. Like Pause, it may stop the
	// run by panicking (the panic comes out of Step).
	Collect func()
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

// Languages maps the ISO 639-1 code of every language with a pack to
// snowball's name for it.
var Languages = func() map[string]string {
	names := make(map[string]string)
	for _, l := range lang.Languages() {
		names[l.Code] = l.Name
	}
	return names
}()
