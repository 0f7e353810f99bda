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
	rows := make([]app.UI, len(main))
	for i, e := range main {
		y := float64(i) * stripRow
		mid := y + stripRow/2
		ticks := make([]app.UI, 0, min(len(e.Mentions), maxTicks)+3)
		ticks = append(ticks,
			svgText(stripLabelEnd, mid+4, "end", shorten(e.Name, 16)).DataSet("part", "name"),
			svgElem("line").DataSet("part", "track").
				Attr("x1", num(stripStart)).Attr("x2", num(stripEnd)).
				Attr("y1", num(mid)).Attr("y2", num(mid)),
		)
		for j, t := range stripTicks(e.Mentions, len(a.Text)) {
			x := round1(stripStart + (stripEnd-stripStart)*t.At)
			tabIndex := -1
			if j == 0 {
				tabIndex = 0
			}
			m := e.Mentions[t.First]
			title := e.Name + ", mention " + strconv.Itoa(t.First+1) + " of " + strconv.Itoa(len(e.Mentions)) + ": " + oneLine(m.Text)
			if t.Count > 1 {
				title = e.Name + ", mentions " + strconv.Itoa(t.First+1) + " to " + strconv.Itoa(t.First+t.Count) + " of " + strconv.Itoa(len(e.Mentions))
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
					svgTitle(title),
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

// onTick asks for the tick's mention to be brought into view and its
// entity selected.
func (p *Pictures) onTick(ctx app.Context, e app.Event) {
	ds := ctx.JSSrc().Get("dataset")
	mark, err := strconv.Atoi(ds.Get("mark").String())
	if err != nil {
		mark = -1
	}
	p.lasting.or(ctx).NewActionWithValue(jumpToMentionAction, mentionJump{Entity: ds.Get("entity").String(), Mark: mark})
}

// onJumpToMention selects the entity of a strip's tick and brings its
// mention into view.
func (c *Annotator) onJumpToMention(ctx app.Context, a app.Action) {
	j, ok := a.Value.(mentionJump)
	if !ok {
		return
	}
	if _, ok := c.ann.entity(j.Entity); !ok {
		return
	}
	c.selected = j.Entity
	c.current = ""
	if i := j.Mark; i >= 0 && i < len(c.ann.Marks) {
		c.current = "m" + strconv.Itoa(i)
		c.reveal(c.ann.Marks[i].Start, c.ann.Marks[i].End)
		scrollToCurrent(ctx)
	}
}

// onTickKey moves between a strip's ticks with the arrow keys, Home and
// End, and activates a tick with Enter or Space (keepPictureKeys keeps the
// page from scrolling).
func (p *Pictures) onTickKey(ctx app.Context, e app.Event) {
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
		p.onTick(ctx, e)
		return
	default:
		return
	}
	if next.Truthy() && next.Get("dataset").Get("part").String() == "tick" {
		next.Call("focus")
	}
}

// tick is one tick of a strip: mentions [First, First+Count) of an entity,
// at At, from 0 (the start of the text) to 1 (its end).
type tick struct {
	First, Count int
	At           float64
}

// maxTicks is how many ticks a strip draws at most: an entity mentioned
// more often (in a long text) gets one tick per stretch of the text that
// mentions it. The strip is 234 units wide and a tick's target 8: more
// ticks could not be told apart, and would only slow the page (8 strips of
// 240 ticks were 7,700 elements).
const maxTicks = 60

// stripTicks places an entity's mentions (in text order) on a strip for a
// text of n bytes: a tick each, or, past maxTicks, one per 1/maxTicks of
// the text.
func stripTicks(mentions []analyzer.MentionResult, n int) []tick {
	length := float64(max(n, 1))
	ticks := make([]tick, 0, min(len(mentions), maxTicks))
	for i, m := range mentions {
		at := float64(m.Start) / length
		if len(mentions) > maxTicks && len(ticks) > 0 {
			last := &ticks[len(ticks)-1]
			if int(at*maxTicks) == int(last.At*maxTicks) {
				last.Count++
				continue
			}
		}
		ticks = append(ticks, tick{First: i, Count: 1, At: at})
	}
	return ticks
}
