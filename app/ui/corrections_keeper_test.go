package ui

import (
	"math"
	"strings"
	"testing"

	"annotator/analyzer"
	"annotator/app/jsval"
)

func annotatedDoc(t *testing.T, text string) *analyzer.Document {
	t.Helper()
	doc, err := analyzer.Annotate(text, analyzer.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// entityNamed is the id of the entity of the result with the name.
func entityNamed(t *testing.T, res *analyzer.Result, name string) analyzer.EntityResult {
	t.Helper()
	for _, e := range res.Entities {
		if e.Name == name {
			return e
		}
	}
	t.Fatalf("no entity %q in %+v", name, res.Entities)
	return analyzer.EntityResult{}
}

// The keeper over runs: a request of the panel corrects, undo and redo
// take it back and forth, a new run over the same text keeps the history,
// an edit moves the corrections (one whose words went is stale), another
// article drops them, and a run over a saved article applies its stored
// ones.
func TestCorrectionsKeeper(t *testing.T) {
	var k correctionsKeeper
	doc := annotatedDoc(t, talksArticle)
	shownDoc, shown, err := k.onRun(doc, doc.Result(), "en", nil, false)
	if err != nil || shownDoc != doc || k.editor != nil {
		t.Fatalf("a first run without corrections: %v, editor %v", err, k.editor)
	}
	marquez := entityNamed(t, shown, "Elena Marquez")
	if !k.do(correctionRequest{Op: string(analyzer.RelabelEntity), Entity: marquez.ID, Label: analyzer.ORG}, shown) {
		t.Fatalf("relabel refused: %s", k.note)
	}
	if !strings.HasPrefix(k.note, "Relabelled “Elena Marquez” (PER) as ORG") {
		t.Errorf("note %q", k.note)
	}
	shown = k.editor.Result()
	if entityNamed(t, shown, "Elena Marquez").Label != analyzer.ORG {
		t.Error("the relabel did not apply")
	}
	if !k.do(correctionRequest{Op: string(analyzer.Add), Words: "talks", Label: analyzer.MISC}, shown) {
		t.Fatalf("add refused: %s", k.note)
	}
	if k.do(correctionRequest{Op: string(analyzer.Add), Words: "Atlantis", Label: analyzer.LOC}, k.editor.Result()) || !strings.Contains(k.note, "no “Atlantis”") {
		t.Errorf("adding words the text lacks: note %q", k.note)
	}
	if !k.do(correctionRequest{Op: requestUndo}, nil) || k.note != "Undone." {
		t.Errorf("undo: %q", k.note)
	}
	if got := len(k.corrections(talksArticle)); got != 1 || !k.editor.CanRedo() {
		t.Fatalf("after undo %d corrections, can redo %v", got, k.editor.CanRedo())
	}

	// A new run over the same text keeps the history.
	d := annotatedDoc(t, talksArticle)
	_, shown, err = k.onRun(d, d.Result(), "en", k.corrections(talksArticle), true)
	if err != nil || len(shown.Corrections) != 1 || !k.editor.CanRedo() {
		t.Fatalf("a run again: %v, %d corrections, can redo %v", err, len(shown.Corrections), k.editor.CanRedo())
	}
	k.do(correctionRequest{Op: requestRedo}, shown)
	if len(k.corrections(talksArticle)) != 2 {
		t.Fatal("redo did not put the add back")
	}

	// An edit that removes Marquez's name: the relabel is stale, the add
	// follows the text.
	edited := strings.Replace(talksArticle, "Prime Minister Elena Marquez of Portugal met", "The prime minister met", 1)
	edited = strings.Replace(edited, "Ms Marquez said", "She said", 1)
	d = annotatedDoc(t, edited)
	_, shown, err = k.onRun(d, d.Result(), "en", nil, false)
	if err != nil || len(shown.Corrections) != 2 {
		t.Fatalf("an edit: %v, %+v", err, shown.Corrections)
	}
	if shown.Corrections[0].Stale == "" || shown.Corrections[1].Stale != "" {
		t.Errorf("after the edit: %+v", shown.Corrections)
	}
	if !k.do(correctionRequest{Op: requestDropStale}, shown) || len(k.corrections(edited)) != 1 {
		t.Errorf("dropping the stale one: %q, %d left", k.note, len(k.corrections(edited)))
	}

	// Another article: the corrections stay with the first.
	d = annotatedDoc(t, dealArticle)
	if _, shown, _ = k.onRun(d, d.Result(), "en", nil, false); k.editor != nil || len(shown.Corrections) != 0 {
		t.Errorf("another article keeps the editor: %+v", shown.Corrections)
	}

	// A saved article's corrections apply to its run.
	stored := analyzer.Corrections{{Op: analyzer.RemoveEntity, Entity: &analyzer.EntityAnchor{Name: "Reykjavik", Label: analyzer.LOC, Start: strings.Index(talksArticle, "Reykjavik")}}}
	d = annotatedDoc(t, talksArticle)
	_, shown, err = k.onRun(d, d.Result(), "en", stored, true)
	if err != nil || len(shown.Corrections) != 1 || shown.Corrections[0].Stale != "" {
		t.Fatalf("stored corrections: %v, %+v", err, shown.Corrections)
	}
	for _, e := range shown.Entities {
		if e.Name == "Reykjavik" {
			t.Error("the stored removal did not apply")
		}
	}
}

func TestCorrectionRequests(t *testing.T) {
	doc := annotatedDoc(t, talksArticle)
	res := doc.Result()
	cr := analyzer.Corrector{Text: doc.Text, Result: res}
	marquez := entityNamed(t, res, "Elena Marquez")
	gunnarsson := entityNamed(t, res, "Jon Gunnarsson")
	ms := marquez.Mentions[len(marquez.Mentions)-1]
	u16 := func(b int) int { return len([]rune(talksArticle[:b])) } // the article is ASCII but for none
	tuesday := strings.Index(talksArticle, "Tuesday")
	for _, tc := range []struct {
		r    correctionRequest
		want analyzer.CorrectionOp
	}{
		{correctionRequest{Op: "relabel_mention", Mention: ms.Start, Label: analyzer.ORG}, analyzer.RelabelMention},
		{correctionRequest{Op: "relabel_entity", Entity: marquez.ID, Label: analyzer.LOC}, analyzer.RelabelEntity},
		{correctionRequest{Op: "merge", Entity: gunnarsson.ID, Into: marquez.ID}, analyzer.Merge},
		{correctionRequest{Op: "split", Mention: ms.Start}, analyzer.Split},
		{correctionRequest{Op: "remove_entity", Entity: marquez.ID}, analyzer.RemoveEntity},
		{correctionRequest{Op: "remove_mention", Mention: ms.Start}, analyzer.RemoveMention},
		{correctionRequest{Op: "add", Start: u16(tuesday), End: u16(tuesday + 3), Label: analyzer.DATE}, analyzer.Add},
		{correctionRequest{Op: "add", Words: "president", Entity: gunnarsson.ID}, analyzer.Add},
		{correctionRequest{Op: "set_speaker", Quote: 0, Into: gunnarsson.ID}, analyzer.SetSpeaker},
		{correctionRequest{Op: "remove_speaker", Quote: 0}, analyzer.RemoveSpeaker},
	} {
		if tc.r.Op == "set_speaker" || tc.r.Op == "remove_speaker" {
			if len(res.Quotes) == 0 {
				continue
			}
		}
		c, err := makeCorrection(cr, tc.r)
		if err != nil || c.Op != tc.want || c.Validate() != nil {
			t.Errorf("%+v: %+v, %v", tc.r, c, err)
		}
		if tc.r.Op == "add" && tc.r.End != 0 && c.Mention.Text != "Tuesday" {
			t.Errorf("a selection of part of a word snaps to it: %q", c.Mention.Text)
		}
	}
	if _, err := makeCorrection(cr, correctionRequest{Op: "merge", Entity: marquez.ID, Into: marquez.ID}); err == nil {
		t.Error("an entity merged into itself")
	}
	if _, err := makeCorrection(cr, correctionRequest{Op: "explode"}); err == nil {
		t.Error("an unknown operation was made")
	}
}

func TestFindUnmarked(t *testing.T) {
	text := "Port met the port authority; port fees rose. Portugal too."
	res := &analyzer.Result{Entities: []analyzer.EntityResult{{Mentions: []analyzer.MentionResult{{SpanResult: analyzer.SpanResult{Start: 13, End: 27}}}}}}
	for words, want := range map[string]int{"port": 29, "Port": 0, "fees": 34, "Portu": -1, "port authority": -1, "": -1} {
		start, end, ok := findUnmarked(text, res, words)
		if (want < 0) == ok || ok && (start != want || end != want+len(words)) {
			t.Errorf("findUnmarked(%q) = %d, %d, %v; want start %d", words, start, end, ok, want)
		}
	}
}

func TestRelated(t *testing.T) {
	old := strings.Repeat("The harbour board met. ", 10)
	if !related(old, old+"More.") || !related(old, "Typed. "+old) {
		t.Error("an edit at an end is not related")
	}
	if related(old, "Another article altogether.") {
		t.Error("another article is related")
	}
}

// Library records: schema 1 (absent) loads without corrections, 2 keeps
// them; a bad schema is an error (the decoder sets the record aside).
func TestLibraryRecordCorrections(t *testing.T) {
	for _, tc := range []struct {
		v    jsval.Value
		want int
		bad  bool
	}{
		{jsval.Undefined(), 1, false}, {jsval.Number(1), 1, false}, {jsval.Number(2), 2, false},
		{jsval.Number(0), 0, true}, {jsval.Number(1.5), 0, true}, {jsval.Number(math.NaN()), 0, true},
		{jsval.Number(math.Inf(1)), 0, true}, {jsval.Number(3), 0, true}, {jsval.String("2"), 0, true}, {jsval.BigInt("2"), 0, true},
	} {
		got, err := recordSchema(tc.v)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("recordSchema(%s) = %d, %v", jsval.Describe(tc.v), got, err)
		}
	}
	cs := analyzer.Corrections{{Op: analyzer.Split, Mention: &analyzer.TextAnchor{Text: "Ms Marquez", Start: 120}}}
	e := libraryEntry{ID: "x", Text: talksArticle}.withCorrections(cs)
	if e.Schema != libraryRecordSchema || !strings.Contains(e.Corrections, `"op":"split"`) {
		t.Fatalf("withCorrections: %+v", e)
	}
	got, err := e.articleCorrections()
	if err != nil || len(got) != 1 || got[0].Mention.Text != "Ms Marquez" {
		t.Errorf("articleCorrections: %+v, %v", got, err)
	}
	if old, err := (libraryEntry{ID: "x", Text: talksArticle}).articleCorrections(); old != nil || err != nil {
		t.Errorf("an old record: %+v, %v", old, err)
	}
	e.Corrections = `[{"op":"explode"}]`
	if _, err := e.articleCorrections(); err == nil || !strings.Contains(err.Error(), "kept as saved") {
		t.Errorf("a bad list: %v", err)
	}
	if e := e.withCorrections(nil); e.Corrections != "" {
		t.Errorf("no corrections stored as %q", e.Corrections)
	}
}
