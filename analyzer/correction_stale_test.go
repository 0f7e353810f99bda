package analyzer

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// baseCorrections are corrections made on the corrections' article, one
// at a time as a user would.
func baseCorrections(t *testing.T, base *Document, steps ...step) Corrections {
	t.Helper()
	ed, err := NewEditor(base, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		if err := ed.Do(s(t, ed.Corrector())); err != nil {
			t.Fatal(err)
		}
	}
	return ed.Corrections()
}

func annotateCorrectionText(t *testing.T, text string) *Document {
	t.Helper()
	doc, err := Annotate(text, Options{Names: correctionNames})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Corrections over an edited copy of the article: those whose words are
// gone are stale and change nothing, never something else.
func TestStaleCorrections(t *testing.T) {
	base := correctionBase(t)
	cases := []struct {
		name       string
		steps      []step
		old, new   string // the edit
		stale      string // a word of why
		unaffected bool   // the result is the edited text's own
	}{
		{"split a mention whose words are gone", []step{split("Mr Kim", 1)}, "Mr Kim", "Mr Lee", "no longer in the text", true},
		{"merge an entity that is gone", []step{merge("Jordan", LOC, "Jordan Vale", PER)}, "Later, Jordan said", "Later, she said", "no entity", true},
		{"set the speaker of a quote that changed", []step{setSpeaker("the costs", "Acme Corp", ORG)}, "the costs had doubled", "the costs had tripled", "no longer in the text", true},
		{"add words now part of a longer word", []step{add("harbour board", 1, 0, 0, ORG)}, "harbour board said", "harbour boards said", "whole words", true},
		{"relabel a mention whose words moved a little", []step{relabelMention("Jordan", 2, PER)}, "Jordan said", "Jordan  said", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cs := baseCorrections(t, base, c.steps...)
			text := strings.Replace(correctionText, c.old, c.new, 1)
			edited := annotateCorrectionText(t, text)
			for _, rebase := range []bool{false, true} {
				list := cs
				if rebase {
					list = cs.Rebase(correctionText, text)
				}
				got, err := ApplyCorrections(edited, list, Options{})
				if err != nil {
					t.Fatal(err)
				}
				r := got.Result()
				if c.stale == "" {
					if r.Corrections[0].Stale != "" {
						t.Errorf("rebase %v: stale %q, want applied", rebase, r.Corrections[0].Stale)
					}
					continue
				}
				if s := r.Corrections[0].Stale; !strings.Contains(s, c.stale) {
					t.Errorf("rebase %v: stale %q, want it saying %q", rebase, s, c.stale)
				}
				r.Corrections = nil
				if c.unaffected && resultJSON(t, r) != resultJSON(t, edited.Result()) {
					t.Errorf("rebase %v: a stale correction changed the result", rebase)
				}
			}
		})
	}
}

