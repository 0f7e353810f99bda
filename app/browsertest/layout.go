//go:build !wasm

package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"annotator/app/contract"
	"annotator/app/ui"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// layoutPage is the page's layout and navigation: the article surface,
// the panels, the skip links and the selection bar.
type layoutPage struct{ *Page }

// box is an element's place in the viewport, and the page's scroll.
type box struct {
	Top     float64 `json:"top"`
	Bottom  float64 `json:"bottom"`
	Shown   bool    `json:"shown"` // displayed, with a size
	ScrollY float64 `json:"scrollY"`
}

// box returns where the element the selector matches is.
func (p layoutPage) box(sel string) box {
	p.tb.Helper()
	js, _ := json.Marshal(sel)
	return Eval[box](p.Page, fmt.Sprintf(`(() => {
		const e = document.querySelector(%s);
		if (!e) return {top: -1, bottom: -1, shown: false, scrollY: scrollY};
		const r = e.getBoundingClientRect();
		return {top: r.top, bottom: r.bottom, shown: r.width > 0 && r.height > 0, scrollY: scrollY};
	})()`, js))
}

// overflow returns by how many pixels the page is wider than its viewport.
func (p layoutPage) overflow() float64 {
	p.tb.Helper()
	return Eval[float64](p.Page, `document.documentElement.scrollWidth - document.documentElement.clientWidth`)
}

// showPanel clicks the panel's tab and waits for its panel to show.
func (p layoutPage) showPanel(name string) {
	p.tb.Helper()
	if Eval[string](p.Page, `document.getElementById("`+contract.TabPrefix+name+`").getAttribute("aria-selected")`) != "true" ||
		Eval[string](p.Page, `document.getElementById("`+contract.PanelsRoot+`").dataset.sheet`) != "open" {
		p.Click("#" + contract.TabPrefix + name)
	}
	Poll[bool](p.Page, `(() => { const e = document.getElementById("`+contract.PanelPrefix+name+`"); return !e.hidden && e.getBoundingClientRect().height > 0; })()`)
}

// heading is the panel's first heading.
func panelHeading(name string) string {
	return "#" + contract.PanelPrefix + name + " h2"
}

// selectedEntity is the entity whose button is pressed: its name and label
// ("" when none is).
func (p layoutPage) selectedEntity() (name, label string) {
	p.tb.Helper()
	r := Eval[[]string](p.Page, `(() => {
		const b = document.querySelector('#entities button.entity[aria-pressed="true"]');
		return b ? [b.querySelector(".entity-name").textContent, b.dataset.label] : ["", ""];
	})()`)
	return r[0], r[1]
}

// selectByName clicks the listed entity with the name.
func (p layoutPage) selectByName(name string) {
	p.tb.Helper()
	p.showPanel(contract.PanelEntities)
	js, _ := json.Marshal(name)
	id := Eval[string](p.Page, fmt.Sprintf(`(() => {
		const b = Array.from(document.querySelectorAll("#entities button.entity")).find(b => b.querySelector(".entity-name").textContent === %s);
		return b ? b.dataset.entity : "";
	})()`, js))
	if id == "" {
		p.tb.Fatalf("no entity %q is listed", name)
	}
	p.Click(entityButton(id))
	Poll[bool](p.Page, `!!document.querySelector('`+entityButton(id)+`[aria-pressed="true"]')`)
}

// mentionCount is the selection bar's "n of m": its index (0 before a
// mention is current) and total.
func (p layoutPage) mentionCount() (index, total int, text string) {
	p.tb.Helper()
	r := Eval[map[string]string](p.Page, `(() => {
		const c = document.getElementById("`+contract.MentionCount+`");
		return c ? {index: c.dataset.index, total: c.dataset.total, text: c.textContent} : {};
	})()`)
	fmt.Sscan(r["index"], &index)
	fmt.Sscan(r["total"], &total)
	return index, total, r["text"]
}

