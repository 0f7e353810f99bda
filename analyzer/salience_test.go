package analyzer

import (
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
