// Command train trains the named-entity tagger on CoNLL-2003 English and
// writes the compact model file embedded by analyzer/tagger.
package main

import (
	"flag"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/kljensen/snowball/english"

	"annotator/analyzer/conll"
	"annotator/analyzer/tagger"
)

func main() {
	trainPath := flag.String("train", "../shared/data/conll2003/eng.train", "CoNLL training file")
	devPath := flag.String("dev", "../shared/data/conll2003/eng.testa", "CoNLL development file (scored after training)")
	epochs := flag.Int("epochs", 10, "training epochs")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	flag.Parse()
	if err := run(*trainPath, *devPath, *epochs, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(trainPath, devPath string, epochs int, seed uint64) error {
	train, err := conll.ReadFile(trainPath)
	if err != nil {
		return err
	}
	dev, err := conll.ReadFile(devPath)
	if err != nil {
		return err
	}
	examples := make([]tagger.Example, len(train))
	for i, d := range train {
		examples[i] = goldExample(d)
	}
	start := time.Now()
	w := tagger.Train(examples, tagger.TrainOptions{Epochs: epochs, Seed: seed, Progress: func(e int, r float64) {
		fmt.Fprintf(os.Stderr, "epoch %d: %.2f%% tokens wrong (%s)\n", e, 100*r, time.Since(start).Round(time.Second))
	}})
	fmt.Fprintf(os.Stderr, "%d features\n", len(w.Index))
	score := conll.Score{}
	for _, d := range dev {
		ex := goldExample(d)
		var pred []conll.Chunk
		for _, m := range w.Tag(&ex.Doc) {
			pred = append(pred, conll.Chunk{Start: m.First, End: m.End, Type: m.Type.String()})
		}
		score.Add(d.GoldChunks(), pred)
	}
	score.Report(os.Stdout)
	return nil
}

var stems sync.Map

func stem(w string) string {
	if s, ok := stems.Load(w); ok {
		return s.(string)
	}
	s := english.Stem(w, false)
	stems.Store(w, s)
	return s
}

// goldExample uses the CoNLL tokens themselves (development only).
func goldExample(d conll.Document) tagger.Example {
	t := d.Rebuild()
	doc := tagger.Doc{Text: t.Text}
	for _, sp := range t.Spans {
		doc.Tokens = append(doc.Tokens, tagger.Token{Start: sp[0], End: sp[1], Stem: stem(t.Text[sp[0]:sp[1]])})
	}
	for k, first := range t.SentenceStart {
		end := len(t.Spans)
		if k+1 < len(t.SentenceStart) {
			end = t.SentenceStart[k+1]
		}
		doc.Sentences = append(doc.Sentences, tagger.Range{First: first, End: end})
	}
	var ms []tagger.Mention
	for _, c := range d.GoldChunks() {
		typ, _ := tagger.ParseType(c.Type)
		ms = append(ms, tagger.Mention{First: c.Start, End: c.End, Type: typ})
	}
	return tagger.Example{Doc: doc, Gold: tagger.Encode(len(doc.Tokens), ms)}
}
