//go:build wasm

package ui

import "runtime/debug"

// A WebAssembly memory never shrinks: what the heap reaches before a
// collection stays the tab's for good. The page collects at half again its
// live heap, not twice it (Go's default): on make bench's 1 MB corpora
// (BenchmarkWasmMemory) that took the growth from 70 to 59 times the input
// for 100k short lines, 50 to 43 for all caps and 36 to 29 for news, for a
// collection about twice as often.
func init() { debug.SetGCPercent(50) }
