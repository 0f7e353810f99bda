package ui

import (
	"strconv"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// svgNS is the SVG namespace: go-app creates an element with
// createElementNS when it has one, so SVG drawn with go-app elements
// renders. User text goes into text nodes (<text>, <title>), never into
// markup, so it is shown, not parsed.
//
// go-app sets the class attribute through className, which SVG elements do
// not let a script set: SVG parts are told apart by data-part instead.
const svgNS = "http://www.w3.org/2000/svg"

// svgElem returns an SVG element.
func svgElem(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// svgRoot returns an <svg> scaled to its container's width, drawn in a
// width × height coordinate system.
func svgRoot(id string, width, height float64) app.HTMLElem {
	return svgElem("svg").ID(id).
		Attr("viewBox", "0 0 "+num(width)+" "+num(height)).
		Attr("preserveAspectRatio", "xMinYMin meet").
		Attr("focusable", "false")
}

// svgEntityButton is a group of a picture that selects the entity e: a
// button (click, or Enter or Space through onKey) pressed while e is the
// selected entity.
func svgEntityButton(part string, e analyzer.EntityResult, selected string, onSelect, onKey app.EventHandler) app.HTMLElem {
	return svgElem("g").
		DataSet("part", part).
		DataSet("entity", e.ID).
		DataSet("label", string(e.Label)).
		Role("button").
		TabIndex(0).
		Aria("pressed", e.ID == selected).
		OnClick(onSelect).
		On("keydown", onKey)
}

// svgTitle is an element's tooltip and accessible name.
func svgTitle(text string) app.UI { return svgElem("title").Text(text) }

// svgText is a text label at x, y.
func svgText(x, y float64, anchor, text string) app.HTMLElem {
	return svgElem("text").Attr("x", num(x)).Attr("y", num(y)).Attr("text-anchor", anchor).Text(text)
}

// num writes a coordinate in its shortest form; callers round1 it first.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// round1 rounds v to one decimal, so that coordinates stay short.
func round1(v float64) float64 {
	if v < 0 {
		return -float64(int(-v*10+0.5)) / 10
	}
	return float64(int(v*10+0.5)) / 10
}

// shorten cuts s to at most n characters, ending in an ellipsis when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
