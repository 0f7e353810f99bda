package ui

import (
	"math"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// maxMainEntities is how many entities the pictures draw.
const maxMainEntities = 8

// point is a position in a picture's coordinates.
type point struct{ X, Y float64 }

// circleLayout places n nodes evenly on a circle of radius r around c, the
// first at the top, going clockwise; a single node sits at the centre.
func circleLayout(n int, c point, r float64) []point {
	if n == 1 {
		return []point{c}
	}
	ps := make([]point, n)
	for i := range ps {
		angle := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		ps[i] = point{round1(c.X + r*math.Cos(angle)), round1(c.Y + r*math.Sin(angle))}
	}
	return ps
}

// pictures renders the charts of the main entities: their mention counts,
// where in the article each is mentioned, and who is named with whom.
func (c *Annotator) pictures() app.UI {
	a := c.ann
	if a == nil {
		return hiddenPanel("pictures")
	}
	main, pairs := a.Main, a.Pairs
	if len(main) == 0 {
		return hiddenPanel("pictures")
	}
	return app.Section().ID("pictures").Class("panel pictures").Aria("labelledby", "pictures-title").Body(
		app.H2().ID("pictures-title").Text("Pictures"),
		app.Div().Class("figures").Body(
			entityChart(main, c.selected, guardEvent("selecting an entity", c.onEntity), guardEvent("selecting an entity", c.onNodeKey)),
			mentionStrips(a, main, c.selected, guardEvent("jumping to a mention", c.onTick), guardEvent("moving between mentions", c.onTickKey)),
			cooccurrenceGraph(main, pairs, c.selected, guardEvent("selecting an entity", c.onEntity), guardEvent("selecting an entity", c.onNodeKey)),
		),
	)
}

// onNodeKey selects the entity of a chart row or a graph node on Enter or
// Space, as a button does (keepPictureKeys keeps the page from scrolling).
func (c *Annotator) onNodeKey(ctx app.Context, e app.Event) {
	if !activationKey(e) {
		return
	}
	c.onEntity(ctx, e)
}

// activationKey reports whether a keydown event is Enter or Space.
func activationKey(e app.Event) bool {
	k := e.Get("key").String()
	return k == "Enter" || k == " "
}

// hiddenPanel stands in for a panel with nothing to show, so that the
// page keeps its structure: go-app matches children by position, and a
// panel appearing before others would make it rebuild them (and drop what
// their event handlers deferred).
func hiddenPanel(id string) app.UI {
	return app.Section().ID(id).Class("panel").Hidden(true)
}
