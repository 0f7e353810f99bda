// Package ui is the annotator's user interface: go-app components that call
// the analyzer and render its result. Components hold UI state only; all the
// language work happens in package analyzer.
//
// The same components run in the browser (compiled to WebAssembly) and on the
// server, which pre-renders pages and exports them as a static site.
package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Routes registers every page of the app. The browser, the server and the
// bundle builder call it before they start.
func Routes() {
	app.Route("/", &Annotator{})
	// The embed page: /embed, and embed.html as static hosts serve it.
	app.Route("/embed", &Embed{})
	app.Route("/embed.html", &Embed{})
}
