//go:build !wasm

package tagger

import _ "embed"

// model.bin is written by analyzer/cmd/train (make model). The browser's
// build leaves it out: it comes in the English language pack, a file of
// its own fetched in parallel with the wasm.
//
//go:embed model.bin
var modelFile []byte
