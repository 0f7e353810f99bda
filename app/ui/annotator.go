package ui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"annotator/analyzer"
	"annotator/analyzer/lang"
	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// debounce is how long typing must pause before the text is annotated.
const debounce = 300 * time.Millisecond

// Annotator is the page: the article surface (the text box, or the annotated
// text with its legend and selection bar) and the panels beside it.
//
// The paste area is deliberately not bound to a field: go-app trims bound
// values, so the text is read from the element when needed and never written
// back. An error therefore never loses what the user pasted.
//
// For tests and benchmarks, the root element (#annotator) carries data-state
// (idle, pending, working on a long text, done, error) and, once a run is
// on screen, data-runs, data-annotate-ms, data-render-ms, data-tokens, data-bytes and data-lang
// (the result's language, empty after an error); body gets
// data-ready="1" and data-mounted-ms when the app has mounted.
type Annotator struct {
	app.Compo

	// lang is the language menu's choice: analyzer.LangAuto (the
	// default) or a language code; fallback is the language an
	// undecidable text is read in: the last one picked in the menu,
	// English before any.
	lang, fallback string
	// loading is the language whose pack is being fetched, and how far.
	loading  languageRun
	ann      *annotation // the last successful run; nil before any or after an error
	err      error       // the last run's error
	hidden   map[analyzer.Label]bool
	selected string // id of the entity whose mentions are highlighted
	// entityFilter is the entity list's search box's text.
	entityFilter string
	mounted      bool
	// editMode is whether the surface shows the text box rather than the
	// annotated view (it always does before a text is annotated); typing
	// is whether the last edit was typed, which keeps the box on screen
	// after the run.
	editMode, typing bool
	// panel is the panel shown ("" for the first); sheetOpen whether the
	// bottom sheet is open on a narrow screen.
	panel     string
	sheetOpen bool
	textNote  textNote // the last replacement of the whole text (text_history.go)
	edits     int      // edits so far: a debounced run proceeds only if none came after it
	runs      int      // runs finished, successful or not
	state     string   // idle, pending, working, done or error
	// stripsHeld is how many of a long run's mention strips (a few hundred
	// elements each) are still held back once its result is shown: those
	// not already on screen come stripsPerTurn a render, the browser's
	// turn between renders.
	stripsHeld int
	// panelsHeld holds a long run's lists back for one render: the view
	// comes first, the lists in the next turn, so that neither render is
	// a long task of its own.
	panelsHeld bool

	current string // the mark ("m3") or quote ("q1") last jumped to
	// quoteSpeaker is the speaker whose quotes the quotes panel lists
	// (analyzer.SpeakerKey); "" for all.
	quoteSpeaker string
	// pendingSelect is an entity to highlight once the next run is done.
	pendingSelect string
	// saved is what the library holds, as the Library last told.
	saved savedArticles
	// corr keeps the user's corrections (corrections_keeper.go); mention
	// is the start of the mention last clicked in the view, -1 for none.
	corr    correctionsKeeper
	mention int
	viewSel viewSelection // text selected in the view, to add as a mention

	// A long text is annotated a chunk at a time (chunked_run.go).
	progress float64     // how far the run has got, 0 to 1
	stopRun  func()      // stops the run going on; nil when none is
	windows  textWindows // of a long text, the part the view shows (text_window.go)
	pages    pages       // how much of each long list is shown (paged_list.go)

	removeKeyListener func() // keepPictureKeys's, while mounted
	release           []func()

	faults   []fault // caught at the boundary (boundary.go), the last few
	nFaults  int     // how many so far
	replaced textNotice

	lasting lastingContext
}