// Corrections survive an edit of the text around them, with the old text
// known (Rebase) or not.
func TestCorrectionsSurviveEdit(t *testing.T) {
	base := correctionBase(t)
	steps := []step{
		split("Mr Kim", 1), merge("Jordan", LOC, "Jordan Vale", PER), add("harbour board", 1, 0, 0, ORG),
		removeEntity("Facebook Share", ORG), setSpeaker("the pier", "Ana Ruiz", PER), relabelMention("PORTMOOR", 1, ORG),
	}
	cs := baseCorrections(t, base, steps...)
	want, err := ApplyCorrections(base, cs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	edits := []struct{ name, old, new string }{
		{"a paragraph added at the top", "PORTMOOR,", "Breaking: Ana Ruiz spoke.\n\nPORTMOOR,"},
		{"a word taken out near a mention", "Later, Jordan", "Jordan"},
		{"a sentence added in the middle", "Mr Kim told", "It rained. Mr Kim told"},
	}
	for _, e := range edits {
		text := strings.Replace(correctionText, e.old, e.new, 1)
		edited := annotateCorrectionText(t, text)
		for _, rebase := range []bool{false, true} {
			list := cs
			if rebase {
				list = cs.Rebase(correctionText, text)
			}
			got, err := ApplyCorrections(edited, list, Options{})
			if err != nil {
				t.Fatal(err)
			}
			r := got.Result()
			for i, c := range r.Corrections {
				if c.Stale != "" {
					t.Errorf("%s (rebase %v): correction %d (%s) stale: %s", e.name, rebase, i+1, c.Correction, c.Stale)
				}
			}
			lines := entityLines(r)
			for _, l := range entityLines(want.Result()) {
				if !slices.Contains(lines, l) && !strings.HasPrefix(l, "PER Ana Ruiz") {
					t.Errorf("%s (rebase %v): no entity %q in\n%s", e.name, rebase, l, strings.Join(lines, "\n"))
				}
			}
			if !slices.Equal(speakerLines(r), speakerLines(want.Result())) {
				t.Errorf("%s (rebase %v): quotes\n%s\nwant\n%s", e.name, rebase, strings.Join(speakerLines(r), "\n"), strings.Join(speakerLines(want.Result()), "\n"))
			}
			// Anchored anew in the edited text: applied again, the same.
			again, err := ApplyCorrections(edited, Applied(got.Corrections), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if resultJSON(t, again.Result()) != resultJSON(t, r) {
				t.Errorf("%s (rebase %v): the re-anchored list gives another result", e.name, rebase)
			}
		}
	}
}

// Without corrections, the corrected document is the analyzer's: the
// stages run again give what they gave.
func TestNoCorrectionsIsTheAnalyzer(t *testing.T) {
	long := strings.Repeat(correctionText+"\n", 40)
	for _, c := range []struct {
		name string
		text string
		opts Options
	}{
		{"listed names", correctionText, Options{Names: correctionNames}},
		{"the tagger", correctionText, Options{}},
		{"an empty text", "", Options{}},
		{"a long text in chunks", long, Options{Names: correctionNames, ChunkBytes: 4096}},
	} {
		doc, err := Annotate(c.text, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ApplyCorrections(doc, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if resultJSON(t, got.Result()) != resultJSON(t, doc.Result()) {
			t.Errorf("%s: no corrections changed the result", c.name)
		}
		if got == doc || len(doc.Mentions) > 0 && &got.Mentions[0] == &doc.Mentions[0] {
			t.Errorf("%s: the document was not copied", c.name)
		}
	}
}

func TestApplyCorrectionsRefuses(t *testing.T) {
	base := correctionBase(t)
	cut := &Document{Text: base.Text, Lang: base.Lang, Mentions: base.Mentions, Entities: base.Entities, Quotes: base.Quotes}
	if _, err := ApplyCorrections(cut, nil, Options{}); !errors.Is(err, errIncomplete) {
		t.Errorf("a document without tokens: %v", err)
	}
	if _, err := ApplyCorrections(base, Corrections{{Op: "rename"}}, Options{}); !errors.Is(err, ErrCorrections) {
		t.Errorf("an invalid list: %v", err)
	}
	if _, err := ApplyCorrections(nil, nil, Options{}); err == nil {
		t.Error("no document: no error")
	}
}

func TestEditor(t *testing.T) {
	base := correctionBase(t)
	ed, err := NewEditor(base, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := ed.Corrector()
	if _, err := c.Split(1); !errors.Is(err, ErrNoMention) {
		t.Errorf("split where no mention starts: %v", err)
	}
	if _, err := c.Merge("e99", "e1"); !errors.Is(err, ErrNoEntity) {
		t.Errorf("merge of no entity: %v", err)
	}
	if _, err := c.RelabelEntity("e1", "PERSON"); !errors.Is(err, ErrLabel) {
		t.Errorf("relabel as no label: %v", err)
	}
	if _, err := c.RemoveSpeaker(99); !errors.Is(err, ErrNoQuote) {
		t.Errorf("no quote: %v", err)
	}
	if _, err := c.Add(offsetOf(t, ", ", 1), offsetOf(t, ", ", 1)+2, PER); err == nil {
		t.Error("added a comma")
	}
	// Splitting a lone mention changes nothing; a stale one does not apply.
	if err := ed.Do(split("Tuesday", 1)(t, c)); !errors.Is(err, ErrNoChange) {
		t.Errorf("split of a lone mention: %v", err)
	}
	if err := ed.Do(Correction{Op: Split, Mention: &TextAnchor{Text: "Nobody", Start: 5}}); !errors.Is(err, ErrStale) {
		t.Errorf("split of no words: %v", err)
	}
	if ed.CanUndo() {
		t.Error("refused corrections were kept")
	}
	// A new correction clears what was undone.
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(ed.Do(split("Mr Kim", 1)(t, ed.Corrector())))
	must(ed.Do(removeEntity("Facebook Share", ORG)(t, ed.Corrector())))
	ed.Undo()
	must(ed.Do(removeMention("Tuesday", 1)(t, ed.Corrector())))
	if ed.CanRedo() || len(ed.Corrections()) != 2 {
		t.Errorf("after undo and a new correction: redo %v, %d corrections", ed.CanRedo(), len(ed.Corrections()))
	}
	// An edit of the text: the corrections move with it; one whose words
	// went is reported, and can be dropped.
	text := strings.Replace(strings.Replace(correctionText, "Tuesday", "Monday", 1), "PORTMOOR,", "Update.\n\nPORTMOOR,", 1)
	must(ed.Rebase(annotateCorrectionText(t, text)))
	stale := ed.Stale()
	if len(stale) != 1 || stale[0].Op != RemoveMention {
		t.Fatalf("stale after the edit: %v", stale)
	}
	if !slices.Contains(entityLines(ed.Result()), "PER Kim: Mr Kim") {
		t.Errorf("the split did not survive the edit: %q", entityLines(ed.Result()))
	}
	if n := ed.DropStale(); n != 1 || len(ed.Corrections()) != 1 || len(ed.Stale()) != 0 {
		t.Errorf("DropStale dropped %d, left %d", n, len(ed.Corrections()))
	}
	// Stored and loaded again: the same result.
	again, err := NewEditor(ed.base, ed.Corrections(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if resultJSON(t, again.Result()) != resultJSON(t, ed.Result()) {
		t.Error("the stored corrections give another result")
	}
}
