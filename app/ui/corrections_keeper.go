package ui

import (
	"errors"
	"strings"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// correctionsKeeper holds the user's corrections of the article on screen:
// an analyzer.Editor over the last run (undo and redo included), moved to
// every new run over the same or an edited text (Editor.Rebase), where a
// correction whose words are gone is reported stale. The corrections are
// kept with the article in the library (keepCorrections), so they come
// back when the article does: after a reload, or opened from the library.
type correctionsKeeper struct {
	base   *analyzer.Document // the last run, uncorrected
	lang   string             // the language the editor applies with
	editor *analyzer.Editor   // nil while the article has no corrections
	note   string             // what the last correction did, or why not
}

// maxCorrectedBytes is the longest text the app corrects: an article or a
// long one of a chunk. The editor needs the whole run, its tokens too, and
// a longer text's run (or one in the analyzer's worker) keeps only what the
// exports need (startLocalRun), for memory.
const maxCorrectedBytes = analyzer.ChunkBytes

// correctable reports whether doc is a whole run the editor can correct:
// short enough, its tokens kept.
func correctable(doc *analyzer.Document) bool {
	if doc == nil || len(doc.Text) > maxCorrectedBytes {
		return false
	}
	return len(doc.Tokens) > 0 || len(doc.Mentions) == 0 && strings.TrimSpace(doc.Text) == ""
}

// correctionAction is the action the corrections panel sends: a
// correctionRequest, carried out by the Annotator (onCorrection).
const correctionAction = "correction"

// correctionRequest is what the user asked of the corrections panel:
// an operation (analyzer.CorrectionOp, or undo, redo, drop_stale) and
// what it applies to, by what the page shows (entity ids of this run,
// mention start offsets, quote indices).
type correctionRequest struct {
	Op      string
	Entity  string         // the entity (relabel_entity, merge, remove_entity, add to)
	Into    string         // merge: the entity kept; set_speaker: the speaker
	Mention int            // a mention's start (relabel_mention, split, remove_mention)
	Quote   int            // set_speaker, remove_speaker
	Label   analyzer.Label // relabel_*, add
	// Add marks [Start, End) of the text, in UTF-16 code units (a
	// selection in the page), or, when End is 0, the first occurrence of
	// Words that is not yet a mention.
	Start, End int
	Words      string
}

// The requests that are no correction of their own.
const (
	requestUndo      = "undo"
	requestRedo      = "redo"
	requestDropStale = "drop_stale"
)

// onRun moves the corrections to a new run over text (its document and
// result) and returns what to show: the corrected document and result, or
// the run's own when nothing is corrected (a result is the size of the
// annotation: it is not built twice). stored are the corrections the
// library keeps for text, if it has the article (ok). They apply when the
// editor was not already over this text: an article opened, the page
// reloaded. An edited text keeps the corrections, moved past the edit; a
// different article (all of them stale, little text in common) drops
// them, as kept with their own article.
func (k *correctionsKeeper) onRun(doc *analyzer.Document, res *analyzer.Result, lang string, stored analyzer.Corrections, ok bool) (*analyzer.Document, *analyzer.Result, error) {
	prev := k.base
	k.base = doc
	defer func() { k.lang = lang }()
	if !correctable(doc) {
		k.base, k.editor = nil, nil
		return doc, res, nil
	}
	opts := analyzer.Options{Lang: lang}
	switch {
	case k.editor != nil && prev != nil && prev.Text == doc.Text && k.lang == lang:
		if err := k.editor.Rebase(doc); err != nil {
			k.editor = nil
			return doc, res, err
		}
	case ok:
		k.editor = nil
		if len(stored) > 0 {
			ed, err := analyzer.NewEditor(doc, stored, opts)
			if err != nil {
				return doc, res, err
			}
			k.editor = ed
		}
	case k.editor != nil && prev != nil:
		cs := k.editor.Corrections().Rebase(prev.Text, doc.Text)
		if k.lang == lang {
			if err := k.editor.Rebase(doc); err != nil {
				k.editor = nil
				return doc, res, err
			}
		} else {
			ed, err := analyzer.NewEditor(doc, cs, opts)
			if err != nil {
				k.editor = nil
				return doc, res, err
			}
			k.editor = ed
		}
		if len(k.editor.Stale()) == len(cs) && len(cs) > 0 && !related(prev.Text, doc.Text) {
			k.editor = nil // another article: its corrections stay with the first
		}
	default:
		k.editor = nil
	}
	if k.editor == nil {
		return doc, res, nil
	}
	return k.editor.Document(), k.editor.Result(), nil
}

// related reports whether an edit kept at least half of the old text at
// its start and end: an edit of one article rather than another.
func related(old, new string) bool {
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	s := 0
	for s < len(old)-p && s < len(new)-p && old[len(old)-1-s] == new[len(new)-1-s] {
		s++
	}
	return 2*(p+s) >= len(old)
}

// corrections returns the corrections in force over text, nil if none.
func (k *correctionsKeeper) corrections(text string) analyzer.Corrections {
	if k.editor == nil || k.base == nil || k.base.Text != text {
		return nil
	}
	return k.editor.Corrections()
}

// do carries out a request over the result on screen; changed is false
// when nothing changed (the note says why).
func (k *correctionsKeeper) do(r correctionRequest, shown *analyzer.Result) (changed bool) {
	if k.base == nil {
		return false
	}
	switch r.Op {
	case requestUndo:
		if k.editor == nil || !k.editor.Undo() {
			k.note = "Nothing to undo."
			return false
		}
		k.note = "Undone."
		return true
	case requestRedo:
		if k.editor == nil || !k.editor.Redo() {
			k.note = "Nothing to redo."
			return false
		}
		k.note = "Redone."
		return true
	case requestDropStale:
		if k.editor == nil {
			return false
		}
		n := k.editor.DropStale()
		k.note = "Removed " + plural(n, "stale correction", "stale corrections") + "."
		return n > 0
	}
	if shown == nil {
		return false
	}
	cr := analyzer.Corrector{Text: k.base.Text, Result: shown}
	c, err := makeCorrection(cr, r)
	if err != nil {
		k.note = "Not corrected: " + err.Error() + "."
		return false
	}
	if k.editor == nil {
		ed, err := analyzer.NewEditor(k.base, nil, analyzer.Options{Lang: k.lang})
		if err != nil {
			k.note = "Not corrected: " + err.Error() + "."
			return false
		}
		k.editor = ed
	}
	if err := k.editor.Do(c); err != nil {
		switch {
		case errors.Is(err, analyzer.ErrNoChange):
			k.note = "That changes nothing."
		default:
			k.note = "Not corrected: " + err.Error() + "."
		}
		return false
	}
	s := c.String()
	k.note = strings.ToUpper(s[:1]) + s[1:] + "."
	return true
}

// makeCorrection turns a request into a correction anchored in the text.
func makeCorrection(cr analyzer.Corrector, r correctionRequest) (analyzer.Correction, error) {
	switch analyzer.CorrectionOp(r.Op) {
	case analyzer.RelabelMention:
		return cr.RelabelMention(r.Mention, r.Label)
	case analyzer.RelabelEntity:
		return cr.RelabelEntity(r.Entity, r.Label)
	case analyzer.Merge:
		if r.Entity == r.Into {
			return analyzer.Correction{}, errors.New("an entity cannot be merged into itself")
		}
		return cr.Merge(r.Entity, r.Into)
	case analyzer.Split:
		return cr.Split(r.Mention)
	case analyzer.RemoveEntity:
		return cr.RemoveEntity(r.Entity)
	case analyzer.RemoveMention:
		return cr.RemoveMention(r.Mention)
	case analyzer.Add:
		start, end := analyzer.ByteOffset(cr.Text, r.Start), analyzer.ByteOffset(cr.Text, r.End)
		if r.End == 0 {
			var ok bool
			if start, end, ok = findUnmarked(cr.Text, cr.Result, r.Words); !ok {
				return analyzer.Correction{}, errors.New("the article has no “" + shorten(oneLine(r.Words), 40) + "” outside a mention")
			}
		}
		if r.Entity != "" {
			return cr.AddTo(start, end, r.Entity)
		}
		return cr.Add(start, end, r.Label)
	case analyzer.SetSpeaker:
		return cr.SetSpeaker(r.Quote, r.Into)
	case analyzer.RemoveSpeaker:
		return cr.RemoveSpeaker(r.Quote)
	}
	return analyzer.Correction{}, errors.New("unknown correction " + r.Op)
}

// findUnmarked finds the first occurrence of words in text, as whole
// words, that no mention overlaps: what "add" marks when the user typed
// the words rather than selected them.
func findUnmarked(text string, res *analyzer.Result, words string) (int, int, bool) {
	words = strings.TrimSpace(words)
	if words == "" {
		return 0, 0, false
	}
	marked := func(start, end int) bool {
		for _, e := range res.Entities {
			for _, m := range e.Mentions {
				if m.Start < end && start < m.End {
					return true
				}
			}
		}
		return false
	}
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], words)
		if i < 0 {
			break
		}
		start, end := from+i, from+i+len(words)
		if wordEdge(text, start) && wordEdge(text, end) && !marked(start, end) {
			return start, end, true
		}
		from = start + 1
	}
	return 0, 0, false
}

