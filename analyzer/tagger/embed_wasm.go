//go:build wasm

package tagger

// The browser's build has no embedded model: the English language pack
// brings it (analyzer/lang).
var modelFile []byte