// waitMention waits for the selection bar to say "index of total", with
// the current mark one of the selected entity's.
func (p layoutPage) waitMention(index int) {
	p.tb.Helper()
	Poll[bool](p.Page, fmt.Sprintf(`(() => {
		const c = document.getElementById("%s"), cur = document.querySelector("#view mark#current");
		const bar = document.getElementById("%s");
		return !!c && c.dataset.index === "%d" && !!cur && cur.dataset.entity === bar.dataset.entity;
	})()`, contract.MentionCount, contract.Selection, index))
}

// key sends a key to the page's focused element.
func (p layoutPage) key(k string) {
	p.tb.Helper()
	p.do(chromedp.KeyEvent(k))
}

// activeElement describes the focused element: "tag#id[data-skip]".
func (p layoutPage) activeElement() string {
	p.tb.Helper()
	return Eval[string](p.Page, `(() => {
		const e = document.activeElement;
		if (!e) return "";
		return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.dataset && e.dataset.skip ? "[" + e.dataset.skip + "]" : "");
	})()`)
}

// waitDraft waits until the draft saved on the device is text.
func (p layoutPage) waitDraft(text string) {
	p.tb.Helper()
	js, _ := json.Marshal(text)
	for i := 0; ; i++ {
		got := Await[string](p.Page, `new Promise((resolve) => {
			const open = indexedDB.open("annotator-drafts");
			open.onerror = () => resolve("\u0000error");
			open.onsuccess = () => {
				const db = open.result;
				if (!db.objectStoreNames.contains("drafts")) { db.close(); resolve("\u0000none"); return; }
				const get = db.transaction("drafts").objectStore("drafts").get("current");
				get.onsuccess = () => { db.close(); resolve(get.result ? String(get.result.text) : "\u0000none"); };
				get.onerror = () => { db.close(); resolve("\u0000error"); };
			};
		})`)
		if got == text {
			return
		}
		if i == 100 {
			p.tb.Fatalf("the saved draft is %.60q..., want %.60s...", got, js)
		}
		Eval[bool](p.Page, `new Promise((r) => setTimeout(() => r(true), 100))`)
	}
}

// draftAfterReload returns the text the page puts back after a reload.
func (p layoutPage) draftAfterReload() string {
	p.tb.Helper()
	p.Reload()
	return Poll[string](p.Page, `(() => { const t = document.getElementById("text"); return t.value !== "" && t.value; })()`)
}

// mostMentioned returns the name of the listed entity with the most
// mentions.
func (p layoutPage) mostMentioned() string {
	p.tb.Helper()
	best := ListedEntity{}
	for _, e := range p.Entities() {
		if e.Count > best.Count {
			best = e
		}
	}
	if best.Count < 2 {
		p.tb.Fatalf("no entity has two mentions: %v", p.Entities())
	}
	return best.Name
}

// layoutStep is one step of the layout scenario, on the page the step
// before left.
type layoutStep struct {
	name string
	do   func(t *testing.T, p layoutPage)
}

