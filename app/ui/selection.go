package ui

import (
	"strconv"

	"annotator/analyzer"
	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// entityKey names an entity across runs: ids are given afresh by each run,
// so a selection follows the canonical name and the label.
type entityKey struct {
	Name  string
	Label analyzer.Label
}

// keyOf returns the key of the entity with the id in a, and whether a has
// it.
func keyOf(a *annotation, id string) (entityKey, bool) {
	e, ok := a.entity(id)
	if !ok {
		return entityKey{}, false
	}
	return entityKey{Name: e.Name, Label: e.Label}, true
}

// idOf returns the id of the entity with the key in a; "" when a has none.
func idOf(a *annotation, k entityKey) string {
	if a == nil || a.Result == nil || k.Name == "" {
		return ""
	}
	for _, e := range a.Result.Entities {
		if e.Name == k.Name && e.Label == k.Label {
			return e.ID
		}
	}
	return ""
}

// mentionsOf returns the indexes in a.Marks of the entity's mentions.
func mentionsOf(a *annotation, id string) []int {
	if a == nil || id == "" {
		return nil
	}
	var at []int
	for i, m := range a.Marks {
		if a.entityOf(m).ID == id {
			at = append(at, i)
		}
	}
	return at
}

// currentMention returns the position among mentions of the current mark
// (c.current "m7"), or -1.
func currentMention(mentions []int, current string) int {
	if len(current) < 2 || current[0] != 'm' {
		return -1
	}
	i, err := strconv.Atoi(current[1:])
	if err != nil {
		return -1
	}
	for n, m := range mentions {
		if m == i {
			return n
		}
	}
	return -1
}

// stepMention makes the next (step 1) or previous (-1) mention of the
// selected entity current, going round at the ends, and scrolls to it.
func (c *Annotator) stepMention(ctx app.Context, step int) {
	mentions := mentionsOf(c.ann, c.selected)
	if len(mentions) == 0 {
		return
	}
	at := currentMention(mentions, c.current)
	switch {
	case at < 0 && step > 0:
		at = 0
	case at < 0:
		at = len(mentions) - 1
	default:
		at = (at + step + len(mentions)) % len(mentions)
	}
	i := mentions[at]
	c.current, c.mention = "m"+strconv.Itoa(i), c.ann.Marks[i].Start
	c.reveal(c.ann.Marks[i].Start, c.ann.Marks[i].End)
	scrollToCurrent(ctx)
}

func (c *Annotator) onMentionNext(ctx app.Context, e app.Event) { c.stepMention(ctx, 1) }
func (c *Annotator) onMentionPrev(ctx app.Context, e app.Event) { c.stepMention(ctx, -1) }

// onSelectionClear clears the selection.
func (c *Annotator) onSelectionClear(ctx app.Context, e app.Event) { c.clearSelection() }

func (c *Annotator) clearSelection() {
	c.selected, c.current, c.mention = "", "", -1
}

// selectionBar says which entity is selected and which of its mentions is
// current ("3 of 13"), with buttons to move between them and to clear it.
// It keeps its place when nothing is selected, so that the article does
// not move.
func selectionBar(a *annotation, selected, current string, onPrev, onNext, onClear app.EventHandler) app.UI {
	bar := app.Div().ID(contract.Selection).Class("selection-bar").Role("group").Aria("label", "Selected entity")
	e, ok := a.entity(selected)
	if !ok {
		return bar.Class("none").Body(
			app.P().Class("hint").Text("Select a highlight or an entity to step through its mentions (N, P; Escape clears)."),
		)
	}
	mentions := mentionsOf(a, selected)
	at := currentMention(mentions, current)
	count := strconv.Itoa(len(mentions)) + " mentions"
	index := 0
	if at >= 0 {
		index = at + 1
		count = strconv.Itoa(index) + " of " + strconv.Itoa(len(mentions))
	}
	return bar.DataSet("entity", selected).Body(
		app.Span().Class("swatch").DataSet("label", string(e.Label)).Aria("hidden", true),
		app.Strong().Class("selection-name").Text(oneLine(e.Name)),
		app.Span().ID(contract.MentionCount).Class("mention-count").Aria("live", "polite").
			DataSet("index", index).DataSet("total", len(mentions)).Text(count),
		app.Button().Type("button").ID(contract.MentionPrev).Aria("keyshortcuts", "P").Title("Previous mention (P)").OnClick(onPrev).Body(app.Text("‹ "), app.Span().Class("word").Text("Previous")),
		app.Button().Type("button").ID(contract.MentionNext).Aria("keyshortcuts", "N").Title("Next mention (N)").OnClick(onNext).Body(app.Span().Class("word").Text("Next"), app.Text(" ›")),
		app.Button().Type("button").ID(contract.SelectionClear).Class("link").Aria("keyshortcuts", "Escape").Title("Clear the selection (Escape)").OnClick(onClear).Text("Clear"),
	)
}

// selectEntity highlights the entity's mentions if the article has it.
func (c *Annotator) selectEntity(id string) {
	if _, ok := c.ann.entity(id); ok {
		c.selected, c.current = id, ""
	}
}

// onLibraryOpen shows a saved article the Library asks for (unless it is
// on screen already), then highlights the entity, if one is given.
func (c *Annotator) onLibraryOpen(ctx app.Context, a app.Action) {
	r, ok := a.Value.(openRequest)
	if !ok {
		return
	}
	if c.ann == nil || c.ann.Text != r.Text {
		// The entity is highlighted once the run is done (Annotator.show).
		app.Window().GetElementByID(textID).Set("value", r.Text)
		c.lang = r.Lang
		c.edits++
		c.selected, c.pendingSelect = "", r.Entity
		c.annotate(ctx, r.Text)
		return
	}
	if r.Entity != "" {
		c.selectEntity(r.Entity)
		ctx.Defer(guardDispatch("scrolling", func(app.Context) { scrollToEntity(r.Entity) }))
	}
}
