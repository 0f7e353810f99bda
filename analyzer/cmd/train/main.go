// Command train trains the named-entity tagger of a language and writes
// the compact model file that analyzer/tagger embeds (make model):
//
//	go run ./analyzer/cmd/train -lang en -out analyzer/tagger/model.bin
//	go run ./analyzer/cmd/train -lang en -folds 5      # cross-validation only
//
// Its data are in corpora.go, per language, under -data (../shared/data):
// primary training files, extra files (another domain, or silver labels)
// trained on with a smaller weight, and a development file.
//
// It sees documents the way the app does: each is rebuilt as plain text
// (tokens joined by spaces, sentences by newlines) and run through
// analyzer.Annotate, whose tokens, sentences and stems the tagger learns
// on; the gold labels are aligned to those tokens by offsets. Seeds are
// fixed, so a run is reproducible byte for byte.
//
// With -folds K it cross-validates instead: the primary files' documents
// are dealt into K folds (shuffled with -foldseed), and for each fold a
// model is trained on the other folds plus the extra files, quantised like
// the real one and scored on the fold through the full pipeline. It prints
// each fold's F1, the pooled P/R/F1 per type, the confusion table, and the
// time taken; features, weights and rules are chosen this way, not on the
// development file.
//
// Otherwise it trains on all of it, writes -out, and scores the quantised
// model once on the development file. With NER_ERRORS=FILE set it also
// writes the tagger's development errors there, each classified, with
// counts at the end; -model FILE scores an existing model instead of
// training one.
package main

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/andybalholm/brotli"

	"annotator/analyzer"
	"annotator/analyzer/conll"
	"annotator/analyzer/tagger"
)

// config is what one training run needs.
type config struct {
	lang        string
	corpus      corpus
	dataDir     string
	epochs      int
	seed        uint64
	twoPass     bool
	models      int
	clip        float64
	minWeight   int
	dropout     float64
	titleShare  float64
	capsShare   float64
	beam        int
	extraWeight float64
	smallWords  map[string]bool
	weighRules  bool
	maxBrotli   int       // the model's size budget, brotli-compressed (0: none)
	out         io.Writer // reports (os.Stdout)
}

func main() {
	c := config{out: os.Stdout}
	flag.StringVar(&c.lang, "lang", "en", "language: its data are listed in corpora.go")
	flag.StringVar(&c.dataDir, "data", "../shared/data", "folder the corpora's paths are relative to")
	trainFiles := flag.String("train", "", "comma-separated training files, instead of the language's")
	extraFiles := flag.String("extra", "", "comma-separated extra training files, instead of the language's (\"none\": none)")
	flag.Float64Var(&c.extraWeight, "extraweight", -1, "weight of the extra files' documents (-1: the language's)")
	devPath := flag.String("dev", "", "development file scored after training, instead of the language's (\"none\": none)")
	out := flag.String("out", "", "model file to write (empty: none)")
	folds := flag.Int("folds", 0, "cross-validate over this many folds of the training files instead of training a model")
	foldSeed := flag.Uint64("foldseed", 1, "seed dealing documents into folds")
	flag.IntVar(&c.epochs, "epochs", 20, "training epochs")
	flag.Uint64Var(&c.seed, "seed", 1, "shuffling seed")
	flag.BoolVar(&c.twoPass, "twopass", true, "retag each document knowing the first pass's tags")
	flag.IntVar(&c.models, "models", 3, "perceptrons trained on different shuffles and averaged")
	flag.Float64Var(&c.clip, "clip", 0.9999, "quantile of |weight| mapped to the int8 maximum")
	flag.IntVar(&c.minWeight, "minweight", -1, "drop features whose largest quantised |weight| is below this (-1: the language's, 14 unless corpora.go says)")
	flag.IntVar(&c.maxBrotli, "maxbrotli", -1, "raise -minweight until the model compresses to at most this many bytes with brotli (0: no budget; -1: the language's, 600,000 unless corpora.go says)")
	flag.Float64Var(&c.dropout, "dropout", -1, "share of a token's features left out at random each time training sees it (-1: the language's, 0.1 unless corpora.go says)")
	flag.Float64Var(&c.titleShare, "title", 0.5, "share of ALL CAPS headlines trained in Title Case")
	flag.Float64Var(&c.capsShare, "caps", 0.02, "share of other sentences trained in ALL CAPS")
	flag.BoolVar(&c.weighRules, "rules", false, "with -folds: also score each fold without each of the pipeline's name rules")
	flag.IntVar(&c.beam, "beam", tagger.DefaultBeam, "beam width when scoring")
	evalOnly := flag.String("model", "", "score this model file on the development file instead of training")
	flag.Parse()
	var ok bool
	if c.corpus, ok = corpora[c.lang]; !ok {
		fail(fmt.Errorf("no corpus for language %q (corpora.go)", c.lang))
	}
	if *trainFiles != "" {
		c.corpus.Train = strings.Split(*trainFiles, ",")
	}
	switch *extraFiles {
	case "":
	case "none":
		c.corpus.Extra = nil
	default:
		c.corpus.Extra = strings.Split(*extraFiles, ",")
	}
	if c.extraWeight < 0 {
		c.extraWeight = c.corpus.ExtraWeight
	}
	if c.minWeight < 0 {
		c.minWeight = cmp.Or(c.corpus.MinWeight, 14)
	}
	if c.maxBrotli < 0 {
		c.maxBrotli = cmp.Or(c.corpus.MaxBrotli, 600_000)
	}
	if c.dropout < 0 {
		c.dropout = cmp.Or(c.corpus.Dropout, 0.1)
	}
	switch *devPath {
	case "":
	case "none":
		c.corpus.Dev = ""
	default:
		c.corpus.Dev = *devPath
	}
	c.smallWords = map[string]bool{}
	for _, w := range c.corpus.SmallWords {
		c.smallWords[w] = true
	}
	var err error
	switch {
	case *evalOnly != "":
		var data []byte
		if data, err = os.ReadFile(*evalOnly); err == nil {
			err = c.evaluate(data)
		}
	case *folds > 1:
		err = c.crossValidate(*folds, *foldSeed)
	default:
		err = c.run(*out)
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "train:", err)
	os.Exit(1)
}

