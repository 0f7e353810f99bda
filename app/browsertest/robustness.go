//go:build !wasm

package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"annotator/app/contract"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The scenarios of this file attack the boundaries between JavaScript and
// Go as a careful tester would (issue 11): exotic values in every field of
// every embed message, corrupted stored records, texts with tens of
// thousands of list items, every class of invisible or complex character,
// and a Go program that cannot start.

// exoticValuesJS builds, in the page, the values each field receives:
// structured-clone types that syscall/js cannot read as the field wants.
const exoticValuesJS = `(() => {
	let deep = {};
	for (let i = 0; i < 1000; i++) deep = {a: deep};
	let nested = [];
	for (let i = 0; i < 200; i++) nested = [nested];
	return {
		"BigInt": 10n, "negative BigInt": -(2n ** 70n), "Date": new Date(0), "invalid Date": new Date(NaN),
		"Map": new Map([["text", "Kim"]]), "Set": new Set(["Kim"]), "Uint8Array": new Uint8Array([75, 105, 109]),
		"Float64Array": new Float64Array([1.5]), "ArrayBuffer": new ArrayBuffer(8), "DataView": new DataView(new ArrayBuffer(4)),
		"nested arrays": nested, "deep object": deep, "RegExp": /Kim/g, "Error": new Error("boom"), "Blob": new Blob(["Kim"]),
		"NaN": NaN, "Infinity": -Infinity, "negative zero": -0, "true": true, "null": null, "undefined": undefined,
		"array": ["annotate"], "object": {toString: "Kim"}, "Boolean object": new Boolean(false), "String object": new String("Kim"),
		"sparse array": [, , "Kim"], "huge number": 1e308,
	};
})()`

// ExoticEmbedMessages sends the embed frame, from an allowed page, every
// exotic value in every field of every message type (annotate, an unknown
// type) and as the whole message, then a valid message: every one is
// answered, with an error unless it is valid, and the frame still
// annotates afterwards. It returns how many messages were sent.
func ExoticEmbedMessages(t *testing.T, b *Browser, appBase string, hosts *EmbedHosts) int {
	p := Open0(t, b, hosts.Allowed+"/host.html?app="+appBase)
	Await[bool](p, `annotator.ready.then(() => true)`)
	got := Await[map[string]any](p, `new Promise((resolve) => {
		const frame = annotator.iframe.contentWindow, origin = new URL(annotator.iframe.src).origin;
		const values = `+exoticValuesJS+`;
		const start = replies.length;
		const sent = [], skipped = [];
		const send = (what, m) => {
			try { frame.postMessage(m, origin); sent.push(what); } catch (e) { skipped.push(what + ": " + e.message); }
		};
		for (const [name, v] of Object.entries(values)) {
			send(name + " as the message", v);
			for (const type of ["annotate", "shout"]) {
				for (const field of ["type", "id", "text", "lang"]) {
					const m = {type, id: type + "/" + field + "/" + name, text: "Kim Jong-un met Xi Jinping."};
					m[field] = v;
					send(name + " as " + field + " of " + type, m);
				}
			}
		}
		const wait = () => {
			const got = replies.slice(start).filter((m) => m.type === "error" || m.type === "annotated");
			if (got.length < sent.length) { setTimeout(wait, 20); return; }
			const annotated = got.filter((m) => m.type === "annotated").map((m) => m.id);
			resolve({sent: sent.length, skipped, errors: got.filter((m) => m.type === "error").length, annotated,
				unlabelled: got.filter((m) => m.type === "error" && !(typeof m.message === "string" && m.message)).length});
		};
		wait();
	})`)
	sent := int(got["sent"].(float64))
	annotated, _ := got["annotated"].([]any)
	// Only lang may be left out (undefined) or null in an annotate message,
	// and any finite number is an id (-0 and 1e308 too; they come back as
	// 0 and 1e+308).
	want := map[string]bool{"annotate/lang/undefined": true, "annotate/lang/null": true, "0": true, "1e+308": true}
	for _, id := range annotated {
		if !want[fmt.Sprint(id)] {
			t.Errorf("the frame annotated %v, a malformed message", id)
		}
		delete(want, fmt.Sprint(id))
	}
	for id := range want {
		t.Errorf("the valid message %s was not annotated", id)
	}
	if errs := int(got["errors"].(float64)); errs != sent-len(annotated) || got["unlabelled"].(float64) != 0 {
		t.Errorf("%d messages sent, %d errors (%v without a message), %d annotated", sent, errs, got["unlabelled"], len(annotated))
	}
	if skipped, _ := got["skipped"].([]any); len(skipped) != 0 {
		t.Errorf("the browser could not send %v", skipped)
	}
	if n := Await[int](p, `annotator.annotate("Ms Santos flew to Lisbon.").then((doc) => doc.entities.length)`); n == 0 {
		t.Errorf("no entities after the exotic messages")
	}
	// A fault in the frame while it answers (its JSON.parse made to throw,
	// which syscall/js turns into a panic) is answered as an error, and the
	// next message is served.
	frame := FramePage(t, p, "/embed.html")
	Eval[bool](frame, `(window.plantedParse = JSON.parse, JSON.parse = () => { throw new Error("planted fault"); }, true)`)
	msg := Await[string](p, `annotator.annotate("Ms Santos flew to Lisbon.").then(() => "answered", (err) => err.message)`)
	Eval[bool](frame, `(JSON.parse = window.plantedParse, true)`)
	if !strings.Contains(msg, "planted fault") || !strings.Contains(msg, "keeps running") {
		t.Errorf("a fault while answering ended the request with %q, want the fault as an error", msg)
	}
	if n := Await[int](p, `annotator.annotate("Ms Santos flew to Lisbon.").then((doc) => doc.entities.length)`); n == 0 {
		t.Errorf("no entities after a fault while answering")
	}
	t.Logf("exotic embed messages: %d sent, each answered, the frame still annotates; a fault while answering: %q", sent, msg)
	return sent + 3
}

