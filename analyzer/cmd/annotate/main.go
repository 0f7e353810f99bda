// Command annotate prints the annotations of news articles as JSON, JSON
// lines, W3C Web Annotations or HTML, or the entities a set of articles
// share (the corpus format), through the formats the app exports with
// (analyzer.Formats).
//
//	annotate [-lang auto|L] [-fallback L] [-format json|jsonl|jsonld|html|corpus] [FILE...]
//	annotate -corpus [-lang L] FILE...   (the same as -format corpus)
//	annotate -corrections CORRECTIONS [-format F] [FILE]
//
// -corrections applies the user's corrections (a JSON list, or a document
// the analyzer wrote with its "corrections") to the one input, as the app
// does; a correction that no longer applies is reported on stderr and
// changes nothing.
//
// -lang auto (the default) detects each file's language; a file too short
// or too mixed to tell is read in the -fallback language (English), and
// the JSON says which ("lang_source": "detected", "fallback" or "user").
//
// With no FILE it reads standard input. Every input is read and annotated
// before anything is printed, so an error (unreadable file, invalid UTF-8,
// binary data) prints a message on stderr, exits 1 and prints no output.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"annotator/analyzer"
	"annotator/analyzer/lang"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("annotate", flag.ContinueOnError)
	flags.SetOutput(stderr)
	langFlag := flags.String("lang", analyzer.LangAuto, "language: auto (detect each file's), en, es, fr, ru, sv, no, hu")
	fallback := flags.String("fallback", "en", "with -lang auto, the language of a file too short or mixed to tell")
	format := flags.String("format", "json", "output: json (one object; an array for several files), jsonl (one object per line), jsonld (W3C Web Annotations), html, corpus (the entities the files share, as JSON clusters)")
	corpus := flags.Bool("corpus", false, "the same as -format corpus")
	correctionsFile := flags.String("corrections", "", "apply the corrections in this JSON file (a list, or a document with \"corrections\") to the one input")
	names := strings.Join(analyzer.FormatNames(), "|")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: annotate [-lang auto|L] [-fallback L] [-format %s] [FILE...]\n       annotate -corpus [-lang L] FILE...\n", names)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *corpus {
		*format = "corpus"
	}
	f, ok := analyzer.FormatNamed(*format)
	if !ok {
		fmt.Fprintf(stderr, "annotate: unknown format %q: use %s\n", *format, strings.ReplaceAll(names, "|", ", "))
		return 2
	}
	for _, l := range []string{*langFlag, *fallback} {
		if _, err := analyzer.ChooseLanguage("", l, "en"); err != nil {
			fmt.Fprintln(stderr, "annotate:", err)
			return 2
		}
	}
	var corrections analyzer.Corrections
	if *correctionsFile != "" {
		if len(flags.Args()) > 1 {
			fmt.Fprintln(stderr, "annotate: -corrections applies to one input, not", len(flags.Args()))
			return 2
		}
		data, err := readFile(*correctionsFile)
		if err == nil {
			corrections, err = analyzer.ParseCorrections(data)
		}
		if err != nil {
			fmt.Fprintf(stderr, "annotate: %s: %v\n", *correctionsFile, err)
			return 1
		}
	}
	langs := &languages{lang: *langFlag, fallback: *fallback}
	docs, err := annotateInputs(flags.Args(), stdin, langs)
	if err != nil {
		fmt.Fprintln(stderr, "annotate:", err)
		return 1
	}
	if corrections != nil {
		opts, err := langs.options(docs[0].Doc.Text) // the language it was annotated in
		if err != nil {
			fmt.Fprintln(stderr, "annotate:", err)
			return 1
		}
		doc, err := analyzer.ApplyCorrections(docs[0].Doc, corrections, opts)
		if err != nil {
			fmt.Fprintln(stderr, "annotate:", err)
			return 1
		}
		for i, c := range doc.Corrections {
			if c.Stale != "" {
				fmt.Fprintf(stderr, "annotate: correction %d (%s) no longer applies: %s\n", i+1, c.Correction, c.Stale)
			}
		}
		docs[0].Doc = doc
	}
	var out bytes.Buffer
	if err := f.Write(&out, docs); err != nil {
		fmt.Fprintln(stderr, "annotate:", err)
		return 1
	}
	if _, err := stdout.Write(out.Bytes()); err != nil {
		fmt.Fprintln(stderr, "annotate:", err)
		return 1
	}
	return 0
}

// languages chooses each file's language (the files of one language
// borrow one another's view of its pack, so words are looked up once).
type languages struct {
	lang, fallback string
}

// options returns the options that annotate text.
func (l *languages) options(text string) (analyzer.Options, error) {
	choice, err := analyzer.ChooseLanguage(text, l.lang, l.fallback)
	if err != nil {
		return analyzer.Options{}, err
	}
	pack, err := lang.Get(choice.Code)
	if err != nil {
		return analyzer.Options{}, err
	}
	return analyzer.Options{Pack: pack, Choice: choice}, nil
}

// annotate validates and annotates one text in its language.
func (l *languages) annotate(text string) (*analyzer.Document, error) {
	if err := analyzer.Validate(text, 0); err != nil {
		return nil, err
	}
	opts, err := l.options(text)
	if err != nil {
		return nil, err
	}
	return analyzer.Annotate(text, opts)
}

// annotateInputs reads and annotates every file (stdin when none), each an
// article named after its file.
func annotateInputs(files []string, stdin io.Reader, langs *languages) ([]analyzer.Article, error) {
	if len(files) == 0 {
		text, err := io.ReadAll(io.LimitReader(stdin, analyzer.MaxTextBytes+1))
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		doc, err := langs.annotate(string(text))
		if err != nil {
			return nil, fmt.Errorf("standard input: %w", err)
		}
		return []analyzer.Article{{Name: "-", Doc: doc}}, nil
	}
	docs := make([]analyzer.Article, 0, len(files))
	for _, name := range files {
		text, err := readFile(name)
		if err != nil {
			return nil, err
		}
		doc, err := langs.annotate(string(text))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		docs = append(docs, analyzer.Article{Name: name, Doc: doc})
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