// path resolves a corpus file: absolute or ./relative paths as given,
// others under the data folder.
func (c *config) path(p string) string {
	if filepath.IsAbs(p) || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") {
		return p
	}
	return filepath.Join(c.dataDir, p)
}

func (c *config) read(paths []string) ([]conll.Document, error) {
	var docs []conll.Document
	for _, p := range paths {
		d, err := conll.ReadFile(c.path(p))
		if err != nil {
			return nil, err
		}
		docs = append(docs, d...)
	}
	return docs, nil
}

// prepared is a training document and its example, as the pipeline sees it
// (its headline perhaps rewritten in Title Case).
type prepared struct {
	doc conll.Document
	ex  tagger.Example
}

// prepare reads the primary and extra files and builds their examples.
func (c *config) prepare() (primary []prepared, extra []tagger.Example, err error) {
	rng := rand.New(rand.NewPCG(c.seed, 7))
	lost := 0
	build := func(paths []string, weight float64) ([]prepared, error) {
		docs, err := c.read(paths)
		if err != nil {
			return nil, err
		}
		out := make([]prepared, 0, len(docs))
		for _, d := range docs {
			in := d
			if titled, ok := c.titleCase(d, rng); ok {
				in = titled
			}
			in = c.upperCase(in, rng)
			ex, n, err := example(in, c.lang)
			if err != nil {
				return nil, err
			}
			if weight != 1 {
				ex.Weight = float32(weight)
			}
			out = append(out, prepared{d, ex})
			lost += n
		}
		return out, nil
	}
	if primary, err = build(c.corpus.Train, 1); err != nil {
		return nil, nil, err
	}
	if c.extraWeight > 0 {
		more, err := build(c.corpus.Extra, c.extraWeight)
		if err != nil {
			return nil, nil, err
		}
		for _, p := range more {
			extra = append(extra, p.ex)
		}
	}
	fmt.Fprintf(os.Stderr, "%d training documents and %d extra (weight %g); %d gold mentions do not fit the pipeline's tokens or sentences\n",
		len(primary), len(extra), c.extraWeight, lost)
	return primary, extra, nil
}

// train trains and quantises a model on examples, returning the model file.
func (c *config) train(examples []tagger.Example, log bool) ([]byte, int, error) {
	start := time.Now()
	opts := tagger.TrainOptions{Epochs: c.epochs, Seed: c.seed, TwoPass: c.twoPass, Models: c.models, Dropout: c.dropout}
	if log {
		opts.Progress = func(e int, r float64) {
			fmt.Fprintf(os.Stderr, "epoch %2d: %.2f%% tokens wrong (%s)\n", e, 100*r, time.Since(start).Round(time.Second))
		}
	}
	w := tagger.Train(examples, opts)
	// Prune to the size budget: the model, gazetteers and clusters ship
	// in the app together (issue 10: 1.2 MB brotli).
	for minWeight := c.minWeight; ; minWeight++ {
		var buf bytes.Buffer
		n, err := w.Encode(&buf, tagger.EncodeOptions{Clip: c.clip, MinWeight: minWeight})
		if err != nil {
			return nil, 0, err
		}
		size := brotliSize(buf.Bytes())
		if c.maxBrotli > 0 && size > c.maxBrotli && n > 0 {
			continue
		}
		if log {
			fmt.Fprintf(os.Stderr, "%d features trained, %d kept (|weight| >= %d); model %d bytes, %d brotli-compressed\n", len(w.Index), n, minWeight, buf.Len(), size)
		}
		return buf.Bytes(), n, nil
	}
}

