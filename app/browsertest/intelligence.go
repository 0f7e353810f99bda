//go:build !wasm

package browsertest

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"annotator/analyzer"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Intelligence checks issue 4's features in the page, against the
// analyzer's own results: aliases highlighted together, date values and the
// dateline, quotes with their speakers, key terms and phrases, the SVG
// pictures in light and dark colour schemes, the three exports (downloaded
// and copied), and the article library across a reload. Subtests share the
// page, in order.
func Intelligence(t *testing.T, p *Page, origin string, article Article) {
	s := &intelligence{p: p, origin: origin, article: article, candidates: append([]Article{article}, article.Others...)}
	runSteps(t, s, p, intelligenceSteps)
}

// intelligence is what Intelligence's steps share: the page, which each
// step leaves to the next, and the test articles.
type intelligence struct {
	p          *Page
	origin     string
	article    Article
	candidates []Article // article and its others
}

// intelligenceSteps are Intelligence's steps, in order.
var intelligenceSteps = []step[*intelligence]{
	{"an entity's aliases are listed and highlighted together", (*intelligence).aliasesTogether},
	{"dates show their ISO 8601 values and the dateline", (*intelligence).datesAndDateline},
	{"quotes show their speakers and lead to them", (*intelligence).quoteSpeakers},
	{"the quotes panel shows reported quotes with speakers and verbs", (*intelligence).quotesPanel},
	{"key terms and key phrases are listed by salience", (*intelligence).keyTerms},
	{"pictures are drawn in light and dark colour schemes", (*intelligence).pictures},
	{"text meets WCAG AA contrast in the dark colour scheme", (*intelligence).darkContrast},
	{"exports download, parse and copy", (*intelligence).exports},
	{"the library keeps articles across a reload and links their entities", (*intelligence).library},
}

func (s *intelligence) aliasesTogether(t *testing.T) {
	p, candidates := s.p, s.candidates
	var e analyzer.EntityResult
	var res *analyzer.Result
	for _, a := range candidates {
		res = pasteAndAnnotate(t, p, a)
		if e = aliasedEntity(res); e.ID != "" {
			break
		}
	}
	if e.ID == "" {
		t.Fatal("none of the test articles has an entity mentioned by two names")
	}
	aliases := Eval[string](p, textOf(`document.querySelector('`+entityButton(e.ID)+` .aliases')`))
	for _, m := range e.Mentions {
		if text := oneLine(m.Text); text != e.Name && !strings.Contains(aliases, text) {
			t.Errorf("the sidebar lists %q for %q, not the alias %q", aliases, e.Name, text)
		}
	}
	p.Click(entityButton(e.ID))
	checkSelected(t, p, e)
	var got, want []string
	for _, m := range p.Marks() {
		if m.Selected {
			got = append(got, m.Text)
		}
	}
	for _, m := range e.Mentions {
		want = append(want, m.Text)
	}
	if !slices.Equal(got, want) {
		t.Errorf("highlighted %q for %q, want every mention %q", got, e.Name, want)
	}
	p.Press(entityButton(e.ID), "\r")
	checkSelected(t, p, analyzer.EntityResult{})
}

func (s *intelligence) datesAndDateline(t *testing.T) {
	p, candidates := s.p, s.candidates
	checked := 0
	for _, a := range candidates {
		res := pasteAndAnnotate(t, p, a)
		dateline := Eval[string](p, textOf(`document.getElementById("dateline")`))
		switch {
		case res.Dateline != "" && !strings.Contains(dateline, res.Dateline):
			t.Errorf("%s: the sidebar says %q, not the dateline %s", a.Name, dateline, res.Dateline)
		case res.Dateline == "" && hasValues(res) && !strings.Contains(dateline, "No dateline"):
			t.Errorf("%s: no dateline, but the sidebar says %q", a.Name, dateline)
		}
		titles := map[string][]string{}
		for _, m := range Eval[[]map[string]string](p, `Array.from(document.querySelectorAll("#view mark")).map(m => ({e: m.dataset.entity, t: m.title}))`) {
			titles[m["e"]] = append(titles[m["e"]], m["t"])
		}
		for _, e := range res.Entities {
			if e.Label != analyzer.DATE && e.Label != analyzer.TIME {
				continue
			}
			shown := Eval[string](p, textOf(`document.querySelector('`+entityButton(e.ID)+` .values')`))
			unresolved := Eval[int](p, `document.querySelectorAll('`+entityButton(e.ID)+` .unresolved').length`)
			wantUnresolved := map[string]bool{}
			for i, m := range e.Mentions {
				if m.Value == "" {
					continue
				}
				checked++
				if !strings.Contains(shown, m.Value) {
					t.Errorf("%s: %q shows %q, not its value %s", a.Name, e.Name, shown, m.Value)
				}
				if i < len(titles[e.ID]) && !strings.Contains(titles[e.ID][i], m.Value) {
					t.Errorf("%s: the mark %q has the title %q, without its value %s", a.Name, m.Text, titles[e.ID][i], m.Value)
				}
				if m.Unresolved {
					wantUnresolved[m.Value] = true
				}
			}
			if unresolved != len(wantUnresolved) {
				t.Errorf("%s: %q has %d values marked unresolved, want %d", a.Name, e.Name, unresolved, len(wantUnresolved))
			}
		}
	}
	if checked == 0 {
		t.Fatal("no date with a value in the test articles")
	}
}

