package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// status renders the one-line progress report, announced politely to screen
// readers, and any error, announced at once.
func status(state string, a *annotation, err error) app.UI {
	var msg string
	switch {
	case state == "pending":
		msg = "Annotating when you pause typing…"
	case a != nil && a.Text != "":
		msg = fmt.Sprintf("%s found in %s.", plural(len(a.Result.Entities), "entity", "entities"), formatDuration(a.Elapsed))
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
