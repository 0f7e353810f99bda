package ui

import (
	"strconv"
	"strings"
	"testing"

	"annotator/analyzer"
	"annotator/app/contract"
)

// twoRuns are the same people in two runs of the analyzer whose ids
// differ: a sentence typed at the start renumbers the entities.
func twoRuns(t *testing.T) (before, after *annotation) {
	t.Helper()
	text := "Ann Lee met Bo Ek in Oslo. Lee left."
	at := func(text, s string, from int) analyzer.MentionResult {
		i := from + strings.Index(text[from:], s)
		return mention(text, i, i+len(s))
	}
	before = newAnnotation(text, &analyzer.Result{Entities: []analyzer.EntityResult{
		{ID: "e1", Label: analyzer.PER, Name: "Ann Lee", Mentions: []analyzer.MentionResult{at(text, "Ann Lee", 0), at(text, "Lee", 20)}},
		{ID: "e2", Label: analyzer.PER, Name: "Bo Ek", Mentions: []analyzer.MentionResult{at(text, "Bo Ek", 0)}},
	}})
	typed := "Oslo wept. " + text
	after = newAnnotation(typed, &analyzer.Result{Entities: []analyzer.EntityResult{
		{ID: "e1", Label: analyzer.LOC, Name: "Oslo", Mentions: []analyzer.MentionResult{at(typed, "Oslo", 0)}},
		{ID: "e2", Label: analyzer.PER, Name: "Ann Lee", Mentions: []analyzer.MentionResult{at(typed, "Ann Lee", 0), at(typed, "Lee", 31)}},
	}})
	return before, after
}

func TestSelectionFollowsTheNameNotTheID(t *testing.T) {
	before, after := twoRuns(t)
	for _, c := range []struct{ selected, want string }{
		{"e1", "e2"}, // Ann Lee, renumbered
		{"e2", ""},   // Bo Ek is gone: e2 is Ann Lee now, and must not be selected
		{"", ""},
	} {
		k, ok := keyOf(before, c.selected)
		got := ""
		if ok {
			got = idOf(after, k)
		}
		if got != c.want {
			t.Errorf("%q selected before: %q after, want %q", c.selected, got, c.want)
		}
	}
	// The same name under another label is another entity.
	if id := idOf(after, entityKey{Name: "Oslo", Label: analyzer.PER}); id != "" {
		t.Errorf("Oslo as a person found as %s", id)
	}
}

func TestMentionsAreCountedInTextOrder(t *testing.T) {
	_, after := twoRuns(t)
	m := mentionsOf(after, "e2")
	if len(m) != 2 || after.Marks[m[0]].Start > after.Marks[m[1]].Start {
		t.Fatalf("mentions of e2: %v", m)
	}
	if at := currentMention(m, "m"+strconv.Itoa(m[1])); at != 1 {
		t.Errorf("the second mention is at %d", at)
	}
	for _, cur := range []string{"", "q1", "m", "mx", "m99"} {
		if at := currentMention(m, cur); at != -1 {
			t.Errorf("current %q: at %d, want -1", cur, at)
		}
	}
}

func TestTabsMoveWithTheArrowKeys(t *testing.T) {
	first, last := contract.Panels[0], contract.Panels[len(contract.Panels)-1]
	for _, c := range []struct{ from, key, want string }{
		{first, "ArrowRight", contract.Panels[1]},
		{first, "ArrowLeft", last},
		{last, "ArrowRight", first},
		{contract.Panels[3], "Home", first},
		{first, "End", last},
		{first, "Enter", ""},
		{"nowhere", "ArrowRight", ""},
	} {
		if got := stepTab(c.from, c.key); got != c.want {
			t.Errorf("%s from %s: %q, want %q", c.key, c.from, got, c.want)
		}
	}
}

func TestEntitySearchMatchesNamesAndOtherNames(t *testing.T) {
	_, after := twoRuns(t)
	after.Aliases = map[string][]string{"e2": {"Ms Lee"}}
	for _, c := range []struct {
		filter       string
		shown, total int
	}{
		{"", 2, 2}, {"  ", 2, 2}, {"ann", 1, 2}, {"MS LEE", 1, 2}, {"o", 1, 2}, {"zz", 0, 2},
	} {
		groups, shown, total := filterGroups(after, c.filter)
		n := 0
		for _, g := range groups {
			n += len(g.Entities)
		}
		if shown != c.shown || total != c.total || n != shown {
			t.Errorf("%q: %d of %d shown (%d listed), want %d of %d", c.filter, shown, total, n, c.shown, c.total)
		}
	}
}

func TestTypingKeepsTheBoxPastesShowTheView(t *testing.T) {
	for kind, typing := range map[string]bool{
		"insertText": true, "deleteContentBackward": true, "insertLineBreak": true,
		"insertFromPaste": false, "insertFromDrop": false, "historyUndo": false, "historyRedo": false, "": false,
	} {
		if got := isTyping(kind); got != typing {
			t.Errorf("isTyping(%q) = %v", kind, got)
		}
	}
}

func TestPanelTabsCount(t *testing.T) {
	_, after := twoRuns(t)
	tabs := panelTabs(after, 3, 7)
	if len(tabs) != len(contract.Panels) {
		t.Fatalf("%d tabs for %d panels", len(tabs), len(contract.Panels))
	}
	want := map[string]string{contract.PanelEntities: "2", contract.PanelQuotes: "0", contract.PanelCorrections: "3", contract.PanelLibrary: "7", contract.PanelSettings: ""}
	for _, tab := range tabs {
		if w, ok := want[tab.Name]; ok && tab.Count != w {
			t.Errorf("tab %s counts %q, want %q", tab.Name, tab.Count, w)
		}
		if tab.Title == "" {
			t.Errorf("tab %s has no title", tab.Name)
		}
	}
	if before := panelTabs(nil, 0, 2); before[0].Count != "" || before[6].Count != "2" {
		t.Errorf("before any run: %+v", before)
	}
}
