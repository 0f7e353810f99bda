package analyzer

import (
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