// corruptRecord is a stored record of the wrong shape, as IndexedDB holds
// it: in the drafts store (key "current") or the library.
type corruptRecord struct {
	name  string
	draft bool
	js    string // the record, a JavaScript expression
}

// corruptRecords are the kinds tried: the and more.
var corruptRecords = []corruptRecord{
	{"draft without saved", true, `{text: "Kim", lang: "en"}`},
	{"draft saved yesterday", true, `{text: "Kim", lang: "en", saved: "yesterday"}`},
	{"draft text a BigInt", true, `{text: 10n, lang: "en", saved: Date.now()}`},
	{"draft saved 1e300", true, `{text: "Kim", lang: "en", saved: 1e300}`},
	{"draft a string", true, `"Kim"`},
	{"article title a BigInt", false, `{id: "bad-title", title: 10n, text: "Kim met Xi.", lang: "en", saved: Date.now()}`},
	{"article text a BigInt", false, `{id: "bad-text", title: "Kim", text: 10n, lang: "en", saved: Date.now()}`},
	{"article without saved", false, `{id: "no-saved", title: "Kim", text: "Kim met Xi.", lang: "en"}`},
	{"article saved 1e300", false, `{id: "far-future", title: "Kim", text: "Kim met Xi.", lang: "en", saved: 1e300}`},
	{"article lang a Map", false, `{id: "map-lang", title: "Kim", text: "Kim met Xi.", lang: new Map(), saved: Date.now()}`},
	{"article id a number", false, `{id: 10, title: "Kim", text: "Kim met Xi.", lang: "en", saved: Date.now()}`},
	{"article names a Date", false, `{id: "date-names", title: "Kim", text: "Kim met Xi.", lang: "en", saved: Date.now(), names: new Date()}`},
	{"article corrections not a list", false, `{id: "bad-corrections", title: "Kim", text: "Kim met Xi.", lang: "en", saved: Date.now(), schema: 2, corrections: "[{\"op\": \"explode\"}"}`},
	{"article schema a string", false, `{id: "bad-schema", title: "Kim", text: "Kim met Xi.", lang: "en", saved: Date.now(), schema: "2"}`},
	{"article lang with markup", false, `{id: "xss-lang", title: "<b>Kim</b>", text: "Kim met Xi.", lang: "<img src=x onerror=\"window.__annotatorXSS='unreadable'\">", saved: Date.now()}`},
}

// putRecordJS stores record in database db, store, under key (none for
// the library, whose key is the record's id), creating the store as the
// app would; it resolves once the write is committed.
func putRecordJS(db, store string, keyPath bool, record, key string) string {
	opts := "undefined"
	if keyPath {
		opts = `{keyPath: "id"}`
	}
	args := record
	if key != "" {
		args += ", " + key
	}
	return fmt.Sprintf(`new Promise((resolve, reject) => {
		const r = indexedDB.open(%q, 1);
		r.onupgradeneeded = () => { if (!r.result.objectStoreNames.contains(%[2]q)) r.result.createObjectStore(%[2]q, %[3]s); };
		r.onerror = () => reject(r.error);
		r.onsuccess = () => {
			const db = r.result, tx = db.transaction(%[2]q, "readwrite");
			tx.objectStore(%[2]q).put(%[4]s);
			tx.oncomplete = () => { db.close(); resolve(true); };
			tx.onerror = () => { db.close(); reject(tx.error); };
		};
	})`, db, store, opts, args)
}

// CorruptedRecords stores each kind of corrupted record, reloads, and
// checks the app starts, annotates, and lists the bad record as one that
// could not be read, with an export holding it and a delete. It returns
// how many kinds were tried.
func CorruptedRecords(t *testing.T, b *Browser, appURL string) int {
	p := Open(t, b, appURL)
	p.WaitDraft()
	dir := t.TempDir()
	for i, c := range corruptRecords {
		if c.draft {
			Await[bool](p, putRecordJS("annotator-drafts", "drafts", false, c.js, `"current"`))
		} else {
			Await[bool](p, putRecordJS("annotator-library", "articles", true, c.js, ""))
		}
		p.Reload()
		sel := "#" + contract.Unreadable
		count := pollOrDump[int](t, p, c.name, `Number(document.querySelector("`+sel+`").dataset.count || 0)`)
		title := Eval[string](p, `document.getElementById("`+contract.UnreadableTitle+`").textContent`)
		kind := "article"
		if c.draft {
			kind = "draft"
			if state := Eval[string](p, `document.getElementById("local-data").dataset.draft`); state != "unreadable" {
				t.Errorf("%s: draft state %q, want unreadable", c.name, state)
			}
		}
		if count != 1 || title != "1 saved "+kind+" could not be read." {
			t.Errorf("%s: the library lists %d unreadable records: %q", c.name, count, title)
		}
		// The app works: it annotates.
		if run, _ := p.Paste("Ms Santos flew to Lisbon on Monday."); run.State != "done" || len(p.Marks()) == 0 {
			t.Errorf("%s: after the reload the app does not annotate (state %q)", c.name, run.State)
		}
		if i == 0 || i == len(corruptRecords)-1 {
			d := p.DownloadBy("#"+contract.UnreadableExport, dir)
			var exported struct {
				Records []map[string]any `json:"unreadable_records"`
			}
			if err := json.Unmarshal(d.Data, &exported); err != nil || len(exported.Records) != 1 || !strings.Contains(string(d.Data), "Kim") {
				t.Errorf("%s: the export %s holds %s (%v)", c.name, d.Name, d.Data, err)
			}
		}
		if i == len(corruptRecords)-1 {
			Screenshots(t, p, "unreadable", "#library")
		}
		p.Click("#" + contract.UnreadableDelete)
		p.Click("#" + contract.UnreadableDeleteConfirm)
		Poll[bool](p, `document.querySelector("`+sel+`").hidden`)
	}
	p.Reload()
	if n := Eval[int](p, `Number(document.querySelector("#`+contract.Unreadable+`").dataset.count || 0)`); n != 0 {
		t.Errorf("after deleting them, %d unreadable records are listed", n)
	}
	if got := Eval[string](p, `String(window.__annotatorXSS)`); got != "undefined" {
		t.Errorf("markup in a stored record ran: %q", got)
	}
	if n := Eval[int](p, `document.querySelectorAll("#library img, #library b").length`); n != 0 {
		t.Errorf("markup from a stored record became %d elements", n)
	}
	t.Logf("corrupted records: %d kinds, each set aside and listed, the app annotating after each reload", len(corruptRecords))
	return len(corruptRecords)
}

