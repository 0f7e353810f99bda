//go:build !wasm

package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"annotator/analyzer"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The scenarios of this file check what makes the annotator a tool to rely
// on: it installs and works offline, keeps the text on the device, keeps
// drafts, stays responsive on long texts. The server's tests (app/site) and
// the static bundle's (build/) run them against their own URL.

// WaitServiceWorker waits until the page is controlled by an active service
// worker, that is until the worker has cached every file of the app.
func (p *Page) WaitServiceWorker() {
	p.tb.Helper()
	Await[bool](p, `navigator.serviceWorker.ready.then((r) => !!r.active)`)
	Poll[bool](p, `navigator.serviceWorker.controller !== null`)
}

// Reload reloads the page and waits until the app has mounted again and
// looked for a saved draft.
func (p *Page) Reload() {
	p.tb.Helper()
	p.do(chromedp.Reload())
	p.WaitReady()
	p.WaitDraft()
}

// WaitDraft waits until the app has looked for a saved draft, and put it
// back if it found one.
func (p *Page) WaitDraft() {
	p.tb.Helper()
	Poll[bool](p, `document.getElementById("local-data").dataset.restored === "1"`)
}

// AwaitNavigation runs do, which makes the page navigate (a click on a
// reload button), and waits until a new page has mounted its app.
func (p *Page) AwaitNavigation(do func()) {
	p.tb.Helper()
	Eval[bool](p, `window.__oldPage = true`)
	do()
	deadline := time.Now().Add(timeout)
	for {
		ctx, cancel := context.WithTimeout(p.ctx, 5*time.Second)
		ready, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!window.__oldPage && !!document.body && document.body.dataset.ready === "1"`))
		cancel()
		if err == nil && ready {
			return
		}
		if time.Now().After(deadline) {
			p.tb.Fatalf("no new page after navigating: %v", err)
		}
		time.Sleep(50 * time.Millisecond) // errors while the old page goes are expected
	}
}

// InstallabilityErrors returns what Chromium says stops the page from
// being installed as an app: nothing, for an installable one.
func (p *Page) InstallabilityErrors() []string {
	p.tb.Helper()
	var errs []string
	p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		res, err := cdp.Call(ctx, t, page.GetInstallabilityErrors, cdp.Empty{})
		for _, e := range res.InstallabilityErrors {
			var args []string
			for _, a := range e.ErrorArguments {
				args = append(args, a.Name+"="+a.Value)
			}
			errs = append(errs, e.ErrorID+" "+strings.Join(args, " "))
		}
		return err
	}))
	return errs
}

// Installable checks Chromium finds the app installable once its service
// worker is active, and that the manifest says what a home screen needs.
func Installable(t *testing.T, b *Browser, appURL string) {
	p := Open(t, b, appURL)
	p.WaitServiceWorker()
	if errs := p.InstallabilityErrors(); len(errs) > 0 {
		t.Errorf("Chromium finds the app not installable: %q", errs)
	} else {
		t.Logf("installability errors: none")
	}
	m := Await[map[string]any](p, `fetch(document.querySelector('link[rel="manifest"]').href).then((r) => r.json())`)
	for _, key := range []string{"name", "short_name", "start_url", "theme_color", "icons"} {
		if m[key] == nil || m[key] == "" {
			t.Errorf("the manifest lacks %s: %v", key, m)
		}
	}
	if m["display"] != "standalone" {
		t.Errorf("the manifest's display is %v, want standalone", m["display"])
	}
	icons, _ := json.Marshal(m["icons"])
	for _, size := range []string{"192x192", "512x512"} {
		if !strings.Contains(string(icons), size) {
			t.Errorf("the manifest has no %s icon: %s", size, icons)
		}
	}
}

// Offline checks that after a first visit the app reloads and annotates
// with the network off: the proxy drops every connection and the tab is
// told it is offline. It returns how many requests the browser attempted
// while offline (each of them failed).
func Offline(t *testing.T, b *Browser, appURL string, article Article) int {
	p := Open(t, b, appURL)
	p.WaitServiceWorker()
	from := b.RequestCount()
	b.SetOffline(t, true)
	defer b.SetOffline(t, false)
	if Eval[bool](p, `navigator.onLine`) {
		t.Errorf("navigator.onLine is still true with the network off")
	}
	p.Reload()
	if got := Eval[string](p, `location.href`); got != appURL && got != strings.TrimSuffix(appURL, "/")+"/" {
		t.Errorf("offline, the reload ended at %s, not %s", got, appURL)
	}
	run, text := p.Paste(article.Text)
	if run.State != "done" {
		t.Fatalf("offline, annotating %s ended in state %q", article.Name, run.State)
	}
	want, err := analyzer.Annotate(text, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkMarks(t, p.Marks(), want.Result())
	attempts := b.Requests(from)
	for _, r := range attempts {
		if r.Refused == "" {
			t.Errorf("offline, %s %s reached the network", r.Method, r.URL)
		}
	}
	t.Logf("offline: reloaded and annotated %s (%d marks); %d requests attempted, none answered", article.Name, len(p.Marks()), len(attempts))
	return len(attempts)
}

// chromiumServices are hosts Chromium itself calls, with no page open
// (sign-in, component updates), whatever the flags: a browser left idle
// asks them within seconds. They are not the app's; the proxy refuses them
// like any other host.
var chromiumServices = map[string]bool{
	"accounts.google.com:443":             true,
	"update.googleapis.com:443":           true,
	"update.googleapis.com":               true,
	"clients2.google.com":                 true,
	"clients2.google.com:443":             true,
	"content-autofill.googleapis.com:443": true,
	"redirector.gvt1.com:443":             true, // component downloads
}

// OnlyLoopback checks that every request the pages, frames and workers have
// made so far went to the machine itself: the app depends on no other host.
// Chromium's own service requests are listed apart.
func OnlyLoopback(t *testing.T, b *Browser) {
	all := b.Requests(0)
	hosts := make(map[string]int)
	chromium := 0
	for _, r := range all {
		switch {
		case chromiumServices[r.Host] && r.Header.Get("Sec-Fetch-Mode") == "" && r.Header.Get("Origin") == "":
			chromium++
		case !isLoopback(r.Host) || r.Method == http.MethodConnect:
			// Whatever the proxy did with it (offline, it refuses all).
			t.Errorf("request to another host: %s %s", r.Method, r.URL)
		default:
			hosts[r.Host]++
		}
	}
	t.Logf("%d requests by the app, all to loopback hosts: %v (and %d of Chromium's own to its services, refused)", len(all)-chromium, hosts, chromium)
}

// NoViolations checks no page broke the content security policy (a
// refused framing, which the embed scenario provokes, aside).
func NoViolations(t *testing.T, b *Browser) {
	for _, v := range b.Violations() {
		if !strings.Contains(v, "frame-ancestors") {
			t.Errorf("content security policy violation: %s", v)
		}
	}
}

// privateText is an article no request may carry: made-up names and a
// nonce, so that any trace of it is unmistakable.
func privateText(nonce string) (text string, traces []string) {
	traces = []string{"Quenbry Vastolo", "Harthwick", "Ostrel Pellanor", nonce}
	text = fmt.Sprintf("HARTHWICK, 12 May (Wire) - Quenbry Vastolo, the mayor of Harthwick, told the Ostrel Pellanor council on Tuesday that the port would reopen. "+
		"\"We will rebuild the harbour within a year,\" Vastolo said, citing a %s budget of €3.5bn.\n\nCouncillors asked for 12%% more.", nonce)
	return text, traces
}

// Private checks the article text never leaves the device: while the text
// is pasted, typed, annotated, saved as a draft and the app checks for
// updates, the proxy records every request's method, URL, headers and body,
// and none may hold any part of the text. It returns how many requests it
// saw.
func Private(t *testing.T, b *Browser, appURL string) int {
	p := Open(t, b, appURL)
	p.WaitServiceWorker()
	p.WaitDraft()
	text, traces := privateText(fmt.Sprintf("Zq%dxv", time.Now().UnixNano()%1e9))
	from := b.RequestCount()

	run, _ := p.Paste(text)
	if run.State != "done" || len(p.Marks()) == 0 {
		t.Fatalf("the private text was not annotated: state %q, %d marks", run.State, len(p.Marks()))
	}
	before := p.Runs()
	p.Type("#text", " Vastolo left.")
	p.WaitRun(before)
	Poll[bool](p, `document.getElementById("local-data").dataset.draft === "saved"`)
	Eval[bool](p, `window.dispatchEvent(new Event("focus"))`) // an update check
	p.Reload()                                                // the draft comes back
	Poll[bool](p, `document.getElementById("text").value.includes("Vastolo left.")`)

	seen := b.Requests(from)
	for _, r := range seen {
		var all strings.Builder
		fmt.Fprintf(&all, "%s %s\n", r.Method, r.URL)
		r.Header.Write(&all)
		all.Write(r.Body)
		hay := all.String()
		for _, trace := range traces {
			for _, form := range []string{trace, url.QueryEscape(trace), url.PathEscape(trace), strings.ToLower(trace)} {
				if strings.Contains(hay, form) || strings.Contains(strings.ToLower(hay), strings.ToLower(form)) {
					t.Errorf("%s %s carries %q from the article", r.Method, r.URL, trace)
				}
			}
		}
	}
	var list []string
	for _, r := range seen {
		list = append(list, r.Method+" "+r.URL+" ("+fmt.Sprint(len(r.Body))+" body bytes)")
	}
	t.Logf("privacy: %d requests while pasting, typing, annotating, saving a draft, checking for updates and reloading, none with the text: %q", len(seen), list)
	return len(seen)
}

// Draft checks that typed text survives a reload: it is saved on the
// device as the user types, put back in the paste area and annotated.
func Draft(t *testing.T, b *Browser, appURL string) {
	p := Open(t, b, appURL)
	p.WaitDraft()
	p.Paste("")
	typed := "Draft: Ms Santos flew to  Lisbon on Monday.\nShe met the European Commission."
	before := p.Runs()
	p.Type("#text", typed)
	p.WaitRun(before)
	Poll[bool](p, `document.getElementById("local-data").dataset.draft === "saved"`)
	p.Reload()
	got := Poll[string](p, `document.getElementById("text").value`)
	if got != typed {
		t.Fatalf("after a reload the paste area holds %q, want the typed %q", got, typed)
	}
	Poll[bool](p, fmt.Sprintf(`document.getElementById("view").textContent === %q`, typed))
	if state := Eval[string](p, `document.getElementById("local-data").dataset.draft`); state != "restored" {
		t.Errorf("draft state %q after the reload, want restored", state)
	}
	if msg := Eval[string](p, `document.getElementById("draft-status").textContent`); !strings.Contains(msg, "draft") {
		t.Errorf("the page does not say the draft is back: %q", msg)
	}

	// The language menu's choice comes back with the text: a two-word
	// draft, too short to detect, is read in French again.
	short := "Marie Curie"
	p.Paste(short)
	if run := p.ChooseLanguage("fr"); run.Lang != "fr" {
		t.Fatalf("with the menu on French the text was read as %q", run.Lang)
	}
	Poll[bool](p, `document.getElementById("local-data").dataset.draft === "saved"`)
	p.Reload()
	Poll[bool](p, `document.getElementById("local-data").dataset.draft === "restored"`)
	run := p.WaitRun(0)
	if got := Eval[string](p, `document.getElementById("text").value + " | " + document.getElementById("lang").value`); got != short+" | fr" || run.Lang != "fr" {
		t.Errorf("after a reload: box and menu %q, read as %q; want %q in French", got, run.Lang, short+" | fr")
	}
	// The scenarios after this one share the browser's storage: the menu
	// goes back to auto, and the draft with it.
	p.ChooseLanguage(analyzer.LangAuto)
	Poll[bool](p, `document.getElementById("local-data").dataset.draft === "saved"`)
}

// ClearLocalData checks the "Clear local data" control deletes the draft,
// the article library's database and the app's localStorage keys, and
// nothing else.
func ClearLocalData(t *testing.T, b *Browser, appURL string) {
	p := Open(t, b, appURL)
	p.WaitDraft()
	p.Paste("")
	before := p.Runs()
	p.Type("#text", "A draft to clear: Lisbon.")
	p.WaitRun(before)
	Poll[bool](p, `document.getElementById("local-data").dataset.draft === "saved"`)
	Await[bool](p, `new Promise((resolve, reject) => {
		localStorage.setItem("annotator.test", "1");
		localStorage.setItem("another-app", "keep");
		const r = indexedDB.open("annotator-library");
		r.onsuccess = () => { r.result.close(); resolve(true); };
		r.onerror = () => reject(r.error);
	})`)
	databases := func() []string {
		return Await[[]string](p, `indexedDB.databases().then((ds) => ds.map((d) => d.name).sort())`)
	}
	if got := databases(); !slices.Contains(got, "annotator-drafts") || !slices.Contains(got, "annotator-library") {
		t.Fatalf("before clearing, databases %q", got)
	}

	p.Click("#clear-data")
	p.Click("#clear-confirm")
	Poll[bool](p, `document.getElementById("local-data").dataset.draft === "cleared"`)
	if got := databases(); slices.Contains(got, "annotator-drafts") || slices.Contains(got, "annotator-library") {
		t.Errorf("after clearing, databases %q remain", got)
	}
	if Eval[bool](p, `localStorage.getItem("annotator.test") !== null`) {
		t.Errorf("the annotator.test key survived clearing")
	}
	if Eval[string](p, `localStorage.getItem("another-app")`) != "keep" {
		t.Errorf("clearing removed a key that is not the app's")
	}
	if got := p.PastedText(); got != "A draft to clear: Lisbon." {
		t.Errorf("clearing changed the text on screen to %q", got)
	}
	p.Reload()
	if got := p.PastedText(); got != "" {
		t.Errorf("after clearing and reloading, the paste area holds %q", got)
	}
	Eval[bool](p, `localStorage.removeItem("another-app") || true`)
}

// LongText pastes a text of about size bytes (the article repeated) and
// checks it is annotated a chunk at a time: the progress bar moves, a click
// during the work is answered before the work ends, and the result lists
// every entity and mention the analyzer finds. It returns the longest
// time the page's main thread was busy without a break.
func LongText(t *testing.T, b *Browser, appURL string, article Article, size int) time.Duration {
	p := Open(t, b, appURL)
	p.WaitDraft()
	if run, _ := p.Paste(article.Text); run.State != "done" {
		t.Fatalf("state %q after pasting the article", run.State)
	}
	unit := strings.ReplaceAll(article.Text, "\r\n", "\n") + "\n\n"
	copies := size/len(unit) + 1
	text := strings.Repeat(unit, copies)
	want, err := analyzer.Annotate(text, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := want.Result()
	mentions := 0
	for _, e := range res.Entities {
		mentions += len(e.Mentions)
	}

	legend := `.legend button[data-label="` + string(res.Entities[0].Label) + `"]`
	js, _ := json.Marshal(unit)
	before := p.Runs()
	Eval[bool](p, fmt.Sprintf(`(() => {
		const button = document.querySelector('%[1]s');
		window.__pressedWhile = "";
		new MutationObserver(() => { window.__pressedWhile = document.getElementById("annotator").dataset.state; })
			.observe(button, {attributes: true, attributeFilter: ["aria-pressed"]});
		window.__beats = [];
		window.__beat = setInterval(() => window.__beats.push(performance.now()), 10);
		const t = document.getElementById("text");
		t.value = %[2]s.repeat(%[3]d);
		t.dispatchEvent(new Event("input", {bubbles: true}));
		return true;
	})()`, legend, js, copies))

	// Watch the progress bar; click the legend once the work is under way.
	var seen []float64
	clicked := false
	deadline := time.Now().Add(3 * timeout)
	for time.Now().Before(deadline) {
		st := Eval[map[string]any](p, `(() => {
			const r = document.getElementById("annotator"), bar = document.getElementById("progress-bar");
			return {runs: Number(r.dataset.runs || 0), state: r.dataset.state, value: bar ? Number(bar.value) : -1};
		})()`)
		if st["runs"].(float64) > float64(before) {
			break
		}
		if v := st["value"].(float64); v >= 0 && (len(seen) == 0 || v != seen[len(seen)-1]) {
			seen = append(seen, v)
		}
		if !clicked && len(seen) > 0 && st["state"] == "working" {
			p.Click(legend)
			clicked = true
		}
		time.Sleep(20 * time.Millisecond)
	}
	run := p.WaitRun(before)
	if run.State != "done" || run.Bytes != len(text) {
		t.Fatalf("after pasting %d bytes: state %q, %d bytes annotated", len(text), run.State, run.Bytes)
	}
	if len(seen) < 3 || !slices.IsSorted(seen) {
		t.Errorf("the progress bar showed %v: want it to move forward at least three times", seen)
	}
	if got := Eval[string](p, `window.__pressedWhile`); got != "working" {
		t.Errorf("a click on the legend during the work was answered in state %q, want working (clicked: %v)", got, clicked)
	}
	gap := Eval[float64](p, `(() => {
		clearInterval(window.__beat);
		let gap = 0;
		for (let i = 1; i < __beats.length; i++) gap = Math.max(gap, __beats[i] - __beats[i-1]);
		return gap;
	})()`)

	// The result is complete: every entity is counted in the lists (which
	// show the first page of each label) and every mention in the legend.
	listed := Eval[map[string]int](p, `(() => {
		const groups = Array.from(document.querySelectorAll("#entities .group"));
		const counts = Array.from(document.querySelectorAll(".legend .legend-item .count"));
		return {
			entities: groups.reduce((n, g) => n + Number(g.dataset.total), 0),
			shown: document.querySelectorAll("#entities button.entity").length,
			mentions: counts.reduce((n, c) => n + Number(c.textContent.replace(/\D/g, "")), 0),
		};
	})()`)
	if listed["entities"] != len(res.Entities) || listed["mentions"] != mentions {
		t.Errorf("%d entities with %d mentions counted, the analyzer finds %d with %d", listed["entities"], listed["mentions"], len(res.Entities), mentions)
	}
	if listed["shown"] > 9*20 {
		t.Errorf("%d entity buttons at first: the lists are not paged", listed["shown"])
	}
	// The view shows the start of the text, and more on request.
	shown := Eval[int](p, `document.getElementById("view").textContent.length`)
	if !strings.HasPrefix(text, Eval[string](p, `document.getElementById("view").textContent.slice(0, 2000)`)) || shown >= len(text) {
		t.Errorf("the view shows %d of %d characters, not the start of the text", shown, len(text))
	}
	p.Click("#show-more")
	Poll[bool](p, fmt.Sprintf(`document.getElementById("view").textContent.length > %d`, shown))
	t.Logf("long text: %d bytes, %d entities and %d mentions as natively; progress %v; analyzer %.0f ms; longest busy stretch %.0f ms",
		len(text), len(res.Entities), mentions, seen, run.AnnotateMs, gap)
	return time.Duration(gap * float64(time.Millisecond))
}
