package ui

import (
	"strconv"
	"testing"

	"annotator/analyzer"
)

// The panel's menus stay bounded whatever the text: the likeliest
// choices, the picked ones always among them.
func TestLikeliestChoices(t *testing.T) {
	var cs []entityChoice
	for i := range 1000 {
		label := analyzer.NUM
		if i%10 == 0 {
			label = analyzer.PER
		}
		cs = append(cs, entityChoice{ID: "e" + strconv.Itoa(i), Name: strconv.Itoa(i), Label: label, Count: i % 7})
	}
	isPER := func(e entityChoice) bool { return e.Label == analyzer.PER }
	got := likeliest(cs, isPER, "e999")
	if len(got) != maxChoices+1 {
		t.Fatalf("%d choices of 1000, want %d and the picked one", len(got), maxChoices)
	}
	per, picked := 0, false
	for i, c := range got {
		if c.Label == analyzer.PER {
			per++
		}
		picked = picked || c.ID == "e999"
		if prev, _ := strconv.Atoi(got[max(i-1, 0)].Name); i > 0 && prev >= mustAtoi(c.Name) {
			t.Fatalf("the order given is lost at %d: %s after %s", i, c.Name, got[i-1].Name)
		}
	}
	if per != 100 || !picked {
		t.Errorf("%d of the 100 names kept, the picked one kept: %v", per, picked)
	}
	if short := likeliest(cs[:maxChoices], isPER); len(short) != maxChoices {
		t.Errorf("%d choices kept of %d, want all", len(short), maxChoices)
	}
}

func TestMentionWindow(t *testing.T) {
	all := make([]mentionChoice, 1000)
	for i := range all {
		all[i].Start = i
	}
	for _, c := range []struct{ at, from int }{{0, 0}, {50, 0}, {500, 400}, {999, 800}, {-1, 0}} {
		w, from := mentionWindow(all, c.at)
		if len(w) != maxChoices || from != c.from || w[0].Start != from {
			t.Errorf("window at %d: %d mentions from %d, want %d from %d", c.at, len(w), from, maxChoices, c.from)
		}
	}
	if w, from := mentionWindow(all[:10], 5); len(w) != 10 || from != 0 {
		t.Errorf("a short list: %d from %d, want all 10 from 0", len(w), from)
	}
}

func mustAtoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	return n
}
