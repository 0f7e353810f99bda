//go:build !wasm

package browsertest

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
)

// markCase is a fixture for embed.js's textOf, mark and unmark: markup,
// the text textOf must read from it, mentions of a made-up document, and
// the element once marked, written with each mark as [LABEL|text] (or
// [LABEL/part|text] for a piece of a mention split across elements) and
// other elements as tags.
type markCase struct {
	name     string
	html     string
	text     string
	mentions []fakeMention
	want     string
}

// fakeMention is the nth (from 0) occurrence of text in the case's text,
// as a mention with that label.
type fakeMention struct {
	label, text string
	nth         int
}

var markCases = []markCase{
	{
		name:     "a paragraph",
		html:     `<p>Kim Jong-un met Xi Jinping in Beijing.</p>`,
		text:     "Kim Jong-un met Xi Jinping in Beijing.",
		mentions: []fakeMention{{"PER", "Kim Jong-un", 0}, {"PER", "Xi Jinping", 0}, {"LOC", "Beijing", 0}},
		want:     `<p>[PER|Kim Jong-un] met [PER|Xi Jinping] in [LOC|Beijing].</p>`,
	},
	{
		name:     "a name half in bold is one mention in two marks",
		html:     `<p>by <strong>Marta</strong> Lindqvist.</p>`,
		text:     "by Marta Lindqvist.",
		mentions: []fakeMention{{"PER", "Marta Lindqvist", 0}},
		want:     `<p>by <strong>[PER/first|Marta]</strong>[PER/last| Lindqvist].</p>`,
	},
	{
		name:     "a name across three elements leaves the space between them alone",
		html:     `<p>the <em>Nordic</em> <b>Ports</b> Association</p>`,
		text:     "the Nordic Ports Association",
		mentions: []fakeMention{{"ORG", "Nordic Ports Association", 0}},
		want:     `<p>the <em>[ORG/first|Nordic]</em> <b>[ORG/middle|Ports]</b>[ORG/last| Association]</p>`,
	},
	{
		name:     "blocks that nothing separates read as lines",
		html:     `<h1>Talks in Paris</h1><p>Rome replied.</p><ul><li>Oslo</li><li>Bergen</li></ul>`,
		text:     "Talks in Paris\nRome replied.\nOslo\nBergen",
		mentions: []fakeMention{{"LOC", "Paris", 0}, {"LOC", "Rome", 0}, {"LOC", "Oslo", 0}, {"LOC", "Bergen", 0}},
		want:     `<h1>Talks in [LOC|Paris]</h1><p>[LOC|Rome] replied.</p><ul><li>[LOC|Oslo]</li><li>[LOC|Bergen]</li></ul>`,
	},
	{
		name:     "white space between blocks is kept as it is, not added to",
		html:     "<p>Paris.</p>\n<p>Rome.</p>",
		text:     "Paris.\nRome.",
		mentions: []fakeMention{{"LOC", "Rome", 0}},
		want:     "<p>Paris.</p>\n<p>[LOC|Rome].</p>",
	},
	{
		name:     "script and style are not text",
		html:     `<p>Kim<script>var Xi = 1;</script> spoke.<style>p { color: red }</style></p>`,
		text:     "Kim spoke.",
		mentions: []fakeMention{{"PER", "Kim", 0}},
		want:     `<p>[PER|Kim]<script>var Xi = 1;</script> spoke.<style>p { color: red }</style></p>`,
	},
	{
		name:     "markup in the text stays text",
		html:     `<p>&lt;img src=x onerror=alert(1)&gt; Kim said &lt;b&gt;no&lt;/b&gt;.</p>`,
		text:     "<img src=x onerror=alert(1)> Kim said <b>no</b>.",
		mentions: []fakeMention{{"PER", "Kim", 0}, {"MISC", "<b>no</b>", 0}},
		want:     `<p>&lt;img src=x onerror=alert(1)&gt; [PER|Kim] said [MISC|&lt;b&gt;no&lt;/b&gt;].</p>`,
	},
	{
		name:     "offsets count UTF-16 code units",
		html:     `<p>😀 Kim met 🇸🇪 Lindqvist.</p>`,
		text:     "😀 Kim met 🇸🇪 Lindqvist.",
		mentions: []fakeMention{{"PER", "Kim", 0}, {"PER", "Lindqvist", 0}},
		want:     `<p>😀 [PER|Kim] met 🇸🇪 [PER|Lindqvist].</p>`,
	},
	{
		name:     "a mention overlapping an earlier one is left out",
		html:     `<p>Kim Jong-un spoke.</p>`,
		text:     "Kim Jong-un spoke.",
		mentions: []fakeMention{{"PER", "Kim Jong", 0}, {"PER", "Jong-un", 0}},
		want:     `<p>[PER|Kim Jong]-un spoke.</p>`,
	},
	{
		name:     "repeated words are marked where the offsets say",
		html:     `<p>Paris, not <i>Paris</i>, Texas.</p>`,
		text:     "Paris, not Paris, Texas.",
		mentions: []fakeMention{{"LOC", "Paris", 1}},
		want:     `<p>Paris, not <i>[LOC|Paris]</i>, Texas.</p>`,
	},
}

