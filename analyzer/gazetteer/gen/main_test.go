package main

import (
	"testing"

	"annotator/analyzer/gazetteer"
)

func TestKeep(t *testing.T) {
	tests := []struct {
		kind   gazetteer.Kind
		phrase string
		want   bool
	}{
		{gazetteer.City, "new york", true},
		{gazetteer.City, "", false},
		{gazetteer.City, "x", false},
		{gazetteer.OrgSuffix, "&", false},
		{gazetteer.Country, "the united kingdom of great britain", false}, // over MaxWords
		{gazetteer.City, "123", false},
		{gazetteer.Org, "#hashtag", false},
	}
	for _, tt := range tests {
		if got := keep(tt.kind, tt.phrase); got != tt.want {
			t.Errorf("keep(%v, %q) = %v, want %v", tt.kind, tt.phrase, got, tt.want)
		}
	}
}

func TestSplitClusters(t *testing.T) {
	// Two tight groups of directions split apart at the first level.
	var vecs [][]float32
	for i := range 40 {
		v := make([]float32, dims)
		if i < 20 {
			v[0], v[1] = 1, float32(i)/100
		} else {
			v[2], v[3] = 1, float32(i)/100
		}
		vecs = append(vecs, v)
	}
	ids := make([]int, len(vecs))
	for i := range ids {
		ids[i] = i
	}
	paths := make([]string, len(vecs))
	split(vecs, ids, "", paths)
	for i := range vecs {
		if paths[i] == "" || paths[i][0] != paths[0][0] == (i < 20) {
			t.Fatalf("word %d has path %q, word 0 %q", i, paths[i], paths[0])
		}
	}
}