// OnMount enables the paste area and signals readiness once it is rendered.
func (c *Annotator) OnMount(ctx app.Context) {
	c.mounted, c.lasting.ctx = true, ctx
	ctx.Handle(correctionAction, guardAction("correcting", c.onCorrection))
	ctx.Handle(showPanelAction, guardAction("showing a panel", c.onShowPanel))
	ctx.Handle(draftAction, guardAction("restoring your draft", c.onDraft))
	ctx.Handle(libraryOpenAction, guardAction("opening a saved article", c.onLibraryOpen))
	ctx.Handle(pickEntityAction, guardAction("selecting an entity", c.onPickEntity))
	ctx.Handle(jumpToMentionAction, guardAction("jumping to a mention", c.onJumpToMention))
	ctx.Handle(librarySavedAction, guardAction("reading the library", c.onLibrarySaved))
	ctx.Handle(keptNoteAction, guardAction("keeping the corrections", c.onKeptNote))
	c.release = append(c.release, c.listenPageKeys())
	c.release = append(c.release, setFaultSink(func(f fault) {
		ctx.Dispatch(func(app.Context) { c.addFault(f) }) // not guarded: a guard would report its own panic here again
	}))
	c.removeKeyListener = keepPictureKeys()
	// web/recovery.js asks this before handling "Clear local data" itself.
	alive := guardFunc("answering the recovery script", func(app.Value, []app.Value) any { return true })
	app.Window().Set("annotatorAlive", alive)
	c.release = append(c.release, func() { app.Window().Delete("annotatorAlive"); alive.Release() })
	takeEarlyText(ctx)
	startWorker()
	if theWorker() == nil { // the page annotates in itself
		loadNames(ctx)
	}
	mountedMs := app.Window().Get("performance").Call("now").Float()
	ctx.Defer(guardDispatch("starting", func(app.Context) {
		ds := app.Window().Get("document").Get("body").Get("dataset")
		ds.Set("mountedMs", strconv.FormatFloat(mountedMs, 'f', 1, 64))
		ds.Set("ready", "1")
	}))
}

// loadNames loads the English pack (preloaded by the page in parallel with
// the wasm) and the name tagger once the page is up, so that the first
// paste does not wait for them, and publishes how long that took
// (data-names-load-ms, data-model-load-ms for the model alone,
// data-pack-load-ms for fetching and reading the pack: make bench reports
// them) or why it failed (data-names-error).
func loadNames(ctx app.Context) {
	packs.load(ctx, "en", nil, func(p *lang.Pack, err error) {
		if err != nil {
			publishNames(ctx, analyzer.NamesLoad{}, err)
			return
		}
		ctx.Async(guardAsync("loading the names", func() {
			took, err := analyzer.LoadNames(p)
			publishNames(ctx, took, err)
		}, func(err error) { publishNames(ctx, analyzer.NamesLoad{}, err) }))
	})
}

// publishNames puts what loading the names took on the root element.
func publishNames(ctx app.Context, took analyzer.NamesLoad, err error) {
	{
		ctx.Dispatch(guardDispatch("showing the names", func(ctx app.Context) {
			ctx.Defer(guardDispatch("showing the names", func(app.Context) {
				root := app.Window().GetElementByID("annotator")
				if !root.Truthy() {
					return
				}
				if err != nil {
					root.Get("dataset").Set("namesError", err.Error())
					return
				}
				root.Get("dataset").Set("namesLoadMs", millis(took.Total()))
				root.Get("dataset").Set("modelLoadMs", millis(took.Model))
				publishPacks()
			}))
		}))
	}
}

// publishPacks lists on the root element (data-packs) the packs in and what
// each took to fetch and read: "en:12.5 es:40.1".
func publishPacks() {
	root := app.Window().GetElementByID("annotator")
	if !root.Truthy() {
		return
	}
	var loaded []string
	for _, code := range packs.codes() {
		if ms, ok := packs.loadMs[code]; ok {
			loaded = append(loaded, code+":"+strconv.FormatFloat(ms, 'f', 1, 64))
		}
	}
	root.Get("dataset").Set("packs", strings.Join(loaded, " "))
}

// maxFaults is how many faults the page lists; older ones go.
const maxFaults = 3

// addFault shows a fault caught at the boundary.
func (c *Annotator) addFault(f fault) {
	c.nFaults++
	c.faults = append(c.faults, f)
	if len(c.faults) > maxFaults {
		c.faults = c.faults[len(c.faults)-maxFaults:]
	}
}

// onDismissFaults hides the faults shown.
func (c *Annotator) onDismissFaults(ctx app.Context, e app.Event) {
	c.faults = nil
}

// OnDismount removes the page-wide key listener and stops the runs under
// way.
func (c *Annotator) OnDismount() {
	for _, f := range c.release {
		f()
	}
	c.release = nil
	if c.removeKeyListener != nil {
		c.removeKeyListener()
		c.removeKeyListener = nil
	}
	if c.stopRun != nil {
		c.stopRun()
		c.stopRun = nil
	}
	c.lasting.ctx = nil
}