// wordEdge reports whether byte i of text is not inside a word.
func wordEdge(text string, i int) bool {
	isWord := func(b byte) bool {
		return b >= 0x80 || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
	}
	return i == 0 || i == len(text) || !isWord(text[i-1]) || !isWord(text[i])
}

// onCorrection carries out a request of the corrections panel, shows the
// corrected annotation and keeps the corrections with the article.
func (c *Annotator) onCorrection(ctx app.Context, a app.Action) {
	r, ok := a.Value.(correctionRequest)
	if !ok || c.ann == nil || c.ann.Doc == nil {
		return
	}
	if !c.corr.do(r, c.ann.Result) {
		return
	}
	if r.Op == string(analyzer.Add) {
		c.viewSel = viewSelection{}
	}
	c.showCorrected()
	c.keepCorrections(ctx)
}

// showCorrected puts the editor's document on screen in place of the
// annotation shown, keeping the run's figures and the selection if the
// entity is still there.
func (c *Annotator) showCorrected() {
	k := &c.corr
	doc, res := k.base, k.base.Result()
	if k.editor != nil {
		doc, res = k.editor.Document(), k.editor.Result()
	}
	tokens, elapsed := c.ann.Tokens, c.ann.Elapsed
	selected, wasSelected := c.ann.entity(c.selected)
	c.ann = newAnnotation(doc.Text, res)
	c.ann.Tokens, c.ann.Elapsed, c.ann.Doc = tokens, elapsed, exportable(doc)
	// Ids are the new run's: the selection follows the entity's name and
	// label, or goes.
	// A quote stays current (corrections never add or drop quotes); a mark
	// jumped to may have moved.
	if !strings.HasPrefix(c.current, "q") {
		c.current = ""
	}
	c.selected = ""
	for _, e := range res.Entities {
		if wasSelected && e.Name == selected.Name && e.Label == selected.Label {
			c.selected = e.ID
			break
		}
	}
	if c.selected == "" {
		c.mention = -1
	}
}

