//go:build !wasm

package browsertest

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"annotator/analyzer"

	"github.com/chromedp/chromedp"
)

// EmbedHosts are two CMS pages on origins other than the annotator's: on
// loopback aliases (127.0.0.2, 127.0.0.3) where the machine has them, else
// on other ports of 127.0.0.1, which are other origins too.
type EmbedHosts struct {
	Allowed    string // origin to put on the allowlist
	Disallowed string // origin to leave off it
	servers    []*http.Server
}

// NewEmbedHosts starts the two host servers; they stop when tb ends. Start
// them before the annotator, whose allowlist needs Allowed.
func NewEmbedHosts(tb testing.TB) *EmbedHosts {
	tb.Helper()
	h := &EmbedHosts{}
	for i, ip := range []string{"127.0.0.2", "127.0.0.3"} {
		ln, origin := listenLoopback(tb, ip)
		srv := &http.Server{Handler: hostPages(origin, h)}
		go srv.Serve(ln)
		h.servers = append(h.servers, srv)
		if i == 0 {
			h.Allowed = origin
		} else {
			h.Disallowed = origin
		}
	}
	tb.Cleanup(func() {
		for _, s := range h.servers {
			s.Close()
		}
	})
	return h
}

// listenLoopback listens on a free port of the loopback alias ip, or of
// 127.0.0.1 where the machine lacks the alias (another port is another
// origin too), and returns the listener and its origin.
func listenLoopback(tb testing.TB, ip string) (net.Listener, string) {
	tb.Helper()
	ln, err := net.Listen("tcp", ip+":0")
	if err != nil {
		tb.Logf("no loopback alias %s (%v): another port of 127.0.0.1 is the other origin", ip, err)
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
			tb.Fatal(err)
		}
	}
	return ln, "http://" + ln.Addr().String()
}

// hostPage is a CMS page using embed.js as README shows, plus a frame from
// the other origin that relays whatever the annotator sends it.
var hostPage = template.Must(template.New("host").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>CMS preview</title>
<script src="{{.App}}web/embed.js"></script></head>
<body>
<div id="preview"></div>
<iframe id="sibling" src="{{.Other}}/sibling.html?app={{.AppOrigin}}"></iframe>
<script>
window.annotator = AnnotatorEmbed.mount(document.getElementById("preview"), {timeout: {{.Timeout}}});
window.replies = [];    // what the annotator frame sent this page
window.relayed = [];    // what it sent the other origin's frame
window.siblingReady = new Promise((resolve) => { window.markSiblingReady = resolve; });
window.addEventListener("message", (e) => {
	if (e.origin === {{.AppOrigin}}) window.replies.push(e.data);
	if (e.origin === {{.Other}}) {
		if (e.data.ready) window.markSiblingReady();
		if (e.data.relay) window.relayed.push(e.data.relay);
		if (e.data.pong && window.onPong) window.onPong();
	}
});
window.pingSibling = () => new Promise((resolve) => {
	window.onPong = resolve;
	document.getElementById("sibling").contentWindow.postMessage({ping: true}, {{.Other}});
});
</script>
</body></html>`))

// siblingPage, on the disallowed origin, sends the annotator frame what
// its parent asks and relays every message the annotator sends it.
var siblingPage = template.Must(template.New("sibling").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>other origin</title></head><body>
<script>
const app = new URLSearchParams(location.search).get("app");
window.addEventListener("message", (e) => {
	if (e.origin === app) { parent.postMessage({relay: e.data}, "*"); return; }
	if (e.source !== parent) return;
	if (e.data.send) { parent.frames[0].postMessage(e.data.send, "*"); parent.postMessage({sent: true}, "*"); }
	if (e.data.ping) parent.postMessage({pong: true}, "*");
});
parent.postMessage({ready: true}, "*");
</script></body></html>`))

