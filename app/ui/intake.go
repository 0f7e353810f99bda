package ui

import (
	"strings"

	"annotator/app/contract"
	"annotator/app/intake"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Intake brings text into the article box from elsewhere. A paste of rich
// text (HTML from a web page or an editor, or Markdown source) becomes the
// article's plain text; a .txt, .md or .html file opens by the Open
// button or by a drop anywhere on the page. Each time it says what it did
// and offers to undo it: one undo brings back the paste or the file as it
// was, a second the box as it was before.
//
// It writes into the box as typing does, through the browser's editing
// commands (document.execCommand("insertText")): the box's own undo
// history (Ctrl+Z) holds every step, and the input events it sends make
// the page annotate and keep the draft as after any paste. The box is the
// one element with id Target (textID when empty).
//
// Its root (contract.Intake) carries data-intake: idle, cleaned, raw,
// opened, undone or error (see contract).
type Intake struct {
	app.Compo

	// Target is the id of the text area it writes into; "" is the page's
	// article box.
	Target string

	ctx      app.Context // its own, set by OnMount: the listeners report through it
	note     intakeNote
	edit     boxEdit // the last two-step intake's texts, for Redo
	dragging bool
	release  []func()
}

// intakeNote is what the last paste or file did, and where the box's undo
// history stands since.
type intakeNote struct {
	State   string // as data-intake
	Message string
	// Steps are the edits it made (2: the paste as it was, then its clean
	// text; 1: one text); At is how many of them are in the box now,
	// after undos and redos. The buttons are offered while the box's
	// history is its own.
	Steps, At int
	// What names what came in, for the buttons: "paste", "file".
	What string
}

func (c *Intake) target() string {
	if c.Target == "" {
		return textID
	}
	return c.Target
}

// OnMount starts listening to pastes into the box, edits of it, and files
// dragged over the page.
func (c *Intake) OnMount(ctx app.Context) {
	c.ctx = ctx
	c.note.State = "idle"
	c.release = listenIntake(c)
}

// OnDismount stops listening.
func (c *Intake) OnDismount() {
	for _, f := range c.release {
		f()
	}
	c.release, c.ctx = nil, nil
}

// Render draws the Open button, what the last paste or file did with its
// undo and redo, and the drop zone shown while a file is dragged over the
// page.
func (c *Intake) Render() app.UI {
	state := c.note.State
	if state == "" {
		state = "idle"
	}
	var actions app.UI
	if n := c.note; n.Steps > 0 {
		var undo, redo app.UI
		if n.At > 0 {
			undo = app.Button().ID(contract.IntakeUndo).Type("button").Class("link").OnClick(guardEvent("undoing", c.onUndo)).Text(undoLabel(n))
		}
		if n.At < n.Steps {
			redo = app.Button().ID(contract.IntakeRedo).Type("button").Class("link").OnClick(guardEvent("redoing", c.onRedo)).Text(redoLabel(n))
		}
		actions = app.Span().Class("intake-actions").Body(undo, redo)
	}
	statusClass := "intake-status"
	if c.note.State == "error" {
		statusClass += " intake-error"
	}
	drop := "drop-zone"
	if c.dragging {
		drop += " active"
	}
	return app.Div().ID(contract.Intake).Class("intake").DataSet(contract.IntakeStateAtt, state).Body(
		app.Div().Class("intake-open").Body(
			app.Button().ID(contract.OpenFile).Type("button").OnClick(guardEvent("opening a file", c.onOpen)).Text("Open a file…"),
			app.Input().ID(contract.OpenFileInput).Type("file").Class("visually-hidden").
				Accept(intake.Accept).TabIndex(-1).Aria("hidden", true).OnChange(guardEvent("opening a file", c.onFileChosen)),
			app.Span().Class("hint intake-hint").Text(".txt, .md or .html, or drop one on the page. Pasted web pages and Markdown become plain text."),
		),
		app.P().ID(contract.IntakeStatus).Class(statusClass).Aria("live", "polite").Body(
			app.Text(c.note.Message),
			actions,
		),
		app.Div().ID(contract.DropZone).Class(drop).DataSet("active", boolAttr(c.dragging)).Aria("hidden", true).Body(
			app.P().Text("Drop the file to open it: .txt, .md or .html"),
		),
	)
}

func boolAttr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func undoLabel(n intakeNote) string {
	if n.Steps == 2 && n.At == 2 {
		if n.What == "file" {
			return "Show the file as it was"
		}
		return "Show the paste as it was"
	}
	return "Undo"
}

func redoLabel(n intakeNote) string {
	if n.Steps == 2 && n.At == 1 {
		return "Clean it again"
	}
	return "Redo"
}

// onOpen opens the browser's file chooser. The click is still the user's
// gesture when go-app runs this, a moment after it.
func (c *Intake) onOpen(ctx app.Context, e app.Event) {
	if input := app.Window().GetElementByID(contract.OpenFileInput); input.Truthy() {
		input.Call("click")
	}
}

// onFileChosen opens the file the chooser gave.
func (c *Intake) onFileChosen(ctx app.Context, e app.Event) {
	input := ctx.JSSrc()
	files := input.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	c.openFile(files.Index(0), files.Length())
	input.Set("value", "") // the same file again is a change too
}

func (c *Intake) onUndo(ctx app.Context, e app.Event) { historyStep(c.target(), "undo") }

// onRedo redoes by the box's history, except from the raw text back to the
// clean one, which it writes again (see cleanAgain).
func (c *Intake) onRedo(ctx app.Context, e app.Event) {
	n := c.note
	if n.Steps == 2 && n.At == 1 {
		if box := app.Window().GetElementByID(c.target()); box.Truthy() && cleanAgain(box, c.edit) {
			c.note.At, c.note.State, c.note.Message = 2, "cleaned", "Clean text again. "
			return
		}
	}
	historyStep(c.target(), "redo")
}

// pasted is what a paste brought: the text a plain paste would have put in
// the box (the HTML's markup when the clipboard had only HTML) and the
// article text made of it, with what it was.
type pasted struct {
	Raw, Clean string
	Kind       string // page, fragment or markdown
}

// cleanPaste decides what to do with a paste from the clipboard's HTML
// and plain text: ok is false when the browser's own paste is right (no
// HTML, or HTML whose text is the plain text anyway, and no Markdown).
// fromHTML is the browser's HTML to text (web/intake.js).
func cleanPaste(html, plain string, fromHTML func(string) (text, kind string)) (p pasted, ok bool) {
	if html != "" {
		text, kind := fromHTML(html)
		raw := plain
		if raw == "" {
			raw = html
		}
		switch {
		case strings.TrimSpace(text) == "" && plain != "":
			return pasted{}, false // markup without text (an image): the browser's paste
		case sameWords(text, plain):
			return pasted{}, false
		}
		return pasted{Raw: raw, Clean: text, Kind: kind}, true
	}
	if plain != "" && intake.LooksLikeMarkdown(plain) {
		return pasted{Raw: plain, Clean: intake.MarkdownToText(plain), Kind: "markdown"}, true
	}
	return pasted{}, false
}

// sameWords reports whether two texts differ in white space only.
func sameWords(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) != len(fb) {
		return false
	}
	for i := range fa {
		if fa[i] != fb[i] {
			return false
		}
	}
	return true
}

// pasteMessage says what a cleaned paste became.
func pasteMessage(p pasted) string {
	switch p.Kind {
	case "markdown":
		return "The pasted Markdown is now plain text: headings, emphasis and link syntax removed. "
	case "page":
		return "The pasted page is now its article's text: title and paragraphs kept; menus, share buttons, credits and scripts left out. "
	}
	return "The pasted text is now plain text: its formatting, buttons and scripts left out. "
}

// fileMessage says what an opened file became.
func fileMessage(name string, size int, kind intake.Kind, changed bool) string {
	what := "Opened " + name + " (" + intake.Size(size) + ")"
	switch {
	case kind == intake.Markdown && changed:
		return what + ": its Markdown is now plain text. "
	case kind == intake.HTML:
		return what + ": its article's text is in the box, menus and scripts left out. "
	}
	return what + ". "
}

// fileError says why a file was not opened, and that nothing changed.
func fileError(name string, err error) string {
	return "Could not open " + name + ": " + err.Error() + ". The box is unchanged."
}