// Layout checks the page's layout and navigation as a user meets them: the
// article at the top and every panel one click away without scrolling at
// 1440×900; the article first and the panels in a bottom sheet at 390×844,
// no horizontal scrolling at either; skip links and the Tab presses to each
// panel; the selection kept on the same entity (by name and label) across
// runs; next and previous mention, the keys in the view, Escape; the entity
// search; the sample and Clear undone, box and draft.
func Layout(t *testing.T, b *Browser, appURL string) {
	p := layoutPage{OpenSettled(t, b, appURL)}
	first := readInvented(t, "testdata/harbour-talks.txt")
	second := readInvented(t, "testdata/harbour-deal.txt")
	defer p.Viewport(1440, 900)
	steps := []layoutStep{
		{"the article is at the top, every panel beside it at 1440×900", func(t *testing.T, p layoutPage) {
			p.Viewport(1440, 900)
			if run, _ := p.Paste(first); run.State != "done" {
				t.Fatalf("state %q after the paste", run.State)
			}
			Eval[bool](p.Page, `(window.scrollTo(0, 0), true)`)
			surface, view := p.box("#"+contract.Surface), p.box("#view")
			if surface.Top > 200 || view.Top > 200 || !view.Shown {
				t.Errorf("the article surface starts at y=%.0f and the annotated text at y=%.0f (shown %v), want both above 200", surface.Top, view.Top, view.Shown)
			}
			if p.box("#text").Shown {
				t.Error("the text box shows above the annotated view: the text is on screen twice")
			}
			var ys []string
			for _, name := range contract.Panels {
				p.showPanel(name)
				h := p.box(panelHeading(name))
				if !h.Shown || h.Top < 0 || h.Bottom > 900 || h.ScrollY != 0 {
					t.Errorf("panel %s: heading at y=%.0f–%.0f (shown %v) with the page scrolled by %.0f, want on screen unscrolled", name, h.Top, h.Bottom, h.Shown, h.ScrollY)
				}
				ys = append(ys, fmt.Sprintf("%s %.0f", name, h.Top))
			}
			if o := p.overflow(); o > 0 {
				t.Errorf("the page is %.0f px wider than the viewport", o)
			}
			t.Logf("1440×900: surface top %.0f, annotated text top %.0f; panel headings at %s", surface.Top, view.Top, strings.Join(ys, ", "))
			p.showPanel(contract.PanelEntities)
		}},
		{"the article comes first at 390×844, the panels in a bottom sheet", func(t *testing.T, p layoutPage) {
			p.Viewport(390, 844)
			defer p.Viewport(1440, 900)
			Eval[bool](p.Page, `(window.scrollTo(0, 0), true)`)
			if p.Eval(`document.getElementById("`+contract.PanelsRoot+`").dataset.sheet`) == "open" {
				p.Click("#" + contract.SheetClose)
				Poll[bool](p.Page, `document.getElementById("`+contract.PanelsRoot+`").dataset.sheet === "closed"`)
			}
			surface, view := p.box("#"+contract.Surface), p.box("#view")
			tabs := p.box("#" + contract.PanelTabs)
			if surface.Top > 120 || view.Top > 844/3 {
				t.Errorf("the article surface starts at y=%.0f and the annotated text at y=%.0f, want above 120 and in the screen's upper third", surface.Top, view.Top)
			}
			// The toolbar and the legend keep to one row each.
			if rows := Eval[int](p.Page, `new Set([...document.querySelectorAll(".surface-bar button")].filter(b => b.offsetParent).map(b => Math.round(b.getBoundingClientRect().top))).size`); rows != 1 {
				t.Errorf("the toolbar's buttons are on %d rows, want 1", rows)
			}
			if rows := Eval[int](p.Page, `new Set([...document.querySelectorAll(".reading .legend-item")].filter(b => b.getClientRects().length).map(b => Math.round(b.getBoundingClientRect().top))).size`); rows != 1 {
				t.Errorf("the legend is on %d rows, want 1", rows)
			}
			if !tabs.Shown || tabs.Bottom > 844 || tabs.Top < 844-120 {
				t.Errorf("the panels' tabs are at y=%.0f–%.0f, want at the foot of the screen", tabs.Top, tabs.Bottom)
			}
			if o := p.overflow(); o > 0 {
				t.Errorf("the page is %.0f px wider than the viewport", o)
			}
			// Selecting an entity in the sheet moves the article to its
			// mention, not the page by thousands of pixels.
			before := p.box("#view").ScrollY
			p.showPanel(contract.PanelEntities)
			p.Click("#entities button.entity")
			Poll[bool](p.Page, `!!document.querySelector('#entities button.entity[aria-pressed="true"]')`)
			after := p.box("#view").ScrollY
			if math.Abs(after-before) > 844 {
				t.Errorf("selecting an entity scrolled the page by %.0f px", after-before)
			}
			// The selection bar is one row: name, count and its buttons.
			if bar := p.box("#" + contract.Selection); !bar.Shown || bar.Bottom-bar.Top > 64 {
				t.Errorf("the selection bar is %.0f px high (shown %v), want one row", bar.Bottom-bar.Top, bar.Shown)
			}
			heading := p.box(panelHeading(contract.PanelEntities))
			t.Logf("390×844: surface top %.0f, annotated text top %.0f, tabs at %.0f, entities heading at %.0f; selecting an entity scrolled %.0f px", surface.Top, view.Top, tabs.Top, heading.Top, after-before)
			p.Click("#" + contract.SelectionClear)
		}},
		{"skip links reach the article and every panel in at most 10 Tab presses", func(t *testing.T, p layoutPage) {
			p.Reload()
			p.WaitRun(0)
			targets := append([]string{contract.SkipArticle}, contract.Panels...)
			var counts []string
			for _, name := range targets {
				// A click on the page's top corner, where nothing is
				// focusable, starts the Tab order from the top.
				Eval[bool](p.Page, `(document.activeElement && document.activeElement.blur(), window.scrollTo(0, 0), true)`)
				p.do(chromedp.MouseClickXY(2, 2))
				presses := 0
				for presses < 12 {
					p.key(kb.Tab)
					presses++
					if strings.HasSuffix(p.activeElement(), "["+name+"]") {
						break
					}
				}
				p.key(kb.Enter)
				want := "#" + contract.PanelPrefix + name
				if name == contract.SkipArticle {
					want = "#view"
				}
				Poll[bool](p.Page, `(() => { const e = document.activeElement; return !!e && !!e.closest("`+want+`"); })()`)
				presses++ // Enter
				if presses > 10 {
					t.Errorf("%d key presses to reach %s, want at most 10", presses, name)
				}
				counts = append(counts, fmt.Sprintf("%s %d", name, presses))
			}
			t.Logf("key presses from the top of the page (Tabs, then Enter on the skip link): %s", strings.Join(counts, ", "))
			if name, _ := p.selectedEntity(); name != "" {
				p.Click("#" + contract.SelectionClear)
			}
		}},
		{"the tabs move with the arrow keys", func(t *testing.T, p layoutPage) {
			p.showPanel(contract.PanelEntities)
			p.Focus("#" + contract.TabPrefix + contract.PanelEntities)
			p.key(kb.ArrowRight)
			Poll[bool](p.Page, `document.activeElement.id === "`+contract.TabPrefix+contract.PanelQuotes+`" && !document.getElementById("`+contract.PanelPrefix+contract.PanelQuotes+`").hidden`)
			p.key(kb.End)
			Poll[bool](p.Page, `document.activeElement.id === "`+contract.TabPrefix+contract.PanelSettings+`"`)
			p.key(kb.Home)
			Poll[bool](p.Page, `document.activeElement.id === "`+contract.TabPrefix+contract.PanelEntities+`"`)
		}},
		{"the selection stays on the same entity when text is typed at the start", func(t *testing.T, p layoutPage) {
			p.selectByName(p.mostMentioned())
			name, label := p.selectedEntity()
			// A sentence at the start gives every entity a new id.
			if run, _ := p.Paste("The Mayor of Lisbon and Oslo Harbour Board spoke on Monday. " + first); run.State != "done" {
				t.Fatalf("state %q after the edit", run.State)
			}
			if n, l := p.selectedEntity(); n != name || l != label {
				t.Errorf("selected %q (%s) before the edit, %q (%s) after", name, label, n, l)
			}
			id := p.Eval(`(document.querySelector('#entities button.entity[aria-pressed="true"]') || {dataset: {}}).dataset.entity || ""`)
			selected := 0
			for _, m := range p.Marks() {
				if m.Selected {
					selected++
					if m.Entity != id {
						t.Errorf("the mark %q of entity %s is highlighted, %s (%s) is selected", m.Text, m.Entity, name, id)
					}
				}
			}
			if selected == 0 {
				t.Errorf("no mark of %s is highlighted after the edit", name)
			}
		}},
		{"the selection is cleared or kept by name when another article is pasted", func(t *testing.T, p layoutPage) {
			name, label := p.selectedEntity()
			if run, _ := p.Paste(second); run.State != "done" {
				t.Fatalf("state %q after the paste", run.State)
			}
			if n, l := p.selectedEntity(); n != "" && (n != name || l != label) {
				t.Errorf("selected %q (%s), then another article pasted: %q (%s) is selected", name, label, n, l)
			}
			if run, _ := p.Paste(first); run.State != "done" {
				t.Fatalf("state %q after the paste", run.State)
			}
		}},
		{"next and previous mention, counted", func(t *testing.T, p layoutPage) {
			name := p.mostMentioned()
			p.selectByName(name)
			_, total, _ := p.mentionCount()
			if total < 2 {
				t.Fatalf("%s has %d mentions, want several", name, total)
			}
			p.Click("#" + contract.MentionNext)
			p.waitMention(1)
			p.Click("#" + contract.MentionNext)
			p.waitMention(2)
			if _, _, text := p.mentionCount(); text != fmt.Sprintf("2 of %d", total) {
				t.Errorf("the count says %q, want \"2 of %d\"", text, total)
			}
			p.Click("#" + contract.MentionPrev)
			p.waitMention(1)
			p.Click("#" + contract.MentionPrev)
			p.waitMention(total) // round to the last
			// The keys, from anywhere but a text field.
			Eval[bool](p.Page, `(document.activeElement && document.activeElement.blur(), true)`)
			p.key("n")
			p.waitMention(1)
			p.key("p")
			p.waitMention(total)
			p.key(kb.Escape)
			Poll[bool](p.Page, `!document.querySelector('#entities button.entity[aria-pressed="true"]') && !document.querySelector("#view mark.selected")`)
		}},
		{"the marks are reached by the arrow keys in the view", func(t *testing.T, p layoutPage) {
			p.Focus("#view")
			p.key(kb.ArrowRight)
			Poll[bool](p.Page, `document.activeElement === document.querySelectorAll("#view mark")[0]`)
			p.key(kb.ArrowRight)
			Poll[bool](p.Page, `document.activeElement === document.querySelectorAll("#view mark")[1]`)
			entity := Eval[string](p.Page, `document.activeElement.dataset.entity`)
			p.key(kb.Enter)
			Poll[bool](p.Page, `document.getElementById("`+contract.Selection+`").dataset.entity === "`+entity+`"`)
			p.key(kb.Escape)
			Poll[bool](p.Page, `!document.getElementById("`+contract.Selection+`").dataset.entity`)
		}},
		{"the entity search narrows the list", func(t *testing.T, p layoutPage) {
			p.showPanel(contract.PanelEntities)
			p.Type("#"+contract.EntityFilter, "gunn")
			// Typed a key at a time: wait for the list of the whole word.
			Poll[bool](p.Page, `document.getElementById("entities").dataset.filter === "gunn"`)
			for _, e := range p.Entities() {
				if !strings.Contains(strings.ToLower(e.Name), "gunn") && !strings.Contains(strings.ToLower(Eval[string](p.Page, `document.querySelector('`+entityButton(e.Entity)+` .entity-main').textContent`)), "gunn") {
					t.Errorf("%q is listed for the search \"gunn\"", e.Name)
				}
			}
			if len(p.Entities()) == 0 {
				t.Error("the search \"gunn\" lists nothing: Jon Gunnarsson is in the article")
			}
			if Eval[bool](p.Page, `(e => e.dataset.shown === e.dataset.total)(document.getElementById("entities"))`) {
				t.Error("the search \"gunn\" lists every entity")
			}
			Eval[bool](p.Page, `(() => { const f = document.getElementById("`+contract.EntityFilter+`"); f.value = ""; f.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
			Poll[bool](p.Page, `document.getElementById("entities").dataset.shown === document.getElementById("entities").dataset.total`)
		}},
		{"the sample replaces the article with an undo, box and draft", func(t *testing.T, p layoutPage) {
			article := p.PastedText()
			p.waitDraft(article)
			before := p.Runs()
			p.Click("#sample")
			p.WaitRun(before)
			sample := strings.ReplaceAll(ui.Sample, "\r\n", "\n")
			if got := p.PastedText(); got != sample {
				t.Fatalf("the box holds %.40q..., not the sample", got)
			}
			p.waitDraft(sample) // the sample overwrote the draft: Undo must bring it back
			before = p.Runs()
			p.Click("#" + contract.TextUndo)
			p.WaitRun(before)
			if got := p.PastedText(); got != article {
				t.Fatalf("after Undo the box holds %.60q..., not the article", got)
			}
			if got := p.ViewText(); got != article {
				t.Errorf("after Undo the view differs from the article at byte %d", firstDiff(got, article))
			}
			p.waitDraft(article)
			if got := p.draftAfterReload(); got != article {
				t.Errorf("after Undo and a reload the draft is %.60q..., not the article", got)
			}
			// Ctrl+Z from the page, outside the box, undoes too.
			p.WaitRun(0)
			before = p.Runs()
			p.Click("#sample")
			p.WaitRun(before)
			Eval[bool](p.Page, `(document.activeElement && document.activeElement.blur(), true)`)
			before = p.Runs()
			p.ctrlKey("z")
			p.WaitRun(before)
			if got := p.PastedText(); got != article {
				t.Errorf("after Ctrl+Z the box holds %.60q..., not the article", got)
			}
		}},
		{"clearing the box clears the figures and says so", func(t *testing.T, p layoutPage) {
			article := p.PastedText()
			before := p.Runs()
			p.Click("#" + contract.ClearText)
			p.WaitRun(before)
			if got := p.PastedText(); got != "" {
				t.Fatalf("after Clear the box holds %.40q", got)
			}
			status := Poll[string](p.Page, `document.getElementById("status").textContent`)
			if !strings.Contains(status, "empty") {
				t.Errorf("after Clear the status says %q", status)
			}
			if n := Eval[int](p.Page, `document.querySelectorAll("#stats, #entities button.entity").length`); n != 0 {
				t.Errorf("after Clear %d stats and entities are still shown", n)
			}
			if auto := Eval[string](p.Page, `document.querySelector("#lang option[value=auto]").textContent`); auto != "Auto (detect)" {
				t.Errorf("after Clear the language menu says %q", auto)
			}
			draft := Poll[string](p.Page, `document.getElementById("local-data").dataset.draft === "saved" && document.getElementById("draft-status").textContent`)
			if !strings.Contains(draft, "empty") {
				t.Errorf("after Clear the draft status says %q", draft)
			}
			before = p.Runs()
			p.Click("#" + contract.TextUndo)
			p.WaitRun(before)
			if got := p.PastedText(); got != article {
				t.Errorf("after undoing Clear the box holds %.60q..., not the article", got)
			}
		}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) { p.tb = t; s.do(t, p) }) // each starts from what the last left, whatever it found
	}
}

// ctrlKey presses Ctrl and the key on the focused element, without an
// editing command: the page's own handler must do the work.
func (p layoutPage) ctrlKey(key string) {
	p.tb.Helper()
	code := "Key" + strings.ToUpper(key)
	vk := int64(strings.ToUpper(key)[0])
	p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, kind := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: kind, Modifiers: 2, Key: key, Code: code, WindowsVirtualKeyCode: vk,
			}); err != nil {
				return err
			}
		}
		return nil
	}))
}

// Eval evaluates a JavaScript expression giving a string.
func (p layoutPage) Eval(expr string) string {
	p.tb.Helper()
	return Eval[string](p.Page, expr)
}

// readInvented returns one of the invented articles, as a textarea holds
// it.
func readInvented(t *testing.T, name string) string {
	t.Helper()
	data, err := inventedArticles.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(data), "\r\n", "\n")
}
