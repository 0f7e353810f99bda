package main

import (
	"math/rand/v2"
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
