package lang

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// A pack file carries a pack's data files in one download: the bundle
// builder writes one per language (EncodePack), the browser fetches it and
// reads it back (DecodePack) for Load. Layout, integers as uvarints:
//
//	"LPK1" code-length code files (name-length name data-length data)...
//
// Names are sorted, so the same files give the same bytes.
const packMagic = "LPK1"

// ErrPackFile reports a pack file that cannot be read.
var ErrPackFile = errors.New("bad pack file")

// EncodePack writes the data files of language code as one pack file.
func EncodePack(code string, files Files) []byte {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	buf := []byte(packMagic)
	buf = appendString(buf, code)
	buf = binary.AppendUvarint(buf, uint64(len(names)))
	for _, n := range names {
		buf = appendString(buf, n)
		buf = binary.AppendUvarint(buf, uint64(len(files[n])))
		buf = append(buf, files[n]...)
	}
	return buf
}

func appendString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

// DecodePack reads a pack file: the language's code and its data files,
// which share data's memory.
func DecodePack(data []byte) (string, Files, error) {
	if len(data) < len(packMagic) || string(data[:len(packMagic)]) != packMagic {
		return "", nil, fmt.Errorf("%w: no %s header", ErrPackFile, packMagic)
	}
	r := data[len(packMagic):]
	next := func() ([]byte, error) {
		n, k := binary.Uvarint(r)
		if k <= 0 || n > uint64(len(r)-k) {
			return nil, fmt.Errorf("%w: truncated", ErrPackFile)
		}
		b := r[k : k+int(n)]
		r = r[k+int(n):]
		return b, nil
	}
	code, err := next()
	if err != nil {
		return "", nil, err
	}
	count, k := binary.Uvarint(r)
	if k <= 0 || count > uint64(len(r)) {
		return "", nil, fmt.Errorf("%w: bad file count", ErrPackFile)
	}
	r = r[k:]
	files := make(Files, count)
	for range count {
		name, err := next()
		if err != nil {
			return "", nil, err
		}
		b, err := next()
		if err != nil {
			return "", nil, err
		}
		files[string(name)] = b
	}
	if len(r) != 0 {
		return "", nil, fmt.Errorf("%w: %d bytes after the files", ErrPackFile, len(r))
	}
	return string(code), files, nil
}

// LoadPack reads a pack file into its language's pack, as Load does.
func LoadPack(data []byte) (*Pack, error) {
	code, files, err := DecodePack(data)
	if err != nil {
		return nil, err
	}
	return Load(code, files)
}

// BuiltinFiles returns the data files of a language's built-in pack, for
// the bundle builder to write as its pack file; nil when the binary has
// none (the browser's build).
func BuiltinFiles(code string) (Files, error) {
	d, err := find(code)
	if err != nil {
		return nil, err
	}
	return d.files, nil
}
