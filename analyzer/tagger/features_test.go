package tagger

import "testing"

// TestRuns checks the capitalised runs that run features describe, and
// the case guessed for the words of an ALL CAPS line.
func TestRuns(t *testing.T) {
	d := doc("A spokesman for Acme Global Logistics said so . ACME HIRES A SPOKESMAN . The spokesman said Acme grew .")
	var x extractor
	x.extract(&d)
	runOf := func(i int) [2]int32 { return [2]int32{x.info[i].runFirst, x.info[i].runEnd} }
	for i, want := range map[int][2]int32{0: {0, 1}, 3: {3, 6}, 4: {3, 6}, 5: {3, 6}, 6: {0, 0}, 14: {14, 15}, 17: {17, 18}} {
		if got := runOf(i); got != want {
			t.Errorf("token %d %q: run %v, want %v", i, d.Text[d.Tokens[i].Start:d.Tokens[i].End], got, want)
		}
	}
	// The headline: no runs (every word is capitalised); ACME is written
	// capitalised inside a sentence elsewhere, SPOKESMAN in lower case.
	for i, want := range map[int]uint8{9: capInit, 12: capLower} {
		if x.info[i].mode != modeCaps {
			t.Fatalf("token %d: mode %d, want ALL CAPS", i, x.info[i].mode)
		}
		if runOf(i) != [2]int32{} {
			t.Errorf("token %d: a run in a headline", i)
		}
		if got := x.info[i].guess; got != want {
			t.Errorf("token %d: guessed case %d, want %d", i, got, want)
		}
	}
}
