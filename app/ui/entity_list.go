package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// entityList renders the entities grouped by label, the most salient first.
// Each is a button that highlights all its mentions, aliases included
// (buttons, so Enter and Space work too), showing its canonical name, the
// other names the text uses for it, a date's normalised value, its
// salience as a bar and its mention count. The article's dateline, against
// which relative dates are resolved, heads the list.
func entityList(a *annotation, selected string, p pages, onSelect, onMore app.EventHandler) app.UI {
	if a == nil || len(a.Groups) == 0 {
		return app.Section().Class("panel entities").Body(
			app.H2().Text("Entities"),
			app.P().Class("hint").Text("None yet."),
		)
	}
	return app.Section().ID("entities").Class("panel entities").Body(
		app.H2().Text("Entities"),
		dateline(a),
		app.Range(a.Groups).Slice(func(i int) app.UI {
			g := a.Groups[i]
			key := "entities-" + string(g.Label)
			listed := g.Entities[:p.limit(key, len(g.Entities))]
			return app.Div().Class("group").DataSet("label", string(g.Label)).DataSet("shown", len(listed)).DataSet("total", len(g.Entities)).Body(
				app.H3().Body(
					app.Span().Class("swatch").DataSet("label", string(g.Label)).Aria("hidden", true),
					app.Text(labelGroups[g.Label]),
				),
				app.Ul().Body(
					app.Range(listed).Slice(func(j int) app.UI {
						e := listed[j]
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
									app.Span().Class("entity-main").Body(
										app.Span().Class("entity-name").Text(e.Name),
										aliases(a.Aliases[e.ID]),
										dateValues(a.Values[e.ID]),
										salienceBar(e.Salience),
									),
									app.Span().Class("count").Title("%s", plural(n, "mention", "mentions")).Text(strconv.Itoa(n)),
								),
						)
					}),
				),
				showMore(key, len(listed), len(g.Entities), strings.ToLower(labelGroups[g.Label]), onMore),
			)
		}),
	)
}

// dateline says which date relative dates were resolved against, if any.
func dateline(a *annotation) app.UI {
	if a.Result.Dateline == "" {
		if len(a.Values) == 0 {
			return nil
		}
		return app.P().ID("dateline").Class("dateline").Text("No dateline: relative dates are left unresolved.")
	}
	return app.P().ID("dateline").Class("dateline").Body(
		app.Text("Dateline "),
		app.Time().DateTime(a.Result.Dateline).Class("value").Text(a.Result.Dateline),
		app.Text(": relative dates are resolved against it."),
	)
}

// aliases lists an entity's other names.
func aliases(names []string) app.UI {
	if len(names) == 0 {
		return nil
	}
	return app.Span().Class("aliases").Body(
		app.Span().Class("aliases-intro").Text("also "),
		app.Text(strings.Join(names, " · ")),
	)
}

// dateValues shows a date's ISO 8601 values, unresolved ones marked.
func dateValues(values []dateValue) app.UI {
	if len(values) == 0 {
		return nil
	}
	return app.Span().Class("values").Body(
		app.Range(values).Slice(func(i int) app.UI {
			v := values[i]
			if v.Unresolved {
				return app.Span().Class("value unresolved").Title("Relative date: the article has no dateline to resolve it against").Body(
					app.Text(v.Value),
					app.Span().Class("badge").Text("unresolved"),
				)
			}
			return app.Span().Class("value").Text(v.Value)
		}),
	)
}

// salienceBar draws a salience from 0 to 1 as a bar, with the figure as
// its text for screen readers and its tooltip.
func salienceBar(s float64) app.UI {
	pct := strconv.Itoa(int(min(max(s, 0), 1)*100 + 0.5))
	return app.Span().Class("salience").Title("Salience %s%%", pct).Body(
		app.Span().Class("salience-fill").Style("width", pct+"%").Aria("hidden", true),
		app.Span().Class("visually-hidden").Text("salience "+pct+"%"),
	)
}
