package ui

import (
	"cmp"
	"math"
	"slices"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// maxMainEntities is how many entities the pictures draw.
const maxMainEntities = 8

// pair is an edge of the co-occurrence graph: entities A < B (indices into
// the main entities) named together in Sentences sentences.
type pair struct {
	A, B      int
	Sentences int
}

// cooccurrences counts, for each two of the entities, the sentences of the
// result that mention both. Pairs never named together are left out; the
// rest come by count, the most first, then in entity order.
func cooccurrences(res *analyzer.Result, entities []analyzer.EntityResult) []pair {
	starts := make([]int, len(res.Sentences))
	for i, s := range res.Sentences {
		starts[i] = s.Start
	}
	// in[k] is the set of sentences entity k is mentioned in.
	in := make([]map[int]bool, len(entities))
	for k, e := range entities {
		in[k] = make(map[int]bool)
		for _, m := range e.Mentions {
			// The last sentence starting at or before the mention.
			i, found := slices.BinarySearch(starts, m.Start)
			if !found {
				i--
			}
			if i >= 0 && m.Start < res.Sentences[i].End {
				in[k][i] = true
			}
		}
	}
	var pairs []pair
	for a := range entities {
		for b := a + 1; b < len(entities); b++ {
			n := 0
			for s := range in[a] {
				if in[b][s] {
					n++
				}
			}
			if n > 0 {
				pairs = append(pairs, pair{a, b, n})
			}
		}
	}
	slices.SortStableFunc(pairs, func(x, y pair) int { return cmp.Compare(y.Sentences, x.Sentences) })
	return pairs
}

// pictureData returns the main entities and their pairs, computed once
// per run: a page renders at every click, and a long text has many
// entities.
func (a *annotation) pictureData() ([]analyzer.EntityResult, []pair) {
	if !a.pictured {
		a.main = a.Result.MainEntities(maxMainEntities)
		a.pairs = cooccurrences(a.Result, a.main)
		a.pictured = true
	}
	return a.main, a.pairs
}

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
	main, pairs := a.pictureData()
	if len(main) == 0 {
		return hiddenPanel("pictures")
	}
	return app.Section().ID("pictures").Class("panel pictures").Aria("labelledby", "pictures-title").Body(
		app.H2().ID("pictures-title").Text("Pictures"),
		app.Div().Class("figures").Body(
			entityChart(main, c.selected, c.onEntity, c.onNodeKey),
			mentionStrips(a, main, c.selected, c.onTick, c.onTickKey),
			cooccurrenceGraph(main, pairs, c.selected, c.onEntity, c.onNodeKey),
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