func brotliSize(data []byte) int {
	var br bytes.Buffer
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	bw.Write(data)
	bw.Close()
	return br.Len()
}

func (c *config) run(out string) error {
	start := time.Now()
	primary, extra, err := c.prepare()
	if err != nil {
		return err
	}
	examples := extra
	for _, p := range primary {
		examples = append(examples, p.ex)
	}
	data, _, err := c.train(examples, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "trained in %s\n", time.Since(start).Round(time.Second))
	if out != "" {
		if err := os.WriteFile(out, data, 0o644); err != nil {
			return err
		}
	}
	if c.corpus.Dev == "" {
		return nil
	}
	return c.evaluate(data)
}

// crossValidate deals the primary documents into k folds and, for each,
// trains on the others plus the extra documents and scores the fold
// through the full pipeline.
func (c *config) crossValidate(k int, foldSeed uint64) error {
	start := time.Now()
	primary, extra, err := c.prepare()
	if err != nil {
		return err
	}
	order := make([]int, len(primary))
	for i := range order {
		order[i] = i
	}
	rand.New(rand.NewPCG(foldSeed, 11)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	fold := make([]int, len(primary))
	for pos, i := range order {
		fold[i] = pos % k
	}
	// The folds are independent: they train side by side, as many at once
	// as there are cores, and are reported and pooled in order.
	results := make([]foldResult, k)
	slots := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for f := range k {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer wg.Done()
			results[f] = c.fold(primary, extra, fold, f)
			<-slots
		}()
	}
	wg.Wait()
	total, errs := conll.Score{}, conll.NewErrors()
	without := map[string]conll.Score{} // rule → pooled score without it
	var f1s []float64
	for f, r := range results {
		if r.err != nil {
			return r.err
		}
		total.Merge(r.score)
		errs.Merge(r.errs)
		for rule, s := range r.without {
			if without[rule] == nil {
				without[rule] = conll.Score{}
			}
			without[rule].Merge(s)
		}
		f1 := r.score.Total().F1()
		f1s = append(f1s, f1)
		fmt.Fprintf(c.out, "fold %d/%d: %d documents, F1=%.2f (PER/LOC/ORG %.2f), %d features\n", f+1, k, r.docs, f1,
			r.score.Total("PER", "LOC", "ORG").F1(), r.features)
	}
	if c.weighRules {
		fmt.Fprintln(c.out, "name rules, pooled F1 without each (and what the rule adds):")
		for _, r := range analyzer.NameRules() {
			w := without[r].Total().F1()
			fmt.Fprintf(c.out, "  %-14s %6.2f  %+.2f\n", r, w, total.Total().F1()-w)
		}
	}
	mean, sd := meanSD(f1s)
	fmt.Fprintf(c.out, "cross-validation, %d folds of %s (extra: %v, weight %g), pooled over the folds:\n", k, strings.Join(c.corpus.Train, ","), c.corpus.Extra, c.extraWeight)
	errs.Report(c.out)
	total.Report(c.out)
	fmt.Fprintf(c.out, "CV F1 mean %.2f, sd %.2f over folds; took %s\n", mean, sd, time.Since(start).Round(time.Second))
	return nil
}

// foldResult is one cross-validation fold's scores.
type foldResult struct {
	score    conll.Score
	errs     *conll.Errors
	without  map[string]conll.Score // rule → the fold's score without it (-rules)
	docs     int                    // documents held out
	features int                    // features the fold's model kept
	err      error
}