// stateDump is what the page says about its storage, for a failure
// message.
const stateDump = `JSON.stringify({draft: Object.assign({}, document.getElementById("local-data").dataset),
	draftStatus: document.getElementById("draft-status").textContent,
	library: document.getElementById("library-status").textContent,
	faults: document.getElementById("` + contract.Faults + `").textContent,
	unreadable: Object.assign({}, document.getElementById("` + contract.Unreadable + `").dataset),
	unreadableStatus: (document.getElementById("` + contract.UnreadableStatus + `") || {}).textContent,
	corrections: (document.getElementById("corrections") || {}).textContent,
	libraryList: Array.from(document.querySelectorAll("#library-list li.library-entry")).map(e => e.textContent),
	text: document.getElementById("text").value.slice(0, 80), runs: document.getElementById("annotator").dataset.runs})`

// pollOrDump waits up to 20 s for expr to be truthy, and fails with what
// the page says of its storage if it does not become so.
func pollOrDump[T any](tb testing.TB, p *Page, what, expr string) T {
	tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 25*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Poll[T](expr, chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		tb.Fatalf("%s: waiting for %.80s: %v; the page: %s", what, expr, err, Eval[string](p, stateDump))
	}
	return v
}

// NoGoRecovery checks "Clear local data" without the Go program: on a
// page where it never starts (go-app's ?wasm=false), the plain JavaScript
// of web/recovery.js asks and deletes the app's databases and keys; and
// when the program fails to load, the loader offers the same.
func NoGoRecovery(t *testing.T, b *Browser, appURL string) {
	p := Open(t, b, appURL) // a visit that stores something
	p.WaitDraft()
	seed := func() {
		Await[bool](p, putRecordJS("annotator-library", "articles", true, `{id: "x", title: "T", text: "Kim", lang: "en", saved: 1}`, ""))
		Eval[bool](p, `localStorage.setItem("annotator.test", "1") || true`)
	}
	databases := func() string {
		return strings.Join(Await[[]string](p, `indexedDB.databases().then((ds) => ds.map((d) => d.name).filter((n) => n.startsWith("annotator-")).sort())`), " ")
	}
	seed()
	p = Open0(t, b, appURL+"?wasm=false")
	Poll[bool](p, `document.getElementById("clear-data") !== null && !document.getElementById("app-wasm-loader")`)
	if Eval[bool](p, `document.body.dataset.ready === "1"`) {
		t.Fatal("the Go program runs with ?wasm=false")
	}
	p.Click("#clear-data")
	p.Click("#recovery-clear-confirm")
	Poll[bool](p, `document.getElementById("local-data").dataset.recovered === "cleared"`)
	if got := databases(); got != "" {
		t.Errorf("without Go, clearing left databases %q", got)
	}
	if Eval[bool](p, `localStorage.getItem("annotator.test") !== null`) {
		t.Error("without Go, clearing left the annotator.test key")
	}

	// The program fails to load: the loader stays, with the offer.
	seed()
	var id page.ScriptIdentifier
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		res, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `WebAssembly.instantiateStreaming = WebAssembly.instantiate = () => Promise.reject(new Error("test: no WebAssembly"));`,
		})
		if err == nil {
			id = res.Identifier
		}
		return err
	}))
	defer p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: id})
		return err
	}))
	p = Open0(t, b, appURL)
	Poll[bool](p, `document.getElementById("recovery-clear") !== null`)
	Screenshots(t, p, "recovery", "body")
	p.Click("#recovery-clear")
	p.Click("#recovery-clear-confirm")
	Poll[bool](p, `document.getElementById("recovery").dataset.recovered === "cleared"`)
	if got := databases(); got != "" {
		t.Errorf("after a failed start, clearing left databases %q", got)
	}
	t.Logf("without Go: clear local data from the page and from the failed loader")
}

// ListFigures is what the page costs for one list-heavy text.
type ListFigures struct {
	Bytes, Entities      int
	PanelNodes, ViewNode int
	LongestTaskMs        float64 // the longest main-thread task while annotating and showing it
	// FirstSlice is the phase of the run's first slice (its first
	// "annotator: ..." performance mark).
	FirstSlice string
}

