package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Each guard recovers from a panic in what it wraps and reports it, with
// what the app was doing, to the page's sink.
func TestGuardsReportPanics(t *testing.T) {
	var got []fault
	defer setFaultSink(func(f fault) { got = append(got, f) })()
	var failed error
	guardEvent("clicking", func(app.Context, app.Event) { panic("boom") })(nil, app.Event{})
	guardAction("acting", func(app.Context, app.Action) { panic(errors.New("bad value")) })(nil, app.Action{})
	guardDispatch("dispatching", func(app.Context) { var m map[string]int; m["x"]++ })(nil)
	guardAsync("working", func() { panic("late") }, func(err error) { failed = err })()
	guardDispatch("calm", func(app.Context) {})(nil)
	want := []string{"clicking", "acting", "dispatching", "working"}
	if len(got) != len(want) {
		t.Fatalf("%d faults reported, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Where != w || got[i].Err == nil {
			t.Errorf("fault %d is %+v, want one while %s", i, got[i], w)
		}
	}
	if !strings.Contains(got[1].String(), "bad value") || !strings.Contains(got[1].String(), "keeps running") {
		t.Errorf("the fault says %q", got[1].String())
	}
	if failed == nil || !strings.Contains(failed.Error(), "late") {
		t.Errorf("guardAsync's failed got %v, want the panic", failed)
	}
}
