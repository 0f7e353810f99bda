package ui

import (
	"slices"
	"strings"
	"testing"

	"annotator/analyzer"
)

// Two invented articles that name the same people, spelt differently.
const (
	talksArticle = `Harbour talks open in Reykjavik

Prime Minister Elena Marquez of Portugal met Iceland's president Jon Gunnarsson in Reykjavik on Tuesday. Ms Marquez said the talks were useful.`
	dealArticle = `Fishing deal signed in Reykjavik

Elena Márquez and Jón Gunnarsson signed the agreement in Reykjavik on Wednesday. Mrs Márquez called it a good day.`
)

// annotatePending does what the Annotator does in the background (its
// annotatePending, with startRun done at once): take the next pending entry,
// annotate it, hand the library the result (nil when refused).
func annotatePending(t *testing.T, l *library) {
	t.Helper()
	for n := 0; ; n++ {
		e, ok := l.next()
		if !ok {
			break
		}
		if n > len(l.entries) {
			t.Fatalf("entries stay pending: %q", l.pending)
		}
		if _, again := l.next(); again {
			t.Fatal("next gave a second entry while one is under way")
		}
		var res *analyzer.Result
		if doc, err := analyzer.Annotate(e.Text, analyzer.Options{Lang: e.Lang}); err == nil {
			res = doc.Result()
		}
		l.annotated(e.ID, res)
	}
	if len(l.pending) != 0 || l.annotating != "" {
		t.Fatalf("after annotating: pending %q, under way %q", l.pending, l.annotating)
	}
}

func TestArticleIDAndTitle(t *testing.T) {
	if articleID(talksArticle) != articleID(talksArticle) || articleID(talksArticle) == articleID(dealArticle) {
		t.Error("articleID is not a function of the text alone")
	}
	if first := articleID(talksArticle); articleID(dealArticle) == first || articleID(talksArticle) != first {
		t.Error("articleID's last-text cache gives another text's id")
	}
	if n := len(articleID("x")); n != 32 {
		t.Errorf("articleID has %d hex digits, want 32", n)
	}
	for text, want := range map[string]string{
		talksArticle:                        "Harbour talks open in Reykjavik",
		"\n \n  Two   spaces \t here\nrest": "Two spaces here",
		"   \n\n":                           "Untitled article",
		strings.Repeat("a", 200):            strings.Repeat("a", maxTitle-1) + "…",
		// A text of one long line is read from its start only, cut at a
		// character, with the same title.
		strings.Repeat("é, ", 1<<18):                        strings.TrimSpace(strings.Repeat("é, ", maxTitle/3)) + "…",
		strings.Repeat(" ", 3*titleBytes) + "Late title\nx": "Late title",
	} {
		if got := articleTitle(text); got != want {
			t.Errorf("articleTitle(%.20q) = %q, want %q", text, got, want)
		}
	}
}

func TestLibraryLinksSavedArticles(t *testing.T) {
	var l library
	talks := libraryEntry{ID: articleID(talksArticle), Title: articleTitle(talksArticle), Text: talksArticle, Lang: "en", Saved: 1}
	deal := libraryEntry{ID: articleID(dealArticle), Title: articleTitle(dealArticle), Text: dealArticle, Lang: "en", Saved: 2}
	// Loaded from the store, oldest first: the library lists the newest
	// first; both are pending, unlinked, until annotated.
	l.set([]libraryEntry{talks, deal})
	if len(l.pending) != 2 || len(l.shared) != 0 {
		t.Fatalf("before annotating: pending %q, shared %d; want both pending, nothing linked", l.pending, len(l.shared))
	}
	annotatePending(t, &l)
	if len(l.stale) != 2 {
		t.Errorf("%d entries to store with their names, want 2", len(l.stale))
	}
	if got := []string{l.entries[0].ID, l.entries[1].ID}; !slices.Equal(got, []string{deal.ID, talks.ID}) {
		t.Errorf("entries %q, want the newest first", got)
	}
	if !l.holds(dealArticle) || l.holds(dealArticle+" ") {
		t.Error("holds does not tell saved texts from others")
	}
	names := map[string][]string{}
	for _, c := range l.shared {
		if len(c.Documents) < 2 {
			t.Errorf("cluster %q is in %d articles: not shared", c.Name, len(c.Documents))
		}
		for _, m := range c.Documents {
			if _, ok := l.entry(m.Name); !ok {
				t.Errorf("cluster %q names an article %q the library lacks", c.Name, m.Name)
			}
			names[c.Name] = append(names[c.Name], m.Text)
		}
	}
	// What the analyzer links across the two spellings, as annotate
	// -corpus does.
	docs := []analyzer.CorpusDocument{{Name: deal.ID, Result: l.results[deal.ID]}, {Name: talks.ID, Result: l.results[talks.ID]}}
	if want := sharedClusters(docs); !slices.EqualFunc(l.shared, want, func(x, y analyzer.Cluster) bool { return x.Name == y.Name && len(x.Documents) == len(y.Documents) }) {
		t.Errorf("shared %v, want LinkCorpus's %v", l.shared, want)
	}
	variants := 0
	for _, texts := range names {
		if len(texts) == 2 && texts[0] != texts[1] {
			variants++
		}
	}
	if variants == 0 {
		t.Errorf("no entity linked across spellings: %v", names)
	}
	// The people and the place both articles name, whatever the spelling.
	for _, want := range [][]string{{"Elena Márquez", "Elena Marquez"}, {"Jón Gunnarsson", "Jon Gunnarsson"}, {"Reykjavik", "Reykjavik"}} {
		found := false
		for _, texts := range names {
			found = found || (slices.Contains(texts, want[0]) && slices.Contains(texts, want[1]))
		}
		if !found {
			t.Errorf("%q and %q are not linked: %v", want[0], want[1], names)
		}
	}

	// Saving again replaces; removing unlinks.
	newer := talks
	newer.Saved = 3
	l.add(newer, nil)
	if len(l.entries) != 2 || l.entries[0].ID != talks.ID {
		t.Errorf("after saving again, entries %v", l.entries)
	}
	l.remove(deal.ID)
	if len(l.entries) != 1 || len(l.shared) != 0 || l.results[deal.ID] != nil {
		t.Errorf("after removing one of two, %d entries and %d shared entities", len(l.entries), len(l.shared))
	}
}