func (s *intelligence) quoteSpeakers(t *testing.T) {
	p, candidates := s.p, s.candidates
	attributed := 0
	for _, a := range candidates {
		res := pasteAndAnnotate(t, p, a)
		checkListedQuotes(t, p, a.Name, res)
		// Clicking a quote brings it into view and highlights its
		// speaker.
		for i, q := range res.Quotes {
			if q.Speaker == "" {
				continue
			}
			attributed++
			p.Click(fmt.Sprintf(`#quotes button[data-quote="%d"]`, i))
			Poll[bool](p, fmt.Sprintf(`(() => {
				const q = document.querySelector('#view .quote.current[data-quote="%d"]');
				if (!q) return false;
				const r = q.getBoundingClientRect();
				return r.bottom > 0 && r.top < innerHeight;
			})()`, i))
			if got := Eval[string](p, `document.querySelector("#view .quote.current").textContent`); got != q.Text {
				t.Errorf("%s: the current quote in the view is %.40q, want %.40q", a.Name, got, q.Text)
			}
			for _, e := range res.Entities {
				if e.ID == q.Speaker {
					checkSelected(t, p, e)
				}
			}
			break
		}
	}
	if attributed == 0 {
		t.Fatal("no quote with a speaker in the test articles")
	}
}

func (s *intelligence) quotesPanel(t *testing.T) {
	p := s.p
	QuotesPanel(t, p)
}

func (s *intelligence) keyTerms(t *testing.T) {
	p, article := s.p, s.article
	res := pasteAndAnnotate(t, p, article)
	// The analyzer's ranking, as it gives it.
	terms := res.Terms[:min(len(res.Terms), 15)]
	for i := 1; i < len(terms); i++ {
		if terms[i].Salience > terms[i-1].Salience {
			t.Fatalf("the analyzer's terms are not ranked by salience at %d", i)
		}
	}
	shown := Eval[[]map[string]string](p, `Array.from(document.querySelectorAll("#terms li")).map(li => ({
		stem: li.dataset.stem, forms: li.querySelector(".term").textContent, count: li.querySelector(".count").textContent,
	}))`)
	if len(terms) == 0 || len(shown) != len(terms) {
		t.Fatalf("%d terms listed, want %d", len(shown), len(terms))
	}
	for i, tr := range terms {
		if want := strings.Join(tr.Forms, " · "); shown[i]["stem"] != tr.Stem || shown[i]["forms"] != want || shown[i]["count"] != fmt.Sprint(tr.Count) {
			t.Errorf("term %d is %v, want %s %q ×%d", i, shown[i], tr.Stem, want, tr.Count)
		}
	}
	phrases := Eval[[]string](p, `Array.from(document.querySelectorAll("#phrases .phrase")).map(e => e.textContent)`)
	var want []string
	for _, ph := range res.Phrases[:min(len(res.Phrases), 10)] {
		want = append(want, oneLine(ph.Text))
	}
	if !slices.Equal(phrases, want) {
		t.Errorf("key phrases %q, want %q", phrases, want)
	}
}

