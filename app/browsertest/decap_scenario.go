//go:build !wasm

package browsertest

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"annotator/analyzer"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// typedArticle is what the Decap scenario types into an entry: a title
// and paragraphs, where ** toggles bold (Ctrl+B in Decap's rich-text
// editor), then an edit typed key by key; with mentions the preview must
// mark. It is invented for the test, with a nonce no request may carry.
type typedArticle struct {
	Title       string
	Paragraphs  []string
	Edit        string
	Anchors     []Anchor // in the typed text
	EditAnchors []Anchor // in the edit
	Traces      []string // parts of the text no request may carry but to the CMS's own origins
	Slug        string   // the entry's file name Decap makes from the title
}

func newTypedArticle(nonce string) typedArticle {
	return typedArticle{
		Title: "Harbour authority approves Lindqvist plan",
		Paragraphs: []string{
			"OSTERVIK, 14 March (Wire) - The Ostervik harbour authority on Tuesday approved a €40 million plan by **Marta** Lindqvist to rebuild the northern quay.",
			"“We will open the quay to ferries within two years,” Lindqvist told the council. Tomas Berglund, who chairs the Nordic Ports Association, said the plan, code-named " + nonce + ", was sound.",
		},
		Edit: "Anna Kowalski of the Baltic Freight Union welcomed the decision in Gdansk.",
		Anchors: []Anchor{
			{"Marta Lindqvist", analyzer.PER},
			{"Tomas Berglund", analyzer.PER},
			{"Nordic Ports Association", analyzer.ORG},
			{"€40 million", analyzer.MONEY},
			{"Tuesday", analyzer.DATE},
		},
		EditAnchors: []Anchor{
			{"Anna Kowalski", analyzer.PER},
			{"Baltic Freight Union", analyzer.ORG},
			{"Gdansk", analyzer.LOC},
		},
		Traces: []string{"Lindqvist", "Ostervik", "Berglund", "Kowalski", nonce},
		Slug:   "harbour-authority-approves-lindqvist-plan",
	}
}

// previewState is what Decap's preview pane shows through the template.
type previewState struct {
	State   string         `json:"state"` // the template's: waiting, empty, done, error
	Text    string         `json:"text"`  // the text highlight annotated (AnnotatorEmbed.textOf)
	Marks   []previewMark  `json:"marks"`
	Summary []listedEntity `json:"summary"`
	Quotes  []string       `json:"quotes"` // the speakers the summary names
	Notice  string         `json:"notice"`
	Visible bool           `json:"visible"` // the notice has a box and is not hidden
}

// listedEntity is an entity the preview's summary lists.
type listedEntity struct {
	Label string `json:"label"`
	Name  string `json:"name"`
}

// previewMark is a <mark> highlight made in the preview.
type previewMark struct {
	Label    string `json:"label"`
	Entity   string `json:"entity"`
	Mention  string `json:"mention"`
	Part     string `json:"part"`
	Text     string `json:"text"`
	InStrong bool   `json:"inStrong"`
}

// readPreview reads the preview pane, an iframe Decap fills from the
// admin page's own scripts (srcdoc, same origin).
const readPreview = `(() => {
	const frame = document.querySelector("#preview-pane");
	const d = frame && frame.contentDocument;
	const root = d && d.querySelector(".annotator-preview");
	const view = root && root.querySelector(".annotator-preview-text");
	if (!view) return null;
	const notice = root.querySelector(".annotator-notice");
	const box = notice && notice.getBoundingClientRect();
	return {
		state: root.dataset.state,
		text: AnnotatorEmbed.textOf(view).text,
		marks: Array.from(view.querySelectorAll("mark.annotator-mark")).map((m) => ({
			label: m.dataset.label, entity: m.dataset.entity, mention: m.dataset.mention,
			part: m.dataset.part || "", text: m.textContent, inStrong: !!m.closest("strong"),
		})),
		summary: Array.from(root.querySelectorAll(".annotator-entities li[data-label]")).map((li) => ({
			label: li.dataset.label, name: li.title.replace(/ \([^)]*\)$/, ""),
		})),
		quotes: Array.from(root.querySelectorAll(".annotator-quotes .annotator-speaker")).map((s) => s.textContent),
		notice: notice ? notice.textContent : "",
		visible: !!box && box.width > 0 && box.height > 0 && getComputedStyle(notice).visibility === "visible",
	};
})()`

