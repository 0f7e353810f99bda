//go:build !wasm

package browsertest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"annotator/analyzer"

	"github.com/chromedp/chromedp"
)

// correctionsDesk is an invented article for the corrections: people with
// aliases, quotes with speakers, a place and dates.
//
//go:embed testdata/corrections-desk.txt
var correctionsDesk string

// correctionsPage is the corrections panel of the page.
type correctionsPage struct{ *Page }

// entityID is the id, in the run on screen, of the entity listed under the
// name; "" when none is.
func (p correctionsPage) entityID(name string) string {
	p.tb.Helper()
	js, _ := json.Marshal(name)
	return Eval[string](p.Page, fmt.Sprintf(`(() => {
		const b = Array.from(document.querySelectorAll("#entities button.entity")).find(b => b.querySelector(".entity-name").textContent === %s);
		return b ? b.dataset.entity : "";
	})()`, js))
}

// selectEntity presses the entity's button in the entity list (Enter on
// it: the keyboard's way) and waits for the panel to offer its controls.
func (p correctionsPage) selectEntity(name string) {
	p.tb.Helper()
	id := p.entityID(name)
	if id == "" {
		p.tb.Fatalf("no entity %q is listed", name)
	}
	if Eval[string](p.Page, `document.querySelector('`+entityButton(id)+`').getAttribute("aria-pressed")`) != "true" {
		p.Press(entityButton(id), "\r")
	}
	js, _ := json.Marshal(name)
	Poll[bool](p.Page, fmt.Sprintf(`(() => { const l = document.querySelector("#correct-entity legend strong"); return !!l && l.textContent === %s; })()`, js))
}

// choose picks the option of a menu whose text starts with prefix, as
// the keyboard's arrow keys would, and fires its change event.
func (p correctionsPage) choose(sel, prefix string) {
	p.tb.Helper()
	s, _ := json.Marshal(sel)
	js, _ := json.Marshal(prefix)
	if !Eval[bool](p.Page, fmt.Sprintf(`(() => {
		const m = document.querySelector(%s);
		const o = m && Array.from(m.options).find(o => o.text.startsWith(%s));
		if (!o) return false;
		m.focus();
		m.value = o.value;
		m.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`, s, js)) {
		p.tb.Fatalf("menu %s has no option %q", sel, prefix)
	}
}

// made returns the corrections the panel lists, stale ones included.
func (p correctionsPage) made() []string {
	p.tb.Helper()
	return Eval[[]string](p.Page, `Array.from(document.querySelectorAll("#correction-list li")).map(li => li.textContent)`)
}

// waitMade waits for the panel to list n corrections, and fails with what
// the panel and the library say if it does not.
func (p correctionsPage) waitMade(n int) {
	p.tb.Helper()
	pollOrDump[bool](p.tb, p.Page, fmt.Sprintf("%d corrections listed", n), fmt.Sprintf(`document.querySelectorAll("#correction-list li").length === %d`, n))
}

// press presses a button of the panel with Enter, waits for the panel to
// list n corrections and checks the status says what happened.
func (p correctionsPage) press(button string, n int, status string) {
	p.tb.Helper()
	p.Press(button, "\r")
	p.waitMade(n)
	got := Eval[string](p.Page, `document.getElementById("correct-status").textContent`)
	if !strings.Contains(strings.ToLower(got), strings.ToLower(status)) {
		p.tb.Errorf("after %s the panel says %q, want %q in it", button, got, status)
	}
	if strings.Contains(got, "not kept") || strings.Contains(got, "Could not keep") {
		p.tb.Errorf("after %s the corrections are not kept: %q", button, got)
	}
}

// hasMark reports whether the view has a mark of the label with the text.
func (p correctionsPage) hasMark(text string, label analyzer.Label) bool {
	p.tb.Helper()
	return slices.ContainsFunc(p.Marks(), func(m ShownMark) bool { return m.Text == text && m.Label == string(label) })
}

