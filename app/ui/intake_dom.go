package ui

import (
	"errors"
	"fmt"

	"annotator/app/intake"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Intake's JavaScript glue: listeners that run during the event (a paste
// must be cancelled before the browser pastes; a drop needs its dragover
// cancelled to be allowed; go-app's handlers run after the event), the
// File API, and the editing commands that write into the box.

// listenIntake adds Intake's page-wide listeners and returns what removes
// them.
func listenIntake(c *Intake) []func() {
	doc := app.Window().Get("document")
	var release []func()
	on := func(target app.Value, event string, f func(e app.Value)) {
		fn := guardFunc("handling a "+event, func(_ app.Value, args []app.Value) any {
			if len(args) > 0 {
				f(args[0])
			}
			return nil
		})
		target.Call("addEventListener", event, fn, true) // capturing: before the page's own handlers
		release = append(release, func() {
			target.Call("removeEventListener", event, fn, true)
			fn.Release()
		})
	}
	on(doc, "paste", c.onPaste)         // guarded in on
	on(doc, "input", c.onBoxInput)      // guarded in on
	on(doc, "dragenter", c.onDragOver)  // guarded in on
	on(doc, "dragover", c.onDragOver)   // guarded in on
	on(doc, "dragleave", c.onDragLeave) // guarded in on
	on(doc, "drop", c.onDrop)           // guarded in on
	return release
}

// dispatch runs f on the UI goroutine with the component's context.
func (c *Intake) dispatch(f func()) {
	if c.ctx == nil {
		return
	}
	c.ctx.Dispatch(guardDispatch("taking the text in", func(app.Context) { f() }))
}

// onPaste turns a paste of HTML or Markdown into plain text, cancelling
// the browser's own paste; any other paste it leaves to the browser.
func (c *Intake) onPaste(e app.Value) {
	box := e.Get("target")
	if !box.Truthy() || box.Get("id").String() != c.target() {
		return
	}
	data := e.Get("clipboardData")
	if !data.Truthy() {
		return
	}
	html := data.Call("getData", "text/html").String()
	plain := data.Call("getData", "text/plain").String()
	if html != "" && !app.Window().Get("AnnotatorIntake").Truthy() {
		return // web/intake.js did not load: the browser's paste, plain text
	}
	p, ok := cleanPaste(html, plain, htmlToText)
	if !ok {
		if html != "" && plain == "" {
			e.Call("preventDefault")
			c.dispatch(func() {
				c.note = intakeNote{State: "error", Message: "The clipboard holds a picture or markup without text: nothing was pasted."}
			})
		}
		return
	}
	e.Call("preventDefault")
	steps, edit := writeBox(box, p.Raw, p.Clean, false)
	msg := pasteMessage(p)
	c.dispatch(func() {
		c.note = intakeNote{State: "cleaned", Message: msg, Steps: steps, At: steps, What: "paste"}
		c.edit = edit
	})
}

// htmlToText is web/intake.js's AnnotatorIntake.fromHTML: the article text
// of a page or a fragment, and which it was.
func htmlToText(html string) (text, kind string) {
	r := app.Window().Get("AnnotatorIntake").Call("fromHTML", html)
	return r.Get("text").String(), r.Get("kind").String()
}

// onBoxInput follows the box's history after an intake: an undo or a redo
// moves along Intake's steps; any other edit makes them the user's.
func (c *Intake) onBoxInput(e app.Value) {
	box := e.Get("target")
	if !box.Truthy() || box.Get("id").String() != c.target() {
		return
	}
	kind := e.Get("inputType").String()
	if writing > 0 {
		return // Intake's own insertText
	}
	c.dispatch(func() {
		n := &c.note
		if n.Steps == 0 {
			return
		}
		switch kind {
		case "historyUndo":
			if n.At > 0 {
				n.At--
			}
		case "historyRedo":
			if n.At < n.Steps {
				n.At++
			}
		default:
			*n = intakeNote{State: "idle"}
			return
		}
		switch {
		case n.At == n.Steps && n.Steps == 2:
			n.State, n.Message = "cleaned", "Clean text again. "
		case n.At == n.Steps:
			n.State, n.Message = "opened", "Opened again. "
		case n.At == 1:
			n.State, n.Message = "raw", "The "+n.What+" as it was. "
		default:
			n.State, n.Message = "undone", "The box is back as before the "+n.What+". "
		}
	})
}

// writing counts the editing commands under way: their input events are
// Intake's own.
var writing int

// writeBox writes into the box as a paste does, by editing commands, so
// that the box's undo history has each step: raw in place of the
// selection (or of everything, with whole), then clean in place of raw
// when it differs. It returns the steps written. Where the browser has no
// insertText command it sets the text directly, and the history is lost.
func writeBox(box app.Value, raw, clean string, whole bool) (steps int, edit boxEdit) {
	withBoxShown(box, func() { steps, edit = writeShownBox(box, raw, clean, whole) })
	return steps, edit
}

// writeShownBox is writeBox once the box is on screen.
func writeShownBox(box app.Value, raw, clean string, whole bool) (steps int, edit boxEdit) {
	defer boxWrites.during()()
	writing++
	defer func() { writing-- }()
	box.Call("focus")
	if whole {
		box.Call("select")
	}
	doc := app.Window().Get("document")
	start := box.Get("selectionStart").Int()
	if !doc.Call("execCommand", "insertText", false, raw).Bool() {
		if whole {
			box.Set("value", clean)
		} else {
			box.Call("setRangeText", clean, start, box.Get("selectionEnd").Int(), "end")
		}
		box.Call("dispatchEvent", app.Window().Get("InputEvent").New("input", map[string]any{"bubbles": true, "inputType": "insertFromPaste"}))
		return 0, boxEdit{}
	}
	if clean == raw {
		return 1, boxEdit{}
	}
	end := box.Get("selectionStart").Int() // the caret after raw: its length as the box holds it
	box.Call("setSelectionRange", start, end)
	doc.Call("execCommand", "insertText", false, clean)
	return 2, boxEdit{start: start, end: end, raw: raw, clean: clean}
}

// boxEdit is where a two-step intake put its raw text (start and end in
// the box's UTF-16 positions) and the clean text that replaced it.
type boxEdit struct {
	start, end int
	raw, clean string
}

// cleanAgain replaces the raw text, back in the box after an undo, by
// the clean text again, as a new edit. Chromium's own redo of that
// replacement can drop the start of the clean text, so the Redo button
// does not rely on it. It reports false when the box no longer holds the
// raw text where it was.
func cleanAgain(box app.Value, e boxEdit) bool {
	// A JavaScript string is no object to call methods on from Go: slice
	// it by String.prototype.slice, in its own UTF-16 positions.
	slice := app.Window().Get("String").Get("prototype").Get("slice")
	if e.raw == "" || slice.Call("call", box.Get("value"), e.start, e.end).String() != e.raw {
		return false
	}
	ok := false
	withBoxShown(box, func() {
		defer boxWrites.during()()
		writing++
		defer func() { writing-- }()
		box.Call("focus")
		box.Call("setSelectionRange", e.start, e.end)
		ok = app.Window().Get("document").Call("execCommand", "insertText", false, e.clean).Bool()
	})
	return ok
}

// historyStep undoes or redoes the box's last edit, as Ctrl+Z and
// Ctrl+Shift+Z do.
func historyStep(id, command string) {
	box := app.Window().GetElementByID(id)
	if !box.Truthy() {
		return
	}
	withBoxShown(box, func() {
		box.Call("focus")
		app.Window().Get("document").Call("execCommand", command)
	})
}

// withBoxShown runs f, which edits the box by editing commands, with the
// box on screen: they need it focused, and the surface hides it while it
// shows the annotated view. The hidden ancestors are shown for the time
// of f only, in the same turn, so nothing is painted; the page's render
// stays the one that hides them.
func withBoxShown(box app.Value, f func()) {
	var hidden []app.Value
	for el := box; el.Truthy(); el = el.Get("parentElement") {
		if el.Get("hidden").Bool() {
			hidden = append(hidden, el)
			el.Set("hidden", false)
		}
	}
	defer func() {
		for _, el := range hidden {
			el.Set("hidden", true)
		}
		if len(hidden) > 0 {
			box.Call("blur")
		}
	}()
	f()
}

// onDragOver lets a dragged file be dropped on the page, and shows where.
func (c *Intake) onDragOver(e app.Value) {
	if !carriesFiles(e) {
		return
	}
	e.Call("preventDefault")
	e.Get("dataTransfer").Set("dropEffect", "copy")
	if !c.dragging {
		c.dispatch(func() { c.dragging = true })
	}
}

// onDragLeave hides the drop zone once the drag leaves the window.
func (c *Intake) onDragLeave(e app.Value) {
	if related := e.Get("relatedTarget"); related.Truthy() {
		return // from one element of the page to another
	}
	if c.dragging {
		c.dispatch(func() { c.dragging = false })
	}
}

// onDrop opens the first file dropped anywhere on the page. Text dragged
// onto the box is the browser's to insert.
func (c *Intake) onDrop(e app.Value) {
	if c.dragging {
		c.dispatch(func() { c.dragging = false })
	}
	if !carriesFiles(e) {
		return
	}
	e.Call("preventDefault") // else the browser opens the file in the tab
	files := e.Get("dataTransfer").Get("files")
	if files.Length() == 0 {
		return
	}
	c.openFile(files.Index(0), files.Length())
}

// carriesFiles reports whether a drag event carries files.
func carriesFiles(e app.Value) bool {
	dt := e.Get("dataTransfer")
	if !dt.Truthy() {
		return false
	}
	types := dt.Get("types")
	for i := 0; i < types.Length(); i++ {
		if types.Index(i).String() == "Files" {
			return true
		}
	}
	return false
}

// openFile reads a file (a File of the File API) and puts its text in the
// box in place of what it held, telling the user what it did, or why it
// could not, leaving the box as it was. count is how many files came
// together: only the first opens.
func (c *Intake) openFile(file app.Value, count int) {
	name := file.Get("name").String()
	size := file.Get("size").Int()
	kind := intake.KindOf(name, file.Get("type").String())
	others := ""
	if count > 1 {
		others = fmt.Sprintf(" (%d other files left: open one at a time)", count-1)
	}
	fail := func(err error) {
		c.dispatch(func() { c.note = intakeNote{State: "error", Message: fileError(name, err) + others} })
	}
	switch {
	case kind == intake.Other:
		fail(errors.New("the annotator opens .txt, .md and .html files"))
		return
	case size > intake.MaxFileBytes:
		fail(fmt.Errorf("it is %s, and the annotator takes texts up to %s", intake.Size(size), intake.Size(intake.MaxFileBytes)))
		return
	}
	c.dispatch(func() { c.note = intakeNote{State: "reading", Message: "Reading " + name + "…"} })
	awaitPromise(file.Call("arrayBuffer"), func(buf app.Value, err error) {
		defer recovering("reading the file")
		if err != nil {
			fail(fmt.Errorf("the browser could not read it (%v)", err))
			return
		}
		bytes := app.Window().Get("Uint8Array").New(buf)
		data := make([]byte, bytes.Length())
		app.CopyBytesToGo(data, bytes)
		text, err := intake.Decode(data)
		if err != nil {
			fail(err)
			return
		}
		clean := text
		switch kind {
		case intake.Markdown:
			clean = intake.MarkdownToText(text)
		case intake.HTML:
			if !app.Window().Get("AnnotatorIntake").Truthy() {
				fail(errors.New("the page's HTML reader did not load; reload the page"))
				return
			}
			clean, _ = htmlToText(text)
		}
		box := app.Window().GetElementByID(c.target())
		if !box.Truthy() {
			return
		}
		if box.Get("disabled").Bool() {
			fail(errors.New("the box does not take text yet; try again once the page has loaded"))
			return
		}
		steps, edit := writeBox(box, text, clean, true)
		msg := fileMessage(name, size, kind, clean != text) + others
		state := "opened"
		if steps == 2 {
			state = "cleaned"
		}
		c.dispatch(func() {
			c.note = intakeNote{State: state, Message: msg, Steps: steps, At: steps, What: "file"}
			c.edit = edit
		})
	})
}