// Render draws the page: skip links, the masthead, the article surface
// (the text box while editing, the annotated view once annotated) and the
// panels beside it (panels.go).
func (c *Annotator) Render() app.UI {
	state := c.state
	if state == "" {
		state = "idle"
	}
	tabs := panelTabs(c.ann, c.correctionCount(), c.saved.Count)
	return app.Main().ID("annotator").Class("annotator").DataSet("state", state).Body(
		skipLinks(tabs),
		&UpdateBanner{},
		app.Header().Class("masthead").Body(
			app.Div().Class("masthead-title").Body(
				app.H1().Text("Annotator"),
				app.P().Class("tagline").Text("People, organisations, places, dates and numbers, highlighted as you paste. Everything runs in your browser: the text never leaves this device."),
			),
			app.Div().ID(contract.SlotInstall).Class("install-slot").Body(&InstallButton{}),
		),
		app.Div().Class("layout").Body(
			c.surface(),
			panels(panelsProps{
				Tabs:      tabs,
				Active:    c.activePanel(),
				SheetOpen: c.sheetOpen,
				Bodies:    c.panelBodies(),
				Mounted:   c.mounted,
				OnTab:     guardEvent("showing a panel", c.onTab),
				OnClose:   guardEvent("closing the panel", c.onSheetClose),
			}),
		),
	)
}

// editing reports whether the surface shows the text box.
func (c *Annotator) editing() bool {
	return c.editMode || c.ann == nil || c.ann.Text == ""
}

// surface renders the article: its toolbar and notices, then the text box
// or the annotated view.
func (c *Annotator) surface() app.UI {
	editing := c.editing()
	mode := "view"
	if editing {
		mode = "edit"
	}
	annotated := c.ann != nil && c.ann.Text != ""
	return app.Section().ID(contract.Surface).Class("surface").DataSet("mode", mode).TabIndex(-1).Aria("label", "Article").Body(
		// Every control is always rendered, hidden or not: go-app matches
		// children by position, and a shifted Intake would be mounted
		// afresh, its undo steps lost.
		app.Div().Class("surface-bar").Body(
			hideIf(app.Button().ID(contract.EditText).Type("button").
				OnClick(guardEvent("editing the text", c.onEditText)).Text("Edit text"), editing),
			hideIf(app.Button().ID(contract.ShowView).Type("button").Class("primary").
				OnClick(guardEvent("showing the annotated text", c.onShowView)).Text("Show annotated"), !editing || !annotated),
			hideIf(app.Button().ID("annotate").Type("button").Class("primary").Disabled(!c.mounted).
				OnClick(guardEvent("annotating", c.onAnnotate)).Text("Annotate"), !editing),
			app.Button().ID("sample").Type("button").Disabled(!c.mounted).OnClick(guardEvent("loading the sample", c.onSample)).Text("Try a sample"),
			app.Button().ID(contract.ClearText).Type("button").Disabled(!c.mounted || c.ann == nil && !editing).
				OnClick(guardEvent("clearing the text", c.onClearText)).Text("Clear"),
			&Intake{},
		),
		c.textNote.render(guardEvent("undoing", c.onTextUndo), guardEvent("redoing", c.onTextRedo)),
		faultNotice(c.faults, c.nFaults, guardEvent("dismissing", c.onDismissFaults)),
		status(c.state, c.ann, c.err),
		c.replaced.render(),
		packProgress(c.loading),
		progressBar(c.state == "working", c.progress),
		pasteArea(pasteAreaProps{
			Hidden:  !editing,
			Enabled: c.mounted,
			OnInput: guardEvent("reading the text", c.onInput),
		}),
		hideIf(app.Div().Class("reading"), editing).Body(
			printLegend(c.ann, c.hidden, c.shownPart()),
			selectionBar(c.ann, c.selected, c.current, guardEvent("stepping through mentions", c.onMentionPrev),
				guardEvent("stepping through mentions", c.onMentionNext), guardEvent("clearing the selection", c.onSelectionClear)),
			legend(c.ann, c.hidden, guardEvent("toggling a label", c.onLegend)),
			annotatedText(c.shownPart(), c.hidden, c.selected, c.current, guardEvent("selecting a mark", c.onMarkClick)),
			moreText(c.ann, c.windows, guardEvent("showing earlier text", c.onEarlier), guardEvent("showing more of the text", c.onMore)),
		),
		&PrintReport{Run: refOf(c.ann)},
	)
}