// ListHeavyTexts are the two texts: 20,000 distinct numbers
// (about 109 KB) and 100,000 short lines naming people (about 3.9 MB).
func ListHeavyTexts() map[string]string {
	var numbers strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&numbers, "%d, ", 30001+i*3)
	}
	first := []string{"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Katja", "Luis", "Mira", "Nils", "Olga", "Pavel", "Rosa", "Sven", "Tomas", "Ulla"}
	last := []string{"Berg", "Costa", "Dahl", "Engel", "Fischer", "Garcia", "Horvat", "Ivanov", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Olsen", "Petrov", "Quist", "Rossi", "Santos", "Tanaka", "Weber"}
	var lines strings.Builder
	for i := range 100000 {
		fmt.Fprintf(&lines, "%s %s spoke to %s %s.\n", first[i%20], last[(i/20)%20], first[(i/3)%20], last[(i/7)%20])
	}
	return map[string]string{"20,000 numbers": numbers.String(), "100,000 lines": lines.String()}
}

// nodeCountJS counts the DOM nodes (elements and text) of the panels and
// of the annotated view.
const nodeCountJS = `(() => {
	const count = (root) => { if (!root) return 0; let n = 1; const w = document.createTreeWalker(root, NodeFilter.SHOW_ALL); while (w.nextNode()) n++; return n; };
	const panels = count(document.getElementById("panels")); // every panel, shown or not
	return {panels, view: count(document.getElementById("view"))};
})()`

// ListHeavy pastes text and measures the DOM nodes the page shows and
// the longest main-thread task while it annotates and shows it. The paste
// itself (the browser setting the box's value, laying it out and running
// the input handlers, one task) is left out, as the budget says,
// and so is the harness's own work: the text reaches the page beforehand
// and is not read back while the tasks are watched.
func ListHeavy(tb testing.TB, p *Page, text string) ListFigures {
	js, _ := json.Marshal(text)
	Eval[int](p, `(window.__pasteText = `+string(js)+`).length`)
	Eval[bool](p, `(() => {
		window.__longest = 0;
		window.__pasteTask = 0;
		window.__taskList = [];
		if (window.__tasks) window.__tasks.disconnect();
		window.__tasks = new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				if (e.startTime < window.__pasted) { window.__pasteTask = Math.max(window.__pasteTask, e.duration); continue; }
				window.__longest = Math.max(window.__longest, e.duration);
				window.__taskList.push(e);
			}
		});
		window.__tasks.observe({type: "longtask"});
		return true;
	})()`)
	before := p.Runs()
	Eval[bool](p, `(() => {
		const t = document.getElementById("text");
		t.value = window.__pasteText;
		delete window.__pasteText;
		t.dispatchEvent(new Event("input", {bubbles: true}));
		window.__pasted = performance.now();
		return true;
	})()`)
	run := p.WaitRun(before)
	if run.State != "done" {
		tb.Fatalf("state %q after pasting %d bytes", run.State, len(text))
	}
	// The page settles: let the observer see the last task.
	Await[bool](p, `new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => setTimeout(() => resolve(true), 50)), 50))`)
	longest := Eval[float64](p, `window.__longest`)
	tb.Logf("the paste's own task %.0f ms; long tasks after it (start+duration ms after the paste): %s; analyzer %.0f ms, shown after %.0f ms",
		Eval[float64](p, `window.__pasteTask`), Eval[string](p, taskListJS), run.AnnotateMs, run.RenderMs)
	n := Eval[map[string]int](p, nodeCountJS)
	return ListFigures{
		Bytes:         len(text),
		Entities:      Eval[int](p, `Array.from(document.querySelectorAll("#entities .group")).reduce((n, g) => n + Number(g.dataset.total), 0)`),
		PanelNodes:    n["panels"],
		ViewNode:      n["view"],
		LongestTaskMs: longest,
		FirstSlice:    Eval[string](p, `(performance.getEntriesByType("mark").find((m) => m.startTime >= window.__pasted && m.name.startsWith("annotator: ")) || {name: "annotator: none"}).name.slice(11)`),
	}
}

// taskListJS lists the long tasks ListHeavy saw: start and duration in ms
// after the paste, and the phases of the run's slices that ended in each
// (the page's "annotator: ..." performance marks).
const taskListJS = `(() => {
	const marks = performance.getEntriesByType("mark").filter((m) => m.name.startsWith("annotator: "));
	return window.__taskList.map((e) => {
		const phases = [...new Set(marks.filter((m) => m.startTime >= e.startTime && m.startTime <= e.startTime + e.duration).map((m) => m.name.slice(11)))];
		return Math.round(e.startTime - window.__pasted) + "+" + Math.round(e.duration) + (phases.length ? "(" + phases.join(",") + ")" : "");
	}).join(" ");
})()`

// Node budgets of the page for any text (issue 11).
const (
	maxPanelNodes = 5000
	maxViewNodes  = 20000
)

