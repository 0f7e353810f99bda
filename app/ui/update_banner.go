package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// UpdateBanner offers to reload when a new version of the app is deployed.
// go-app's service worker checks for one every site.UpdateInterval, and the
// banner asks it to check again whenever the page comes back into view or
// regains focus: a tab left open for days updates when the user returns to
// it. Once the new version is installed, go-app calls OnAppUpdate; the
// draft is saved on this device, so reloading loses nothing.
type UpdateBanner struct {
	app.Compo

	available bool
	release   []func()
}

// OnMount starts checking for updates on focus.
func (b *UpdateBanner) OnMount(ctx app.Context) {
	b.available = ctx.AppUpdateAvailable()
	ignore := guardFunc("checking for updates", func(app.Value, []app.Value) any { return nil })
	check := guardFunc("checking for updates", func(app.Value, []app.Value) any {
		if app.Window().Get("document").Get("visibilityState").String() == "visible" {
			checkForUpdate(ignore)
		}
		return nil
	})
	// focus and online reach the window only; visibilitychange fires on the
	// document (and bubbles to the window: one listener, one check).
	for _, l := range []struct {
		target app.Value
		event  string
	}{{app.Window(), "focus"}, {app.Window(), "online"}, {app.Window().Get("document"), "visibilitychange"}} {
		l.target.Call("addEventListener", l.event, check)
		b.release = append(b.release, func() { l.target.Call("removeEventListener", l.event, check) })
	}
	b.release = append(b.release, check.Release, ignore.Release)
}

// OnDismount stops checking.
func (b *UpdateBanner) OnDismount() {
	for _, f := range b.release {
		f()
	}
	b.release = nil
}

// OnAppUpdate is called by go-app once a new version is installed. The
// banner shows once the new version's service worker controls the page (it
// claims its clients when activated): a reload before that would still get
// the old version from the old worker.
func (b *UpdateBanner) OnAppUpdate(ctx app.Context) {
	withRegistration(func(reg app.Value) {
		ctx.Dispatch(guardDispatch("looking for an update", func(ctx app.Context) { b.waitForNewWorker(ctx, reg, 0) }))
	})
}

// waitForNewWorker shows the banner once the registration's active worker
// is activated and controls the page, looking again every quarter second.
func (b *UpdateBanner) waitForNewWorker(ctx app.Context, reg app.Value, tries int) {
	controller := app.Window().Get("navigator").Get("serviceWorker").Get("controller")
	ready := !reg.Truthy() || tries > 240 // no worker to wait for, or waited a minute
	if reg.Truthy() && !reg.Get("installing").Truthy() && !reg.Get("waiting").Truthy() {
		active := reg.Get("active")
		ready = ready || active.Truthy() && active.Get("state").String() == "activated" && controller.Truthy() && controller.Equal(active)
	}
	if ready {
		b.available = true
		return
	}
	ctx.After(250*time.Millisecond, guardDispatch("updating", func(ctx app.Context) { b.waitForNewWorker(ctx, reg, tries+1) }))
}

func (b *UpdateBanner) onReload(ctx app.Context, e app.Event) {
	ctx.Reload()
}

// Render shows the banner once an update is ready, and an empty live region
// before, so that screen readers announce it when it appears.
func (b *UpdateBanner) Render() app.UI {
	region := app.Div().ID("update").Class("update").Role("status")
	if !b.available {
		return region
	}
	return region.Class("available").Body(
		app.P().Text("A new version of the annotator is ready. Your draft is saved on this device."),
		app.Button().ID("update-reload").Type("button").Class("primary").OnClick(guardEvent("reloading", b.onReload)).Text("Reload now"),
	)
}

// checkForUpdate asks the service worker registration go-app made to look
// for a new version; go-app reports one through OnAppUpdate. A failed
// check (offline) goes to onError.
func checkForUpdate(onError app.Func) {
	withRegistration(func(reg app.Value) {
		if reg.Truthy() {
			catchJS(func() { reg.Call("update").Call("catch", onError) })
		}
	})
}

// withRegistration calls f with the page's service worker registration, or
// undefined if there is none (yet). go-app keeps its registration in a
// script-level let of app.js, which is no property of window, so the
// browser is asked for it.
func withRegistration(f func(reg app.Value)) {
	container := app.Window().Get("navigator").Get("serviceWorker")
	if !container.Truthy() {
		f(app.Undefined())
		return
	}
	var p app.Value
	if err := catchJS(func() { p = container.Call("getRegistration") }); err != nil {
		f(app.Undefined())
		return
	}
	awaitPromise(p, func(reg app.Value, err error) {
		if err != nil || reg == nil {
			reg = app.Undefined()
		}
		f(reg)
	})
}
