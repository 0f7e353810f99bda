package ui

import (
	"strings"
	"time"

	"annotator/analyzer"
	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The actions between the Library and the Annotator.
const (
	// libraryOpenAction asks the Annotator to show a saved article (an
	// openRequest).
	libraryOpenAction = "library.open"
	// libraryKeepAction asks the Library to keep the corrections of the
	// article on screen with it (a keepRequest).
	libraryKeepAction = "library.keep"
	// librarySavedAction tells the Annotator what the library holds (a
	// savedArticles), whenever that changes.
	librarySavedAction = "library.saved"
	// keptNoteAction tells the Annotator what became of corrections it
	// asked to keep (a keptNote).
	keptNoteAction = "library.kept"
)

// openRequest is a saved article to show, and the entity to highlight in
// it ("" for none).
type openRequest struct{ Text, Lang, Entity string }

// keepRequest is the article on screen and its corrections.
type keepRequest struct {
	Run         runRef
	Corrections analyzer.Corrections
}

// keptNote is why corrections of the article with the id could not be
// kept: the corrections' note becomes it while that article is on screen.
type keptNote struct{ ID, Text string }

// savedArticles is what the Annotator needs of the library: whether it has
// been read, how many articles it holds and each one's text and stored
// corrections by articleID.
type savedArticles struct {
	Read    bool
	Count   int
	Entries map[string]libraryEntry // without their names
}

// Library is the library panel: the articles saved in this browser, the
// entities they share, and the store behind them. It opens the store once
// mounted, annotates again in the background the articles an older version
// stored, keeps the corrections the Annotator sends, and asks the
// Annotator to show an article the user opens.
type Library struct {
	app.Compo

	// Props, from the Annotator: the article on screen and its
	// corrections, saved with it by the Save button.
	Run         runRef
	Corrections analyzer.Corrections

	lib library
	// pages is how much of the list is shown, while the text pagedFor is
	// on screen: another article shows the list from its start.
	pages    pages
	pagedFor string
	mounted  bool
	lasting  lastingContext
}

func (p *Library) OnMount(ctx app.Context) {
	p.mounted, p.lasting.ctx = true, ctx
	ctx.Handle(libraryKeepAction, guardAction("keeping the corrections", func(ctx app.Context, a app.Action) {
		if r, ok := a.Value.(keepRequest); ok {
			p.keep(ctx, r)
		}
	}))
	p.openLibrary(ctx)
}

func (p *Library) OnDismount() {
	if p.lib.stopAnnotating != nil {
		p.lib.stopAnnotating()
		p.lib.annotating, p.lib.stopAnnotating = "", nil
	}
	p.lasting.ctx = nil
}

// shownText is the text of the article on screen, "" for none.
func (p *Library) shownText() string {
	if p.Run.ann == nil {
		return ""
	}
	return p.Run.ann.Text
}

// listPages is how much of the list to show: the first page when another
// article came on screen since "Show more".
func (p *Library) listPages() pages {
	if p.pagedFor != p.shownText() {
		return nil
	}
	return p.pages
}

// publish tells the Annotator what the library now holds.
func (p *Library) publish(ctx app.Context) {
	saved := savedArticles{Read: p.lib.state == "ready", Count: len(p.lib.entries), Entries: make(map[string]libraryEntry, len(p.lib.entries))}
	for _, e := range p.lib.entries {
		e.Names = ""
		saved.Entries[e.ID] = e
	}
	p.lasting.or(ctx).NewActionWithValue(librarySavedAction, saved)
}

// keep stores the corrections with the article in the library, saving the
// article there if it is not yet. (The Annotator has checked that the
// library is read and that the article's saved corrections are readable:
// it says so at once when not.)
func (p *Library) keep(ctx app.Context, r keepRequest) {
	ctx = p.lasting.or(ctx)
	if p.lib.state != "ready" || r.Run.ann == nil {
		return
	}
	text := r.Run.ann.Text
	entry, saved := p.lib.entry(articleID(text))
	if _, err := entry.articleCorrections(); saved && err != nil {
		return // never overwrite what the user made before, even unreadable
	}
	if !saved {
		entry = libraryEntry{
			ID: articleID(text), Title: articleTitle(text), Text: text,
			Lang: r.Run.ann.Result.Lang, Saved: float64(time.Now().UnixMilli()),
		}
	}
	entry = entry.withNames(r.Run.ann.Result, p.lib.version).withCorrections(r.Corrections)
	res := r.Run.ann.Result
	p.lib.store.put(entry, func(err error) {
		ctx.Dispatch(guardDispatch("keeping the corrections", func(ctx app.Context) {
			if err != nil {
				ctx.NewActionWithValue(keptNoteAction, keptNote{ID: entry.ID, Text: "Could not keep the corrections: " + err.Error()})
				return
			}
			p.lib.keep(entry, res)
			if !saved {
				p.lib.note = "Saved “" + entry.Title + "” with its corrections."
			}
			p.publish(ctx)
		}))
	})
}

// onShowMore shows the next page of the list.
func (p *Library) onShowMore(ctx app.Context, e app.Event) {
	if key := dataAttr(ctx, contract.MoreAttr); key != "" {
		p.pages = p.listPages()
		p.pages.more(key)
		p.pagedFor = p.shownText()
	}
}

// openLibrary loads the saved articles once the app has mounted.
func (p *Library) openLibrary(ctx app.Context) {
	p.lib.version = app.Getenv("GOAPP_VERSION")
	p.lib.store.onGone = func() {
		ctx.Dispatch(guardDispatch("closing the library", func(app.Context) {
			p.lib.results, p.lib.stale = nil, nil
			if p.lib.stopAnnotating != nil {
				p.lib.stopAnnotating()
			}
			p.lib.annotating, p.lib.stopAnnotating = "", nil
			p.lib.set(nil)
			p.lib.state = "ready"
			ctx.NewAction(forgetUnreadableAction) // deleted with it
			p.lib.note = "The library was deleted from this device."
			p.publish(ctx)
		}))
	}
	p.lib.store.list(func(entries []libraryEntry, bad []*badRecord, err error) {
		ctx.Dispatch(guardDispatch("opening the library", func(app.Context) {
			if err != nil {
				p.lib.state = "unavailable"
				p.lib.note = "The library is unavailable: " + err.Error()
				return
			}
			p.lib.state = "ready"
			p.lib.set(entries)
			p.publish(ctx) // the Annotator adopts the corrections of the article on screen
			p.quarantineArticles(ctx, bad)
			p.annotatePending(ctx)
		}))
	})
}

// quarantineArticles moves the library's unreadable records to the
// quarantine one after the other (UnreadablePanel lists each as it goes).
func (p *Library) quarantineArticles(ctx app.Context, bad []*badRecord) {
	if len(bad) == 0 {
		return
	}
	quarantine(bad[0], func(done func(error)) { p.lib.store.removeKey(bad[0].Key, done) }, func(err error) {
		ctx.Dispatch(guardDispatch("setting aside an unreadable article", func(ctx app.Context) {
			if err != nil {
				p.lib.note = "A saved article could not be read (" + bad[0].Reason + ") nor set aside: " + err.Error()
			}
			p.quarantineArticles(ctx, bad[1:])
		}))
	})
}

// annotatePending annotates again the saved articles that this version of
// the app has no names for, one at a time, a long one in steps (startRun),
// pausing between articles so that the page stays responsive; the library
// relinks after each, and stores them once all are done.
func (p *Library) annotatePending(ctx app.Context) {
	l := &p.lib
	if l.annotating != "" {
		return
	}
	if len(l.pending) == 0 {
		p.storeStale()
		return
	}
	e, ok := l.next()
	if !ok {
		return
	}
	ctx = p.lasting.or(ctx)
	stop := runInLanguage(ctx, e.Text, e.Lang, "en", false, func(app.Context, languageRun) {}, func(app.Context, float64) {}, func(ctx app.Context, out runOutcome) {
		if cs, err := e.articleCorrections(); err == nil && out.Err == nil && len(cs) > 0 {
			// In the pack the run used (the document's own).
			if doc, err := analyzer.ApplyCorrections(out.Doc, cs, analyzer.Options{}); err == nil {
				out.Result = doc.Result() // linked as corrected
			}
		}
		l.annotated(e.ID, out.Result) // only names change: nothing to publish
		ctx.After(yieldPause, guardDispatch("linking saved articles", p.annotatePending))
	})
	if l.annotating == e.ID { // still running: a long text, in steps
		l.stopAnnotating = stop
	}
}

// storeStale stores again the entries annotated anew by this version of
// the app, with their names. It is a cache: a failure costs only time.
func (p *Library) storeStale() {
	for _, e := range p.lib.stale {
		if _, kept := p.lib.entry(e.ID); kept { // not deleted meanwhile
			p.lib.store.put(e, func(error) {})
		}
	}
	p.lib.stale = nil
}

// onSave saves the annotated article.
func (p *Library) onSave(ctx app.Context, e app.Event) {
	if p.Run.ann == nil || p.Run.ann.Text == "" {
		return
	}
	entry := libraryEntry{
		ID:    articleID(p.Run.ann.Text),
		Title: articleTitle(p.Run.ann.Text),
		Text:  p.Run.ann.Text,
		Lang:  p.Run.ann.Result.Lang,
		Saved: float64(time.Now().UnixMilli()),
	}.withNames(p.Run.ann.Result, p.lib.version).withCorrections(p.Corrections)
	res := p.Run.ann.Result
	p.lib.note = "Saving…"
	ctx = p.lasting.or(ctx)
	p.lib.store.put(entry, func(err error) {
		ctx.Dispatch(guardDispatch("saving the article", func(app.Context) {
			if err != nil {
				p.lib.note = "Could not save the article: " + err.Error()
				return
			}
			p.lib.state = "ready"
			p.lib.add(entry, res)
			p.lib.note = "Saved “" + entry.Title + "”."
			p.publish(ctx)
		}))
	})
}

// onOpen asks for a saved article to be shown.
func (p *Library) onOpen(ctx app.Context, e app.Event) {
	p.openArticle(ctx, ctx.JSSrc().Get("dataset").Get("article").String(), "")
}

// onSharedEntity opens the article a shared entity was found in and
// highlights the entity there.
func (p *Library) onSharedEntity(ctx app.Context, e app.Event) {
	ds := ctx.JSSrc().Get("dataset")
	p.openArticle(ctx, ds.Get("article").String(), ds.Get("entity").String())
}

// openArticle asks the Annotator to show the saved article with the id
// (unless it is on screen already) and then highlight the entity, if one
// is given.
func (p *Library) openArticle(ctx app.Context, id, entity string) {
	entry, ok := p.lib.entry(id)
	if !ok {
		return
	}
	if p.Run.ann == nil || p.Run.ann.Text != entry.Text {
		p.lib.note = "Opened “" + entry.Title + "”."
	}
	p.lasting.or(ctx).NewActionWithValue(libraryOpenAction, openRequest{Text: entry.Text, Lang: entry.Lang, Entity: entity})
}

// onDelete deletes a saved article.
func (p *Library) onDelete(ctx app.Context, e app.Event) {
	id := ctx.JSSrc().Get("dataset").Get("article").String()
	entry, ok := p.lib.entry(id)
	if !ok {
		return
	}
	ctx = p.lasting.or(ctx)
	p.lib.store.remove(id, func(err error) {
		ctx.Dispatch(guardDispatch("deleting a saved article", func(app.Context) {
			if err != nil {
				p.lib.note = "Could not delete the article: " + err.Error()
				return
			}
			p.lib.remove(id)
			p.lib.note = "Deleted “" + entry.Title + "”."
			p.publish(ctx)
			p.annotatePending(ctx) // the deleted one may have been under way
		}))
	})
}

// Render draws the saved articles, a button to save the one on screen,
// and the entities the saved articles share.
func (p *Library) Render() app.UI {
	l := &p.lib
	saved := p.Run.ann != nil && l.holds(p.Run.ann.Text)
	canSave := p.mounted && l.state != "unavailable" && p.Run.ann != nil && p.Run.ann.Text != "" && !saved
	saveText := "Save this article"
	if saved {
		saveText = "Saved in the library"
	}
	return app.Section().ID("library").Class("panel library").Aria("labelledby", "library-title").Body(
		app.H2().ID("library-title").Text("Library"),
		app.P().Class("hint").Text("Articles saved in this browser only. Open one to annotate it again; entities they share are linked below."),
		app.Button().ID("library-save").Type("button").Disabled(!canSave).OnClick(guardEvent("saving the article", p.onSave)).Text(saveText),
		p.libraryList(saved),
		&UnreadablePanel{},
		p.sharedEntities(),
		app.P().ID("library-status").Class("status").Aria("live", "polite").Text(l.note),
	)
}

// libraryList lists the saved articles, newest first.
func (p *Library) libraryList(saved bool) app.UI {
	l := &p.lib
	if len(l.entries) == 0 {
		if l.state == "ready" {
			return app.P().ID("library-empty").Class("hint").Text("No saved articles yet.")
		}
		return nil
	}
	listed := l.entries[:p.listPages().limit(libraryPages, len(l.entries))]
	return app.Div().Body(app.Ol().ID("library-list").Body(
		app.Range(listed).Slice(func(i int) app.UI {
			e := listed[i]
			open := saved && p.Run.ann.Text == e.Text
			return app.Li().Class("library-entry").DataSet("article", e.ID).Body(
				app.Span().Class("library-number").Aria("hidden", true).Text(i+1),
				app.Button().Type("button").Class("library-open").DataSet("article", e.ID).
					Aria("current", open).OnClick(guardEvent("opening a saved article", p.onOpen)).Body(
					app.Span().Class("library-title").Text(e.Title),
					app.Span().Class("library-meta").Text(savedWhen(e.Saved, "saved")+" · "+plural(len(strings.Fields(e.Text)), "word", "words")),
				),
				app.Button().Type("button").Class("library-delete").DataSet("article", e.ID).
					OnClick(guardEvent("deleting a saved article", p.onDelete)).Body(
					app.Text("Delete"),
					app.Span().Class("visually-hidden").Text(" “"+e.Title+"”"),
				),
			)
		}),
	), showMore(libraryPages, len(listed), len(l.entries), "saved articles", guardEvent("showing more", p.onShowMore)))
}

// sharedEntities renders the cross-article view: each entity two or more
// saved articles name, with the name and mentions it has in each (the
// article by its number in the list); a member opens its article with the
// entity highlighted.
func (p *Library) sharedEntities() app.UI {
	l := &p.lib
	if len(l.entries) < 2 {
		return nil
	}
	if len(l.pending) > 0 && len(l.shared) == 0 {
		return app.P().ID("shared-pending").Class("hint").Text(linkingNote(len(l.pending)))
	}
	if len(l.shared) == 0 {
		return app.P().ID("shared-none").Class("hint").Text("The saved articles share no named entity.")
	}
	number := make(map[string]int, len(l.entries))
	for i, e := range l.entries {
		number[e.ID] = i + 1
	}
	return app.Div().Class("shared").Body(
		app.H3().Text("Shared entities"),
		app.If(len(l.pending) > 0, app.P().ID("shared-pending").Class("hint").Text(linkingNote(len(l.pending)))),
		app.Ul().ID("shared").Body(
			app.Range(l.shared).Slice(func(i int) app.UI {
				cl := l.shared[i]
				return app.Li().Class("cluster").DataSet("cluster", cl.ID).DataSet("label", string(cl.Label)).Body(
					app.Span().Class("swatch").Aria("hidden", true),
					app.Span().Class("cluster-name").Text(cl.Name),
					app.Ul().Class("members").Body(
						app.Range(cl.Documents).Slice(func(j int) app.UI {
							m := cl.Documents[j]
							entry, _ := l.entry(m.Name)
							return app.Li().Body(
								app.Button().Type("button").Class("member").
									DataSet("article", m.Name).DataSet("entity", m.Entity).
									OnClick(guardEvent("opening a shared entity", p.onSharedEntity)).Body(
									app.Span().Class("member-article").Aria("hidden", true).Text(number[m.Name]),
									app.Span().Class("member-text").Text(m.Text),
									app.Span().Class("count").Text(m.Mentions),
									app.Span().Class("visually-hidden").Text(" "+plural(m.Mentions, "mention", "mentions")+" in “"+entry.Title+"”"),
								),
							)
						}),
					),
				)
			}),
		),
	)
}