// waitPreview waits until the preview has annotated a text that holds
// every part of want, or has given up with a notice, and returns it.
func (p *Page) waitPreview(want ...string) previewState {
	p.tb.Helper()
	js, _ := json.Marshal(want)
	return Poll[previewState](p, fmt.Sprintf(`(() => {
		const s = %s;
		if (!s || (s.state !== "done" && s.state !== "error")) return null;
		return %s.every((w) => s.text.includes(w)) ? s : null;
	})()`, readPreview, js))
}

// insertText types text at the caret as one input, as an input method
// or dictation does.
func (p *Page) insertText(text string) {
	p.tb.Helper()
	p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: text})
		return err
	}))
}

// typeParagraphs types paragraphs into the focused rich-text editor, one
// input per run of text, Ctrl+B for each **, Enter between paragraphs.
func (p *Page) typeParagraphs(paragraphs []string) {
	p.tb.Helper()
	for i, para := range paragraphs {
		if i > 0 {
			p.do(chromedp.KeyEvent("\r"))
		}
		for j, run := range strings.Split(para, "**") {
			if j > 0 {
				p.do(chromedp.KeyEvent("b", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
			}
			if run != "" {
				p.insertText(run)
			}
		}
	}
}

// clickButton clicks the first button (or menu button, or menu item)
// whose text is label.
func (p *Page) clickButton(label string) {
	p.tb.Helper()
	js, _ := json.Marshal(label)
	Poll[bool](p, fmt.Sprintf(`(() => {
		const b = Array.from(document.querySelectorAll("button, [role=button], [role=menuitem]")).find((b) => b.textContent.trim() === %s);
		if (!b) return false;
		b.click();
		return true;
	})()`, js))
}

// openNewEntry logs in to the CMS at origin (the local backend's one
// button) in a new tab and opens a new article. The tab closes when t
// ends.
func openNewEntry(t *testing.T, b *Browser, origin string) *Page {
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil { // open the tab, without a timeout: it lives as long as ctx
		t.Fatal(err)
	}
	p := &Page{tb: t, ctx: ctx}
	p.do(chromedp.Navigate(origin + "/admin/"))
	p.Viewport(1440, 900)
	p.clickButton("Login")
	Poll[bool](p, `document.body.innerText.includes("Articles")`)
	Eval[bool](p, `(location.hash = "#/collections/articles/new", true)`)
	Poll[bool](p, `!!document.querySelector("[data-slate-editor]") && !!document.querySelector("#preview-pane")`)
	p.Click(`input[id^="title-field"]`)
	return p
}

// wantMarks is what the preview must mark for text: every mention of the
// analyzer's own result for it, in text order, those overlapping an
// earlier one left out (as the view and embed.js's mark do).
func wantMarks(tb testing.TB, text string) (marks []previewMark, result *analyzer.Result) {
	tb.Helper()
	doc, err := analyzer.Annotate(text, analyzer.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	result = doc.Result()
	type span struct {
		start, end int
		m          previewMark
	}
	var spans []span
	for _, e := range result.Entities {
		for _, m := range e.Mentions {
			spans = append(spans, span{m.U16Start, m.U16End, previewMark{Label: string(e.Label), Entity: e.ID, Text: m.Text}})
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Or(a.start-b.start, b.end-a.end) })
	end := 0
	for _, s := range spans {
		if s.start >= end {
			marks = append(marks, s.m)
			end = s.end
		}
	}
	return marks, result
}

// joinedMarks joins the pieces of each mention (a name half in bold is
// two marks) into one mark, in text order.
func joinedMarks(pieces []previewMark) []previewMark {
	var out []previewMark
	for _, m := range pieces {
		if n := len(out); n > 0 && out[n-1].Mention == m.Mention {
			out[n-1].Text += m.Text
			continue
		}
		out = append(out, m)
	}
	for i := range out {
		out[i].Mention, out[i].Part, out[i].InStrong = "", "", false
	}
	return out
}

// checkPreviewMarks compares the preview's marks with the analyzer's result for
// the text the preview annotated, and looks for the anchors.
func checkPreviewMarks(t *testing.T, s previewState, anchors []Anchor) *analyzer.Result {
	t.Helper()
	want, result := wantMarks(t, s.Text)
	got := joinedMarks(s.Marks)
	if !slices.Equal(got, want) {
		t.Errorf("the preview's marks differ from the analyzer's result for its text:\n got %v\nwant %v", got, want)
	}
	for _, a := range anchors {
		if !slices.ContainsFunc(got, func(m previewMark) bool { return m.Text == a.Text && m.Label == string(a.Label) }) {
			t.Errorf("no %s mark on %q: %v", a.Label, a.Text, got)
		}
	}
	return result
}

// Decap drives Decap CMS as an editor would: on the allowed origin it
// creates an entry and types an article, the preview pane marks it
// (checked against the analyzer's own result) and lists its entities and
// quotes, an edit typed key by key updates the marks, and the entry is
// published to decap-server's repository; no request carries the text to
// any origin but the CMS's own (its page and its backend). On the origin
// off the allowlist the preview shows the text unmarked and a notice.
func Decap(t *testing.T, b *Browser, cms DecapCMS) {
	article := newTypedArticle(fmt.Sprintf("zq%dxv", time.Now().UnixNano()%1e9))
	from := b.RequestCount()
	p := openNewEntry(t, b, cms.Allowed.Origin)
	shots := os.Getenv("DECAP_SHOTS") // a folder for screenshots of the preview, light and dark

	t.Run("the preview marks the article as it is typed", func(t *testing.T) {
		p.tb = t
		p.insertText(article.Title)
		p.Click(`[data-slate-editor]`)
		p.typeParagraphs(article.Paragraphs)
		last := article.Paragraphs[len(article.Paragraphs)-1]
		s := p.waitPreview(article.Title, strings.ReplaceAll(last, "**", ""))
		if s.State != "done" {
			t.Fatalf("the preview did not annotate the article: %q", s.Notice)
		}
		result := checkPreviewMarks(t, s, article.Anchors)
		// Marta is bold, Lindqvist not: one mention, two marks.
		var split []previewMark
		for _, m := range s.Marks {
			if strings.Contains("Marta Lindqvist", strings.TrimSpace(m.Text)) && m.Label == "PER" && m.Part != "" {
				split = append(split, m)
			}
		}
		if len(split) != 2 || !split[0].InStrong || split[1].InStrong || split[0].Part != "first" || split[1].Part != "last" || split[0].Mention != split[1].Mention {
			t.Errorf("Marta (bold) Lindqvist is not one mention split in two marks: %+v", split)
		}
		// The summary lists the named entities, the quote its speaker.
		for _, e := range result.Entities {
			if e.Label == analyzer.PER || e.Label == analyzer.ORG || e.Label == analyzer.LOC || e.Label == analyzer.MISC {
				if !slices.ContainsFunc(s.Summary, func(x listedEntity) bool { return x.Name == e.Name && x.Label == string(e.Label) }) {
					t.Errorf("the summary does not list %s %q: %v", e.Label, e.Name, s.Summary)
				}
			}
		}
		if len(result.Quotes) == 0 || !slices.Contains(s.Quotes, "Marta Lindqvist") {
			t.Errorf("the summary's quotes name %v; the analyzer found %d quotes", s.Quotes, len(result.Quotes))
		}
		t.Logf("preview: %d marks over %d mentions, %d entities listed", len(s.Marks), len(joinedMarks(s.Marks)), len(s.Summary))
	})

	t.Run("an edit updates the marks", func(t *testing.T) {
		p.tb = t
		p.do(chromedp.KeyEvent("\r"))
		p.do(chromedp.KeyEvent(article.Edit)) // key by key: the preview follows, debounced
		s := p.waitPreview(article.Edit)
		if s.State != "done" {
			t.Fatalf("the preview did not annotate the edit: %q", s.Notice)
		}
		checkPreviewMarks(t, s, append(article.Anchors, article.EditAnchors...))
	})

	if shots != "" {
		t.Run("screenshots", func(t *testing.T) {
			p.tb = t
			for _, scheme := range []string{"light", "dark"} {
				p.ColorScheme(scheme)
				time.Sleep(300 * time.Millisecond) // let the frames repaint
				p.Shot(filepath.Join(shots, "decap-preview-"+scheme+".png"))
			}
			p.ColorScheme("")
		})
	}

	t.Run("the entry is published to the CMS's repository", func(t *testing.T) {
		p.tb = t
		p.clickButton("Publish")
		p.clickButton("Publish now")
		file := filepath.Join(cms.Backend.Repo, "content", "articles", article.Slug+".md")
		deadline := time.Now().Add(timeout)
		for {
			data, err := os.ReadFile(file)
			if err == nil && strings.Contains(string(data), article.Edit) {
				if !strings.Contains(string(data), "**Marta** Lindqvist") {
					t.Errorf("the published entry lacks the bold name:\n%s", data)
				}
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("no %s with the article after publishing (%v); decap-server says:\n%s", file, err, cms.Backend.Log())
			}
			time.Sleep(100 * time.Millisecond)
		}
		Poll[bool](p, `document.body.innerText.includes("Changes saved") || document.body.innerText.includes("CHANGES SAVED")`)
	})

	t.Run("the text went to the CMS's own origins only", func(t *testing.T) {
		p.tb = t
		own := map[string]bool{hostPort(cms.Allowed.Origin): true, hostPort(cms.Backend.Origin): true}
		app := hostPort(cms.App)
		carried := map[string]int{}
		seen := b.Requests(from)
		for _, r := range seen {
			if !carries(r, article.Traces) {
				continue
			}
			carried[r.Host]++
			if !own[r.Host] {
				t.Errorf("%s %s carries the article to %s, which is not the CMS's (app %s)", r.Method, r.URL, r.Host, app)
			}
		}
		if carried[hostPort(cms.Backend.Origin)] == 0 {
			t.Errorf("no request carried the article to decap-server: the check saw nothing it should have seen")
		}
		appRequests := 0
		for _, r := range seen {
			if r.Host == app {
				appRequests++
			}
		}
		t.Logf("privacy: %d requests, %d to the annotator (none with the text); the text went only to %v", len(seen), appRequests, carried)
	})

	t.Run("an origin off the allowlist gets a notice and no marks", func(t *testing.T) {
		p := openNewEntry(t, b, cms.Disallowed.Origin)
		p.insertText(article.Title)
		p.Click(`[data-slate-editor]`)
		p.typeParagraphs(article.Paragraphs[:1])
		s := p.waitPreview(article.Title, "northern quay")
		if s.State != "error" || len(s.Marks) != 0 {
			t.Fatalf("the preview on %s, off the allowlist, is %q with %d marks", cms.Disallowed.Origin, s.State, len(s.Marks))
		}
		if !s.Visible || !strings.Contains(s.Notice, "allowlist") || !strings.Contains(s.Notice, cms.Disallowed.Origin) {
			t.Errorf("the notice (visible %v) says %q; want it to name %s and the allowlist", s.Visible, s.Notice, cms.Disallowed.Origin)
		}
		if shots != "" {
			p.Shot(filepath.Join(shots, "decap-preview-refused.png"))
		}
		t.Logf("off the allowlist: %q", s.Notice)
	})
}

// hostPort is the host:port of a URL or origin.
func hostPort(origin string) string {
	u, err := url.Parse(origin)
	if err != nil {
		return origin
	}
	return u.Host
}

// carries reports whether a request's method, URL, headers or body holds
// any of the traces, in any case, plain or URL-escaped.
func carries(r Request, traces []string) bool {
	var all strings.Builder
	fmt.Fprintf(&all, "%s %s\n", r.Method, r.URL)
	r.Header.Write(&all)
	all.Write(r.Body)
	hay := strings.ToLower(all.String())
	for _, trace := range traces {
		for _, form := range []string{trace, url.QueryEscape(trace), url.PathEscape(trace)} {
			if strings.Contains(hay, strings.ToLower(form)) {
				return true
			}
		}
	}
	return false
}
