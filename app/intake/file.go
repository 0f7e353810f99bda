package intake

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"annotator/analyzer"
)

// Kind is what a file holds, as far as the annotator reads it.
type Kind string

// The kinds of file the annotator opens.
const (
	PlainText Kind = "text"     // .txt, and text/* files of no other kind
	Markdown  Kind = "markdown" // .md, .markdown: turned into text (MarkdownToText)
	HTML      Kind = "html"     // .html, .htm: the article is extracted in the browser
	Other     Kind = ""         // anything else: refused
)

// Accept is the file chooser's filter: the kinds above by extension and
// media type.
const Accept = ".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"

// KindOf tells a file's kind by its name, or by its media type when the
// name says nothing (a file dropped from another program may have no
// extension).
func KindOf(name, mediaType string) Kind {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text":
		return PlainText
	case ".md", ".markdown", ".mdown", ".mkd":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	case "":
	default:
		if !strings.HasPrefix(mediaType, "text/") {
			return Other
		}
	}
	mediaType, _, _ = strings.Cut(strings.ToLower(mediaType), ";")
	switch strings.TrimSpace(mediaType) {
	case "text/markdown", "text/x-markdown":
		return Markdown
	case "text/html", "application/xhtml+xml":
		return HTML
	}
	if strings.HasPrefix(mediaType, "text/") {
		return PlainText
	}
	return Other
}

// MaxFileBytes is the largest file the app opens: the analyzer's limit on
// a text.
const MaxFileBytes = analyzer.MaxTextBytes

// Decode returns a file's text: UTF-8, with its byte order mark (if any)
// removed, or UTF-16 with a byte order mark, as Windows' Notepad saves it.
// Anything else that is not valid UTF-8 is an *EncodingError saying where,
// and a NUL byte means a binary file (analyzer.ErrBinary): the app says so
// and opens nothing.
func Decode(data []byte) (string, error) {
	if len(data) > MaxFileBytes {
		return "", fmt.Errorf("%w: %s, the limit is %s", analyzer.ErrTooLarge, Size(len(data)), Size(MaxFileBytes))
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], data[0] == 0xFE)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", fmt.Errorf("%w (a NUL byte at %s)", analyzer.ErrBinary, position(data, i))
	}
	if !utf8.Valid(data) {
		return "", invalidAt(data)
	}
	return string(data), nil
}

// EncodingError says where a file stops being UTF-8.
type EncodingError struct {
	Line, Column int // 1-based; the column counts characters
	Byte         byte
}

func (e *EncodingError) Error() string {
	return fmt.Sprintf("%v: byte 0x%02X at line %d, column %d", analyzer.ErrInvalidUTF8, e.Byte, e.Line, e.Column)
}

// Unwrap makes errors.Is(err, analyzer.ErrInvalidUTF8) true.
func (e *EncodingError) Unwrap() error { return analyzer.ErrInvalidUTF8 }

func invalidAt(data []byte) error {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			line, col := lineColumn(data, i)
			return &EncodingError{Line: line, Column: col, Byte: data[i]}
		}
		i += n
	}
	return analyzer.ErrInvalidUTF8
}

// lineColumn returns the 1-based line and character column of byte i.
func lineColumn(data []byte, i int) (line, col int) {
	start := bytes.LastIndexByte(data[:i], '\n') + 1
	return bytes.Count(data[:i], []byte{'\n'}) + 1, utf8.RuneCount(data[start:i]) + 1
}

func position(data []byte, i int) string {
	line, col := lineColumn(data, i)
	return fmt.Sprintf("line %d, column %d", line, col)
}

func decodeUTF16(data []byte, bigEndian bool) (string, error) {
	if len(data)%2 != 0 {
		return "", fmt.Errorf("%w: a UTF-16 file of an odd number of bytes", analyzer.ErrInvalidUTF8)
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	for i := 0; i < len(units); i++ {
		switch u := units[i]; {
		case u == 0:
			return "", fmt.Errorf("%w (a NUL character at character %d)", analyzer.ErrBinary, i+1)
		case u >= 0xD800 && u < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF:
			i++ // a surrogate pair
		case utf16.IsSurrogate(rune(u)):
			// A lone surrogate cannot be written as UTF-8.
			return "", fmt.Errorf("%w: a lone UTF-16 surrogate at character %d", analyzer.ErrInvalidUTF8, i+1)
		}
	}
	text := string(utf16.Decode(units))
	if len(text) > MaxFileBytes {
		return "", fmt.Errorf("%w: %s as UTF-8, the limit is %s", analyzer.ErrTooLarge, Size(len(text)), Size(MaxFileBytes))
	}
	return text, nil
}

// Size writes a byte count as people read it: 812 bytes, 14.2 KB, 3.1 MB
// (powers of 1024, as the analyzer's limit is stated).
func Size(n int) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<10))) + " KB"
	default:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<20))) + " MB"
	}
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }
