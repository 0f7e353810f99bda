package ui

import (
	"annotator/analyzer"
	"annotator/app/jsval"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The Annotator and the draft keeper (LocalData) talk through actions, not
// through each other's elements.
const (
	// articleAction carries an articleNote from the Annotator: the text
	// box changed (typed) or its text was annotated.
	articleAction = "article.changed"
	// draftAction carries a saved draftRecord from the keeper, to put back
	// into an empty box.
	draftAction = "draft.restore"
	// draftBackAction carries the draftRecord the Annotator put back.
	draftBackAction = "draft.restored"
)

// articleNote is the text on screen as the draft keeper saves it.
type articleNote struct {
	Text  app.Value // the box's value: a JavaScript string, not copied into Go
	Lang  string    // the language menu's choice
	Typed bool      // an edit in the box (saved once typing pauses), not a run
}

// tellDraftKeeper sends the box's text to the draft keeper.
func (c *Annotator) tellDraftKeeper(ctx app.Context, typed bool) {
	box := app.Window().GetElementByID(textID)
	if !box.Truthy() {
		return
	}
	ctx.NewActionWithValue(articleAction, articleNote{Text: box.Get("value"), Lang: c.menuLang(), Typed: typed})
}

// onDraft puts a saved draft into the box and annotates it, in the
// language it was saved with when the menu offers it, unless the user got
// there first: the box holds something, or the user has edited, run or
// changed the language.
func (c *Annotator) onDraft(ctx app.Context, a app.Action) {
	rec, ok := a.Value.(draftRecord)
	box := app.Window().GetElementByID(textID)
	if !ok || !box.Truthy() || c.edits > 0 || textLength(box.Get("value")) > 0 {
		return
	}
	text, ok := jsval.JS(rec.Text)
	if !ok || textLength(text) == 0 {
		return
	}
	box.Set("value", text)
	if offered(rec.Lang) {
		c.lang = rec.Lang
		if c.lang != analyzer.LangAuto {
			c.fallback = c.lang
		}
	}
	c.annotateSoon(ctx) // as a paste is: an edit of the user's coming next supersedes it
	ctx.NewActionWithValue(draftBackAction, rec)
}

// offered reports whether the language menu offers code.
func offered(code string) bool {
	_, ok := menuLanguage(code)
	return ok || code == analyzer.LangAuto
}
