package ui

import (
	"fmt"
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

// "Show more" of the list lasts while its article is on screen; another
// article shows the list from its start.
func TestLibraryPagingFollowsTheArticle(t *testing.T) {
	var entries []libraryEntry
	for i := range firstPage + 5 {
		entries = append(entries, libraryEntry{ID: fmt.Sprint(i), Title: fmt.Sprint("Article ", i), Text: fmt.Sprint("Text ", i), Saved: float64(i)})
	}
	first := &annotation{Text: "Kim met Xi.", serial: 1}
	p := &Library{Run: refOf(first), mounted: true, lib: library{state: "ready"}}
	p.lib.set(entries)
	// HTMLString renders a component once: each state gets a copy.
	count := func() int {
		q := &Library{Run: p.Run, mounted: true, lib: p.lib, pages: p.pages, pagedFor: p.pagedFor}
		return strings.Count(app.HTMLString(q), `class="library-entry"`)
	}
	if n := count(); n != firstPage {
		t.Fatalf("%d articles listed at first, want %d", n, firstPage)
	}
	p.pages = p.listPages()
	p.pages.more(libraryPages)
	p.pagedFor = p.shownText()
	if n := count(); n != len(entries) {
		t.Errorf("after Show more %d listed, want all %d", n, len(entries))
	}
	p.Run = refOf(&annotation{Text: first.Text, serial: 2}) // corrected: the same article
	if n := count(); n != len(entries) {
		t.Errorf("after a correction %d listed, want all %d still", n, len(entries))
	}
	p.Run = refOf(&annotation{Text: "Another article.", serial: 3})
	if n := count(); n != firstPage {
		t.Errorf("with another article on screen %d listed, want the first %d", n, firstPage)
	}
}
