package analyzer

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"annotator/analyzer/lang"
	"annotator/analyzer/tagger"
)

func TestAnnotateRejectsBadInput(t *testing.T) {
	tests := []struct {
		name string
		text string
		opts Options
		want error
	}{
		{"invalid utf-8", "Kim \xff Jong-un", Options{}, ErrInvalidUTF8},
		{"binary", "PK\x03\x04\x00\x00", Options{}, ErrBinary},
		{"too large", strings.Repeat("word ", 30), Options{MaxBytes: 100}, ErrTooLarge},
		{"unknown language", "text", Options{Lang: "klingon"}, ErrLanguage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Annotate(tt.text, tt.opts)
			if !errors.Is(err, tt.want) || doc != nil {
				t.Fatalf("Annotate = %v, %v; want nil, %v", doc, err, tt.want)
			}
		})
	}
}

func TestAnnotateLanguages(t *testing.T) {
	tests := []struct{ lang, want, text, word, stem string }{
		{"", "en", "The denuclearisation talks", "denuclearisation", "denuclearis"},
		{"english", "en", "running", "running", "run"},
		{"es", "es", "las negociaciones", "negociaciones", "negoci"},
		{"french", "fr", "les négociations", "négociations", "négoci"},
		{"ru", "ru", "переговоры", "переговоры", "переговор"},
		{"sv", "sv", "förhandlingarna", "förhandlingarna", "förhandling"},
		{"nb", "no", "forhandlingene", "forhandlingene", "forhandling"},
		{"hungarian", "hu", "tárgyalások", "tárgyalások", "tárgyalás"},
	}
	for _, tt := range tests {
		t.Run(tt.want+"/"+tt.lang, func(t *testing.T) {
			doc, err := Annotate(tt.text, Options{Lang: tt.lang})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Lang != tt.want {
				t.Errorf("Lang = %q, want %q", doc.Lang, tt.want)
			}
			found := false
			for i, tok := range doc.Tokens {
				if doc.TokenText(i) == tt.word {
					found = true
					if tok.Stem != tt.stem {
						t.Errorf("stem of %q = %q, want %q", tt.word, tok.Stem, tt.stem)
					}
				}
			}
			if !found {
				t.Errorf("no token %q in %q", tt.word, tt.text)
			}
		})
	}
}

func TestAnnotateKeepsTextAndSpans(t *testing.T) {
	for name, text := range sampleTexts(t) {
		t.Run(name, func(t *testing.T) {
			doc, err := Annotate(text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != text {
				t.Fatal("the document text differs from the input")
			}
			checkDocumentInvariants(t, doc)
		})
	}
}

func TestStats(t *testing.T) {
	doc, err := Annotate("China’s leader didn't go. He stayed home!\n\nShort note", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := Stats{Words: 9, Sentences: 3, Characters: 53, ReadingMinutes: 1}
	if doc.Stats != want {
		t.Errorf("Stats = %+v, want %+v", doc.Stats, want)
	}
	doc, _ = Annotate(strings.Repeat("word ", 461), Options{})
	if doc.Stats.ReadingMinutes != 3 {
		t.Errorf("461 words read in %d minutes, want 3 at %d words a minute", doc.Stats.ReadingMinutes, WordsPerMinute)
	}
	doc, _ = Annotate("", Options{})
	if doc.Stats != (Stats{}) || len(doc.Tokens) != 0 {
		t.Errorf("empty text: %+v, %d tokens", doc.Stats, len(doc.Tokens))
	}
}

// FuzzAnnotate checks the invariants on arbitrary bytes: the tokenizer
// accepts anything; Annotate either refuses the input with an error or
// returns spans that are in range, sorted and on rune boundaries.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"", "Kim Jong-un met Xi Jinping in Beijing on June 19th, 2018.",
		"“No matter what,” he said. “It will not change.”", "a\xffb\x00c", "U.S. $2bn 3.5% 9.30am",
		"北京 Москва 😀👍🏽🇰🇷 e\u0301", "Mr. \"x\" 'y' -- — … https://e.example/(a) m@e.example",
		"President Ursula von der Leyen met Erik ten Hag; Rio de Janeiro and Van der Sar.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkTokenInvariants(t, text, Tokenize(text))
		doc, err := Annotate(text, Options{})
		if err != nil {
			if utf8.ValidString(text) && !strings.Contains(text, "\x00") {
				t.Fatalf("valid text refused: %v", err)
			}
			return
		}
		checkDocumentInvariants(t, doc)
	})
}

