package ui

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// libraryEntry is an article saved in the browser.
type libraryEntry struct {
	ID    string // articleID of the text: saving a text twice keeps one copy
	Title string
	Text  string
	Lang  string
	Saved float64 // when, in milliseconds since 1970 (JavaScript time)
	// Names are the article's named entities as JSON ([]EntityResult), as
	// the app of version Version found them: what linking needs, kept so
	// that opening the library does not annotate every article again.
	Names   string
	Version string
	// Schema is the record's layout (libraryRecordSchema); Corrections
	// the user's corrections of the article, as JSON, as stored.
	Schema      int
	Corrections string
}

// library is the articles saved in this browser and the entities they
// share. It holds the entries and their annotations; the store keeps them.
type library struct {
	store   libraryStore
	state   string // "" (not opened yet), "ready" or "unavailable"
	entries []libraryEntry
	// results are the entries' annotations by id, for linking.
	results map[string]*analyzer.Result
	// shared are the entities named in two or more saved articles; a
	// member's Name is its article's id.
	shared []analyzer.Cluster
	// version is the app's: entries stored by another version are pending
	// until annotated again in the background, then stale until stored.
	version string
	pending []string // ids
	stale   []libraryEntry
	// annotating is the id of the pending entry the Annotator is annotating
	// ("" when none), and stopAnnotating stops that run.
	annotating     string
	stopAnnotating func()
	note           string // what the last action did, for the status line
}

// articleID identifies a text: the hex of the first 16 bytes of its
// SHA-256.
func articleID(text string) string {
	lastID.Lock()
	defer lastID.Unlock()
	if text == lastID.text && lastID.id != "" {
		return lastID.id
	}
	sum := sha256.Sum256([]byte(text))
	lastID.text, lastID.id = text, hex.EncodeToString(sum[:16])
	return lastID.id
}

// lastID is the last text articleID hashed: showing a run, saving its
// draft and looking up its corrections ask for the same text's id, and a
// megabyte takes about 40 ms to hash in the wasm (a long run hashes it in
// its own slices, before it is shown).
var lastID struct {
	sync.Mutex
	text, id string
}

// maxTitle is the longest title an article gets, in characters.
const maxTitle = 90

// articleTitle is an article's first non-blank line (its headline, in a
// pasted news article), shortened to maxTitle characters.
func articleTitle(text string) string {
	for line := range strings.Lines(text) {
		if t := oneLine(titleWindow(line)); t != "" {
			return shorten(t, maxTitle)
		}
	}
	return "Untitled article"
}

// titleWindow is the start of line a title can come from: its first
// titleBytes after any leading space, cut at a character. A title is a
// page's to render each time: a text of one long line (a list, a paste
// without line breaks) cost 70 ms a render in the wasm when all of it was
// split into words.
func titleWindow(line string) string {
	line = strings.TrimLeftFunc(line, unicode.IsSpace)
	if len(line) <= titleBytes {
		return line
	}
	cut := titleBytes
	for cut > 0 && !utf8.RuneStart(line[cut]) {
		cut--
	}
	return line[:cut]
}

// titleBytes is how much of a line articleTitle reads: room for maxTitle
// characters even with runs of spaces between words.
const titleBytes = 4 << 10

// entry returns the saved article with the id.
func (l *library) entry(id string) (libraryEntry, bool) {
	for _, e := range l.entries {
		if e.ID == id {
			return e, true
		}
	}
	return libraryEntry{}, false
}

// holds reports whether the text is saved.
func (l *library) holds(text string) bool {
	for _, e := range l.entries {
		if len(e.Text) == len(text) && e.Text == text {
			return true
		}
	}
	return false
}

// set replaces the entries, newest first, and relinks them.
func (l *library) set(entries []libraryEntry) {
	l.entries = entries
	sortEntries(l.entries)
	l.link()
}

// add puts an entry first (replacing any with its id) with its annotation,
// and relinks.
func (l *library) add(e libraryEntry, res *analyzer.Result) {
	l.drop(e.ID)
	l.entries = append([]libraryEntry{e}, l.entries...)
	if res != nil {
		if l.results == nil {
			l.results = make(map[string]*analyzer.Result)
		}
		l.results[e.ID] = res
	}
	l.link()
}

// remove drops the entry with the id and relinks.
func (l *library) remove(id string) {
	l.drop(id)
	l.link()
}

func (l *library) drop(id string) {
	if id == l.annotating {
		l.stopAnnotating() // its done is never called: the next starts afresh
		l.annotating, l.stopAnnotating = "", nil
	}
	kept := l.entries[:0]
	for _, e := range l.entries {
		if e.ID != id {
			kept = append(kept, e)
		}
	}
	l.entries = kept
	delete(l.results, id)
}

