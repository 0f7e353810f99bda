package main

import (
	"reflect"
	"testing"

	"annotator/analyzer/conll"
)

func TestDedupe(t *testing.T) {
	per := conll.Chunk{Start: 0, End: 2, Type: "PER"}
	loc := conll.Chunk{Start: 3, End: 4, Type: "LOC"}
	org := conll.Chunk{Start: 0, End: 2, Type: "ORG"}
	got := dedupe([]conll.Chunk{per, loc, per, org})
	if want := []conll.Chunk{per, loc, org}; !reflect.DeepEqual(got, want) {
		t.Errorf("dedupe = %v, want %v", got, want)
	}
}
