package analyzer

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestTextAnchorFind(t *testing.T) {
	old := "First, Kim said no. Then Kim said yes."
	second := anchorAt(old, strings.Index(old, "Then Kim")+5, strings.Index(old, "Then Kim")+8)
	cases := []struct {
		name   string
		anchor *TextAnchor
		text   string
		want   int    // start found, -1 for none
		stale  string // a word of why not
	}{
		{"same text", second, old, 25, ""},
		{"text inserted before", second, "Breaking. " + old, 35, ""},
		{"one side's words changed", second, "First, Kim said no. And Kim said yes.", 24, ""},
		{"the other side's", second, "First, Kim said no. Then Kim told us yes.", 25, ""},
		{"both sides changed", second, "First, Kim said no. And Kim told us yes.", -1, "around"},
		{"another of its words left", second, "First, Kim said no. Then Lee said yes.", -1, "around"},
		{"its words gone", second, "First, Lee said no. Then Lee said yes.", -1, "no longer in the text"},
		{"the one its words are around, not the nearest", second, "Now Kim came. Then Kim said yes. First, Kim said no.", 19, ""},
		{"no context, at its offset", &TextAnchor{Text: "Kim", Start: 25}, old, 25, ""},
		{"no context, elsewhere but once", &TextAnchor{Text: "Kim", Start: 25}, "Kim said yes.", 0, ""},
		{"no context, elsewhere and twice", &TextAnchor{Text: "Kim", Start: 3}, old, -1, "2 times"},
		{"past the end of a shorter text", second, "Kim", -1, "around"},
	}
	for _, c := range cases {
		span, why := c.anchor.find(c.text)
		switch {
		case c.want < 0 && (why == "" || !strings.Contains(why, c.stale)):
			t.Errorf("%s: found %v (%q), want stale saying %q", c.name, span, why, c.stale)
		case c.want >= 0 && (why != "" || span.Start != c.want || span.Len() != len(c.anchor.Text)):
			t.Errorf("%s: found %v (%q), want at %d", c.name, span, why, c.want)
		}
	}
}

func TestRebase(t *testing.T) {
	old := "Kim met Xi. Ruiz said so. Moon left."
	edited := "Kim met Xi Jinping. Ruiz said so. Moon left."
	at := func(s string) *TextAnchor {
		i := strings.Index(old, s)
		return anchorAt(old, i, i+len(s))
	}
	cs := Corrections{
		{Op: Split, Mention: at("Kim")},
		{Op: Split, Mention: at("Xi")},
		{Op: Split, Mention: at("Ruiz")},
		{Op: Merge, Entity: &EntityAnchor{Name: "Moon", Label: PER, Start: strings.Index(old, "Moon")}, Into: &EntityAnchor{Name: "Kim", Label: PER, Start: 0}},
	}
	got := cs.Rebase(old, edited)
	starts := []int{got[0].Mention.Start, got[1].Mention.Start, got[2].Mention.Start, got[3].Entity.Start, got[3].Into.Start}
	if want := []int{0, 8, 20, 34, 0}; !slices.Equal(starts, want) {
		t.Errorf("rebased starts %v, want %v", starts, want)
	}
	if cs[2].Mention.Start != strings.Index(old, "Ruiz") {
		t.Error("Rebase changed the corrections it was given")
	}
	for _, c := range got[:3] {
		if span, why := c.Mention.find(edited); why != "" || edited[span.Start:span.End] != c.Mention.Text {
			t.Errorf("%q not found after rebase: %v %q", c.Mention.Text, span, why)
		}
	}
}