// keepCorrections asks the Library to keep the corrections with the
// article, saving the article there if it is not yet, unless the library
// is unavailable or holds corrections of the article it cannot read (never
// overwritten): the note says so. The Library answers with a keptNote if
// storing fails.
func (c *Annotator) keepCorrections(ctx app.Context) {
	if !c.saved.Read || c.ann == nil {
		c.corr.note += " They are not kept: the library is unavailable."
		return
	}
	if entry, ok := c.saved.Entries[articleID(c.ann.Text)]; ok {
		if _, err := entry.articleCorrections(); err != nil {
			c.corr.note += " They are not kept: the saved ones " + strings.TrimPrefix(err.Error(), "its corrections ") + "."
			return
		}
	}
	c.lasting.or(ctx).NewActionWithValue(libraryKeepAction, keepRequest{Run: refOf(c.ann), Corrections: c.shownCorrections()})
}

// shownCorrections are the corrections of the article on screen.
func (c *Annotator) shownCorrections() analyzer.Corrections {
	if c.ann == nil {
		return nil
	}
	return c.corr.corrections(c.ann.Text)
}

// onKeptNote says corrections could not be kept, if their article is
// still the one corrected.
func (c *Annotator) onKeptNote(ctx app.Context, a app.Action) {
	if n, ok := a.Value.(keptNote); ok && c.corr.base != nil && articleID(c.corr.base.Text) == n.ID {
		c.corr.note = n.Text
	}
}

// onLibrarySaved takes in what the library holds; once it has been read,
// the corrections it keeps for the article on screen apply (after a
// reload, the draft is annotated before the library is read).
func (c *Annotator) onLibrarySaved(ctx app.Context, a app.Action) {
	saved, ok := a.Value.(savedArticles)
	if !ok {
		return
	}
	first := saved.Read && !c.saved.Read
	c.saved = saved
	if first {
		c.adoptStoredCorrections()
	}
}

// storedCorrections returns the corrections the library keeps for text;
// ok is false when the library does not have the article.
func (c *Annotator) storedCorrections(text string) (analyzer.Corrections, bool) {
	entry, ok := c.saved.Entries[articleID(text)]
	if !ok || entry.Text != text {
		return nil, false
	}
	cs, err := entry.articleCorrections()
	if err != nil {
		c.corr.note = "The saved corrections of this article " + strings.TrimPrefix(err.Error(), "its corrections ")
		return nil, false
	}
	return cs, true
}

// adoptStoredCorrections applies the library's corrections of the article
// on screen once the library has loaded (after a reload, the draft is
// annotated before the library is read).
func (c *Annotator) adoptStoredCorrections() {
	k := &c.corr
	if c.ann == nil || k.base == nil || k.editor != nil || c.ann.Text != k.base.Text {
		return
	}
	cs, ok := c.storedCorrections(k.base.Text)
	if !ok || len(cs) == 0 {
		return
	}
	ed, err := analyzer.NewEditor(k.base, cs, analyzer.Options{Lang: k.lang})
	if err != nil {
		k.note = "The saved corrections could not be applied: " + err.Error()
		return
	}
	k.editor = ed
	c.showCorrected()
}
