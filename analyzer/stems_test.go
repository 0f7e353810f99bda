package analyzer

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"annotator/analyzer/lang"
)

// TestConcurrentJobsInTwoLanguages runs jobs in English and Spanish at once
// (go test -race checks that they share nothing mutable: each job looks
// words up in its own view of its pack) and compares each result with a
// run of its own.
func TestConcurrentJobsInTwoLanguages(t *testing.T) {
	texts := map[string]string{
		"en": strings.Repeat("Harbour talks resumed in Reykjavik on Tuesday. \"We want a deal,\" Elena Marquez said. The defense ministers traveled; they travelled again.\n\n", 40),
		"es": strings.Repeat("Las negociaciones continúan en Madrid. \"Queremos un acuerdo\", dijo la ministra Elena Márquez el martes.\n\n", 40),
	}
	sequential := map[string]string{}
	for code, text := range texts {
		sequential[code] = annotatedJSON(t, text, code)
	}
	const rounds = 4
	var wg sync.WaitGroup
	got := make(chan [2]string, rounds*len(texts))
	for range rounds {
		for code, text := range texts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got <- [2]string{code, annotatedJSON(t, text, code)}
			}()
		}
	}
	wg.Wait()
	close(got)
	for g := range got {
		if g[1] != sequential[g[0]] {
			t.Errorf("a %s job run beside others differs from one run alone", g[0])
		}
	}
	if sequential["en"] == sequential["es"] {
		t.Fatal("the two languages annotate alike: the test shows nothing")
	}
}

func annotatedJSON(t *testing.T, text, code string) string {
	doc, err := Annotate(text, Options{Lang: code, ChunkBytes: 1024})
	if err != nil {
		t.Error(err)
		return ""
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Error(err)
	}
	return string(b)
}

func TestJobsHaveTheirOwnVocab(t *testing.T) {
	a, err := Start("Talks resumed.", Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Start("Talks resumed.", Options{})
	if a.w.vocab == b.w.vocab || a.w.vocab.Pack() != b.w.vocab.Pack() {
		t.Error("two English jobs share a Vocab, or view different packs")
	}
	view := a.w.vocab
	for !a.Step() {
	}
	if view.Lookup("Talks").Stem != "talk" {
		t.Error("the job's Vocab does not know its words")
	}
	// Done, a gives its view back: a later job may borrow it, words known
	// (the pool may also have dropped it, never handing it to two jobs).
	if a.w.vocab != nil {
		t.Error("a finished job still holds its view")
	}
	for !b.Step() {
	}
	c, _ := Start("Talks resumed.", Options{})
	d, _ := Start("Talks resumed.", Options{})
	if c.w.vocab == d.w.vocab {
		t.Error("two running jobs borrowed the same view")
	}
	for _, j := range []*Job{c, d} {
		if j.w.vocab == view && view.Len() == 0 {
			t.Error("a view given back lost its words")
		}
	}
}

func TestOptionsVocabIsLentToOneJobAfterAnother(t *testing.T) {
	texts := []string{"Harbour talks resumed on Tuesday. The talks went on.", "Talks about the harbour: the ministers talked."}
	pack, err := lang.Get("en")
	if err != nil {
		t.Fatal(err)
	}
	lent := pack.NewVocab()
	for _, text := range texts {
		alone, err := Annotate(text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		shared, err := Annotate(text, Options{Vocab: lent})
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(alone)
		b, _ := json.Marshal(shared)
		if string(a) != string(b) {
			t.Errorf("%q annotates differently with a lent Vocab", text)
		}
	}
	if _, err := Annotate("Las negociaciones continúan.", Options{Lang: "es", Vocab: lent}); err == nil {
		t.Error("a Spanish job took an English Vocab")
	}
}

func TestPublicWordHelpers(t *testing.T) {
	tests := []struct {
		fn         func(string, string) string
		name       string
		lang, word string
		want       string
	}{
		{Stem, "Stem", "en", "Negotiations", "negoti"},
		{Stem, "Stem", "es", "negociaciones", "negoci"},
		{Stem, "Stem", "xx", "Talks", "talks"},
		{TermKey, "TermKey", "en", "denuclearization", "denuclearis"},
		{TermKey, "TermKey", "xx", "Talks", "talks"},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.lang, tt.word); got != tt.want {
			t.Errorf("%s(%q, %q) = %q, want %q", tt.name, tt.lang, tt.word, got, tt.want)
		}
	}
	if !IsStopWord("en", "The") || IsStopWord("en", "harbour") || !IsStopWord("fr", "des") || IsStopWord("xx", "the") {
		t.Error("IsStopWord is wrong on the, harbour, des or an unknown language")
	}
}