func (s *intelligence) pictures(t *testing.T) {
	p, article := s.p, s.article
	res := pasteAndAnnotate(t, p, article)
	p.Reveal("#pictures") // its panel open: a hidden one draws nothing
	main := analyzer.MainEntities(res.Entities, 8)
	if len(main) < 2 {
		t.Fatalf("%s has %d named entities: too few to draw", article.Name, len(main))
	}
	ticks := 0
	for _, e := range main {
		ticks += len(e.Mentions)
	}
	want := map[string]int{"bars": len(main), "ticks": ticks, "nodes": len(main), "edges": len(sharedSentencePairs(res, main))}
	for _, scheme := range []string{"light", "dark"} {
		p.ColorScheme(scheme)
		got := Eval[map[string]int](p, `({
			bars: document.querySelectorAll("#entity-chart [data-part=bar]").length,
			ticks: document.querySelectorAll("#mention-strips [data-part=tick]").length,
			nodes: document.querySelectorAll("#cooccurrence [data-part=node]").length,
			edges: document.querySelectorAll("#cooccurrence [data-part=edge]").length,
		})`)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the pictures have %v, want %v", scheme, got, want)
		}
		// Drawn as SVG, not as unknown HTML elements: every bar, tick
		// and node has an SVG box of its own.
		if n := Eval[int](p, `Array.from(document.querySelectorAll("#pictures [data-part=bar], #pictures [data-part=tick-mark], #pictures [data-part=dot]"))
			.filter(e => !(e instanceof SVGGraphicsElement) || e.getBBox().width <= 0).length`); n != 0 {
			t.Errorf("%s: %d shapes of the pictures are not drawn as SVG", scheme, n)
		}
		for _, c := range Eval[[]contrast](p, pictureContrastJS) {
			min := 4.5 // text
			if strings.HasPrefix(c.What, "shape ") {
				min = 3 // graphics (WCAG 1.4.11)
			}
			if c.Ratio < min {
				t.Errorf("%s: %s has contrast %.2f:1 (%s on %s), want %.1f:1", scheme, c.What, c.Ratio, c.Fg, c.Bg, min)
			}
		}
		dark := Eval[bool](p, `(() => {
			const [r, g, b] = getComputedStyle(document.getElementById("pictures")).backgroundColor.match(/[\d.]+/g).map(Number);
			return r + g + b < 3 * 96;
		})()`)
		if dark != (scheme == "dark") {
			t.Errorf("with prefers-color-scheme %s, the pictures' background is dark=%v", scheme, dark)
		}
	}
	p.ColorScheme("")

	// The longest bar is the most mentioned entity's.
	longest := Eval[string](p, `(() => {
		let best = null;
		for (const r of document.querySelectorAll("#entity-chart [data-part=row]")) {
			const w = Number(r.querySelector("[data-part=bar]").getAttribute("width"));
			if (!best || w > best.w) best = {w, id: r.dataset.entity};
		}
		return best.id;
	})()`)
	most := slices.MaxFunc(main, func(x, y analyzer.EntityResult) int { return cmp.Compare(len(x.Mentions), len(y.Mentions)) })
	if len(entityByID(res, longest).Mentions) != len(most.Mentions) {
		t.Errorf("the longest bar is %s's, not the most mentioned %q's", longest, most.Name)
	}

	// A bar is a button: Enter selects its entity, Space clears it.
	bar := fmt.Sprintf(`#entity-chart [data-part=row][data-entity=%q]`, longest)
	// Start with nothing selected: an earlier step (a quote's click
	// highlights its speaker) may have left this entity highlighted.
	if Eval[string](p, fmt.Sprintf(`document.querySelector('%s').getAttribute("aria-pressed")`, bar)) == "true" {
		p.Click(entityButton(longest))
		Poll[bool](p, fmt.Sprintf(`document.querySelector('%s').getAttribute("aria-pressed") === "false"`, bar))
	}
	p.Press(bar, "\r")
	Poll[bool](p, fmt.Sprintf(`document.querySelector('%s').getAttribute("aria-pressed") === "true"`, bar))
	checkSelected(t, p, entityByID(res, longest))
	p.do(chromedp.Focus(chromedp.CSS(bar)))
	before := Eval[float64](p, `scrollY`)
	p.do(chromedp.KeyEvent(" "))
	Poll[bool](p, fmt.Sprintf(`document.querySelector('%s').getAttribute("aria-pressed") === "false"`, bar))
	checkSelected(t, p, analyzer.EntityResult{})
	if after := Await[float64](p, afterFrames); after != before {
		t.Errorf("Space on a bar scrolled the page from %v to %v: it must only press the bar", before, after)
	}

	// A tick leads to its mention: by click, and by keyboard.
	e := main[1]
	for k := range main {
		if len(main[k].Mentions) > 1 {
			e = main[k]
			break
		}
	}
	tick := func(n int) string {
		return fmt.Sprintf(`#mention-strips [data-part=tick][data-entity=%q]:nth-of-type(%d)`, e.ID, n+1)
	}
	p.Click(tick(0))
	checkCurrentMark(t, p, e, 0)
	checkSelected(t, p, e)
	if len(e.Mentions) > 1 {
		// The click left the focus on the tick and scrolled to the
		// mention; bring the strip back into view, as a keyboard user
		// would have it.
		Eval[bool](p, fmt.Sprintf(`(document.querySelector('%s').scrollIntoView({block: "center"}), true)`, tick(0)))
		p.do(chromedp.Focus(chromedp.CSS(tick(0))))
		before := Eval[float64](p, `scrollY`)
		p.do(chromedp.KeyEvent(kb.ArrowDown))
		if after := Await[float64](p, afterFrames); after != before {
			t.Errorf("ArrowDown on a tick scrolled the page from %v to %v: it must only move the focus", before, after)
		}
		if got := Eval[string](p, `document.activeElement.getAttribute("data-mark") + "/" + document.activeElement.dataset.entity`); !strings.HasSuffix(got, "/"+e.ID) {
			t.Errorf("ArrowDown on a tick focused %q, want the next tick of %s", got, e.ID)
		}
		p.do(chromedp.KeyEvent(kb.Enter))
		checkCurrentMark(t, p, e, 1)
	}

	// A node of the graph selects its entity (one not selected yet).
	node := main[0]
	if node.ID == e.ID {
		node = main[1]
	}
	p.Click(fmt.Sprintf(`#cooccurrence [data-part=node][data-entity=%q] [data-part=dot]`, node.ID))
	Poll[bool](p, fmt.Sprintf(`document.querySelector('#cooccurrence [data-part=node][data-entity=%q]').getAttribute("aria-pressed") === "true"`, node.ID))
	checkSelected(t, p, node)
	p.Click(entityButton(node.ID))
	checkSelected(t, p, analyzer.EntityResult{})
}

