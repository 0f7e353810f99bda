//go:build !wasm

package browsertest

import (
	"testing"

	"annotator/app/contract"
)

// installButtonShown is whether the header's Install button is displayed.
const installButtonShown = `(() => { const b = document.getElementById("` + contract.InstallButton + `"); return !!b && !b.hidden && b.offsetParent !== null; })()`

// firePrompt dispatches a synthetic beforeinstallprompt, as Chromium fires
// it when the app is installable, whose prompt() counts its calls.
const firePrompt = `(() => {
	const e = new Event("beforeinstallprompt", {cancelable: true});
	e.prompt = () => { window.__prompts = (window.__prompts || 0) + 1; return Promise.resolve(); };
	e.userChoice = Promise.resolve({outcome: "dismissed", platform: "web"});
	window.dispatchEvent(e);
	return e.defaultPrevented;
})()`

// Install checks the header's Install button: hidden once the app is
// installed (appinstalled), shown when the browser offers to install it
// (beforeinstallprompt, kept, its own mini prompt suppressed), and a click
// calls the event's prompt(); hidden again once the prompt is used.
func Install(t *testing.T, b *Browser, appURL string) {
	p := Open(t, b, appURL)
	// Chromium's own offer comes once the service worker is in, which the
	// page registers only when it has settled: from here on only the
	// test's offers (untrusted events) reach the page.
	Eval[bool](p, `(window.addEventListener("beforeinstallprompt", (e) => { if (e.isTrusted) e.stopImmediatePropagation(); }, true), true)`)
	// Chromium may offer at any time (the app is installable): the button
	// shows exactly when go-app holds an offer, once the page has caught up.
	Poll[bool](p, installButtonShown+` === goappIsAppInstallable()`)
	// Installed (by the browser's own menu, say): the button goes.
	Eval[bool](p, `window.dispatchEvent(new Event("appinstalled"))`)
	Poll[bool](p, `!`+installButtonShown)
	if !Eval[bool](p, firePrompt) {
		t.Error("beforeinstallprompt was not kept (its default, the browser's own mini prompt, not prevented)")
	}
	Poll[bool](p, installButtonShown)
	p.Click("#" + contract.InstallButton)
	if n := Poll[int](p, `window.__prompts || false`); n != 1 {
		t.Errorf("a click on Install called prompt() %d times, want once", n)
	}
	Poll[bool](p, `!`+installButtonShown)

	// Offered again, then installed: the button goes again.
	Eval[bool](p, firePrompt)
	Poll[bool](p, installButtonShown)
	Eval[bool](p, `window.dispatchEvent(new Event("appinstalled"))`)
	Poll[bool](p, `!`+installButtonShown)
	t.Logf("Install button: shown on beforeinstallprompt, prompt() called on click, hidden after it and on appinstalled")
}
