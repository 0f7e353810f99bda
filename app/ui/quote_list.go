package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// quoteList renders the quotes and who said them: the speaker entity's
// name, or the attribution's words when no entity covers the speaker ("the
// defence ministry"). Each quote is a button that brings the quote into
// view and highlights its speaker's mentions (a button holds phrasing
// content only, hence spans rather than a blockquote).
func quoteList(a *annotation, current string, p pages, onSelect, onMore app.EventHandler) app.UI {
	if a == nil || len(a.Result.Quotes) == 0 {
		return nil
	}
	quotes := a.Result.Quotes[:p.limit("quotes", len(a.Result.Quotes))]
	return app.Section().ID("quotes").Class("panel quotes").DataSet("shown", len(quotes)).DataSet("total", len(a.Result.Quotes)).Body(
		app.H2().Text("Quotes"),
		app.Ul().Body(
			app.Range(quotes).Slice(func(i int) app.UI {
				q := quotes[i]
				var speaker app.UI
				e, known := a.entity(q.Speaker)
				switch {
				case known:
					speaker = app.Span().Class("speaker-name").DataSet("label", string(e.Label)).DataSet("entity", e.ID).Text(e.Name)
				case q.SpeakerText != "":
					speaker = app.Span().Class("speaker-text").Text(oneLine(q.SpeakerText))
				default:
					speaker = app.Span().Class("speaker-unknown").Text("unattributed")
				}
				return app.Li().Body(
					app.Button().
						Type("button").
						Class("quote-button").
						DataSet("quote", i).
						Aria("current", current == "q"+strconv.Itoa(i)).
						Title("Show this quote in the text").
						OnClick(onSelect).
						Body(
							app.Span().Class("quote-text").Text(q.Text),
							app.Span().Class("speaker").Body(app.Text("— "), speaker),
						),
				)
			}),
		),
		showMore("quotes", len(quotes), len(a.Result.Quotes), "quotes", onMore),
	)
}

// onQuote brings the quote into view, marks it current and highlights its
// speaker's mentions (or clears the highlight for an unknown speaker).
func (c *Annotator) onQuote(ctx app.Context, e app.Event) {
	i, err := strconv.Atoi(ctx.JSSrc().Get("dataset").Get("quote").String())
	if err != nil || c.ann == nil || i < 0 || i >= len(c.ann.Result.Quotes) {
		return
	}
	c.selectQuote(ctx, i)
}

func (c *Annotator) selectQuote(ctx app.Context, i int) {
	c.selected = ""
	if _, ok := c.ann.entity(c.ann.Result.Quotes[i].Speaker); ok {
		c.selected = c.ann.Result.Quotes[i].Speaker
	}
	c.current = "q" + strconv.Itoa(i)
	c.reveal(c.ann.Result.Quotes[i].Start, c.ann.Result.Quotes[i].End)
	scrollToCurrent(ctx)
}

// reveal makes the view of a long text show bytes [start, end) (it shows
// a few windows of it, see text_window.go).
func (c *Annotator) reveal(start, end int) {
	c.windows = c.windows.reveal(c.ann, start, end)
}

// scrollToCurrent brings the current mark or quote into view once the page
// shows it.
func scrollToCurrent(ctx app.Context) {
	ctx.Defer(guardDispatch("scrolling", func(app.Context) {
		if el := app.Window().GetElementByID(currentID); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "center"})
		}
	}))
}