func (s *intelligence) darkContrast(t *testing.T) {
	p, article := s.p, s.article
	pasteAndAnnotate(t, p, article)
	p.ColorScheme("dark")
	defer p.ColorScheme("")
	if !Eval[bool](p, `matchMedia("(prefers-color-scheme: dark)").matches`) {
		t.Fatal("the dark colour scheme is not emulated")
	}
	measured := 0
	for _, c := range Eval[[]contrast](p, contrastJS) {
		measured++
		if c.Ratio < 4.5 {
			t.Errorf("%s: contrast %.2f:1 (%s on %s), AA needs 4.5:1", c.What, c.Ratio, c.Fg, c.Bg)
		}
	}
	if measured < 10 {
		t.Errorf("measured only %d kinds of text", measured)
	}
}

func (s *intelligence) exports(t *testing.T) {
	p, article, origin := s.p, s.article, s.origin
	res := pasteAndAnnotate(t, p, article)
	text := p.PastedText()
	dir := t.TempDir()

	jsonFile := p.DownloadBy(`#exports button.download[data-format="json"]`, dir)
	if !strings.HasSuffix(jsonFile.Name, ".json") {
		t.Errorf("the JSON export is named %q", jsonFile.Name)
	}
	var got analyzer.Result
	if err := json.Unmarshal(jsonFile.Data, &got); err != nil {
		t.Fatalf("the JSON export does not parse: %v", err)
	}
	if !reflect.DeepEqual(roundTrip(t, res), &got) {
		t.Errorf("the JSON export differs from the analyzer's result")
	}

	ld := p.DownloadBy(`#exports button.download[data-format="jsonld"]`, dir)
	if !strings.HasSuffix(ld.Name, ".jsonld") {
		t.Errorf("the JSON-LD export is named %q", ld.Name)
	}
	checkWebAnnotations(t, ld.Data, text, res)

	page := p.DownloadBy(`#exports button.download[data-format="html"]`, dir)
	if !strings.HasSuffix(page.Name, ".html") {
		t.Errorf("the HTML export is named %q", page.Name)
	}
	checkHTMLExport(t, p, page.Data, text, res)

	// Copy puts the same JSON on the clipboard.
	p.AllowClipboard(origin)
	p.Click(`#exports button.copy[data-format="json"]`)
	Poll[bool](p, `document.getElementById("export-status").textContent.startsWith("Copied")`)
	if copied := Await[string](p, `navigator.clipboard.readText()`); copied != string(jsonFile.Data) {
		t.Errorf("the clipboard holds %d bytes, not the %d of the JSON export", len(copied), len(jsonFile.Data))
	}

	// Markup in the text stays text in the HTML export.
	markup := "Kim Jong-un met Xi Jinping. <script>alert('x')</script> <img src=x onerror=alert(1)> & done"
	res = pasteAndAnnotate(t, p, Article{Name: "markup", Text: markup})
	page = p.DownloadBy(`#exports button.download[data-format="html"]`, dir)
	if s := string(page.Data); strings.Contains(s, "<script") || strings.Contains(s, "<img") || !strings.Contains(s, "&lt;script&gt;") {
		t.Errorf("the HTML export does not escape the markup in the text:\n%s", s)
	}
	checkHTMLExport(t, p, page.Data, p.PastedText(), res)
}