// panelBodies are the panels' contents by name.
func (c *Annotator) panelBodies() map[string]app.UI {
	none := c.ann == nil || c.ann.Text == ""
	orEmpty := func(title, hint string, body func() app.UI) app.UI {
		if none {
			return emptyPanel(title, hint)
		}
		return body()
	}
	bodies := map[string]app.UI{
		contract.PanelEntities: app.Div().Body(
			entityList(c.ann, c.selected, c.pages, entityListProps{
				Filter:   c.entityFilter,
				OnFilter: guardEvent("filtering the entities", c.onEntityFilter),
				OnSelect: guardEvent("selecting an entity", c.onEntity),
				OnMore:   guardEvent("showing more", c.onShowMore),
			}),
			statsPanel(c.ann),
		),
		contract.PanelQuotes: quoteList(c.ann, quoteListProps{
			Current:   c.current,
			Speaker:   c.quoteSpeaker,
			OnQuote:   guardEvent("selecting a quote", c.onQuote),
			OnSpeaker: guardEvent("listing a speaker's quotes", c.onQuoteSpeaker),
			Pages:     c.pages,
			OnMore:    guardEvent("showing more", c.onShowMore),
		}),
		contract.PanelTerms: orEmpty("Key terms", "None yet: annotate an article.", func() app.UI {
			if len(c.ann.Result.Terms) == 0 && len(c.ann.Result.Phrases) == 0 {
				return emptyPanel("Key terms", "This text has no key terms.")
			}
			return app.Div().Body(keyTerms(c.ann), keyPhrases(c.ann))
		}),
		contract.PanelPictures: orEmpty("Pictures", "Annotate an article to draw its main entities.", func() app.UI {
			if len(c.ann.Main) == 0 {
				return emptyPanel("Pictures", "This text names no one and nothing to draw.")
			}
			// Drawn once shown: its strips and graph are more elements than
			// the rest of a run's page (378 ms of 963 for 1 MB of lines).
			if c.mounted && c.activePanel() != contract.PanelPictures {
				return app.Section().ID("pictures").Class("panel pictures").Body(
					app.H2().Text("Pictures"),
					app.P().Class("hint").Text("Drawn when this panel is open."),
				)
			}
			return &Pictures{Run: refOf(c.ann), Selected: c.selected, StripsHeld: c.stripsHeld}
		}),
		contract.PanelCorrections: c.correctionsPanel(),
		contract.PanelExport:      orEmpty("Export", "Annotate an article to export it.", func() app.UI { return &ExportPanel{Run: refOf(c.ann)} }),
		contract.PanelLibrary:     &Library{Run: refOf(c.ann), Corrections: c.shownCorrections()},
		contract.PanelSettings: settingsPanel(settingsProps{
			Lang:      c.menuLang(),
			AutoLabel: autoLabel(c.ann),
			Note:      c.languageNote(),
			Enabled:   c.mounted,
			OnLang:    guardEvent("changing the language", c.onLang),
		}),
	}
	if c.panelsHeld && !none {
		for _, name := range []string{contract.PanelEntities, contract.PanelQuotes, contract.PanelTerms, contract.PanelExport} {
			bodies[name] = emptyPanel(panelTitles[name], "Listing…")
		}
	}
	return bodies
}

// correctionCount is how many corrections the article on screen has.
func (c *Annotator) correctionCount() int {
	if c.ann == nil || c.ann.Result == nil {
		return 0
	}
	return len(c.ann.Result.Corrections)
}

// languageNote says which language the text on screen was read in.
func (c *Annotator) languageNote() string {
	if c.ann == nil || c.ann.Result == nil {
		return ""
	}
	return languageNote(c.ann.Result)
}

// onEditText shows the text box in place of the view.
func (c *Annotator) onEditText(ctx app.Context, e app.Event) {
	c.editMode = true
	ctx.Defer(guardDispatch("moving the focus", func(app.Context) { focusByID(textID) }))
}

