package ui

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

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

// entryPoints are the calls that hand Go code to JavaScript or to go-app's
// event loop, to run later outside any guard: event handlers (On...),
// actions, dispatched and background work, callbacks.
func isEntryPoint(name string) bool {
	switch name {
	case "Dispatch", "Defer", "After", "Async", "Handle", "FuncOf", "AfterFunc":
		return true
	}
	return len(name) > 2 && strings.HasPrefix(name, "On") && unicode.IsUpper(rune(name[2]))
}

// Every entry from JavaScript into the app's code goes through a guard
// (boundary.go), checked in the source: what is handed to an entry point
// is a guard's wrapper, or a handler handed down by the caller (a
// parameter or a props field), and the handlers made here (function
// literals, the component's own on... methods) are only ever handed on
// wrapped. A call that must stay bare says why with a "not guarded:"
// comment on its line; one handing a handler to a function of the file
// that guards it names that function ("guarded in labelSelect").
func TestEveryEntryIsGuarded(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	// The IndexedDB package hands the browser callbacks on the UI's behalf.
	idbFiles, err := filepath.Glob("../idb/*.go")
	if err != nil || len(idbFiles) == 0 {
		t.Fatalf("no files of app/idb: %v", err)
	}
	files = append(files, idbFiles...)
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "boundary.go" {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		isGuard := func(e ast.Expr) bool {
			call, ok := e.(*ast.CallExpr)
			if !ok {
				return false
			}
			switch f := call.Fun.(type) {
			case *ast.Ident:
				return strings.HasPrefix(f.Name, "guard")
			case *ast.SelectorExpr: // idb's b.guard
				return strings.HasPrefix(f.Sel.Name, "guard")
			}
			return false
		}
		// guarding are the file's functions (declared, or literals given
		// a name) that call a guard.
		guarding := map[string]bool{}
		callsGuard := func(body ast.Node) bool {
			found := false
			ast.Inspect(body, func(n ast.Node) bool {
				if e, ok := n.(ast.Expr); ok && isGuard(e) {
					found = true
				}
				return !found
			})
			return found
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch d := n.(type) {
			case *ast.FuncDecl:
				guarding[d.Name.Name] = d.Body != nil && callsGuard(d.Body)
			case *ast.AssignStmt:
				if id, ok := d.Lhs[0].(*ast.Ident); ok && len(d.Rhs) == 1 {
					if lit, ok := d.Rhs[0].(*ast.FuncLit); ok {
						guarding[id.Name] = callsGuard(lit.Body)
					}
				}
			}
			return true
		})
		excused := map[int]bool{}
		guardedIn := regexp.MustCompile(`guarded in (\w+)`)
		for _, g := range file.Comments {
			line := fset.Position(g.Pos()).Line
			if m := guardedIn.FindStringSubmatch(g.Text()); m != nil {
				if !guarding[m[1]] {
					t.Errorf("%s:%d: says guarded in %s, which calls no guard", name, line, m[1])
				}
				excused[line] = true
			}
			if strings.Contains(g.Text(), "not guarded:") {
				excused[line] = true
			}
		}
		// ownHandler is a method value of the component's own, c.onX.
		ownHandler := func(e ast.Expr) bool {
			sel, ok := e.(*ast.SelectorExpr)
			if !ok || !strings.HasPrefix(sel.Sel.Name, "on") {
				return false
			}
			_, recv := sel.X.(*ast.Ident)
			return recv
		}
		wrapped := map[ast.Expr]bool{}
		ast.Inspect(file, func(n ast.Node) bool {
			if g, ok := n.(*ast.GoStmt); ok {
				// A goroutine is an entry of its own: its function is a
				// guard's wrapper or recovers first thing.
				checked++
				if !isGuard(g.Call.Fun) && !recoversFirst(g.Call.Fun) && !excused[fset.Position(g.Pos()).Line] {
					t.Errorf("%s: a goroutine without a guard", fset.Position(g.Pos()))
				}
				return true
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			line := fset.Position(call.Pos()).Line
			if isGuard(call) {
				for _, a := range call.Args {
					wrapped[a] = true
				}
			}
			for _, a := range call.Args {
				if ownHandler(a) && !wrapped[a] && !isGuard(call) && !excused[line] {
					t.Errorf("%s: %s handed on without a guard", fset.Position(a.Pos()), a.(*ast.SelectorExpr).Sel.Name)
				}
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || !isEntryPoint(sel.Sel.Name) || len(call.Args) == 0 {
				return true
			}
			checked++
			h := call.Args[len(call.Args)-1]
			switch {
			case isGuard(h), excused[line], recoversFirst(h):
			case ownHandler(h):
				t.Errorf("%s: %s(%s) without a guard", fset.Position(call.Pos()), sel.Sel.Name, h.(*ast.SelectorExpr).Sel.Name)
			case func() bool { _, lit := h.(*ast.FuncLit); return lit }():
				t.Errorf("%s: %s of a function literal without a guard", fset.Position(call.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
	if checked < 50 {
		t.Errorf("%d entry points found, want the app's 50 or more", checked)
	}
}

// recoversFirst reports whether e is a function literal whose first
// statement is a deferred recovering(...): guarded by hand.
func recoversFirst(e ast.Expr) bool {
	lit, ok := e.(*ast.FuncLit)
	if !ok || len(lit.Body.List) == 0 {
		return false
	}
	d, ok := lit.Body.List[0].(*ast.DeferStmt)
	if !ok {
		return false
	}
	id, ok := d.Call.Fun.(*ast.Ident)
	return ok && id.Name == "recovering"
}
