package analyzer

import (
	"errors"
	"fmt"
)

// Editor keeps an article's corrections over one run of the analyzer (the
// base document): the corrected document, and the history to undo and
// redo by. Undo removes the last correction, Redo puts it back; a new
// correction clears what was undone. Every change applies the whole list
// to the base again (ApplyCorrections), so the document is always what
// the list gives. An Editor serves one goroutine.
type Editor struct {
	base   *Document
	opts   Options
	done   Corrections // in force, in order
	undone Corrections // undone, the latest last
	doc    *Document
	result *Result
}

// Errors of Editor.Do.
var (
	// ErrStale is a correction that finds nothing to apply to.
	ErrStale = errors.New("the correction does not apply")
	// ErrNoChange is a correction that would change nothing.
	ErrNoChange = errors.New("the correction changes nothing")
)

// NewEditor applies the corrections (stored with the article, say) to
// base, a whole document of a run of the analyzer; opts gives the
// language pack, as for ApplyCorrections. Corrections that no longer apply
// stay in the list, reported by Stale.
func NewEditor(base *Document, cs Corrections, opts Options) (*Editor, error) {
	e := &Editor{base: base, opts: opts}
	if _, err := e.set(cs); err != nil {
		return nil, err
	}
	return e, nil
}

// set makes cs the corrections in force.
func (e *Editor) set(cs Corrections) ([]bool, error) {
	doc, changed, err := applyCorrections(e.base, cs, e.opts)
	if err != nil {
		return nil, err
	}
	e.doc, e.result, e.done = doc, doc.Result(), Applied(doc.Corrections)
	return changed, nil
}

// Document returns the corrected document.
func (e *Editor) Document() *Document { return e.doc }

// Result returns the corrected document's JSON form, its corrections
// included.
func (e *Editor) Result() *Result { return e.result }

// Corrector makes corrections from the corrected result, what the user
// sees.
func (e *Editor) Corrector() Corrector { return Corrector{Text: e.base.Text, Result: e.result} }

// Corrections returns the corrections in force, anchored in the base's
// text: what to store with the article.
func (e *Editor) Corrections() Corrections { return append(Corrections(nil), e.done...) }

// Stale returns the corrections that no longer apply, with why.
func (e *Editor) Stale() []CorrectionResult {
	var stale []CorrectionResult
	for _, r := range e.doc.Corrections {
		if r.Stale != "" {
			stale = append(stale, r)
		}
	}
	return stale
}

// Do applies a correction after the others. One that is invalid, finds
// nothing to apply to (ErrStale) or changes nothing (ErrNoChange) is not
// kept.
func (e *Editor) Do(c Correction) error {
	next := append(e.Corrections(), c)
	doc, changed, err := applyCorrections(e.doc, next, e.opts) // the new one only
	if err != nil {
		return err
	}
	last := doc.Corrections[len(next)-1]
	switch {
	case last.Stale != "":
		return fmt.Errorf("%w: %s", ErrStale, last.Stale)
	case !changed[len(next)-1]:
		return ErrNoChange
	}
	e.doc, e.result, e.done = doc, doc.Result(), Applied(doc.Corrections)
	e.undone = nil
	return nil
}

// CanUndo reports whether there is a correction to undo.
func (e *Editor) CanUndo() bool { return len(e.done) > 0 }

// CanRedo reports whether there is an undone correction to redo.
func (e *Editor) CanRedo() bool { return len(e.undone) > 0 }

// Undo removes the last correction; false when there is none.
func (e *Editor) Undo() bool {
	n := len(e.done)
	if n == 0 {
		return false
	}
	last := e.done[n-1]
	if _, err := e.set(e.done[: n-1 : n-1]); err != nil {
		return false // the list was applied before: cannot happen
	}
	e.undone = append(e.undone, last)
	return true
}

// Redo puts back the last correction undone; false when there is none.
func (e *Editor) Redo() bool {
	n := len(e.undone)
	if n == 0 {
		return false
	}
	if _, err := e.set(append(e.Corrections(), e.undone[n-1])); err != nil {
		return false
	}
	e.undone = e.undone[:n-1]
	return true
}

// DropStale removes the corrections that no longer apply and returns how
// many there were; it cannot be undone (they changed nothing).
func (e *Editor) DropStale() int {
	var kept Corrections
	for _, r := range e.doc.Corrections {
		if r.Stale == "" {
			kept = append(kept, r.Correction)
		}
	}
	n := len(e.done) - len(kept)
	if n > 0 {
		_, _ = e.set(kept) // a sublist of a list that applied: no error
	}
	return n
}

// Rebase moves the corrections, and those undone, to a new run of the
// analyzer: over the same text (a new version of the app) or over an
// edited copy of it, whose anchors are moved past the edit (see
// Corrections.Rebase) and found again.
func (e *Editor) Rebase(base *Document) error {
	done := e.done.Rebase(e.base.Text, base.Text)
	undone := e.undone.Rebase(e.base.Text, base.Text)
	old := e.base
	e.base = base
	if _, err := e.set(done); err != nil {
		e.base = old
		return err
	}
	e.undone = undone
	return nil
}