// nestPage frames another page (a CMS page of an allowed origin, on a
// page of one that is not).
var nestPage = template.Must(template.New("nest").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>framing page</title></head>
<body><iframe id="host" src="{{.Host}}" style="width:800px;height:600px"></iframe></body></html>`))

func hostPages(self string, h *EmbedHosts) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/host.html":
			app := r.URL.Query().Get("app") // the annotator's base URL, ending with a slash
			appOrigin := app
			if i := strings.Index(app[len("http://"):], "/"); i >= 0 {
				appOrigin = app[:len("http://")+i]
			}
			other := h.Disallowed
			if self == h.Disallowed {
				other = h.Allowed
			}
			timeout := r.URL.Query().Get("timeout")
			if timeout == "" {
				timeout = "60000"
			}
			hostPage.Execute(w, map[string]any{"App": app, "AppOrigin": appOrigin, "Other": other, "Timeout": template.JS(timeout)})
		case "/sibling.html":
			siblingPage.Execute(w, nil)
		case "/nest.html":
			nestPage.Execute(w, map[string]any{"Host": r.URL.Query().Get("host")})
		default:
			http.NotFound(w, r)
		}
	})
}

// Embed checks the embed page from CMS pages on other origins: the allowed
// one annotates through embed.js and gets the analyzer's own result and
// resize messages; malformed messages get errors; a frame of a disallowed
// origin gets no answer; and a page of a disallowed origin cannot use the
// annotator at all. appBase is the annotator's URL, ending with a slash.
func Embed(t *testing.T, b *Browser, appBase string, hosts *EmbedHosts, article Article) {
	p := Open0(t, b, hosts.Allowed+"/host.html?app="+appBase)
	Await[bool](p, `annotator.ready.then(() => true)`)
	Await[bool](p, `siblingReady.then(() => true)`)

	t.Run("an allowed page round-trips through embed.js", func(t *testing.T) {
		p.tb = t
		// The embed detects the language unless told (README).
		want, err := analyzer.Annotate(article.Text, analyzer.Options{Lang: analyzer.LangAuto})
		if err != nil {
			t.Fatal(err)
		}
		js, _ := json.Marshal(article.Text)
		got := Await[string](p, fmt.Sprintf(`annotator.annotate(%s).then((doc) => JSON.stringify(doc))`, js))
		var doc analyzer.Result
		if err := json.Unmarshal([]byte(got), &doc); err != nil {
			t.Fatalf("the document is not the JSON schema: %v", err)
		}
		if !reflect.DeepEqual(&doc, want.Result()) {
			t.Errorf("the document differs from the analyzer's result: %d entities, want %d", len(doc.Entities), len(want.Result().Entities))
		}
		h := Poll[float64](p, `parseFloat(annotator.iframe.style.height) > 120 && parseFloat(annotator.iframe.style.height)`)
		sizes := Eval[[]float64](p, `replies.filter((m) => m.type === "resize").map((m) => m.height)`)
		if len(sizes) == 0 || sizes[len(sizes)-1] != h {
			t.Errorf("resize messages %v, the frame is %.0f px high", sizes, h)
		}
		lang := Await[string](p, `annotator.annotate("Le président a parlé à Paris.", {lang: "fr"}).then((doc) => doc.lang)`)
		if lang != "fr" {
			t.Errorf("asked for French, the document's language is %q", lang)
		}
		t.Logf("embed: %d entities round-tripped, frame resized to %.0f px", len(doc.Entities), h)
	})

	t.Run("malformed messages get errors", func(t *testing.T) {
		p.tb = t
		errs := Await[[]map[string]any](p, `new Promise((resolve) => {
			const frame = annotator.iframe.contentWindow, origin = new URL(annotator.iframe.src).origin;
			const start = replies.length;
			const sent = [
				"hello",
				[1, 2],
				{type: "annotate", id: 7},
				{type: "annotate", id: "t", text: 42},
				{type: "shout", id: "x", text: "Paris"},
				{type: "annotate", text: "no id"},
				{type: "annotate", id: {}, text: "odd id"},
				{type: "annotate", id: "l", text: "Paris", lang: "tlh"},
				{type: "annotate", id: "big", text: "word ".repeat(3500000)},
			];
			for (const m of sent) frame.postMessage(m, origin);
			const wait = () => {
				const errors = replies.slice(start).filter((m) => m.type === "error");
				if (errors.length >= sent.length) resolve(errors); else setTimeout(wait, 20);
			};
			wait();
		})`)
		wantIDs := []any{nil, nil, 7.0, "t", "x", nil, nil, "l", "big"}
		for i, e := range errs {
			if i < len(wantIDs) && e["id"] != wantIDs[i] {
				t.Errorf("error %d answers id %v, want %v", i, e["id"], wantIDs[i])
			}
			if msg, _ := e["message"].(string); msg == "" {
				t.Errorf("error %d has no message: %v", i, e)
			}
		}
		if len(errs) != len(wantIDs) {
			t.Errorf("%d errors for %d malformed messages: %v", len(errs), len(wantIDs), errs)
		}
		if m, _ := errs[len(errs)-1]["message"].(string); !strings.Contains(m, "too large") {
			t.Errorf("the answer to a text over the limit says %q", m)
		}
		// Still working afterwards.
		if n := Await[int](p, `annotator.annotate("Ms Santos flew to Lisbon.").then((doc) => doc.entities.length)`); n == 0 {
			t.Errorf("no entities after the malformed messages")
		}
	})

	t.Run("a frame of a disallowed origin gets no answer", func(t *testing.T) {
		p.tb = t
		Await[bool](p, `new Promise((resolve) => {
			const sibling = document.getElementById("sibling").contentWindow;
			const done = (e) => { if (e.data && e.data.sent) { removeEventListener("message", done); resolve(true); } };
			addEventListener("message", done);
			sibling.postMessage({send: {type: "annotate", id: "evil", text: "Kim Jong-un met Xi Jinping."}}, "*");
			sibling.postMessage({send: "malformed"}, "*");
		})`)
		// Requests are answered in order: once a later one from this page
		// is, the disallowed ones had their chance; a ping through the
		// sibling flushes anything it was sent before.
		Await[int](p, `annotator.annotate("Paris.").then((doc) => doc.entities.length)`)
		Await[bool](p, `pingSibling().then(() => true)`)
		if got := Eval[[]any](p, `relayed`); len(got) != 0 {
			t.Errorf("the annotator answered a frame of a disallowed origin: %v", got)
		}
	})

	t.Run("a page of a disallowed origin cannot embed it", func(t *testing.T) {
		p := Open0(t, b, hosts.Disallowed+"/host.html?timeout=3000&app="+appBase)
		msg := Await[string](p, `annotator.annotate("Paris.").then(() => "answered", (err) => err.message)`)
		if !strings.Contains(msg, "allowlist") {
			t.Errorf("a disallowed page's annotate ended with %q, want no answer (a timeout naming the allowlist)", msg)
		}
		if got := Eval[[]any](p, `replies`); len(got) != 0 {
			t.Errorf("the annotator sent a disallowed page %v", got)
		}
	})
}

// NestedEmbed checks, where no frame-ancestors header stops it (a static
// host), that an allowed page framed by a page of a disallowed origin
// cannot use the annotator: the frame checks every ancestor, says so and
// answers nothing.
func NestedEmbed(t *testing.T, b *Browser, appBase string, hosts *EmbedHosts) {
	host := hosts.Allowed + "/host.html?timeout=3000&app=" + appBase
	top := Open0(t, b, hosts.Disallowed+"/nest.html?host="+url.QueryEscape(host))
	Poll[bool](FramePage(t, top, "/embed.html"), `document.readyState === "complete"`)
	msg := Await[string](FramePage(t, top, "/host.html"), `annotator.annotate("Paris.").then(() => "answered", (err) => err.message)`)
	if !strings.Contains(msg, "allowlist") {
		t.Errorf("an allowed page framed by a disallowed one: annotate ended with %q, want no answer (a timeout naming the allowlist)", msg)
	}
	status := Poll[string](FramePage(t, top, "/embed.html"), `(() => { const e = document.getElementById("embed"); return e && e.dataset.state === "refused" && document.getElementById("embed-status").textContent; })()`)
	if !strings.Contains(status, hosts.Disallowed) {
		t.Errorf("the refused frame says %q, want the framing origin %s named", status, hosts.Disallowed)
	}
	t.Logf("nested framing: refused, %q", status)
}

// FramePage returns the tab's cross-site frame whose URL contains part, to
// run scripts in it: Chromium runs such a frame in a process of its own,
// out of reach of the page's scripts and DOM.
func FramePage(tb testing.TB, p *Page, part string) *Page {
	tb.Helper()
	infos, err := chromedp.Targets(p.ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, info := range infos {
		if info.Type == "iframe" && strings.Contains(info.URL, part) {
			// Detached, not closed, when done: closing the frame's target
			// closes the tab. The first Run, which attaches, is on the
			// context itself: one on a derived context (a timeout) ends
			// the attachment when that context ends.
			ctx, cancel := chromedp.NewContext(p.ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
			tb.Cleanup(cancel)
			if err := chromedp.Do(ctx); err != nil {
				tb.Fatal(err)
			}
			return &Page{tb: tb, ctx: ctx}
		}
	}
	tb.Fatalf("no frame of another site at a URL with %q", part)
	return nil
}

// Open0 navigates the tab to a page that is not the app (a host page) and
// waits for its load event only.
func Open0(tb testing.TB, b *Browser, url string) *Page {
	tb.Helper()
	p := &Page{tb: tb, ctx: b.ctx}
	p.do(chromedp.Navigate(url))
	return p
}
