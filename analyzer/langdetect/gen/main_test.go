package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The committed table is what gen makes from ../shared, byte for byte.
func TestTableReproducible(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "data")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is absent, and CI=true: the table cannot be checked", shared)
		}
		t.Skipf("skipping: %s is absent (it is in ../shared beside the project, as in CI)", shared)
	}
	data, err := readTrain(shared)
	if err != nil {
		t.Fatal(err)
	}
	got, err := build(data)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "table.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("gen makes %d bytes that differ from the committed table.bin (%d bytes): run go run ./analyzer/langdetect/gen and commit it", len(got), len(want))
	}
}

func TestPrefix(t *testing.T) {
	for _, tt := range []struct {
		s    string
		k    int
		want string
	}{
		{"one two three", 0, "one two three"},
		{"one two three", 20, "one two three"},
		{"one two three", 9, "one two"},
		{"één twee drie", 6, "één"},
		{"abcdefgh", 4, "abcd"},
	} {
		if got := prefix(tt.s, tt.k); got != tt.want {
			t.Errorf("prefix(%q, %d) = %q, want %q", tt.s, tt.k, got, tt.want)
		}
	}
}
