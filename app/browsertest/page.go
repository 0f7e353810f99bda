//go:build !wasm

package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"

	"annotator/app/contract"

	"github.com/chromedp/chromedp"
)

// timeout bounds each step of a test in the page. A cold load on a busy
// 2-core machine compiles 10 MB of wasm; annotating a large text takes a
// few seconds.
const timeout = 90 * time.Second

// Page is the annotator open in the browser's tab.
type Page struct {
	tb  testing.TB
	ctx context.Context
	// media and scheme are the emulated media type and colour scheme
	// (Media, ColorScheme): "" for the browser's own.
	media, scheme string
}

// Open navigates the browser's tab to url and waits until the app has
// mounted (body[data-ready="1"], set from the root component's OnMount).
func Open(tb testing.TB, b *Browser, url string) *Page {
	tb.Helper()
	p := &Page{tb: tb, ctx: b.ctx}
	p.do(chromedp.Navigate(url))
	p.WaitReady()
	return p
}

// OpenSettled opens the app and waits until it is idle: mounted, its name
// model loaded (or failed), and the draft the tests before left, if any,
// restored and annotated, so that a run waited for next is the caller's.
func OpenSettled(tb testing.TB, b *Browser, url string) *Page {
	tb.Helper()
	p := Open(tb, b, url)
	Poll[bool](p, `(() => { const d = document.getElementById("annotator").dataset; return d.namesLoadMs !== undefined || d.namesError !== undefined; })()`)
	p.WaitDraft()
	if p.PastedText() != "" {
		p.WaitRun(0)
	}
	return p
}

// WaitReady waits until the app in the page has mounted.
func (p *Page) WaitReady() {
	p.tb.Helper()
	p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[bool](`document.body && document.body.dataset.ready === "1"`, chromedp.WithPollingTimeout(timeout))(ctx, t)
		return err
	}))
}

// Context returns the tab's chromedp context.
func (p *Page) Context() context.Context { return p.ctx }

// do runs actions in the tab, failing the test on error.
func (p *Page) do(actions ...chromedp.Action[chromedp.Void]) {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		p.tb.Fatal(err)
	}
}

// Eval evaluates a JavaScript expression in the page and decodes its value
// into T.
func Eval[T any](p *Page, expr string) T {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		p.tb.Fatalf("evaluate %.200s: %v", expr, err)
	}
	return v
}

// Await evaluates a JavaScript expression whose value is a promise, and
// decodes what the promise resolves to into T.
func Await[T any](p *Page, expr string) T {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.tb.Fatalf("evaluate %.200s: %v", expr, err)
	}
	return v
}

// Poll waits until a JavaScript expression is truthy and returns its value.
func Poll[T any](p *Page, expr string) T {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, timeout+5*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Poll[T](expr, chromedp.WithPollingTimeout(timeout)))
	if err != nil {
		p.tb.Fatalf("wait for %.200s: %v", expr, err)
	}
	return v
}

// Run is what the root element says about the last run of the analyzer.
type Run struct {
	Runs       int     // runs finished so far
	State      string  // done or error
	AnnotateMs float64 // analyzer time inside the wasm: Annotate plus Result
	RenderMs   float64 // from the start of the run until the page was updated
	Tokens     int
	Bytes      int
	Lang       string // the result's language
}

// Runs returns how many runs the page has finished.
func (p *Page) Runs() int {
	p.tb.Helper()
	return Eval[int](p, `Number(document.getElementById("annotator").dataset.runs || 0)`)
}

// WaitRun waits for a run after the first `after` runs to be on screen.
func (p *Page) WaitRun(after int) Run {
	p.tb.Helper()
	ds := Poll[map[string]string](p, fmt.Sprintf(`(() => {
		const r = document.getElementById("annotator");
		if (!r || Number(r.dataset.runs || 0) <= %d || r.dataset.state === "pending") return null;
		return Object.assign({}, r.dataset);
	})()`, after))
	num := func(k string) float64 {
		v, _ := strconv.ParseFloat(ds[k], 64)
		return v
	}
	return Run{
		Runs:       int(num("runs")),
		State:      ds["state"],
		AnnotateMs: num("annotateMs"),
		RenderMs:   num("renderMs"),
		Tokens:     int(num("tokens")),
		Bytes:      int(num("bytes")),
		Lang:       ds["lang"],
	}
}

// ChooseLanguage picks code in the language menu (under Settings) as a
// user does, and returns the run that follows.
func (p *Page) ChooseLanguage(code string) Run {
	p.tb.Helper()
	before := p.Runs()
	if !Eval[bool](p, `(() => { const s = document.getElementById("lang"); s.value = `+strconv.Quote(code)+`; s.dispatchEvent(new Event("change", {bubbles: true})); return s.value === `+strconv.Quote(code)+`; })()`) {
		p.tb.Fatalf("the language menu does not offer %q", code)
	}
	return p.WaitRun(before)
}

