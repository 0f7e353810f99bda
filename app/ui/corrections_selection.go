package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// viewSelection is text the user selected in the annotated view, to add as
// a mention: its offsets in UTF-16 code units (the view's text is the
// article's, so they are the article's too) and its words.
type viewSelection struct {
	U16Start, U16End int
	Words            string
}

// readViewSelection returns the selection if it lies in the view, else
// none. The view's text content is exactly the text (the label chips are
// drawn by CSS), so the text before the selection gives its start.
func readViewSelection() viewSelection {
	w := app.Window()
	sel := w.Call("getSelection")
	if !sel.Truthy() || sel.Get("isCollapsed").Bool() || sel.Get("rangeCount").Int() == 0 {
		return viewSelection{}
	}
	view := w.GetElementByID("view")
	r := sel.Call("getRangeAt", 0)
	if !view.Truthy() || !view.Call("contains", r.Get("startContainer")).Bool() || !view.Call("contains", r.Get("endContainer")).Bool() {
		return viewSelection{}
	}
	before := w.Get("document").Call("createRange")
	before.Call("selectNodeContents", view)
	before.Call("setEnd", r.Get("startContainer"), r.Get("startOffset"))
	start := before.Call("toString").Length()
	words := r.Call("toString")
	if oneLine(words.String()) == "" {
		return viewSelection{}
	}
	return viewSelection{U16Start: start, U16End: start + words.Length(), Words: oneLine(words.String())}
}

// markStart is the start offset (data-start) of a mark of the view.
func markStart(m app.Value) int {
	start, err := strconv.Atoi(m.Get("dataset").Get("start").String())
	if err != nil {
		return -1
	}
	return start
}
