package ui

import (
	"strconv"

	"annotator/analyzer/lang"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// OfflineLanguages offers to fetch every language's pack now, so that the
// app works offline in each (the service worker keeps what is fetched),
// with a progress bar while they come.
//
// Its root (#offline-languages) carries data-state: idle, loading, done or
// error.
type OfflineLanguages struct {
	app.Compo

	ctx     app.Context
	state   string
	done    int     // packs in
	total   int     // packs asked for
	share   float64 // of the pack on its way
	message string
}

// OnMount keeps the component's own context: a button's dies with it.
func (o *OfflineLanguages) OnMount(ctx app.Context) { o.ctx = ctx }

func (o *OfflineLanguages) onDownload(ctx app.Context, e app.Event) {
	codes := packs.codes()
	o.state, o.done, o.total, o.share, o.message = "loading", 0, len(codes), 0, ""
	o.next(codes)
}

// next fetches the packs one after another.
func (o *OfflineLanguages) next(codes []string) {
	if len(codes) == 0 {
		o.state, o.message = "done", "Every language works offline on this device now."
		return
	}
	packs.load(o.ctx, codes[0], func(share float64) { o.share = share }, func(_ *lang.Pack, err error) {
		if err != nil {
			o.state, o.message = "error", err.Error()
			return
		}
		o.done++
		o.share = 0
		publishPacks()
		o.next(codes[1:])
	})
}

// Render shows the control, and progress while packs come.
func (o *OfflineLanguages) Render() app.UI {
	state := o.state
	if state == "" {
		state = "idle"
	}
	var progress app.UI = app.Progress().ID("offline-progress").Hidden(true)
	message := o.message
	if state == "loading" {
		pct := strconv.Itoa(int(100 * (float64(o.done) + o.share) / float64(max(o.total, 1))))
		message = "Downloading the languages: " + strconv.Itoa(o.done) + " of " + strconv.Itoa(o.total) + "…"
		progress = app.Progress().ID("offline-progress").Max(100).Value(pct).Aria("valuetext", pct+"% downloaded")
	}
	return app.Div().ID("offline-languages").Class("local-data").DataSet("state", state).Body(
		app.Button().ID("offline-download").Type("button").Class("link").Disabled(state == "loading").
			OnClick(guardEvent("downloading the languages", o.onDownload)).Text("Download all languages for offline use"),
		progress,
		app.P().ID("offline-status").Class("draft-status").Aria("live", "polite").Text(message),
	)
}
