package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestReadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.conll")
	// Invented lines in both formats: token<TAB>tag and CoNLL-2003's
	// space-separated columns.
	text := "-DOCSTART- O\n\nAnna\tB-PER\nsov\tO\n.\tO\n\nHon\tO\nvaknade\tO\n\n-DOCSTART- -X- O O\n\nRain NN I-NP O\nfell VBD I-VP O\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []Document{{"Anna sov .", "Hon vaknade"}, {"Rain fell"}}
	if !reflect.DeepEqual(docs, want) {
		t.Errorf("ReadFile = %q, want %q", docs, want)
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "absent")); err == nil {
		t.Error("ReadFile of a missing file: no error")
	}
}

func TestMostlyLetters(t *testing.T) {
	for s, want := range map[string]bool{
		"Anna sov gott i natt .":      true,
		"Chelsea 3 2 1 0 5 2 7":       false,
		"-- : ( ) .":                  false,
		"":                            false,
		"Won 6-2 in Madrid on Sunday": true,
		"Won 6-2 , 6-3 in Madrid":     false,
	} {
		if got := MostlyLetters(s); got != want {
			t.Errorf("MostlyLetters(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestSamples(t *testing.T) {
	long := strings.Repeat("word ", 10) // 50 characters
	docs := []Document{
		{long, "1 2 3 4 5 6 7 8", long, long, "tail"},
		{"short"},
	}
	got := Samples(docs, 100)
	// The score line is skipped; two 50-character sentences and a space
	// make a sample; "long tail" (55) is dropped at the document's end.
	want := []string{long + " " + long}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Samples = %q, want %q", got, want)
	}
}

func TestPath(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		split Split
		want  string
	}{
		{"en", Train, "s/data/conll2003/eng.train"},
		{"en", Dev, "s/data/conll2003/eng.testa"},
		{"sv", Train, "s/data/ner/sv/train.conll"},
		{"hu", Dev, "s/data/ner/hu/dev.conll"},
	} {
		if got := filepath.ToSlash(Path("s", tt.lang, tt.split)); got != tt.want {
			t.Errorf("Path(%s, %d) = %s, want %s", tt.lang, tt.split, got, tt.want)
		}
	}
}