func (s *intelligence) library(t *testing.T) {
	p, article := s.p, s.article
	lib := article.Library
	if len(lib) < 2 {
		t.Fatal("needs two articles for the library")
	}
	var texts []string
	results := map[string]*analyzer.Result{}
	for i, a := range lib[:2] {
		res := pasteAndAnnotate(t, p, a)
		text := p.PastedText()
		texts = append(texts, text)
		results[text] = res
		Poll[bool](p, `!document.getElementById("library-save").disabled`)
		p.Click("#library-save")
		Poll[bool](p, fmt.Sprintf(`document.querySelectorAll("#library-list li.library-entry").length === %d`, i+1))
		if !Eval[bool](p, `document.getElementById("library-save").disabled`) {
			t.Errorf("the save button stays enabled for a saved article")
		}
	}
	if n := storedArticles(p); n != 2 {
		t.Fatalf("IndexedDB holds %d articles, want 2", n)
	}

	p.do(chromedp.Reload())
	p.WaitReady()
	Poll[bool](p, `document.querySelectorAll("#library-list li.library-entry").length === 2`)
	// Newest first.
	titles := Eval[[]string](p, `Array.from(document.querySelectorAll("#library-list .library-title")).map(e => e.textContent)`)
	if want := []string{firstLine(texts[1]), firstLine(texts[0])}; !slices.Equal(titles, want) {
		t.Errorf("the library lists %q, want %q", titles, want)
	}

	// The shared entities are analyzer.LinkCorpus's over the saved
	// articles, in the list's order.
	docs := []analyzer.CorpusDocument{{Name: "1", Result: results[texts[1]]}, {Name: "0", Result: results[texts[0]]}}
	var want []string
	variants := 0
	for _, c := range analyzer.LinkCorpus(docs) {
		if len(c.Documents) < 2 {
			continue
		}
		var members []string
		for _, m := range c.Documents {
			members = append(members, m.Text)
		}
		if members[0] != members[1] {
			variants++
		}
		want = append(want, c.Name+" = "+strings.Join(members, " | "))
	}
	shown := Poll[[]string](p, sharedEntitiesJS)
	if !slices.Equal(shown, want) {
		t.Errorf("shared entities\n got %q\nwant %q", shown, want)
	}
	if variants == 0 {
		t.Errorf("no shared entity is spelt differently in the two articles: linking is not tested")
	}

	// Articles stored by an older version of the app are annotated
	// again in the background after a reload, linked the same way, and
	// stored again with this version's names.
	if n := Await[int](p, markLibraryOld); n != 2 {
		t.Fatalf("marked %d stored articles as older, want 2", n)
	}
	p.do(chromedp.Reload())
	p.WaitReady()
	again := Poll[[]string](p, sharedEntitiesJS)
	if !slices.Equal(again, want) {
		t.Errorf("after annotating the older articles again, shared entities\n got %q\nwant %q", again, want)
	}
	restored := Await[bool](p, `(async () => {
		const current = () => new Promise((resolve, reject) => {
			const open = indexedDB.open("annotator-library");
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const all = open.result.transaction("articles").objectStore("articles").getAll();
				all.onsuccess = () => { open.result.close(); resolve(all.result.length === 2 && all.result.every(r => r.version !== "an-older-version" && r.names !== "")); };
			};
		});
		for (let i = 0; i < 100; i++) {
			if (await current()) return true;
			await new Promise(r => setTimeout(r, 100));
		}
		return false;
	})()`)
	if !restored {
		t.Errorf("the articles annotated again were not stored with this version's names")
	}

	// A member opens its article with the entity highlighted.
	before := p.Runs()
	p.Click(`#shared li.cluster button.member[data-article]:not([data-article="` + articleKey(texts[1]) + `"])`)
	// A background run of the library may finish first: wait for the
	// first article's text, then for a run after it.
	first, _ := json.Marshal(texts[0])
	if !Poll[bool](p, `document.getElementById("text").value === `+string(first)) {
		t.Fatalf("opening a shared entity's member did not open the first article")
	}
	p.WaitRun(before)
	id := Eval[string](p, `document.querySelector('#shared li.cluster button.member[data-article="`+articleKey(texts[0])+`"]').dataset.entity`)
	checkSelected(t, p, entityByID(results[texts[0]], id))

	// Delete one with its button.
	p.Click("#library-list li.library-entry button.library-delete")
	Poll[bool](p, `document.querySelectorAll("#library-list li.library-entry").length === 1`)
	if n := storedArticles(p); n != 1 {
		t.Errorf("IndexedDB holds %d articles after deleting one of two", n)
	}

	// Deleting the database (as "clear local data" or another tab
	// does) is not blocked by the app's connection, empties the
	// library, and saving works again after.
	Await[bool](p, `new Promise((resolve, reject) => {
		const req = indexedDB.deleteDatabase("annotator-library");
		req.onsuccess = () => resolve(true);
		req.onerror = () => reject(req.error);
		req.onblocked = () => reject(new Error("the app's connection blocks deleting the library"));
	})`)
	Poll[bool](p, `document.getElementById("library-empty") !== null`)
	// Even a database someone made again without the app's store.
	Await[bool](p, `new Promise((resolve, reject) => {
		const req = indexedDB.open("annotator-library", 1);
		req.onsuccess = () => { req.result.close(); resolve(true); };
		req.onerror = () => reject(req.error);
	})`)
	Poll[bool](p, `!document.getElementById("library-save").disabled`)
	p.Click("#library-save")
	Poll[bool](p, `document.querySelectorAll("#library-list li.library-entry").length === 1`)
	if n := storedArticles(p); n != 1 {
		t.Errorf("IndexedDB holds %d articles after saving into a deleted library", n)
	}
	// The app opened that database one version up to make its store:
	// a later visit opens it too (asking for version 1 failed there
	// with a VersionError, the library unavailable for good).
	p.do(chromedp.Reload())
	p.WaitReady()
	pollOrDump[bool](t, p, "the library after a reload of its remade database", `document.querySelectorAll("#library-list li.library-entry").length === 1`)
	p.Click("#library-list li.library-entry button.library-delete")
	Poll[bool](p, `document.getElementById("library-empty") !== null`)
	if n := storedArticles(p); n != 0 {
		t.Errorf("IndexedDB holds %d articles after deleting them all", n)
	}
}