// onShowView shows the annotated view in place of the text box.
func (c *Annotator) onShowView(ctx app.Context, e app.Event) {
	c.editMode, c.typing = false, false
	ctx.Defer(guardDispatch("moving the focus", func(app.Context) { focusByID("view") }))
}

// onEntityFilter narrows the entity list to the names matching the box.
func (c *Annotator) onEntityFilter(ctx app.Context, e app.Event) {
	c.entityFilter = ctx.JSSrc().Get("value").String()
}

// onInput schedules a run once typing pauses. The text is read when the
// run starts, not at every keystroke: copying a long article out of the
// page on each key would cost more than the key.
func (c *Annotator) onInput(ctx app.Context, e app.Event) {
	kind := e.Get("inputType")
	c.typing = kind.Truthy() && isTyping(kind.String()) && !boxWrites.made(e.Get("timeStamp"))
	if c.typing {
		c.textNote = textNote{} // the history is the user's again
	}
	c.tellDraftKeeper(c.lasting.or(ctx), true)
	c.annotateSoon(ctx)
}

// annotateSoon runs once no edit has come for the debounce's time.
func (c *Annotator) annotateSoon(ctx app.Context) {
	c.edits++
	edit := c.edits
	c.state = "pending"
	ctx.After(debounce, guardDispatch("annotating", func(ctx app.Context) {
		if edit == c.edits {
			c.annotate(ctx, pastedText())
		}
	}))
}

// onAnnotate runs now, cancelling a pending debounced run.
func (c *Annotator) onAnnotate(ctx app.Context, e app.Event) {
	c.edits++
	c.annotate(ctx, pastedText())
}

func (c *Annotator) onLang(ctx app.Context, e app.Event) {
	c.lang = ctx.JSSrc().Get("value").String()
	if c.lang != analyzer.LangAuto {
		c.fallback = c.lang
	}
	c.edits++
	c.annotate(ctx, pastedText())
}

// isTyping reports whether an input event's inputType is typing or
// deleting, rather than a paste, a drop or an undo: after typing the box
// stays on screen.
func isTyping(inputType string) bool {
	switch inputType {
	case "insertFromPaste", "insertFromDrop", "insertReplacementText", "historyUndo", "historyRedo", "":
		return false
	}
	return true
}

// onLegend shows or hides a label's highlights.
func (c *Annotator) onLegend(ctx app.Context, e app.Event) {
	c.hidden = toggleHidden(c.hidden, ctx)
}

// onEntity highlights all mentions of the entity, or clears the highlight if
// it is already on, and brings the first mention into view.
func (c *Annotator) onEntity(ctx app.Context, e app.Event) {
	id := ctx.JSSrc().Get("dataset").Get("entity").String()
	c.toggleEntity(id)
	if c.selected == "" {
		return
	}
	ctx.Defer(guardDispatch("scrolling", func(app.Context) { scrollToEntity(id) }))
}

// onPickEntity selects the entity a picture asks for, or clears the
// selection if it is the one selected.
func (c *Annotator) onPickEntity(ctx app.Context, a app.Action) {
	id, ok := a.Value.(string)
	if !ok {
		return
	}
	c.toggleEntity(id)
	if c.selected != "" {
		ctx.Defer(guardDispatch("scrolling", func(app.Context) { scrollToEntity(id) }))
	}
}

// scrollToEntity brings the entity's first mention into view.
func scrollToEntity(id string) {
	sel := `#view mark[data-entity="` + app.Window().Get("CSS").Call("escape", id).String() + `"]`
	if m := app.Window().Get("document").Call("querySelector", sel); m.Truthy() {
		m.Call("scrollIntoView", map[string]any{"block": "nearest"})
	}
}

// onMarkClick selects the entity of the clicked mark; the view has one
// handler for all its marks.
func (c *Annotator) onMarkClick(ctx app.Context, e app.Event) {
	if c.viewSel = readViewSelection(); c.viewSel.Words != "" {
		return // selecting words to add, not picking an entity
	}
	m := e.Get("target").Call("closest", "mark")
	if m.Truthy() {
		c.toggleEntity(m.Get("dataset").Get("entity").String())
		c.mention = markStart(m)
	}
}

