package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// lastingContext is a component's own context, kept from OnMount. Work
// that outlives an event (runs, IndexedDB and clipboard callbacks, actions
// sent after them) reports through it: go-app drops what is dispatched
// from an element that has gone, and list items are reused by position.
type lastingContext struct{ ctx app.Context }

// or returns the component's own context, or ctx before mount.
func (l lastingContext) or(ctx app.Context) app.Context {
	if l.ctx != nil {
		return l.ctx
	}
	return ctx
}
