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

// The actions of the pictures, handled by the Annotator, which owns the
// selection.
const (
	// pickEntityAction selects an entity, or clears the selection if it
	// is the one selected (the entity's id).
	pickEntityAction = "entity.pick"
	// jumpToMentionAction selects an entity and brings one of its marks
	// into view (a mentionJump).
	jumpToMentionAction = "mention.jump"
)

// mentionJump is a tick of a mention strip: the entity and the index of
// its mark in the view's marks (-1 for none).
type mentionJump struct {
	Entity string
	Mark   int
}

// Pictures draws the charts of the main entities: their mention counts,
// where in the article each is mentioned, and who is named with whom.
type Pictures struct {
	app.Compo

	// Props, from the Annotator: the run on screen, the entity selected,
	// and how many of a long run's strips are still held back.
	Run        runRef
	Selected   string
	StripsHeld int

	lasting lastingContext
}

func (p *Pictures) OnMount(ctx app.Context) { p.lasting.ctx = ctx }

func (p *Pictures) Render() app.UI {
	a := p.Run.ann
	if a == nil || len(a.Main) == 0 {
		return hiddenPanel("pictures")
	}
	main, pairs := a.Main, a.Pairs
	return app.Section().ID("pictures").Class("panel pictures").Aria("labelledby", "pictures-title").Body(
		app.H2().ID("pictures-title").Text("Pictures"),
		app.Div().Class("figures").Body(
			entityChart(main, p.Selected, guardEvent("selecting an entity", p.onNode), guardEvent("selecting an entity", p.onNodeKey)),
			mentionStrips(a, main[:len(main)-min(p.StripsHeld, len(main))], p.Selected, guardEvent("jumping to a mention", p.onTick), guardEvent("moving between mentions", p.onTickKey)),
			cooccurrenceGraph(main, pairs, p.Selected, guardEvent("selecting an entity", p.onNode), guardEvent("selecting an entity", p.onNodeKey)),
		),
	)
}

// onNode selects the entity of a chart row or a graph node.
func (p *Pictures) onNode(ctx app.Context, e app.Event) {
	p.lasting.or(ctx).NewActionWithValue(pickEntityAction, ctx.JSSrc().Get("dataset").Get("entity").String())
}

// onNodeKey selects the entity of a chart row or a graph node on Enter or
// Space, as a button does (keepPictureKeys keeps the page from scrolling).
func (p *Pictures) onNodeKey(ctx app.Context, e app.Event) {
	if !activationKey(e) {
		return
	}
	p.onNode(ctx, e)
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
