//go:build !wasm

package browsertest

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"annotator/analyzer"
	"annotator/app/contract"

	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The intake scenarios bring text in as a user does: a web page copied
// with Ctrl+A, Ctrl+C and pasted with Ctrl+V (the browser's own clipboard
// and editing commands), a clipboard holding only HTML, Markdown, and files
// opened by the button's file chooser and by a drop; then they print.

// intakePage is an invented news page with what a copy of a whole page
// brings besides its article: a cookie banner, site navigation, search,
// breadcrumbs, share buttons, a picture with a caption and its credit,
// related links, a newsletter box, most-read links, a footer, styles,
// scripts and a tracking pixel.
//
//go:embed testdata/intake-page.html
var intakePage string

// intakeArticle is the text intakePage must give: its title, byline and
// paragraphs, the caption without its credit.
//
//go:embed testdata/intake-page.txt
var intakeArticle string

// furniture are words of intakePage that are not its article.
var furniture = []string{"cookies", "Accept all", "World", "Search the Courier", "Ports\n", "Share on X", "Facebook", "Email", "Photograph", "Jonas Ek", "Related", "Who owns", "newsletter", "Sign up", "Most read", "Ferry timetable", "All rights reserved", "Privacy"}

// fixtureSite serves intakePage as another site would, and counts what
// is asked of it under /intake-fixture/ (its picture, styles, beacon).
type fixtureSite struct {
	URL   string // of the page
	Blank string // of a page of the site with nothing in it
	srv   *httptest.Server
}

func newFixtureSite(t *testing.T) *fixtureSite {
	mux := http.NewServeMux()
	mux.HandleFunc("/article.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, intakePage)
	})
	mux.HandleFunc("/blank.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!doctype html><title>Blank</title>")
	})
	mux.HandleFunc("/intake-fixture/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		http.NotFound(w, r)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &fixtureSite{URL: srv.URL + "/article.html", Blank: srv.URL + "/blank.html", srv: srv}
}

// Intake runs the scenarios of getting text in and out on the app at
// appURL, one step after another in one tab.
func Intake(t *testing.T, b *Browser, appURL string) {
	s := &intake{b: b, site: newFixtureSite(t), appURL: appURL}
	s.p = Open(t, b, appURL)
	s.p.AllowClipboard(strings.TrimSuffix(appURL, "/"))
	s.p.AllowClipboard(strings.TrimSuffix(s.site.Blank, "/blank.html"))
	runSteps(t, s, nil, intakeSteps) // each step makes a Page of its own on the tab
}

// intake is what Intake's steps share: the browser, its tab, the fixture
// site and the app's address.
type intake struct {
	b      *Browser
	p      *Page
	site   *fixtureSite
	appURL string
}

// intakeSteps are Intake's steps, in order.
var intakeSteps = []step[*intake]{
	{"a copied web page pastes as its article, one undo away from the raw paste", (*intake).copiedPage},
	{"a clipboard with only HTML pastes its text, and nothing in it runs or loads", (*intake).htmlOnlyClipboard},
	{"pasted Markdown becomes text", (*intake).pastedMarkdown},
	{"the Open button opens .txt, .md and .html files", (*intake).openButton},
	{"a file dropped on the page opens", (*intake).droppedFile},
	{"files that cannot open say why and change nothing", (*intake).unopenableFiles},
	{"print: the article with marks and legend, every entity and quote, no controls", (*intake).printLayout},
}