// fold trains on every primary document outside fold f, plus the extra
// ones, and scores the documents of fold f through the full pipeline.
func (c *config) fold(primary []prepared, extra []tagger.Example, fold []int, f int) foldResult {
	examples := append([]tagger.Example(nil), extra...)
	var held []conll.Document
	for i, p := range primary {
		if fold[i] == f {
			held = append(held, p.doc)
		} else {
			examples = append(examples, p.ex)
		}
	}
	data, n, err := c.train(examples, false)
	if err != nil {
		return foldResult{err: err}
	}
	model, err := tagger.Load(data)
	if err != nil {
		return foldResult{err: err}
	}
	model.Beam = c.beam
	opts := analyzer.Options{Lang: c.lang, Names: analyzer.TaggerNames{Model: model}}
	score, e, _, err := conll.EvaluateErrors(held, opts)
	if err != nil {
		return foldResult{err: err}
	}
	r := foldResult{score: score, errs: e, without: map[string]conll.Score{}, docs: len(held), features: n}
	if c.weighRules {
		for _, rule := range analyzer.NameRules() {
			o := opts
			o.SkipNameRules = []string{rule}
			if r.without[rule], _, _, err = conll.EvaluateErrors(held, o); err != nil {
				return foldResult{err: err}
			}
		}
	}
	return r
}

func meanSD(xs []float64) (float64, float64) {
	var sum, sq float64
	for _, x := range xs {
		sum += x
	}
	mean := sum / float64(len(xs))
	for _, x := range xs {
		sq += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sq / float64(max(len(xs)-1, 1)))
}

// evaluate scores model file data on the development file, through the
// full pipeline and on the tagger's own mentions, and logs its errors to
// $NER_ERRORS if set.
func (c *config) evaluate(data []byte) error {
	model, err := tagger.Load(data)
	if err != nil {
		return err
	}
	model.Beam = c.beam
	devPath := c.path(c.corpus.Dev)
	dev, err := conll.ReadFile(devPath)
	if err != nil {
		return err
	}
	opts := analyzer.Options{Lang: c.lang, Names: analyzer.TaggerNames{Model: model}}
	score, errs, _, err := conll.EvaluateErrors(dev, opts)
	if err != nil {
		return err
	}
	alone, err := conll.EvaluateRecognizer(dev, analyzer.TaggerNames{Model: model})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "dev %s, tagger alone on the pipeline's tokens: F1=%.2f\n", devPath, alone.Total().F1())
	fmt.Fprintf(c.out, "dev %s (full pipeline, quantised model):\n", devPath)
	errs.Report(c.out)
	score.Report(c.out)
	if path := os.Getenv("NER_ERRORS"); path != "" {
		return logErrors(path, dev, model)
	}
	return nil
}

// upperCase returns d with a share c.capsShare of its sentences after the
// first rewritten in ALL CAPS, with the same gold labels, as lines of
// agencies or shouted headlines are printed: the tagger learns names
// there from the words, not their capitals.
func (c *config) upperCase(d conll.Document, rng *rand.Rand) conll.Document {
	if c.capsShare <= 0 {
		return d
	}
	out := d
	copied := false
	for k := 1; k < len(d.Sentences); k++ {
		if rng.Float64() >= c.capsShare {
			continue
		}
		if !copied {
			out.Sentences = append([][]conll.Token(nil), d.Sentences...)
			copied = true
		}
		s := make([]conll.Token, len(d.Sentences[k]))
		for i, tok := range d.Sentences[k] {
			s[i] = tok
			if u := strings.ToUpper(tok.Text); len(u) == len(tok.Text) {
				s[i].Text = u
			}
		}
		out.Sentences[k] = s
	}
	return out
}

