package ui

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// maxQuotes is how many quotes the sidebar lists: a long text (a book, a
// transcript) has thousands, which would take the browser seconds to lay
// out.
const maxQuotes = 200

// quoteList renders the quotes and who said them: the speaker entity's
// name, or the attribution's words when no entity covers the speaker ("the
// defence ministry"). Each quote is a button that brings the quote into
// view and highlights its speaker's mentions (a button holds phrasing
// content only, hence spans rather than a blockquote).
func quoteList(a *annotation, current string, onSelect app.EventHandler) app.UI {
	if a == nil || len(a.Result.Quotes) == 0 {
		return nil
	}
	quotes := a.Result.Quotes[:min(len(a.Result.Quotes), maxQuotes)]
	var more app.UI
	if n := len(a.Result.Quotes); n > maxQuotes {
		more = app.P().Class("hint").Text(fmt.Sprintf("The first %s of %s quotes; the exports have them all.", formatInt(maxQuotes), formatInt(n)))
	}
	return app.Section().ID("quotes").Class("panel quotes").Body(
		app.H2().Text("Quotes"),
		more,
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
	c.reveal(c.ann.Result.Quotes[i].End)
	scrollToCurrent(ctx)
}

// reveal makes the view show a long text at least up to byte end (it
// shows a window of it at first, see text_window.go).
func (c *Annotator) reveal(end int) {
	if c.ann == nil {
		return
	}
	end = min(end, len(c.ann.Text)) // past the text, the loop would never end
	for len(shownPart(c.ann, c.shownBytes()).Text) < end {
		c.more++
	}
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
