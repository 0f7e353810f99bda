package tagger

// decoder tags documents greedily, left to right: each token's tag is the
// best-scoring one given the tags already chosen (Ratinov and Roth found
// this as good as Viterbi for NER, at a fraction of the cost).
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
}

// scorer adds the weights of features to per-tag scores.
type scorer interface {
	score(feats []uint64, s *[numTags]float32)
}

// learner is called at each token during training with its features, gold
// and predicted tag.
type learner func(feats []uint64, gold, pred uint8)

// tag returns the tags of doc's tokens. With learn set, gold must hold the
// gold tags: learn sees every token, and transitions are not constrained
// (the model learns them); otherwise only valid BILOU sequences come out.
func (d *decoder) tag(doc *Doc, sc scorer, gold []uint8, learn learner) []uint8 {
	d.x.extract(doc)
	n := len(doc.Tokens)
	d.tags = resize(d.tags, n)
	if learn == nil {
		d.static = resize(d.static, n)
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
	var scores [numTags]float32
	for _, s := range doc.Sentences {
		for i := s.First; i < s.End; i++ {
			prev, prev2 := uint8(numTags), uint8(numTags) // sentence start
			if i-1 >= s.First {
				prev = d.tags[i-1]
			}
			if i-2 >= s.First {
				prev2 = d.tags[i-2]
			}
			if learn == nil {
				if !d.second {
					scores = [numTags]float32{}
					sc.score(d.x.tokenFeats(i), &scores)
					d.static[i] = scores
				}
				scores = d.static[i]
				d.feats = d.dynamic(d.feats[:0], i, prev, prev2)
			} else {
				scores = [numTags]float32{}
				d.feats = d.dynamic(append(d.feats[:0], d.x.tokenFeats(i)...), i, prev, prev2)
			}
			sc.score(d.feats, &scores)
			var best uint8
			if learn != nil {
				// Training: unconstrained, and later tokens see the
				// predicted tags, as they will when tagging.
				best = argmax(&scores)
				learn(d.feats, gold[i], best)
			} else {
				p := prev
				if p == uint8(numTags) {
					p = tagO
				}
				best = argmaxValid(&scores, p, i == s.End-1)
			}
			if d.second {
				d.uncount(&d.agg, i, d.tags[i])
				d.count(&d.agg, i, best)
			}
			d.tags[i] = best
			d.count(&d.hist, i, best)
		}
	}
}

// dynamic appends the features that depend on tags already chosen: the
// previous tags and the types earlier mentions of the word were given.
func (d *decoder) dynamic(f []uint64, i int, prev, prev2 uint8) []uint64 {
	ti := &d.x.info[i]
	f = append(f,
		f1(tTagPrev, uint64(prev)),
		f2(tTagPrev2, uint64(prev2), uint64(prev)),
		f2(tTagPrevLower, uint64(prev), ti.lower),
		f2(tTagPrevCap, uint64(prev), uint64(ti.cap)),
	)
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

// mayFollow is validNext relaxed: an open mention may also end before O, B
// or U. One wrong I then cannot drag the following words into the name
// ("Kim Jong Un Held Talks In Beijing").
func mayFollow(prev, tag uint8) bool {
	return validNext(prev, tag) || tag == tagO || tagPos(tag) == posB || tagPos(tag) == posU
}

// argmaxValid returns the best tag that may follow prev, and that may end a
// sentence when last is set.
func argmaxValid(s *[numTags]float32, prev uint8, last bool) uint8 {
	allowed := allowedNext[prev][b2u(last)]
	best := -1
	for t := 0; t < numTags; t++ {
		if allowed&(1<<t) == 0 {
			continue
		}
		if best < 0 || s[t] > s[best] {
			best = t
		}
	}
	return uint8(best)
}

// allowedNext[prev][last] is the bit set of tags argmaxValid may choose.
var allowedNext = func() (a [numTags][2]uint32) {
	for prev := range numTags {
		for t := range numTags {
			if mayFollow(uint8(prev), uint8(t)) {
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