// checkDocumentInvariants asserts what every Document promises.
func checkDocumentInvariants(t *testing.T, doc *Document) {
	t.Helper()
	checkTokenInvariants(t, doc.Text, doc.Tokens)
	inRange := func(what string, s Span) {
		t.Helper()
		if s.Start < 0 || s.End > len(doc.Text) || s.Start > s.End ||
			!utf8.RuneStart(byteAt(doc.Text, s.Start)) || !utf8.RuneStart(byteAt(doc.Text, s.End)) {
			t.Fatalf("%s span %+v out of range or off rune boundaries (len %d)", what, s, len(doc.Text))
		}
	}
	next := 0
	for i, s := range doc.Sentences {
		if s.FirstToken != next || s.EndToken <= s.FirstToken {
			t.Fatalf("sentence %d covers tokens [%d,%d), want to start at %d", i, s.FirstToken, s.EndToken, next)
		}
		if s.Start != doc.Tokens[s.FirstToken].Start || s.End != doc.Tokens[s.EndToken-1].End {
			t.Fatalf("sentence %d span %+v does not match its tokens", i, s.Span)
		}
		next = s.EndToken
	}
	if next != len(doc.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(doc.Tokens))
	}
	end := 0
	for i, m := range doc.Mentions {
		inRange("mention", m.Span)
		if m.Start < end {
			t.Fatalf("mention %d %+v overlaps or precedes the previous one", i, m.Span)
		}
		if m.Start != doc.Tokens[m.FirstToken].Start || m.End != doc.Tokens[m.EndToken-1].End {
			t.Fatalf("mention %d %+v does not match tokens [%d,%d)", i, m.Span, m.FirstToken, m.EndToken)
		}
		if m.Entity < 0 || m.Entity >= len(doc.Entities) || doc.Entities[m.Entity].Label != m.Label {
			t.Fatalf("mention %d points to entity %d with another label", i, m.Entity)
		}
		end = m.End
	}
	for i, e := range doc.Entities {
		if len(e.Mentions) == 0 || e.Name == "" {
			t.Fatalf("entity %d %+v has no mentions or no name", i, e)
		}
		for _, m := range e.Mentions {
			if doc.Mentions[m].Entity != i {
				t.Fatalf("entity %d lists mention %d of entity %d", i, m, doc.Mentions[m].Entity)
			}
		}
	}
	for _, q := range doc.Quotes {
		inRange("quote", q.Span)
		if q.Speaker >= len(doc.Entities) {
			t.Fatalf("quote speaker %d out of range", q.Speaker)
		}
		if q.Attribution.Start >= 0 {
			inRange("attribution", q.Attribution)
		}
	}
	if doc.Stats.Sentences != len(doc.Sentences) || doc.Stats.Characters != utf8.RuneCountInString(doc.Text) {
		t.Fatalf("stats %+v do not match the document", doc.Stats)
	}
}

func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 0
	}
	return s[i]
}

// sampleTexts returns the project's fixture and, when ../shared is present,
// the sample articles.
func sampleTexts(t testing.TB) map[string]string {
	texts := map[string]string{}
	paths, _ := filepath.Glob("testdata/*.txt")
	shared, _ := filepath.Glob(filepath.Join(sharedDir, "articles", "*.txt"))
	for _, p := range append(paths, shared...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(p)] = string(b)
	}
	if len(shared) == 0 {
		t.Logf("%s/articles not found: testing on the project's fixtures only", sharedDir)
	}
	return texts
}

// sharedDir is the data folder beside the repository.
const sharedDir = "../../shared"

