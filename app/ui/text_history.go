package ui

import (
	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// textNote is what the last replacement of the whole text (the sample,
// clearing the box) did, and whether it can be undone or redone. The
// replacements are written by the browser's editing commands (writeBox),
// so the box's own undo history holds them: the buttons, Ctrl+Z outside
// the box and Ctrl+Z inside it all step through the same history, and
// the input events they send make the page annotate and save the draft
// as after any edit.
type textNote struct {
	State      string // as data-text-note: sample, cleared, undone, redone; "" for none
	Message    string
	Undo, Redo bool
	What       string // what was replaced, for the buttons: "sample", "clearing"
}

// replaceText writes text in place of the whole box as one undoable edit,
// then annotates it.
func (c *Annotator) replaceText(ctx app.Context, text, state, message, what string) {
	box := app.Window().GetElementByID(textID)
	if !box.Truthy() {
		return
	}
	before := textLength(box.Get("value")) > 0
	c.textNote = textNote{State: state, Message: message, Undo: before, What: what}
	// Its input event annotates the text (onInput); the box loses the
	// focus, so that the view shows the result.
	defer box.Call("blur")
	if text != "" {
		writeBox(box, text, text, true)
		return
	}
	withBoxShown(box, func() {
		defer boxWrites.during()()
		writing++
		defer func() { writing-- }()
		box.Call("focus")
		box.Call("select")
		if !app.Window().Get("document").Call("execCommand", "delete").Bool() {
			box.Set("value", "")
			box.Call("dispatchEvent", app.Window().Get("InputEvent").New("input", map[string]any{"bubbles": true, "inputType": "deleteContent"}))
		}
	})
}

// boxWrites is when the page last wrote into the box by editing commands
// (writeBox), in the page's clock: an input event from then is the page's,
// not the user's typing, though its inputType says insertText.
var boxWrites writeSpan

type writeSpan struct{ from, to float64 }

// during marks the span of a write: call the function it returns when
// the write is done.
func (w *writeSpan) during() func() {
	w.from = now()
	return func() { w.to = now() }
}

// made reports whether an event with the timeStamp was sent by a write.
func (w *writeSpan) made(timeStamp app.Value) bool {
	if !timeStamp.Truthy() {
		return false
	}
	t := timeStamp.Float()
	return t >= w.from && t <= w.to
}

func now() float64 { return app.Window().Get("performance").Call("now").Float() }

// onSample puts the sample article in the box; the article it replaces
// comes back with Undo.
func (c *Annotator) onSample(ctx app.Context, e app.Event) {
	c.replaceText(ctx, Sample, "sample", "The sample article is in the box.", "sample")
}

// onClearText empties the box; Undo brings the text back.
func (c *Annotator) onClearText(ctx app.Context, e app.Event) {
	c.replaceText(ctx, "", "cleared", "The box is cleared.", "clearing")
}

func (c *Annotator) onTextUndo(ctx app.Context, e app.Event) { c.textStep(ctx, "undo") }
func (c *Annotator) onTextRedo(ctx app.Context, e app.Event) { c.textStep(ctx, "redo") }

// textStep undoes or redoes the last replacement through the box's own
// history; the input event it sends annotates the text again (onInput).
func (c *Annotator) textStep(ctx app.Context, command string) {
	n := &c.textNote
	switch {
	case command == "undo" && n.Undo:
		n.State, n.Message, n.Undo, n.Redo = "undone", "Your text is back, as before the "+n.What+".", false, true
	case command == "redo" && n.Redo:
		n.State, n.Message, n.Undo, n.Redo = "redone", "Done again: the "+n.What+".", true, false
	default:
		return
	}
	historyStep(textID, command)
	if box := app.Window().GetElementByID(textID); box.Truthy() {
		box.Call("blur") // the view shows the result
	}
}

// render draws the note with its Undo and Redo buttons.
func (n textNote) render(onUndo, onRedo app.EventHandler) app.UI {
	root := app.P().ID(contract.TextNote).Class("text-note").Aria("live", "polite").DataSet("text-note", n.State)
	if n.State == "" {
		return root.Hidden(true)
	}
	var undo, redo app.UI
	if n.Undo {
		undo = app.Button().Type("button").ID(contract.TextUndo).Class("link").Aria("keyshortcuts", "Control+Z").
			Title("Undo (Ctrl+Z)").OnClick(onUndo).Text("Undo the " + n.What)
	}
	if n.Redo {
		redo = app.Button().Type("button").ID(contract.TextRedo).Class("link").Aria("keyshortcuts", "Control+Shift+Z").
			Title("Redo (Ctrl+Shift+Z)").OnClick(onRedo).Text("Redo")
	}
	return root.Body(app.Text(n.Message+" "), undo, redo)
}
