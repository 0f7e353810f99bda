package ui

import (
	"strconv"
	"strings"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// quoteListProps is what the quotes panel shows and reports.
type quoteListProps struct {
	Current string // the mark or quote last jumped to ("q3")
	// Speaker is the key (analyzer.SpeakerKey) of the speaker whose quotes
	// are listed; "" lists them all.
	Speaker   string
	OnQuote   app.EventHandler // a quote's button: data-quote is its index
	OnSpeaker app.EventHandler // a speaker's button: data-speaker is its index in QuotedSpeakers, -1 for all
	// Pages says how many quotes and speakers are shown (a long text, a
	// book or a transcript, has thousands: see paged_list.go); OnMore
	// shows another page.
	Pages  pages
	OnMore app.EventHandler
}

// quoteList renders the quotes panel: how many of each kind, who is quoted
// (each speaker's quotes and words, the most quoted first; a speaker is a
// button that lists only their quotes), then the quotes with their kind,
// speaker and verb. The speaker is the entity's name, or the attribution's
// words when no entity covers the speaker ("the defence ministry"). Each
// quote is a button that brings it into view and highlights its speaker's
// mentions (a button holds phrasing content only, hence spans rather than
// a blockquote).
func quoteList(a *annotation, p quoteListProps) app.UI {
	if a == nil || len(a.Result.Quotes) == 0 {
		return nil
	}
	speakers := a.Result.QuotedSpeakers()
	filter := ""
	for _, s := range speakers {
		if s.Key == p.Speaker {
			filter = s.Name
		}
	}
	var listed []int // indices into Result.Quotes
	for i, q := range a.Result.Quotes {
		if filter == "" || analyzer.SpeakerKey(q) == p.Speaker {
			listed = append(listed, i)
		}
	}
	total := len(listed)
	listed = listed[:p.Pages.limit("quotes", total)]
	var shown app.UI
	if filter != "" {
		shown = app.P().Class("quote-filter").Body(
			app.Text("Quotes by "),
			app.Strong().Text(oneLine(filter)),
			app.Text(" "),
			app.Button().Type("button").ID("quotes-all").Class("link").DataSet("speaker", -1).OnClick(p.OnSpeaker).Text("Show all quotes"),
		)
	}
	return app.Section().ID("quotes").Class("panel quotes").DataSet("shown", len(listed)).DataSet("total", total).Body(
		app.H2().Text("Quotes"),
		app.P().ID("quote-kinds").Class("hint").Text(kindSummary(a.Result.Quotes)),
		whoIsQuoted(a, speakers, p),
		shown,
		app.Ul().Class("quote-items").Body(
			app.Range(listed).Slice(func(j int) app.UI {
				i := listed[j]
				q := a.Result.Quotes[i]
				var verb app.UI
				if q.Verb != "" {
					verb = app.Span().Class("verb").Title("Attribution verb").Text(q.Verb)
				}
				return app.Li().Body(
					app.Button().
						Type("button").
						Class("quote-button").
						DataSet("quote", i).
						DataSet("kind", q.Kind).
						Aria("current", p.Current == "q"+strconv.Itoa(i)).
						Title("Show this quote in the text").
						OnClick(p.OnQuote).
						Body(
							app.Span().Class("kind").DataSet("kind", q.Kind).Text(kindName(q.Kind)),
							app.Span().Class("quote-text").Text(q.Text),
							app.Span().Class("attribution").Body(
								app.Span().Class("speaker").Body(app.Text("— "), speakerName(a, q)),
								verb,
							),
						),
				)
			}),
		),
		showMore("quotes", len(listed), total, "quotes", p.OnMore),
	)
}

// speakerName is a quote's speaker as the panel shows it.
func speakerName(a *annotation, q analyzer.QuoteResult) app.UI {
	e, known := a.entity(q.Speaker)
	switch {
	case known:
		return app.Span().Class("speaker-name").DataSet("label", string(e.Label)).DataSet("entity", e.ID).Text(e.Name)
	case q.SpeakerText != "":
		return app.Span().Class("speaker-text").Text(oneLine(q.SpeakerText))
	}
	return app.Span().Class("speaker-unknown").Text("unattributed")
}

// whoIsQuoted lists each speaker with how many quotes and words: a
// button that lists only their quotes, or all again when pressed twice.
func whoIsQuoted(a *annotation, speakers []analyzer.QuotedSpeaker, p quoteListProps) app.UI {
	if len(speakers) == 0 {
		return nil
	}
	total := len(speakers)
	speakers = speakers[:p.Pages.limit("speakers", total)]
	return app.Div().ID("who-quoted").Class("who-quoted").Body(
		app.H3().Text("Who is quoted"),
		app.Ul().Body(
			app.Range(speakers).Slice(func(i int) app.UI {
				s := speakers[i]
				pick := i // the speaker's index: their words stay out of attributes
				if s.Key == p.Speaker {
					pick = -1 // pressed again: all quotes
				}
				var name app.UI = app.Span().Class("speaker-text").Text(oneLine(s.Name))
				if e, ok := a.entity(s.Entity); ok {
					name = app.Span().Class("speaker-name").DataSet("label", string(e.Label)).Text(e.Name)
				}
				return app.Li().Body(
					app.Button().
						Type("button").
						Class("speaker-filter").
						DataSet("speaker", pick).
						Aria("pressed", s.Key == p.Speaker).
						Title("List only this speaker's quotes").
						OnClick(p.OnSpeaker).
						Body(
							name,
							app.Span().Class("count").Text(plural(s.Quotes, "quote", "quotes")+" · "+plural(s.Words, "word", "words")),
						),
				)
			}),
		),
		showMore("speakers", len(speakers), total, "speakers", p.OnMore),
	)
}

// kindSummary counts the quotes by kind: "5 quotes: 3 direct, 2 reported".
func kindSummary(quotes []analyzer.QuoteResult) string {
	counts := map[string]int{}
	for _, q := range quotes {
		counts[q.Kind]++
	}
	var parts []string
	for _, k := range []string{"direct", "reported", "mixed"} {
		if counts[k] > 0 {
			parts = append(parts, formatInt(counts[k])+" "+k)
		}
	}
	return plural(len(quotes), "quote", "quotes") + ": " + strings.Join(parts, ", ")
}

// kindName is a kind as the chip shows it.
func kindName(kind string) string {
	switch kind {
	case "reported":
		return "reported"
	case "mixed":
		return "mixed"
	}
	return "direct"
}

// onQuoteSpeaker lists only the clicked speaker's quotes, or all of them.
func (c *Annotator) onQuoteSpeaker(ctx app.Context, e app.Event) {
	i, err := strconv.Atoi(dataAttr(ctx, "speaker"))
	if err != nil || c.ann == nil {
		return
	}
	c.quoteSpeaker = ""
	if speakers := c.ann.Result.QuotedSpeakers(); i >= 0 && i < len(speakers) {
		c.quoteSpeaker = speakers[i].Key
	}
}

// onQuote brings the quote into view, marks it current and highlights its
// speaker's mentions (or clears the highlight for an unknown speaker).
func (c *Annotator) onQuote(ctx app.Context, e app.Event) {
	i, err := strconv.Atoi(dataAttr(ctx, "quote"))
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
