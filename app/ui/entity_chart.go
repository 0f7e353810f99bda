package ui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Geometry of the mention chart, in its own units (the SVG scales to fit).
const (
	chartWidth    = 360.0
	chartRow      = 24.0
	chartLabelEnd = 112.0 // names end here, right-aligned
	chartBarStart = 118.0
	chartBarMax   = 208.0 // the longest bar; its count follows it
)

// entityChart renders a horizontal bar chart of the main entities' mention
// counts, the most mentioned first. A bar's colour is its label's; a row is
// a button (click, Enter or Space) that highlights the entity's mentions.
// Screen readers get the figures as the chart's title and each row's title
// (text nodes: names never go into attributes).
func entityChart(main []analyzer.EntityResult, selected string, onSelect, onKey app.EventHandler) app.UI {
	rows := slices.Clone(main)
	slices.SortStableFunc(rows, func(x, y analyzer.EntityResult) int {
		return cmp.Compare(len(y.Mentions), len(x.Mentions))
	})
	most := len(rows[0].Mentions)
	summary := make([]string, len(rows))
	bars := make([]app.UI, len(rows))
	for i, e := range rows {
		n := len(e.Mentions)
		summary[i] = e.Name + " " + strconv.Itoa(n)
		y := 4 + float64(i)*chartRow
		w := round1(max(2, chartBarMax*float64(n)/float64(most)))
		bars[i] = svgEntityButton("row", e, selected, onSelect, onKey).
			DataSet("selected", e.ID == selected).
			Body(
				svgTitle(e.Name+": "+plural(n, "mention", "mentions")),
				svgText(chartLabelEnd, y+15, "end", shorten(e.Name, 16)).DataSet("part", "name"),
				svgElem("rect").DataSet("part", "bar").
					Attr("x", num(chartBarStart)).Attr("y", num(y+3)).
					Attr("width", num(w)).Attr("height", num(chartRow-6)).Attr("rx", "2"),
				svgText(chartBarStart+w+4, y+15, "start", strconv.Itoa(n)).DataSet("part", "value"),
			)
	}
	return app.Figure().Class("figure chart").Body(
		app.FigCaption().Text("Mentions of the main entities"),
		svgRoot("entity-chart", chartWidth, 8+float64(len(rows))*chartRow).
			Role("group").
			Body(append([]app.UI{svgTitle("Mentions: " + strings.Join(summary, ", "))}, bars...)...),
	)
}
