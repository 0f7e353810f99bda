package tagger

import (
	"math/rand/v2"
	"runtime"
	"sync"
)

// Example is a training document and its gold tags.
type Example struct {
	Doc  Doc
	Gold []uint8
	// Weight scales the perceptron's updates on this document (0 means 1):
	// extra data of another domain or of silver quality counts for less.
	Weight float32
}

// TrainOptions tune Train.
type TrainOptions struct {
	Epochs  int
	Seed    uint64
	TwoPass bool
	// Models > 1 trains that many perceptrons on different shuffles
	// (seeds Seed, Seed+1...) and averages them: less variance, same size.
	Models int
	// Dropout is the share of a token's features left out, at random,
	// each time training tags it (0: none).
	Dropout float64
	// Progress, if set, is called after each epoch with the epoch number
	// and the share of tokens tagged wrong in it.
	Progress func(epoch int, errRate float64)
}

// Weights is a trained, averaged model in full precision.
type Weights struct {
	Index   map[uint64]int32 // feature -> row
	W       []float32        // rows of numTags weights
	TwoPass bool
}

// perceptron is the averaged perceptron in training: w holds the current
// weights, u their updates times the step they were made at, so that the
// average over all steps is w - u/c (Daume's trick).
type perceptron struct {
	index map[uint64]int32
	w     []float32
	u     []float64
	c     float64
	step  float32 // the current example's weight
}

func (p *perceptron) row(f uint64, add bool) int32 {
	r, ok := p.index[f]
	if !ok {
		if !add {
			return -1
		}
		r = int32(len(p.index))
		p.index[f] = r
		p.w = append(p.w, make([]float32, numTags)...)
		p.u = append(p.u, make([]float64, numTags)...)
	}
	return r
}

func (p *perceptron) score(feats []uint64, s *[numTags]float32) {
	for _, f := range feats {
		if r, ok := p.index[f]; ok {
			row := p.w[int(r)*numTags : int(r)*numTags+numTags]
			for t := range s {
				s[t] += row[t]
			}
		}
	}
}

func (p *perceptron) add1(f uint64, s *[numTags]float32) { p.score([]uint64{f}, s) }

func (p *perceptron) learn(feats []uint64, gold, pred uint8) {
	p.c++
	if gold == pred {
		return
	}
	step, at := p.step, float64(p.step)*p.c
	for _, f := range feats {
		r := int(p.row(f, true)) * numTags
		p.w[r+int(gold)] += step
		p.u[r+int(gold)] += at
		p.w[r+int(pred)] -= step
		p.u[r+int(pred)] -= at
	}
}

func (p *perceptron) average() *Weights {
	w := &Weights{Index: p.index, W: make([]float32, len(p.w))}
	for i := range p.w {
		w.W[i] = float32(float64(p.w[i]) - p.u[i]/p.c)
	}
	return w
}

// Train learns weights from examples with the averaged perceptron, in a
// shuffled order fixed by opts.Seed, so runs are reproducible.
func Train(examples []Example, opts TrainOptions) *Weights {
	if opts.Models <= 1 {
		return train1(examples, opts)
	}
	// The perceptrons are independent (examples are only read): they train
	// side by side, as many at once as there are cores, and are summed in
	// seed order, so the result is the same bytes as one after another.
	trained := make([]*Weights, opts.Models)
	slots := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for k := range opts.Models {
		o := opts
		o.Seed += uint64(k)
		if k > 0 {
			o.Progress = nil // one perceptron reports
		}
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer wg.Done()
			trained[k] = train1(examples, o)
			<-slots
		}()
	}
	wg.Wait()
	sum := &Weights{Index: make(map[uint64]int32), TwoPass: opts.TwoPass}
	for _, w := range trained {
		for f, r := range w.Index {
			row, ok := sum.Index[f]
			if !ok {
				row = int32(len(sum.Index))
				sum.Index[f] = row
				sum.W = append(sum.W, make([]float32, numTags)...)
			}
			for t := range numTags {
				sum.W[int(row)*numTags+t] += w.W[int(r)*numTags+t] / float32(opts.Models)
			}
		}
	}
	return sum
}

func train1(examples []Example, opts TrainOptions) *Weights {
	p := &perceptron{index: make(map[uint64]int32)}
	d := decoder{twoPass: opts.TwoPass, dropout: opts.Dropout, rng: mix(opts.Seed) | 1}
	d.x.keep = true // the features are scored in both passes
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x5eed))
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, total := 0, 0
		for _, k := range order {
			ex := &examples[k]
			p.step = ex.Weight
			if p.step == 0 {
				p.step = 1
			}
			tags := d.tag(&ex.Doc, p, ex.Gold, p.learn)
			for i, t := range tags {
				if t != ex.Gold[i] {
					wrong++
				}
			}
			total += len(tags)
		}
		if opts.Progress != nil {
			opts.Progress(epoch, float64(wrong)/float64(max(total, 1)))
		}
	}
	w := p.average()
	w.TwoPass = opts.TwoPass
	return w
}

// score lets averaged weights tag documents in full precision.
func (w *Weights) score(feats []uint64, s *[numTags]float32) {
	for _, f := range feats {
		if r, ok := w.Index[f]; ok {
			row := w.W[int(r)*numTags : int(r)*numTags+numTags]
			for t := range s {
				s[t] += row[t]
			}
		}
	}
}

func (w *Weights) add1(f uint64, s *[numTags]float32) { w.score([]uint64{f}, s) }

// Tag tags doc with the full-precision weights (used to compare with the
// quantised model).
func (w *Weights) Tag(doc *Doc) []Mention {
	d := decoder{twoPass: w.TwoPass, beam: DefaultBeam, trans: newTransitions(w)}
	return decodeSentences(doc, d.tag(doc, w, nil, nil))
}
