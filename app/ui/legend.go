package ui

import (
	"strconv"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// legend renders one toggle button per label: the label's colour, its name
// and how many mentions it has. A pressed button shows that label's
// highlights.
func legend(a *annotation, hidden map[analyzer.Label]bool, onToggle app.EventHandler) app.UI {
	return app.Div().Class("legend").Role("group").Aria("label", "Show or hide entity types").Body(
		app.Range(analyzer.Labels).Slice(func(i int) app.UI {
			l := analyzer.Labels[i]
			n := 0
			if a != nil {
				n = a.Counts[l]
			}
			return hideIf(app.Button(), a != nil && n == 0 && !hidden[l]). // nothing to show or hide: it would only take room above the text
											Type("button").
											Class("legend-item").
											DataSet("label", string(l)).
											Aria("pressed", !hidden[l]).
											Title("%s: show or hide highlights", labelNames[l]).
											OnClick(onToggle).
											Body(
					app.Span().Class("swatch").Aria("hidden", true),
					app.Text(labelNames[l]),
					app.Span().Class("count").Text(strconv.Itoa(n)),
				)
		}),
	)
}

// toggleHidden flips, in hidden (made if nil), the label of the legend
// button clicked.
func toggleHidden(hidden map[analyzer.Label]bool, ctx app.Context) map[analyzer.Label]bool {
	l := analyzer.Label(ctx.JSSrc().Get("dataset").Get("label").String())
	if hidden == nil {
		hidden = make(map[analyzer.Label]bool)
	}
	hidden[l] = !hidden[l]
	return hidden
}
