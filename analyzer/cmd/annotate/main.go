// Command annotate prints the annotations of news articles as JSON, JSON
// lines, HTML or W3C Web Annotations, or the entities a set of articles
// share.
//
//	annotate [-lang L] [-format json|jsonl|html|jsonld] [FILE...]
//	annotate -corpus [-lang L] FILE...
//
// With no FILE it reads standard input. Every input is read and annotated
// before anything is printed, so an error (unreadable file, invalid UTF-8,
// binary data) prints a message on stderr, exits 1 and prints no output.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"os"

	"annotator/analyzer"
	"annotator/analyzer/lang"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("annotate", flag.ContinueOnError)
	flags.SetOutput(stderr)
	langFlag := flags.String("lang", "en", "language: en, es, fr, ru, sv, no, hu")
	format := flags.String("format", "json", "output: json (one object; an array for several files), jsonl (one object per line), html, jsonld (W3C Web Annotations)")
	corpus := flags.Bool("corpus", false, "print the entities the files share, as JSON clusters")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: annotate [-lang L] [-format json|jsonl|html|jsonld] [FILE...]\n       annotate -corpus [-lang L] FILE...")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	switch {
	case *corpus:
		*format = "corpus"
	case *format != "json" && *format != "jsonl" && *format != "html" && *format != "jsonld":
		fmt.Fprintf(stderr, "annotate: unknown format %q: use json, jsonl, html or jsonld\n", *format)
		return 2
	}
	opts := analyzer.Options{Lang: *langFlag}
	if pack, err := lang.Get(*langFlag); err == nil {
		// One view of the pack for every file: words looked up once.
		// (A bad -lang is reported by Annotate, with the file's name.)
		opts.Pack, opts.Vocab = pack, pack.NewVocab()
	}
	docs, err := annotateInputs(flags.Args(), stdin, opts)
	if err != nil {
		fmt.Fprintln(stderr, "annotate:", err)
		return 1
	}
	var out bytes.Buffer
	if err := write(&out, docs, *format); err != nil {
		fmt.Fprintln(stderr, "annotate:", err)
		return 1
	}
	if _, err := stdout.Write(out.Bytes()); err != nil {
		fmt.Fprintln(stderr, "annotate:", err)
		return 1
	}
	return 0
}

type input struct {
	name string
	doc  *analyzer.Document
}

// annotateInputs reads and annotates every file (stdin when none).
func annotateInputs(files []string, stdin io.Reader, opts analyzer.Options) ([]input, error) {
	if len(files) == 0 {
		text, err := io.ReadAll(io.LimitReader(stdin, analyzer.MaxTextBytes+1))
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		doc, err := analyzer.Annotate(string(text), opts)
		if err != nil {
			return nil, fmt.Errorf("standard input: %w", err)
		}
		return []input{{"-", doc}}, nil
	}
	docs := make([]input, 0, len(files))
	for _, name := range files {
		text, err := readFile(name)
		if err != nil {
			return nil, err
		}
		doc, err := analyzer.Annotate(string(text), opts)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		docs = append(docs, input{name, doc})
	}
	return docs, nil
}

func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", name)
	}
	text, err := io.ReadAll(io.LimitReader(f, analyzer.MaxTextBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return text, nil
}

func write(w *bytes.Buffer, docs []input, format string) error {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, in := range docs {
			if err := enc.Encode(in.doc.Result()); err != nil {
				return err
			}
		}
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if len(docs) == 1 {
			return enc.Encode(docs[0].doc.Result())
		}
		results := make([]*analyzer.Result, len(docs))
		for i, in := range docs {
			results[i] = in.doc.Result()
		}
		return enc.Encode(results)
	case "jsonld":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if len(docs) == 1 {
			return enc.Encode(docs[0].doc.WebAnnotations())
		}
		collections := make([]*analyzer.AnnotationCollection, len(docs))
		for i, in := range docs {
			collections[i] = in.doc.WebAnnotations()
		}
		return enc.Encode(collections)
	case "corpus":
		corpus := make([]analyzer.CorpusDocument, len(docs))
		names := make([]string, len(docs))
		for i, in := range docs {
			corpus[i] = analyzer.CorpusDocument{Name: in.name, Result: in.doc.Result()}
			names[i] = in.name
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Documents []string           `json:"documents"`
			Clusters  []analyzer.Cluster `json:"clusters"`
		}{names, analyzer.LinkCorpus(corpus)})
	case "html":
		fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>Annotated article</title><style>%s</style></head><body>\n",
			html.EscapeString(docs[0].doc.Lang), analyzer.HTMLStyle)
		for _, in := range docs {
			if len(docs) > 1 {
				fmt.Fprintf(w, "<h2>%s</h2>\n", html.EscapeString(in.name))
			}
			w.WriteString(in.doc.HTML())
			w.WriteString("\n")
		}
		w.WriteString("</body></html>\n")
	default:
		return errors.New("unknown format " + format)
	}
	return nil
}