func (s *intake) copiedPage(t *testing.T) {
	p := &Page{tb: t, ctx: s.p.ctx}
	p.do(chromedp.Navigate(s.site.URL))
	p.Key("a", "selectAll")
	p.Key("c", "copy")
	p.do(chromedp.Navigate(s.appURL))
	p.WaitReady()
	raw := strings.ReplaceAll(Await[string](p, `navigator.clipboard.readText()`), "\r\n", "\n")
	if !strings.Contains(raw, "Share on X") || !strings.Contains(raw, "Mayor Ilse Brandt") {
		t.Fatalf("the copied page's plain text is not the whole page: %q", raw)
	}
	p.Clear()
	before := p.Runs()
	p.Focus("#text")
	p.Key("v", "paste")
	run := p.WaitRun(before)
	got := p.PastedText()
	checkArticle(t, got)
	if state := p.IntakeState(); state != "cleaned" {
		t.Errorf("after the paste data-intake is %q", state)
	}
	if run.Bytes != len(got) {
		t.Errorf("the analyzer read %d bytes, the box holds %d", run.Bytes, len(got))
	}
	p.checkOffsets(t, got)

	before = p.Runs()
	p.Key("z", "undo") // Ctrl+Z, once
	p.WaitRun(before)
	if undone := p.PastedText(); undone != raw {
		t.Errorf("one undo gives %q, want the raw paste %q", shorten(undone), shorten(raw))
	}
	if state := p.IntakeState(); state != "raw" {
		t.Errorf("after undo data-intake is %q", state)
	}
	before = p.Runs()
	p.Click("#" + contract.IntakeRedo)
	p.WaitRun(before)
	if again := p.PastedText(); again != got {
		t.Errorf("redo gives %q", shorten(again))
	}
	before = p.Runs()
	p.Click("#" + contract.IntakeUndo)
	p.WaitRun(before)
	if undone := p.PastedText(); undone != raw {
		t.Errorf("the undo button gives %q", shorten(undone))
	}
}

func (s *intake) htmlOnlyClipboard(t *testing.T) {
	p := &Page{tb: t, ctx: s.p.ctx}
	p.Clear()
	// Addresses no page has asked for, so that a cached copy cannot
	// hide a request.
	html := strings.ReplaceAll(intakePage, "/intake-fixture/", s.site.srv.URL+"/intake-fixture/only-html-")
	html = strings.Replace(html, "<body>", `<body><img src="`+s.site.srv.URL+`/intake-fixture/only-html-onerror.gif" onerror="window.fixtureImageError = true">`, 1)
	js, _ := json.Marshal(html)
	// The other site puts it on the clipboard, as a user's copy there
	// would: Chromium sanitises written HTML by parsing it in the
	// writing document, under that document's policy, so a write from
	// the app itself would have the app report the markup's inline
	// styles and handlers as its own violations.
	p.do(chromedp.Navigate(s.site.Blank))
	Await[bool](p, fmt.Sprintf(`navigator.clipboard.write([new ClipboardItem({"text/html": new Blob([%s], {type: "text/html"})})]).then(() => true)`, js))
	p.do(chromedp.Navigate(s.appURL))
	p.WaitReady()
	types := Await[[]string](p, `navigator.clipboard.read().then((items) => items.flatMap((i) => i.types))`)
	if len(types) != 1 || types[0] != "text/html" {
		t.Fatalf("the clipboard holds %v, want only text/html", types)
	}
	from := s.b.RequestCount()
	before := p.Runs()
	p.Focus("#text")
	p.Key("v", "paste")
	p.WaitRun(before)
	checkArticle(t, p.PastedText())

	// The same markup through a paste event of its own, scripts and
	// handlers included as the page had them.
	p.Clear()
	before = p.Runs()
	Eval[bool](p, fmt.Sprintf(`(() => {
		const data = new DataTransfer();
		data.setData("text/html", %s);
		const box = document.getElementById("text");
		box.focus();
		return box.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
	})()`, js))
	p.WaitRun(before)
	checkArticle(t, p.PastedText())
	ran := Eval[map[string]any](p, `({script: window.fixtureScriptRan || window.fixtureBodyScriptRan || false, image: window.fixtureImageError || false})`)
	if ran["script"] != false || ran["image"] != false {
		t.Errorf("the pasted page's code ran in the app: %v", ran)
	}
	for _, r := range s.b.Requests(from) {
		if strings.Contains(r.URL, "/intake-fixture/") {
			t.Errorf("the pasted markup made the browser fetch %s", r.URL)
		}
	}
}