// u16Span returns the UTF-16 offsets of the nth occurrence of sub in s.
func u16Span(s, sub string, nth int) (start, end int, ok bool) {
	at := -1
	for i := 0; i <= nth; i++ {
		j := strings.Index(s[at+1:], sub)
		if j < 0 {
			return 0, 0, false
		}
		at += 1 + j
	}
	start = len(utf16.Encode([]rune(s[:at])))
	return start, start + len(utf16.Encode([]rune(sub))), true
}

// fakeDocument is the annotator's JSON for the case: one entity per
// mention, only the fields mark reads.
func (c markCase) fakeDocument(tb testing.TB) string {
	type mention struct {
		U16Start int `json:"u16_start"`
		U16End   int `json:"u16_end"`
	}
	type entity struct {
		ID       string    `json:"id"`
		Label    string    `json:"label"`
		Name     string    `json:"name"`
		Mentions []mention `json:"mentions"`
	}
	var doc struct {
		Entities []entity `json:"entities"`
	}
	for i, m := range c.mentions {
		s, e, ok := u16Span(c.text, m.text, m.nth)
		if !ok {
			tb.Fatalf("%s: %q is not in the text %q", c.name, m.text, c.text)
		}
		doc.Entities = append(doc.Entities, entity{fmt.Sprintf("e%d", i+1), m.label, "<b>" + m.text + "</b>", []mention{{s, e}}})
	}
	data, _ := json.Marshal(doc)
	return string(data)
}

// markupOf writes an element's content as markCase.want does; a page
// function, defined once per page.
const markupOf = `window.markupOf = window.markupOf || function markupOf(el) {
	const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
	let out = "";
	for (const n of el.childNodes) {
		if (n.nodeType === 3) out += esc(n.data);
		else if (n.nodeName === "MARK" && n.classList.contains("annotator-mark")) out += "[" + n.dataset.label + (n.dataset.part ? "/" + n.dataset.part : "") + "|" + markupOf(n) + "]";
		else if (n.nodeName === "SCRIPT" || n.nodeName === "STYLE") out += n.outerHTML;
		else out += "<" + n.nodeName.toLowerCase() + ">" + markupOf(n) + "</" + n.nodeName.toLowerCase() + ">";
	}
	return out;
}`

// markResult is what the page saw marking a case.
type markResult struct {
	Text       string `json:"text"`       // textOf's
	Marked     string `json:"marked"`     // markupOf after mark
	Made       int    `json:"made"`       // marks made
	NewTags    int    `json:"newTags"`    // elements other than marks the marking added
	SameText   bool   `json:"sameText"`   // textContent unchanged by marking
	Restored   bool   `json:"restored"`   // unmark gave back the original markup
	Remarked   bool   `json:"remarked"`   // marking again after unmark gave the same
	Unmarked   int    `json:"unmarked"`   // marks unmark removed
	TextNodes  int    `json:"textNodes"`  // text nodes after unmark
	OrigTNodes int    `json:"origTNodes"` // text nodes before marking
}

