//go:build !wasm

package browsertest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// earlyArticle is pasted before the analyzer has loaded.
const earlyArticle = "Anna Berg, the mayor of Oslo, said on Tuesday that the harbour would reopen in May.\n\nThe Norwegian Maritime Authority agreed."

// EarlyPaste checks that the page is usable before the wasm runs: with
// app.wasm held back by the server (release lets it go), the pre-rendered
// page shows a small progress note that covers nothing, takes a paste into
// its text box, and once the program runs, annotates the pasted text,
// unchanged and still focused. appURL must be an origin no service worker
// of this browser controls yet, or app.wasm would come from its cache.
func EarlyPaste(t *testing.T, b *Browser, appURL string, release func()) {
	p := Open0(t, b, appURL)
	if Eval[bool](p, `document.body.dataset.ready === "1"`) {
		t.Fatal("the app mounted though app.wasm was held back")
	}
	note := Eval[map[string]any](p, `(() => {
		const l = document.getElementById("app-wasm-loader"), r = l ? l.getBoundingClientRect() : null;
		const t = document.getElementById("text"), tr = t.getBoundingClientRect();
		const hit = document.elementFromPoint(tr.left + tr.width / 2, tr.top + tr.height / 2);
		return {shown: !!r && r.width > 0, label: l ? l.innerText : "", area: r ? r.width * r.height : 0,
			page: innerWidth * innerHeight, textHit: hit === t, disabled: t.disabled};
	})()`)
	if note["shown"] != true || note["label"] == "" {
		t.Errorf("no loading note while app.wasm loads: %v", note)
	}
	if area, page := note["area"].(float64), note["page"].(float64); area > page/10 {
		t.Errorf("the loading note covers %.0f of the page's %.0f px²: it blocks the page", area, page)
	}
	if note["textHit"] != true || note["disabled"] == true {
		t.Errorf("the pre-rendered text box cannot be reached (disabled %v, under the pointer %v)", note["disabled"], note["textHit"])
	}

	// A paste, as the browser inserts it: one input at the caret.
	p.do(chromedp.Focus(chromedp.ID("text")), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, input.InsertText, input.InsertTextParams{Text: earlyArticle})
		return err
	}))
	if got := Eval[string](p, `document.getElementById("text").value`); got != earlyArticle {
		t.Fatalf("the pre-rendered text box holds %q after the paste", got)
	}
	if Eval[bool](p, `document.body.dataset.ready === "1"`) {
		t.Fatal("the app mounted though app.wasm was held back")
	}

	release()
	p.WaitReady()
	run := p.WaitRun(0)
	if run.State != "done" {
		t.Fatalf("the early paste's run ended %q", run.State)
	}
	if got := p.PastedText(); got != earlyArticle {
		t.Errorf("after the app started the text box holds %q, want the paste unchanged", got)
	}
	// Annotated as a paste into the box is: the view replaces the box,
	// and the focus goes with it, not to the page.
	if mode := Eval[string](p, `document.getElementById("surface").dataset.mode`); mode != "view" {
		t.Errorf("after the early paste's run the surface is in %q mode, want the view", mode)
	}
	if !Eval[bool](p, `document.activeElement === document.getElementById("view")`) {
		t.Error("the focus was lost when the view replaced the text box: " + Eval[string](p, `document.activeElement.tagName + "#" + document.activeElement.id`))
	}
	var found []string
	for _, m := range p.Marks() {
		found = append(found, m.Label+":"+strings.TrimSpace(m.Text))
	}
	for _, want := range []string{"PER:Anna Berg", "LOC:Oslo"} {
		if !slices.Contains(found, want) {
			t.Errorf("the early paste's marks %q lack %s", found, want)
		}
	}
	if Eval[bool](p, `!!document.getElementById("app-wasm-loader")`) {
		t.Error("the loading note stays once the app runs")
	}
	t.Logf("early paste: annotated once app.wasm came, %d marks", len(found))
}
