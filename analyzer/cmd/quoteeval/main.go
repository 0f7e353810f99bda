// Command quoteeval scores the analyzer's quotes against hand-annotated
// passages (the format is described in testdata/README.md):
//
//	go run ./analyzer/cmd/quoteeval analyzer/cmd/quoteeval/testdata/tuning.json
//
// Each passage is annotated through the full pipeline the app and CLI use,
// and its JSON quotes are scored with the overlap rule media-monitoring
// projects use: a gold quote is found when more than 30% of its characters
// fall inside one predicted quote (each predicted quote finds at most one
// gold quote, the one it covers most). It prints precision, recall and F1
// overall and per kind (recall by the gold kind, precision by the predicted
// kind), speaker accuracy on found quotes (an entity answer is right when its
// name holds the gold speaker's words, a speaker_text answer when its words
// hold them), and the kind and verb agreement. With -v it lists every miss.
// -min-f1 and -min-speaker make it exit 1 below a bar.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	verbose := flag.Bool("v", false, "list every missed, spurious or misattributed quote")
	minF1 := flag.Float64("min-f1", 0, "exit 1 if the overall quote F1 is below this")
	minSpeaker := flag.Float64("min-speaker", 0, "exit 1 if the speaker accuracy is below this")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: quoteeval [-v] [-min-f1 F] [-min-speaker A] FILE...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	total, err := run(os.Stdout, flag.Args(), *verbose)
	if err != nil {
		fmt.Fprintln(os.Stderr, "quoteeval:", err)
		os.Exit(1)
	}
	if f := total.overall().f1(); f < *minF1 {
		fmt.Fprintf(os.Stderr, "quoteeval: quote F1 %.3f is below the bar %.3f\n", f, *minF1)
		os.Exit(1)
	}
	if a := total.speakerAccuracy(); a < *minSpeaker {
		fmt.Fprintf(os.Stderr, "quoteeval: speaker accuracy %.3f is below the bar %.3f\n", a, *minSpeaker)
		os.Exit(1)
	}
}

// run scores each file, prints its figures (and, for several files, the
// figures of all together) and returns the combined score.
func run(w io.Writer, paths []string, verbose bool) (*score, error) {
	total := &score{}
	for _, p := range paths {
		set, err := readSet(p)
		if err != nil {
			return nil, err
		}
		s, err := evaluate(set, verbose)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		fmt.Fprintf(w, "%s: %d passages\n", p, len(set.Passages))
		if verbose {
			for _, line := range s.notes {
				fmt.Fprintln(w, "  "+line)
			}
		}
		s.report(w)
		total.add(s)
	}
	if len(paths) > 1 {
		fmt.Fprintln(w, "all files:")
		total.report(w)
	}
	return total, nil
}
