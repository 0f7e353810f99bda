// Package corpus reads the token columns of the CoNLL files in ../shared
// as sentences of plain text grouped by document, and joins consecutive
// sentences into samples for training and scoring the language detector.
package corpus

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Document is the sentences of one -DOCSTART- separated document, each
// its tokens joined by single spaces.
type Document []string

// Split names a file of each language: the training or the dev split.
type Split int

const (
	Train Split = iota
	Dev
)

// Path returns the file of lang's split under shared (the ../shared
// folder): CoNLL-2003 for English, data/ner/LANG for the others.
func Path(shared, lang string, split Split) string {
	if lang == "en" {
		name := "eng.train"
		if split == Dev {
			name = "eng.testa"
		}
		return filepath.Join(shared, "data", "conll2003", name)
	}
	name := "train.conll"
	if split == Dev {
		name = "dev.conll"
	}
	return filepath.Join(shared, "data", "ner", lang, name)
}

// ExtraTrain lists further training files of a language (never dev or test
// splits): the English Wikipedia silver set, so English is not only
// Reuters 1996.
func ExtraTrain(shared, lang string) []string {
	if lang == "en" {
		return []string{filepath.Join(shared, "data", "ner", "en-wiki", "train.conll")}
	}
	return nil
}

// ReadFile reads a CoNLL file: the first column of each line is a token,
// blank lines end sentences, -DOCSTART- lines end documents.
func ReadFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []Document
	var doc Document
	var sent []string
	endSentence := func() {
		if len(sent) > 0 {
			doc = append(doc, strings.Join(sent, " "))
			sent = sent[:0]
		}
	}
	endDocument := func() {
		endSentence()
		if len(doc) > 0 {
			docs = append(docs, doc)
			doc = nil
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		token, _, _ := strings.Cut(strings.TrimSpace(sc.Text()), "\t")
		token, _, _ = strings.Cut(token, " ")
		switch token {
		case "":
			endSentence()
		case "-DOCSTART-":
			endDocument()
		default:
			sent = append(sent, token)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	endDocument()
	return docs, nil
}

// MostlyLetters reports whether at least 70% of the sentence's non-space
// characters are letters: it keeps prose and drops score tables, lists of
// figures and lines of punctuation.
func MostlyLetters(s string) bool {
	letters, other := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case !unicode.IsSpace(r):
			other++
		}
	}
	return letters > 0 && 10*letters >= 7*(letters+other)
}

// Samples joins consecutive mostly-letter sentences of each document, in
// order, into texts of at least minChars characters; a document's
// leftover shorter than that is dropped.
func Samples(docs []Document, minChars int) []string {
	var out []string
	for _, doc := range docs {
		var b strings.Builder
		n := 0
		for _, s := range doc {
			if !MostlyLetters(s) {
				continue
			}
			if n > 0 {
				b.WriteByte(' ')
				n++
			}
			b.WriteString(s)
			n += utf8.RuneCountInString(s)
			if n >= minChars {
				out = append(out, b.String())
				b.Reset()
				n = 0
			}
		}
	}
	return out
}