func TestLibraryLeavesOutWhatTheAnalyzerRefuses(t *testing.T) {
	var l library
	l.set([]libraryEntry{
		{ID: "a", Text: talksArticle, Lang: "en"},
		{ID: "b", Text: "Elena Marquez \xff", Lang: "en"}, // invalid UTF-8
		{ID: "c", Text: dealArticle, Lang: "xx"},          // unknown language
	})
	annotatePending(t, &l)
	annotated := 0
	for _, res := range l.results {
		if res != nil {
			annotated++
		}
	}
	if len(l.entries) != 3 || annotated != 1 || len(l.stale) != 1 || l.stale[0].ID != "a" {
		t.Errorf("%d entries, %d annotated, %d to store: want all listed, only the valid one annotated and stored", len(l.entries), annotated, len(l.stale))
	}
	// Refused once, not tried again at the next relink.
	l.remove("a")
	if len(l.pending) != 0 {
		t.Errorf("after a relink, pending %q: refused entries must not be retried", l.pending)
	}
}

func TestLibraryReusesStoredNames(t *testing.T) {
	doc, err := analyzer.Annotate(dealArticle, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	talks := libraryEntry{ID: "talks", Text: talksArticle, Lang: "en"}
	// Stored by this version with the names of another text: the library
	// must use them as stored, without annotating the text.
	fromDeal := talks.withNames(doc.Result(), "v1")
	if fromDeal.Version != "v1" || !strings.Contains(fromDeal.Names, "Márquez") || strings.Contains(fromDeal.Names, `"DATE"`) {
		t.Fatalf("withNames stored %s (version %q): want the names only", fromDeal.Names, fromDeal.Version)
	}
	l := library{version: "v1"}
	l.set([]libraryEntry{fromDeal})
	var names []string
	for _, e := range l.results["talks"].Entities {
		names = append(names, e.Name)
	}
	if !slices.Contains(names, "Elena Márquez") || len(l.stale) != 0 {
		t.Errorf("the library did not use the stored names %q (stale %d)", names, len(l.stale))
	}
	// Stored by another version: pending, annotated again, and stale until
	// stored.
	l = library{version: "v2"}
	l.set([]libraryEntry{fromDeal})
	if len(l.pending) != 1 || l.results["talks"] != nil {
		t.Fatalf("an entry of another version is not pending: %q", l.pending)
	}
	annotatePending(t, &l)
	if len(l.stale) != 1 || l.stale[0].Version != "v2" || !strings.Contains(l.stale[0].Names, "Elena Marquez") {
		t.Errorf("an entry of another version was not annotated again: stale %+v", l.stale)
	}
	if l.entries[0].Version != "v2" {
		t.Errorf("the entry keeps version %q", l.entries[0].Version)
	}
}

func TestLibraryStopsAnnotatingADeletedEntry(t *testing.T) {
	l := library{version: "v2"}
	l.set([]libraryEntry{{ID: "a", Text: talksArticle, Lang: "en"}, {ID: "b", Text: dealArticle, Lang: "en"}})
	e, ok := l.next()
	if !ok {
		t.Fatal("nothing pending")
	}
	stopped := false
	l.stopAnnotating = func() { stopped = true } // what startRun returned for a long text
	l.remove(e.ID)
	if !stopped || l.annotating != "" {
		t.Fatalf("deleting the entry under way: stopped %v, under way %q", stopped, l.annotating)
	}
	annotatePending(t, &l)
	if len(l.stale) != 1 || l.stale[0].ID == e.ID {
		t.Errorf("to store %+v: want only the entry left", l.stale)
	}
	l.annotated(e.ID, nil) // a late answer for the deleted one
	if len(l.entries) != 1 || l.entries[0].ID == e.ID {
		t.Errorf("a late answer brought back %q", e.ID)
	}
}
