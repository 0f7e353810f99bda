// Command nereval scores the analyzer's named-entity recognition on
// CoNLL-style files (2 or 4+ columns, IOB1 or IOB2 tags, -DOCSTART-
// separated documents):
//
//	go run ./analyzer/cmd/nereval ../shared/data/conll2003/eng.testa
//	go run ./analyzer/cmd/nereval -lang es ../shared/data/ner/es/dev.conll
//
// Each document is rebuilt as plain text (tokens joined by spaces, sentences
// by newlines) and annotated through the full pipeline the app and CLI use;
// mention spans are mapped back to the gold tokens and scored like
// conlleval (exact span and type). It prints precision, recall and F1 per
// type, for PER/LOC/ORG and overall, a confusion table (gold type against
// the type predicted over its span, missed names, boundary errors,
// spurious predictions), the kinds of boundary errors, and last a line
// F1=....
//
// Files ending in .marked are passages with inline marks ("[ORG Acme]
// said..."; see conll.ReadMarked), annotated as written.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"annotator/analyzer"
	"annotator/analyzer/conll"
)

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: nereval [-lang L] FILE...")
		flag.PrintDefaults()
	}
	language := flag.String("lang", "en", "language of the files: en, es, fr, ru, sv, no, hu")
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, *language, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "nereval:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, language string, paths []string) error {
	opts := analyzer.Options{Lang: language}
	var docs []conll.Document
	var passages []conll.Passage
	for _, p := range paths {
		if strings.HasSuffix(p, ".marked") {
			ps, err := conll.ReadMarkedFile(p)
			if err != nil {
				return err
			}
			passages = append(passages, ps...)
			continue
		}
		d, err := conll.ReadFile(p)
		if err != nil {
			return err
		}
		docs = append(docs, d...)
	}
	score, errs, tokens, err := conll.EvaluateErrors(docs, opts)
	if err != nil {
		return err
	}
	if len(passages) > 0 {
		s2, e2, err := conll.EvaluateMarked(passages, opts)
		if err != nil {
			return err
		}
		score.Merge(s2)
		errs.Merge(e2)
	}
	// Time a second round: the first warmed up caches, lazy loads and, in
	// WebAssembly, the engine's optimising compiler.
	texts := make([]string, 0, len(docs)+len(passages))
	for _, d := range docs {
		texts = append(texts, d.Rebuild().Text)
	}
	for _, p := range passages {
		texts = append(texts, p.Text)
	}
	start := time.Now()
	for _, t := range texts {
		if _, err := analyzer.Annotate(t, opts); err != nil {
			return err
		}
	}
	took := time.Since(start)
	// Passages' tokens are not counted: the speed is the CoNLL files'.
	fmt.Fprintf(w, "%d documents, %d passages, %d tokens, %.0f tokens/s\n", len(docs), len(passages), tokens, float64(tokens)/took.Seconds())
	errs.Report(w)
	score.Report(w)
	return nil
}
