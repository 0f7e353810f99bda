package ui

import (
	"fmt"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// languageNote says which language the text was read in and why.
func languageNote(r *analyzer.Result) string {
	name := languageName(r.Lang)
	switch r.LangSource {
	case analyzer.LangDetected:
		return "Read as " + name + " (detected)."
	case analyzer.LangFallback:
		return "Read as " + name + ", the menu's choice: " + fallbackReason(r.LangReason) + "."
	}
	return "Read as " + name + "."
}

// fallbackReason says in words why detection fell back.
func fallbackReason(reason string) string {
	switch reason {
	case "too short":
		return "the text is too short to tell its language"
	case "mixed":
		return "the text mixes languages"
	case "other script":
		return "the text is in a script none of the languages is written in"
	}
	return "its language could not be told"
}

// status renders the one-line progress report, announced politely to screen
// readers, and any error, announced at once.
func status(state string, a *annotation, err error) app.UI {
	var msg string
	switch {
	case state == "pending":
		msg = "Annotating when you pause typing…"
	case state == "done" && a == nil:
		msg = "The box is empty: no counts, entities or quotes."
	case a != nil && a.Text != "":
		msg = fmt.Sprintf("%s found in %s. %s", plural(len(a.Result.Entities), "entity", "entities"), formatDuration(a.Elapsed), languageNote(a.Result))
	}
	var alert app.UI
	if err != nil {
		alert = app.P().ID("error").Class("error").Role("alert").Text(errorMessage(err))
	}
	return app.Div().Class("status-bar").Body(
		app.P().ID("status").Class("status").Aria("live", "polite").Text(msg),
		alert,
	)
}
