// Command nereval scores the analyzer's named-entity recognition on
// CoNLL-style files (2 or 4+ columns, IOB1 or IOB2 tags, -DOCSTART-
// separated documents):
//
//	go run ./analyzer/cmd/nereval ../shared/data/conll2003/eng.testa
//
// Each document is rebuilt as plain text (tokens joined by spaces, sentences
// by newlines) and annotated through the full pipeline the app and CLI use;
// mention spans are mapped back to the gold tokens and scored like
// conlleval (exact span and type). It prints precision, recall and F1 per
// type, for PER/LOC/ORG and overall, and last a line F1=....
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"annotator/analyzer"
	"annotator/analyzer/conll"
)

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: nereval FILE...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "nereval:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, paths []string) error {
	var docs []conll.Document
	for _, p := range paths {
		d, err := conll.ReadFile(p)
		if err != nil {
			return err
		}
		docs = append(docs, d...)
	}
	score, tokens, err := conll.Evaluate(docs, analyzer.Options{})
	if err != nil {
		return err
	}
	// Time a second round: the first warmed up caches, lazy loads and, in
	// WebAssembly, the engine's optimising compiler.
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.Rebuild().Text
	}
	start := time.Now()
	for _, t := range texts {
		if _, err := analyzer.Annotate(t, analyzer.Options{}); err != nil {
			return err
		}
	}
	took := time.Since(start)
	fmt.Fprintf(w, "%d documents, %d tokens, %.0f tokens/s\n", len(docs), tokens, float64(tokens)/took.Seconds())
	score.Report(w)
	return nil
}
