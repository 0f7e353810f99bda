package ui

import (
	"strconv"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Geometry of the mention strips.
const (
	stripWidth    = 360.0
	stripRow      = 30.0
	stripLabelEnd = 112.0
	stripStart    = 120.0
	stripEnd      = 354.0
)

// mentionStrips renders one strip per main entity: a line standing for the
// article, start to end, with a tick where the entity is mentioned. A tick
// is a button: clicking it (or Enter or Space on it) brings that mention
// into view and highlights all the entity's mentions. Each strip is one
// tab stop; the arrow keys, Home and End move between its ticks.
func mentionStrips(a *annotation, main []analyzer.EntityResult, selected string, onTick, onKey app.EventHandler) app.UI {
	length := float64(max(len(a.Text), 1))
	rows := make([]app.UI, len(main))
	for i, e := range main {
		y := float64(i) * stripRow
		mid := y + stripRow/2
		ticks := make([]app.UI, 0, len(e.Mentions)+3)
		ticks = append(ticks,
			svgText(stripLabelEnd, mid+4, "end", shorten(e.Name, 16)).DataSet("part", "name"),
			svgElem("line").DataSet("part", "track").
				Attr("x1", num(stripStart)).Attr("x2", num(stripEnd)).
				Attr("y1", num(mid)).Attr("y2", num(mid)),
		)
		for j, m := range e.Mentions {
			x := round1(stripStart + (stripEnd-stripStart)*float64(m.Start)/length)
			tabIndex := -1
			if j == 0 {
				tabIndex = 0
			}
			ticks = append(ticks, svgElem("g").
				DataSet("part", "tick").
				DataSet("entity", e.ID).
				DataSet("mark", a.markAt(m.Start)).
				Role("button").
				TabIndex(tabIndex).
				OnClick(onTick).
				On("keydown", onKey).
				Body(
					svgTitle(e.Name+", mention "+strconv.Itoa(j+1)+" of "+strconv.Itoa(len(e.Mentions))+": "+oneLine(m.Text)),
					// A wide transparent target, and the tick drawn on it.
					svgElem("rect").DataSet("part", "hit").
						Attr("x", num(x-4)).Attr("y", num(y+3)).Attr("width", "8").Attr("height", num(stripRow-6)),
					svgElem("rect").DataSet("part", "tick-mark").
						Attr("x", num(x-1.5)).Attr("y", num(y+7)).Attr("width", "3").Attr("height", num(stripRow-14)),
				))
		}
		rows[i] = svgElem("g").
			DataSet("part", "strip").
			DataSet("entity", e.ID).
			DataSet("label", string(e.Label)).
			DataSet("selected", e.ID == selected).
			Role("group").
			Body(append([]app.UI{svgTitle(e.Name + ": " + plural(len(e.Mentions), "mention", "mentions"))}, ticks...)...)
	}
	return app.Figure().Class("figure strips").Body(
		app.FigCaption().Text("Where each is mentioned, from the start of the article to its end"),
		svgRoot("mention-strips", stripWidth, float64(len(main))*stripRow).
			Role("group").
			Aria("label", "Where the main entities are mentioned").
			Body(rows...),
	)
}

// onTick brings the tick's mention into view and highlights all the
// entity's mentions.
func (c *Annotator) onTick(ctx app.Context, e app.Event) {
	ds := ctx.JSSrc().Get("dataset")
	id := ds.Get("entity").String()
	if _, ok := c.ann.entity(id); !ok {
		return
	}
	c.selected = id
	c.current = ""
	if i, err := strconv.Atoi(ds.Get("mark").String()); err == nil && i >= 0 {
		c.current = "m" + strconv.Itoa(i)
		scrollToCurrent(ctx)
	}
}

// onTickKey moves between a strip's ticks with the arrow keys, Home and
// End, and activates a tick with Enter or Space.
func (c *Annotator) onTickKey(ctx app.Context, e app.Event) {
	tick := ctx.JSSrc()
	var next app.Value
	switch e.Get("key").String() {
	case "ArrowRight", "ArrowDown":
		next = tick.Get("nextElementSibling")
	case "ArrowLeft", "ArrowUp":
		next = tick.Get("previousElementSibling")
	case "Home":
		next = tick.Get("parentNode").Call("querySelector", `[data-part="tick"]`)
	case "End":
		all := tick.Get("parentNode").Call("querySelectorAll", `[data-part="tick"]`)
		next = all.Index(all.Length() - 1)
	case "Enter", " ":
		e.PreventDefault()
		c.onTick(ctx, e)
		return
	default:
		return
	}
	e.PreventDefault()
	if next.Truthy() && next.Get("dataset").Get("part").String() == "tick" {
		next.Call("focus")
	}
}
