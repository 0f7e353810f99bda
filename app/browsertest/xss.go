package browsertest

import (
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"annotator/app/contract"
)

// xssVectors are markup and script injections of the kinds testers try:
// elements with handlers, script and style, URLs with javascript:,
// parser differentials (comments, noscript, math and svg), broken-out
// attributes and text areas, templates, entities, JSON line breaks. Each
// element carries an xss attribute, so that any element made from the
// text shows up in a query, and each script sets window.__xssRan.
var xssVectors = []string{
	`<script xss>window.__xssRan = 1</script>`,
	`<img xss src=x onerror="window.__xssRan = 2">`,
	`<svg xss onload="window.__xssRan = 3"></svg>`,
	`<iframe xss src="javascript:parent.__xssRan = 4"></iframe>`,
	`<iframe xss srcdoc="<script>parent.__xssRan = 5</script>"></iframe>`,
	`"><img xss src=x onerror="window.__xssRan = 6">`,
	`'><script xss>window.__xssRan = 7</script>`,
	`</textarea><img xss src=x onerror="window.__xssRan = 8">`,
	`</title><img xss src=x onerror="window.__xssRan = 9">`,
	`</script><script xss>window.__xssRan = 10</script>`,
	`<a xss href="javascript:window.__xssRan = 11">link</a>`,
	`<details xss open ontoggle="window.__xssRan = 12">`,
	`<body xss onload="window.__xssRan = 13">`,
	`<input xss autofocus onfocus="window.__xssRan = 14">`,
	`<video xss><source onerror="window.__xssRan = 15"></video>`,
	`<object xss data="javascript:window.__xssRan = 16"></object>`,
	`<embed xss src="javascript:window.__xssRan = 17">`,
	`<base xss href="javascript:/">`,
	`<meta xss http-equiv="refresh" content="0;url=javascript:window.__xssRan = 19">`,
	`<form xss action="javascript:window.__xssRan = 20"><button>go</button></form>`,
	`<style xss>@import "javascript:window.__xssRan = 21";</style>`,
	`<math xss><mtext><table><mglyph><style><img src=x onerror="window.__xssRan = 22">`,
	`<noscript><p title="</noscript><img xss src=x onerror='window.__xssRan = 23'>">`,
	`<!--<img xss src=x onerror="window.__xssRan = 24">-->`,
	`<svg><script xss>window.__xssRan = 25</script></svg>`,
	`<x xss onmouseover="window.__xssRan = 26" style="position:fixed;inset:0">cover</x>`,
	`{{constructor.constructor('window.__xssRan = 27')()}}`,
	"${window.__xssRan = 28}",
	`&lt;img xss src=x onerror="window.__xssRan = 29"&gt;`,
	"\u2028</script>\u2029<script xss>window.__xssRan = 30</script>",
}

// xssText is an article carrying every vector: in its title line (the
// library's title), in sentences naming people (the view, the entity
// list), inside quotes (the quotes panel) and next to key words.
func xssText() string {
	var b strings.Builder
	b.WriteString("Report " + xssVectors[1] + " on Kim Jong-un\n\n")
	for i, v := range xssVectors {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "Kim Jong-un met Moon Jae-in in Pyongyang %s on Monday.\n", v)
		case 1:
			fmt.Fprintf(&b, "\"Sanctions %s will fail,\" said Ana Ruiz, a diplomat.\n", v)
		default:
			fmt.Fprintf(&b, "The ministry said that the border %s would reopen.\n", v)
		}
	}
	return b.String()
}

// xssCheckJS counts, in the page, the elements made from the text (an xss
// attribute), whether any vector ran, and the content security policy's
// refusals.
const xssCheckJS = `({made: document.querySelectorAll("[xss]").length, ran: String(window.__xssRan), refused: window.__xssRefused || 0})`

// xssWatchJS starts counting the policy's refusals.
const xssWatchJS = `(() => {
	window.__xssRefused = 0;
	document.addEventListener("securitypolicyviolation", () => window.__xssRefused++);
	return true;
})()`

// xssInHTMLExport says what is wrong with the HTML export of xssText: an
// element or attribute made from the text, a script, a handler, or a
// vector missing from its article's text.
func xssInHTMLExport(doc string) string {
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, tag := range tags.FindAllString(doc, -1) {
		lower := strings.ToLower(tag)
		switch {
		case regexp.MustCompile(`\sxss[\s=>/]`).MatchString(lower):
			return "an element made from the text: " + tag
		case strings.HasPrefix(lower, "<script"):
			return "a script: " + tag
		case regexp.MustCompile(`\son[a-z]+\s*=`).MatchString(lower):
			return "a handler: " + tag
		}
	}
	const open, end = `<article class="annotated">`, `</article>`
	i, j := strings.Index(doc, open), strings.LastIndex(doc, end)
	if i < 0 || j < i {
		return "no annotated article"
	}
	article := regexp.MustCompile(`<span class="label">[^<]*</span>`).ReplaceAllString(doc[i+len(open):j], "")
	text := html.UnescapeString(tags.ReplaceAllString(article, ""))
	for _, v := range xssVectors {
		if !strings.Contains(text, v) {
			return fmt.Sprintf("the article lacks the text %q", v)
		}
	}
	return ""
}

