package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// viewWindow is how much of a long text the annotated view shows at first,
// and how much more each "Show more" adds. The whole text is annotated and
// listed in the sidebar; the view stops short because go-app takes about a
// second to create each two thousand marks (a 5 MB text has a hundred
// thousand), and an article is far shorter than this.
const viewWindow = 64 << 10

// shownPart returns a as the view shows it: its first limit bytes or so,
// cut after a line break, with the marks and quotes that end before the
// cut. Shorter texts are returned as they are.
func shownPart(a *annotation, limit int) *annotation {
	if a == nil || len(a.Text) <= limit {
		return a
	}
	cut := textCut(a, limit)
	part := *a
	part.Text = a.Text[:cut]
	part.Marks = a.Marks[:sort.Search(len(a.Marks), func(i int) bool { return a.Marks[i].End > cut })]
	part.Quotes = nil
	for _, q := range a.Quotes {
		if q.End <= cut {
			part.Quotes = append(part.Quotes, q)
		}
	}
	return &part
}

// textCut returns where to end the shown part of a's text: after the first
// line break from limit on (within another window), else at limit; never
// inside a mark or a UTF-8 sequence.
func textCut(a *annotation, limit int) int {
	cut := limit
	if i := strings.IndexByte(a.Text[limit:min(len(a.Text), limit+viewWindow)], '\n'); i >= 0 {
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

// moreText tells how much of a long text the view shows, with a button to
// show more; nothing when it shows it all.
func moreText(a *annotation, shown int, onMore app.EventHandler) app.UI {
	if a == nil || len(a.Text) <= shown {
		return app.Div().ID("more-text").Class("more-text").Hidden(true) // see progressBar
	}
	part := shownPart(a, shown)
	return app.Div().ID("more-text").Class("more-text").Body(
		app.P().Text(fmt.Sprintf("The view shows the first %s of %s; the lists and counts cover all of it.", formatBytes(len(part.Text)), formatBytes(len(a.Text)))),
		app.Button().ID("show-more").Type("button").OnClick(onMore).Text("Show more"),
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
