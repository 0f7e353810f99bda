package ui

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
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
	if !reflect.DeepEqual(full.WebAnnotations(), exportDocument(a).WebAnnotations()) {
		t.Error("the exportable document's annotations differ from the full document's")
	}
	if a.Doc.Tokens != nil || len(a.Doc.Mentions) >= len(full.Mentions) || a.Doc.Entities != nil {
		t.Error("the exportable document keeps the tokens, the entities or every mention")
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

// TestExportDocumentIsTheDocument: the mentions and entities an export
// rebuilds from the result are the analyzer's document's, field for field,
// and every format writes the same as from the full document: texts with
// dates, numbers, aliases, quotes and speakers, a long one annotated in
// chunks, and one with corrections.
func TestExportDocumentIsTheDocument(t *testing.T) {
	long := strings.Repeat(exportText+"\n\nOn 3 May 2024 the council said 12 boats, worth $4.5 million, had sailed. \"It is over,\" said Ana Ruiz, a nurse.\n\n", 60)
	cases := []struct {
		name string
		text string
		opts analyzer.Options
	}{
		{"article", exportText, analyzer.Options{}},
		{"sample", Sample, analyzer.Options{}},
		{"long, in chunks", long, analyzer.Options{ChunkBytes: 4096}},
		{"corrected", exportText, analyzer.Options{}},
		// A known alias joins the organisation DPRK to the place North
		// Korea: its mention keeps its own label.
		{"aliases across labels", "North Korea warned Seoul on Monday. The DPRK said talks were over, Kim Jong Un said. \"We leave,\" he said. Later North Korea left.",
			analyzer.Options{Names: listedNames{"North Korea": analyzer.LOC, "DPRK": analyzer.ORG, "Seoul": analyzer.LOC, "Kim Jong Un": analyzer.PER}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			full, err := analyzer.Annotate(c.text, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if c.name == "corrected" {
				res := full.Result()
				c := analyzer.Corrector{Text: c.text, Result: res}
				relabel, err := c.RelabelEntity(res.Entities[0].ID, analyzer.ORG)
				if err != nil {
					t.Fatal(err)
				}
				remove, err := c.RemoveMention(res.Entities[1].Mentions[0].Start)
				if err != nil {
					t.Fatal(err)
				}
				if full, err = analyzer.ApplyCorrections(full, analyzer.Corrections{relabel, remove}, analyzer.Options{}); err != nil {
					t.Fatal(err)
				}
			}
			if c.opts.Names != nil && !hasRelabelled(full) {
				t.Fatal("no mention is labelled otherwise than its entity: the case tests nothing")
			}
			a := newAnnotation(c.text, full.Result())
			a.Doc = exportable(full)
			got := exportDocument(a)
			if len(full.Mentions) < 5 || len(full.Quotes) == 0 {
				t.Fatalf("%d mentions and %d quotes: too few to test", len(full.Mentions), len(full.Quotes))
			}
			for i, m := range full.Mentions {
				m.FirstToken, m.EndToken = 0, 0 // the tokens' places: the exports do not use them
				if i >= len(got.Mentions) || got.Mentions[i] != m {
					t.Fatalf("mention %d: rebuilt %+v, want %+v", i, got.Mentions[min(i, len(got.Mentions)-1)], m)
				}
			}
			if len(got.Mentions) != len(full.Mentions) || !reflect.DeepEqual(got.Entities, full.Entities) {
				t.Errorf("rebuilt %d mentions and %d entities, want %d and %d (or the entities differ)", len(got.Mentions), len(got.Entities), len(full.Mentions), len(full.Entities))
			}
			for _, f := range exportFormats {
				var want strings.Builder
				if err := f.Write(&want, []analyzer.Article{{Title: articleTitle(c.text), Doc: full}}); err != nil {
					t.Fatal(err)
				}
				out, err := f.build(a)
				if err != nil {
					t.Fatal(err)
				}
				if out != want.String() {
					t.Errorf("the %s export differs from the full document's", f.Name)
				}
			}
		})
	}
}

// hasRelabelled reports whether a mention of doc has another label than
// its entity's.
func hasRelabelled(doc *analyzer.Document) bool {
	for _, m := range doc.Mentions {
		if m.Label != doc.Entities[m.Entity].Label {
			return true
		}
	}
	return false
}

// listedNames recognises the listed names, longest first, as the
// analyzer's tests do.
type listedNames map[string]analyzer.Label

func (l listedNames) RecognizeNames(doc *analyzer.Document) []analyzer.Mention {
	var out []analyzer.Mention
	for k := 0; k < len(doc.Tokens); k++ {
		best := 0
		var label analyzer.Label
		for end := k + 1; end <= len(doc.Tokens) && end <= k+6; end++ {
			if lab, ok := l[doc.Text[doc.Tokens[k].Start:doc.Tokens[end-1].End]]; ok {
				best, label = end, lab
			}
		}
		if best > 0 {
			out = append(out, analyzer.Mention{Span: analyzer.Span{Start: doc.Tokens[k].Start, End: doc.Tokens[best-1].End}, FirstToken: k, EndToken: best, Label: label})
			k = best - 1
		}
	}
	return out
}

// The export panel offers each format's copy and download for the run it
// is given, and nothing without one.
func TestExportPanelRender(t *testing.T) {
	if html := app.HTMLString(&ExportPanel{}); !strings.Contains(html, "hidden") || strings.Contains(html, "Download") {
		t.Errorf("with no run the panel shows: %s", html)
	}
	doc, err := analyzer.Annotate(talksArticle, analyzer.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(&ExportPanel{Run: refOf(newAnnotation(talksArticle, doc.Result()))})
	for _, f := range exportFormats {
		if !strings.Contains(html, `aria-label="Copy `+f.Label+`"`) || !strings.Contains(html, `aria-label="Download `+f.Label+`"`) {
			t.Errorf("no copy and download for %s", f.Label)
		}
	}
}
