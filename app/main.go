// Command app is the annotator. Compiled to WebAssembly (make wasm) it is the
// user interface running in the browser; built natively it is the server
// that delivers it:
//
//	go run ./app -addr localhost:8000
package main

import (
	"annotator/app/ui"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func main() {
	if ui.InWorker() { // started by web/analyzer-worker.js: the analyzer alone
		ui.RunWorker()
	}
	ui.Routes()
	app.RunWhenOnBrowser() // in the browser, runs the UI and never returns
	serve()
}