// correctionStep is one named step of the corrections scenario.
type correctionStep struct {
	name string
	do   func(t *testing.T, p correctionsPage)
}

// Corrections makes each kind of correction from the page by keyboard,
// undoes and redoes, reloads (they come back from the library), checks the
// exports carry them, edits the text so that one no longer fits (stale)
// and removes the article from the library again.
func Corrections(t *testing.T, b *Browser, url string) {
	p := correctionsPage{OpenSettled(t, b, url)}
	var text string
	steps := []correctionStep{
		{"paste the article", func(t *testing.T, p correctionsPage) {
			run, pasted := p.Paste(correctionsDesk)
			if run.State != "done" {
				t.Fatalf("state %q after the paste", run.State)
			}
			text = pasted
			if !Eval[bool](p.Page, `!!document.getElementById("correct-hint")`) {
				t.Error("the corrections panel does not say how to start")
			}
		}},
		{"relabel an entity", func(t *testing.T, p correctionsPage) {
			p.selectEntity("VELM")
			p.choose("#correct-entity-label", "Organisation")
			p.press("#correct-relabel", 1, "relabelled “VELM” (LOC) as ORG")
			if !p.hasMark("VELM", analyzer.ORG) {
				t.Errorf("VELM is not marked as an organisation: %+v", p.Marks())
			}
		}},
		{"merge two entities", func(t *testing.T, p correctionsPage) {
			before := len(p.Entities())
			p.selectEntity("Harbourmaster Lindqvist")
			p.choose("#correct-into", "Tomas Berg")
			p.press("#correct-merge", 2, "merged")
			if n := len(p.Entities()); n != before-1 {
				t.Errorf("%d entities listed after the merge, %d before", n, before)
			}
			marks := p.Marks()
			i := slices.IndexFunc(marks, func(m ShownMark) bool { return m.Text == "Harbourmaster Lindqvist" })
			j := slices.IndexFunc(marks, func(m ShownMark) bool { return m.Text == "Tomas Berg" })
			if i < 0 || j < 0 || marks[i].Entity != marks[j].Entity {
				t.Errorf("after the merge Lindqvist and Berg are not one entity: %+v", marks)
			}
		}},
		{"add a missed mention by typing its words", func(t *testing.T, p correctionsPage) {
			if Eval[bool](p.Page, `!!document.querySelector("#entities button.entity[aria-pressed=true]")`) {
				p.Press("#entities button.entity[aria-pressed=true]", "\r") // no entity selected
			}
			Poll[bool](p.Page, `!document.getElementById("correct-entity")`)
			p.Type("#correct-add-words", "north pier")
			p.choose("#correct-add-as", "Place")
			p.press("#correct-add-button", 3, "added “north pier” as LOC")
			if !p.hasMark("north pier", analyzer.LOC) {
				t.Errorf("north pier is not marked as a place")
			}
		}},
		{"undo with Ctrl+Z in the panel", func(t *testing.T, p correctionsPage) {
			p.do(chromedp.Focus(chromedp.CSS("#correct-undo")), chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
			p.waitMade(2)
			if p.hasMark("north pier", analyzer.LOC) {
				t.Error("north pier is still marked after undo")
			}
		}},
		{"redo", func(t *testing.T, p correctionsPage) {
			p.press("#correct-redo", 3, "Redone")
			if !p.hasMark("north pier", analyzer.LOC) {
				t.Error("north pier is not marked again after redo")
			}
		}},
		{"relabel, split off and remove mentions", func(t *testing.T, p correctionsPage) {
			p.selectEntity("Piet Osman")
			p.choose("#correct-mention-pick", "2 of 2")
			p.press("#correct-split", 4, "split the mention “Dr Osman”")
			marks := p.Marks()
			i := slices.IndexFunc(marks, func(m ShownMark) bool { return m.Text == "Dr Osman" })
			j := slices.IndexFunc(marks, func(m ShownMark) bool { return m.Text == "Piet Osman" })
			if i < 0 || j < 0 || marks[i].Entity == marks[j].Entity {
				t.Errorf("Dr Osman is not an entity of its own after the split: %+v", marks)
			}
			p.selectEntity("Ana Ruiz")
			p.choose("#correct-mention-pick", "2 of 2")
			p.choose("#correct-mention-label", "Organisation")
			p.press("#correct-relabel-mention", 5, "relabelled the mention “Ruiz”")
			p.selectEntity("Monday")
			p.press("#correct-remove-mention", 6, "removed the mention “Monday”")
			if p.entityID("Monday") != "" {
				t.Error("Monday is still listed after its only mention went")
			}
		}},
		{"remove an entity", func(t *testing.T, p correctionsPage) {
			p.selectEntity("3 March 2025")
			p.press("#correct-remove-entity", 7, "removed “3 March 2025”")
			if p.entityID("3 March 2025") != "" {
				t.Error("the removed entity is still listed")
			}
		}},
		{"set and remove a quote's speaker", func(t *testing.T, p correctionsPage) {
			p.Press(`#quotes button.quote-button[data-quote="0"]`, "\r")
			Poll[bool](p.Page, `!!document.getElementById("correct-quote")`)
			p.choose("#correct-speaker", "Ana Ruiz")
			p.press("#correct-set-speaker", 8, "attributed the quote")
			p.Press(`#quotes button.quote-button[data-quote="1"]`, "\r")
			Poll[bool](p.Page, `!!document.getElementById("correct-quote")`)
			p.press("#correct-remove-speaker", 9, "without a speaker")
			if got := Eval[string](p.Page, `document.querySelector('#quotes button.quote-button[data-quote="0"] .speaker').textContent`); !strings.Contains(got, "Ana Ruiz") {
				t.Errorf("the first quote's speaker shows as %q", got)
			}
		}},
		{"the corrections come back after a reload", func(t *testing.T, p correctionsPage) {
			before := p.made()
			Poll[bool](p.Page, `document.getElementById("local-data").dataset.draft === "saved"`)
			// What the reload brings back is the library's record: wait
			// until it holds them all (its write is committed after the
			// panel shows the last one).
			js, _ := json.Marshal(text)
			if !Await[bool](p.Page, fmt.Sprintf(`(async () => {
				const kept = () => new Promise((resolve) => {
					const open = indexedDB.open("annotator-library");
					open.onerror = () => resolve(false);
					open.onsuccess = () => {
						const db = open.result;
						if (!db.objectStoreNames.contains("articles")) { db.close(); resolve(false); return; }
						const all = db.transaction("articles").objectStore("articles").getAll();
						all.onsuccess = () => {
							db.close();
							const r = all.result.find(r => r.text === %s);
							resolve(!!r && typeof r.corrections === "string" && r.corrections !== "" && JSON.parse(r.corrections).length === %d);
						};
						all.onerror = () => { db.close(); resolve(false); };
					};
				});
				for (let i = 0; i < 100; i++) {
					if (await kept()) return true;
					await new Promise((r) => setTimeout(r, 100));
				}
				return false;
			})()`, js, len(before))) {
				t.Fatalf("the library does not hold the %d corrections; the page: %s", len(before), Eval[string](p.Page, stateDump))
			}
			*p.Page = *Open(t, b, url)
			p.WaitDraft()
			p.waitMade(len(before))
			if got := p.made(); !reflect.DeepEqual(got, before) {
				t.Errorf("after the reload the panel lists\n%q\nwant\n%q", got, before)
			}
			if !p.hasMark("north pier", analyzer.LOC) || !p.hasMark("VELM", analyzer.ORG) {
				t.Error("the corrected marks did not come back after the reload")
			}
			if n := Eval[int](p.Page, `document.querySelectorAll("#view mark[data-corrected]").length`); n == 0 {
				t.Error("no mark shows as corrected")
			}
		}},
		{"the exports carry them", func(t *testing.T, p correctionsPage) {
			dir := t.TempDir()
			var got analyzer.Result
			if err := json.Unmarshal(p.DownloadBy(`#exports button.download[data-format="json"]`, dir).Data, &got); err != nil {
				t.Fatal(err)
			}
			var ops []analyzer.CorrectionOp
			for _, c := range got.Corrections {
				ops = append(ops, c.Op)
				if c.Stale != "" {
					t.Errorf("correction %s is stale: %s", c.Op, c.Stale)
				}
			}
			want := []analyzer.CorrectionOp{analyzer.RelabelEntity, analyzer.Merge, analyzer.Add, analyzer.Split, analyzer.RelabelMention, analyzer.RemoveMention, analyzer.RemoveEntity, analyzer.SetSpeaker, analyzer.RemoveSpeaker}
			if !reflect.DeepEqual(ops, want) {
				t.Errorf("the JSON export's corrections are %v, want %v", ops, want)
			}
			// The page's export is the analyzer's with those corrections.
			doc, err := analyzer.Annotate(text, analyzer.Options{Lang: "en"})
			if err != nil {
				t.Fatal(err)
			}
			corrected, err := analyzer.ApplyCorrections(doc, analyzer.Applied(got.Corrections), analyzer.Options{Lang: "en"})
			if err != nil {
				t.Fatal(err)
			}
			if w := roundTrip(t, corrected.Result()); !reflect.DeepEqual(w.Entities, got.Entities) || !reflect.DeepEqual(w.Quotes, got.Quotes) {
				t.Errorf("the exported entities and quotes differ from the analyzer's with the same corrections")
			}
			ld := string(p.DownloadBy(`#exports button.download[data-format="jsonld"]`, dir).Data)
			if !strings.Contains(ld, "corrected by hand") {
				t.Error("the Web Annotations export does not mark the corrected annotations")
			}
			html := string(p.DownloadBy(`#exports button.download[data-format="html"]`, dir).Data)
			if !strings.Contains(html, `<section class="corrections">`) || strings.Count(html, "<li") < len(want) {
				t.Error("the HTML export does not list the corrections")
			}
		}},
		{"an edit that takes a correction's words away makes it stale", func(t *testing.T, p correctionsPage) {
			edited := strings.Replace(text, "VELM, 3 March 2025 - ", "", 1)
			p.Paste(edited)
			Poll[bool](p.Page, `!!document.getElementById("correct-stale")`)
			stale := Eval[[]string](p.Page, `Array.from(document.querySelectorAll("#correction-list li[data-stale]")).map(li => li.textContent)`)
			// The relabel of VELM finds no VELM; the removal of the date is
			// fulfilled (no such entity is left), not stale.
			if len(stale) != 1 || !strings.Contains(stale[0], "VELM") {
				t.Fatalf("stale corrections %q, want the relabel of VELM", stale)
			}
			if !p.hasMark("north pier", analyzer.LOC) {
				t.Error("the added mention did not follow the edit")
			}
			p.Press("#correct-drop-stale", "\r")
			p.waitMade(8)
			p.Paste(text) // back to the saved article: its corrections again
			p.waitMade(9)
		}},
		{"the article and its edit leave the library again", func(t *testing.T, p correctionsPage) {
			title, _ := json.Marshal(strings.SplitN(text, "\n", 2)[0])
			for range 2 {
				before := Eval[int](p.Page, `document.querySelectorAll("#library-list li.library-entry").length`)
				if !Eval[bool](p.Page, fmt.Sprintf(`(() => {
					const e = Array.from(document.querySelectorAll("#library-list li.library-entry")).find(e => e.querySelector(".library-title").textContent === %s);
					if (!e) return false;
					e.querySelector("button.library-delete").click();
					return true;
				})()`, title)) {
					t.Fatal("the corrected article is not in the library")
				}
				Poll[bool](p.Page, fmt.Sprintf(`document.querySelectorAll("#library-list li.library-entry").length === %d`, before-1))
			}
		}},
	}
	for _, s := range steps {
		if !t.Run(s.name, func(t *testing.T) { p.tb = t; s.do(t, p) }) {
			return // the steps build on each other
		}
	}
}
