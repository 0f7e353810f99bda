package tagger

// decoder tags documents greedily, left to right: each token's tag is the
// best-scoring one given the tags already chosen (Ratinov and Roth found
// this as good as Viterbi for NER, at a fraction of the cost).
type decoder struct {
	x     extractor
	feats []uint64
	tags  []uint8
	hist  table // lower-case word -> packed counts of the types it was tagged with
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
	d.tags = append(d.tags[:0], make([]uint8, n)...)
	d.hist.reset(n)
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
			d.feats = d.dynamic(append(d.feats[:0], d.x.tokenFeats(i)...), i, prev, prev2)
			scores = [numTags]float32{}
			sc.score(d.feats, &scores)
			var best uint8
			if learn != nil {
				best = argmax(&scores)
				learn(d.feats, gold[i], best)
			} else {
				p := prev
				if p == uint8(numTags) {
					p = tagO
				}
				best = argmaxValid(&scores, p, i == s.End-1)
			}
			d.tags[i] = best
			d.remember(i, best)
		}
	}
	return d.tags
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
				f2(tHistMode, maj, uint64(ti.mode)),
			)
		}
	}
	return f
}

// remember counts the type token i was tagged with (numTypes for O) under
// its lower-case form, for capitalised words.
func (d *decoder) remember(i int, tag uint8) {
	ti := &d.x.info[i]
	if ti.cap == capLower || ti.cap == capNone {
		return
	}
	t := uint32(numTypes)
	if tag != tagO && int(tag) < numTags {
		t = uint32(tagType(tag))
	}
	v := d.hist.slot(ti.lower)
	if (*v>>(6*t))&63 < 63 {
		*v += 1 << (6 * t)
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

// argmaxValid returns the best tag that may follow prev, and that may end a
// sentence when last is set.
func argmaxValid(s *[numTags]float32, prev uint8, last bool) uint8 {
	best := -1
	for t := 0; t < numTags; t++ {
		tag := uint8(t)
		if !validNext(prev, tag) || (last && !mayEnd(tag)) {
			continue
		}
		if best < 0 || s[t] > s[best] {
			best = t
		}
	}
	return uint8(best)
}
