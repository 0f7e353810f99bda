package ui

import (
	"math"
	"strconv"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Geometry of the co-occurrence graph: nodes on a circle, names outside.
const (
	graphWidth  = 420.0
	graphHeight = 310.0
	graphRadius = 92.0
	graphMinR   = 7.0  // node radius of the least mentioned entity
	graphMaxR   = 17.0 // and of the most mentioned
	graphMaxW   = 8.0  // edge width of the pair named together most
)

// cooccurrenceGraph renders who is named with whom: a node per main entity
// (its size grows with its mentions) and an edge between two that share
// sentences (its width grows with how many). Nodes are buttons that
// highlight the entity's mentions and, in the graph, its edges. The pairs
// are also listed as text.
func cooccurrenceGraph(main []analyzer.EntityResult, pairs []analyzer.Pair, selected string, onSelect, onKey app.EventHandler) app.UI {
	centre := point{graphWidth / 2, graphHeight / 2}
	at := circleLayout(len(main), centre, graphRadius)
	most, strongest := 1, 1
	for _, e := range main {
		most = max(most, len(e.Mentions))
	}
	for _, p := range pairs {
		strongest = max(strongest, p.Sentences)
	}
	links := make([]int, len(main))
	edges := make([]app.UI, len(pairs))
	for i, p := range pairs {
		links[p.A]++
		links[p.B]++
		a, b := main[p.A], main[p.B]
		edges[i] = svgElem("line").
			DataSet("part", "edge").
			DataSet("weight", p.Sentences).
			DataSet("active", a.ID == selected || b.ID == selected).
			Attr("x1", num(at[p.A].X)).Attr("y1", num(at[p.A].Y)).
			Attr("x2", num(at[p.B].X)).Attr("y2", num(at[p.B].Y)).
			Attr("stroke-width", num(round1(1+(graphMaxW-1)*float64(p.Sentences)/float64(strongest)))).
			Body(svgTitle(a.Name + " and " + b.Name + ": " + plural(p.Sentences, "sentence", "sentences")))
	}
	nodes := make([]app.UI, len(main))
	for i, e := range main {
		r := round1(graphMinR + (graphMaxR-graphMinR)*math.Sqrt(float64(len(e.Mentions))/float64(most)))
		x, y, anchor := labelPosition(at[i], centre, r)
		nodes[i] = svgEntityButton("node", e, selected, onSelect, onKey).
			Body(
				svgTitle(e.Name+": "+plural(len(e.Mentions), "mention", "mentions")+", named with "+plural(links[i], "other", "others")),
				svgElem("circle").DataSet("part", "dot").
					Attr("cx", num(at[i].X)).Attr("cy", num(at[i].Y)).Attr("r", num(r)),
				svgText(x, y, anchor, shorten(e.Name, 14)).DataSet("part", "name"),
			)
	}
	return app.Figure().Class("figure graph").Body(
		app.FigCaption().Text("Who is named with whom in the same sentence"),
		svgRoot("cooccurrence", graphWidth, graphHeight).
			Role("group").
			Aria("label", "Co-occurrence of the main entities").
			Body(
				svgElem("g").DataSet("part", "edges").Body(edges...),
				svgElem("g").DataSet("part", "nodes").Body(nodes...),
			),
		pairList(main, pairs),
	)
}

// labelPosition places a node's name outside the circle, away from the
// centre: to the right of nodes on the right, above nodes at the top...
func labelPosition(p, centre point, r float64) (x, y float64, anchor string) {
	dx, dy := p.X-centre.X, p.Y-centre.Y
	d := math.Hypot(dx, dy)
	if d == 0 {
		return p.X, p.Y + r + 14, "middle"
	}
	ux, uy := dx/d, dy/d
	x, y = p.X+ux*(r+5), p.Y+uy*(r+5)+4 // +4: a baseline centres 13px text
	switch {
	case ux > 0.35:
		anchor = "start"
	case ux < -0.35:
		anchor = "end"
	default:
		anchor = "middle"
		if uy < 0 {
			y -= 6
		} else {
			y += 8
		}
	}
	return round1(x), round1(y), anchor
}

// maxPairsListed is how many pairs the text list under the graph shows.
const maxPairsListed = 10

// pairList lists the pairs named together most, as text.
func pairList(main []analyzer.EntityResult, pairs []analyzer.Pair) app.UI {
	if len(pairs) == 0 {
		return app.P().Class("hint").Text("No two of them are named in the same sentence.")
	}
	shown := pairs[:min(len(pairs), maxPairsListed)]
	return app.Details().Class("pairs").Body(
		app.Summary().Text("Pairs named together ("+strconv.Itoa(len(pairs))+")"),
		app.Ol().Body(
			app.Range(shown).Slice(func(i int) app.UI {
				p := shown[i]
				return app.Li().Body(
					app.Span().Text(main[p.A].Name+" and "+main[p.B].Name),
					app.Span().Class("count").Title("%s", plural(p.Sentences, "sentence", "sentences")).Text(strconv.Itoa(p.Sentences)),
				)
			}),
		),
	)
}
