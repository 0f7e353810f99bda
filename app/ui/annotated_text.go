package ui

import (
	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// annotatedText renders the text with a <mark> per mention. The text is
// rendered as text nodes only (go-app creates them with createTextNode), so
// markup in it is shown, never parsed. The label chip is drawn by CSS from
// data-label, so the view's textContent is exactly the pasted text.
//
// Hidden labels are a class on the view, not a re-render: toggling the
// legend is cheap on long texts.
func annotatedText(a *annotation, hidden map[analyzer.Label]bool, selected string, onClick app.EventHandler) app.UI {
	classes := []string{"view"}
	for _, l := range analyzer.Labels {
		if hidden[l] {
			classes = append(classes, "hide-"+string(l))
		}
	}
	view := app.Article().ID("view").Class(classes...).Aria("label", "Annotated text").OnClick(onClick)
	if a == nil || a.Text == "" {
		return view.Class("empty").Body(
			app.P().Class("placeholder").Text("The annotated article appears here."),
		)
	}
	nodes := make([]app.UI, 0, 2*len(a.Marks)+1)
	pos := 0
	for _, m := range a.Marks {
		if pos < m.Start {
			nodes = append(nodes, app.Text(a.Text[pos:m.Start]))
		}
		mk := app.Mark().
			DataSet("label", string(m.Label)).
			DataSet("entity", m.Entity).
			Title("%s: %s", labelNames[m.Label], m.Name).
			Text(a.Text[m.Start:m.End])
		if m.Entity == selected {
			mk = mk.Class("selected")
		}
		nodes = append(nodes, mk)
		pos = m.End
	}
	if pos < len(a.Text) {
		nodes = append(nodes, app.Text(a.Text[pos:]))
	}
	return view.Body(nodes...)
}
