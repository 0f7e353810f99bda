package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"annotator/analyzer"
)

// longAnnotation annotates paragraphs repeated past limit bytes.
func longAnnotation(t *testing.T, paragraph string, limit int) *annotation {
	t.Helper()
	text := strings.Repeat(paragraph+"\n\n", limit/len(paragraph)+2)
	doc, err := analyzer.Annotate(text, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return newAnnotation(text, doc.Result())
}

func TestShownPart(t *testing.T) {
	a := longAnnotation(t, `Ms Santos flew to Lisbon on Monday. "We will build," she told the European Commission, which pledged €1.2bn.`, 2*viewWindow)
	if got := shownPart(a, len(a.Text)); got != a {
		t.Errorf("a text within the window is not shown whole")
	}
	part := shownPart(a, viewWindow)
	cut := len(part.Text)
	switch {
	case cut < viewWindow || cut >= len(a.Text):
		t.Fatalf("shown part ends at %d of %d, want past the window of %d", cut, len(a.Text), viewWindow)
	case !strings.HasPrefix(a.Text, part.Text) || part.Text[cut-1] != '\n':
		t.Errorf("shown part is not the start of the text cut after a line break: ends %q", part.Text[cut-20:])
	}
	if len(part.Marks) == 0 || len(part.Marks) >= len(a.Marks) {
		t.Fatalf("%d of %d marks shown", len(part.Marks), len(a.Marks))
	}
	for i, m := range a.Marks {
		if shown := i < len(part.Marks); shown != (m.End <= cut) || shown && part.Marks[i] != m {
			t.Fatalf("mark %d [%d,%d) shown=%v with the cut at %d", i, m.Start, m.End, shown, cut)
		}
	}
	for _, q := range part.Quotes {
		if q.End > cut {
			t.Errorf("quote [%d,%d) shown past the cut at %d", q.Start, q.End, cut)
		}
	}
	if len(part.Quotes) == 0 {
		t.Errorf("no quotes shown; the text has %d", len(a.Quotes))
	}
	// The rest of the annotation is the whole text's.
	if part.Result != a.Result || part.Counts[analyzer.LOC] != a.Counts[analyzer.LOC] {
		t.Errorf("the shown part changed the result or the counts")
	}
}

func TestTextCutKeepsMarksAndCharactersWhole(t *testing.T) {
	// No line break near the limit: the cut falls at the limit, moved past
	// a mark or a multi-byte character it would split.
	text := strings.Repeat("é", viewWindow) // two bytes each
	a := &annotation{Text: text}
	if cut := textCut(a, viewWindow+1); !utf8.RuneStart(text[cut]) || cut != viewWindow+2 {
		t.Errorf("cut at %d splits a character", cut)
	}
	a.Marks = []mark{{Start: viewWindow - 4, End: viewWindow + 6}}
	if cut := textCut(a, viewWindow); cut != viewWindow+6 {
		t.Errorf("cut at %d splits the mark [%d,%d)", cut, viewWindow-4, viewWindow+6)
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int]string{1: "1 byte", 900: "900 bytes", 64 << 10: "64 KB", 5 << 20: "5.0 MB", 5500000: "5.2 MB"} {
		if got := formatBytes(n); got != want {
			t.Errorf("formatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}