// sharedEntitiesJS lists the library's shared entities as "name = text in
// one article | text in the other", or null while there are none.
const sharedEntitiesJS = `(() => {
	const cs = Array.from(document.querySelectorAll("#shared li.cluster"));
	return cs.length ? cs.map(c => c.querySelector(".cluster-name").textContent + " = " +
		Array.from(c.querySelectorAll(".member-text")).map(m => m.textContent).join(" | ")) : null;
})()`

// afterFrames resolves to scrollY ten animation frames on: long enough for
// a smooth scroll the browser started to show.
const afterFrames = `new Promise((resolve) => {
	let n = 0;
	const frame = () => (++n < 10 ? requestAnimationFrame(frame) : resolve(scrollY));
	requestAnimationFrame(frame);
})`

// markLibraryOld makes the stored articles look saved by an older version
// of the app, without names, and resolves to how many it changed.
const markLibraryOld = `new Promise((resolve, reject) => {
	const open = indexedDB.open("annotator-library");
	open.onerror = () => reject(open.error);
	open.onsuccess = () => {
		const db = open.result;
		const tx = db.transaction("articles", "readwrite");
		const store = tx.objectStore("articles");
		const all = store.getAll();
		all.onsuccess = () => { for (const r of all.result) { r.version = "an-older-version"; r.names = ""; store.put(r); } };
		tx.oncomplete = () => { db.close(); resolve(all.result.length); };
		tx.onerror = () => reject(tx.error);
	};
})`

// pasteAndAnnotate pastes the article and returns the analyzer's result for
// the text as the text area holds it, in the language menu's choice.
func pasteAndAnnotate(t *testing.T, p *Page, a Article) *analyzer.Result {
	t.Helper()
	run, text := p.Paste(a.Text)
	if run.State != "done" {
		t.Fatalf("state %q after pasting %s", run.State, a.Name)
	}
	doc, err := analyzer.Annotate(text, analyzer.Options{Lang: Eval[string](p, `document.getElementById("lang").value`)})
	if err != nil {
		t.Fatal(err)
	}
	return doc.Result()
}

