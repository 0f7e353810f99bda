package lang

import (
	"errors"
	"os"
	"strings"
	"testing"

	"annotator/analyzer/tagger"
)

func TestEveryLanguageHasAPack(t *testing.T) {
	// common is the term key of a word news in the language often uses
	// (government), which its background must weigh down.
	tests := []struct{ code, name, word, stem, common string }{
		{"en", "english", "negotiations", "negoti", "govern"},
		{"es", "spanish", "negociaciones", "negoci", "gobiern"},
		{"fr", "french", "négociations", "négoci", "gouvern"},
		{"ru", "russian", "переговоры", "переговор", "правительств"},
		{"sv", "swedish", "förhandlingarna", "förhandling", "regering"},
		{"no", "norwegian", "forhandlingene", "forhandling", "regjering"},
		{"hu", "hungarian", "tárgyalások", "tárgyalás", "kormány"},
	}
	if got := strings.Join(Codes(), " "); got != "en es fr ru sv no hu" {
		t.Errorf("Codes() = %s", got)
	}
	if len(Languages()) != len(tests) {
		t.Errorf("%d languages, want %d", len(Languages()), len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if l := Languages()[i]; l.Code != tt.code || l.Name != tt.name {
				t.Errorf("language %d is %+v, want %s %s", i, l, tt.code, tt.name)
			}
			for _, name := range []string{tt.code, tt.name, strings.ToUpper(tt.code) + " "} {
				p, err := Get(name)
				if err != nil {
					t.Fatalf("Get(%q): %v", name, err)
				}
				if p.Code() != tt.code || p.Name() != tt.name {
					t.Errorf("Get(%q) is %s %s", name, p.Code(), p.Name())
				}
			}
			p, _ := Get(tt.code)
			if got := p.Stem(strings.ToUpper(tt.word)); got != tt.stem {
				t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.stem)
			}
			if w := p.Word(tt.word); w.Stem != tt.stem || w.Term != tt.stem || w.Stop {
				t.Errorf("Word(%q) = %+v", tt.word, w)
			}
			// Every built-in pack's data reads: Load fails on what Get's
			// lazy loading would swallow.
			if p.def.files != nil {
				if _, err := Load(tt.code, p.def.files); err != nil {
					t.Errorf("the binary's data: %v", err)
				}
			}
			if _, err := p.Tagger(); err != nil {
				t.Errorf("Tagger: %v", err)
			}
			// The background is the training split's documents, not a
			// placeholder that weighs every term alike.
			bg := p.Background()
			if bg.docs < 200 || len(bg.df) < 4000 {
				t.Errorf("background of %d documents and %d term keys", bg.docs, len(bg.df))
			}
			if bg.IDF(tt.common) >= bg.IDF("zzunseen")-1 {
				t.Errorf("IDF(%q) = %.2f, unseen %.2f: a common word must count for less", tt.common, bg.IDF(tt.common), bg.IDF("zzunseen"))
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"": "en", "  ": "en", "English": "en", "nb": "no", "nn": "no", "NO": "no", "hungarian": "hu"} {
		if got, err := Normalize(in); got != want || err != nil {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"xx", "de", "klingon", "e n"} {
		_, err := Normalize(in)
		if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "use one of en, es, fr, ru, sv, no, hu") {
			t.Errorf("Normalize(%q): %v, want ErrUnsupported listing the languages", in, err)
		}
		if _, err := Get(in); !errors.Is(err, ErrUnsupported) {
			t.Errorf("Get(%q): %v, want ErrUnsupported", in, err)
		}
	}
}

func TestEnglishWords(t *testing.T) {
	p, _ := Get("en")
	tests := []struct {
		form string
		want Word
	}{
		{"Said", Word{Stem: "said", Term: "said", Reporting: true}},
		{"the", Word{Stem: "the", Term: "the", Stop: true, Edges: StartsPhrase | EndsPhrase}},
		{"denuclearization", Word{Stem: "denuclear", Term: "denuclearis", Edges: StartsPhrase | EndsPhrase}},
		{"quickly", Word{Stem: "quick", Term: "quick", Edges: EndsPhrase}},
		{"talking", Word{Stem: "talk", Term: "talk", Edges: StartsPhrase}},
		{"took", Word{Stem: "took", Term: "took"}},
	}
	for _, tt := range tests {
		if got := p.Word(tt.form); got != tt.want {
			t.Errorf("Word(%q) = %+v, want %+v", tt.form, got, tt.want)
		}
	}
	if got := p.TermKey("Defense"); got != "defenc" {
		t.Errorf("TermKey(Defense) = %q, want the British spelling's stem defenc", got)
	}
	// Spanish has no spelling rule: the term key is the stem.
	es, _ := Get("es")
	if got := es.TermKey("Defensa"); got != es.Stem("defensa") {
		t.Errorf("Spanish TermKey(Defensa) = %q, want its stem", got)
	}
}

func TestVocabIsAJobsOwnCache(t *testing.T) {
	p, _ := Get("en")
	a, b := p.NewVocab(), p.NewVocab()
	text := "Talks resumed. TALKS"
	form := text[:5]
	if got := a.Lookup(form); got != p.Word(form) {
		t.Errorf("Lookup(%q) = %+v, want the pack's %+v", form, got, p.Word(form))
	}
	// Talks is held as written and in lower case, which its other forms
	// share; b has seen nothing.
	if _, ok := a.forms["talks"]; len(a.forms) != 2 || !ok || len(b.forms) != 0 {
		t.Errorf("after one lookup in a: a holds %v, b %v", a.forms, b.forms)
	}
	if got := a.Lookup(text[len(text)-5:]); got != p.Word("talks") || len(a.forms) != 3 {
		t.Errorf("TALKS looks up %+v, %d forms held", got, len(a.forms))
	}
	if got := a.Lookup("talks"); got != p.Word("talks") || len(a.forms) != 3 {
		t.Errorf("talks looks up %+v, %d forms held", got, len(a.forms))
	}
	if a.Pack() != p {
		t.Error("the Vocab views another pack")
	}
	// The cache is bounded: past its limit it starts afresh.
	if a.limit != maxForms {
		t.Errorf("a new Vocab holds up to %d forms, want %d", a.limit, maxForms)
	}
	small := &Vocab{pack: p, forms: map[string]Word{}, limit: 100}
	for i := range 250 {
		small.Lookup(strings.Repeat("X", i+1))
		if len(small.forms) > small.limit {
			t.Fatalf("the Vocab holds %d forms, more than %d", len(small.forms), small.limit)
		}
	}
	if _, ok := small.forms[strings.Repeat("X", 250)]; !ok || len(small.forms) < 2 {
		t.Errorf("after 250 forms, the Vocab holds %d and not the last", len(small.forms))
	}
}

func TestLoadReadsDataFiles(t *testing.T) {
	custom := Files{BackgroundFile: []byte("# two documents\n2\ntalk 2\nharbour 1\n")}
	p, err := Load("en", custom)
	if err != nil {
		t.Fatal(err)
	}
	bg := p.Background()
	if !(bg.IDF("talk") < bg.IDF("harbour") && bg.IDF("harbour") < bg.IDF("unseen")) {
		t.Errorf("IDF talk %v, harbour %v, unseen %v: want the rarer the higher", bg.IDF("talk"), bg.IDF("harbour"), bg.IDF("unseen"))
	}
	if p.Stem("talks") != "talk" {
		t.Error("a loaded pack lost the language's stemmer")
	}

	// No data files: no background (every term weighs alike), the default
	// tagger model.
	bare, err := Load("en", nil)
	if err != nil {
		t.Fatal(err)
	}
	if bg := bare.Background(); bg.IDF("said") != bg.IDF("harbour") {
		t.Error("a pack without background frequencies weighs terms apart")
	}
	def, _ := tagger.Default()
	if m, err := bare.Tagger(); m != def || err != nil {
		t.Errorf("a pack without a model has tagger %p, %v; want the default %p", m, err, def)
	}

	// The same files as the binary's, read from disk: the same pack.
	background, err := os.ReadFile("en/" + BackgroundFile)
	if err != nil {
		t.Fatal(err)
	}
	disk, err := Load("en", Files{BackgroundFile: background})
	if err != nil {
		t.Fatal(err)
	}
	builtin, _ := Get("en")
	for _, key := range []string{"talk", "said", "harbour", "denuclearis", "no such key"} {
		if disk.Background().IDF(key) != builtin.Background().IDF(key) {
			t.Errorf("IDF(%q) differs between the files on disk and the binary", key)
		}
	}

	// A model among the data files is the pack's tagger.
	model, err := os.ReadFile("../tagger/model.bin")
	if err != nil {
		t.Fatal(err)
	}
	withModel, err := Load("es", Files{ModelFile: model})
	if err != nil {
		t.Fatal(err)
	}
	if m, err := withModel.Tagger(); err != nil || m == def || m.Features() != def.Features() {
		t.Errorf("the pack's own model: %v, %v (default %p)", m, err, def)
	}
}

func TestLoadRefusesBadData(t *testing.T) {
	for name, files := range map[string]Files{
		"background without a count": {BackgroundFile: []byte("# nothing\n")},
		"background bad count":       {BackgroundFile: []byte("many\ntalk 2\n")},
		"background bad line":        {BackgroundFile: []byte("2\ntalk two\n")},
		"background key alone":       {BackgroundFile: []byte("2\ntalk\n")},
		"model not a model":          {ModelFile: []byte("not a model")},
	} {
		if _, err := Load("fr", files); err == nil || !strings.HasPrefix(err.Error(), "fr pack: ") {
			t.Errorf("%s: Load = %v, want an error naming the pack", name, err)
		}
	}
	if _, err := Load("xx", nil); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Load(xx): %v", err)
	}
}
