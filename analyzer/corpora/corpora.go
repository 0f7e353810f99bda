// Package corpora makes the pathological texts the memory and speed
// benchmarks feed the analyzer (issue 11): a megabyte of brackets, of
// quote marks, one long sentence, one long word, 100,000 short lines, all
// capitals, dots, and ordinary news (an invented article repeated). The
// same texts go to the native benchmark (analyzer) and the one in
// Chromium (app/site).
package corpora

import (
	_ "embed"
	"strings"
)

//go:embed news.txt
var news string

// Corpus is a named text.
type Corpus struct {
	Name string
	Text string
}

// All returns every corpus, each about size bytes.
func All(size int) []Corpus {
	fill := func(unit string) string { return strings.Repeat(unit, max(1, size/len(unit))) }
	return []Corpus{
		{"brackets", fill("(")},
		{"quote marks", fill(`"`)},
		{"curly quotes", fill("“")},
		{"one long sentence", fill("word ")},
		{"one long word", fill("a")},
		{"100k short lines", fill("Anna Berg\n")}, // 100,000 lines at 1 MB
		{"all caps", fill("THE MINISTER SAID ")},
		{"dots", fill(".")},
		{"ordinary news", fill(news + "\n\n")},
	}
}
