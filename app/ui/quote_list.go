package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// quoteList renders the quotes and who said them.
func quoteList(a *annotation) app.UI {
	if a == nil || len(a.Result.Quotes) == 0 {
		return nil
	}
	quotes := a.Result.Quotes
	return app.Section().ID("quotes").Class("panel quotes").Body(
		app.H2().Text("Quotes"),
		app.Ul().Body(
			app.Range(quotes).Slice(func(i int) app.UI {
				q := quotes[i]
				speaker := "unknown speaker"
				if name, ok := a.Names[q.Speaker]; ok {
					speaker = name
				}
				return app.Li().Body(
					app.Blockquote().Text(q.Text),
					app.P().Class("speaker").Text("— "+speaker),
				)
			}),
		),
	)
}
