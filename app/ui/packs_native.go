//go:build !wasm

package ui

import (
	"errors"

	"annotator/analyzer/lang"
)

// builtinPack returns a language's pack from the binary: natively (the
// server's pre-rendering, tests) every pack is built in.
func builtinPack(code string) (*lang.Pack, bool) {
	p, err := lang.Get(code)
	return p, err == nil
}

// errNoFetch: natively, no pack is fetched.
var errNoFetch = errors.New("language packs are built in natively")

// fetchPack is never needed natively: every pack is built in.
func fetchPack(ref packRef, progress func(float64), done func([]byte, error)) {
	done(nil, errNoFetch)
}
