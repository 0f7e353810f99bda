package tagger

import (
	"math"
	"math/bits"
)

// decoder tags documents left to right. Training is greedy: each token's
// tag is the best-scoring one given the tags already chosen, unconstrained,
// so the perceptron learns from its own mistakes as they come. Tagging
// keeps a small beam of valid BILOU sequences per sentence: a name whose
// first word looked like a name on its own ("Jansher" in "Jansher Khan")
// is no longer cut in two by a greedy choice the next word regrets.
type decoder struct {
	x     extractor
	feats []uint64
	tags  []uint8
	hist  table // lower-case word -> packed counts of the types it was tagged with
	// With twoPass set, a second pass retags the document knowing the
	// first pass's tags of every other occurrence of each word (agg), so
	// a name tagged confidently anywhere informs its mentions before it.
	twoPass bool
	agg     table
	second  bool
	// static holds each token's score from the features that do not
	// depend on tags, computed in the first pass and reused in the second
	// (when tagging; in training the weights move in between).
	static [][numTags]float32
	// Training: the share of features left out at each token, drawn with
	// rng (xorshift64).
	dropout float64
	rng     uint64
	scores  [numTags]float32
	// Tagging: the beam's width, the scores of the previous-tag features
	// that take few values, and the beam's hypotheses token by token.
	beam    int
	trans   *transitions
	lattice []hyp
	width   []int
	path    []uint8
	// byPrev[prev] caches the current token's scores of the features of
	// previous tag prev, valid when byPrevGen[prev] == gen.
	byPrev    [numTags + 1][numTags]float32
	byPrevGen [numTags + 1]uint32
	gen       uint32
}

// hyp is a beam hypothesis at one token: its tag, the tag before, the
// sequence's score and the hypothesis it extends at the previous token.
type hyp struct {
	score     float32
	tag, prev uint8
	back      int16
}

// negInf pads a token's beam below every hypothesis.
var negInf = float32(math.Inf(-1))

// noTag is the previous tag at a sentence's start.
const noTag = uint8(numTags)

// transitions holds the scores of the previous-tag features whose values
// are few (tTagPrev, tTagPrev2, tTagPrevCap), so that a beam hypothesis
// costs one lookup (tTagPrevLower) rather than four.
type transitions struct {
	pair [numTags + 1][numTags + 1][numTags]float32 // [prev2][prev]
	cap  [numTags + 1][capKinds][numTags]float32    // [prev][cap]
}

func newTransitions(sc scorer) *transitions {
	t := new(transitions)
	for prev := range numTags + 1 {
		var base [numTags]float32
		sc.add1(f1(tTagPrev, uint64(prev)), &base)
		for prev2 := range numTags + 1 {
			t.pair[prev2][prev] = base
			sc.add1(f2(tTagPrev2, uint64(prev2), uint64(prev)), &t.pair[prev2][prev])
		}
		for c := range capKinds {
			sc.add1(f2(tTagPrevCap, uint64(prev), uint64(c)), &t.cap[prev][c])
		}
	}
	return t
}

// scorer adds the weights of features to per-tag scores.
type scorer interface {
	score(feats []uint64, s *[numTags]float32)
	// add1 adds the weights of one feature: score without its loop.
	add1(f uint64, s *[numTags]float32)
}

// learner is called at each token during training with its features, gold
// and predicted tag.
type learner func(feats []uint64, gold, pred uint8)

// tag returns the tags of doc's tokens. With learn set (training), gold
// must hold the gold tags, learn sees every token and decoding is greedy
// and unconstrained (the model learns the transitions); otherwise (tagging)
// a beam search of width d.beam over valid BILOU sequences, scored with
// d.trans, picks each sentence's tags.
func (d *decoder) tag(doc *Doc, sc scorer, gold []uint8, learn learner) []uint8 {
	d.x.extract(doc)
	n := len(doc.Tokens)
	d.tags = resize(d.tags, n)
	if learn == nil {
		d.static = resize(d.static, n)
		d.x.wordsFor(sc)
	}
	d.second = false
	d.pass(doc, sc, gold, learn)
	if d.twoPass {
		d.agg.reset(n)
		for i, t := range d.tags {
			d.count(&d.agg, i, t)
		}
		d.second = true
		d.pass(doc, sc, gold, learn)
	}
	return d.tags
}

