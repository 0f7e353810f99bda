package ui

import (
	"errors"
	"strconv"
	"time"

	"annotator/app/jsval"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// draftPause is how long typing must pause before the draft is saved; the
// draft is also saved when the page is hidden or closed, and after each
// run (the sample, the library and the language menu change the text
// without typing).
const draftPause = 400 * time.Millisecond

// LocalData keeps the text the user is working on: it saves the paste area
// and the language to the browser as a draft (see draftDB) and puts them
// back when the page opens again with an empty paste area. It also offers
// to clear everything the app stores in the browser.
//
// It learns of the text from the Annotator's articleAction (each edit and
// each run) and hands a saved draft back with draftAction; the Annotator
// answers draftBackAction when it put the draft in the box.
//
// Its root (#local-data) carries data-draft: idle, saving, saved,
// restored, error or cleared; and data-restored="1" once the saved draft
// has been looked for.
type LocalData struct {
	app.Compo

	ctx      app.Context // the component's own: an event's dies with the element it came from
	drafts   draftDB
	state    string // data-draft
	message  string
	confirm  bool        // asking whether to clear
	lastText string      // the language and fingerprint of the last saved text (draftSeal)
	latest   articleNote // the text on screen, as the Annotator last said
	edits    int         // edits seen: a save waits for typing to pause
	restored bool        // the saved draft has been looked for
	release  []func()
}

// OnMount restores the draft and starts saving.
func (d *LocalData) OnMount(ctx app.Context) {
	d.ctx = ctx
	d.state = "idle"
	ctx.Handle(articleAction, guardAction("saving your draft", d.onArticle))
	ctx.Handle(draftBackAction, guardAction("restoring your draft", d.onDraftBack))
	d.restore(ctx)
	d.listen(ctx, app.Window().Get("document"), "visibilitychange", func(ctx app.Context) {
		if app.Window().Get("document").Get("visibilityState").String() == "hidden" {
			d.save(ctx)
		}
	})
	d.listen(ctx, app.Window(), "pagehide", func(ctx app.Context) { d.save(ctx) })
	d.listen(ctx, app.Window(), localDataCleared, func(ctx app.Context) { d.drafts.close() })
}

// onArticle saves the text once typing pauses, or at once after a run:
// runs follow every change of text that does not come from typing.
func (d *LocalData) onArticle(ctx app.Context, a app.Action) {
	note, ok := a.Value.(articleNote)
	if !ok {
		return
	}
	d.latest = note
	if note.Typed {
		d.saveSoon(ctx)
		return
	}
	d.save(ctx)
}

// onDraftBack says the draft is back in the box.
func (d *LocalData) onDraftBack(ctx app.Context, a app.Action) {
	rec, ok := a.Value.(draftRecord)
	if !ok {
		return
	}
	if text, ok := jsval.JS(rec.Text); ok {
		d.lastText = draftSeal(text, rec.Lang)
	}
	d.state, d.message = "restored", "Your draft from "+savedAt(rec.Saved)+" is back."
}

// OnDismount stops listening and closes the database.
func (d *LocalData) OnDismount() {
	for _, f := range d.release {
		f()
	}
	d.release = nil
	d.drafts.close()
}

// listen calls f on the UI goroutine for each event of the target.
func (d *LocalData) listen(ctx app.Context, target app.Value, event string, f func(app.Context)) {
	fn := guardFunc("handling "+event, func(app.Value, []app.Value) any {
		ctx.Dispatch(guardDispatch("handling "+event, f))
		return nil
	})
	target.Call("addEventListener", event, fn)
	d.release = append(d.release, func() {
		target.Call("removeEventListener", event, fn)
		fn.Release()
	})
}

// restore hands the saved draft to the Annotator, which puts it in the
// paste area unless the user got there first, and has it annotated.
func (d *LocalData) restore(ctx app.Context) {
	d.drafts.get(func(rec draftRecord, found bool, err error) {
		ctx.Dispatch(guardDispatch("restoring your draft", func(ctx app.Context) {
			d.restored = true
			var bad *badRecord
			switch {
			case errors.As(err, &bad):
				d.quarantineDraft(bad)
				return
			case err != nil:
				d.state, d.message = "error", "Drafts cannot be kept in this browser: "+err.Error()
				return
			case !found:
				return
			}
			if value, _ := jsval.JS(rec.Text); textLength(value) > 0 {
				ctx.NewActionWithValue(draftAction, rec)
			}
		}))
	})
}

// quarantineDraft moves a draft record the app cannot read to the
// quarantine, where the library lists it for export.
func (d *LocalData) quarantineDraft(bad *badRecord) {
	d.state, d.message = "unreadable", "Your saved draft could not be read ("+bad.Reason+"). It is kept under “could not be read” in the library, where you can export it."
	quarantine(bad, d.drafts.remove, func(err error) {
		if err == nil {
			return
		}
		d.ctx.Dispatch(guardDispatch("setting aside an unreadable draft", func(app.Context) {
			d.state, d.message = "error", "Your saved draft could not be read ("+bad.Reason+"), nor set aside: "+err.Error()
		}))
	})
}

// saveSoon saves the draft once typing pauses.
func (d *LocalData) saveSoon(ctx app.Context) {
	d.edits++
	edit := d.edits
	ctx.After(draftPause, guardDispatch("saving your draft", func(ctx app.Context) {
		if edit == d.edits {
			d.save(ctx)
		}
	}))
}

// save stores the text on screen as the draft, if it changed since the
// last save.
func (d *LocalData) save(ctx app.Context) {
	value := d.latest.Text
	if value == nil {
		return // nothing said yet: nothing changed
	}
	fp := draftSeal(value, d.latest.Lang)
	if fp == d.lastText {
		return
	}
	d.lastText = fp
	empty := textLength(value) == 0
	lang := d.latest.Lang
	d.state, d.message = "saving", "Saving the draft on this device…"
	now := app.Window().Get("Date").Call("now").Float()
	d.drafts.put(draftRecord{Text: jsval.Of(value), Lang: lang, Saved: now}, func(err error) {
		ctx.Dispatch(guardDispatch("saving your draft", func(ctx app.Context) {
			if err != nil {
				d.lastText = ""
				d.state, d.message = "error", "The draft could not be saved on this device: "+err.Error()
				return
			}
			d.state, d.message = "saved", "Draft saved on this device."
			if empty {
				d.message = "The box is empty: so is the saved draft."
			}
		}))
	})
}

// draftSeal stands for a draft in the comparison that skips saving an
// unchanged one: a new language alone is a change.
func draftSeal(text app.Value, lang string) string { return lang + "\x00" + fingerprint(text) }

// fingerprint stands for a text in the comparison that skips saving an
// unchanged draft, without copying the whole text into Go: its length and
// its first and last characters.
func fingerprint(text app.Value) string {
	n := textLength(text)
	if n <= 128 {
		return text.String()
	}
	s := app.Window().Call("Object", text) // a String object: a primitive has no methods for syscall/js
	return s.Call("slice", 0, 64).String() + "\x00" + strconv.Itoa(n) + "\x00" + s.Call("slice", -64).String()
}

// textLength returns the length of a JavaScript string (in UTF-16 code
// units) without copying it into Go.
func textLength(text app.Value) int {
	if text.Type() != app.TypeString {
		return 0
	}
	return app.Window().Call("Object", text).Get("length").Int()
}

// savedAt says when a draft was saved, in the user's words for times.
func savedAt(ms float64) string {
	date := app.Window().Get("Date").New(ms)
	return date.Call("toLocaleString").String()
}

func (d *LocalData) onClear(ctx app.Context, e app.Event) {
	d.confirm = true
}

func (d *LocalData) onCancel(ctx app.Context, e app.Event) {
	d.confirm = false
}

// onConfirm clears the draft, the library and the app's stored settings.
// The text on screen stays: it is in the page, not stored.
func (d *LocalData) onConfirm(ctx app.Context, e app.Event) {
	d.confirm = false // which removes the button clicked, and e's context with it
	d.state, d.message = "saving", "Clearing…"
	clearLocalData(&d.drafts, func(err error) {
		d.ctx.Dispatch(guardDispatch("clearing local data", func(ctx app.Context) {
			// Only a new edit saves a draft again, not closing the page.
			d.lastText = ""
			if d.latest.Text != nil {
				d.lastText = draftSeal(d.latest.Text, d.latest.Lang)
			}
			if err != nil {
				d.state, d.message = "error", "Some local data could not be cleared: "+err.Error()
				return
			}
			d.state, d.message = "cleared", "The draft and the article library are deleted from this device. The text on screen stays until you close the page."
		}))
	})
}

// Render shows what happened to the draft and the clear control.
func (d *LocalData) Render() app.UI {
	state := d.state
	if state == "" {
		state = "idle"
	}
	var control app.UI
	if d.confirm {
		control = app.Span().Class("confirm").Role("group").Aria("label", "Clear local data?").Body(
			app.Text("Delete the draft and the article library from this device? "),
			app.Button().ID("clear-confirm").Type("button").Class("danger").OnClick(guardEvent("clearing local data", d.onConfirm)).Text("Delete"),
			app.Button().ID("clear-cancel").Type("button").OnClick(guardEvent("cancelling", d.onCancel)).Text("Cancel"),
		)
	} else {
		control = app.Button().ID("clear-data").Type("button").Class("link").OnClick(guardEvent("clearing local data", d.onClear)).Text("Clear local data")
	}
	root := app.Div().ID("local-data").Class("local-data").DataSet("draft", state)
	if d.restored {
		root = root.DataSet("restored", "1")
	}
	return root.Body(
		app.P().ID("draft-status").Class("draft-status").Aria("live", "polite").Text(d.message),
		control,
	)
}
