package ui

import (
	"strconv"
	"strings"

	"annotator/analyzer"
	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// entityListProps are the entity list's search box and whom it tells.
type entityListProps struct {
	Filter                     string // the search box's text: only names containing it are listed
	OnFilter, OnSelect, OnMore app.EventHandler
}

// entityList renders the entities grouped by label, the most salient first.
// Each is a button that highlights all its mentions, aliases included
// (buttons, so Enter and Space work too), showing its canonical name, the
// other names the text uses for it, a date's normalised value, its
// salience as a bar and its mention count. The article's dateline, against
// which relative dates are resolved, heads the list, under a search box
// that narrows it to the names (or other names) containing its text.
func entityList(a *annotation, selected string, p pages, props entityListProps) app.UI {
	if a == nil || len(a.Groups) == 0 {
		return app.Section().Class("panel entities").Body(
			app.H2().Text("Entities"),
			app.P().Class("hint").Text("None yet."),
		)
	}
	groups, shown, total := filterGroups(a, props.Filter)
	count := strconv.Itoa(total)
	if shown != total {
		count = strconv.Itoa(shown) + " of " + count
	}
	return app.Section().ID("entities").Class("panel entities").DataSet("shown", shown).DataSet("total", total).DataSet("filter", props.Filter).Body(
		app.H2().Body(app.Text("Entities "), app.Span().Class("count").Text(count)),
		app.Div().Class("entity-search").Role("search").Body(
			app.Label().For(contract.EntityFilter).Class("visually-hidden").Text("Find an entity"),
			app.Input().Type("search").ID(contract.EntityFilter).Class("entity-filter").
				Placeholder("Find an entity…").AutoComplete(false).Spellcheck(false).OnInput(props.OnFilter),
		),
		dateline(a),
		hideIf(app.P().Class("hint"), shown != 0).Text("No entity matches “"+oneLine(props.Filter)+"”."),
		app.Range(groups).Slice(func(i int) app.UI {
			g := groups[i]
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
								OnClick(props.OnSelect).
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
				showMore(key, len(listed), len(g.Entities), strings.ToLower(labelGroups[g.Label]), props.OnMore),
			)
		}),
	)
}

// filterGroups returns a's groups narrowed to the entities whose name or
// other names contain filter (case-insensitively), with how many are shown
// and how many there are.
func filterGroups(a *annotation, filter string) (groups []entityGroup, shown, total int) {
	for _, g := range a.Groups {
		total += len(g.Entities)
	}
	needle := strings.ToLower(strings.TrimSpace(filter))
	if needle == "" {
		return a.Groups, total, total
	}
	for _, g := range a.Groups {
		var kept []analyzer.EntityResult
		for _, e := range g.Entities {
			if matchesEntity(e.Name, a.Aliases[e.ID], needle) {
				kept = append(kept, e)
			}
		}
		if len(kept) > 0 {
			g.Entities = kept
			groups = append(groups, g)
			shown += len(kept)
		}
	}
	return groups, shown, total
}

// matchesEntity reports whether the lower-cased needle is in the name or
// one of the other names.
func matchesEntity(name string, aliases []string, needle string) bool {
	if strings.Contains(strings.ToLower(name), needle) {
		return true
	}
	for _, a := range aliases {
		if strings.Contains(strings.ToLower(a), needle) {
			return true
		}
	}
	return false
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
