//go:build wasm

package main

// serve is never reached in the browser: app.RunWhenOnBrowser does not
// return there. The server lives in serve.go, kept out of app.wasm.
func serve() {}
