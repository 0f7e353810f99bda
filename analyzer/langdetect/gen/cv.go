package main

import (
	"fmt"
	"io"
	"log"
	"slices"
	"strings"

	"annotator/analyzer/langdetect"
	"annotator/analyzer/langdetect/internal/corpus"
)

// A fold's held-out documents: half calibrate the fold's model, the other
// half score it.
type fold struct {
	model *langdetect.Model
	eval  func(i int) bool
}

// item is a text of a known language.
type item struct {
	text, lang string
	length     int // the snippet length it was cut to (0: whole)
}

// crossValidate prints, over 5 folds of the training documents, the error
// rates of settings and thresholds on short, long and mixed texts.
func crossValidate(w io.Writer, data map[string][]corpus.Document) {
	const evalMax = 200 // samples per language and fold
	grid := []langdetect.TrainOptions{}
	for _, order := range []int{3, 4, 5} {
		for _, bits := range []int{13, 14, 15} {
			grid = append(grid, langdetect.TrainOptions{MaxOrder: order, Bits: bits, Alpha: 0.5, Scale: 3})
		}
	}
	grid = append(grid, langdetect.TrainOptions{MaxOrder: 5, Bits: 14, Alpha: 0.5, Scale: 2})
	grid = append(grid, langdetect.TrainOptions{MaxOrder: 5, Bits: 14, Alpha: 0.5, Scale: 4})
	grid = append(grid, langdetect.TrainOptions{MaxOrder: 5, Bits: 14, Alpha: 0.1, Scale: 3})
	grid = append(grid, langdetect.TrainOptions{MaxOrder: 6, Bits: 14, Alpha: 0.5, Scale: 3})
	if !slices.Contains(grid, trainOptions) {
		grid = append(grid, trainOptions)
	}
	all := append([]string{"ru"}, latin...)
	argmax := langdetect.Options{ChunkLetters: 1 << 30}

	fmt.Fprintf(w, "Settings (argmax error %% by length in characters, %d folds):\n", folds)
	var chosen []fold
	for _, opts := range grid {
		errs := map[int]int{}
		count := map[int]int{}
		var folded []fold
		for f := range folds {
			fo, items := makeFold(data, opts, f, all, evalMax)
			folded = append(folded, fo)
			for _, it := range items {
				count[it.length]++
				if fo.model.Detect(it.text, argmax).Lang != it.lang {
					errs[it.length]++
				}
			}
		}
		if opts == trainOptions {
			chosen = folded
		}
		fmt.Fprintf(w, "  order %d, 2^%d buckets, alpha %g, scale %g:", opts.MaxOrder, opts.Bits, opts.Alpha, opts.Scale)
		for _, k := range snippetLengths {
			fmt.Fprintf(w, "  %s %.2f", lengthName(k), pct(errs[k], count[k]))
		}
		fmt.Fprintln(w)
	}

	fmt.Fprintf(w, "\nChosen settings %+v, default thresholds:\n", trainOptions)
	var items [][]item
	for f := range folds {
		items = append(items, evalItems(data, chosen[f].eval, all, evalMax))
	}
	type thresholds struct {
		minLetters int
		minConf    float64
	}
	def := langdetect.DefaultOptions()
	sweep := []thresholds{{10, 0.5}, {10, 0.8}, {10, 0.9}, {10, 0.95}, {10, 0.99}, {15, 0.95}, {20, 0.9}, {20, 0.95}}
	for _, th := range sweep {
		opts := langdetect.DefaultOptions()
		opts.MinLetters, opts.MinConfidence = th.minLetters, th.minConf
		fmt.Fprintf(w, "  min letters %d, min confidence %.2f (error among decided %% / fallback %%):", th.minLetters, th.minConf)
		errs, fallback, count := map[int]int{}, map[int]int{}, map[int]int{}
		confusion := map[string]int{}
		for f, fo := range chosen {
			for _, it := range items[f] {
				r := fo.model.Detect(it.text, opts)
				count[it.length]++
				switch {
				case !r.Decided():
					fallback[it.length]++
				case r.Lang != it.lang:
					errs[it.length]++
					confusion[fmt.Sprintf("%s>%s@%s", it.lang, r.Lang, lengthName(it.length))]++
				}
			}
		}
		for _, k := range snippetLengths {
			fmt.Fprintf(w, "  %s %.2f/%.1f", lengthName(k), pct(errs[k], count[k]-fallback[k]), pct(fallback[k], count[k]))
		}
		fmt.Fprintln(w)
		if opts == def {
			fmt.Fprintf(w, "    errors: %v\n", sortedCounts(confusion))
		}
	}

	fmt.Fprintln(w, "\nMixes (long: 2000+ characters of one language; mix: 300+ of one then 300+ of another):")
	for _, chunk := range []int{80, 120, 200} {
		for _, share := range []float64{0.6, 0.7, 0.75, 0.8} {
			opts := langdetect.DefaultOptions()
			opts.ChunkLetters, opts.MinShare = chunk, share
			longBad, longN, mixCaught, mixN := 0, 0, 0, 0
			for f, fo := range chosen {
				pure := map[string][]string{}
				for _, lang := range all {
					for _, s := range heldSamples(data[lang], fo.eval, 2000, 40) {
						longN++
						if r := fo.model.Detect(s, opts); !r.Decided() || r.Lang != lang {
							longBad++
						}
					}
					pure[lang] = heldSamples(data[lang], fo.eval, 300, 10)
				}
				_ = f
				for _, a := range all {
					for _, b := range all {
						if a == b {
							continue
						}
						for i := range min(len(pure[a]), len(pure[b])) {
							mixN++
							if r := fo.model.Detect(pure[a][i]+"\n\n"+pure[b][i], opts); r.Reason == langdetect.Mixed {
								mixCaught++
							}
						}
					}
				}
			}
			fmt.Fprintf(w, "  stretch %d letters, min share %.2f: long undecided or wrong %.2f%% (%d), 50/50 mixes caught %.1f%% (%d)\n",
				chunk, share, pct(longBad, longN), longN, pct(mixCaught, mixN), mixN)
		}
	}
}

// makeFold trains on the documents outside fold f and calibrates on half
// of the held-out ones; it returns the fold and the other half's items.
func makeFold(data map[string][]corpus.Document, opts langdetect.TrainOptions, f int, langs []string, limit int) (fold, []item) {
	held := func(i int) bool { return i%folds == f }
	m, err := train(data, opts, func(i int) bool { return !held(i) })
	if err != nil {
		log.Fatal(err)
	}
	texts, tl := snippets(data, func(i int) bool { return held(i) && (i/folds)%2 == 1 }, calibrationMax)
	if _, err := m.Calibrate(texts, tl); err != nil {
		log.Fatal(err)
	}
	eval := func(i int) bool { return held(i) && (i/folds)%2 == 0 }
	return fold{m, eval}, evalItems(data, eval, langs, limit)
}

func evalItems(data map[string][]corpus.Document, pick func(i int) bool, langs []string, limit int) []item {
	var items []item
	for _, lang := range langs {
		for _, s := range heldSamples(data[lang], pick, 200, limit) {
			for _, k := range snippetLengths {
				items = append(items, item{prefix(s, k), lang, k})
			}
		}
	}
	return items
}

func lengthName(k int) string {
	if k == 0 {
		return "200+"
	}
	return fmt.Sprint(k)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func sortedCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s:%d ", k, m[k])
	}
	return b.String()
}
