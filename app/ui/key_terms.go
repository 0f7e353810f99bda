package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// maxTerms is how many key terms the sidebar lists.
const maxTerms = 15

// keyTerms renders the most frequent terms, each as the forms seen in the
// text (one stem groups "visit" and "visits") with its count.
func keyTerms(a *annotation) app.UI {
	if a == nil || len(a.Result.Terms) == 0 {
		return nil
	}
	terms := topTerms(a.Result.Terms, maxTerms)
	return app.Section().ID("terms").Class("panel terms").Body(
		app.H2().Text("Key terms"),
		app.Ol().Body(
			app.Range(terms).Slice(func(i int) app.UI {
				t := terms[i]
				return app.Li().DataSet("stem", t.Stem).Body(
					app.Span().Class("term").Text(strings.Join(t.Forms, " · ")),
					app.Span().Class("count").Text(strconv.Itoa(t.Count)),
				)
			}),
		),
	)
}
