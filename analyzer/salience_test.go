package analyzer

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestEntitySalience(t *testing.T) {
	text := "Oslo Talks Resume\n" +
		"Negotiators met in Bergen on Tuesday. Jonas Berg arrived late. " +
		"Berg spoke first. Berg spoke last. Lena Dahl listened from Bergen."
	names := listedNames{"Oslo": LOC, "Bergen": LOC, "Jonas Berg": PER, "Berg": PER, "Lena Dahl": PER}
	doc, err := Annotate(text, Options{Names: names})
	if err != nil {
		t.Fatal(err)
	}
	salience := map[string]float64{}
	for _, e := range doc.Entities {
		salience[e.Name] = e.Salience
		if e.Salience < 0 || e.Salience > 1 {
			t.Errorf("%s salience %v outside [0,1]", e.Name, e.Salience)
		}
	}
	// Named once but in the headline: ahead of a name mentioned once later.
	if !(salience["Oslo"] > salience["Lena Dahl"]) {
		t.Errorf("headline Oslo %v, want above Lena Dahl %v", salience["Oslo"], salience["Lena Dahl"])
	}
	// Three mentions beat two, and an earlier first mention beats a later one.
	if !(salience["Jonas Berg"] > salience["Bergen"] && salience["Bergen"] > salience["Lena Dahl"]) {
		t.Errorf("Jonas Berg %v, Bergen %v, Lena Dahl %v: want that order",
			salience["Jonas Berg"], salience["Bergen"], salience["Lena Dahl"])
	}
	// A date mentioned as early as a name counts half.
	if !(salience["Tuesday"] < salience["Bergen"]) {
		t.Errorf("date Tuesday %v, want below Bergen %v", salience["Tuesday"], salience["Bergen"])
	}
}

func TestHeadlineNeedsItsOwnLine(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Oslo Talks Resume\nThey met.", true},
		{"Oslo talks resumed.\nThey met.", false},  // final punctuation: a sentence
		{"Oslo talks resumed and they met", false}, // nothing after it: the article itself
	} {
		doc, err := Annotate(tc.text, Options{Names: listedNames{}})
		if err != nil {
			t.Fatal(err)
		}
		if got := headlineEnd(doc) > 0; got != tc.want {
			t.Errorf("%q: headline %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestMainEntities(t *testing.T) {
	mentions := func(n int) []MentionResult { return make([]MentionResult, n) }
	res := &Result{Entities: []EntityResult{
		{ID: "e1", Label: PER, Salience: 0.9, Mentions: mentions(2)},
		{ID: "e2", Label: PER, Salience: 0.9, Mentions: mentions(3)}, // ties go to the most mentioned
		{ID: "e3", Label: DATE, Salience: 1, Mentions: mentions(1)},  // not a name
		{ID: "e4", Label: ORG, Salience: 0.5, Mentions: mentions(2)},
		{ID: "e5", Label: LOC, Salience: 0.95, Mentions: nil}, // nothing to draw
		{ID: "e6", Label: MISC, Salience: 0.6, Mentions: mentions(1)},
	}}
	ids := func(es []EntityResult) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	if got := ids(res.MainEntities(8)); !slices.Equal(got, []string{"e2", "e1", "e6", "e4"}) {
		t.Errorf("MainEntities(8) = %q, want e2 e1 e6 e4", got)
	}
	if got := ids(res.MainEntities(2)); !slices.Equal(got, []string{"e2", "e1"}) {
		t.Errorf("MainEntities(2) = %q, want e2 e1", got)
	}
	if got := (&Result{}).MainEntities(8); len(got) != 0 {
		t.Errorf("MainEntities of nothing = %v", got)
	}
}

func TestCooccurrences(t *testing.T) {
	text := "Kim met Xi. Xi met Moon and Kim. Moon left on Tuesday."
	doc, err := Annotate(text, Options{Names: listedNames{"Kim": PER, "Xi": PER, "Moon": PER}})
	if err != nil {
		t.Fatal(err)
	}
	res := doc.Result()
	main := res.MainEntities(8)
	name := func(p Pair) string { return main[p.A].Name + "+" + main[p.B].Name }
	var got []string
	for _, p := range res.Cooccurrences(main) {
		got = append(got, name(p)+"="+strconv.Itoa(p.Sentences))
	}
	// Kim and Xi share sentences 1 and 2; each shares sentence 2 with Moon;
	// Moon's second mention is alone in sentence 3, and the date is no name.
	want := map[string]bool{"Kim+Xi=2": true, "Xi+Kim=2": true, "Kim+Moon=1": true, "Moon+Kim=1": true, "Xi+Moon=1": true, "Moon+Xi=1": true}
	if len(got) != 3 || !strings.HasSuffix(got[0], "=2") {
		t.Fatalf("pairs %q, want three, Kim and Xi first", got)
	}
	for _, g := range got {
		if !want[g] {
			t.Errorf("pair %s not expected (all: %q)", g, got)
		}
	}
	// A mention outside every sentence counts nowhere.
	res.Sentences = res.Sentences[:1]
	if got := res.Cooccurrences(main); len(got) != 1 || got[0].Sentences != 1 || name(got[0]) != "Kim+Xi" && name(got[0]) != "Xi+Kim" {
		t.Errorf("with one sentence, pairs %v", got)
	}
}