func (c *Annotator) toggleEntity(id string) {
	c.current, c.mention = "", -1
	if c.selected == id {
		c.selected = ""
		return
	}
	c.selected = id
}

// annotate runs the analyzer over text, stopping any run still going: at
// once for an article, a chunk at a time with a progress bar for a long
// text (startRun).
func (c *Annotator) annotate(ctx app.Context, text string) {
	start := time.Now()
	if c.stopRun != nil {
		c.stopRun()
	}
	c.state, c.progress, c.stopRun = "working", 0, nil
	if area := app.Window().GetElementByID(textID); area.Truthy() {
		c.replaced = loneSurrogates(area.Get("value")).withLines(text)
	}
	stop := runInLanguage(c.lasting.or(ctx), text, c.menuLang(), c.fallbackLang(), false,
		func(ctx app.Context, l languageRun) {
			c.loading = l
			switch {
			case l.Loading != "":
				c.state = "loading"
			case c.state == "loading":
				c.state = "working"
			}
		},
		func(ctx app.Context, p float64) { c.progress = p },
		func(ctx app.Context, out runOutcome) {
			c.stopRun = nil
			c.show(ctx, text, start, out)
			publishPacks()
		})
	if c.state == "working" || c.state == "loading" { // a long text, going on in steps, or a pack on its way
		c.stopRun = stop
	}
}

// menuLang is the language menu's value: auto unless a language was
// picked.
func (c *Annotator) menuLang() string {
	if c.lang == "" {
		return analyzer.LangAuto
	}
	return c.lang
}

// fallbackLang is the language a text too short or mixed to tell is read
// in: the last one picked in the menu, English before any.
func (c *Annotator) fallbackLang() string {
	if c.fallback == "" {
		return "en"
	}
	return c.fallback
}

// onMore shows the next window of a long text.
func (c *Annotator) onMore(ctx app.Context, e app.Event) {
	c.windows = c.windows.more()
}

// onEarlier shows the window before those shown.
func (c *Annotator) onEarlier(ctx app.Context, e app.Event) {
	c.windows = c.windows.earlier()
}

// shownPart is the part of the text the view shows.
func (c *Annotator) shownPart() *annotation {
	start, end := c.windows.bytes(c.ann)
	return shownPart(c.ann, start, end)
}

// show puts a finished run on screen and publishes its figures on the root
// element once it is there: a long text's in a few renders, its mention
// strips coming in the later ones (showStrips).
func (c *Annotator) show(ctx app.Context, text string, start time.Time, out runOutcome) {
	doc, res, err, elapsed := out.Doc, out.Result, out.Err, out.Busy
	c.windows, c.pages = textWindows{}, nil
	c.runs++
	run := c.runs
	c.current, c.quoteSpeaker = "", ""
	c.viewSel = viewSelection{}
	tokens, lang, langSource := 0, "", ""
	strips := 0 // the mention strips on screen: they are updated in place
	if c.ann != nil {
		strips = max(len(c.ann.Main)-c.stripsHeld, 0)
	}
	// The selection follows the entity, by name and label: ids are the
	// run's own.
	followed, following := keyOf(c.ann, c.selected)
	if err != nil {
		c.ann, c.err, c.state, c.selected = nil, err, "error", ""
	} else {
		c.ann = out.Annotation
		if c.corr.base == nil || c.corr.base.Text != text {
			c.corr.note = "" // about another text
		}
		stored, inLibrary := c.storedCorrections(text)
		corrected, cres, cerr := c.corr.onRun(doc, res, doc.Lang, stored, inLibrary) // the language it was read in
		if cerr != nil {
			c.corr.note = "The corrections could not be applied: " + cerr.Error()
		}
		if corrected != doc {
			doc, res = corrected, cres
			c.ann = newAnnotation(text, res)
		}
		c.ann.Tokens, c.ann.Elapsed = out.Tokens, elapsed
		c.ann.Doc = exportable(doc)
		c.err, c.state = nil, "done"
		tokens, lang, langSource = c.ann.Tokens, res.Lang, res.LangSource
		c.selected = ""
		if following {
			c.selected = idOf(c.ann, followed)
		}
		if c.pendingSelect != "" {
			c.selected, c.pendingSelect = c.pendingSelect, ""
			id := c.selected
			ctx.Defer(guardDispatch("scrolling", func(app.Context) { scrollToEntity(id) }))
		}
		if _, ok := c.ann.Names[c.selected]; !ok {
			c.selected = ""
		}
		if strings.TrimSpace(text) == "" { // cleared: nothing to count or list
			c.ann, c.selected = nil, ""
		}
		focused := boxFocused()
		switch {
		case !focused:
			c.editMode = false // the text came from elsewhere (the sample, the library, a file, a draft): show the result
		case c.typing:
			c.editMode = true // typed into the box: it stays while the user writes
		}
		if focused && !c.editing() {
			// A paste into the box shows the view: the focus goes with it
			// rather than to the page.
			ctx.Defer(guardDispatch("moving the focus", func(app.Context) { focusByID("view") }))
		}
	}
	publish := func(ctx app.Context) {
		ctx.Defer(guardDispatch("showing the result", func(ctx app.Context) {
			c.publishRun(run, elapsed, start, tokens, len(text), lang, langSource)
			c.tellDraftKeeper(c.lasting.or(ctx), false)
		}))
	}
	c.stripsHeld, c.panelsHeld = 0, false
	if err == nil && len(text) > slicedBytes {
		c.stripsHeld = max(len(c.ann.Main)-strips, 0)
		c.panelsHeld = true
	}
	c.showPanels(ctx, run, publish)
}

