package lang

import (
	"bytes"
	"errors"
	"testing"
)

// A pack file gives back the files it was made of, and the same files make
// the same bytes.
func TestPackFileRoundTrip(t *testing.T) {
	files := Files{BackgroundFile: []byte("1\nkey 1\n"), ModelFile: []byte{0, 1, 2, 255}, "empty": nil}
	data := EncodePack("es", files)
	if again := EncodePack("es", Files{ModelFile: files[ModelFile], "empty": nil, BackgroundFile: files[BackgroundFile]}); !bytes.Equal(data, again) {
		t.Error("the same files encode to different bytes")
	}
	code, got, err := DecodePack(data)
	if err != nil {
		t.Fatal(err)
	}
	if code != "es" || len(got) != len(files) {
		t.Fatalf("decoded %s with %d files, want es with %d", code, len(got), len(files))
	}
	for name, b := range files {
		if !bytes.Equal(got[name], b) {
			t.Errorf("%s: %q, want %q", name, got[name], b)
		}
	}
}

// Every built-in pack survives its pack file: the browser's packs are the
// binary's.
func TestBuiltinPacksAsFiles(t *testing.T) {
	for _, code := range Codes() {
		files, err := BuiltinFiles(code)
		if err != nil {
			t.Fatal(err)
		}
		if files[ModelFile] == nil || files[BackgroundFile] == nil {
			t.Errorf("%s: the built-in pack lacks a model or a background", code)
			continue
		}
		p, err := LoadPack(EncodePack(code, files))
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		if p.Code() != code || !p.HasModel() || p.Background() == noBackground {
			t.Errorf("%s: loaded as %s, model %v", code, p.Code(), p.HasModel())
		}
	}
}

// Broken pack files are errors, never panics.
func TestPackFileErrors(t *testing.T) {
	good := EncodePack("fr", Files{ModelFile: []byte("model")})
	for name, data := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("LPK2xxxx"),
		"truncated": good[:len(good)-2],
		"trailing":  append(append([]byte(nil), good...), 0),
	} {
		if _, _, err := DecodePack(data); !errors.Is(err, ErrPackFile) {
			t.Errorf("%s: error %v, want ErrPackFile", name, err)
		}
	}
	if _, err := LoadPack(EncodePack("xx", nil)); !errors.Is(err, ErrUnsupported) {
		t.Errorf("a pack of an unknown language: %v", err)
	}
	if _, err := LoadPack(EncodePack("fr", Files{ModelFile: []byte("not a model")})); err == nil {
		t.Error("a pack with a broken model loads")
	}
}