// Paste puts text in the paste area as a paste does (one input event),
// waits for the debounced run, and returns it with the text as the text
// area holds it (a textarea turns CRLF into LF).
func (p *Page) Paste(text string) (Run, string) {
	p.tb.Helper()
	before := p.Runs()
	js, _ := json.Marshal(text)
	Eval[int](p, fmt.Sprintf(`(() => {
		const t = document.getElementById("text");
		t.value = %s;
		t.dispatchEvent(new Event("input", {bubbles: true}));
		return t.value.length;
	})()`, js))
	run := p.WaitRun(before)
	return run, p.PastedText()
}

// PastedText returns what the paste area holds.
func (p *Page) PastedText() string {
	p.tb.Helper()
	return Eval[string](p, `document.getElementById("text").value`)
}

// ClickAnnotate presses the Annotate button and waits for the run. The
// button is on the text box's bar, so the view is turned back into the
// text box first ("Edit text") when it shows.
func (p *Page) ClickAnnotate() Run {
	p.tb.Helper()
	before := p.Runs()
	if Eval[bool](p, `document.getElementById("annotate").hidden`) {
		p.Click("#" + contract.EditText)
	}
	p.Click("#annotate")
	return p.WaitRun(before)
}

// ShownMark is a <mark> of the annotated view.
type ShownMark struct {
	Label    string `json:"label"`
	Entity   string `json:"entity"`
	Text     string `json:"text"`
	Selected bool   `json:"selected"`
	Shown    bool   `json:"shown"` // has a highlight colour
}

// Marks returns the view's marks in document order.
func (p *Page) Marks() []ShownMark {
	p.tb.Helper()
	return Eval[[]ShownMark](p, `Array.from(document.querySelectorAll("#view mark")).map(m => ({
		label: m.dataset.label,
		entity: m.dataset.entity,
		text: m.textContent,
		selected: m.classList.contains("selected"),
		shown: getComputedStyle(m).backgroundColor !== "rgba(0, 0, 0, 0)",
	}))`)
}

// ViewText returns the annotated view's text content.
func (p *Page) ViewText() string {
	p.tb.Helper()
	return Eval[string](p, `document.getElementById("view").textContent`)
}

// ListedEntity is an entity button of the sidebar.
type ListedEntity struct {
	Entity  string `json:"entity"`
	Label   string `json:"label"`
	Group   string `json:"group"` // label of the group it is listed under
	Name    string `json:"name"`
	Count   int    `json:"count"`
	Pressed string `json:"pressed"`
}

// Entities returns the sidebar's entity list in order.
func (p *Page) Entities() []ListedEntity {
	p.tb.Helper()
	return Eval[[]ListedEntity](p, `Array.from(document.querySelectorAll("#entities button.entity")).map(b => ({
		entity: b.dataset.entity,
		label: b.dataset.label,
		group: b.closest(".group").dataset.label,
		name: b.querySelector(".entity-name").textContent,
		count: Number(b.querySelector(".count").textContent),
		pressed: b.getAttribute("aria-pressed"),
	}))`)
}

// Click clicks the element the CSS selector matches, first opening its
// panel or the surface's mode that shows it, as a user would (Reveal).
func (p *Page) Click(sel string) {
	p.tb.Helper()
	p.Reveal(sel)
	p.do(chromedp.Click(chromedp.CSS(sel)))
}

// Press focuses the element and types keys on it (" " for Space, "\r" for
// Enter).
func (p *Page) Press(sel, keys string) {
	p.tb.Helper()
	p.Reveal(sel)
	p.do(chromedp.Focus(chromedp.CSS(sel)), chromedp.KeyEvent(keys))
}

// Type focuses the element and types text into it key by key.
func (p *Page) Type(sel, text string) {
	p.tb.Helper()
	p.Reveal(sel)
	p.do(chromedp.SendKeys(chromedp.CSS(sel), text))
}

// Reveal brings the element the CSS selector matches on screen as a user
// would: it clicks the tab of the panel holding it, or the surface's Edit
// text or Show annotated button, and waits until nothing hides it. An
// element that is not in the page is left for the caller to wait for.
func (p *Page) Reveal(sel string) {
	p.tb.Helper()
	js, _ := json.Marshal(sel)
	Poll[bool](p, fmt.Sprintf(`(() => {
		const el = document.querySelector(%s);
		if (!el) return true;
		const once = (button) => {
			if (button && !(window.revealAt > Date.now() - 500)) { window.revealAt = Date.now(); button.click(); }
			return false;
		};
		const panel = el.closest("[role=tabpanel]");
		if (panel) {
			const closed = !!el.closest("#%s[data-sheet=closed]") && getComputedStyle(panel).display === "none";
			return panel.hidden || closed ? once(document.getElementById("%s" + panel.id.slice(%d))) : true;
		}
		if (el.closest("#%s") && el.closest("[hidden]")) {
			return once([document.getElementById("%s"), document.getElementById("%s")].find((b) => b && !b.hidden));
		}
		return true;
	})()`, js, contract.PanelsRoot, contract.TabPrefix, len(contract.PanelPrefix), contract.Surface, contract.EditText, contract.ShowView))
}

// Viewport sets the page's viewport size in CSS pixels.
func (p *Page) Viewport(width, height int64) {
	p.tb.Helper()
	p.do(chromedp.EmulateViewport(width, height))
}