func (s *intake) pastedMarkdown(t *testing.T) {
	p := &Page{tb: t, ctx: s.p.ctx}
	p.Clear()
	md := "# Harbour deal signed\n\nThe **port of Velmar** reopened on Tuesday, [the council](https://velmar.example/council) said.\n\n- Fees rise by 5 percent\n- Two new routes\n"
	js, _ := json.Marshal(md)
	Await[bool](p, fmt.Sprintf(`navigator.clipboard.writeText(%s).then(() => true)`, js))
	before := p.Runs()
	p.Focus("#text")
	p.Key("v", "paste")
	p.WaitRun(before)
	want := "Harbour deal signed\n\nThe port of Velmar reopened on Tuesday, the council said.\n\nFees rise by 5 percent\nTwo new routes"
	if got := p.PastedText(); got != want {
		t.Errorf("pasted Markdown gives %q, want %q", got, want)
	}
	before = p.Runs()
	p.Click("#" + contract.IntakeUndo)
	p.WaitRun(before)
	if got := p.PastedText(); got != md {
		t.Errorf("undo gives %q, want the Markdown %q", got, md)
	}
	// Plain prose is pasted as it is.
	p.Clear()
	prose := "VELMAR, March 4 - The *harbour* deal was signed.\n- Mara Lindqvist"
	js, _ = json.Marshal(prose)
	Await[bool](p, fmt.Sprintf(`navigator.clipboard.writeText(%s).then(() => true)`, js))
	before = p.Runs()
	p.Focus("#text")
	p.Key("v", "paste")
	p.WaitRun(before)
	if got := p.PastedText(); got != prose {
		t.Errorf("plain prose pastes as %q", got)
	}
}

func (s *intake) openButton(t *testing.T) {
	p := &Page{tb: t, ctx: s.p.ctx}
	for _, f := range openedFiles {
		f.openOver(t, p, "", func(path string) { p.ChooseFile("#"+contract.OpenFile, path) })
		if msg := p.IntakeMessage(); !strings.Contains(msg, "Opened "+f.name) {
			t.Errorf("after opening %s the page says %q", f.name, msg)
		}
		// Undo, once for a text file, twice for one made into text,
		// brings back what the box held.
		for range 2 {
			if p.PastedText() == "Text the user had." {
				break
			}
			before := p.Runs()
			p.Click("#" + contract.IntakeUndo)
			p.WaitRun(before)
		}
		if got := p.PastedText(); got != "Text the user had." {
			t.Errorf("undoing %s leaves %q", f.name, got)
		}
	}
}

func (s *intake) droppedFile(t *testing.T) {
	p := &Page{tb: t, ctx: s.p.ctx}
	for _, f := range droppedFiles {
		f.openOver(t, p, "dropped ", func(path string) { p.DropFiles(path) })
	}
	if Eval[string](p, `document.getElementById("`+contract.DropZone+`").dataset.active`) != "0" {
		t.Errorf("the drop zone is still shown after the drop")
	}
	// A dropped file that is not UTF-8 says where, and keeps the box.
	p.Paste("Kept text.")
	p.DropFiles(writeTemp(t, "dropped-latin1.txt", []byte("Caf\xe9 Brandt said.")))
	msg := p.IntakeError("dropped-latin1.txt")
	if !strings.Contains(msg, "dropped-latin1.txt") || !strings.Contains(msg, "byte 0xE9 at line 1, column 4") || !strings.Contains(msg, "unchanged") {
		t.Errorf("a dropped Latin-1 file: the page says %q", msg)
	}
	if got := p.PastedText(); got != "Kept text." {
		t.Errorf("a dropped Latin-1 file changed the box to %q", got)
	}
}

func (s *intake) unopenableFiles(t *testing.T) {
	p := &Page{tb: t, ctx: s.p.ctx}
	big := make([]byte, analyzer.MaxTextBytes+1)
	for i := range big {
		big[i] = 'a'
	}
	for _, c := range []struct {
		name string
		data []byte
		says string
	}{
		{"latin1.txt", []byte("Zo\xeb Brandt said the port would reopen."), "not valid UTF-8: byte 0xEB at line 1, column 3"},
		{"huge.txt", big, "it is 16 MB, and the annotator takes texts up to 16 MB"},
		{"scan.pdf", []byte("%PDF-1.7"), "the annotator opens .txt, .md and .html files"},
		{"binary.txt", []byte("abc\x00def"), "binary"},
	} {
		p.Paste("Kept text.")
		p.ChooseFile("#"+contract.OpenFile, writeTemp(t, c.name, c.data))
		msg := p.IntakeError(c.name)
		if !strings.Contains(msg, c.name) || !strings.Contains(msg, c.says) || !strings.Contains(msg, "unchanged") {
			t.Errorf("%s: the page says %q, want its name, %q and that the box is unchanged", c.name, msg, c.says)
		}
		if got := p.PastedText(); got != "Kept text." {
			t.Errorf("%s changed the box to %q", c.name, shorten(got))
		}
	}
}