// ListHeavyBudgets pastes the two list-heavy texts and checks the DOM
// node budgets, after the first paint and after moving along the text.
func ListHeavyBudgets(t *testing.T, b *Browser, appURL string) {
	p := Open(t, b, appURL)
	p.WaitDraft()
	for name, text := range ListHeavyTexts() {
		late := name == "100,000 lines"
		if late {
			watchLateStages(p)
		}
		f := ListHeavy(t, p, text)
		if late {
			checkLateStages(t, p)
		}
		if f.PanelNodes > maxPanelNodes || f.ViewNode > maxViewNodes {
			t.Errorf("%s: %d nodes in the panels (budget %d), %d in the view (budget %d)", name, f.PanelNodes, maxPanelNodes, f.ViewNode, maxViewNodes)
		}
		if f.Entities < 100 {
			t.Errorf("%s: only %d entities", name, f.Entities)
		}
		// Reading the text and rendering the page's working state is a
		// task of its own: the analyzer's first slice is not added to it.
		if f.FirstSlice != "text" {
			t.Errorf("%s: the run's first slice was %q, want the text's own (text)", name, f.FirstSlice)
		}
		// Show more, everywhere, until the lists end: still within budget.
		for range 8 {
			if Eval[bool](p, `document.getElementById("show-more") !== null`) {
				p.Click("#show-more")
			}
			Eval[int](p, `(() => { const b = document.querySelector("#entities .`+contract.ShowMore+`"); if (b) b.click(); return 0; })()`)
			Await[bool](p, `new Promise((resolve) => setTimeout(() => resolve(true), 100))`)
		}
		Await[bool](p, `new Promise((resolve) => setTimeout(() => resolve(true), 300))`)
		if Eval[bool](p, `document.querySelector("#entities .`+contract.ShowMore+`") !== null`) {
			t.Errorf("%s: the entity list still offers more after 8 pages", name)
		}
		Screenshots(t, p, "lists-"+strings.Fields(name)[1], "#entities")
		n := Eval[map[string]int](p, nodeCountJS)
		if n["view"] > maxViewNodes || n["panels"] > maxPanelNodes {
			t.Errorf("%s: after Show more, %d nodes in the panels (budget %d), %d in the view (budget %d)", name, n["panels"], maxPanelNodes, n["view"], maxViewNodes)
		}
		t.Logf("%s (%d bytes, %d entities): %d nodes in the panels, %d in the view (%d and %d after showing more); longest main-thread task %.0f ms",
			name, f.Bytes, f.Entities, f.PanelNodes, f.ViewNode, n["panels"], n["view"], f.LongestTaskMs)
		if late {
			stopInLateStages(t, p, text)
		}
	}
	correctableBudget(t, p)
}

// correctableBudget pastes a text the corrections panel offers its menus
// for (up to 64 KB): one name mentioned 2,600 times among 2,600 numbers.
// With the name selected, its merge and mention menus are bounded, and
// the panels stay within budget.
func correctableBudget(t *testing.T, p *Page) {
	var b strings.Builder
	for i := range 2600 {
		fmt.Fprintf(&b, "Anna Berg counted %d. ", 1000+i)
	}
	f := ListHeavy(t, p, b.String())
	c := correctionsPage{p}
	c.selectEntity("Anna Berg")
	p.Reveal("#correct-into")
	Screenshots(t, p, "corrections-bounded", "#correct-entity")
	n := Eval[map[string]int](p, nodeCountJS)
	options := Eval[map[string]int](p, `({into: document.querySelectorAll("#correct-into option").length, mentions: document.querySelectorAll("#correct-mention-pick option").length})`)
	picked := Eval[string](p, `document.querySelector("#correct-mention-pick option:checked").textContent`)
	if n["panels"] > maxPanelNodes {
		t.Errorf("a correctable text with a name selected: %d nodes in the panels (budget %d)", n["panels"], maxPanelNodes)
	}
	if options["into"] == 0 || options["into"] > 201 || options["mentions"] != 200 {
		t.Errorf("the merge menu has %d options, the mention menu %d; want at most 200 each (of 2,600)", options["into"], options["mentions"])
	}
	if !strings.HasPrefix(picked, "1 of 2600: ") {
		t.Errorf("the mention menu shows %q picked, want the first of 2600", picked)
	}
	t.Logf("a correctable text (%d bytes, %d entities), a name of 2,600 mentions selected: %d nodes in the panels; merge menu %d options, mention menu %d; longest main-thread task %.0f ms",
		f.Bytes, f.Entities, n["panels"], options["into"], options["mentions"], f.LongestTaskMs)
}

// lateStageLegend is the legend button the page is asked to toggle while
// it finishes a long text.
const lateStageLegend = `.legend button[data-label="MISC"]`

// watchLateStages has the page, while it annotates the next text, count
// the turns its event loop gets once the analyzer is in its document
// stages (the progress bar at 90% or more) and once the analyzer is done
// and the result and the view's index are built (100%), and click the
// legend in that last phase, noting the state the click is answered in.
func watchLateStages(p *Page) {
	Eval[bool](p, `(() => {
		const button = document.querySelector('`+lateStageLegend+`');
		window.__late = {document: 0, result: 0, clicked: false, answered: ""};
		new MutationObserver(() => { window.__late.answered = document.getElementById("annotator").dataset.state; })
			.observe(button, {attributes: true, attributeFilter: ["aria-pressed"]});
		clearInterval(window.__lateBeat);
		window.__lateBeat = setInterval(() => {
			const bar = document.getElementById("progress-bar");
			if (document.getElementById("annotator").dataset.state !== "working" || !bar) return;
			const v = Number(bar.value);
			if (v >= 90 && v < 100) window.__late.document++;
			if (v >= 100) {
				window.__late.result++;
				if (!window.__late.clicked) { window.__late.clicked = true; button.click(); }
			}
		}, 10);
		return true;
	})()`)
}