// sortEntries puts the newest first, ties by id.
func sortEntries(entries []libraryEntry) {
	slices.SortFunc(entries, func(x, y libraryEntry) int {
		if c := cmp.Compare(y.Saved, x.Saved); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
}

// link finds the entities that two or more entries share
// (analyzer.LinkCorpus, as annotate -corpus does). An entry's names come
// from its annotation in this session, else from what it was stored with
// by this version of the app; an entry with neither is pending, left out
// until annotated (see annotated). An entry the analyzer refused is left out.
func (l *library) link() {
	if l.results == nil {
		l.results = make(map[string]*analyzer.Result)
	}
	l.pending = nil
	var docs []analyzer.CorpusDocument
	for _, e := range l.entries {
		res, ok := l.results[e.ID]
		if !ok {
			if res = storedNames(e, l.version); res == nil {
				l.pending = append(l.pending, e.ID)
				continue
			}
			l.results[e.ID] = res
		}
		if res != nil {
			docs = append(docs, analyzer.CorpusDocument{Name: e.ID, Result: res})
		}
	}
	l.shared = sharedClusters(docs)
}

// next returns the first pending entry and marks it under way; false when
// none is pending or one is under way.
func (l *library) next() (libraryEntry, bool) {
	if l.annotating != "" || len(l.pending) == 0 {
		return libraryEntry{}, false
	}
	e, ok := l.entry(l.pending[0])
	if ok {
		l.annotating, l.stopAnnotating = e.ID, func() {}
	}
	return e, ok
}

// annotated records a pending entry's annotation by this version of the
// app (nil when the analyzer refused its text): the entry goes to stale,
// to be stored with its names, and the library relinks.
func (l *library) annotated(id string, res *analyzer.Result) {
	if id == l.annotating {
		l.annotating, l.stopAnnotating = "", nil
	}
	i := slices.IndexFunc(l.entries, func(e libraryEntry) bool { return e.ID == id })
	if i < 0 {
		return // deleted meanwhile
	}
	l.results[id] = res
	if res != nil {
		l.entries[i] = l.entries[i].withNames(res, l.version)
		l.stale = append(l.stale, l.entries[i])
	}
	l.link()
}

// withNames returns the entry with the named entities of res, found by
// the app of the version.
func (e libraryEntry) withNames(res *analyzer.Result, version string) libraryEntry {
	var names []analyzer.EntityResult
	for _, ent := range res.Entities {
		if ent.Label.IsName() {
			names = append(names, ent)
		}
	}
	data, err := json.Marshal(names)
	if err != nil {
		return e
	}
	e.Names, e.Version = string(data), version
	return e
}

// storedNames returns the result holding the entry's stored names, nil if
// another version of the app stored them (or none did).
func storedNames(e libraryEntry, version string) *analyzer.Result {
	if e.Names == "" || e.Version != version {
		return nil
	}
	res := &analyzer.Result{Lang: e.Lang}
	if json.Unmarshal([]byte(e.Names), &res.Entities) != nil {
		return nil
	}
	return res
}

// sharedClusters returns the clusters of the documents' entities that two
// or more documents name.
func sharedClusters(docs []analyzer.CorpusDocument) []analyzer.Cluster {
	var shared []analyzer.Cluster
	for _, c := range analyzer.LinkCorpus(docs) {
		if len(c.Documents) >= 2 {
			shared = append(shared, c)
		}
	}
	return shared
}

// openLibrary loads the saved articles once the app has mounted.
func (c *Annotator) openLibrary(ctx app.Context) {
	c.library.version = app.Getenv("GOAPP_VERSION")
	c.library.store.onGone = func() {
		ctx.Dispatch(guardDispatch("closing the library", func(app.Context) {
			c.library.results, c.library.stale = nil, nil
			if c.library.stopAnnotating != nil {
				c.library.stopAnnotating()
			}
			c.library.annotating, c.library.stopAnnotating = "", nil
			c.library.set(nil)
			c.library.state = "ready"
			ctx.NewAction(forgetUnreadableAction) // deleted with it
			c.library.note = "The library was deleted from this device."
		}))
	}
	c.library.store.list(func(entries []libraryEntry, bad []*badRecord, err error) {
		ctx.Dispatch(guardDispatch("opening the library", func(app.Context) {
			if err != nil {
				c.library.state = "unavailable"
				c.library.note = "The library is unavailable: " + err.Error()
				return
			}
			c.library.state = "ready"
			c.library.set(entries)
			c.quarantineArticles(ctx, bad)
			c.adoptStoredCorrections()
			c.annotatePending(ctx)
		}))
	})
}

// quarantineArticles moves the library's unreadable records to the
// quarantine one after the other (UnreadablePanel lists each as it goes).
func (c *Annotator) quarantineArticles(ctx app.Context, bad []*badRecord) {
	if len(bad) == 0 {
		return
	}
	quarantine(bad[0], func(done func(error)) { c.library.store.removeKey(bad[0].Key, done) }, func(err error) {
		ctx.Dispatch(guardDispatch("setting aside an unreadable article", func(ctx app.Context) {
			if err != nil {
				c.library.note = "A saved article could not be read (" + bad[0].Reason + ") nor set aside: " + err.Error()
			}
			c.quarantineArticles(ctx, bad[1:])
		}))
	})
}

// annotatePending annotates again the saved articles that this version of
// the app has no names for, one at a time, a long one in steps (startRun),
// pausing between articles so that the page stays responsive; the library
// relinks after each, and stores them once all are done.
func (c *Annotator) annotatePending(ctx app.Context) {
	l := &c.library
	if l.annotating != "" {
		return
	}
	if len(l.pending) == 0 {
		c.storeStale()
		return
	}
	e, ok := l.next()
	if !ok {
		return
	}
	ctx = c.lastingCtx(ctx)
	stop := runInLanguage(ctx, e.Text, e.Lang, "en", false, func(app.Context, languageRun) {}, func(app.Context, float64) {}, func(ctx app.Context, out runOutcome) {
		if cs, err := e.articleCorrections(); err == nil && out.Err == nil && len(cs) > 0 {
			// In the pack the run used (the document's own).
			if doc, err := analyzer.ApplyCorrections(out.Doc, cs, analyzer.Options{}); err == nil {
				out.Result = doc.Result() // linked as corrected
			}
		}
		l.annotated(e.ID, out.Result)
		ctx.After(yieldPause, guardDispatch("linking saved articles", c.annotatePending))
	})
	if l.annotating == e.ID { // still running: a long text, in steps
		l.stopAnnotating = stop
	}
}

// storeStale stores again the entries annotated anew by this version of
// the app, with their names. It is a cache: a failure costs only time.
func (c *Annotator) storeStale() {
	for _, e := range c.library.stale {
		if _, kept := c.library.entry(e.ID); kept { // not deleted meanwhile
			c.library.store.put(e, func(error) {})
		}
	}
	c.library.stale = nil
}

// onLibrarySave saves the annotated article.
func (c *Annotator) onLibrarySave(ctx app.Context, e app.Event) {
	if c.ann == nil || c.ann.Text == "" {
		return
	}
	entry := libraryEntry{
		ID:    articleID(c.ann.Text),
		Title: articleTitle(c.ann.Text),
		Text:  c.ann.Text,
		Lang:  c.ann.Result.Lang,
		Saved: float64(time.Now().UnixMilli()),
	}.withNames(c.ann.Result, c.library.version).withCorrections(c.corr.corrections(c.ann.Text))
	res := c.ann.Result
	c.library.note = "Saving…"
	ctx = c.lastingCtx(ctx)
	c.library.store.put(entry, func(err error) {
		ctx.Dispatch(guardDispatch("saving the article", func(app.Context) {
			if err != nil {
				c.library.note = "Could not save the article: " + err.Error()
				return
			}
			c.library.state = "ready"
			c.library.add(entry, res)
			c.library.note = "Saved “" + entry.Title + "”."
		}))
	})
}

// onLibraryOpen puts a saved article in the text area and annotates it.
func (c *Annotator) onLibraryOpen(ctx app.Context, e app.Event) {
	c.openArticle(ctx, ctx.JSSrc().Get("dataset").Get("article").String(), "")
}

// onSharedEntity opens the article a shared entity was found in and
// highlights the entity there.
func (c *Annotator) onSharedEntity(ctx app.Context, e app.Event) {
	ds := ctx.JSSrc().Get("dataset")
	c.openArticle(ctx, ds.Get("article").String(), ds.Get("entity").String())
}

// openArticle shows the saved article with the id (unless it is on screen
// already) and then highlights the entity, if one is given.
func (c *Annotator) openArticle(ctx app.Context, id, entity string) {
	entry, ok := c.library.entry(id)
	if !ok {
		return
	}
	if c.ann == nil || c.ann.Text != entry.Text {
		// The entity is highlighted once the run is done (Annotator.show).
		app.Window().GetElementByID(textID).Set("value", entry.Text)
		c.lang = entry.Lang
		c.edits++
		c.selected, c.pendingSelect = "", entity
		c.annotate(ctx, entry.Text)
		c.library.note = "Opened “" + entry.Title + "”."
		return
	}
	if entity != "" {
		c.selectEntity(entity)
		ctx.Defer(guardDispatch("scrolling", func(app.Context) { scrollToEntity(entity) }))
	}
}

// selectEntity highlights the entity's mentions if the article has it.
func (c *Annotator) selectEntity(id string) {
	if _, ok := c.ann.entity(id); ok {
		c.selected, c.current = id, ""
	}
}

// onLibraryDelete deletes a saved article.
func (c *Annotator) onLibraryDelete(ctx app.Context, e app.Event) {
	id := ctx.JSSrc().Get("dataset").Get("article").String()
	entry, ok := c.library.entry(id)
	if !ok {
		return
	}
	ctx = c.lastingCtx(ctx)
	c.library.store.remove(id, func(err error) {
		ctx.Dispatch(guardDispatch("deleting a saved article", func(app.Context) {
			if err != nil {
				c.library.note = "Could not delete the article: " + err.Error()
				return
			}
			c.library.remove(id)
			c.library.note = "Deleted “" + entry.Title + "”."
			c.annotatePending(ctx) // the deleted one may have been under way
		}))
	})
}

// libraryPanel renders the saved articles, a button to save the one on
// screen, and the entities the saved articles share.
func (c *Annotator) libraryPanel() app.UI {
	l := &c.library
	saved := c.ann != nil && l.holds(c.ann.Text)
	canSave := c.mounted && l.state != "unavailable" && c.ann != nil && c.ann.Text != "" && !saved
	saveText := "Save this article"
	if saved {
		saveText = "Saved in the library"
	}
	return app.Section().ID("library").Class("panel library").Aria("labelledby", "library-title").Body(
		app.H2().ID("library-title").Text("Library"),
		app.P().Class("hint").Text("Articles saved in this browser only. Open one to annotate it again; entities they share are linked below."),
		app.Button().ID("library-save").Type("button").Disabled(!canSave).OnClick(guardEvent("saving the article", c.onLibrarySave)).Text(saveText),
		c.libraryList(saved),
		&UnreadablePanel{},
		c.sharedEntities(),
		app.P().ID("library-status").Class("status").Aria("live", "polite").Text(l.note),
	)
}

// libraryList lists the saved articles, newest first.
func (c *Annotator) libraryList(saved bool) app.UI {
	l := &c.library
	if len(l.entries) == 0 {
		if l.state == "ready" {
			return app.P().ID("library-empty").Class("hint").Text("No saved articles yet.")
		}
		return nil
	}
	listed := l.entries[:c.pages.limit(libraryPages, len(l.entries))]
	return app.Div().Body(app.Ol().ID("library-list").Body(
		app.Range(listed).Slice(func(i int) app.UI {
			e := listed[i]
			open := saved && c.ann.Text == e.Text
			return app.Li().Class("library-entry").DataSet("article", e.ID).Body(
				app.Span().Class("library-number").Aria("hidden", true).Text(i+1),
				app.Button().Type("button").Class("library-open").DataSet("article", e.ID).
					Aria("current", open).OnClick(guardEvent("opening a saved article", c.onLibraryOpen)).Body(
					app.Span().Class("library-title").Text(e.Title),
					app.Span().Class("library-meta").Text(savedWhen(e.Saved, "saved")+" · "+plural(len(strings.Fields(e.Text)), "word", "words")),
				),
				app.Button().Type("button").Class("library-delete").DataSet("article", e.ID).
					OnClick(guardEvent("deleting a saved article", c.onLibraryDelete)).Body(
					app.Text("Delete"),
					app.Span().Class("visually-hidden").Text(" “"+e.Title+"”"),
				),
			)
		}),
	), showMore(libraryPages, len(listed), len(l.entries), "saved articles", guardEvent("showing more", c.onShowMore)))
}

// savedWhen writes a time in the browser's time zone after a verb:
// "saved 1 Dec 2026 10:57".
func savedWhen(ms float64, verb string) string {
	if ms <= 0 || ms > maxDateMs {
		return verb
	}
	return verb + " " + time.UnixMilli(int64(ms)).Local().Format("2 Jan 2006 15:04")
}

// linkingNote says that n saved articles are still being annotated for
// linking.
func linkingNote(n int) string {
	return "Linking… " + plural(n, "saved article", "saved articles") + " still to annotate with this version of the app."
}

// sharedEntities renders the cross-article view: each entity two or more
// saved articles name, with the name and mentions it has in each (the
// article by its number in the list); a member opens its article with the
// entity highlighted.
func (c *Annotator) sharedEntities() app.UI {
	l := &c.library
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
									OnClick(guardEvent("opening a shared entity", c.onSharedEntity)).Body(
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