// aliasedEntity returns the most salient entity mentioned by two or more
// different texts, or a zero entity.
func aliasedEntity(res *analyzer.Result) analyzer.EntityResult {
	var best analyzer.EntityResult
	for _, e := range res.Entities {
		texts := map[string]bool{}
		for _, m := range e.Mentions {
			texts[oneLine(m.Text)] = true
		}
		if len(texts) > 1 && (best.ID == "" || e.Salience > best.Salience) {
			best = e
		}
	}
	return best
}

func hasValues(res *analyzer.Result) bool {
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			if m.Value != "" {
				return true
			}
		}
	}
	return false
}

func entityByID(res *analyzer.Result, id string) analyzer.EntityResult {
	for _, e := range res.Entities {
		if e.ID == id {
			return e
		}
	}
	return analyzer.EntityResult{}
}

// sharedSentencePairs returns the pairs of the entities that some sentence
// mentions both of.
func sharedSentencePairs(res *analyzer.Result, es []analyzer.EntityResult) [][2]string {
	sentence := func(pos int) int {
		for i, s := range res.Sentences {
			if s.Start <= pos && pos < s.End {
				return i
			}
		}
		return -1
	}
	in := make([]map[int]bool, len(es))
	for k, e := range es {
		in[k] = map[int]bool{}
		for _, m := range e.Mentions {
			in[k][sentence(m.Start)] = true
		}
		delete(in[k], -1)
	}
	var pairs [][2]string
	for a := range es {
		for b := a + 1; b < len(es); b++ {
			for s := range in[a] {
				if in[b][s] {
					pairs = append(pairs, [2]string{es[a].ID, es[b].ID})
					break
				}
			}
		}
	}
	return pairs
}

// checkCurrentMark waits until the view's current mark is mention n of e,
// and in view.
func checkCurrentMark(t *testing.T, p *Page, e analyzer.EntityResult, n int) {
	t.Helper()
	// Until it is the nth: the mark current before the key may still be
	// on screen (the pictures are in the side panel, beside the text).
	Poll[bool](p, fmt.Sprintf(`(() => {
		const m = document.querySelector("#view mark.current");
		if (!m || m.dataset.entity !== %q) return false;
		const r = m.getBoundingClientRect();
		const nth = Array.from(document.querySelectorAll('#view mark[data-entity="' + m.dataset.entity + '"]')).indexOf(m);
		return r.bottom > 0 && r.top < innerHeight && nth === %d;
	})()`, e.ID, n))
	got := Eval[int](p, `(() => {
		const c = document.querySelector("#view mark.current");
		return Array.from(document.querySelectorAll('#view mark[data-entity="' + c.dataset.entity + '"]')).indexOf(c);
	})()`)
	if got != n {
		t.Errorf("the current mark is mention %d of %q, want %d", got, e.Name, n)
	}
}

// roundTrip returns the result as the JSON export decodes.
func roundTrip(t *testing.T, res *analyzer.Result) *analyzer.Result {
	t.Helper()
	data, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var back analyzer.Result
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	return &back
}

