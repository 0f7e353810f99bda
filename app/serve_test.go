//go:build !wasm

package main

import (
	"annotator/app/site"
	"context"
	"io"
	"net"
	"strings"
	"testing"
)

func TestDisplayAddr(t *testing.T) {
	for _, c := range []struct{ requested, bound, want string }{
		{"localhost:8000", "127.0.0.1:8000", "localhost:8000"},
		{"localhost:0", "127.0.0.1:41234", "localhost:41234"},
		{":8000", "[::]:8000", "localhost:8000"},
		{"0.0.0.0:9000", "0.0.0.0:9000", "localhost:9000"},
		{"192.168.1.5:8000", "192.168.1.5:8000", "192.168.1.5:8000"},
	} {
		bound, err := net.ResolveTCPAddr("tcp", c.bound)
		if err != nil {
			t.Fatal(err)
		}
		if got := displayAddr(c.requested, bound); got != c.want {
			t.Errorf("displayAddr(%q, %s) = %q, want %q", c.requested, c.bound, got, c.want)
		}
	}
}

func TestRunWithoutWasmSaysHowToBuildIt(t *testing.T) {
	err := run(context.Background(), "localhost:0", t.TempDir(), site.Config{}, defaultTimeouts, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "make wasm") {
		t.Errorf("run without app.wasm: %v, want an error pointing to make wasm", err)
	}
}
