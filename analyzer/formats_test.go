package analyzer

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestFormatRegistry(t *testing.T) {
	if got := FormatNames(); !slices.Equal(got, []string{"json", "jsonl", "jsonld", "html", "corpus"}) {
		t.Errorf("FormatNames() = %q", got)
	}
	for _, f := range Formats() {
		g, ok := FormatNamed(f.Name)
		if !ok || g.Name != f.Name || g.MIME == "" || !strings.HasPrefix(g.Ext, ".") || g.Write == nil {
			t.Errorf("format %q: %+v, %v", f.Name, g, ok)
		}
	}
	if _, ok := FormatNamed("xml"); ok {
		t.Error("FormatNamed(xml) found a format")
	}
	// Formats returns a copy: the table stays as it is.
	fs := Formats()
	fs[0].Name = "changed"
	if FormatNames()[0] != "json" {
		t.Error("changing Formats' result changed the registry")
	}
}

// formatArticles are two invented articles, one with markup in its text.
func formatArticles(t *testing.T) []Article {
	texts := []string{
		"Harbour talks open <b>today</b>\n\nElena Marquez met Jon Gunnarsson in Reykjavik on Tuesday. \"We came to protect the families & boats <here> who depend on the sea,\" Ms Marquez said.",
		"Jon Gunnarsson flew back to Reykjavik & Oslo on June 19th, 2018.",
	}
	names := listedNames{"Elena Marquez": PER, "Ms Marquez": PER, "Jon Gunnarsson": PER, "Reykjavik": LOC, "Oslo": LOC}
	var articles []Article
	for i, text := range texts {
		doc, err := Annotate(text, Options{Names: names})
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, Article{Name: []string{"a<1>.txt", "b.txt"}[i], Doc: doc})
	}
	return articles
}

func TestFormatsWriteOneArticleOrSeveral(t *testing.T) {
	articles := formatArticles(t)
	write := func(name string, articles []Article) string {
		t.Helper()
		f, _ := FormatNamed(name)
		var b bytes.Buffer
		if err := f.Write(&b, articles); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b.String()
	}
	var one Result
	if err := json.Unmarshal([]byte(write("json", articles[:1])), &one); err != nil || len(one.Entities) == 0 {
		t.Errorf("json of one article: %v, %+v", err, one)
	}
	var two []Result
	if err := json.Unmarshal([]byte(write("json", articles)), &two); err != nil || len(two) != 2 {
		t.Errorf("json of two articles: %v, %d results", err, len(two))
	}
	if out := write("json", articles[:1]); !strings.Contains(out, "families & boats <here>") || !strings.HasPrefix(out, "{\n  \"lang\"") {
		t.Errorf("json is not indented with the text's markup as it is:\n%.200s", out)
	}
	if lines := strings.Split(strings.TrimSuffix(write("jsonl", articles), "\n"), "\n"); len(lines) != 2 || !json.Valid([]byte(lines[1])) {
		t.Errorf("jsonl of two articles: %q", lines)
	}
	var collection AnnotationCollection
	if err := json.Unmarshal([]byte(write("jsonld", articles[:1])), &collection); err != nil || collection.Context != WebAnnotationContext {
		t.Errorf("jsonld of one article: %v, %s", err, collection.Context)
	}
	var collections []AnnotationCollection
	if err := json.Unmarshal([]byte(write("jsonld", articles)), &collections); err != nil || len(collections) != 2 {
		t.Errorf("jsonld of two articles: %v, %d", err, len(collections))
	}
	var corpus struct {
		Documents []string
		Clusters  []Cluster
	}
	if err := json.Unmarshal([]byte(write("corpus", articles)), &corpus); err != nil || !slices.Equal(corpus.Documents, []string{"a<1>.txt", "b.txt"}) {
		t.Errorf("corpus: %v, documents %q", err, corpus.Documents)
	}
	shared := false
	for _, c := range corpus.Clusters {
		shared = shared || c.Name == "Jon Gunnarsson" && len(c.Documents) == 2
	}
	if !shared {
		t.Errorf("the corpus does not link Jon Gunnarsson across the articles: %+v", corpus.Clusters)
	}

	page := write("html", articles)
	for _, want := range []string{"<!DOCTYPE html>", `<html lang="en">`, "<title>Annotated articles</title>", "<h2>a&lt;1&gt;.txt</h2>", "<h2>b.txt</h2>", "open &lt;b&gt;", "&lt;/b&gt;", " &amp; ", HTMLStyle} {
		if !strings.Contains(page, want) {
			t.Errorf("the page of two articles lacks %s", want)
		}
	}
	titled := articles[0]
	titled.Title = "Talks <open>"
	page = write("html", []Article{titled})
	if !strings.Contains(page, "<title>Talks &lt;open&gt;</title>") || strings.Contains(page, "<h2>") || strings.Contains(page, "<b>") {
		t.Errorf("the page of one titled article:\n%s", page)
	}
	if !strings.Contains(write("html", articles[:1]), "<title>Annotated article</title>") {
		t.Error("an untitled page is not titled Annotated article")
	}
}

// TestFormatsFromTheResult checks what a caller holding only an article's
// result (the app's library) can write, and that the rest say why not.
func TestFormatsFromTheResult(t *testing.T) {
	article := formatArticles(t)[0]
	fromResult := Article{Name: article.Name, Result: article.Doc.Result()}
	for _, f := range Formats() {
		var full, partial bytes.Buffer
		errFull := f.Write(&full, []Article{article})
		errPartial := f.Write(&partial, []Article{fromResult})
		needsDoc := f.Name == "jsonld" || f.Name == "html"
		switch {
		case errFull != nil:
			t.Errorf("%s: %v", f.Name, errFull)
		case needsDoc && errPartial == nil:
			t.Errorf("%s wrote an article without its document", f.Name)
		case !needsDoc && (errPartial != nil || partial.String() != full.String()):
			t.Errorf("%s from the result: %v, or other bytes than from the document", f.Name, errPartial)
		}
		if err := f.Write(&partial, nil); err == nil {
			t.Errorf("%s wrote no article without an error", f.Name)
		}
	}
}