// checkLateStages checks, after the run watchLateStages watched, that the
// page's event loop ran several times in the document stages and while the
// result was built, and that the click made then was answered before the
// run was over; it toggles the legend back.
func checkLateStages(t *testing.T, p *Page) {
	late := Eval[map[string]any](p, `(() => { clearInterval(window.__lateBeat); return window.__late; })()`)
	if late["document"].(float64) < 3 || late["result"].(float64) < 3 {
		t.Errorf("the page's event loop ran %v times in the document stages and %v times while the result was built, want 3 or more each: one long task", late["document"], late["result"])
	}
	if late["clicked"] != true || late["answered"] != "working" {
		t.Errorf("a click on the legend while the result was built was answered in state %q (clicked: %v), want working", late["answered"], late["clicked"])
	}
	if late["clicked"] == true {
		p.Click(lateStageLegend)
	}
}

// stopInLateStages pastes the long text, and a short one once the run is
// in its document stages: the short text's result is shown, nothing of the
// long run comes after it, and no fault is reported.
func stopInLateStages(t *testing.T, p *Page, long string) {
	js, _ := json.Marshal(long)
	before := p.Runs()
	Eval[bool](p, `(() => {
		const t = document.getElementById("text");
		t.value = `+string(js)+`;
		t.dispatchEvent(new Event("input", {bubbles: true}));
		return true;
	})()`)
	Poll[bool](p, `(() => { const bar = document.getElementById("progress-bar"); return !!bar && Number(bar.value) >= 90; })()`)
	// The Annotate button starts the new run at once (an input event would
	// wait for the typing pause, in which the long run might end).
	const short = "Anna Berg met Boris Costa in Oslo on Tuesday."
	Eval[bool](p, `(() => {
		document.getElementById("text").value = "`+short+`";
		document.getElementById("annotate").click();
		return true;
	})()`)
	run := p.WaitRun(before)
	if run.State != "done" || run.Bytes != len(short) || run.Runs != before+1 {
		t.Fatalf("a paste during a long run's document stages: run %d in state %q over %d bytes, want run %d over the %d bytes pasted last", run.Runs, run.State, run.Bytes, before+1, len(short))
	}
	// The long run would have finished by now had it gone on.
	Await[bool](p, `new Promise((resolve) => setTimeout(() => resolve(true), 6000))`)
	after := Eval[map[string]any](p, `(() => {
		const r = document.getElementById("annotator"), f = document.getElementById("`+contract.Faults+`");
		return {runs: Number(r.dataset.runs), bytes: Number(r.dataset.bytes), faults: f ? Number(f.dataset.count || 0) : 0, marks: document.querySelectorAll("#view mark").length};
	})()`)
	if after["runs"].(float64) != float64(run.Runs) || after["bytes"].(float64) != float64(len(short)) || after["faults"].(float64) != 0 || after["marks"].(float64) < 2 {
		t.Errorf("after the long run was stopped: %v, want run %d over %d bytes, no fault, the short text's marks", after, run.Runs, len(short))
	}
}

// roundTripText has every class of character a text can carry that a
// careless pipeline drops or alters: byte order marks at the start of the
// text, of a line and of a name, zero-width spaces and joiners,
// right-to-left marks and overrides, combining marks, emoji sequences,
// CJK, a tab, CRLF-free line breaks.
const roundTripText = "\uFEFFKim Jong-un met Xi Jinping in Beijing on Monday.\n" +
	"\uFEFFAngela Merkel\u200B flew to Paris\u200C.\n" +
	"RTL: \u200Fשלום\u200E and \u202Eevil\u202C; Arabic \u0627\u0644\u0633\u0644\u0627\u0645.\n" +
	"Combining: Zoe\u0301 Saldan\u0303a met Jose\u0301 in Lisbon.\n" +
	"Emoji: 👩‍👩‍👧 🇫🇷 👍🏽 met \u200DMr Kim\tat 9.30am.\n" +
	"CJK: 習近平在北京會見了金正恩。 \uFEFF\n"

// CharacterRoundTrip checks the text comes back exactly as given through
// the view, the library (saved and reopened), the exports and the embed;
// and that lone surrogates, which no encoding carries, are reported. Its
// steps run in order in one tab, each from where the last left it.
func CharacterRoundTrip(t *testing.T, b *Browser, appURL string, hosts *EmbedHosts) {
	s := &charTrip{b: b, appURL: appURL, hosts: hosts, text: roundTripText, u16: utf16.Encode([]rune(roundTripText)), dir: t.TempDir()}
	s.p = Open(t, b, appURL)
	s.p.WaitDraft()
	runStepsWhileOK(t, s, s.p, charTripSteps) // a failed step leaves the page broken for the next
	t.Logf("round trip: %d characters (%d marks, %d mentions in the JSON) through the view, the library, the three exports, the embed and its frame's view; lone surrogates reported in the page and by the embed: %q", len([]rune(s.text)), s.marks, s.mentions, s.notice)
}

// charTrip is what CharacterRoundTrip's steps share.
type charTrip struct {
	b      *Browser
	p      *Page
	appURL string
	hosts  *EmbedHosts
	text   string
	u16    []uint16 // text in UTF-16 code units
	dir    string   // downloads
	// What the steps found, for the summary: marks in the view, mentions
	// in the JSON export, the page's notice of lone surrogates.
	marks, mentions int
	notice          string
}

// charTripSteps are CharacterRoundTrip's steps, in order.
var charTripSteps = []step[*charTrip]{
	{"the view shows the text and each mark is the text at its offset", (*charTrip).view},
	{"the library stores and reopens the text exactly", (*charTrip).library},
	{"the JSON export's mentions are the text at their offsets", (*charTrip).jsonExport},
	{"the HTML export holds the text", (*charTrip).htmlExport},
	{"the JSON-LD export's selectors are the text at their positions", (*charTrip).jsonLDExport},
	{"the embed's mentions and its frame's view are the text; it warns of lone surrogates", (*charTrip).embed},
	{"the page replaces lone surrogates and says where", (*charTrip).pageLoneSurrogates},
}

