package ui

import (
	"strings"

	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// forgetUnreadableAction tells UnreadablePanel that the stores were
// deleted, the quarantine with them.
const forgetUnreadableAction = "unreadable.forget"

// UnreadablePanel lists the stored records the app could not read and set
// aside (quarantine.go), with an export and a delete. It lists them when
// mounted and again whenever a record is set aside (quarantineChanged).
type UnreadablePanel struct {
	app.Compo

	records []quarantined
	// confirming is true while asking whether to delete them.
	confirming bool
	note       string // what the last action did
	lasting    lastingContext
	release    func()
}

func (p *UnreadablePanel) OnMount(ctx app.Context) {
	p.lasting.ctx = ctx
	ctx.Handle(forgetUnreadableAction, guardAction("closing the library", func(app.Context, app.Action) {
		p.records, p.confirming, p.note = nil, false, ""
	}))
	changed := guardFunc("listing unreadable records", func(app.Value, []app.Value) any {
		ctx.Dispatch(guardDispatch("listing unreadable records", p.list))
		return nil
	})
	app.Window().Call("addEventListener", quarantineChanged, changed)
	p.release = func() {
		app.Window().Call("removeEventListener", quarantineChanged, changed)
		changed.Release()
	}
	p.list(ctx)
}

func (p *UnreadablePanel) OnDismount() {
	if p.release != nil {
		p.release()
		p.release = nil
	}
}

// list reads the quarantine.
func (p *UnreadablePanel) list(ctx app.Context) {
	ctx = p.lasting.or(ctx)
	listQuarantine(func(records []quarantined, err error) {
		ctx.Dispatch(guardDispatch("listing unreadable records", func(app.Context) {
			if err != nil {
				p.note = "The records that could not be read cannot be listed: " + err.Error()
				return
			}
			p.records = records
		}))
	})
}

// onExport downloads the unreadable records as JSON.
func (p *UnreadablePanel) onExport(ctx app.Context, e app.Event) {
	data, err := quarantineExport(p.records)
	if err == nil {
		err = downloadFile("unreadable-records.json", "application/json", data)
	}
	if err != nil {
		p.note = "Could not export the unreadable records: " + err.Error()
		return
	}
	p.note = "Downloaded unreadable-records.json."
}

func (p *UnreadablePanel) onDelete(ctx app.Context, e app.Event) { p.confirming = true }

func (p *UnreadablePanel) onCancel(ctx app.Context, e app.Event) { p.confirming = false }

// onDeleteConfirmed deletes the unreadable records for good.
func (p *UnreadablePanel) onDeleteConfirmed(ctx app.Context, e app.Event) {
	p.confirming = false
	ctx = p.lasting.or(ctx)
	clearQuarantine(func(err error) {
		ctx.Dispatch(guardDispatch("deleting unreadable records", func(app.Context) {
			if err != nil {
				p.note = "Could not delete the unreadable records: " + err.Error()
				return
			}
			p.records = nil
			p.note = "Deleted the records that could not be read."
		}))
	})
}

// maxUnreadableListed is how many reasons the panel lists.
const maxUnreadableListed = 5

func (p *UnreadablePanel) Render() app.UI {
	var status app.UI
	if p.note != "" { // outside the list, which hides once they are deleted
		status = app.P().ID(contract.UnreadableStatus).Class("status").Aria("live", "polite").Text(p.note)
	}
	if len(p.records) == 0 {
		return app.Div().Body(app.Div().ID(contract.Unreadable).Class("unreadable").Hidden(true), status)
	}
	shown := p.records[:min(len(p.records), maxUnreadableListed)]
	var more app.UI
	if n := len(p.records) - len(shown); n > 0 {
		more = app.Li().Class("hint").Text("and " + plural(n, "more", "more"))
	}
	var actions app.UI
	if p.confirming {
		actions = app.Span().Class("confirm").Role("group").Aria("label", "Delete the unreadable records?").Body(
			app.Text("Delete them for good? Export them first to keep what they hold. "),
			app.Button().ID(contract.UnreadableDeleteConfirm).Type("button").Class("danger").OnClick(guardEvent("deleting unreadable records", p.onDeleteConfirmed)).Text("Delete"),
			app.Button().ID(contract.UnreadableDeleteCancel).Type("button").OnClick(guardEvent("cancelling", p.onCancel)).Text("Cancel"),
		)
	} else {
		actions = app.Span().Class("unreadable-actions").Body(
			app.Button().ID(contract.UnreadableExport).Type("button").OnClick(guardEvent("exporting unreadable records", p.onExport)).Text("Export (JSON)"),
			app.Button().ID(contract.UnreadableDelete).Type("button").OnClick(guardEvent("deleting unreadable records", p.onDelete)).Text("Delete"),
		)
	}
	return app.Div().Body(
		app.Div().ID(contract.Unreadable).Class("unreadable").DataSet("count", len(p.records)).Role("group").Aria("labelledby", contract.UnreadableTitle).Body(
			app.P().ID(contract.UnreadableTitle).Class("unreadable-title").Text(unreadableSummary(p.records)+"."),
			app.P().Class("hint").Text(unreadableHint(len(p.records))),
			app.Ul().Class("unreadable-reasons").Body(
				app.Range(shown).Slice(func(i int) app.UI {
					q := shown[i]
					return app.Li().Text(savedWhen(q.Found, "found") + ": " + q.Reason)
				}),
				more,
			),
			actions,
		),
		status,
	)
}

// unreadableSummary says how many stored records could not be read: "1
// saved article could not be read".
func unreadableSummary(records []quarantined) string {
	drafts, articles := 0, 0
	for _, q := range records {
		if q.kind() == "draft" {
			drafts++
		} else {
			articles++
		}
	}
	var parts []string
	if drafts > 0 {
		parts = append(parts, plural(drafts, "saved draft", "saved drafts"))
	}
	if articles > 0 {
		parts = append(parts, plural(articles, "saved article", "saved articles"))
	}
	return strings.Join(parts, " and ") + " could not be read"
}

// unreadableHint says what became of n unreadable records.
func unreadableHint(n int) string {
	if n == 1 {
		return "The app set it aside and goes on without it. Export it to keep its text; the export holds it exactly as it was stored."
	}
	return "The app set them aside and goes on without them. Export them to keep their text; the export holds them exactly as they were stored."
}
