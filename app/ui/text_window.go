package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The annotated view of a long text is windowed: the text is cut into
// windows of about viewWindow bytes (sooner after viewWindowMarks marks,
// a list of numbers has a mark every few bytes) and the view shows at most
// maxShownWindows consecutive ones, with "Show earlier" and "Show more"
// moving along. go-app takes about a second to create each two thousand
// marks: a window of 300 is about 0.15 s of the main thread, and the view
// stays within a few thousand nodes whatever the text, while the lists
// and counts cover all of it.
const (
	viewWindow      = 64 << 10
	viewWindowMarks = 300
	maxShownWindows = 3
)

// windowEnd returns where the window starting at byte start ends: at the
// start of the mark after the viewWindowMarks-th when that comes within
// viewWindow bytes, else after the first line break from viewWindow bytes
// on (within another window), else there; never inside a mark or a UTF-8
// sequence.
func windowEnd(a *annotation, start int) int {
	limit, byMarks := start+viewWindow, false
	if first := sort.Search(len(a.Marks), func(i int) bool { return a.Marks[i].Start >= start }); first+viewWindowMarks < len(a.Marks) {
		if m := a.Marks[first+viewWindowMarks].Start; m < limit {
			limit, byMarks = max(m, start+1), true
		}
	}
	if limit >= len(a.Text) {
		return len(a.Text)
	}
	cut := limit
	if i := strings.IndexByte(a.Text[limit:min(len(a.Text), limit+viewWindow)], '\n'); i >= 0 && !byMarks {
		cut = limit + i + 1
	}
	for cut < len(a.Text) && !utf8.RuneStart(a.Text[cut]) {
		cut++
	}
	// A mark that starts before the cut and ends after it pushes it on.
	if i := sort.Search(len(a.Marks), func(i int) bool { return a.Marks[i].End > cut }); i < len(a.Marks) && a.Marks[i].Start < cut {
		cut = a.Marks[i].End
	}
	return cut
}

// textWindows are the windows the view shows: First to Last, counted from
// 0, the start of the text.
type textWindows struct{ First, Last int }

// bytes returns the byte range of the windows in a's text.
func (w textWindows) bytes(a *annotation) (start, end int) {
	if a == nil {
		return 0, 0
	}
	for i := 0; i < w.First && start < len(a.Text); i++ {
		start = windowEnd(a, start)
	}
	end = start
	for i := w.First; i <= w.Last && end < len(a.Text); i++ {
		end = windowEnd(a, end)
	}
	return start, end
}

// more returns the windows moved one on: the next shown, the first
// dropped past maxShownWindows.
func (w textWindows) more() textWindows {
	w.Last++
	if w.Last-w.First+1 > maxShownWindows {
		w.First++
	}
	return w
}

// earlier returns the windows moved one back.
func (w textWindows) earlier() textWindows {
	if w.First == 0 {
		return w
	}
	w.First--
	if w.Last-w.First+1 > maxShownWindows {
		w.Last--
	}
	return w
}

// reveal returns windows that show bytes [start, end) of a's text: w if
// it does, else windows starting with the one holding start.
func (w textWindows) reveal(a *annotation, start, end int) textWindows {
	if a == nil {
		return w
	}
	end = min(end, len(a.Text))
	if s, e := w.bytes(a); s <= start && end <= e {
		return w
	}
	first, pos := 0, 0
	for {
		next := windowEnd(a, pos)
		if next > start || next >= len(a.Text) {
			break
		}
		first, pos = first+1, next
	}
	w = textWindows{First: first, Last: first}
	for _, e := w.bytes(a); e < end && w.Last-w.First+1 < maxShownWindows; _, e = w.bytes(a) {
		w.Last++
	}
	return w
}

// shownPart returns a as the view shows bytes [start, end) of it: Text
// cut at end, From at start, with the marks and quotes inside. The whole
// text is returned as it is.
func shownPart(a *annotation, start, end int) *annotation {
	if a == nil || start <= 0 && end >= len(a.Text) {
		return a
	}
	part := *a
	part.From = start
	part.Text = a.Text[:end]
	first := sort.Search(len(a.Marks), func(i int) bool { return a.Marks[i].Start >= start })
	last := sort.Search(len(a.Marks), func(i int) bool { return a.Marks[i].End > end })
	part.Marks, part.MarkBase = a.Marks[first:max(first, last)], first
	part.Quotes = nil
	for _, q := range a.Quotes {
		if q.Start >= start && q.End <= end {
			part.Quotes = append(part.Quotes, q)
		}
	}
	return &part
}

// firstWindow is the part of a the embed view shows: its first window.
func firstWindow(a *annotation) *annotation {
	start, end := textWindows{}.bytes(a)
	return shownPart(a, start, end)
}

// moreText tells which part of a long text the view shows, with buttons
// to move on and back; hidden when it shows it all.
func moreText(a *annotation, w textWindows, onEarlier, onMore app.EventHandler) app.UI {
	start, end := w.bytes(a)
	if a == nil || start == 0 && end >= len(a.Text) {
		return app.Div().ID("more-text").Class("more-text").Hidden(true) // see progressBar
	}
	what := fmt.Sprintf("The view shows the first %s of %s", formatBytes(end), formatBytes(len(a.Text)))
	if start > 0 {
		what = fmt.Sprintf("The view shows %s to %s of %s", formatBytes(start), formatBytes(end), formatBytes(len(a.Text)))
	}
	return app.Div().ID("more-text").Class("more-text").DataSet("start", start).DataSet("end", end).Body(
		app.P().Text(what+"; the lists and counts cover all of it."),
		app.If(start > 0, app.Button().ID("show-earlier").Type("button").OnClick(onEarlier).Text("Show earlier")),
		app.If(end < len(a.Text), app.Button().ID("show-more").Type("button").OnClick(onMore).Text("Show more")),
	)
}

// formatBytes writes a size as people read it: 512 KB, 5.2 MB.
func formatBytes(n int) string {
	switch {
	case n < 1<<10:
		return plural(n, "byte", "bytes")
	case n < 1<<20:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