func (s *charTrip) view(t *testing.T) {
	p, text := s.p, s.text
	run, pasted := p.Paste(text)
	if run.State != "done" || pasted != text {
		t.Fatalf("state %q; the text area holds %q", run.State, pasted)
	}
	if got := p.ViewText(); got != text {
		t.Errorf("the view's text differs from the pasted text at byte %d: %q", firstDiff(got, text), got)
	}
	marks := Eval[[]map[string]string](p, `Array.from(document.querySelectorAll("#view mark")).map((m) => ({text: m.textContent, start: m.dataset.start}))`)
	if len(marks) < 5 {
		t.Fatalf("%d marks, want 5 or more", len(marks))
	}
	for _, m := range marks {
		start, err := strconv.Atoi(m["start"])
		if err != nil || start < 0 || start+len(m["text"]) > len(text) || text[start:start+len(m["text"])] != m["text"] {
			t.Errorf("the mark %q (data-start %q) is not the text at its offset", m["text"], m["start"])
		}
	}
	s.marks = len(marks)
}

func (s *charTrip) library(t *testing.T) {
	p, text := s.p, s.text
	p.Click("#library-save")
	Poll[bool](p, `document.getElementById("library-save").disabled`)
	stored := Await[string](p, `new Promise((resolve, reject) => {
		const r = indexedDB.open("annotator-library");
		r.onsuccess = () => { const q = r.result.transaction("articles").objectStore("articles").getAll(); q.onsuccess = () => { r.result.close(); resolve(q.result.map((a) => a.text).find((s) => s.includes("Combining")) || ""); }; };
		r.onerror = () => reject(r.error);
	})`)
	if stored != text {
		t.Errorf("the library stored a different text, at byte %d", firstDiff(stored, text))
	}
	reopenFromLibrary(t, p, text)
}

func (s *charTrip) jsonExport(t *testing.T) {
	p, text, u16 := s.p, s.text, s.u16
	data := p.DownloadBy(`#exports .download[data-format="json"]`, s.dir).Data
	var doc struct {
		Entities []struct {
			Mentions []struct {
				Start, End int
				U16Start   int `json:"u16_start"`
				U16End     int `json:"u16_end"`
				Text       string
			} `json:"mentions"`
		} `json:"entities"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			checked++
			if m.End > len(text) || m.U16End > len(u16) || m.U16Start > m.U16End || text[m.Start:m.End] != m.Text || string(utf16.Decode(u16[m.U16Start:m.U16End])) != m.Text {
				t.Errorf("the JSON's mention %q is not the text at its offsets", m.Text)
			}
		}
	}
	if checked < 5 {
		t.Errorf("the JSON has %d mentions, want 5 or more", checked)
	}
	s.mentions = checked
}

func (s *charTrip) htmlExport(t *testing.T) {
	p, text := s.p, s.text
	htmlExport := string(p.DownloadBy(`#exports .download[data-format="html"]`, s.dir).Data)
	const open, end = `<article class="annotated">`, `</article>`
	article := htmlExport[strings.Index(htmlExport, open)+len(open) : strings.LastIndex(htmlExport, end)]
	article = regexp.MustCompile(`<span class="label">[^<]*</span>`).ReplaceAllString(article, "")
	if got := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(article, "")); got != text {
		t.Errorf("the HTML export's text differs from the text at byte %d: %q", firstDiff(got, text), got)
	}
}

// jsonLDExport: each exact selector is the text at its position (in
// code points).
func (s *charTrip) jsonLDExport(t *testing.T) {
	p, text := s.p, s.text
	var ld struct {
		First struct {
			Items []struct {
				Target struct {
					Selector []struct {
						Type       string
						Exact      string
						Start, End *int
					}
				}
			}
		}
	}
	if err := json.Unmarshal(p.DownloadBy(`#exports .download[data-format="jsonld"]`, s.dir).Data, &ld); err != nil {
		t.Fatal(err)
	}
	runes := []rune(text)
	for _, a := range ld.First.Items {
		exact, at := "", -1
		for _, sel := range a.Target.Selector {
			switch {
			case sel.Type == "TextQuoteSelector":
				exact = sel.Exact
			case sel.Type == "TextPositionSelector" && sel.Start != nil && sel.End != nil && *sel.Start <= *sel.End && *sel.End <= len(runes):
				if string(runes[*sel.Start:*sel.End]) == exact || exact == "" {
					at = *sel.Start
				}
			}
		}
		if exact == "" || at < 0 || !strings.HasPrefix(string(runes[at:]), exact) {
			t.Errorf("the JSON-LD's annotation %q is not the text at its position", exact)
		}
	}
	if len(ld.First.Items) != s.mentions {
		t.Errorf("the JSON-LD has %d annotations, the JSON %d mentions", len(ld.First.Items), s.mentions)
	}
}

