package analyzer

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestLinkCorpus(t *testing.T) {
	names := listedNames{
		"Ri Sol-ju": PER, "Ri Sol Ju": PER, "Kim Jong-un": PER, "KIM JONG UN": PER, "Kim": PER, "Kim Jong-il": PER,
		"Harbour State Guest House": LOC, "Harbour State Guesthouse": ORG, "Beijing": LOC, "Seoul": LOC,
		"United States": LOC, "US": LOC,
	}
	texts := []string{
		"Kim Jong-un and Ri Sol-ju stayed at the Harbour State Guest House in Beijing. Kim left. The United States and the US agree.",
		"KIM JONG UN and his wife Ri Sol Ju left the Harbour State Guesthouse for Seoul.",
		"Kim Jong-il once visited Beijing. Kim was ill. The US was silent.",
	}
	var docs []CorpusDocument
	for i, text := range texts {
		doc, err := Annotate(text, Options{Names: names})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, CorpusDocument{Name: "article" + string(rune('1'+i)), Result: doc.Result()})
	}
	clusters := LinkCorpus(docs)
	got := map[string]string{}
	for _, c := range clusters {
		var in []string
		for _, m := range c.Documents {
			in = append(in, m.Name+":"+m.Text)
		}
		got[c.Name] = strings.Join(in, ", ")
	}
	want := map[string]string{
		"Kim Jong-un":               "article1:Kim Jong-un, article2:KIM JONG UN",
		"Ri Sol-ju":                 "article1:Ri Sol-ju, article2:Ri Sol Ju",
		"Harbour State Guest House": "article1:Harbour State Guest House, article2:Harbour State Guesthouse",
		"Beijing":                   "article1:Beijing, article3:Beijing",
		"Seoul":                     "article2:Seoul",
		"United States":             "article1:United States, article3:US",
		// Father and son share "Kim" but stay apart across articles too.
		"Kim Jong-il": "article3:Kim Jong-il",
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("cluster %q = %q, want %q", name, got[name], w)
		}
	}
	if len(clusters[0].Documents) < 2 || clusters[len(clusters)-1].ID != "c"+strconv.Itoa(len(clusters)) {
		t.Errorf("clusters not ordered by articles, or ids not sequential: %+v", clusters)
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
	if got := ids(MainEntities(res.Entities, 8)); !slices.Equal(got, []string{"e2", "e1", "e6", "e4"}) {
		t.Errorf("MainEntities(8) = %q, want e2 e1 e6 e4", got)
	}
	if got := ids(MainEntities(res.Entities, 2)); !slices.Equal(got, []string{"e2", "e1"}) {
		t.Errorf("MainEntities(2) = %q, want e2 e1", got)
	}
	if got := MainEntities(nil, 8); len(got) != 0 {
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
	main := MainEntities(res.Entities, 8)
	name := func(p Pair) string { return main[p.A].Name + "+" + main[p.B].Name }
	var got []string
	for _, p := range Cooccurrences(res.Sentences, main) {
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
	if got := Cooccurrences(res.Sentences, main); len(got) != 1 || got[0].Sentences != 1 || name(got[0]) != "Kim+Xi" && name(got[0]) != "Xi+Kim" {
		t.Errorf("with one sentence, pairs %v", got)
	}
}
