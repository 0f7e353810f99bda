package ui

import (
	"strings"
	"testing"

	. "annotator/app/jsval"
)

func article(kv ...any) Value {
	base := []any{"id", String("a1"), "title", String("Talks"), "text", String("Kim met Xi."), "lang", String("en"), "saved", Number(1.7e12), "names", String(""), "version", String("v1")}
	fields := map[string]Value{}
	var order []string
	for i := 0; i+1 < len(base); i += 2 {
		fields[base[i].(string)] = base[i+1].(Value)
		order = append(order, base[i].(string))
	}
	for i := 0; i+1 < len(kv); i += 2 {
		k := kv[i].(string)
		if _, ok := fields[k]; !ok {
			order = append(order, k)
		}
		v, _ := kv[i+1].(Value) // nil: leave the field out
		fields[k] = v
	}
	var pairs []any
	for _, k := range order {
		if fields[k] != nil {
			pairs = append(pairs, k, fields[k])
		}
	}
	return Object(pairs...)
}

// TestDecodeArticle covers the corrupted records of the issue and the
// exotic values in every field.
func TestDecodeArticle(t *testing.T) {
	e, err := decodeArticle(article())
	if err != nil || e.ID != "a1" || e.Title != "Talks" || e.Text != "Kim met Xi." || e.Saved != 1.7e12 {
		t.Fatalf("a valid record gives %+v, %v", e, err)
	}
	if e.Schema != 1 || e.Corrections != "" {
		t.Errorf("a record without a schema gives schema %d, corrections %q: want 1, none", e.Schema, e.Corrections)
	}
	kept := `[{"op":"remove_entity","entity":{"name":"Kim","label":"PER","start":0}}]`
	if e, err := decodeArticle(article("schema", Number(2), "corrections", String(kept))); err != nil || e.Schema != 2 || e.Corrections != kept {
		t.Errorf("a record with corrections gives %+v, %v", e, err)
	}
	if e, err := decodeArticle(article("title", Undefined())); err != nil || e.Title != "Kim met Xi." {
		t.Errorf("a record without a title gives %+v, %v: want the text's first line", e, err)
	}
	bad := []struct {
		name   string
		record Value
		says   string
	}{
		{"title a BigInt", article("title", BigInt("10")), "title"},
		{"text a BigInt", article("text", BigInt("10")), "text"},
		{"no saved", article("saved", nil), "saved"},
		{"saved a string", article("saved", String("yesterday")), "saved"},
		{"saved 1e300", article("saved", Number(1e300)), "saved"},
		{"saved negative", article("saved", Number(-1)), "saved"},
		{"empty text", article("text", String("")), "text"},
		{"lang unknown", article("lang", String("tlh")), "lang"},
		{"names a number", article("names", Number(3)), "names"},
		{"id a number", article("id", Number(7)), "id"},
		{"schema a string", article("schema", String("2")), "schema"},
		{"schema of a newer version", article("schema", Number(3)), "schema"},
		{"corrections not JSON", article("schema", Number(2), "corrections", String("[{op:")), "corrections"},
		{"corrections of an unknown kind", article("schema", Number(2), "corrections", String(`[{"op":"explode"}]`)), "corrections"},
		{"corrections a list, not its JSON", article("schema", Number(2), "corrections", Array(String("split"))), "corrections"},
		{"corrections in schema 1", article("corrections", String(`[{"op":"remove_entity","entity":{"name":"Kim","label":"PER","start":0}}]`)), "corrections"},
		{"a string", String("article"), "not an article"},
		{"an array", Array(String("a")), "not an article"},
		{"null", Null(), "not an article"},
		{"a BigInt", BigInt("1"), "not an article"},
	}
	for _, c := range bad {
		if _, err := decodeArticle(c.record); err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: error %v, want one naming %q", c.name, err, c.says)
		}
	}
	for name, v := range exotic() {
		for _, field := range []string{"id", "title", "text", "lang", "saved", "names", "version", "schema", "corrections"} {
			_, err := decodeArticle(article(field, v))
			optional := field == "title" || field == "lang" || field == "names" || field == "version" || field == "schema" || field == "corrections"
			if ok := optional && (name == "undefined" || name == "null"); ok != (err == nil) {
				t.Errorf("%s as %s: error %v", name, field, err)
			}
		}
	}
}

