package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// progressBar shows how far a long run has got (done from 0 to 1), or
// nothing when no long run is going: articles are annotated faster than a
// bar could be read.
//
// The element is there, empty, when no run is going: go-app matches
// elements by position, and one that comes and goes would have it rebuild
// everything after it.
func progressBar(working bool, done float64) app.UI {
	if !working {
		return app.Div().ID("progress").Class("progress").Hidden(true)
	}
	pct := strconv.Itoa(int(done * 100))
	return app.Div().ID("progress").Class("progress").Body(
		app.Label().For("progress-bar").Text("Annotating the long text… "+pct+"%"),
		app.Progress().ID("progress-bar").Max(100).Value(pct).Aria("valuetext", pct+"% annotated"),
	)
}

// packProgress shows a language pack on its way (the language's data come
// as a file of their own the first time it is needed), or nothing. Like
// progressBar, the element is always there.
func packProgress(l languageRun) app.UI {
	if l.Loading == "" {
		return app.Div().ID("pack-progress").Class("progress").Hidden(true)
	}
	pct := strconv.Itoa(int(l.Share * 100))
	return app.Div().ID("pack-progress").Class("progress").DataSet("lang", l.Loading).Body(
		app.Label().For("pack-progress-bar").Text("Loading the "+languageName(l.Loading)+" language pack… "+pct+"%"),
		app.Progress().ID("pack-progress-bar").Max(100).Value(pct).Aria("valuetext", pct+"% loaded"),
	)
}
