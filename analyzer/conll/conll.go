// Package conll reads CoNLL-style named-entity files, rebuilds their
// documents as plain text and scores predicted mentions against the gold
// ones the way conlleval does (exact span and type).
package conll

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Token is one gold token: its text and its entity tag (IOB1 or IOB2).
type Token struct {
	Text string
	Tag  string
}

// Document is a -DOCSTART- separated document: sentences of tokens.
type Document struct {
	Sentences [][]Token
}

// Read parses a CoNLL file: one token a line with 2 or more
// whitespace-separated columns (the first is the token, the last its tag),
// blank lines between sentences, -DOCSTART- lines between documents.
func Read(r io.Reader) ([]Document, error) {
	var docs []Document
	var doc Document
	var sent []Token
	flushSent := func() {
		if len(sent) > 0 {
			doc.Sentences = append(doc.Sentences, sent)
			sent = nil
		}
	}
	flushDoc := func() {
		flushSent()
		if len(doc.Sentences) > 0 {
			docs = append(docs, doc)
			doc = Document{}
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			flushSent()
		case fields[0] == "-DOCSTART-":
			flushDoc()
		case len(fields) < 2:
			return nil, fmt.Errorf("line %d: want a token and a tag, got %q", line, sc.Text())
		default:
			tag := fields[len(fields)-1]
			if !validTag(tag) {
				return nil, fmt.Errorf("line %d: bad tag %q (want O, B-X or I-X)", line, tag)
			}
			sent = append(sent, Token{Text: fields[0], Tag: tag})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flushDoc()
	return docs, nil
}

// ReadFile reads the CoNLL file at path.
func ReadFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

func validTag(tag string) bool {
	if tag == "O" {
		return true
	}
	return len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I' || tag[0] == 'E' || tag[0] == 'S') && tag[1] == '-'
}

// Chunk is a gold or predicted mention: tokens [Start, End) of one sentence
// or document, with its type (PER, LOC...).
type Chunk struct {
	Start, End int
	Type       string
}

// Chunks returns the mentions encoded by tags, IOB1 or IOB2 (also BIOES),
// with conlleval's rules: a chunk starts at B-X, or at I-X after O or after
// another type.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	open := -1
	typ := ""
	for i, tag := range tags {
		prefix, t := byte('O'), ""
		if tag != "O" && len(tag) > 2 {
			prefix, t = tag[0], tag[2:]
		}
		starts := prefix != 'O' && (prefix == 'B' || prefix == 'S' || open < 0 || t != typ)
		if open >= 0 && (prefix == 'O' || starts) {
			out = append(out, Chunk{open, i, typ})
			open = -1
		}
		if starts {
			open, typ = i, t
		}
		if open >= 0 && (prefix == 'E' || prefix == 'S') {
			out = append(out, Chunk{open, i + 1, typ})
			open = -1
		}
	}
	if open >= 0 {
		out = append(out, Chunk{open, len(tags), typ})
	}
	return out
}

// Text is a document rebuilt as plain text: tokens joined by spaces,
// sentences by newlines. Spans[i] is the byte range of the document's i-th
// token (counting across sentences).
type Text struct {
	Text  string
	Spans [][2]int
	// SentenceStart[k] is the index of sentence k's first token.
	SentenceStart []int
}

// Rebuild joins the document's tokens with spaces and its sentences with
// newlines.
func (d Document) Rebuild() Text {
	var b strings.Builder
	var t Text
	for k, s := range d.Sentences {
		if k > 0 {
			b.WriteByte('\n')
		}
		t.SentenceStart = append(t.SentenceStart, len(t.Spans))
		for i, tok := range s {
			if i > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(tok.Text)
			t.Spans = append(t.Spans, [2]int{start, b.Len()})
		}
	}
	t.Text = b.String()
	return t
}

// Tags returns the document's gold tags in token order across sentences.
func (d Document) Tags() []string {
	var tags []string
	for _, s := range d.Sentences {
		for _, tok := range s {
			tags = append(tags, tok.Tag)
		}
	}
	return tags
}

// GoldChunks returns the document's gold mentions, sentence by sentence, as
// token ranges over the whole document.
func (d Document) GoldChunks() []Chunk {
	var out []Chunk
	base := 0
	for _, s := range d.Sentences {
		tags := make([]string, len(s))
		for i, tok := range s {
			tags[i] = tok.Tag
		}
		for _, c := range Chunks(tags) {
			out = append(out, Chunk{c.Start + base, c.End + base, c.Type})
		}
		base += len(s)
	}
	return out
}

// TokenRange maps the byte span [start, end) of the rebuilt text to the
// tokens it touches: the token holding start to the token holding end-1.
// ok is false when the span covers no token.
func (t Text) TokenRange(start, end int) (first, last int, ok bool) {
	first = search(t.Spans, start)
	last = search(t.Spans, end-1)
	if last < len(t.Spans) && t.Spans[last][0] > end-1 {
		last-- // end-1 falls in the gap before token last
	}
	if first >= len(t.Spans) || last < 0 || first > last {
		return 0, 0, false
	}
	return first, last + 1, true
}

// search returns the index of the token whose span holds or follows byte b.
func search(spans [][2]int, b int) int {
	lo, hi := 0, len(spans)
	for lo < hi {
		m := (lo + hi) / 2
		if spans[m][1] <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
