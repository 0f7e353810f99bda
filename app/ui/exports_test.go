package ui

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"annotator/analyzer"
)

// exportText is an invented article with aliases, a quote and markup.
const exportText = `Harbour talks open in Reykjavik <script>alert(1)</script>

Prime Minister Elena Marquez met Jon Gunnarsson in Reykjavik on Tuesday.
"We came here to protect the families who depend on the sea," Ms Marquez said. Fish & chips <b>were</b> served.`

func annotated(t *testing.T, text string) *annotation {
	t.Helper()
	doc, err := analyzer.Annotate(text, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := newAnnotation(text, doc.Result())
	a.Doc = exportable(doc)
	return a
}

// exportAs builds the annotation's export in the named format.
func exportAs(name string, a *annotation) (string, error) {
	f, ok := exportFormatNamed(name)
	if !ok {
		return "", fmt.Errorf("no export format %q", name)
	}
	return f.build(a)
}

func TestExportJSONIsTheResult(t *testing.T) {
	a := annotated(t, exportText)
	out, err := exportAs("json", a)
	if err != nil {
		t.Fatal(err)
	}
	var got analyzer.Result
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("the JSON export does not parse: %v", err)
	}
	want, _ := json.Marshal(a.Result)
	back, _ := json.Marshal(&got)
	if string(want) != string(back) {
		t.Errorf("the JSON export differs from the result:\n got %s\nwant %s", back, want)
	}
	if len(got.Entities) == 0 || len(got.Quotes) == 0 {
		t.Errorf("the test article yields %d entities and %d quotes: too few to test", len(got.Entities), len(got.Quotes))
	}
}

func TestExportJSONLD(t *testing.T) {
	a := annotated(t, exportText)
	out, err := exportAs("jsonld", a)
	if err != nil {
		t.Fatal(err)
	}
	var c analyzer.AnnotationCollection
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("the JSON-LD export does not parse: %v", err)
	}
	mentions := 0
	for _, e := range a.Result.Entities {
		mentions += len(e.Mentions)
	}
	if c.Context != analyzer.WebAnnotationContext || c.Total != mentions+len(a.Result.Quotes) || len(c.First.Items) != c.Total {
		t.Errorf("collection %s with total %d and %d items, want %d", c.Context, c.Total, len(c.First.Items), mentions+len(a.Result.Quotes))
	}
	// The slim document exports what the full one does.
	full, _ := analyzer.Annotate(exportText, analyzer.Options{})
	if !reflect.DeepEqual(full.WebAnnotations(), a.Doc.WebAnnotations()) {
		t.Error("the exportable document's annotations differ from the full document's")
	}
	if a.Doc.Tokens != nil {
		t.Error("the exportable document keeps the tokens")
	}
	if _, err := exportAs("jsonld", newAnnotation("", &analyzer.Result{})); err == nil {
		t.Error("exporting JSON-LD without a document did not fail")
	}
}

func TestExportHTMLEscapesTheText(t *testing.T) {
	a := annotated(t, exportText)
	out, err := exportAs("html", a)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<!DOCTYPE html>", `<html lang="en">`, `<meta charset="utf-8">`,
		"<title>Harbour talks open in Reykjavik &lt;script&gt;alert(1)&lt;/script&gt;</title>",
		"&lt;script&gt;alert(1)&lt;/script&gt;", "Fish &amp; chips &lt;b&gt;were&lt;/b&gt;",
		`<mark class="entity"`, analyzer.HTMLStyle,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the HTML export lacks %s", want)
		}
	}
	if strings.Contains(out, "<script") || strings.Contains(out, "<b>") {
		t.Errorf("markup in the text became markup:\n%s", out)
	}
	mentions := 0
	for _, e := range a.Result.Entities {
		mentions += len(e.Mentions)
	}
	if n := strings.Count(out, `<mark class="entity"`); n != mentions {
		t.Errorf("%d marks, want %d", n, mentions)
	}
}

func TestExportName(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"China Confirms Xi Jinping, Kim Jong Un Held Talks In Beijing\n\nUpdate...", "china-confirms-xi-jinping-kim-jong-un-held-talks-in-beijing.json"},
		{"\n\n  Kim's visit: 3 days!  \nmore", "kim-s-visit-3-days.json"},
		{"Визит Ким Чен Ына", "визит-ким-чен-ына.json"},
		{"<<<>>>", "article.json"},
		{"", "article.json"},
		{strings.Repeat("word ", 40), strings.TrimSuffix(strings.Repeat("word-", 12), "-") + ".json"},
	} {
		if got := exportName(c.text, ".json"); got != c.want {
			t.Errorf("exportName(%.30q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestExportsAreTheAnalyzersFormats checks that each export, built from what
// the app keeps of a run (the result and the exportable document), is the
// bytes the analyzer's format writes from the whole document: what
// annotate -format prints.
func TestExportsAreTheAnalyzersFormats(t *testing.T) {
	a := annotated(t, exportText)
	full, err := analyzer.Annotate(exportText, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range exportFormats {
		got, err := f.build(a)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		var want strings.Builder
		if err := f.Write(&want, []analyzer.Article{{Title: articleTitle(exportText), Doc: full}}); err != nil {
			t.Fatal(err)
		}
		if got != want.String() {
			t.Errorf("the %s export differs from the analyzer's %s format", f.Label, f.Name)
		}
	}
}