// titleCase returns d with its ALL CAPS headline, if it has one, rewritten
// in Title Case as many sites print headlines ("Kim Jong Un Held Talks In
// Beijing"), with the same gold labels: the tagger learns that capitals say
// little there. ok is false when d has no such headline.
func (c *config) titleCase(d conll.Document, rng *rand.Rand) (conll.Document, bool) {
	if len(d.Sentences) == 0 || rng.Float64() >= c.titleShare {
		return d, false
	}
	head := d.Sentences[0]
	letters, upper := 0, 0
	for _, tok := range head {
		for _, r := range tok.Text {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
	}
	if len(head) < 3 || letters < 8 || upper < letters*9/10 {
		return d, false
	}
	keepSmall := rng.IntN(2) == 0 // some styles keep "of", "in", "the" lower case
	t := make([]conll.Token, len(head))
	for i, tok := range head {
		t[i] = tok
		w := strings.ToLower(tok.Text)
		if len(w) != len(tok.Text) {
			continue // keep offsets: only same-length case changes
		}
		if !(keepSmall && i > 0 && c.smallWords[w]) {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		t[i].Text = w
	}
	out := conll.Document{Sentences: append([][]conll.Token{t}, d.Sentences[1:]...)}
	return out, true
}

// recorder is a NameRecognizer that keeps the document the pipeline built.
type recorder struct{ doc *analyzer.Document }

func (r *recorder) RecognizeNames(doc *analyzer.Document) []analyzer.Mention {
	r.doc = doc
	return nil
}

// example runs the rebuilt document through the pipeline and aligns its
// gold mentions to the pipeline's tokens. It returns how many mentions did
// not start and end on token boundaries within one sentence.
func example(d conll.Document, lang string) (tagger.Example, int, error) {
	t := d.Rebuild()
	var rec recorder
	if _, err := analyzer.Annotate(t.Text, analyzer.Options{Lang: lang, Names: &rec}); err != nil {
		return tagger.Example{}, 0, err
	}
	doc := rec.doc
	td := analyzer.TaggerDoc(doc)
	sentenceOf := make([]int, len(doc.Tokens))
	for k, s := range doc.Sentences {
		for i := s.FirstToken; i < s.EndToken; i++ {
			sentenceOf[i] = k
		}
	}
	// first[b] / last[b]: the token starting / ending at byte b, or -1.
	starts := make(map[int]int, len(doc.Tokens))
	ends := make(map[int]int, len(doc.Tokens))
	for i, tok := range doc.Tokens {
		starts[tok.Start] = i
		ends[tok.End] = i
	}
	var mentions []tagger.Mention
	lost := 0
	for _, c := range d.GoldChunks() {
		first, ok1 := starts[t.Spans[c.Start][0]]
		last, ok2 := ends[t.Spans[c.End-1][1]]
		typ, ok3 := tagger.ParseType(c.Type)
		if !ok1 || !ok2 || !ok3 || sentenceOf[first] != sentenceOf[last] {
			lost++
			continue
		}
		mentions = append(mentions, tagger.Mention{First: first, End: last + 1, Type: typ})
	}
	return tagger.Example{Doc: td, Gold: tagger.Encode(len(td.Tokens), mentions)}, lost, nil
}

// logErrors writes the development set's false negatives and positives
// with some context, for error analysis, each marked with its kind: "type"
// (the same span with another type), "bound" (overlapping a mention of the
// other side), "spurious" (a prediction overlapping no gold mention) or
// "missed" (a gold mention overlapping no prediction). It ends with the
// counts of each kind.
func logErrors(path string, dev []conll.Document, model *tagger.Model) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	kinds := map[string]int{}
	for _, d := range dev {
		pred, err := conll.PredictRecognizer(d, analyzer.TaggerNames{Model: model})
		if err != nil {
			return err
		}
		var toks []string
		for _, s := range d.Sentences {
			for _, t := range s {
				toks = append(toks, t.Text)
			}
		}
		ctx := func(c conll.Chunk) string {
			a, b := max(0, c.Start-4), min(len(toks), c.End+4)
			return strings.Join(toks[a:c.Start], " ") + " [" + strings.Join(toks[c.Start:c.End], " ") + "] " + strings.Join(toks[c.End:b], " ")
		}
		gold := d.GoldChunks()
		for _, e := range errorKinds(gold, pred) {
			kinds[e.side+" "+e.kind+" "+e.chunk.Type+e.other]++
			fmt.Fprintf(f, "%s %s %s%s\t%s\n", e.side, e.chunk.Type, e.kind, e.other, ctx(e.chunk))
		}
	}
	keys := make([]string, 0, len(kinds))
	for k := range kinds {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return kinds[keys[i]] > kinds[keys[j]] || kinds[keys[i]] == kinds[keys[j]] && keys[i] < keys[j]
	})
	fmt.Fprintln(f, "# error kinds")
	for _, k := range keys {
		fmt.Fprintf(f, "# %5d %s\n", kinds[k], k)
	}
	return nil
}

// mistake is one false negative (side FN) or positive (FP).
type mistake struct {
	side, kind string
	chunk      conll.Chunk
	other      string // for kind "type": "<-GOLD" or "->PRED"
}

// errorKinds classifies the chunks of gold and pred that do not match
// exactly (see logErrors).
func errorKinds(gold, pred []conll.Chunk) []mistake {
	var out []mistake
	classify := func(side string, c conll.Chunk, others, same []conll.Chunk) {
		for _, s := range same {
			if s == c {
				return
			}
		}
		m := mistake{side: side, kind: "missed", chunk: c}
		if side == "FP" {
			m.kind = "spurious"
		}
		for _, o := range others {
			if o.Start == c.Start && o.End == c.End {
				m.kind = "type"
				if side == "FP" {
					m.other = "<-" + o.Type
				} else {
					m.other = "->" + o.Type
				}
				break
			}
			if o.Start < c.End && c.Start < o.End {
				m.kind = "bound"
			}
		}
		out = append(out, m)
	}
	for _, c := range gold {
		classify("FN", c, pred, pred)
	}
	for _, c := range pred {
		classify("FP", c, gold, gold)
	}
	return out
}
