package analyzer

import (
	"errors"
	"strings"
	"testing"
)

// FuzzCorrections runs random sequences of corrections, undos, redos and
// edits of the text through an Editor: the corrected document must always
// be valid (mentions sorted, apart, on tokens and within the text, each of
// an entity of its label, every speaker an entity), and its list, applied
// again to it or to the base, must give it again.
func FuzzCorrections(f *testing.F) {
	for _, seed := range []string{
		"\x00\x10\x02\x02\x08\x06\x03\x20\x00\x06\x90\x15",
		"\x04\x00\x00\x0a\x00\x00\x0a\x01\x00\x08\x01\x03\x02\x05\x03",
		"\x0b\x30\x05\x03\x10\x00\x06\x40\x22\x07\x70\x18\x0c\x55\x09",
		"\x01\x07\x01\x02\x07\x06\x09\x02\x00\x05\x05\x05\x0b\xf0\x07",
	} {
		f.Add([]byte(seed))
	}
	base := correctionBase(f)
	f.Fuzz(func(t *testing.T, program []byte) {
		if len(program) > 120 {
			program = program[:120] // 40 steps
		}
		ed, err := NewEditor(base, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for len(program) >= 3 {
			op, a, b := int(program[0]%13), int(program[1]), int(program[2])
			program = program[3:]
			if c, ok := fuzzStep(t, ed, op, a, b); ok {
				if err := ed.Do(c); err != nil && !errors.Is(err, ErrStale) && !errors.Is(err, ErrNoChange) {
					t.Fatalf("Do(%s): %v", c, err)
				}
			}
			checkDocumentInvariants(t, ed.Document())
			checkSpeakers(t, ed.Result())
		}
		again, err := ApplyCorrections(ed.Document(), ed.Corrections(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := resultJSON(t, ed.Result())
		if got := resultJSON(t, again.Result()); got != want {
			t.Fatalf("applied again to its result, the list changes it:\n%s\n%s", want, got)
		}
		fresh, err := ApplyCorrections(ed.base, ed.Corrections(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := resultJSON(t, fresh.Result()); got != want {
			t.Fatalf("applied again to the base, the list gives another result:\n%s\n%s", want, got)
		}
	})
}

// fuzzStep makes step op of a fuzzed program, with a and b choosing what
// it applies to; false when the step was an undo, redo or edit.
func fuzzStep(t *testing.T, ed *Editor, op, a, b int) (Correction, bool) {
	c := ed.Corrector()
	r := c.Result
	pick := func(n, i int) int { return i % max(n, 1) }
	var mentions []MentionResult
	for _, e := range r.Entities {
		mentions = append(mentions, e.Mentions...)
	}
	mention := func(i int) int {
		if len(mentions) == 0 {
			return -1
		}
		return mentions[pick(len(mentions), i)].Start
	}
	entity := func(i int) string {
		if len(r.Entities) == 0 {
			return "e1"
		}
		return r.Entities[pick(len(r.Entities), i)].ID
	}
	label := Labels[b%len(Labels)]
	at := a * len(c.Text) / 256
	var corr Correction
	var err error
	switch op {
	case 0:
		corr, err = c.RelabelMention(mention(a), label)
	case 1:
		corr, err = c.RelabelEntity(entity(a), label)
	case 2:
		corr, err = c.Merge(entity(a), entity(b))
	case 3:
		corr, err = c.Split(mention(a))
	case 4:
		corr, err = c.RemoveEntity(entity(a))
	case 5:
		corr, err = c.RemoveMention(mention(a))
	case 6:
		corr, err = c.Add(at, at+b%40, label)
	case 7:
		corr, err = c.AddTo(at, at+b%40, entity(b))
	case 8:
		corr, err = c.SetSpeaker(pick(len(r.Quotes), a), entity(b))
	case 9:
		corr, err = c.RemoveSpeaker(pick(len(r.Quotes), a))
	case 10:
		if b%2 == 0 {
			ed.Undo()
		} else {
			ed.Redo()
		}
		return Correction{}, false
	case 11:
		// An edit: a few bytes replaced by other words, at a rune start.
		text := ed.base.Text
		for at > 0 && at < len(text) && !isRuneStart(text[at]) {
			at--
		}
		end := min(len(text), at+b%12)
		for end < len(text) && !isRuneStart(text[end]) {
			end++
		}
		words := []string{"", " Kim Jong-un ", "x", " Jordan said ", "\n\n"}[b%5]
		doc, err := Annotate(text[:at]+words+text[end:], Options{Names: correctionNames})
		if err != nil {
			t.Fatal(err)
		}
		if err := ed.Rebase(doc); err != nil {
			t.Fatal(err)
		}
		return Correction{}, false
	default:
		// A correction whose anchor points anywhere: it applies or is
		// stale, never breaks the document.
		end := min(len(c.Text), at+1+b%20)
		if !isRuneStart(byteAt(c.Text, at)) || !isRuneStart(byteAt(c.Text, end)) || strings.TrimSpace(c.Text[at:end]) == "" {
			return Correction{}, false
		}
		anchor := &TextAnchor{Text: c.Text[at:end], Start: b * 3}
		kinds := []Correction{
			{Op: Split, Mention: anchor}, {Op: RemoveMention, Mention: anchor},
			{Op: Add, Mention: anchor, Label: label}, {Op: RemoveSpeaker, Quote: anchor},
			{Op: RemoveEntity, Entity: &EntityAnchor{Name: anchor.Text, Label: label, Start: b}},
		}
		return kinds[a%len(kinds)], true
	}
	if err != nil {
		return Correction{}, false // nothing there to correct
	}
	return corr, true
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// annotationsJSON is the result of doc without its corrections.
func annotationsJSON(t testing.TB, doc *Document) string {
	r := doc.Result()
	r.Corrections = nil
	return resultJSON(t, r)
}