func TestDecodeDraft(t *testing.T) {
	d, err := decodeDraft(Object("text", String("Kim"), "lang", String("en"), "saved", Number(1.7e12)))
	if s, _ := AsString(d.Text); err != nil || s != "Kim" || d.Saved != 1.7e12 {
		t.Fatalf("a valid draft gives %+v, %v", d, err)
	}
	// The menu's automatic choice is what the app saves by default.
	if d, err := decodeDraft(Object("text", String("Kim"), "lang", String("auto"), "saved", Number(1.7e12))); err != nil || d.Lang != "auto" {
		t.Errorf("a draft in the automatic language gives %+v, %v", d, err)
	}
	for _, c := range []struct {
		name  string
		draft Value
	}{
		{"no saved", Object("text", String("Kim"), "lang", String("en"))},
		{"saved yesterday", Object("text", String("Kim"), "saved", String("yesterday"))},
		{"text a BigInt", Object("text", BigInt("10"), "saved", Number(1))},
		{"saved 1e300", Object("text", String("Kim"), "saved", Number(1e300))},
		{"lang a Map", Object("text", String("Kim"), "saved", Number(1), "lang", Builtin("[object Map]"))},
	} {
		if _, err := decodeDraft(c.draft); err == nil {
			t.Errorf("%s: accepted", c.name)
		}
	}
}

// FuzzDecodeRecord decodes arbitrary values as articles and drafts: never a
// panic, and an accepted article has an id, a text and a time a Date holds.
func FuzzDecodeRecord(f *testing.F) {
	f.Add([]byte{10, 5, 1, 4, 2, 'a', '1', 2, 5, 3, 'K', 'i', 'm', 4, 3, 1})
	f.Add([]byte{11, 3, 2, 8, 1, 4, 3, 0})
	// An article of schema 2 (number 12: 2), whose corrections are a list
	// of one correction that anchors nothing.
	f.Add(append([]byte{10, 5, 1, 4, 2, 'a', '1', 2, 4, 3, 'K', 'i', 'm', 4, 3, 2, 12, 3, 12, 13, 4, 14}, `[{"op":"add"}]`...))
	f.Fuzz(func(t *testing.T, data []byte) {
		v := Arbitrary(data)
		if e, err := decodeArticle(v); err == nil {
			if e.ID == "" || e.Text == "" || e.Saved < 0 || e.Saved > maxDateMs || e.Schema < 1 || e.Schema > libraryRecordSchema {
				t.Fatalf("accepted a bad article: %+v", e)
			}
			if _, err := e.articleCorrections(); err != nil {
				t.Fatalf("accepted an article whose corrections are bad: %v", err)
			}
		}
		if d, err := decodeDraft(v); err == nil {
			if _, ok := AsString(d.Text); !ok {
				t.Fatalf("accepted a draft whose text is %s", Describe(d.Text))
			}
		}
		decodeQuarantine(Field(v, "keys"), v)
	})
}

func TestUnreadableSummary(t *testing.T) {
	one := []quarantined{{From: libraryDBName + "/" + articleStore}}
	if s := unreadableSummary(one); s != "1 saved article could not be read" {
		t.Errorf("summary %q", s)
	}
	two := append(one, quarantined{From: draftDBName + "/" + draftStoreName}, quarantined{From: "x"})
	if s := unreadableSummary(two); s != "1 saved draft and 2 saved articles could not be read" {
		t.Errorf("summary %q", s)
	}
}

func TestQuarantineExport(t *testing.T) {
	data, err := quarantineExport([]quarantined{{From: "annotator-library/articles", Reason: "title is a BigInt", Key: "a1",
		Value: Plain(article("title", BigInt("10")))}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"bigint": "10"`, `"text": "Kim met Xi."`, `"reason": "title is a BigInt"`} {
		if !strings.Contains(data, want) {
			t.Errorf("the export lacks %s:\n%s", want, data)
		}
	}
}
