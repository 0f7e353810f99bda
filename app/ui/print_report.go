package ui

import (
	"fmt"
	"strings"

	"annotator/analyzer"
	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Printing: the page prints the article with its marks, headed by its
// title and a legend (printLegend), then every entity and every quote
// (PrintReport) — not the screen's lists, which stop after a page or
// two — and none of the controls (web/app.css's print rules keep only
// .print-only elements and the annotated view).

// printEager is how many entities and quotes together the print lists
// hold ready for the browser's own Print command; a longer run's lists are
// made when the Print button asks, so that a long text does not pay for
// them on every run (each step re-renders the lists made so far: 2,600
// entities in 500s took tasks of up to 157 ms, 346 ms in all).
const printEager = 1000

// printStep is how many entities and quotes the print lists add a turn,
// up to printEager: made at once, 2,600 entities held the page 170 ms.
const printStep = 500

// printAction is what the Print button sends: PrintReport makes its lists
// whatever their length, then opens the browser's print dialog.
const printAction = "print"

// printLegend renders, for print only, the article's title and the labels
// shown, in the legend's words, with their counts; and, for a long text,
// how much of it the view shows (shown, the part in view).
func printLegend(a *annotation, hidden map[analyzer.Label]bool, shown *annotation) app.UI {
	if a == nil || a.Text == "" {
		return nil
	}
	var labels []analyzer.Label
	for _, l := range analyzer.Labels {
		if a.Counts[l] > 0 && !hidden[l] {
			labels = append(labels, l)
		}
	}
	var part app.UI
	if shown != nil && len(shown.Text) < len(a.Text) {
		part = app.P().Class("print-part").Text(fmt.Sprintf("The view shows %s of this text's %s: press Show earlier or Show more before printing to print another part. The lists below cover the whole text.",
			formatBytes(len(shown.Text)), formatBytes(len(a.Text))))
	}
	return app.Div().ID(contract.PrintLegend).Class("print-only print-head").Body(
		app.H1().Class("print-title").Text(articleTitle(a.Text)),
		app.P().Class("print-meta").Text(printMeta(a)),
		app.Ul().Class("print-legend").Body(
			app.Range(labels).Slice(func(i int) app.UI {
				l := labels[i]
				return app.Li().DataSet("label", string(l)).Body(
					app.Span().Class("swatch").Aria("hidden", true),
					app.Text(labelNames[l]+" "),
					app.Span().Class("print-code").Text(string(l)),
					app.Text(" · "+formatInt(a.Counts[l])),
				)
			}),
		),
		part,
	)
}

// printMeta is the line under the printed title: the run's counts.
func printMeta(a *annotation) string {
	s := plural(len(a.Result.Entities), "entity", "entities") + ", " + plural(len(a.Result.Quotes), "quote", "quotes")
	if a.Result.Dateline != "" {
		s += "; dateline " + a.Result.Dateline
	}
	return s + ". Annotated in the browser by Annotator: the text never left this device."
}

// PrintReport renders, for print only, every entity of the run by label
// (name, mentions, other names, date values) and every quote (kind, text,
// speaker, verb). Its root (contract.PrintReport) carries data-entities
// and data-quotes, the counts it lists; data-complete="1" once it lists
// them all.
type PrintReport struct {
	app.Compo

	Run runRef

	full     *annotation // the run whose lists the Print button asked for, however long
	ready    int         // how many entities and quotes the lists of run readyFor hold
	readyFor uint64
}

// OnMount answers the Print button.
func (p *PrintReport) OnMount(ctx app.Context) {
	ctx.Handle(printAction, guardAction("printing", func(ctx app.Context, _ app.Action) {
		p.full = p.Run.ann
		ctx.Defer(guardDispatch("printing", func(app.Context) { app.Window().Call("print") }))
	}))
	p.grow(ctx)
}

// OnUpdate starts a new run's lists.
func (p *PrintReport) OnUpdate(ctx app.Context) { p.grow(ctx) }

// limit is how many entities and quotes the lists hold now: a new run's
// first step until grow has counted it.
func (p *PrintReport) limit() int {
	if p.readyFor != p.Run.serial {
		return printStep
	}
	return p.ready
}

// grow adds printStep more entities and quotes to the lists each turn
// until they hold the run's all.
func (p *PrintReport) grow(ctx app.Context) {
	p.ready, p.readyFor = p.limit(), p.Run.serial
	a := p.Run.ann
	if a == nil || a.Result == nil {
		return
	}
	total := len(a.Result.Entities) + len(a.Result.Quotes)
	if p.ready >= total || total > printEager {
		return
	}
	serial := p.Run.serial
	ctx.After(yieldPause, guardDispatch("making the print lists", func(ctx app.Context) {
		if p.readyFor == serial {
			p.ready += printStep
			p.grow(ctx)
		}
	}))
}

// Render lists the entities and quotes.
func (p *PrintReport) Render() app.UI {
	a := p.Run.ann
	if a == nil || a.Text == "" {
		return app.Div().ID(contract.PrintReport).Class("print-only print-report").DataSet("entities", 0).DataSet("quotes", 0).DataSet("complete", "1")
	}
	entities, quotes := len(a.Result.Entities), len(a.Result.Quotes)
	root := app.Div().ID(contract.PrintReport).Class("print-only print-report")
	if entities+quotes > printEager && p.full != a {
		return root.DataSet("entities", 0).DataSet("quotes", 0).DataSet("complete", "0").Body(
			app.P().Text(fmt.Sprintf("This text has %s and %s: to print them all, use Print under Export.",
				plural(entities, "entity", "entities"), plural(quotes, "quote", "quotes"))),
		)
	}
	left := entities + quotes // the Print button's run: all at once
	if p.full != a {
		left = p.limit()
	}
	complete := "0"
	if left >= entities+quotes {
		complete = "1"
	}
	listedEntities, listedQuotes := min(entities, left), min(quotes, max(left-entities, 0))
	groups := make([][]analyzer.EntityResult, len(a.Groups))
	for i, g := range a.Groups {
		groups[i] = g.Entities[:min(len(g.Entities), left)]
		left -= len(groups[i])
	}
	return root.DataSet("entities", listedEntities).DataSet("quotes", listedQuotes).DataSet("complete", complete).Body(
		app.Section().Class("print-entities").Body(
			app.H2().Text("Entities ("+formatInt(entities)+")"),
			app.Range(a.Groups).Slice(func(i int) app.UI {
				g := a.Groups[i]
				return app.Div().Class("print-group").DataSet("label", string(g.Label)).Body(
					app.H3().Body(
						app.Span().Class("swatch").Aria("hidden", true),
						app.Text(labelGroups[g.Label]+" ("+formatInt(len(g.Entities))+")"),
					),
					app.Ul().Body(
						app.Range(groups[i]).Slice(func(j int) app.UI {
							return printEntity(a, groups[i][j])
						}),
					),
				)
			}),
		),
		printQuotes(a, listedQuotes),
	)
}

// printEntity is one entity of the printed list, in one line of text.
func printEntity(a *annotation, e analyzer.EntityResult) app.UI {
	var extra []string
	if names := a.Aliases[e.ID]; len(names) > 0 {
		extra = append(extra, "also "+strings.Join(names, " · "))
	}
	for _, v := range a.Values[e.ID] {
		if v.Unresolved {
			extra = append(extra, v.Value+" (unresolved)")
		} else {
			extra = append(extra, v.Value)
		}
	}
	var more app.UI
	if len(extra) > 0 {
		more = app.Span().Class("print-extra").Text(" — " + strings.Join(extra, "; "))
	}
	return app.Li().Class("print-entity").DataSet("entity", e.ID).Body(
		app.Strong().Text(e.Name),
		app.Text(" · "+plural(len(e.Mentions), "mention", "mentions")),
		more,
	)
}

// printQuotes is the printed list of the first n quotes, in text order.
func printQuotes(a *annotation, n int) app.UI {
	all := a.Result.Quotes
	quotes := all[:n]
	if len(quotes) == 0 {
		return nil
	}
	return app.Section().Class("print-quotes").Body(
		app.H2().Text("Quotes ("+formatInt(len(all))+")"),
		app.P().Class("print-meta").Text(kindSummary(all)),
		app.Ol().Body(
			app.Range(quotes).Slice(func(i int) app.UI {
				q := quotes[i]
				speaker := "unattributed"
				if e, ok := a.entity(q.Speaker); ok {
					speaker = e.Name
				} else if q.SpeakerText != "" {
					speaker = oneLine(q.SpeakerText)
				}
				attribution := "— " + speaker
				if q.Verb != "" {
					attribution += " (" + q.Verb + ")"
				}
				return app.Li().Class("print-quote").DataSet("kind", q.Kind).Body(
					app.Span().Class("print-kind").Text(kindName(q.Kind)+": "),
					app.Span().Class("print-quote-text").Text(oneLine(q.Text)),
					app.Text(" "+attribution),
				)
			}),
		),
	)
}
