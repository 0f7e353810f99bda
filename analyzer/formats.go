package analyzer

import (
	"encoding/json"
	"errors"
	"html"
	"io"
	"strings"
)

// Format is a way to write annotated articles out: what the command line's
// -format names and the app's export panel offers, one table for both.
type Format struct {
	Name string // json, jsonl, jsonld, html, corpus
	MIME string
	Ext  string // file name extension, with its dot
	// Write writes the articles, one or several, to w.
	Write func(w io.Writer, articles []Article) error
}

// Article is one annotated text to write out.
type Article struct {
	// Name says which text it is: in the command line, the file it was
	// read from ("-" for standard input). The corpus lists articles by
	// name, and an HTML page of several heads each with its name.
	Name string
	// Title is the title of an HTML page of this one article; "" means
	// "Annotated article".
	Title string
	Doc   *Document
	// Result is Doc's JSON form when the caller has it already (the app
	// keeps it, and may keep of Doc only what the other formats need);
	// nil means Doc.Result().
	Result *Result
}

// formats are the formats, in the order the command line lists them.
var formats = []Format{
	{"json", "application/json", ".json", writeJSON},
	{"jsonl", "application/jsonl", ".jsonl", writeJSONLines},
	{"jsonld", "application/ld+json", ".jsonld", writeWebAnnotations},
	{"html", "text/html", ".html", writeHTMLPage},
	{"corpus", "application/json", ".json", writeCorpus},
}

// Formats returns every format, in order: json, jsonl, jsonld, html,
// corpus.
func Formats() []Format { return append([]Format(nil), formats...) }

// FormatNamed returns the format with the name, false if there is none.
func FormatNamed(name string) (Format, bool) {
	for _, f := range formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// FormatNames returns the formats' names, in order.
func FormatNames() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return names
}

// errNoDocument is the error of a format that needs the document when an
// article has only its result.
var errNoDocument = errors.New("no annotated document to export")

var errNoArticles = errors.New("no article to write")

func (a Article) result() (*Result, error) {
	switch {
	case a.Result != nil:
		return a.Result, nil
	case a.Doc != nil:
		return a.Doc.Result(), nil
	}
	return nil, errNoDocument
}

// writeJSON writes the result of one article as an indented object, of
// several as an array.
func writeJSON(w io.Writer, articles []Article) error {
	results, err := each(articles, Article.result)
	if err != nil {
		return err
	}
	return encodeOneOrAll(w, results)
}

// writeJSONLines writes one result per line.
func writeJSONLines(w io.Writer, articles []Article) error {
	results, err := each(articles, Article.result)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range results {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// writeWebAnnotations writes the W3C Web Annotation collection of one
// article, or an array of them for several.
func writeWebAnnotations(w io.Writer, articles []Article) error {
	collections, err := each(articles, func(a Article) (*AnnotationCollection, error) {
		if a.Doc == nil {
			return nil, errNoDocument
		}
		return a.Doc.WebAnnotations(), nil
	})
	if err != nil {
		return err
	}
	return encodeOneOrAll(w, collections)
}

// writeCorpus writes the articles' names and the entities they share
// (LinkCorpus).
func writeCorpus(w io.Writer, articles []Article) error {
	docs, err := each(articles, func(a Article) (CorpusDocument, error) {
		r, err := a.result()
		return CorpusDocument{Name: a.Name, Result: r}, err
	})
	if err != nil {
		return err
	}
	names := make([]string, len(articles))
	for i, a := range articles {
		names[i] = a.Name
	}
	return encodeIndented(w, struct {
		Documents []string  `json:"documents"`
		Clusters  []Cluster `json:"clusters"`
	}{names, LinkCorpus(docs)})
}

// writeHTMLPage writes a page of the articles with their highlights
// (Document.HTML), headed by their names when there are several.
func writeHTMLPage(w io.Writer, articles []Article) error {
	if len(articles) == 0 {
		return errNoArticles
	}
	for _, a := range articles {
		if a.Doc == nil {
			return errNoDocument
		}
	}
	title := articles[0].Title
	switch {
	case len(articles) > 1:
		title = "Annotated articles"
	case title == "":
		title = "Annotated article"
	}
	var b strings.Builder
	writeHTMLHead(&b, articles[0].Doc.Lang, title)
	for _, a := range articles {
		if len(articles) > 1 {
			b.WriteString("<h2>" + html.EscapeString(a.Name) + "</h2>\n")
		}
		b.WriteString(a.Doc.HTML())
		b.WriteString("\n")
		writeHTMLCorrections(&b, a.Doc.Corrections)
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// each applies f to every article, at least one.
func each[T any](articles []Article, f func(Article) (T, error)) ([]T, error) {
	if len(articles) == 0 {
		return nil, errNoArticles
	}
	out := make([]T, len(articles))
	for i, a := range articles {
		v, err := f(a)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// encodeOneOrAll writes one value alone, several as an array.
func encodeOneOrAll[T any](w io.Writer, values []T) error {
	if len(values) == 1 {
		return encodeIndented(w, values[0])
	}
	return encodeIndented(w, values)
}

// encodeIndented writes v as JSON indented by two spaces, with <, > and &
// as they are: the JSON is read as data, never pasted into a page.
func encodeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
