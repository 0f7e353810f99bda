package analyzer

import (
	"reflect"
	"strings"
	"testing"
)

func TestKeyTerms(t *testing.T) {
	text := "Kim visits Beijing. The visit follows visits to Seoul. Kim and the visitors talked about denuclearisation. Talks on denuclearisation continue. Mr. Kim, Dr. Lee and Gov. Park agreed."
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
		g := got[w.Stem]
		g.Salience = 0
		if !reflect.DeepEqual(g, w) {
			t.Errorf("term %q = %+v, want %+v", w.Stem, g, w)
		}
	}
	// Rare in the background, denuclearisation outranks the more frequent
	// but commonplace visit, and both outrank talk.
	if doc.Terms[0].Stem != "denuclearis" || doc.Terms[0].Salience != 1 {
		t.Errorf("first term %+v, want denuclearis with salience 1", doc.Terms[0])
	}
	if !(got["visit"].Salience > got["talk"].Salience && got["talk"].Salience > 0) {
		t.Errorf("salience visit %v, talk %v: want visit > talk > 0", got["visit"].Salience, got["talk"].Salience)
	}
	for i := 1; i < len(doc.Terms); i++ {
		if doc.Terms[i].Salience > doc.Terms[i-1].Salience {
			t.Errorf("terms not sorted by salience at %d: %+v", i, doc.Terms)
		}
	}
	for _, excluded := range []string{"kim", "beij", "the", "and", "about", "on", "to", "mr.", "dr.", "gov."} {
		if _, ok := got[excluded]; ok {
			t.Errorf("term %q should be excluded (a name, a stop word or an abbreviation)", excluded)
		}
	}
}

func TestTermsGroupSpellings(t *testing.T) {
	text := "Pyongyang pledged to denuclearise. Denuclearisation talks began. Washington wants denuclearization. The defense and defence ministers traveled; they travelled again."
	doc, err := Annotate(text, Options{Names: noNames{}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"denuclearis": {"denuclearise", "denuclearisation", "denuclearization"},
		"defenc":      {"defense", "defence"},
		"travel":      {"traveled", "travelled"},
	}
	for _, term := range doc.Terms {
		if forms, ok := want[term.Stem]; ok {
			if !reflect.DeepEqual(term.Forms, forms) {
				t.Errorf("term %q forms %v, want %v", term.Stem, term.Forms, forms)
			}
			delete(want, term.Stem)
		}
	}
	for stem := range want {
		t.Errorf("no term %q in %+v", stem, doc.Terms)
	}
}

func TestKeyPhrases(t *testing.T) {
	text := "Talks on security guarantees resumed. The security guarantees matter; joint military manoeuvres were suspended. They took part in joint military manoeuvres."
	doc, err := Annotate(text, Options{Names: noNames{}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, p := range doc.Phrases {
		got[p.Text] = p.Count
	}
	if got["security guarantees"] != 2 || got["joint military manoeuvres"] != 2 {
		t.Errorf("phrases %+v: want security guarantees and joint military manoeuvres twice each", doc.Phrases)
	}
	for p := range got {
		if strings.HasSuffix(p, "took part") || strings.HasSuffix(p, "resumed") {
			t.Errorf("phrase %q ends in a verb", p)
		}
	}
}

func TestMissedNamesAreNotTerms(t *testing.T) {
	text := "Drones Confirmed Over Harbour\n" +
		"The pictures came via Kyodo on Monday. Later Kyodo said the drones had left. " +
		"Officials confirmed it. “Drones were seen,” one said. GDP fell as TikTok users watched the drones. Photograph: Kyodo"
	doc, err := Annotate(text, Options{Names: listedNames{}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, term := range doc.Terms {
		got[term.Stem] = true
	}
	for _, name := range []string{"kyodo", "tiktok"} {
		if got[name] {
			t.Errorf("%q is a key term: written only capitalised mid-sentence, it is a name", name)
		}
	}
	// Capitals at a sentence's start, after a quote mark, in the headline or
	// in an acronym say nothing.
	for _, term := range []string{"drone", "confirm", "gdp", "user"} {
		if !got[term] {
			t.Errorf("%q is not a key term; terms %v", term, doc.Terms)
		}
	}
	for _, p := range doc.Phrases {
		if strings.Contains(p.Text, "TikTok") || strings.Contains(strings.ToLower(p.Text), "tiktok") {
			t.Errorf("phrase %q holds a name", p.Text)
		}
	}
}
