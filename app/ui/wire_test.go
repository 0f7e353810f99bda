package ui

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"annotator/analyzer"
	"annotator/analyzer/corpora"
)

// assemble sends a run of text through the wire as the worker and the page
// do, part by part.
func assemble(t *testing.T, text string, withJSON bool) (direct, sent runOutcome, parts []wirePart) {
	t.Helper()
	doc, err := analyzer.Annotate(text, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := doc.Result()
	ann := newAnnotation(text, res)
	direct = runOutcome{Doc: exportable(doc), Result: res, Annotation: ann, Tokens: len(doc.Tokens), Busy: time.Second}
	err = encodeRun(doc, res, ann, len(doc.Tokens), time.Second, withJSON, func(p wirePart) { parts = append(parts, p) })
	if err != nil {
		t.Fatal(err)
	}
	w := newWireAssembler(text)
	for _, p := range parts {
		if err := w.add(p.Kind, p.Data); err != nil {
			t.Fatalf("part %s: %v", p.Kind, err)
		}
	}
	sent, err = w.finish()
	if err != nil {
		t.Fatal(err)
	}
	return direct, sent, parts
}

// TestWireRebuildsTheRun: what the page builds from the worker's parts is
// what newAnnotation and exportable build from the result, and every
// export is the same bytes.
func TestWireRebuildsTheRun(t *testing.T) {
	texts := map[string]string{
		"sample": Sample,
		"empty":  "",
		"lines":  strings.Repeat("Anna Berg met Carl Holm in Oslo on 3 May 2021.\n", 3000),
		"quotes": strings.Repeat(`"We will not stop," said Anna Berg, the minister. She added that talks would go on. `, 400),
		"news":   corpora.All(200 << 10)[8].Text,
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			direct, sent, parts := assemble(t, text, true)
			a, b := direct.Annotation, sent.Annotation
			for _, f := range []struct {
				name string
				x, y any
			}{
				{"marks", a.Marks, b.Marks}, {"groups", a.Groups, b.Groups}, {"counts", a.Counts, b.Counts},
				{"names", a.Names, b.Names}, {"entities", a.Entities, b.Entities}, {"aliases", a.Aliases, b.Aliases},
				{"values", a.Values, b.Values}, {"quotes", a.Quotes, b.Quotes}, {"main", a.Main, b.Main},
				{"pairs", a.Pairs, b.Pairs}, {"tokens", direct.Tokens, sent.Tokens}, {"busy", direct.Busy, sent.Busy},
			} {
				if !reflect.DeepEqual(f.x, f.y) && !(reflect.ValueOf(f.x).Len() == 0 && reflect.ValueOf(f.y).Len() == 0) {
					t.Errorf("%s differ", f.name)
				}
			}
			want, _ := json.Marshal(direct.Result)
			got, _ := json.Marshal(sent.Result)
			if string(want) != string(got) {
				t.Errorf("the result's JSON differs")
			}
			if string(sent.JSON) != string(want) {
				t.Errorf("the JSON part is not the result's JSON")
			}
			for _, f := range exportFormats {
				direct.Annotation.Doc, sent.Annotation.Doc = direct.Doc, sent.Doc
				x, err1 := f.build(direct.Annotation)
				y, err2 := f.build(sent.Annotation)
				if err1 != nil || err2 != nil || x != y {
					t.Errorf("the %s export differs (%v, %v)", f.Name, err1, err2)
				}
			}
			for _, p := range parts {
				if p.Kind != partJSON && len(p.Data) > 600<<10 {
					t.Errorf("a %s part of %d bytes", p.Kind, len(p.Data))
				}
			}
		})
	}
}

func TestWireRejectsPartsOutOfOrder(t *testing.T) {
	_, _, parts := assemble(t, Sample, false)
	w := newWireAssembler(Sample)
	if err := w.add(parts[1].Kind, parts[1].Data); err == nil {
		t.Error("a part before the head was taken")
	}
	w = newWireAssembler(Sample)
	w.add(parts[0].Kind, parts[0].Data)
	if _, err := w.finish(); err == nil {
		t.Error("a run without its parts finished")
	}
	if err := w.add("nonsense", []byte("{}")); err == nil {
		t.Error("a part of unknown kind was taken")
	}
	if err := w.add(partMarks, []byte("[99999, 0]")); err == nil {
		t.Error("a mark of no entity was taken")
	}
}