func (s *intake) printLayout(t *testing.T) {
	p := &Page{tb: t, ctx: s.p.ctx}
	text := manyQuotes(230)
	run, text := p.Paste(text)
	if run.State != "done" {
		t.Fatalf("the long article: %s", run.State)
	}
	doc, err := analyzer.Annotate(text, analyzer.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	res := doc.Result()
	if len(res.Quotes) <= 200 {
		t.Fatalf("the article has %d quotes: too few to show the print list is not the screen's", len(res.Quotes))
	}
	// The print lists come a step a turn after the run.
	Poll[bool](p, `document.getElementById("`+contract.PrintReport+`").dataset.complete === "1"`)
	p.Media("print")
	defer p.Media("")
	shown := Eval[map[string]any](p, `(() => {
		const visible = (e) => e.checkVisibility();
		const controls = Array.from(document.querySelectorAll("button, input, select, textarea, [role=button], a[href]")).filter(visible);
		const report = document.getElementById("`+contract.PrintReport+`");
		return {
			controls: controls.map((e) => e.outerHTML.slice(0, 80)),
			legend: visible(document.getElementById("`+contract.PrintLegend+`")),
			legendItems: document.querySelectorAll(".print-legend li").length,
			view: visible(document.getElementById("view")),
			marks: Array.from(document.querySelectorAll("#view mark")).filter(visible).length,
			report: visible(report),
			entities: document.querySelectorAll("#print-report .print-entity").length,
			quotes: document.querySelectorAll("#print-report .print-quote").length,
			screenQuotes: document.querySelectorAll("#quotes .quote-button").length,
			sidebar: visible(document.getElementById("`+contract.PanelsRoot+`")),
			textarea: visible(document.getElementById("text")),
		};
	})()`)
	if c := shown["controls"].([]any); len(c) > 0 {
		t.Errorf("print shows %d controls: %v", len(c), c)
	}
	for _, k := range []string{"legend", "view", "report"} {
		if shown[k] != true {
			t.Errorf("print hides the %s", k)
		}
	}
	for _, k := range []string{"sidebar", "textarea"} {
		if shown[k] != false {
			t.Errorf("print shows the %s", k)
		}
	}
	if n := int(shown["entities"].(float64)); n != len(res.Entities) {
		t.Errorf("print lists %d entities, the analyzer finds %d", n, len(res.Entities))
	}
	if n := int(shown["quotes"].(float64)); n != len(res.Quotes) {
		t.Errorf("print lists %d quotes, the analyzer finds %d (the screen lists %v)", n, len(res.Quotes), shown["screenQuotes"])
	}
	if shown["marks"].(float64) == 0 || shown["legendItems"].(float64) == 0 {
		t.Errorf("print shows %v marks and %v legend items", shown["marks"], shown["legendItems"])
	}
	t.Logf("print: %v entities, %v quotes (the screen lists %v), %v marks, no controls", shown["entities"], shown["quotes"], shown["screenQuotes"], shown["marks"])
	p.Media("")

	// Printed from the text box, the article prints as annotated.
	p.Click("#" + contract.EditText)
	Poll[bool](p, `document.getElementById("`+contract.Surface+`").dataset.mode === "edit"`)
	p.Media("print")
	editing := Eval[map[string]any](p, `(() => ({
		view: document.getElementById("view").checkVisibility(),
		marks: Array.from(document.querySelectorAll("#view mark")).filter((e) => e.checkVisibility()).length,
		textarea: document.getElementById("text").checkVisibility(),
	}))()`)
	if editing["view"] != true || editing["marks"].(float64) == 0 || editing["textarea"] != false {
		t.Errorf("printed from the text box: view shown %v with %v marks, text box shown %v; want the annotated view and no box", editing["view"], editing["marks"], editing["textarea"])
	}
	p.Media("")
	p.Click("#" + contract.ShowView)
	Poll[bool](p, `document.getElementById("`+contract.Surface+`").dataset.mode === "view"`)

	// The Print button opens the browser's print dialog.
	Eval[bool](p, `(window.print = () => { window.printed = (window.printed || 0) + 1; }, true)`)
	p.Click("#" + contract.PrintButton)
	Poll[bool](p, `window.printed === 1`)
}

// fileCase is a file to open and the text it must give ("" for
// intakeArticle, which checkArticle checks).
type fileCase struct{ name, content, want string }

const (
	velmarTxt    = "Velmar signs harbour deal\n\nThe city of Velmar signed a harbour deal with Norrhavn Lines on Tuesday, Mayor Ilse Brandt said.\n"
	velmarMd     = "---\ntitle: Velmar signs harbour deal\n---\n\nThe city of **Velmar** signed a deal with [Norrhavn Lines](https://norrhavn.example) on Tuesday.\n"
	velmarMdText = "Velmar signs harbour deal\n\nThe city of Velmar signed a deal with Norrhavn Lines on Tuesday."
)

// openedFiles are the files the Open button must open.
var openedFiles = []fileCase{
	{"velmar.txt", velmarTxt, velmarTxt},
	{"velmar.md", velmarMd, velmarMdText},
	{"velmar.html", intakePage, ""},
}

// droppedFiles are those and, as Windows' Notepad saves UTF-16 with a
// byte order mark in either byte order, two such.
var droppedFiles = append(slices.Clone(openedFiles),
	fileCase{"velmar-utf16le.txt", string(utf16File(velmarTxt, false)), velmarTxt},
	fileCase{"velmar-utf16be.md", string(utf16File(velmarMd, true)), velmarMdText},
)

// openOver opens the file (open, given its path) over the text the user
// had, and checks the text it gives; how says how it came ("dropped ").
func (f fileCase) openOver(t *testing.T, p *Page, how string, open func(path string)) {
	t.Helper()
	p.Paste("Text the user had.")
	before := p.Runs()
	open(writeTemp(t, f.name, []byte(f.content)))
	p.WaitRun(before)
	got := p.PastedText()
	if f.want == "" {
		checkArticle(t, got)
	} else if got != f.want {
		t.Errorf("%s%s opens as %q, want %q", how, f.name, got, f.want)
	}
}

// writeTemp writes a file for a step to open.
func writeTemp(t *testing.T, name string, data []byte) string {
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// checkArticle checks a text is intakePage's article and none of its
// furniture.
func checkArticle(t *testing.T, got string) {
	t.Helper()
	want := strings.TrimSpace(intakeArticle)
	if got != want {
		t.Errorf("the page pastes as\n%s\n\nwant\n%s", got, want)
		return
	}
	for _, f := range furniture {
		if strings.Contains(got, f) {
			t.Errorf("the pasted article keeps %q", f)
		}
	}
}

// checkOffsets checks the JSON export's spans are offsets into the box's
// text, as the contract says.
func (p *Page) checkOffsets(t *testing.T, text string) {
	t.Helper()
	d := p.DownloadBy(`#exports .download[data-format="json"]`, t.TempDir())
	var doc analyzer.Result
	if err := json.Unmarshal(d.Data, &doc); err != nil {
		t.Fatalf("the JSON export: %v", err)
	}
	if len(doc.Entities) == 0 {
		t.Fatalf("the export has no entities")
	}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text {
				t.Errorf("mention %q at %d-%d is %q in the box's text", m.Text, m.Start, m.End, text[max(0, m.Start):min(len(text), m.End)])
			}
		}
	}
}

