package ui

import (
	"strings"
	"testing"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The library panel shows the article on screen as saved, and current in
// the list, once the library holds it; the Save button waits for the app
// to run.
func TestLibraryRender(t *testing.T) {
	doc, err := analyzer.Annotate(talksArticle, analyzer.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	run := refOf(newAnnotation(talksArticle, doc.Result()))
	unsaved := app.HTMLString(&Library{Run: run, mounted: true, lib: library{state: "ready"}})
	// (go-app writes Disabled(false) as disabled="false", true as disabled.)
	if !strings.Contains(unsaved, "Save this article") || !strings.Contains(unsaved, `disabled="false"`) {
		t.Errorf("an unsaved article cannot be saved: %s", unsaved)
	}
	if strings.Contains(app.HTMLString(&Library{Run: run, lib: library{state: "ready"}}), `disabled="false"`) {
		t.Error("the Save button works before the app runs")
	}
	l := &Library{Run: run, mounted: true, lib: library{state: "ready"}}
	l.lib.set([]libraryEntry{{ID: articleID(talksArticle), Title: articleTitle(talksArticle), Text: talksArticle}, {ID: "other", Title: "Other", Text: "Other text."}})
	saved := app.HTMLString(l)
	if !strings.Contains(saved, "Saved in the library") || strings.Count(saved, "aria-current") != 2 || strings.Count(saved, `aria-current="false"`) != 1 {
		t.Errorf("a saved article is not shown as saved and current once: %s", saved)
	}
}

// The corrections kept for one text are not saved with another.
func TestKeptCorrectionsFollowTheText(t *testing.T) {
	r := keepRequest{Run: refOf(&annotation{Text: "Kim met Xi."}), Corrections: analyzer.Corrections{{Op: analyzer.RemoveEntity}}}
	if len(r.correctionsOf("Kim met Xi.")) != 1 || r.correctionsOf("Another text.") != nil || (keepRequest{}).correctionsOf("") != nil {
		t.Error("corrections kept for a text are given for another, or not for it")
	}
}
