// Command train trains the named-entity tagger on CoNLL-2003 English and
// writes the compact model file that analyzer/tagger embeds (make model):
//
//	go run ./analyzer/cmd/train -out analyzer/tagger/model.bin
//
// It sees documents the way the app does: each is rebuilt as plain text
// (tokens joined by spaces, sentences by newlines) and run through
// analyzer.Annotate, whose tokens, sentences and stems the tagger learns
// on; the gold labels are aligned to those tokens by offsets. The
// shuffling seed is fixed, so a run is reproducible. After training it
// scores the quantised model on the development file through the full
// pipeline and prints P/R/F1 per type. With NER_ERRORS=FILE set it also
// writes the tagger's errors there, each classified, with counts at the
// end; -model FILE scores an existing model instead of training one.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/andybalholm/brotli"

	"annotator/analyzer"
	"annotator/analyzer/conll"
	"annotator/analyzer/tagger"
)

func main() {
	trainPath := flag.String("train", "../shared/data/conll2003/eng.train", "CoNLL training file")
	devPath := flag.String("dev", "../shared/data/conll2003/eng.testa", "CoNLL development file, scored after training (empty: none)")
	out := flag.String("out", "", "model file to write (empty: none)")
	epochs := flag.Int("epochs", 20, "training epochs")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	twoPass := flag.Bool("twopass", true, "retag each document knowing the first pass's tags")
	flag.IntVar(&models, "models", 3, "perceptrons trained on different shuffles and averaged")
	clip := flag.Float64("clip", 0.9999, "quantile of |weight| mapped to the int8 maximum")
	flag.IntVar(&minWeight, "minweight", 14, "drop features whose largest quantised |weight| is below this")
	flag.Float64Var(&dropout, "dropout", 0.1, "share of a token's features left out at random each time training sees it")
	flag.Float64Var(&titleShare, "title", 0.5, "share of ALL CAPS headlines trained in Title Case")
	flag.IntVar(&beam, "beam", tagger.DefaultBeam, "beam width when scoring the development set")
	evalOnly := flag.String("model", "", "score this model file on -dev instead of training")
	flag.Parse()
	if *evalOnly != "" {
		data, err := os.ReadFile(*evalOnly)
		if err == nil {
			err = evaluate(data, *devPath)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*trainPath, *devPath, *out, *epochs, *seed, *twoPass, *clip); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(trainPath, devPath, out string, epochs int, seed uint64, twoPass bool, clip float64) error {
	train, err := conll.ReadFile(trainPath)
	if err != nil {
		return err
	}
	examples := make([]tagger.Example, 0, 2*len(train))
	lost := 0
	rng := rand.New(rand.NewPCG(seed, 7))
	for _, d := range train {
		if titled, ok := titleCase(d, rng); ok {
			d = titled
		}
		ex, n, err := example(d)
		if err != nil {
			return err
		}
		examples = append(examples, ex)
		lost += n
	}
	fmt.Fprintf(os.Stderr, "%d training documents; %d gold mentions do not fit the pipeline's tokens or sentences\n", len(examples), lost)

	start := time.Now()
	w := tagger.Train(examples, tagger.TrainOptions{Epochs: epochs, Seed: seed, TwoPass: twoPass, Models: models, Dropout: dropout,
		Progress: func(e int, r float64) {
			fmt.Fprintf(os.Stderr, "epoch %2d: %.2f%% tokens wrong (%s)\n", e, 100*r, time.Since(start).Round(time.Second))
		}})
	var buf bytes.Buffer
	n, err := w.Encode(&buf, tagger.EncodeOptions{Clip: clip, MinWeight: minWeight})
	if err != nil {
		return err
	}
	var br bytes.Buffer
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	bw.Write(buf.Bytes())
	bw.Close()
	fmt.Fprintf(os.Stderr, "%d features trained, %d kept; model %d bytes, %d brotli-compressed\n", len(w.Index), n, buf.Len(), br.Len())
	if out != "" {
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	if devPath == "" {
		return nil
	}
	return evaluate(buf.Bytes(), devPath)
}

// evaluate scores model file data on the development file, through the
// full pipeline and on the tagger's own mentions, and logs its errors to
// $NER_ERRORS if set.
func evaluate(data []byte, devPath string) error {
	model, err := tagger.Load(data)
	if err != nil {
		return err
	}
	model.Beam = beam
	dev, err := conll.ReadFile(devPath)
	if err != nil {
		return err
	}
	score, _, err := conll.Evaluate(dev, analyzer.Options{Names: analyzer.TaggerNames{Model: model}})
	if err != nil {
		return err
	}
	alone, err := conll.EvaluateRecognizer(dev, analyzer.TaggerNames{Model: model})
	if err != nil {
		return err
	}
	fmt.Printf("dev %s, tagger alone on the pipeline's tokens: F1=%.2f\n", devPath, alone.Total().F1())
	fmt.Printf("dev %s (full pipeline, quantised model):\n", devPath)
	score.Report(os.Stdout)
	if path := os.Getenv("NER_ERRORS"); path != "" {
		return logErrors(path, dev, model)
	}
	return nil
}

var (
	titleShare float64
	models     int
	minWeight  int
	beam       int
	dropout    float64
)

// titleCase returns d with its ALL CAPS headline, if it has one, rewritten
// in Title Case as many sites print headlines ("Kim Jong Un Held Talks In
// Beijing"), with the same gold labels: the tagger learns that capitals say
// little there. ok is false when d has no such headline.
func titleCase(d conll.Document, rng *rand.Rand) (conll.Document, bool) {
	if len(d.Sentences) == 0 || rng.Float64() >= titleShare {
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
		if !(keepSmall && i > 0 && smallWords[w]) {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		t[i].Text = w
	}
	out := conll.Document{Sentences: append([][]conll.Token{t}, d.Sentences[1:]...)}
	return out, true
}

var smallWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "in": true, "on": true,
	"at": true, "to": true, "for": true, "and": true, "or": true, "by": true, "with": true, "as": true}

// recorder is a NameRecognizer that keeps the document the pipeline built.
type recorder struct{ doc *analyzer.Document }

func (r *recorder) RecognizeNames(doc *analyzer.Document) []analyzer.Mention {
	r.doc = doc
	return nil
}

// example runs the rebuilt document through the pipeline and aligns its
// gold mentions to the pipeline's tokens. It returns how many mentions did
// not start and end on token boundaries within one sentence.
func example(d conll.Document) (tagger.Example, int, error) {
	t := d.Rebuild()
	var rec recorder
	if _, err := analyzer.Annotate(t.Text, analyzer.Options{Names: &rec}); err != nil {
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