// benchmarkText returns a few hundred KB of news text: the CoNLL-2003
// development set rebuilt as plain text when ../shared is present, else the
// fixtures repeated.
func benchmarkText(b testing.TB) string {
	if text, err := conllPlainText(filepath.Join(sharedDir, "data", "conll2003", "eng.testa")); err == nil {
		return text
	}
	b.Logf("%s not found: benchmarking on the fixtures repeated", sharedDir)
	var sb strings.Builder
	for sb.Len() < 300_000 {
		for _, text := range sampleTexts(b) {
			sb.WriteString(text)
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

// conllPlainText rebuilds a CoNLL file as text: tokens joined by spaces,
// sentences by newlines, documents by blank lines.
func conllPlainText(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var sb strings.Builder
	line := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			if line > 0 {
				sb.WriteString("\n")
			}
			line = 0
		case fields[0] == "-DOCSTART-":
			sb.WriteString("\n")
		default:
			if line > 0 {
				sb.WriteString(" ")
			}
			sb.WriteString(fields[0])
			line++
		}
	}
	return sb.String(), sc.Err()
}

// BenchmarkAnnotate times the whole pipeline on one core and reports
// tokens/s and MB/s. Each run is a new job; after the first, jobs borrow
// the view of the language pack the last one gave back, as the app's and
// the CLI's do.
func BenchmarkAnnotate(b *testing.B) {
	benchmarkAnnotate(b, func() Options { return Options{} })
}

// BenchmarkAnnotateFreshVocab is BenchmarkAnnotate with each job given a
// new view of the pack and a new tagger, so it looks every word up and
// scores every word afresh: the first job's cost.
func BenchmarkAnnotateFreshVocab(b *testing.B) {
	pack, model := englishTagger(b)
	benchmarkAnnotate(b, func() Options {
		return Options{Vocab: pack.NewVocab(), Names: sessionNames{model.NewTagger()}}
	})
}

// englishTagger returns the English pack and its tagger model.
func englishTagger(b *testing.B) (*lang.Pack, *tagger.Model) {
	pack, err := lang.Get("en")
	if err != nil {
		b.Fatal(err)
	}
	model, err := pack.Tagger()
	if err != nil {
		b.Fatal(err)
	}
	return pack, model
}

// sessionNames tags with one tagger of its own: the words it scored stay
// for the next documents it tags, as in a session of the app, and no
// others.
type sessionNames struct{ tagger *tagger.Tagger }

func (n sessionNames) RecognizeNames(doc *Document) []Mention {
	tdoc := n.tagger.Doc()
	fillTaggerDoc(tdoc, doc)
	return tagNames(doc, tdoc, n.tagger.Tag)
}

func benchmarkAnnotate(b *testing.B, options func() Options) {
	text := benchmarkText(b)
	doc, err := Annotate(text, options())
	if err != nil {
		b.Fatal(err)
	}
	tokens := len(doc.Tokens)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Annotate(text, options()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkAnnotateArticles annotates article-sized documents one by one
// (the CoNLL development set's documents when ../shared is present), as the
// app does: per-document costs count here. Each round of the documents is
// a session with a new tagger, so a word is scored afresh in the first
// document that has it, and not again in the round.
func BenchmarkAnnotateArticles(b *testing.B) {
	_, model := englishTagger(b)
	docs := strings.Split(benchmarkText(b), "\n\n")
	tokens, bytes := 0, 0
	for _, d := range docs {
		doc, err := Annotate(d, Options{})
		if err != nil {
			b.Fatal(err)
		}
		tokens += len(doc.Tokens)
		bytes += len(d)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		session := Options{Names: sessionNames{model.NewTagger()}}
		for _, d := range docs {
			if _, err := Annotate(d, session); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkAnnotateLanguages times the full pipeline in each language
// other than English (BenchmarkAnnotate's), each run a new job, on about
// 300 KB of that language's development split rebuilt as text (skipped
// without ../shared).
func BenchmarkAnnotateLanguages(b *testing.B) {
	for _, code := range []string{"es", "fr", "ru", "sv", "no", "hu"} {
		b.Run(code, func(b *testing.B) {
			text, err := conllPlainText(filepath.Join(sharedDir, "data", "ner", code, "dev.conll"))
			if err != nil {
				b.Skipf("%s: %v", code, err)
			}
			for len(text) < 300_000 {
				text += "\n\n" + text
			}
			if cut := strings.LastIndex(text[:300_000], "\n\n"); cut > 0 {
				text = text[:cut]
			}
			opts := Options{Lang: code}
			doc, err := Annotate(text, opts)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(text)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := Annotate(text, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}
