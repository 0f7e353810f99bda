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

// TestWordScoreCache: the static score of every token, its word part taken
// from the cache after the word's first occurrence, is the score of all its
// static features at once; and the two parts are the whole, in training's
// order.
func TestWordScoreCache(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := doc("Acme said Acme grew . ACME SAID ACME GREW . Acme , said Kim , grew in Acme City . " +
		"acme grew . Acme grew and Acme said so . The 3 firms grew 30 % .")
	var x extractor
	x.extract(&d)
	x.wordsFor(m)
	cached := 0
	for i := range d.Tokens {
		s := d.Sentences[x.sentOf[i]]
		x.feats = x.feats[:0]
		x.static(i, s, partAll)
		all := append([]uint64(nil), x.feats...)
		var want [numTags]float32
		m.score(all, &want)
		before := len(x.wordScores)
		var got [numTags]float32
		x.scoreStatic(i, m, &got)
		if len(x.wordScores) == before {
			cached++
		}
		if got != want {
			t.Errorf("token %d %q: scored %v with the cache, %v without", i, d.Text[d.Tokens[i].Start:d.Tokens[i].End], got, want)
		}
		x.feats = x.feats[:0]
		x.static(i, s, partWord)
		x.static(i, s, partContext)
		parts := x.feats
		if len(parts) != len(all) {
			t.Fatalf("token %d: %d features in parts, %d in all", i, len(parts), len(all))
		}
		count := map[uint64]int{}
		for _, f := range all {
			count[f]++
		}
		for _, f := range parts {
			count[f]--
		}
		for f, n := range count {
			if n != 0 {
				t.Errorf("token %d: feature %x counted %d more in all than in the parts", i, f, n)
			}
		}
	}
	if cached < 10 {
		t.Errorf("%d tokens scored from the cache, want the repeated words' (at least 10)", cached)
	}
	// A word whose key collides with another's is scored afresh.
	x.extract(&d)
	x.forgetWords(len(x.info))
	var first [numTags]float32
	x.scoreStatic(0, m, &first) // "Acme", first in its sentence
	k, _ := x.wordKey(0)
	k2, flags2 := x.wordKey(2)
	x.wordKeys.reset(4)
	*x.wordKeys.slot(k2) = 1 // the second "Acme" now finds the first's entry under its own key
	if x.isWord(&x.wordScores[0], 2, flags2) {
		t.Fatal("a sentence's first Acme and a later one have the same word part")
	}
	var got, want [numTags]float32
	x.scoreStatic(2, m, &got)
	x.feats = x.feats[:0]
	x.static(2, d.Sentences[0], partAll)
	m.score(x.feats, &want)
	if got != want || k == k2 {
		t.Errorf("a colliding key: scored %v, want %v", got, want)
	}
}

// TestWordScoresAcrossDocuments: the word-score cache outlives a document,
// and every token of the next ones still scores as all its static features
// at once, though the same words come back with other document flags (in
// lower case elsewhere, in a sports report), another stem or another
// scorer.
func TestWordScoresAcrossDocuments(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	other, err := Load(modelFile)
	if err != nil {
		t.Fatal(err)
	}
	for j := range other.slots {
		other.slots[j].w[tagO] = weightBias + 5 // a scorer whose scores differ from m's
	}
	texts := []string{
		"Acme said Acme grew . Mr Reading is fun .",
		"Reading beat Everton 2-1 and Acme lost 0-3 in the league ; the striker scored twice in the match . Reading said .",
		"reading Acme said . ACME SAID . Acme grew . Mr Reading is fun .",
		"Acme said Acme grew . Mr Reading is fun .",
	}
	var x extractor
	cached := 0
	for round, sc := range []*Model{m, m, other, m} {
		for n, text := range texts {
			d := doc(text)
			if round == 1 && n == 0 {
				d.Tokens[0].Stem = "said" // another stem for the same form
			}
			x.extract(&d)
			x.wordsFor(sc)
			for i := range d.Tokens {
				x.feats = x.feats[:0]
				x.static(i, d.Sentences[x.sentOf[i]], partAll)
				var want, got [numTags]float32
				sc.score(x.feats, &want)
				before := len(x.wordScores)
				x.scoreStatic(i, sc, &got)
				if len(x.wordScores) == before {
					cached++
				}
				if got != want {
					t.Errorf("round %d, text %d, token %d %q: scored %v with the cache, %v without", round, n, i, d.Text[d.Tokens[i].Start:d.Tokens[i].End], got, want)
				}
			}
		}
	}
	if cached < 50 {
		t.Errorf("%d tokens scored from the cache, want the words seen in earlier documents' (at least 50)", cached)
	}
}