func (d *decoder) pass(doc *Doc, sc scorer, gold []uint8, learn learner) {
	d.hist.reset(len(doc.Tokens))
	for _, s := range doc.Sentences {
		if learn == nil {
			d.beamSentence(doc, s, sc)
			continue
		}
		for i := s.First; i < s.End; i++ {
			prev, prev2 := noTag, noTag
			if i-1 >= s.First {
				prev = d.tags[i-1]
			}
			if i-2 >= s.First {
				prev2 = d.tags[i-2]
			}
			d.scores = [numTags]float32{}
			f := append(d.feats[:0], d.x.tokenFeats(i)...)
			f = d.prevFeats(f, i, prev, prev2)
			d.feats = d.dropOut(d.docFeats(f, i))
			sc.score(d.feats, &d.scores)
			// Later tokens see the predicted tags, as they will when tagging.
			best := argmax(&d.scores)
			learn(d.feats, gold[i], best)
			if d.second {
				d.uncount(&d.agg, i, d.tags[i])
				d.count(&d.agg, i, best)
			}
			d.tags[i] = best
			d.count(&d.hist, i, best)
		}
	}
}

// dropOut removes a random share d.dropout of feats, in place. The
// perceptron then learns and is corrected on the token without them, so
// weight spreads over features that co-occur instead of resting on the few
// that fit the training set best (feature dropout). On the development set
// a share of 0.1 scored 0.35 F1 better over four seeds, and its weights
// prune smaller.
func (d *decoder) dropOut(feats []uint64) []uint64 {
	if d.dropout <= 0 {
		return feats
	}
	limit := uint64(d.dropout * (1 << 53))
	kept := feats[:0]
	for _, f := range feats {
		d.rng ^= d.rng << 13
		d.rng ^= d.rng >> 7
		d.rng ^= d.rng << 17
		if d.rng>>11 >= limit {
			kept = append(kept, f)
		}
	}
	return kept
}

// beamSentence tags sentence s with a beam search: at each token it keeps
// the d.beam best-scoring valid tag sequences, then follows the best one
// back. The document-level counts (hist, agg) take the sentence's tags
// once it is done.
func (d *decoder) beamSentence(doc *Doc, s Range, sc scorer) {
	n, k := s.End-s.First, max(d.beam, 1)
	d.lattice = resize(d.lattice, n*k)
	d.width = resize(d.width, n)
	for i := s.First; i < s.End; i++ {
		doc.tick()
		pos := i - s.First
		if !d.second {
			d.x.scoreStatic(i, sc, &d.static[i])
		}
		// The token's score before its previous tags are known.
		d.scores = d.static[i]
		if d.feats = d.docFeats(d.feats[:0], i); len(d.feats) > 0 {
			sc.score(d.feats, &d.scores)
		}
		base := d.scores
		ti := &d.x.info[i]
		d.gen++
		out := d.lattice[pos*k : pos*k+k]
		for m := range out {
			out[m].score = negInf
		}
		width, from := 0, 1
		if pos > 0 {
			from = d.width[pos-1]
		}
		last := b2u(i == s.End-1)
		for j := range from {
			prev, prev2 := noTag, noTag
			var sofar float32
			if pos > 0 {
				h := &d.lattice[(pos-1)*k+j]
				prev, prev2, sofar = h.tag, h.prev, h.score
			}
			// The scores of prev's features, once per token and prev.
			byPrev := &d.byPrev[prev]
			if d.byPrevGen[prev] != d.gen {
				d.byPrevGen[prev] = d.gen
				*byPrev = d.trans.cap[prev][ti.cap]
				sc.add1(f2(tTagPrevLower, uint64(prev), ti.lower), byPrev)
			}
			pair := &d.trans.pair[prev2][prev]
			p := prev
			if p == noTag {
				p = tagO
			}
			for allowed := allowedNext[p][last]; allowed != 0; allowed &= allowed - 1 {
				t := bits.TrailingZeros32(allowed)
				score := sofar + base[t] + pair[t] + byPrev[t]
				if out[k-1].score >= score {
					continue // the beam is full of better (or earlier) ones
				}
				// Insert after every hypothesis at least as good, so ties
				// keep the order they came in. out is sorted best first
				// and padded with -Inf, so those are a prefix: count them
				// with a fixed number of comparisons, not a loop that
				// stops where the branch predictor cannot guess.
				at := 0
				for m := range k {
					if out[m].score >= score {
						at++
					}
				}
				width = min(width+1, k)
				for m := k - 1; m > at; m-- {
					out[m] = out[m-1]
				}
				out[at] = hyp{score: score, tag: uint8(t), prev: prev, back: int16(j)}
			}
		}
		d.width[pos] = width
	}
	d.path = resize(d.path, n)
	for pos, j := n-1, 0; pos >= 0; pos-- {
		h := &d.lattice[pos*k+j]
		d.path[pos] = h.tag
		j = int(h.back)
	}
	for pos, tag := range d.path {
		i := s.First + pos
		if d.second {
			d.uncount(&d.agg, i, d.tags[i])
			d.count(&d.agg, i, tag)
		}
		d.tags[i] = tag
		d.count(&d.hist, i, tag)
	}
}

