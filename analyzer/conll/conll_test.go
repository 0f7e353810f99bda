package conll

import (
	"reflect"
	"strings"
	"testing"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		name string
		tags string
		want []Chunk
	}{
		{"IOB1", "I-PER I-PER O I-LOC", []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"IOB1 adjacent", "I-LOC B-LOC I-ORG", []Chunk{{0, 1, "LOC"}, {1, 2, "LOC"}, {2, 3, "ORG"}}},
		{"IOB2", "B-PER I-PER B-PER O", []Chunk{{0, 2, "PER"}, {2, 3, "PER"}}},
		{"type change", "B-ORG I-LOC", []Chunk{{0, 1, "ORG"}, {1, 2, "LOC"}}},
		{"BIOES", "S-MISC B-ORG E-ORG O", []Chunk{{0, 1, "MISC"}, {1, 3, "ORG"}}},
		{"open at end", "O B-ORG I-ORG", []Chunk{{1, 3, "ORG"}}},
		{"none", "O O", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Chunks(strings.Fields(tt.tags)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Chunks(%q) = %v, want %v", tt.tags, got, tt.want)
			}
		})
	}
}

func TestReadAndRebuild(t *testing.T) {
	const file = "-DOCSTART- -X- O O\n\nUN NNP I-NP I-ORG\naccepts VBZ I-VP O\n\nElena I-PER\nGunnarson I-PER\n\n-DOCSTART- -X- O O\n\nREYKJAVIK I-LOC\n"
	docs, err := Read(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	text := docs[0].Rebuild()
	if text.Text != "UN accepts\nElena Gunnarson" {
		t.Errorf("rebuilt %q", text.Text)
	}
	if want := [][2]int{{0, 2}, {3, 10}, {11, 16}, {17, 26}}; !reflect.DeepEqual(text.Spans, want) {
		t.Errorf("spans %v, want %v", text.Spans, want)
	}
	if want := []Chunk{{0, 1, "ORG"}, {2, 4, "PER"}}; !reflect.DeepEqual(docs[0].GoldChunks(), want) {
		t.Errorf("gold %v, want %v", docs[0].GoldChunks(), want)
	}
	for _, tc := range []struct {
		start, end, first, last int
		ok                      bool
	}{
		{11, 26, 2, 4, true}, // Elena Gunnarson
		{12, 16, 2, 3, true}, // inside Elena
		{10, 11, 0, 0, false},
		{0, 2, 0, 1, true},
	} {
		first, last, ok := text.TokenRange(tc.start, tc.end)
		if ok != tc.ok || (ok && (first != tc.first || last != tc.last)) {
			t.Errorf("TokenRange(%d, %d) = %d, %d, %v; want %d, %d, %v", tc.start, tc.end, first, last, ok, tc.first, tc.last, tc.ok)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{"EU\n", "EU NNP X-ORG\n"} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q): no error", in)
		}
	}
}

func TestScore(t *testing.T) {
	s := Score{}
	s.Add([]Chunk{{0, 2, "PER"}, {3, 4, "LOC"}, {5, 6, "ORG"}}, []Chunk{{0, 2, "PER"}, {3, 4, "ORG"}, {7, 8, "MISC"}})
	want := map[string]Counts{"PER": {1, 0, 0}, "LOC": {0, 0, 1}, "ORG": {0, 1, 1}, "MISC": {0, 1, 0}}
	for typ, c := range want {
		if *s[typ] != c {
			t.Errorf("%s: %+v, want %+v", typ, *s[typ], c)
		}
	}
	all := s.Total()
	if all.P() != 100.0/3 || all.R() != 100.0/3 {
		t.Errorf("P=%v R=%v", all.P(), all.R())
	}
	var out strings.Builder
	s.Report(&out)
	if !strings.HasSuffix(out.String(), "F1=33.33\n") {
		t.Errorf("report ends %q", out.String())
	}
}
