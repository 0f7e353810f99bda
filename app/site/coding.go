//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"

	"github.com/andybalholm/brotli"
)

// Coding is a content coding the server and the bundle precompress files
// with.
type Coding struct {
	Name string // as in Accept-Encoding and Content-Encoding
	Ext  string // of the precompressed sibling file: app.wasm.br
}

// Codings are the precompressed codings, smallest output first: that is the
// server's preference when a client accepts several equally.
var Codings = []Coding{
	{Name: "br", Ext: ".br"},
	{Name: "gzip", Ext: ".gz"},
}

// identity is the coding of an uncompressed body.
const identity = "identity"

// Effort trades compression time for size.
type Effort int

const (
	// Fast suits compressing at server start: about 1 s for an 8 MB
	// app.wasm, whose brotli output is then about 14% larger than Best's.
	Fast Effort = iota
	// Best suits build time: brotli at its highest level takes about 20 s
	// for an 8 MB app.wasm on one core.
	Best
)

// Encode compresses data with the coding. Files are compressed once, when
// built or when the server starts, never per request.
func (c Coding) Encode(data []byte, effort Effort) ([]byte, error) {
	var buf bytes.Buffer
	var w io.WriteCloser
	switch c.Name {
	case "br":
		opts := brotli.WriterOptions{Quality: 9} // 10 and up switch to a far slower algorithm
		if effort == Best {
			// The largest window a browser accepts: 1% off app.wasm.
			opts = brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24}
		}
		w = brotli.NewWriterOptions(&buf, opts)
	case "gzip":
		level := gzip.DefaultCompression
		if effort == Best {
			level = gzip.BestCompression
		}
		w, _ = gzip.NewWriterLevel(&buf, level)
	default:
		return nil, fmt.Errorf("unknown coding %q", c.Name)
	}
	if _, err := w.Write(data); err != nil {
		return nil, fmt.Errorf("%s: %w", c.Name, err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("%s: %w", c.Name, err)
	}
	return buf.Bytes(), nil
}

// Decode decompresses data encoded with the coding.
func (c Coding) Decode(data []byte) ([]byte, error) {
	var r io.Reader
	switch c.Name {
	case "br":
		r = brotli.NewReader(bytes.NewReader(data))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		r = zr
	default:
		return nil, fmt.Errorf("unknown coding %q", c.Name)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.Name, err)
	}
	return out, nil
}