// manyQuotes is an invented article of n paragraphs, each a quote of one
// of a few speakers.
func manyQuotes(n int) string {
	speakers := []string{"Mayor Ilse Brandt", "Pieter Aalto", "Mara Lindqvist", "Jonas Ek"}
	var b strings.Builder
	b.WriteString("Velmar harbour talks, day by day\n\nVELMAR, March 4 — The talks between the city of Velmar and Norrhavn Lines went on for weeks.\n\n")
	for i := range n {
		fmt.Fprintf(&b, "“We will open gate %d before the ships arrive,” said %s on day %d.\n\n", i+1, speakers[i%len(speakers)], i+1)
	}
	return b.String()
}

// utf16File is s in UTF-16 with a byte order mark.
func utf16File(s string, bigEndian bool) []byte {
	var out []byte
	put := func(u uint16) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	put(0xFEFF)
	for _, u := range utf16.Encode([]rune(s)) {
		put(u)
	}
	return out
}

func shorten(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// IntakeState returns the intake controls' data-intake.
func (p *Page) IntakeState() string {
	p.tb.Helper()
	return Eval[string](p, `document.getElementById("`+contract.Intake+`").dataset.intake`)
}

// IntakeError waits for the intake controls to report an error naming
// name (an earlier error may still be shown), and returns what they say.
func (p *Page) IntakeError(name string) string {
	p.tb.Helper()
	js, _ := json.Marshal("Could not open " + name + ":") // not a name ending in it
	return Poll[string](p, `(() => {
		const say = document.getElementById("`+contract.IntakeStatus+`").textContent;
		return document.getElementById("`+contract.Intake+`").dataset.intake === "error" && say.includes(`+string(js)+`) && say;
	})()`)
}

// IntakeMessage returns what the intake controls say.
func (p *Page) IntakeMessage() string {
	p.tb.Helper()
	return Poll[string](p, `document.getElementById("`+contract.IntakeStatus+`").textContent`)
}

// Clear empties the paste area and waits for the run that follows.
func (p *Page) Clear() {
	p.tb.Helper()
	p.Paste("")
}

// Focus focuses the element the CSS selector matches.
func (p *Page) Focus(sel string) {
	p.tb.Helper()
	p.Reveal(sel)
	p.do(chromedp.Focus(chromedp.CSS(sel)))
}

// Key presses Ctrl and key on the focused element with the browser's
// editing command it stands for ("selectAll", "copy", "paste", "undo"),
// as the keyboard shortcut does: trusted events, the browser's own
// clipboard.
func (p *Page) Key(key, command string) {
	p.tb.Helper()
	code := "Key" + strings.ToUpper(key)
	vk := int64(strings.ToUpper(key)[0])
	p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{
			Type: input.DispatchKeyEventTypeRawKeyDown, Modifiers: 2, Key: key, Code: code, WindowsVirtualKeyCode: vk, Commands: []string{command},
		}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{
			Type: input.DispatchKeyEventTypeKeyUp, Modifiers: 2, Key: key, Code: code, WindowsVirtualKeyCode: vk,
		})
		return err
	}))
}

// ChooseFile clicks the element that opens a file chooser and chooses the
// file in it.
func (p *Page) ChooseFile(sel, path string) {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	set := func(on bool) {
		p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Call(ctx, page.SetInterceptFileChooserDialog, page.SetInterceptFileChooserDialogParams{Enabled: on})
			return err
		}))
	}
	set(true)
	defer set(false)
	opened := chromedp.Events(ctx, page.FileChooserOpened)
	p.Click(sel)
	for ev, err := range opened {
		if err != nil {
			p.tb.Fatalf("no file chooser after clicking %s: %v", sel, err)
		}
		p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Call(ctx, dom.SetFileInputFiles, dom.SetFileInputFilesParams{Files: []string{path}, BackendNodeID: ev.BackendNodeID})
			return err
		}))
		return
	}
}

// DropFiles drags files from outside the browser over the middle of the
// page and drops them there.
func (p *Page) DropFiles(paths ...string) {
	p.tb.Helper()
	size := Eval[[]float64](p, `[innerWidth, innerHeight]`)
	x, y := size[0]/2, size[1]/2
	data := &input.DragData{Items: []*input.DragDataItem{}, Files: paths, DragOperationsMask: 1}
	p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
			if _, err := chromedp.Call(ctx, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: x, Y: y, Data: data}); err != nil {
				return fmt.Errorf("%s: %w", typ, err)
			}
		}
		return nil
	}))
}

// Media emulates a media type ("print", or "" for the screen), keeping
// the colour scheme ColorScheme set.
func (p *Page) Media(media string) {
	p.tb.Helper()
	p.media = media
	p.emulate()
}