func (s *charTrip) embed(t *testing.T) {
	text := s.text
	h := Open0(t, s.b, s.hosts.Allowed+"/host.html?app="+appBaseOf(s.appURL))
	Await[bool](h, `annotator.ready.then(() => true)`)
	js, _ := json.Marshal(text)
	bad := Await[int](h, fmt.Sprintf(`annotator.annotate(%s).then((doc) => {
		const text = %[1]s; let bad = 0;
		for (const e of doc.entities) for (const m of e.mentions) if (text.slice(m.u16_start, m.u16_end) !== m.text) bad++;
		return doc.entities.length ? bad : -1;
	})`, js))
	if bad != 0 {
		t.Errorf("the embed's document has %d mentions off their offsets (-1: no entities)", bad)
	}
	// The frame's own view shows the text as given.
	frame := FramePage(t, h, "/embed.html")
	if got := Poll[string](frame, embedViewTextJS); got != text {
		t.Errorf("the embed frame's view differs from the text at byte %d: %q", firstDiff(got, text), got)
	}
	// An embedded text with lone surrogates: the answer warns where, and
	// so does the frame (in this step: the frame's page ends with it).
	warning := Await[map[string]any](h, `new Promise((resolve) => {
		const start = replies.length;
		annotator.iframe.contentWindow.postMessage({type: "annotate", id: "lone", text: "Kim " + String.fromCharCode(0xD800) + " met Xi.\nThen " + String.fromCharCode(0xDC00) + "Paris."}, new URL(annotator.iframe.src).origin);
		const wait = () => {
			const m = replies.slice(start).find((m) => m.id === "lone");
			if (!m) { setTimeout(wait, 20); return; }
			resolve({type: m.type, warnings: JSON.stringify(m.warnings || null)});
		};
		wait();
	})`)
	var warnings []struct {
		Kind       string
		Count      int
		U16Offsets []int `json:"u16_offsets"`
		Message    string
	}
	json.Unmarshal([]byte(warning["warnings"].(string)), &warnings)
	if warning["type"] != "annotated" || len(warnings) != 1 || warnings[0].Kind != "replaced-characters" || warnings[0].Count != 2 ||
		fmt.Sprint(warnings[0].U16Offsets) != "[4 19]" || !strings.Contains(warnings[0].Message, "character 20 (line 2)") {
		t.Errorf("the embed answered a text with 2 lone surrogates with %v, want a warning of 2 replaced characters at 4 and 19", warning)
	}
	frameNotice := Poll[string](frame, `(() => { const n = document.querySelector("#embed #`+contract.TextNotice+`"); return n && !n.hidden && n.dataset.replaced === "2" && n.textContent; })()`)
	if !strings.Contains(frameNotice, "2 characters") || !strings.Contains(frameNotice, "character 5 (line 1)") {
		t.Errorf("the embed frame's notice says %q", frameNotice)
	}
}

func (s *charTrip) pageLoneSurrogates(t *testing.T) {
	p := Open(t, s.b, s.appURL)
	p.WaitDraft()
	before := p.Runs()
	Eval[bool](p, `(() => {
		const t = document.getElementById("text");
		t.value = "Kim " + String.fromCharCode(0xD800) + " met Xi.\nThen " + String.fromCharCode(0xDC00) + "Paris.";
		t.dispatchEvent(new Event("input", {bubbles: true}));
		return true;
	})()`)
	p.WaitRun(before)
	notice := Poll[string](p, `(() => { const n = document.getElementById("`+contract.TextNotice+`"); return n && !n.hidden && n.dataset.replaced === "2" && n.textContent; })()`)
	Screenshots(t, p, "text-notice", "#status")
	if !strings.Contains(notice, "2 characters") || !strings.Contains(notice, "character 5 (line 1)") || !strings.Contains(notice, "character 20 (line 2)") {
		t.Errorf("the notice says %q", notice)
	}
	s.notice = notice
}

// embedViewTextJS is the text of the embed frame's view once it shows an
// answer.
const embedViewTextJS = `(() => { const e = document.getElementById("embed"), v = e && e.querySelector("#view"); return e.dataset.state === "done" && v && v.textContent; })()`

// appBaseOf returns the app's base URL (ending with a slash) from its page
// URL.
func appBaseOf(appURL string) string {
	if i := strings.Index(appURL[len("http://"):], "/"); i >= 0 {
		return appURL[:len("http://")+i+1]
	}
	return appURL + "/"
}

// Screenshots writes PNGs of the page's viewport scrolled to the element
// sel, at desktop and phone size in both colour schemes, into
// $SCREENSHOTS (nothing without it): for people to look at.
func Screenshots(tb testing.TB, p *Page, name, sel string) {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		return
	}
	for _, size := range [][2]int64{{1440, 900}, {390, 844}} {
		for _, scheme := range []string{"light", "dark"} {
			p.Viewport(size[0], size[1])
			p.ColorScheme(scheme)
			Eval[bool](p, `(() => { const e = document.querySelector("`+sel+`"); if (e) e.scrollIntoView({block: "start"}); return true; })()`)
			ctx, cancel := context.WithTimeout(p.ctx, timeout)
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			cancel()
			if err != nil {
				tb.Fatal(err)
			}
			path := filepath.Join(dir, fmt.Sprintf("%s-%dx%d-%s.png", name, size[0], size[1], scheme))
			if err := os.WriteFile(path, png, 0o644); err != nil {
				tb.Fatal(err)
			}
		}
	}
	p.Viewport(1280, 900)
	p.ColorScheme("")
}

// reopenFromLibrary pastes another text, opens the first saved article of
// the library again and checks the box holds text exactly.
func reopenFromLibrary(t *testing.T, p *Page, text string) {
	t.Helper()
	p.Paste("Something else.")
	before := p.Runs()
	p.Click(`#library-list .library-open`)
	p.WaitRun(before)
	if got := p.PastedText(); got != text {
		t.Errorf("reopened from the library, the text differs at byte %d", firstDiff(got, text))
	}
}