// XSSVectors sends every vector through each surface that shows text: the
// view and every panel, the library (saved, listed, reopened), a stored
// record set aside as unreadable, the exports (parsed as a browser would,
// without running them) and the embed. Nothing the text carries may
// become an element or run.
func XSSVectors(t *testing.T, b *Browser, appURL string, hosts *EmbedHosts) {
	p := Open(t, b, appURL)
	p.WaitDraft()
	Eval[bool](p, xssWatchJS)
	text := xssText()
	check := func(where string) {
		t.Helper()
		got := Eval[map[string]any](p, xssCheckJS)
		if got["made"].(float64) != 0 || got["ran"] != "undefined" || got["refused"].(float64) != 0 {
			t.Errorf("%s: %v elements made from the text, window.__xssRan = %v, %v refusals by the content security policy; want none", where, got["made"], got["ran"], got["refused"])
		}
	}
	run, pasted := p.Paste(text)
	if run.State != "done" || pasted != text {
		t.Fatalf("state %q; the box holds %d bytes of %d", run.State, len(pasted), len(text))
	}
	if got := p.ViewText(); got != text {
		t.Errorf("the view's text differs from the pasted text at byte %d", firstDiff(got, text))
	}
	// Every panel, opened in turn.
	tabs := Eval[[]string](p, `Array.from(document.querySelectorAll('[role="tab"]')).map((t) => t.id)`)
	if len(tabs) < 5 {
		t.Fatalf("%d panel tabs", len(tabs))
	}
	for _, id := range tabs {
		p.Click("#" + id)
		Await[bool](p, `new Promise((resolve) => setTimeout(() => resolve(true), 150))`)
		check("panel " + id)
	}
	if n := Eval[int](p, `document.querySelectorAll("#quotes .quote-button").length`); n < 5 {
		t.Errorf("%d quotes listed, want the vectors' quotes", n)
	}
	// Select an entity: the selection bar and strips show its name.
	p.Click(`#view mark`)
	check("a selected entity")

	// The library: saved, listed under the title line, reopened.
	p.Click("#library-save")
	Poll[bool](p, `document.getElementById("library-save").disabled`)
	check("the library's list")
	reopenFromLibrary(t, p, text)
	check("the article reopened")

	// The exports: each parsed by the browser's own parser, which runs
	// nothing; the HTML export holds the text as text and no script.
	dir := t.TempDir()
	for _, format := range []string{"html", "json", "jsonld"} {
		data := p.DownloadBy(`#exports .download[data-format="`+format+`"]`, dir).Data
		if format != "html" {
			if !json.Valid(data) {
				t.Errorf("the %s export is not valid JSON", format)
			}
			continue
		}
		// Read here rather than by the page's DOMParser, whose documents
		// come under the page's content security policy and report the
		// export's own style as a violation.
		if n := xssInHTMLExport(string(data)); n != "" {
			t.Errorf("the HTML export: %s", n)
		}
	}

	// A stored record with the vectors in every field is set aside and
	// listed as unreadable.
	for _, v := range xssVectors[:10] {
		js, _ := json.Marshal(v)
		Await[bool](p, putRecordJS("annotator-library", "articles", true,
			fmt.Sprintf(`{id: %s, title: %s, text: %s, lang: %s, saved: "x"}`, js, js, js, js), ""))
	}
	p.Reload()
	p.WaitDraft()
	Eval[bool](p, xssWatchJS)
	sel := "#" + contract.Unreadable
	pollOrDump[bool](t, p, "the vectors' records", `Number(document.querySelector("`+sel+`").dataset.count || 0) === 10`)
	check("the unreadable records")
	p.Click("#" + contract.UnreadableDelete)
	p.Click("#" + contract.UnreadableDeleteConfirm)
	Poll[bool](p, `document.querySelector("`+sel+`").hidden`)

	// The embed: the host gets the document, its mentions the text's.
	h := Open0(t, b, hosts.Allowed+"/host.html?app="+appBaseOf(appURL))
	Await[bool](h, `annotator.ready.then(() => true)`)
	Eval[bool](h, xssWatchJS)
	js, _ := json.Marshal(text)
	bad := Await[int](h, fmt.Sprintf(`annotator.annotate(%s).then((doc) => {
		const text = %[1]s; let bad = 0;
		for (const e of doc.entities) for (const m of e.mentions) if (text.slice(m.u16_start, m.u16_end) !== m.text) bad++;
		for (const q of doc.quotes) if (text.slice(q.u16_start, q.u16_end) !== q.text) bad++;
		return doc.entities.length && doc.quotes.length ? bad : -1;
	})`, js))
	if bad != 0 {
		t.Errorf("the embed's document has %d spans off the text (-1: no entities or quotes)", bad)
	}
	got := Eval[map[string]any](h, xssCheckJS)
	if got["made"].(float64) != 0 || got["ran"] != "undefined" {
		t.Errorf("the embed's host: %v elements made from the text, window.__xssRan = %v", got["made"], got["ran"])
	}
	// The frame shows the text, as text.
	shown := Poll[map[string]any](FramePage(t, h, "/embed.html"), `(() => {
		const e = document.getElementById("embed"), v = e && e.querySelector("#view");
		return e.dataset.state === "done" && v && {text: v.textContent, made: document.querySelectorAll("[xss]").length, ran: String(window.__xssRan)};
	})()`)
	if shown["text"] != text || shown["made"].(float64) != 0 || shown["ran"] != "undefined" {
		t.Errorf("the embed frame: its view is the text: %v; %v elements made from the text, window.__xssRan = %v", shown["text"] == text, shown["made"], shown["ran"])
	}
	t.Logf("%d vectors through the view, %d panels, a selection, the library, 3 exports, 10 unreadable records, the embed and its frame: nothing made or run", len(xssVectors), len(tabs))
}