// checkWebAnnotations parses a JSON-LD export and checks it annotates every
// mention and quote, each selector pointing at the text it quotes.
func checkWebAnnotations(t *testing.T, data []byte, text string, res *analyzer.Result) {
	t.Helper()
	var c struct {
		Context string `json:"@context"`
		Type    string `json:"type"`
		Total   int    `json:"total"`
		First   struct {
			Items []struct {
				Type   string `json:"type"`
				Target struct {
					Selector []struct {
						Type   string `json:"type"`
						Exact  string `json:"exact"`
						Prefix string `json:"prefix"`
						Start  *int   `json:"start"`
						End    *int   `json:"end"`
					} `json:"selector"`
				} `json:"target"`
			} `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatalf("the JSON-LD export does not parse: %v", err)
	}
	mentions := 0
	for _, e := range res.Entities {
		mentions += len(e.Mentions)
	}
	if c.Context != "http://www.w3.org/ns/anno.jsonld" || c.Type != "AnnotationCollection" {
		t.Errorf("the JSON-LD export is a %q in context %q", c.Type, c.Context)
	}
	if want := mentions + len(res.Quotes); c.Total != want || len(c.First.Items) != want {
		t.Errorf("the JSON-LD export has total %d and %d items, want %d (mentions and quotes)", c.Total, len(c.First.Items), want)
	}
	runes := []rune(text)
	for i, item := range c.First.Items {
		var exact, prefix string
		start, end := -1, -1
		for _, s := range item.Target.Selector {
			switch s.Type {
			case "TextQuoteSelector":
				exact, prefix = s.Exact, s.Prefix
			case "TextPositionSelector":
				if s.Start != nil && s.End != nil {
					start, end = *s.Start, *s.End
				}
			}
		}
		if item.Type != "Annotation" || exact == "" || start < 0 || end > len(runes) || start > end {
			t.Fatalf("annotation %d lacks a quote or position selector: %+v", i, item)
		}
		if got := string(runes[start:end]); got != exact {
			t.Fatalf("annotation %d: positions %d-%d select %q, the quote selector says %q", i, start, end, got, exact)
		}
		if !strings.HasSuffix(string(runes[:start]), prefix) {
			t.Fatalf("annotation %d: prefix %q does not precede the quote", i, prefix)
		}
	}
}

// checkHTMLExport parses the HTML export in the page and checks its
// article holds the text, with a mark per mention.
func checkHTMLExport(t *testing.T, p *Page, data []byte, text string, res *analyzer.Result) {
	t.Helper()
	if !utf8.Valid(data) {
		t.Fatal("the HTML export is not UTF-8")
	}
	js, _ := json.Marshal(string(data))
	got := Eval[map[string]any](p, `(() => {
		// Parsed in a template, inert: a DOMParser document would take the
		// page's content security policy and report the export's <style>.
		const template = document.createElement("template");
		template.innerHTML = `+string(js)+`;
		const doc = template.content;
		const article = doc.querySelector("article.annotated");
		if (!article) return {};
		const marks = article.querySelectorAll("mark.entity").length;
		const copy = article.cloneNode(true);
		copy.querySelectorAll(".label").forEach(l => l.remove());
		return {marks, text: copy.textContent, elements: article.querySelectorAll(":not(mark):not(.label)").length, style: doc.querySelectorAll("style").length};
	})()`)
	mentions := 0
	for _, e := range res.Entities {
		mentions += len(e.Mentions)
	}
	if got["text"] != text {
		t.Errorf("the HTML export's article text differs from the text")
	}
	if n, _ := got["marks"].(float64); int(n) != mentions {
		t.Errorf("the HTML export has %v marks, want %d", got["marks"], mentions)
	}
	if n, _ := got["elements"].(float64); n != 0 {
		t.Errorf("the HTML export's article holds %v elements besides marks and their labels", n)
	}
	if n, _ := got["style"].(float64); n != 1 {
		t.Errorf("the HTML export has %v style elements, want 1", got["style"])
	}
}

// storedArticles counts the articles in the library's IndexedDB, read
// directly, not through the app (and without creating the database).
func storedArticles(p *Page) int {
	return Await[int](p, `indexedDB.databases().then(dbs => dbs.some(d => d.name === "annotator-library")).then(exists => exists && new Promise((resolve, reject) => {
		const open = indexedDB.open("annotator-library");
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const db = open.result;
			if (!db.objectStoreNames.contains("articles")) { db.close(); resolve(0); return; }
			const count = db.transaction("articles").objectStore("articles").count();
			count.onsuccess = () => { db.close(); resolve(count.result); };
			count.onerror = () => { db.close(); reject(count.error); };
		};
	})).then(Number)`)
}

// articleKey is the id the library stores a text under: the hex of the
// first 16 bytes of its SHA-256.
func articleKey(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:16])
}

// firstLine is the first non-blank line of a text, its words joined by
// single spaces.
func firstLine(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if l := oneLine(line); l != "" {
			return l
		}
	}
	return ""
}

// pictureContrastJS measures the contrast of the pictures' text (SVG text
// is painted by its fill) and shapes against the panel behind them.
const pictureContrastJS = `(() => {
	const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
	const lum = c => {
		const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
	const bg = rgb(getComputedStyle(document.getElementById("pictures")).backgroundColor);
	const out = [];
	const seen = new Set();
	const check = (what, e, prop) => {
		const c = getComputedStyle(e)[prop];
		if (seen.has(what + c)) return;
		seen.add(what + c);
		out.push({what, fg: c, bg: "rgb(" + bg.join(", ") + ")", ratio: ratio(rgb(c), bg)});
	};
	for (const e of document.querySelectorAll("#pictures svg text")) check("text " + (e.dataset.part || ""), e, "fill");
	for (const e of document.querySelectorAll("#pictures figcaption")) check("caption", e, "color");
	for (const e of document.querySelectorAll("#pictures [data-part=bar], #pictures [data-part=tick-mark]")) check("shape " + e.dataset.part + " " + e.closest("[data-label]").dataset.label, e, "fill");
	for (const e of document.querySelectorAll("#pictures [data-part=dot]")) check("shape dot " + e.closest("[data-label]").dataset.label, e, "stroke");
	return out;
})()`
