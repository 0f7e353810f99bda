package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestScorePassage(t *testing.T) {
	p := passage{ID: "p", Text: "“We came to talk for hours,” said Ana Ruiz. Police said that two men were held."}
	p.Quotes = []goldQuote{
		{Span: "“We came to talk for hours,”", Kind: "direct", Speaker: "Ana Ruiz", Verb: "say"},
		{Span: "two men were held", Kind: "reported", Speaker: "Police", Verb: "say"},
	}
	from := 0
	for i := range p.Quotes {
		q := &p.Quotes[i]
		q.start = from + strings.Index(p.Text[from:], q.Span)
		q.end = q.start + len(q.Span)
		from = q.start + 1
	}
	at := func(s string) (int, int) {
		i := strings.Index(p.Text, s)
		return i, i + len(s)
	}
	r := &result{}
	r.Entities = append(r.Entities, struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}{"e1", "Ana Ruiz"})
	// The direct quote, but only its first words (more than 30%): found,
	// speaker right. The reported one covered at 18%: missed, and the
	// prediction spurious. A third prediction covers nothing.
	s1, e1 := at("“We came to talk")
	s2, e2 := at("two")
	s3, e3 := at("Police")
	r.Quotes = []predicted{
		{Start: s1, End: e1, Kind: "direct", Speaker: "e1", Verb: "say"},
		{Start: s2, End: e2, Kind: "reported", SpeakerText: "Police", Verb: "say"},
		{Start: s3, End: e3, Kind: "reported"},
	}
	s := &score{}
	scorePassage(s, p, r, true)
	all := s.overall()
	if all.tp != 1 || all.predicted != 3 || all.found != 1 || all.gold != 2 {
		t.Errorf("counts %+v, want 1 of 3 predicted right, 1 of 2 gold found", all)
	}
	if d, rep := *s.kind("direct"), *s.kind("reported"); d.precision() != 1 || d.recall() != 1 || rep.precision() != 0 || rep.recall() != 0 {
		t.Errorf("direct %+v reported %+v", d, rep)
	}
	if s.speakerRight != 1 || s.verbRight != 1 || s.verb != 1 || s.kindRight != 1 {
		t.Errorf("speaker %d verb %d/%d kind %d, want 1 1/1 1", s.speakerRight, s.verbRight, s.verb, s.kindRight)
	}
	if len(s.notes) != 3 {
		t.Errorf("notes %q, want two spurious and one missed", s.notes)
	}
}

func TestSpeakerRight(t *testing.T) {
	r := &result{}
	r.Entities = append(r.Entities, struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}{"e1", "Ana Ruiz"}, struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}{"e2", "Acme"})
	tests := []struct {
		q    predicted
		gold string
		want bool
	}{
		{predicted{Speaker: "e1"}, "Ana Ruiz", true},
		{predicted{Speaker: "e1"}, "Ruiz", true},
		{predicted{Speaker: "e2"}, "Ana Ruiz", false},
		{predicted{SpeakerText: "a source close to the talks"}, "a source", true},
		{predicted{SpeakerText: "the source"}, "a source", false},
		{predicted{Speaker: "e2"}, "a spokesman", false},
		{predicted{}, "Ana Ruiz", false},
		{predicted{}, "", true},
		{predicted{SpeakerText: "one"}, "", false},
	}
	for _, tt := range tests {
		if got := speakerRight(r, tt.q, tt.gold); got != tt.want {
			t.Errorf("speakerRight(%+v, %q) = %v, want %v", tt.q, tt.gold, got, tt.want)
		}
	}
}

func TestReadSetRejectsBadSpans(t *testing.T) {
	if _, err := readSet("testdata/tuning.json"); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"no-span", "bad-kind"} {
		if _, err := readSet("testdata/invalid/" + f + ".json"); err == nil {
			t.Errorf("%s: no error", f)
		}
	}
}

// The bars the committed passages must clear (issue 9): quote F1 and
// speaker accuracy at the 30% overlap rule.
const (
	f1Bar      = 0.85
	speakerBar = 0.85
)

func TestCommittedSets(t *testing.T) {
	var out bytes.Buffer
	total, err := run(&out, []string{"testdata/tuning.json", "testdata/heldback.json"}, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", out.String())
	if f := total.overall().f1(); f < f1Bar {
		t.Errorf("quote F1 %.3f, below the bar %.2f", f, f1Bar)
	}
	if a := total.speakerAccuracy(); a < speakerBar {
		t.Errorf("speaker accuracy %.3f, below the bar %.2f", a, speakerBar)
	}
}
