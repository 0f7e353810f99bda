package ui

import (
	"fmt"
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
	if got := shownPart(a, 0, len(a.Text)); got != a {
		t.Errorf("a text within the window is not shown whole")
	}
	start, cut := textWindows{}.bytes(a)
	part := shownPart(a, start, cut)
	switch {
	case start != 0 || cut >= len(a.Text) || cut < viewWindow && len(part.Marks) != viewWindowMarks:
		t.Fatalf("the first window is bytes %d to %d of %d with %d marks, want 0 to %d bytes or %d marks", start, cut, len(a.Text), len(part.Marks), viewWindow, viewWindowMarks)
	case !strings.HasPrefix(a.Text, part.Text):
		t.Errorf("shown part is not the start of the text")
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

// TestWindowsAreBounded moves along a long text full of marks: the view
// never shows more than maxShownWindows windows, each of at most
// viewWindowMarks+1 marks, and the windows tile the text.
func TestWindowsAreBounded(t *testing.T) {
	var sb strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&sb, "%d\n", 100000+i*7)
	}
	text := sb.String()
	doc, err := analyzer.Annotate(text, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := newAnnotation(text, doc.Result())
	if len(a.Marks) < 10000 {
		t.Fatalf("only %d marks in a list of 20,000 numbers", len(a.Marks))
	}
	var w textWindows
	prevEnd, steps := 0, 0
	for {
		start, end := w.bytes(a)
		part := shownPart(a, start, end)
		if len(part.Marks) > maxShownWindows*(viewWindowMarks+1) {
			t.Fatalf("windows %+v show %d marks", w, len(part.Marks))
		}
		if end <= prevEnd && end < len(text) {
			t.Fatalf("windows %+v end at %d, not past %d", w, end, prevEnd)
		}
		prevEnd = end
		if end >= len(text) {
			break
		}
		w = w.more()
		if steps++; steps > 1000 {
			t.Fatal("show more never reaches the end")
		}
	}
	// Back to the start, and revealing a mark far on.
	for w.First > 0 {
		w = w.earlier()
	}
	if start, _ := w.bytes(a); start != 0 {
		t.Errorf("show earlier stops at byte %d", start)
	}
	m := a.Marks[len(a.Marks)-1]
	w = w.reveal(a, m.Start, m.End)
	if start, end := w.bytes(a); start > m.Start || end < m.End {
		t.Errorf("revealing [%d,%d) shows %d to %d", m.Start, m.End, start, end)
	}
}

func TestTextCutKeepsMarksAndCharactersWhole(t *testing.T) {
	// No line break near the limit: the cut falls at the limit, moved past
	// a mark or a multi-byte character it would split.
	text := strings.Repeat("é", viewWindow) // two bytes each
	a := &annotation{Text: text}
	if cut := windowEnd(a, 1); !utf8.RuneStart(text[cut]) || cut != viewWindow+2 {
		t.Errorf("cut at %d splits a character", cut)
	}
	a.Marks = []mark{{Start: viewWindow - 4, End: viewWindow + 6}}
	if cut := windowEnd(a, 0); cut != viewWindow+6 {
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
