package idb

import (
	"errors"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Where there is no IndexedDB (natively, as in a browser that offers
// none), opening says so and there is nothing to delete; no callback is
// made for the browser.
func TestWithoutIndexedDB(t *testing.T) {
	guarded := 0
	b := With(func(where string, f func(app.Value, []app.Value) any) app.Func {
		guarded++
		return app.FuncOf(f)
	})
	var openErr error
	opened := false
	b.Open("annotator-test", 1, "records", nil, func(db app.Value, err error) { opened, openErr = true, err })
	if !opened || !errors.Is(openErr, ErrUnavailable) {
		t.Errorf("Open: called %v with %v, want ErrUnavailable", opened, openErr)
	}
	deleted := false
	b.Delete("annotator-test", func(err error) {
		deleted = true
		if err != nil {
			t.Errorf("Delete: %v, want nothing to delete", err)
		}
	})
	if !deleted {
		t.Error("Delete never called done")
	}
	if guarded != 0 {
		t.Errorf("%d callbacks made with nothing to call them", guarded)
	}
}
