package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// maxTerms is how many key terms the sidebar lists; maxPhrases how many key
// phrases.
const (
	maxTerms   = 15
	maxPhrases = 10
)

// keyTerms renders the most salient terms, each as the forms seen in the
// text (one stem, or British and American spellings, group "denuclearise"
// and "denuclearization"), with its salience and count.
func keyTerms(a *annotation) app.UI {
	if a == nil || len(a.Result.Terms) == 0 {
		return nil
	}
	terms := a.Result.Terms[:min(len(a.Result.Terms), maxTerms)] // the analyzer ranks them
	return app.Section().ID("terms").Class("panel terms").Body(
		app.H2().Text("Key terms"),
		app.Ol().Body(
			app.Range(terms).Slice(func(i int) app.UI {
				t := terms[i]
				return app.Li().DataSet("stem", t.Stem).Body(
					app.Span().Class("term-main").Body(
						app.Span().Class("term").Text(strings.Join(t.Forms, " · ")),
						salienceBar(t.Salience),
					),
					app.Span().Class("count").Title("%s", plural(t.Count, "use", "uses")).Text(strconv.Itoa(t.Count)),
				)
			}),
		),
	)
}

// keyPhrases renders the key phrases, the most salient first, with their
// salience and count.
func keyPhrases(a *annotation) app.UI {
	if a == nil || len(a.Result.Phrases) == 0 {
		return nil
	}
	phrases := a.Result.Phrases[:min(len(a.Result.Phrases), maxPhrases)]
	return app.Section().ID("phrases").Class("panel terms phrases").Body(
		app.H2().Text("Key phrases"),
		app.Ol().Body(
			app.Range(phrases).Slice(func(i int) app.UI {
				p := phrases[i]
				return app.Li().Body(
					app.Span().Class("term-main").Body(
						app.Span().Class("phrase").Text(oneLine(p.Text)),
						salienceBar(p.Salience),
					),
					app.Span().Class("count").Title("%s", plural(p.Count, "use", "uses")).Text(strconv.Itoa(p.Count)),
				)
			}),
		),
	)
}
