package ui

import (
	"encoding/json"
	"errors"
	"math"
	"strings"

	"annotator/analyzer"
	"annotator/app/jsval"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// EmbedOriginsEnv names the app environment variable (go-app's
// Handler.Env) holding the origins that may embed the /embed page,
// separated by spaces.
const EmbedOriginsEnv = "ANNOTATOR_EMBED_ORIGINS"

// Embed is the compact view a CMS shows in an iframe (route /embed): the
// annotated text and its legend, driven by window.postMessage. web/embed.js
// is the host page's side.
//
// The host sends {type: "annotate", id, text, lang?}; the frame answers
// {type: "annotated", id, document} (document is the analyzer's JSON
// result), or {type: "error", id, message} for a malformed message or a
// text it cannot annotate (id null when the message had none). It sends
// {type: "ready"} once it listens and {type: "resize", height} whenever its
// content's height changes. Requests are answered in order, one at a time.
//
// Only the site's own origin and those of the allowlist (EmbedOriginsEnv)
// are answered; messages from any other are ignored. Ready and resize go to
// the origin named by ?origin= in the frame's URL (embed.js sets it) when
// the allowlist has it, else to the first allowed origin that sends a
// message. Where the browser tells who frames the page
// (location.ancestorOrigins), the page gets a notice and no answers unless
// every page framing it is on the allowlist (embed_frame.go), even from a
// static host that sends no frame-ancestors. An answer to a text whose lone
// surrogates the browser replaced carries warnings (see textNotice).
//
// With ?view=status the frame shows only its status line (a host page that
// marks its own elements with embed.js's highlight needs no second copy of
// the text).
//
// For tests, #embed carries data-state (waiting, refused, working, done,
// error) and data-answered (requests answered so far).
type Embed struct {
	app.Compo

	allowed    map[string]bool
	host       string // the origin ready and resize go to
	refused    string // the origin of a framing page outside the allowlist
	statusOnly bool   // ?view=status: the status line without the text
	queue      []embedRequest
	busy       bool
	stopRun    func()
	progress   float64
	ann        *annotation
	hidden     map[analyzer.Label]bool
	err        error
	state      string
	answered   int
	lastHeight int
	release    []func()
	replaced   textNotice // of the text on screen
	fault      *fault     // the last caught at the boundary
}

// embedRequest is an annotate message waiting for its answer.
type embedRequest struct {
	id     any // as the host sent it: a string or a number
	text   string
	lang   string
	origin string
	source app.Value // the window to answer
	// replaced are the characters the browser replaced in the text.
	replaced textNotice
}

// OnMount reads the allowlist, checks who frames the page, and starts
// listening.
func (c *Embed) OnMount(ctx app.Context) {
	c.state = "waiting"
	c.release = append(c.release, setFaultSink(func(f fault) {
		ctx.Dispatch(func(app.Context) { c.fault = &f }) // not guarded: the fault sink; shown until the next answer
	}))
	location := app.Window().Get("location")
	c.allowed = map[string]bool{location.Get("origin").String(): true}
	for _, o := range strings.Fields(app.Getenv(EmbedOriginsEnv)) {
		c.allowed[o] = true
	}
	ancestors := ancestorOrigins(jsval.Of(location))
	if o := refusedAncestor(ancestors, c.allowed); o != "" {
		c.state, c.refused = "refused", o
		return
	}
	framer := ""
	if len(ancestors) > 0 {
		framer = ancestors[0]
	}
	startWorker()
	if theWorker() == nil { // the page annotates in itself
		loadNames(ctx)
	}
	named := app.Window().Get("URL").New(location.Get("href")).Get("searchParams").Call("get", "origin")
	if named.Type() == app.TypeString && c.allowed[named.String()] && (framer == "" || framer == named.String()) {
		c.host = named.String()
	}

	onMessage := guardFunc("reading a message from the page", func(_ app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		ev := jsval.Of(args[0])
		origin, _ := jsval.AsString(jsval.Field(ev, "origin"))
		if !c.allowed[origin] {
			return nil // not a word to strangers
		}
		source, _ := jsval.JS(jsval.Field(ev, "source"))
		var req embedRequest
		var err error
		if fault := jsval.Try(func() { req, err = parseEmbedMessage(jsval.Field(ev, "data")) }); fault != nil {
			report("reading a message from the page", fault)
			err = errors.New("the frame could not read this message: " + fault.Error())
		}
		req.origin, req.source = origin, source
		if err == nil {
			if text, ok := jsval.JS(jsval.Field(jsval.Field(ev, "data"), "text")); ok {
				req.replaced = loneSurrogates(text).withLines(req.text)
			}
		}
		ctx.Dispatch(guardDispatch("answering a message from the page", func(ctx app.Context) { c.receive(ctx, req, err) }))
		return nil
	})
	app.Window().Call("addEventListener", "message", onMessage)
	c.release = append(c.release, func() {
		app.Window().Call("removeEventListener", "message", onMessage)
		onMessage.Release()
	})

	onResize := guardFunc("measuring the view", func(app.Value, []app.Value) any {
		ctx.Dispatch(guardDispatch("telling the page the view's height", c.sendHeight))
		return nil
	})
	observer := app.Window().Get("ResizeObserver").New(onResize)
	observer.Call("observe", app.Window().GetElementByID("embed"))
	c.release = append(c.release, func() {
		observer.Call("disconnect")
		onResize.Release()
	})
	view := app.Window().Get("URL").New(location.Get("href")).Get("searchParams").Call("get", "view")
	c.statusOnly = view.Type() == app.TypeString && view.String() == "status"
	if c.host != "" {
		c.post(app.Window().Get("parent"), c.host, map[string]any{"type": "ready"})
	}
}

// OnDismount stops listening and any run.
func (c *Embed) OnDismount() {
	for _, f := range c.release {
		f()
	}
	c.release = nil
	if c.stopRun != nil {
		c.stopRun()
	}
}

// receive queues a request from an allowed origin, or answers a malformed
// one with an error.
func (c *Embed) receive(ctx app.Context, req embedRequest, err error) {
	if c.host == "" {
		c.host = req.origin
	}
	if err != nil {
		c.post(req.source, req.origin, map[string]any{"type": "error", "id": req.id, "message": err.Error()})
		c.answered++
		return
	}
	c.queue = append(c.queue, req)
	if !c.busy {
		c.next(ctx)
	}
}

// failRequest answers req with the fault a panic while serving it became,
// so that the host hears back; the caller counts it and moves the queue on
// (answer counts its request first thing).
func (c *Embed) failRequest(req embedRequest, where string, r any) {
	report(where, r)
	f := fault{Where: where, Err: jsval.AsError(r)}
	c.ann, c.err, c.state = nil, f.Err, "error"
	c.post(req.source, req.origin, map[string]any{"type": "error", "id": req.id, "message": f.String()})
}

// next annotates the first queued request.
func (c *Embed) next(ctx app.Context) {
	if len(c.queue) == 0 {
		c.busy = false
		return
	}
	req := c.queue[0]
	c.queue = c.queue[1:]
	c.busy, c.state, c.progress = true, "working", 0
	// A panic while serving a request answers it with an error and goes on
	// to the next: a guard alone would leave the queue waiting for ever.
	moveOn := guardDispatch("annotating the next text", c.next)
	defer func() {
		if r := recover(); r != nil {
			c.answered++
			c.failRequest(req, "annotating a text from the page", r)
			ctx.Dispatch(moveOn)
		}
	}()
	language := req.lang
	if language == "" {
		language = analyzer.LangAuto // the embed detects the language unless told
	}
	c.stopRun = runInLanguage(ctx, req.text, language, "en", true, func(app.Context, languageRun) {},
		func(ctx app.Context, p float64) { c.progress = p },
		func(ctx app.Context, out runOutcome) {
			defer ctx.Dispatch(moveOn) // not from inside next: a long queue would nest deep
			defer func() {
				if r := recover(); r != nil {
					c.failRequest(req, "answering the page", r)
				}
			}()
			c.answer(req, out)
		})
}

// answer sends a finished run's result, or its error, to whoever asked,
// and shows it.
func (c *Embed) answer(req embedRequest, out runOutcome) {
	c.answered++
	c.fault = nil
	c.replaced = req.replaced
	if out.Err != nil {
		c.ann, c.err, c.state = nil, out.Err, "error"
		c.post(req.source, req.origin, map[string]any{"type": "error", "id": req.id, "message": out.Err.Error()})
		return
	}
	doc, err := out.JSON, error(nil)
	if doc == nil { // annotated in the page
		doc, err = json.Marshal(out.Result)
	}
	if err != nil {
		c.ann, c.err, c.state = nil, err, "error"
		c.post(req.source, req.origin, map[string]any{"type": "error", "id": req.id, "message": err.Error()})
		return
	}
	c.ann, c.err, c.state = out.Annotation, nil, "done"
	msg := map[string]any{
		"type":     "annotated",
		"id":       req.id,
		"document": app.Window().Get("JSON").Call("parse", string(doc)),
	}
	if n := req.replaced; n.Count > 0 {
		at := make([]any, len(n.At))
		for i, a := range n.At {
			at[i] = a
		}
		msg["warnings"] = []any{map[string]any{"kind": "replaced-characters", "count": n.Count, "u16_offsets": at, "message": n.Message()}}
	}
	c.post(req.source, req.origin, msg)
}

// post sends a message to a window of the given origin; the browser
// delivers it only if the window still shows a page of that origin.
func (c *Embed) post(to app.Value, origin string, msg map[string]any) {
	if to == nil || !to.Truthy() {
		return
	}
	catchJS(func() { to.Call("postMessage", msg, origin) })
}

// sendHeight tells the host the height of the view when it changed.
func (c *Embed) sendHeight(ctx app.Context) {
	root := app.Window().GetElementByID("embed")
	if c.host == "" || !root.Truthy() {
		return
	}
	h := int(math.Ceil(root.Call("getBoundingClientRect").Get("bottom").Float() + app.Window().Get("scrollY").Float()))
	if h == c.lastHeight {
		return
	}
	c.lastHeight = h
	c.post(app.Window().Get("parent"), c.host, map[string]any{"type": "resize", "height": h})
}

func (c *Embed) onLegend(ctx app.Context, e app.Event) {
	c.hidden = toggleHidden(c.hidden, ctx)
}

func (c *Embed) onViewClick(ctx app.Context, e app.Event) {}

// Render draws the compact view: a status line, the legend and the text.
func (c *Embed) Render() app.UI {
	state := c.state
	if state == "" {
		state = "waiting"
	}
	var status string
	switch {
	case c.refused != "":
		status = "This page (" + c.refused + ") is not on the annotator's embed allowlist."
	case c.fault != nil:
		status = c.fault.String()
	case c.err != nil:
		status = "Could not annotate the text: " + c.err.Error() + "."
	case c.busy:
		status = "Annotating…"
	case c.ann != nil:
		status = plural(len(c.ann.Result.Entities), "entity", "entities") + " found."
	default:
		status = "Waiting for a text from the page."
	}
	view := app.Div().Class("embed-view")
	if c.ann == nil || c.statusOnly {
		view = view.Hidden(true) // never Hidden(false): go-app pre-renders it as hidden
	} else {
		view = view.Body(
			legend(c.ann, c.hidden, guardEvent("toggling a label", c.onLegend)),
			annotatedText(firstWindow(c.ann), c.hidden, "", "", guardEvent("clicking the text", c.onViewClick)),
			c.replaced.render(),
		)
	}
	return app.Main().ID("embed").Class("embed").DataSet("state", state).DataSet("answered", c.answered).Body(
		app.H1().Class("visually-hidden").Text("Annotated text"), // the page's heading, for screen readers
		app.P().ID("embed-status").Class("embed-status").Aria("live", "polite").Text(status),
		progressBar(c.busy && c.progress > 0, c.progress),
		view,
	)
}
