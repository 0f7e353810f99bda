// Command gen trains the language detector's table (table.bin) from the
// training splits in ../shared: CoNLL-2003 eng.train and the English
// Wikipedia silver set, and data/ner/LANG/train.conll for es fr sv no hu
// (Russian is told by its script and needs no table). It never reads a dev
// split. The same data give the same bytes.
//
//	go run ./analyzer/langdetect/gen                # writes analyzer/langdetect/table.bin
//	go run ./analyzer/langdetect/gen -cv            # cross-validation report, writes nothing
//
// Only sentences that are mostly letters are read (no score tables). The
// temperature that calibrates the posteriors is fitted on one fifth of the
// documents held out from a model trained on the other four fifths; the
// table is then trained on all of them.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/andybalholm/brotli"

	"annotator/analyzer/langdetect"
	"annotator/analyzer/langdetect/internal/corpus"
)

// latin are the languages the table tells apart, in table order.
var latin = []string{"en", "es", "fr", "sv", "no", "hu"}

// trainOptions were chosen by -cv (argmax error at 20 and 50 characters,
// 2^14 buckets): 5-grams 6.3% and 0.9%, against 8.5% and 1.5% for 3-grams,
// 6.6% and 1.0% for 4-grams, 6.7% and 0.9% for 6-grams; 2^15 buckets gain
// a point at 20 characters (5.4%, 0.8%) for twice the table; steps of a half
// or a quarter nat, or less smoothing, change nothing. Earlier runs tried
// n-grams that span word boundaries and whole-word features: under 0.1
// point either way, so they are not there.
var trainOptions = langdetect.TrainOptions{MaxOrder: 5, Bits: 14, Alpha: 0.5, Scale: 3}

const (
	folds          = 5
	calibrationMax = 300 // samples per language for the temperature
)

func main() {
	shared := flag.String("shared", "../shared", "the shared data folder")
	out := flag.String("out", "analyzer/langdetect/table.bin", "the table to write")
	cv := flag.Bool("cv", false, "print a cross-validation report on the training splits instead")
	flag.Parse()
	data, err := readTrain(*shared)
	if err != nil {
		log.Fatal(err)
	}
	if *cv {
		crossValidate(os.Stdout, data)
		return
	}
	table, err := build(data)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, table, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d bytes, %d brotli\n", *out, len(table), brotliSize(table))
}

// readTrain reads each language's training files.
func readTrain(shared string) (map[string][]corpus.Document, error) {
	data := map[string][]corpus.Document{}
	for _, lang := range append([]string{"ru"}, latin...) {
		paths := append([]string{corpus.Path(shared, lang, corpus.Train)}, corpus.ExtraTrain(shared, lang)...)
		for _, p := range paths {
			docs, err := corpus.ReadFile(p)
			if err != nil {
				return nil, err
			}
			data[lang] = append(data[lang], docs...)
		}
	}
	return data, nil
}

// build trains the table.
func build(data map[string][]corpus.Document) ([]byte, error) {
	held := func(i int) bool { return i%folds == 0 }
	part, err := train(data, trainOptions, func(i int) bool { return !held(i) })
	if err != nil {
		return nil, err
	}
	texts, langs := snippets(data, held, calibrationMax)
	temperature, err := part.Calibrate(texts, langs)
	if err != nil {
		return nil, err
	}
	full, err := train(data, trainOptions, func(int) bool { return true })
	if err != nil {
		return nil, err
	}
	return full.WithTemperature(temperature).MarshalBinary()
}

// train counts the mostly-letter sentences of the documents keep accepts
// (by index).
func train(data map[string][]corpus.Document, opts langdetect.TrainOptions, keep func(i int) bool) (*langdetect.Model, error) {
	t, err := langdetect.NewTrainer(latin, opts)
	if err != nil {
		return nil, err
	}
	for _, lang := range latin {
		for i, doc := range data[lang] {
			if !keep(i) {
				continue
			}
			for _, s := range doc {
				if corpus.MostlyLetters(s) {
					if err := t.Add(lang, s); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	return t.Model(), nil
}

// snippetLengths are the prefix lengths, in characters, that short texts
// are cut to; 0 is the whole sample (200 characters or more).
var snippetLengths = []int{20, 30, 50, 100, 0}

// snippets returns prefixes of each Latin language's samples (of the
// documents pick accepts, at most limit samples a language), with their
// languages.
func snippets(data map[string][]corpus.Document, pick func(i int) bool, limit int) (texts, langs []string) {
	for _, lang := range latin {
		for _, s := range heldSamples(data[lang], pick, 200, limit) {
			for _, k := range snippetLengths {
				texts = append(texts, prefix(s, k))
				langs = append(langs, lang)
			}
		}
	}
	return texts, langs
}

// heldSamples joins the picked documents' sentences into samples of at
// least minChars characters, at most limit of them.
func heldSamples(docs []corpus.Document, pick func(i int) bool, minChars, limit int) []string {
	var picked []corpus.Document
	for i, d := range docs {
		if pick(i) {
			picked = append(picked, d)
		}
	}
	s := corpus.Samples(picked, minChars)
	return s[:min(len(s), limit)]
}

// prefix cuts s to at most k characters, at a space; k = 0 keeps it whole.
func prefix(s string, k int) string {
	if k == 0 || utf8.RuneCountInString(s) <= k {
		return s
	}
	n := 0
	for i := range s {
		if n == k {
			if j := strings.LastIndexByte(s[:i], ' '); j > 0 {
				return s[:j]
			}
			return s[:i]
		}
		n++
	}
	return s
}

func brotliSize(b []byte) int {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}
