package analyzer

import (
	"reflect"
	"testing"
)

func TestKeyTerms(t *testing.T) {
	text := "Kim visits Beijing. The visit follows visits to Seoul. Kim and the visitors talked about denuclearisation. Talks on denuclearisation continue."
	doc, err := Annotate(text, Options{Names: listedNames{"Kim": PER, "Beijing": LOC, "Seoul": LOC}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Term{}
	for _, term := range doc.Terms {
		got[term.Stem] = term
	}
	want := []Term{
		{Stem: "visit", Forms: []string{"visits", "visit"}, Count: 3},
		{Stem: "denuclearis", Forms: []string{"denuclearisation"}, Count: 2},
		{Stem: "talk", Forms: []string{"talked", "talks"}, Count: 2},
	}
	for _, w := range want {
		if g := got[w.Stem]; !reflect.DeepEqual(g, w) {
			t.Errorf("term %q = %+v, want %+v", w.Stem, g, w)
		}
	}
	if doc.Terms[0].Stem != "visit" {
		t.Errorf("first term %q, want the most frequent, visit", doc.Terms[0].Stem)
	}
	for _, excluded := range []string{"kim", "beij", "the", "and", "about", "on", "to"} {
		if _, ok := got[excluded]; ok {
			t.Errorf("term %q should be excluded (a name or a stop word)", excluded)
		}
	}
}
