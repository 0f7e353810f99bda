package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"annotator/analyzer/conll"
	"annotator/analyzer/tagger"
)

func read(t *testing.T, s string) []conll.Document {
	t.Helper()
	docs, err := conll.Read(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestExample checks that gold labels land on the pipeline's tokens.
func TestExample(t *testing.T) {
	docs := read(t, "Elena B-PER\nGunnarson I-PER\nvisited O\nU.S. B-LOC\nsites O\n. O\n")
	ex, lost, err := example(docs[0], "en")
	if err != nil || lost != 0 {
		t.Fatalf("lost %d, err %v", lost, err)
	}
	got := tagger.Decode(ex.Gold)
	want := []tagger.Mention{{First: 0, End: 2, Type: tagger.PER}, {First: 3, End: 4, Type: tagger.LOC}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("gold mentions %v, want %v", got, want)
	}
	if n := len(ex.Doc.Tokens); n != 6 {
		t.Errorf("%d tokens, want 6", n)
	}
}

func TestTitleCase(t *testing.T) {
	c := config{titleShare: 1, smallWords: map[string]bool{}}
	for _, w := range corpora["en"].SmallWords {
		c.smallWords[w] = true
	}
	tests := []struct {
		in   string
		want []string // acceptable headlines
		ok   bool
	}{
		{"SOCCER O\n- O\nJAPAN B-LOC\nGET O\nLUCKY O\nWIN O\n", []string{"Soccer - Japan Get Lucky Win"}, true},
		{"Kim B-PER\nwon O\nthe O\nrace O\n", nil, false}, // not ALL CAPS
		{"TALKS O\nIN O\nTHE O\nCITY B-LOC\nOF I-LOC\nLONDON I-LOC\n", []string{"Talks In The City Of London", "Talks in the City of London"}, true},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tt := range tests {
		d := read(t, tt.in)[0]
		out, ok := c.titleCase(d, rng)
		if ok != tt.ok {
			t.Fatalf("%q: ok %v, want %v", tt.in, ok, tt.ok)
		}
		if !ok {
			continue
		}
		var words []string
		for _, tok := range out.Sentences[0] {
			words = append(words, tok.Text)
		}
		got := strings.Join(words, " ")
		found := false
		for _, w := range tt.want {
			found = found || got == w
		}
		if !found {
			t.Errorf("got %q, want one of %q", got, tt.want)
		}
		if out.Tags()[2] != d.Tags()[2] {
			t.Error("labels changed")
		}
	}
}

func TestErrorKinds(t *testing.T) {
	gold := []conll.Chunk{{Start: 0, End: 2, Type: "PER"}, {Start: 3, End: 4, Type: "LOC"}, {Start: 5, End: 7, Type: "ORG"}, {Start: 9, End: 10, Type: "MISC"}, {Start: 12, End: 13, Type: "PER"}}
	pred := []conll.Chunk{{Start: 0, End: 2, Type: "PER"}, {Start: 3, End: 4, Type: "ORG"}, {Start: 5, End: 6, Type: "ORG"}, {Start: 11, End: 12, Type: "LOC"}, {Start: 12, End: 13, Type: "PER"}}
	var got []string
	for _, m := range errorKinds(gold, pred) {
		got = append(got, m.side+" "+m.chunk.Type+" "+m.kind+m.other)
	}
	want := []string{"FN LOC type->ORG", "FN ORG bound", "FN MISC missed", "FP ORG type<-LOC", "FP ORG bound", "FP LOC spurious"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCrossValidate runs a small cross-validation twice: it must report
// every fold and the pooled scores, the same both times (fixed seeds).
func TestCrossValidate(t *testing.T) {
	var text strings.Builder
	for d := range 6 {
		text.WriteString("-DOCSTART- O\n\n")
		for s := range 3 {
			fmt.Fprintf(&text, "Elena B-PER\nGunnarson%d I-PER\nvisited O\nOslo B-LOC\nfor O\nAcme B-ORG\nAir%d I-ORG\n. O\n\n", d, s)
		}
	}
	path := filepath.Join(t.TempDir(), "train.conll")
	if err := os.WriteFile(path, []byte(text.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	report := func() string {
		var out bytes.Buffer
		c := config{lang: "en", corpus: corpus{Train: []string{path}}, epochs: 2, seed: 1, models: 1, clip: 1, minWeight: 1,
			beam: 2, weighRules: true, smallWords: map[string]bool{}, out: &out}
		if err := c.crossValidate(3, 1); err != nil {
			t.Fatal(err)
		}
		return regexp.MustCompile(`\([0-9.ms]+\)|took [0-9.ms]+`).ReplaceAllString(out.String(), "")
	}
	first := report()
	for _, want := range []string{"fold 1/3: 2 documents", "fold 3/3", "confusion", "name rules", "particles", "CV F1 mean"} {
		if !strings.Contains(first, want) {
			t.Errorf("no %q in:\n%s", want, first)
		}
	}
	if again := report(); again != first {
		t.Errorf("two runs differ:\n%s\n---\n%s", first, again)
	}
}
