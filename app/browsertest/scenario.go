//go:build !wasm

package browsertest

import (
	"cmp"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"annotator/analyzer"
	"annotator/app/contract"
	"annotator/app/ui"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Article is a text to paste and some mentions it must produce.
type Article struct {
	Name    string
	Text    string
	Anchors []Anchor
	// Others are more articles, for the features a single article may not
	// show (aliases, quotes, dates); Library are two articles that share
	// entities, for the library.
	Others, Library []Article
}

// Anchor is a mention a working analyzer must find: its text and label.
type Anchor struct {
	Text  string
	Label analyzer.Label
}

// sharedArticle is the real article from ../shared the tests paste when it
// is there (CI has it; a fresh clone does not), with mentions it contains.
var sharedArticle = Article{
	Name: "kim-beijing-june-2018.txt",
	Anchors: []Anchor{
		{"Kim Jong-un", analyzer.PER},
		{"Xi Jinping", analyzer.PER},
		{"Beijing", analyzer.LOC},
		{"CCTV", analyzer.ORG},
	},
}

// sampleAnchors are mentions of the app's own sample article (ui.Sample),
// the fallback when ../shared is absent.
var sampleAnchors = []Anchor{
	{"Lisbon", analyzer.LOC},
	{"European Commission", analyzer.ORG},
	{"35%", analyzer.PERCENT},
	{"€1.2bn", analyzer.MONEY},
}

// sharedCompanion is the other real article of ../shared, saved with
// sharedArticle in the library.
const sharedCompanion = "kim-beijing-march-2018.txt"

// inventedArticles are two short articles written for these tests, which
// mention the same people with different spellings (Elena Marquez / Elena
// Márquez), by aliases (Ms Marquez, Gunnarsson) and in quotes: the
// library's articles when ../shared is absent.
//
//go:embed testdata/harbour-talks.txt testdata/harbour-deal.txt
var inventedArticles embed.FS

// TestArticle returns the article end-to-end tests paste: the shared news
// article when ../shared is beside the module at root, else the sample;
// with the other shared article, or two invented ones, as its Others and
// Library.
func TestArticle(tb testing.TB, root string) Article {
	a := sharedArticle
	dir := filepath.Join(root, "..", "shared", "articles")
	text, err := os.ReadFile(filepath.Join(dir, a.Name))
	if err == nil {
		companion, err := os.ReadFile(filepath.Join(dir, sharedCompanion))
		if err != nil {
			tb.Fatalf("../shared/articles has %s but not %s: %v", a.Name, sharedCompanion, err)
		}
		a.Text = string(text)
		other := Article{Name: sharedCompanion, Text: string(companion)}
		a.Others = []Article{other}
		a.Library = []Article{a, other}
		return a
	}
	tb.Logf("../shared/articles/%s is absent (%v): pasting the app's sample article and invented ones", a.Name, err)
	var invented []Article
	for _, name := range []string{"harbour-talks.txt", "harbour-deal.txt"} {
		data, err := inventedArticles.ReadFile("testdata/" + name)
		if err != nil {
			tb.Fatal(err)
		}
		invented = append(invented, Article{Name: name, Text: string(data)})
	}
	return Article{Name: "ui.Sample", Text: ui.Sample, Anchors: sampleAnchors, Others: invented, Library: invented}
}

// Scenario checks the annotator at url in the browser, as a user would use
// it: it pastes the article and checks the highlights and the sidebar
// against the analyzer's own result, selects entities by mouse and by
// keyboard, toggles a legend label, types, pastes markup that must stay
// text, pastes a text that is too large, and narrows the window to phone
// width. Subtests share the page, in order.
func Scenario(t *testing.T, b *Browser, url string, article Article) {
	s := &scenario{b: b, p: Open(t, b, url), url: url, article: article}
	runSteps(t, s, s.p, scenarioSteps)
	Intelligence(t, s.p, url, article)
	t.Run("no uncaught exceptions", func(t *testing.T) {
		if ex := b.Exceptions(); len(ex) > 0 {
			t.Errorf("the page threw %d exceptions: %q", len(ex), ex)
		}
	})
}

// scenario is what Scenario's steps share: the browser and its tab, the
// app's address, the article and the analyzer's result for it (set by the
// first step).
type scenario struct {
	b       *Browser
	p       *Page
	url     string
	article Article
	want    *analyzer.Result
}

// scenarioSteps are Scenario's steps, in order, before Intelligence's.
var scenarioSteps = []step[*scenario]{
	{"article is highlighted and listed", (*scenario).highlightedAndListed},
	{"an entity's mentions are highlighted on click and from the keyboard", (*scenario).mentionsOnClickAndKeys},
	{"the legend hides and shows a label", (*scenario).legendToggles},
	{"typing is annotated once typing pauses, spaces and all", (*scenario).typingPauses},
	{"the sample button fills the text area and annotates it", (*scenario).sampleButton},
	{"the language menu reaches the analyzer", (*scenario).languageMenu},
	{"keyboard focus is visible", (*scenario).focusVisible},
	{"text meets WCAG AA contrast", (*scenario).contrastAA},
	{"markup in the text is shown as text and never runs", (*scenario).markupStaysText},
	{"a text too large is refused with a message and kept", (*scenario).tooLarge},
	{"usable at phone width", (*scenario).phoneWidth},
}

func (s *scenario) highlightedAndListed(t *testing.T) {
	p := s.p
	// The tagger loads once the page is up, and says so.
	if loaded := Poll[string](p, `(() => { const d = document.getElementById("annotator").dataset; return d.namesError ? "error: " + d.namesError : d.namesLoadMs || false; })()`); strings.HasPrefix(loaded, "error") {
		t.Fatalf("the name tagger did not load: %s", loaded)
	}
	run, text := p.Paste(s.article.Text)
	if run.State != "done" {
		t.Fatalf("state %q after pasting %s, want done", run.State, s.article.Name)
	}
	if run.Bytes != len(text) || run.Tokens == 0 {
		t.Errorf("run reports %d bytes and %d tokens; pasted %d bytes", run.Bytes, run.Tokens, len(text))
	}
	if got := p.ViewText(); got != text {
		t.Fatalf("the view's text differs from the pasted text at byte %d", firstDiff(got, text))
	}
	doc, err := analyzer.Annotate(text, analyzer.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	s.want = doc.Result()
	checkMarks(t, p.Marks(), s.want)
	checkSidebar(t, p.Entities(), s.want)
	checkAnchors(t, p.Marks(), s.article.Anchors)
}

func (s *scenario) mentionsOnClickAndKeys(t *testing.T) {
	p := s.p
	want := s.want
	if want == nil || len(want.Entities) < 2 {
		t.Fatal("needs an annotated article with at least two entities")
	}
	byMentions := slices.Clone(want.Entities)
	slices.SortStableFunc(byMentions, func(x, y analyzer.EntityResult) int {
		return cmp.Compare(len(y.Mentions), len(x.Mentions))
	})
	first, second := byMentions[0], byMentions[1]

	p.Click(entityButton(first.ID))
	checkSelected(t, p, first)

	p.Press(entityButton(second.ID), " ") // Space on a focused button
	checkSelected(t, p, second)

	p.Press(entityButton(second.ID), "\r") // Enter again clears it
	checkSelected(t, p, analyzer.EntityResult{})

	p.Click(fmt.Sprintf(`#view mark[data-entity=%q]`, first.ID)) // a mark in the text
	checkSelected(t, p, first)
	p.Click(entityButton(first.ID))
	checkSelected(t, p, analyzer.EntityResult{})
}

func (s *scenario) legendToggles(t *testing.T) {
	p := s.p
	want := s.want
	if want == nil || len(want.Entities) == 0 {
		t.Fatal("needs an annotated article")
	}
	label := string(want.Entities[0].Label)
	button := fmt.Sprintf(`.legend button[data-label=%q]`, label)
	pressed := func(want string) {
		t.Helper()
		Poll[bool](p, `document.querySelector('`+button+`').getAttribute("aria-pressed") === "`+want+`"`)
	}
	p.Click(button)
	pressed("false")
	if !Eval[bool](p, `document.getElementById("view").classList.contains("hide-`+label+`")`) {
		t.Errorf("the view lacks class hide-%s after the legend hid it", label)
	}
	for _, m := range p.Marks() {
		if (m.Label == label) == m.Shown {
			t.Fatalf("with %s hidden, mark %q (%s) shown=%v", label, m.Text, m.Label, m.Shown)
		}
	}
	p.Press(button, " ") // Space on the focused legend button shows it again
	pressed("true")
	for _, m := range p.Marks() {
		if !m.Shown {
			t.Fatalf("with every label shown, mark %q (%s) has no highlight", m.Text, m.Label)
		}
	}
}

func (s *scenario) typingPauses(t *testing.T) {
	p := s.p
	p.Paste("")
	before := p.Runs()
	typed := "Talks in  Paris ended on Monday.  "
	p.Type("#text", typed)
	run := p.WaitRun(before)
	if run.State != "done" {
		t.Fatalf("state %q after typing", run.State)
	}
	if got := p.PastedText(); got != typed {
		t.Fatalf("the text area holds %q after typing %q", got, typed)
	}
	// The last run is the one for the whole text.
	Poll[bool](p, fmt.Sprintf(`document.getElementById("view").textContent === %q`, typed))
	if runs := p.Runs() - before; runs >= len(typed) {
		t.Errorf("%d runs for %d keystrokes: the input is not debounced", runs, len(typed))
	}
}

func (s *scenario) sampleButton(t *testing.T) {
	p := s.p
	before := p.Runs()
	p.Click("#sample")
	run := p.WaitRun(before)
	if run.State != "done" || len(p.Marks()) == 0 {
		t.Fatalf("state %q and %d marks after the sample", run.State, len(p.Marks()))
	}
	if got := p.PastedText(); got != strings.ReplaceAll(ui.Sample, "\r\n", "\n") {
		t.Errorf("the text area holds %.40q..., not the sample", got)
	}
	if got := p.ViewText(); got != p.PastedText() {
		t.Errorf("the view's text differs from the sample at byte %d", firstDiff(got, p.PastedText()))
	}
}

func (s *scenario) languageMenu(t *testing.T) {
	p := s.p
	if run := p.ChooseLanguage("es"); run.State != "done" || run.Lang != "es" {
		t.Errorf("after choosing Español: state %q, result language %q", run.State, run.Lang)
	}
	if run := p.ChooseLanguage("en"); run.Lang != "en" {
		t.Errorf("after choosing English again, result language %q", run.Lang)
	}
	// The draft keeps the menu's choice, and the scenarios after this
	// one share the browser's storage: back to auto.
	p.ChooseLanguage(analyzer.LangAuto)
}

func (s *scenario) focusVisible(t *testing.T) {
	p := s.p
	// Tab from the sample button: focus moves by keyboard, so
	// :focus-visible applies to the Clear button.
	p.Reveal("#sample")
	p.do(chromedp.Focus(chromedp.ID("sample")), chromedp.KeyEvent(kb.Tab))
	style := Eval[map[string]string](p, `(() => {
		const e = document.activeElement, s = getComputedStyle(e);
		return {id: e.id, style: s.outlineStyle, width: s.outlineWidth};
	})()`)
	if style["id"] != contract.ClearText {
		t.Fatalf("Tab from the sample button focused #%s, want #%s", style["id"], contract.ClearText)
	}
	if style["style"] == "none" || style["width"] == "0px" {
		t.Errorf("the focused button has outline %s %s: focus is invisible", style["style"], style["width"])
	}
}

func (s *scenario) contrastAA(t *testing.T) {
	p := s.p
	p.Paste(s.article.Text)
	marks, chips := 0, 0
	for _, c := range Eval[[]contrast](p, contrastJS) {
		if c.Ratio < 4.5 {
			t.Errorf("%s: contrast %.2f:1 (%s on %s), AA needs 4.5:1", c.What, c.Ratio, c.Fg, c.Bg)
		}
		switch {
		case strings.HasPrefix(c.What, "mark "):
			marks++
		case strings.HasPrefix(c.What, "chip "):
			chips++
		}
	}
	if marks == 0 || marks != chips {
		t.Errorf("measured %d kinds of mark and %d chips: want every label in the view", marks, chips)
	}
}

func (s *scenario) markupStaysText(t *testing.T) {
	p := s.p
	markup := `Kim Jong-un <img src=x onerror="window.__annotatorXSS='img'"> met Xi Jinping in Beijing. ` +
		`<script>window.__annotatorXSS='script'</script> <b onmouseover="window.__annotatorXSS='b'">bold</b> ` +
		`<iframe src="javascript:window.parent.__annotatorXSS='iframe'"></iframe> &amp; &lt;done&gt;`
	run, text := p.Paste(markup)
	if run.State != "done" {
		t.Fatalf("state %q", run.State)
	}
	if got := p.ViewText(); got != text {
		t.Fatalf("view shows %q, want the pasted text %q", got, text)
	}
	if n := Eval[int](p, `document.querySelectorAll("#view *:not(mark):not(span.quote)").length`); n != 0 {
		t.Fatalf("the view holds %d elements other than marks and quotes", n)
	}
	// A control: the same img made by innerHTML does fire its onerror,
	// so by the time it has, the pasted one would have too.
	// (Its handler is a listener: the page's content security policy
	// refuses inline handlers, a second line of defence.)
	Eval[bool](p, `(() => { const d = document.createElement("div"); d.innerHTML = '<img src=x>'; d.firstChild.addEventListener("error", () => window.__annotatorControl = 1); return true })()`)
	Poll[bool](p, `window.__annotatorControl === 1`)
	if got := Eval[string](p, `String(window.__annotatorXSS)`); got != "undefined" {
		t.Fatalf("pasted markup ran: window.__annotatorXSS = %q", got)
	}
}

func (s *scenario) tooLarge(t *testing.T) {
	p := s.p
	before := p.Runs()
	size := Eval[int](p, fmt.Sprintf(`(() => {
		const t = document.getElementById("text");
		t.value = "word ".repeat(%d);
		t.dispatchEvent(new Event("input", {bubbles: true}));
		return t.value.length;
	})()`, analyzer.MaxTextBytes/5+1))
	run := p.WaitRun(before)
	if run.State != "error" {
		t.Fatalf("state %q after pasting %d bytes, want error", run.State, size)
	}
	msg := Eval[string](p, `(document.querySelector('#error[role="alert"]') || {}).textContent || ""`)
	if !strings.Contains(msg, "too large") {
		t.Errorf("error message %q does not say the text is too large", msg)
	}
	if n := Eval[int](p, `document.getElementById("text").value.length`); n != size {
		t.Errorf("the text area holds %d characters after the error, want the %d pasted", n, size)
	}
	if n := len(p.Marks()); n != 0 {
		t.Errorf("%d marks shown for a refused text", n)
	}
	run, _ = p.Paste("Ms Santos flew to Lisbon.")
	if run.State != "done" || Eval[bool](p, `document.getElementById("error") !== null`) {
		t.Errorf("the error stays after a valid text (state %q)", run.State)
	}
}

func (s *scenario) phoneWidth(t *testing.T) {
	p := s.p
	p.Viewport(375, 740)
	defer p.Viewport(1280, 900)
	p.Paste(s.article.Text)
	if w := Eval[int](p, `document.documentElement.scrollWidth`); w > 375 {
		t.Errorf("the page is %d px wide at a 375 px viewport: it scrolls sideways", w)
	}
	for _, sel := range []string{"#text", "#view", "#annotate", "#lang", "#pictures", "#entity-chart", "#cooccurrence", "#exports .download", "#library-save"} {
		p.Reveal(sel) // its panel opened, or the text box shown
		r := Eval[map[string]float64](p, `(() => { const r = document.querySelector("`+sel+`").getBoundingClientRect(); return {right: r.right, width: r.width}; })()`)
		if right := r["right"]; right > 375 || r["width"] == 0 {
			t.Errorf("%s ends at x=%.0f (%.0f px wide), beyond the 375 px viewport or not shown", sel, right, r["width"])
		}
	}
}

func entityButton(id string) string {
	return fmt.Sprintf(`#entities button.entity[data-entity=%q]`, id)
}

// checkMarks compares the view's marks with every mention of the result.
func checkMarks(t *testing.T, got []ShownMark, want *analyzer.Result) {
	t.Helper()
	type mention struct {
		start     int
		label, id string
		text      string
	}
	var ms []mention
	for _, e := range want.Entities {
		for _, m := range e.Mentions {
			ms = append(ms, mention{m.Start, string(e.Label), e.ID, m.Text})
		}
	}
	slices.SortFunc(ms, func(x, y mention) int { return cmp.Compare(x.start, y.start) })
	if len(got) != len(ms) {
		t.Errorf("%d marks in the view, the analyzer found %d mentions", len(got), len(ms))
	}
	for i := range min(len(got), len(ms)) {
		g, w := got[i], ms[i]
		if g.Label != w.label || g.Entity != w.id || g.Text != w.text {
			t.Fatalf("mark %d is %q %s %s, want %q %s %s", i, g.Text, g.Label, g.Entity, w.text, w.label, w.id)
		}
		if !g.Shown {
			t.Errorf("mark %d %q has no highlight colour", i, g.Text)
		}
	}
}

// checkSidebar compares the sidebar's entity list with the result's
// entities: each listed once, under its label, with its mention count.
func checkSidebar(t *testing.T, got []ListedEntity, want *analyzer.Result) {
	t.Helper()
	listed := make(map[string]ListedEntity)
	for _, e := range got {
		if _, dup := listed[e.Entity]; dup {
			t.Errorf("entity %s listed twice", e.Entity)
		}
		listed[e.Entity] = e
	}
	if len(got) != len(want.Entities) {
		t.Errorf("%d entities listed, the analyzer found %d", len(got), len(want.Entities))
	}
	for _, e := range want.Entities {
		l, ok := listed[e.ID]
		switch {
		case !ok:
			t.Errorf("entity %s %q (%s) is not listed", e.ID, e.Name, e.Label)
		case l.Label != string(e.Label) || l.Group != string(e.Label):
			t.Errorf("entity %q listed as %s under %s, want %s", e.Name, l.Label, l.Group, e.Label)
		case l.Name != e.Name || l.Count != len(e.Mentions):
			t.Errorf("entity %s listed as %q ×%d, want %q ×%d", e.ID, l.Name, l.Count, e.Name, len(e.Mentions))
		}
	}
}

// checkAnchors checks the article's known mentions are highlighted with
// their labels.
func checkAnchors(t *testing.T, got []ShownMark, anchors []Anchor) {
	t.Helper()
	for _, a := range anchors {
		found := false
		for _, m := range got {
			if m.Text == a.Text && m.Label == string(a.Label) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%q is not highlighted as %s", a.Text, a.Label)
		}
	}
}

// checkSelected checks that exactly the mentions of e are highlighted as
// selected, and its sidebar button is pressed (e zero: none).
func checkSelected(t *testing.T, p *Page, e analyzer.EntityResult) {
	t.Helper()
	// Wait for the page to catch up with the click or key press.
	Poll[bool](p, fmt.Sprintf(`document.querySelectorAll("#view mark.selected").length === %d`, len(e.Mentions)))
	for _, m := range p.Marks() {
		if m.Selected != (m.Entity == e.ID) {
			t.Fatalf("with %q selected, mark %q of %s has selected=%v", e.Name, m.Text, m.Entity, m.Selected)
		}
	}
	for _, l := range p.Entities() {
		if want := fmt.Sprint(l.Entity == e.ID); l.Pressed != want {
			t.Fatalf("with %q selected, the button of %q has aria-pressed=%q", e.Name, l.Name, l.Pressed)
		}
	}
}

// contrast is the contrast ratio of one kind of text in the page.
type contrast struct {
	What  string  `json:"what"`
	Fg    string  `json:"fg"`
	Bg    string  `json:"bg"`
	Ratio float64 `json:"ratio"`
}

// contrastJS measures the contrast ratio (WCAG 2 relative luminance) of
// each kind of text on the page: the first element of each selector, its
// colour against the first opaque background behind it; for marks, also
// their label chip (the ::after pseudo-element).
const contrastJS = `(() => {
	const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
	const lum = c => {
		const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
	const background = e => {
		for (; e; e = e.parentElement) {
			const c = rgb(getComputedStyle(e).backgroundColor);
			if (c.length === 3 || c[3] > 0) return c;
		}
		return [255, 255, 255];
	};
	const out = [];
	const check = (what, e, pseudo) => {
		const s = getComputedStyle(e, pseudo);
		const bg = pseudo ? rgb(s.backgroundColor) : background(e);
		out.push({what, fg: s.color, bg: "rgb(" + bg.slice(0, 3).join(", ") + ")", ratio: ratio(rgb(s.color), bg)});
	};
	for (const sel of ["h1", ".tagline", ".paste-label", "#text", "#annotate", "#sample", "#lang", ".status",
			".legend-item", ".legend-item .count", "#view", ".entity-name", ".entity .count", ".stat dt", ".stat dd",
			".term", ".speaker", ".quote-text", ".speaker-name", ".speaker-text", ".aliases", ".value", ".badge", ".dateline",
			".phrase", "figcaption", ".pairs summary", ".export-about .hint", ".library-title", ".library-meta",
			".cluster-name", ".member-text", ".member-article", "#library-save", ".download", "#view .quote"]) {
		const e = document.querySelector(sel);
		if (e) check(sel, e);
	}
	const seen = new Set();
	for (const m of document.querySelectorAll("#view mark")) {
		if (seen.has(m.dataset.label)) continue;
		seen.add(m.dataset.label);
		check("mark " + m.dataset.label, m);
		check("chip " + m.dataset.label, m, "::after");
	}
	return out;
})()`

// firstDiff returns the first byte offset where a and b differ.
func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
