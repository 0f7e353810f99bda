package ui

import (
	"strconv"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// currentID is the element id of the mark or quote the user last jumped to
// (from a quote, a strip tick...), so that it can be scrolled into view.
const currentID = "current"

// annotatedText renders the text with a <mark> per mention, and each quote
// in a span (class "quote", data-quote its index) around its marks. The text
// is rendered as text nodes only (go-app creates them with createTextNode),
// so markup in it is shown, never parsed. The label chip is drawn by CSS
// from data-label, so the view's textContent is exactly the pasted text.
//
// selected is the entity whose mentions are highlighted; current ("m3", the
// fourth mark, or "q1", the second quote) is the element jumped to.
//
// Hidden labels are a class on the view, not a re-render: toggling the
// legend is cheap on long texts.
func annotatedText(a *annotation, hidden map[analyzer.Label]bool, selected, current string, onClick app.EventHandler) app.UI {
	classes := []string{"view"}
	for _, l := range analyzer.Labels {
		if hidden[l] {
			classes = append(classes, "hide-"+string(l))
		}
	}
	// The view is one Tab stop; the arrow keys move between its marks
	// (pageKeys).
	view := app.Article().ID("view").Class(classes...).Aria("label", "Annotated text").TabIndex(0).OnClick(onClick)
	if a == nil || a.Text == "" {
		return view.Class("empty").Body(
			app.P().Class("placeholder").Text("The annotated article appears here."),
		)
	}
	r := viewRenderer{a: a, selected: selected, current: current, pos: a.From}
	nodes := make([]app.UI, 0, 2*len(a.Marks)+2*len(a.Quotes)+1)
	for _, q := range a.Quotes {
		nodes = r.run(nodes, q.Start)
		quote := app.Span().Class("quote").DataSet("quote", q.Index).DataSet("kind", q.Kind)
		if current == "q"+strconv.Itoa(q.Index) {
			quote = quote.ID(currentID).Class("current")
		}
		nodes = append(nodes, quote.Body(r.run(nil, q.End)...))
	}
	return view.Body(r.run(nodes, len(a.Text))...)
}

// viewRenderer writes the text and marks of the view, from pos on.
type viewRenderer struct {
	a                 *annotation
	selected, current string
	pos               int // bytes of text written
	next              int // index of the next mark to write
}

// run appends the text up to byte end, and the marks in it, to nodes.
func (r *viewRenderer) run(nodes []app.UI, end int) []app.UI {
	a := r.a
	for ; r.next < len(a.Marks) && a.Marks[r.next].End <= end; r.next++ {
		m := a.Marks[r.next]
		e, mention := a.entityOf(m), a.mentionOf(m)
		if r.pos < m.Start {
			nodes = append(nodes, app.Text(a.Text[r.pos:m.Start]))
		}
		mk := app.Mark().
			DataSet("label", string(e.Label)).
			DataSet("entity", e.ID).
			DataSet("start", m.Start).
			TabIndex(-1).
			Title("%s", markTitle(e, mention)).
			Text(a.Text[m.Start:m.End])
		if mention.Corrected {
			mk = mk.DataSet("corrected", "true")
		}
		if e.ID == r.selected {
			mk = mk.Class("selected")
		}
		if r.current == "m"+strconv.Itoa(a.MarkBase+r.next) {
			mk = mk.ID(currentID).Class("current")
		}
		nodes = append(nodes, mk)
		r.pos = m.End
	}
	if r.pos < end {
		nodes = append(nodes, app.Text(a.Text[r.pos:end]))
		r.pos = end
	}
	return nodes
}

// markTitle is a mark's tooltip: its label and entity, and a date's value.
func markTitle(e *analyzer.EntityResult, m *analyzer.MentionResult) string {
	t := labelNames[e.Label] + ": " + e.Name
	switch {
	case m.Unresolved:
		t += " (" + m.Value + ", unresolved: no dateline)"
	case m.Value != "":
		t += " (" + m.Value + ")"
	}
	return t
}
