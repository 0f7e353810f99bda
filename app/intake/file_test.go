package intake

import (
	"errors"
	"strings"
	"testing"

	"annotator/analyzer"
)

func TestKindOf(t *testing.T) {
	for _, c := range []struct {
		name, mediaType string
		want            Kind
	}{
		{"article.txt", "text/plain", PlainText},
		{"ARTICLE.TXT", "", PlainText},
		{"notes.md", "", Markdown},
		{"notes.markdown", "application/octet-stream", Markdown},
		{"page.html", "text/html", HTML},
		{"page.HTM", "", HTML},
		{"README", "text/markdown", Markdown},
		{"clip", "text/html; charset=utf-8", HTML},
		{"data.csv", "text/csv", PlainText},
		{"report.pdf", "application/pdf", Other},
		{"photo.jpg", "image/jpeg", Other},
		{"noname", "", Other},
	} {
		if got := KindOf(c.name, c.mediaType); got != c.want {
			t.Errorf("KindOf(%q, %q) = %q, want %q", c.name, c.mediaType, got, c.want)
		}
	}
}

func TestDecode(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE, 'H', 0, 0xE9, 0, 0x3D, 0xD8, 0x00, 0xDE} // Hé😀
	utf16be := []byte{0xFE, 0xFF, 0, 'H', 0, 0xE9}
	for _, c := range []struct {
		name    string
		in      []byte
		want    string
		wantErr error
		msg     string
	}{
		{name: "utf-8", in: []byte("Zoë said “yes”."), want: "Zoë said “yes”."},
		{name: "bom dropped", in: []byte("\xEF\xBB\xBFText"), want: "Text"},
		{name: "utf-16le", in: utf16le, want: "Hé😀"},
		{name: "utf-16be", in: utf16be, want: "Hé"},
		{name: "latin-1 byte", in: []byte("line one\nZo\xEB said"), wantErr: analyzer.ErrInvalidUTF8, msg: "byte 0xEB at line 2, column 3"},
		{name: "nul", in: []byte("abc\x00def"), wantErr: analyzer.ErrBinary, msg: "line 1, column 4"},
		{name: "odd utf-16", in: []byte{0xFF, 0xFE, 'H'}, wantErr: analyzer.ErrInvalidUTF8},
		{name: "lone surrogate", in: []byte{0xFF, 0xFE, 0x3D, 0xD8, 'a', 0}, wantErr: analyzer.ErrInvalidUTF8, msg: "surrogate at character 1"},
		{name: "empty", in: nil, want: ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Decode(c.in)
			if c.wantErr != nil {
				if !errors.Is(err, c.wantErr) || !strings.Contains(err.Error(), c.msg) {
					t.Fatalf("Decode(%q) error %v, want %v with %q", c.in, err, c.wantErr, c.msg)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("Decode(%q) = %q, %v; want %q", c.in, got, err, c.want)
			}
		})
	}
}

func TestDecodeTooLarge(t *testing.T) {
	_, err := Decode(make([]byte, MaxFileBytes+1))
	if !errors.Is(err, analyzer.ErrTooLarge) || !strings.Contains(err.Error(), "16 MB") {
		t.Fatalf("a file over the limit: %v", err)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int]string{0: "0 bytes", 812: "812 bytes", 14540: "14.2 KB", 16 << 20: "16 MB", 3250585: "3.1 MB"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
