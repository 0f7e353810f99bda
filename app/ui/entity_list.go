package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// entityList renders the entities grouped by label, each a button that
// highlights all its mentions (buttons, so Enter and Space work too), with
// its mention count.
func entityList(a *annotation, selected string, onSelect app.EventHandler) app.UI {
	if a == nil || len(a.Groups) == 0 {
		return app.Section().Class("panel entities").Body(
			app.H2().Text("Entities"),
			app.P().Class("hint").Text("None yet."),
		)
	}
	return app.Section().ID("entities").Class("panel entities").Body(
		app.H2().Text("Entities"),
		app.Range(a.Groups).Slice(func(i int) app.UI {
			g := a.Groups[i]
			return app.Div().Class("group").DataSet("label", string(g.Label)).Body(
				app.H3().Body(
					app.Span().Class("swatch").DataSet("label", string(g.Label)).Aria("hidden", true),
					app.Text(labelGroups[g.Label]),
				),
				app.Ul().Body(
					app.Range(g.Entities).Slice(func(j int) app.UI {
						e := g.Entities[j]
						n := len(e.Mentions)
						return app.Li().Body(
							app.Button().
								Type("button").
								Class("entity").
								DataSet("entity", e.ID).
								DataSet("label", string(e.Label)).
								Aria("pressed", e.ID == selected).
								OnClick(onSelect).
								Body(
									app.Span().Class("entity-name").Text(e.Name),
									app.Span().Class("count").Title("%s", plural(n, "mention", "mentions")).Text(strconv.Itoa(n)),
								),
						)
					}),
				),
			)
		}),
	)
}
