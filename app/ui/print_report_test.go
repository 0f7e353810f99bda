package ui

import (
	"fmt"
	"strings"
	"testing"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The print lists of a run come printStep entities and quotes a turn, so
// that a long run's are not made in one task; they say when complete.
func TestPrintListsGrowByStep(t *testing.T) {
	var b strings.Builder
	for i := range 700 {
		fmt.Fprintf(&b, "Anna Berg counted %d. ", 1000+i)
	}
	doc, err := analyzer.Annotate(b.String(), analyzer.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	res := doc.Result()
	a := newAnnotation(b.String(), res)
	total := len(res.Entities) + len(res.Quotes)
	if total <= printStep || total > printEager {
		t.Fatalf("%d entities and quotes: the test wants more than one step and no more than printEager", total)
	}
	// HTMLString renders a component once: each state gets its own.
	html := func(p *PrintReport) string { return app.HTMLString(p) }
	first := html(&PrintReport{Run: refOf(a)})
	if n := strings.Count(first, `class="print-entity"`); n != printStep || !strings.Contains(first, `data-complete="0"`) {
		t.Errorf("a new run's first render lists %d entities, want %d and incomplete", n, printStep)
	}
	grown := html(&PrintReport{Run: refOf(a), readyFor: a.serial, ready: 2 * printStep})
	if n := strings.Count(grown, `class="print-entity"`); n != len(res.Entities) || !strings.Contains(grown, `data-complete="1"`) {
		t.Errorf("after two steps the lists hold %d entities, want all %d and complete", n, len(res.Entities))
	}
	// The Print button's run is listed whole at once.
	whole := html(&PrintReport{Run: refOf(a), full: a})
	if n := strings.Count(whole, `class="print-entity"`); n != len(res.Entities) {
		t.Errorf("the Print button's run lists %d entities, want all %d", n, len(res.Entities))
	}
}