// prevFeats appends the features of token i's previous tags.
func (d *decoder) prevFeats(f []uint64, i int, prev, prev2 uint8) []uint64 {
	ti := &d.x.info[i]
	return append(f,
		f1(tTagPrev, uint64(prev)),
		f2(tTagPrev2, uint64(prev2), uint64(prev)),
		f2(tTagPrevLower, uint64(prev), ti.lower),
		f2(tTagPrevCap, uint64(prev), uint64(ti.cap)),
	)
}

// docFeats appends the features of the types earlier mentions of the word
// were given, and in the second pass the types of its other mentions.
func (d *decoder) docFeats(f []uint64, i int) []uint64 {
	ti := &d.x.info[i]
	if ti.cap != capLower && ti.cap != capNone {
		if h := d.hist.get(ti.lower); h != 0 {
			maj := majority(h)
			f = append(f,
				f1(tHist, maj),
				f2(tHistCap, maj, uint64(ti.cap)),
				f2(tHistMode, maj, b2u(ti.mode != modeNormal)),
			)
		}
		if d.second {
			// The other occurrences: the word's counts less its own.
			h := d.agg.get(ti.lower) - 1<<(6*typeOf(d.tags[i]))
			if h != 0 {
				maj := majority(h)
				f = append(f,
					f1(tAgg, maj),
					f2(tAggCap, maj, uint64(ti.cap)),
					f2(tAggMode, maj, b2u(ti.mode != modeNormal)),
				)
			}
		}
	}
	return f
}

// typeOf returns tag's type, numTypes for O.
func typeOf(tag uint8) uint32 {
	if tag == tagO || int(tag) >= numTags {
		return uint32(numTypes)
	}
	return uint32(tagType(tag))
}

// count adds the type token i was tagged with to the counts of its
// lower-case form in t, for capitalised words; counts saturate at 63.
func (d *decoder) count(t *table, i int, tag uint8) {
	ti := &d.x.info[i]
	if ti.cap == capLower || ti.cap == capNone {
		return
	}
	k := typeOf(tag)
	v := t.slot(ti.lower)
	if (*v>>(6*k))&63 < 63 {
		*v += 1 << (6 * k)
	}
}

// uncount takes back a count made by count (saturated counts stay).
func (d *decoder) uncount(t *table, i int, tag uint8) {
	ti := &d.x.info[i]
	if ti.cap == capLower || ti.cap == capNone {
		return
	}
	k := typeOf(tag)
	v := t.slot(ti.lower)
	if c := (*v >> (6 * k)) & 63; c > 0 && c < 63 {
		*v -= 1 << (6 * k)
	}
}

// majority returns the most frequent type in packed counts h (numTypes for
// O), ties to the first.
func majority(h uint32) uint64 {
	best, bestN := uint64(0), uint32(0)
	for t := uint64(0); t <= uint64(numTypes); t++ {
		if c := (h >> (6 * t)) & 63; c > bestN {
			best, bestN = t, c
		}
	}
	return best
}

func argmax(s *[numTags]float32) uint8 {
	best := 0
	for t := 1; t < numTags; t++ {
		if s[t] > s[best] {
			best = t
		}
	}
	return uint8(best)
}

// allowedNext[prev][last] is the bit set of the tags that may follow prev,
// and end a sentence when last is 1.
var allowedNext = func() (a [numTags][2]uint32) {
	for prev := range numTags {
		for t := range numTags {
			if validNext(uint8(prev), uint8(t)) {
				a[prev][0] |= 1 << t
				if mayEnd(uint8(t)) {
					a[prev][1] |= 1 << t
				}
			}
		}
	}
	return a
}()

// resize returns s with length n and zeroed, reusing its memory.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}
