package langdetect

import (
	"fmt"
	"math"
)

// TrainOptions are the trainer's settings.
type TrainOptions struct {
	MaxOrder int     // character n-grams of 1..MaxOrder, boundaries counted
	Bits     int     // 1<<Bits hash buckets
	Alpha    float64 // additive smoothing of each bucket's count
	Scale    float64 // penalty steps per nat; penalties are capped at 15 steps
}

// Trainer counts each language's n-gram buckets: multinomial naive Bayes
// with additive smoothing.
type Trainer struct {
	opts   TrainOptions
	cfg    config
	langs  []string
	counts [][]float64 // [lang][bucket]
	seq    []rune
}

// NewTrainer returns a trainer for the Latin-script languages langs
// (two-letter codes, at most 255 of them).
func NewTrainer(langs []string, opts TrainOptions) (*Trainer, error) {
	if opts.MaxOrder < 1 || opts.MaxOrder > 8 || opts.Bits < 8 || opts.Bits > 24 || !(opts.Alpha > 0) || !(opts.Scale > 0) {
		return nil, fmt.Errorf("langdetect: bad training options %+v", opts)
	}
	if len(langs) == 0 || len(langs) > 255 {
		return nil, fmt.Errorf("langdetect: %d languages, want 1 to 255", len(langs))
	}
	t := &Trainer{opts: opts, cfg: config{maxOrder: opts.MaxOrder, bits: opts.Bits}, langs: langs}
	for _, l := range langs {
		if len(l) != 2 {
			return nil, fmt.Errorf("langdetect: language code %q is not 2 letters", l)
		}
		t.counts = append(t.counts, make([]float64, 1<<opts.Bits))
	}
	return t, nil
}

// Add counts the n-grams of a text of language lang. Words of non-Latin
// scripts are skipped, as Detect skips them.
func (t *Trainer) Add(lang string, text string) error {
	l := index(t.langs, lang)
	if l < 0 {
		return fmt.Errorf("langdetect: %q is not one of %v", lang, t.langs)
	}
	t.seq, _ = scan(t.seq[:0], text)
	counts := t.counts[l]
	t.cfg.eachBucket(t.seq, func(b uint32) { counts[b]++ })
	return nil
}

// Model turns the counts into the detector's table, with temperature 1
// (see Calibrate).
func (t *Trainer) Model() *Model {
	nb := 1 << t.opts.Bits
	nl := len(t.langs)
	logp := make([][]float64, nl)
	for l, counts := range t.counts {
		total := 0.0
		for _, c := range counts {
			total += c
		}
		denom := math.Log(total + t.opts.Alpha*float64(nb))
		logp[l] = make([]float64, nb)
		for b, c := range counts {
			logp[l][b] = math.Log(c+t.opts.Alpha) - denom
		}
	}
	m := &Model{cfg: t.cfg, langs: t.langs, scale: float64(float32(t.opts.Scale)), temperature: 1, rowBytes: (nl + 1) / 2}
	weights := make([]byte, nb*m.rowBytes)
	for b := range nb {
		best := math.Inf(-1)
		for l := range nl {
			best = max(best, logp[l][b])
		}
		row := weights[b*m.rowBytes:]
		for l := range nl {
			q := byte(min(math.Round((best-logp[l][b])*m.scale), maxPenalty))
			row[l/2] |= q << (4 * (l & 1))
		}
	}
	m.weights = string(weights)
	m.expand()
	return m
}

// Calibrate sets the model's temperature to the one that minimises the
// log-loss of the posteriors over texts of known languages (held out from
// training): naive Bayes counts overlapping n-grams as independent
// evidence and is overconfident; dividing its log-odds by one fitted
// number (temperature scaling) makes its confidence mean what it says.
func (m *Model) Calibrate(texts, langs []string) (float64, error) {
	if len(texts) != len(langs) || len(texts) == 0 {
		return 0, fmt.Errorf("langdetect: calibrate on %d texts and %d languages", len(texts), len(langs))
	}
	type scored struct {
		pen  []int
		gold int
	}
	var data []scored
	var seq []rune
	for i, text := range texts {
		gold := index(m.langs, langs[i])
		if gold < 0 {
			return 0, fmt.Errorf("langdetect: %q is not one of %v", langs[i], m.langs)
		}
		seq, _ = scan(seq[:0], text)
		pen := make([]int, len(m.langs))
		m.penalties(seq, pen)
		data = append(data, scored{pen, gold})
	}
	prob := make([]float64, len(m.langs))
	loss := func(logT float64) float64 {
		m.temperature = math.Exp(logT)
		sum := 0.0
		for _, d := range data {
			m.posteriors(d.pen, prob)
			sum -= math.Log(max(prob[d.gold], 1e-12))
		}
		return sum
	}
	// The loss is unimodal in log T: golden-section search over T in
	// [1/8, 256].
	lo, hi := math.Log(0.125), math.Log(256)
	const phi = 0.6180339887498949
	a, b := hi-phi*(hi-lo), lo+phi*(hi-lo)
	fa, fb := loss(a), loss(b)
	for range 60 {
		if fa < fb {
			hi, b, fb = b, a, fa
			a = hi - phi*(hi-lo)
			fa = loss(a)
		} else {
			lo, a, fa = a, b, fb
			b = lo + phi*(hi-lo)
			fb = loss(b)
		}
	}
	m.temperature = float64(float32(math.Exp((lo + hi) / 2)))
	return m.temperature, nil
}

// WithTemperature returns a copy of the model with temperature t (one
// calibrated on another model trained on part of the same data).
func (m *Model) WithTemperature(t float64) *Model {
	c := *m
	c.temperature = float64(float32(t))
	return &c
}

func index(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
