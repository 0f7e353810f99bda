//go:build wasm

package gazetteer

// The browser's build has no lists of its own: the English language pack
// brings them (Use), so app.wasm stays smaller and they download in
// parallel with it.
var embeddedLists, embeddedClusters string