func TestSnapSpan(t *testing.T) {
	text := "“Mr Kim,” said Kim Jong-un’s aide in Seoul. U.S. aid: $2bn!"
	cases := []struct {
		selected, want string
		skip, trim     int // bytes of the selected text left out at each end
	}{
		{"Kim Jong-un", "Kim Jong-un", 0, 0},
		{"Kim Jong-un", "Kim Jong-un", 2, 3}, // inside words: whole words
		{" in Seoul. ", "in Seoul", 0, 0},    // spaces and a period left out
		{"“Mr Kim,”", "Mr Kim", 0, 0},        // quote marks and comma
		{"U.S.", "U.S.", 0, 0},               // an abbreviation keeps its periods
		{"$2bn!", "$2bn", 0, 0},
		{"Seoul", "Seoul", 2, 3}, // an empty selection takes its word
	}
	for _, c := range cases {
		i := strings.Index(text, c.selected)
		span, err := SnapSpan(text, i+c.skip, i+len(c.selected)-c.trim)
		if err != nil || text[span.Start:span.End] != c.want {
			t.Errorf("selecting %q (%d, %d): %v %v, want %q", c.selected, c.skip, c.trim, span, err, c.want)
		}
	}
	if _, err := SnapSpan(text, strings.Index(text, ", "), strings.Index(text, ", ")+2); !errors.Is(err, errNoWord) {
		t.Errorf("a comma and a space snapped: %v", err)
	}
}

func TestParseCorrections(t *testing.T) {
	good := `[{"op":"merge","entity":{"name":"Kim","label":"PER","start":3},"into":{"name":"Kim Jong-un","label":"PER","start":0}}]`
	if cs, err := ParseCorrections([]byte(good)); err != nil || len(cs) != 1 || cs[0].Into.Name != "Kim Jong-un" {
		t.Errorf("a list: %+v %v", cs, err)
	}
	// A document the analyzer wrote: its corrections, stale notes ignored.
	doc := `{"lang":"en","entities":[],"corrections":[{"op":"split","mention":{"text":"Kim","start":3},"stale":"gone"}]}`
	if cs, err := ParseCorrections([]byte(doc)); err != nil || len(cs) != 1 || cs[0].Op != Split {
		t.Errorf("a document: %+v %v", cs, err)
	}
	bad := []struct{ json, says string }{
		{``, "empty"},
		{`{"lang":"en"}`, `no "corrections"`},
		{`[{"op":"rename"}]`, `unknown op "rename"`},
		{`[{"op":"merge","entity":{"name":"Kim","label":"PER","start":3}}]`, "correction 1: merge: into is missing"},
		{`[{"op":"split","mention":{"text":"Kim","start":3},"label":"PER"}]`, "split takes no label"},
		{`[{"op":"relabel_mention","mention":{"text":"Kim","start":3},"label":"person"}]`, `unknown label "person"`},
		{`[{"op":"split","mention":{"text":"","start":3}}]`, "mention has no text"},
		{`[{"op":"split","mention":{"text":"Kim","start":-1}}]`, "start -1"},
		{`[{"op":"remove_entity","entity":{"name":"Kim","label":"","start":0}}]`, "unknown label"},
		{`[{"op":"add","mention":{"text":"Kim","start":0}}]`, "label (or into"},
		{`[{"op":"add","mention":{"text":"Kim","start":0},"label":"ORG","into":{"name":"Kim","label":"PER","start":0}}]`, "differs"},
		{`[{"op":"set_speaker","quote":{"text":"“Yes”","start":0}}]`, "speaker is missing"},
		{`[{"op":"split","mention":{"text":"Kim","start":3}}, 7]`, "cannot unmarshal"},
		{`{"corrections": {"op":"split"}}`, "cannot unmarshal"},
	}
	for _, b := range bad {
		cs, err := ParseCorrections([]byte(b.json))
		if err == nil || !errors.Is(err, ErrCorrections) || !strings.Contains(err.Error(), b.says) || cs != nil {
			t.Errorf("%s: %v, want an error saying %q", b.json, err, b.says)
		}
	}
	many := make(Corrections, MaxCorrections+1)
	if err := many.Validate(); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("too many corrections: %v", err)
	}
}
