package tagger

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// fixedScorer scores features from a table, so a test can set up the
// choices a decoder faces.
type fixedScorer map[uint64][numTags]float32

func (f fixedScorer) score(feats []uint64, s *[numTags]float32) {
	for _, h := range feats {
		f.add1(h, s)
	}
}

func (f fixedScorer) add1(h uint64, s *[numTags]float32) {
	if w, ok := f[h]; ok {
		for t := range s {
			s[t] += w[t]
		}
	}
}

// tagWith tags d with sc and a beam of width k.
func tagWith(sc scorer, d *Doc, k int) []Mention {
	dec := decoder{beam: k, trans: newTransitions(sc)}
	return decodeSentences(d, dec.tag(d, sc, nil, nil))
}

// TestBeamKeepsNameWhole: "Jansher" alone looks more like a one-word name
// (U-PER) than a first word (B-PER), but "Khan" after B-PER is a sure last
// word. Greedy decoding commits to U-PER and splits the name; a beam of 2
// keeps B-PER alive and finds the better sequence.
func TestBeamKeepsNameWhole(t *testing.T) {
	word := func(w string) uint64 { return f1(tLower, hashString(w)) }
	sc := fixedScorer{}
	var v [numTags]float32
	v[makeTag(PER, posU)], v[makeTag(PER, posB)] = 2, 1.9
	sc[word("jansher")] = v
	v = [numTags]float32{}
	v[makeTag(PER, posU)] = 1
	sc[word("khan")] = v
	v = [numTags]float32{}
	v[makeTag(PER, posL)] = 5
	sc[f2(tTagPrevLower, uint64(makeTag(PER, posB)), hashString("khan"))] = v
	d := doc("Jansher Khan won .")
	if got, want := tagWith(sc, &d, 1), []Mention{{0, 1, PER}, {1, 2, PER}}; !reflect.DeepEqual(got, want) {
		t.Errorf("greedy: %v, want %v", got, want)
	}
	if got, want := tagWith(sc, &d, 2), []Mention{{0, 2, PER}}; !reflect.DeepEqual(got, want) {
		t.Errorf("beam 2: %v, want %v", got, want)
	}
}

// TestTransitionsMatchFeatures: the precomputed previous-tag scores plus
// the one looked up equal the scores of prevFeats.
func TestTransitionsMatchFeatures(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := decoder{}
	doc := doc("Jansher Khan met the PRESIDENT of Acme iPhone 42 .")
	d.x.extract(&doc)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		i := rng.IntN(len(doc.Tokens))
		prev, prev2 := uint8(rng.IntN(numTags+1)), uint8(rng.IntN(numTags+1))
		var want, got [numTags]float32
		m.score(d.prevFeats(nil, i, prev, prev2), &want)
		got = m.trans.cap[prev][d.x.info[i].cap]
		m.add1(f2(tTagPrevLower, uint64(prev), d.x.info[i].lower), &got)
		for t := range got {
			got[t] += m.trans.pair[prev2][prev][t]
		}
		if got != want {
			t.Fatalf("token %d prev %d prev2 %d: %v, want %v", i, prev, prev2, got, want)
		}
	}
}

// TestBeamValid: whatever the scores, tagging yields valid BILOU tags in
// every sentence, no beam finds a better sequence than exhaustive search,
// and a beam wide enough to keep every prefix finds the best.
func TestBeamValid(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	d := doc("A b C . d E f g")
	words := []string{"a", "b", "c", "d", "e", "f", "g", "."}
	for round := range 20 {
		sc := fixedScorer{}
		for _, w := range words {
			var v [numTags]float32
			for t := range v {
				v[t] = float32(rng.NormFloat64())
			}
			sc[f1(tLower, hashString(w))] = v
			for prev := range numTags + 1 {
				for t := range v {
					v[t] = float32(rng.NormFloat64())
				}
				sc[f2(tTagPrevLower, uint64(prev), hashString(w))] = v
			}
		}
		for _, k := range []int{1, 2, 4, numTags * numTags * numTags} {
			dec := decoder{beam: k, trans: newTransitions(sc)}
			tags := dec.tag(&d, sc, nil, nil)
			for _, s := range d.Sentences {
				if !valid(tags[s.First:s.End]) {
					t.Fatalf("round %d beam %d: invalid tags %v", round, k, tags[s.First:s.End])
				}
				got := sequenceScore(sc, &dec, s, tags)
				best := bestScore(sc, &dec, s)
				if got > best+1e-4 || k == numTags*numTags*numTags && got < best-1e-4 {
					t.Errorf("round %d beam %d: sentence %v scores %v, the best sequence %v", round, k, s, got, best)
				}
			}
		}
	}
}

// valid reports whether tags form a valid BILOU sequence.
func valid(tags []uint8) bool {
	prev := uint8(tagO)
	for _, t := range tags {
		if !validNext(prev, t) {
			return false
		}
		prev = t
	}
	return mayEnd(prev)
}

// bestScore is the score of the best valid sequence of sentence s, found by
// trying them all.
func bestScore(sc scorer, dec *decoder, s Range) float32 {
	n := s.End - s.First
	tags := make([]uint8, len(dec.x.doc.Tokens))
	best := float32(-1e30)
	var try func(pos int)
	try = func(pos int) {
		if pos == n {
			if valid(tags[s.First:s.End]) {
				best = max(best, sequenceScore(sc, dec, s, tags))
			}
			return
		}
		for t := range numTags {
			tags[s.First+pos] = uint8(t)
			try(pos + 1)
		}
	}
	try(0)
	return best
}

// sequenceScore is the score of tags over sentence s, one pass, as the
// decoder sums it.
func sequenceScore(sc scorer, dec *decoder, s Range, tags []uint8) float32 {
	var total float32
	for i := s.First; i < s.End; i++ {
		prev, prev2 := noTag, noTag
		if i-1 >= s.First {
			prev = tags[i-1]
		}
		if i-2 >= s.First {
			prev2 = tags[i-2]
		}
		var v [numTags]float32
		sc.score(dec.x.tokenFeats(i), &v)
		sc.score(dec.prevFeats(nil, i, prev, prev2), &v)
		total += v[tags[i]]
	}
	return total
}

// TestDropOut: a share 0 keeps every feature; 0.1 leaves out about a tenth,
// the same ones for the same seed.
func TestDropOut(t *testing.T) {
	feats := make([]uint64, 10000)
	for i := range feats {
		feats[i] = uint64(i)
	}
	d := decoder{rng: 1}
	if got := d.dropOut(append([]uint64(nil), feats...)); len(got) != len(feats) {
		t.Errorf("dropout 0 kept %d of %d", len(got), len(feats))
	}
	d1 := decoder{dropout: 0.1, rng: mix(7) | 1}
	d2 := d1
	a := d1.dropOut(append([]uint64(nil), feats...))
	b := d2.dropOut(append([]uint64(nil), feats...))
	if len(a) < 8800 || len(a) > 9200 {
		t.Errorf("dropout 0.1 kept %d of %d", len(a), len(feats))
	}
	if !reflect.DeepEqual(a, b) {
		t.Error("same seed, different features left out")
	}
}
