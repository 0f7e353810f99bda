//go:build wasm

package lang

// In the browser, every language's data comes as a pack file of its own
// (EncodePack, LoadPack): English's fetched at start-up, the others when
// first needed. The wasm holds none of their data.
var englishFiles, spanishFiles, frenchFiles, russianFiles, swedishFiles, norwegianFiles, hungarianFiles Files