// showPanels shows the lists held back from run's first render, in the
// next turn, and then its strips.
func (c *Annotator) showPanels(ctx app.Context, run int, publish func(app.Context)) {
	if !c.panelsHeld {
		c.showStrips(ctx, run, publish)
		return
	}
	ctx.After(yieldPause, guardDispatch("showing the lists", func(ctx app.Context) {
		if c.runs == run {
			c.panelsHeld = false
			c.showStrips(ctx, run, publish)
		}
	}))
}

// stripsPerTurn is how many mention strips a render adds.
const stripsPerTurn = 2

// showStrips shows the held strips of run, stripsPerTurn a render, and
// then publishes it.
func (c *Annotator) showStrips(ctx app.Context, run int, publish func(app.Context)) {
	if c.stripsHeld == 0 {
		publish(ctx)
		return
	}
	ctx.After(yieldPause, guardDispatch("showing the pictures", func(ctx app.Context) {
		if c.runs == run {
			c.stripsHeld = max(c.stripsHeld-stripsPerTurn, 0)
			c.showStrips(ctx, run, publish)
		}
	}))
}

// publishRun publishes the figures of a run shown on the root element
// (data-runs last: a test waits for it).
func (c *Annotator) publishRun(run int, elapsed time.Duration, start time.Time, tokens, bytes int, lang, langSource string) {
	root := app.Window().GetElementByID("annotator")
	if !root.Truthy() {
		return
	}
	ds := root.Get("dataset")
	ds.Set("annotateMs", millis(elapsed))
	ds.Set("renderMs", millis(time.Since(start)))
	ds.Set("tokens", strconv.Itoa(tokens))
	ds.Set("bytes", strconv.Itoa(bytes))
	ds.Set("lang", lang)
	ds.Set("langSource", langSource)
	ds.Set("runs", strconv.Itoa(run))
}

const textID = "text"

// boxFocused reports whether the user is in the text box: it stays on
// screen after the run.
func boxFocused() bool {
	box := app.Window().GetElementByID(textID)
	return box.Truthy() && box.Equal(app.Window().Get("document").Get("activeElement"))
}

// pastedText reads the paste area.
func pastedText() string {
	return app.Window().GetElementByID(textID).Get("value").String()
}

func millis(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 2, 64)
}

// errorMessage says what went wrong in the user's terms.
func errorMessage(err error) string {
	switch {
	case errors.Is(err, analyzer.ErrTooLarge):
		return "This text is too large to annotate here (" + err.Error() + "). It is still in the box above: try a shorter part."
	case errors.Is(err, analyzer.ErrInvalidUTF8), errors.Is(err, analyzer.ErrBinary):
		return "This does not look like text (" + err.Error() + "). It is still in the box above."
	}
	return "Could not annotate this text: " + err.Error() + ". It is still in the box above."
}