// Highlight checks embed.js's highlight helper in the page of an allowed
// origin: its parts (textOf, mark, unmark) on a table of fixtures with
// made-up documents, then highlight itself through the annotator's frame,
// the latest call replacing the one still waiting, an element that
// changes while annotated, a container inside a same-origin srcdoc frame
// (the nesting of a CMS's preview pane), and a sandboxed one, which is
// refused.
func Highlight(t *testing.T, b *Browser, appBase string, hosts *EmbedHosts) {
	p := Open0(t, b, hosts.Allowed+"/host.html?app="+appBase)
	Await[bool](p, `annotator.ready.then(() => true)`)
	Eval[bool](p, markupOf+`, true`)

	for _, c := range markCases {
		t.Run(c.name, func(t *testing.T) {
			p.tb = t
			html, _ := json.Marshal(c.html)
			got := Eval[markResult](p, fmt.Sprintf(`(() => {
				const el = document.createElement("div");
				el.innerHTML = %s; // the fixture
				document.body.append(el);
				const original = el.innerHTML, text = el.textContent;
				const count = (sel) => el.querySelectorAll(sel).length;
				const textNodes = () => { let n = 0; const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT); while (w.nextNode()) n++; return n; };
				const tags = count("*"), origTNodes = textNodes();
				const doc = %s;
				const r = {text: AnnotatorEmbed.textOf(el).text};
				r.made = AnnotatorEmbed.mark(el, doc);
				r.marked = markupOf(el);
				r.newTags = count("*") - tags - count("mark.annotator-mark");
				r.sameText = el.textContent === text;
				r.unmarked = AnnotatorEmbed.unmark(el);
				r.restored = el.innerHTML === original;
				r.textNodes = textNodes();
				r.origTNodes = origTNodes;
				AnnotatorEmbed.mark(el, doc);
				r.remarked = markupOf(el) === r.marked;
				el.remove();
				return r;
			})()`, html, c.fakeDocument(t)))
			if got.Text != c.text {
				t.Errorf("textOf reads %q, want %q", got.Text, c.text)
			}
			if got.Marked != c.want {
				t.Errorf("marked:\n got %s\nwant %s", got.Marked, c.want)
			}
			if got.NewTags != 0 || !got.SameText {
				t.Errorf("marking added %d elements other than marks, text unchanged: %v", got.NewTags, got.SameText)
			}
			if !got.Restored || got.Unmarked != got.Made || got.TextNodes != got.OrigTNodes {
				t.Errorf("unmark removed %d of %d marks, restored the markup: %v, %d text nodes for %d", got.Unmarked, got.Made, got.Restored, got.TextNodes, got.OrigTNodes)
			}
			if !got.Remarked {
				t.Errorf("marking again after unmark differs")
			}
		})
	}

	t.Run("highlight marks an element through the frame", func(t *testing.T) {
		p.tb = t
		s := Await[previewState](p, `(() => {
			const el = document.createElement("article");
			el.id = "hl";
			el.innerHTML = "<h2>Ferry talks</h2><p>Ms <em>Santos</em> flew to Lisbon on Monday with the <b>European</b> Commission.</p>";
			document.body.append(el);
			return annotator.highlight(el).then((doc) => ({
				state: "done", text: AnnotatorEmbed.textOf(el).text,
				marks: Array.from(el.querySelectorAll("mark.annotator-mark")).map((m) => ({label: m.dataset.label, entity: m.dataset.entity, mention: m.dataset.mention, part: m.dataset.part || "", text: m.textContent})),
			}));
		})()`)
		checkPreviewMarks(t, s, []Anchor{{"Lisbon", "LOC"}, {"European Commission", "ORG"}})
		again := Await[int](p, `annotator.highlight(document.getElementById("hl")).then(() => document.querySelectorAll("#hl mark mark").length * 1000 + document.querySelectorAll("#hl mark").length)`)
		if again != len(s.Marks) {
			t.Errorf("highlighting again left %d marks inside marks and %d marks, want none and %d", again/1000, again%1000, len(s.Marks))
		}
	})

	t.Run("the latest call replaces the one still waiting", func(t *testing.T) {
		p.tb = t
		got := Await[map[string]any](p, `(() => {
			const el = document.getElementById("hl");
			const start = replies.filter((m) => m.type === "annotated").length;
			const settle = (pr) => pr.then(() => "done", (e) => e.name);
			const calls = [1, 2, 3, 4, 5].map(() => settle(annotator.highlight(el)));
			return Promise.all(calls).then((outcomes) => new Promise((resolve) => setTimeout(() => resolve({
				outcomes, answered: replies.filter((m) => m.type === "annotated").length - start,
			}), 300)));
		})()`)
		want := []any{"done", "AbortError", "AbortError", "AbortError", "done"}
		if fmt.Sprint(got["outcomes"]) != fmt.Sprint(want) || got["answered"] != 2.0 {
			t.Errorf("five calls in a row ended %v with %v annotations, want %v with 2", got["outcomes"], got["answered"], want)
		}
	})

	t.Run("an element that changes while annotated is not marked", func(t *testing.T) {
		p.tb = t
		got := Await[string](p, `(() => {
			const el = document.getElementById("hl");
			const pr = annotator.highlight(el);
			el.querySelector("p").append(" Later, Mr Okafor arrived.");
			return pr.then(() => "marked", (e) => e.name + " " + el.querySelectorAll("mark").length);
		})()`)
		if got != "AbortError 0" {
			t.Errorf("highlight of an element changed meanwhile ended %q, want an AbortError and no marks", got)
		}
	})

	t.Run("a container inside a srcdoc frame", func(t *testing.T) {
		p.tb = t
		// As Decap's preview: a same-origin srcdoc frame that this page's
		// scripts fill, the annotator's frame inside it.
		got := Await[map[string]any](p, `new Promise((resolve, reject) => {
			const f = document.createElement("iframe");
			f.srcdoc = "<!DOCTYPE html><body><p id=t>Mr <strong>Okafor</strong> Adeyemi left Lagos.</p><div id=box></div></body>";
			f.onload = () => {
				const d = f.contentDocument;
				const nested = AnnotatorEmbed.mount(d.getElementById("box"), {view: "status", timeout: 60000});
				nested.highlight(d.getElementById("t")).then((doc) => {
					resolve({
						inFrame: nested.iframe.ownerDocument === d,
						marks: Array.from(d.querySelectorAll("#t mark")).map((m) => m.dataset.label + ":" + m.textContent).join(" "),
						entities: doc.entities.length,
					});
					nested.destroy();
					f.remove();
				}, reject);
			};
			document.body.append(f);
		})`)
		if got["inFrame"] != true || !strings.Contains(fmt.Sprint(got["marks"]), "LOC:Lagos") {
			t.Errorf("annotating inside a srcdoc frame: %v", got)
		}
	})

	t.Run("a sandboxed frame (origin null) is refused", func(t *testing.T) {
		p.tb = t
		// The same srcdoc frame, sandboxed: its origin is opaque, "null",
		// which no allowlist admits. It loads embed.js itself.
		got := Await[string](p, `new Promise((resolve) => {
			const embedJS = document.querySelector("script[src$='web/embed.js']").src;
			const f = document.createElement("iframe");
			f.sandbox = "allow-scripts";
			f.srcdoc = "<!DOCTYPE html><body><script src='" + embedJS + "'><" + "/script><script>" +
				"AnnotatorEmbed.mount(document.body, {timeout: 5000}).annotate('Mr Okafor left Lagos.')" +
				".then(() => parent.postMessage({sandboxed: 'answered'}, '*'), (e) => parent.postMessage({sandboxed: e.message}, '*'));" +
				"<" + "/script></body>";
			const done = (e) => {
				if (e.source === f.contentWindow && e.data && e.data.sandboxed) {
					removeEventListener("message", done);
					f.remove();
					resolve(e.data.sandboxed);
				}
			};
			addEventListener("message", done);
			document.body.append(f);
		})`)
		if !strings.Contains(got, "allowlist") {
			t.Errorf("a sandboxed frame's annotate ended with %q, want no answer (a timeout naming the allowlist)", got)
		}
	})
}
