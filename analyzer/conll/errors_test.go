package conll

import (
	"bytes"
	"strings"
	"testing"
)

func TestErrors(t *testing.T) {
	gold := []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}, {5, 7, "ORG"}, {9, 10, "MISC"}, {12, 13, "PER"},
		{14, 17, "ORG"}, {18, 19, "LOC"}, {20, 21, "LOC"}}
	pred := []Chunk{{0, 2, "PER"}, {3, 4, "ORG"}, {5, 6, "ORG"}, {11, 12, "LOC"}, {12, 13, "PER"},
		{14, 15, "ORG"}, {16, 17, "ORG"}, {18, 21, "LOC"}}
	e := NewErrors()
	e.Add(gold, pred)
	want := map[[2]string]int{
		{"PER", "PER"}: 2, {"LOC", "ORG"}: 1, {"ORG", Boundary}: 2, {"MISC", Missed}: 1,
		{"LOC", Boundary}: 2, {Spurious, "LOC"}: 1,
	}
	for k, n := range want {
		if got := e.Confusion[k[0]][k[1]]; got != n {
			t.Errorf("confusion %s→%s = %d, want %d", k[0], k[1], got, n)
		}
	}
	if e.Bounds["ORG"]["shorter"] != 1 || e.Bounds["ORG"]["split"] != 1 || e.Bounds["LOC"]["merged"] != 2 {
		t.Errorf("bounds %v", e.Bounds)
	}
	var out bytes.Buffer
	e.Report(&out)
	for _, s := range []string{"confusion", "spurious", "ORG   shorter 1, split 1", "LOC   merged 2"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, out.String())
		}
	}
}

func TestReadMarked(t *testing.T) {
	ps, err := ReadMarked(strings.NewReader("# comment\n[ORG Acme Air] flew to\n[LOC Oslo].\n\n\nNo names here.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].Text != "Acme Air flew to\nOslo." || ps[1].Text != "No names here." {
		t.Fatalf("passages %+v", ps)
	}
	g := ps[0].Gold
	if len(g) != 2 || ps[0].Text[g[0].Start:g[0].End] != "Acme Air" || g[0].Type != "ORG" || ps[0].Text[g[1].Start:g[1].End] != "Oslo" {
		t.Errorf("gold %v", g)
	}
	for _, bad := range []string{"[ORG Acme", "[XYZ Acme]", "Acme]", "[ORG]"} {
		if _, err := ReadMarked(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
