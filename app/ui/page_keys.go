package ui

import (
	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// listenPageKeys handles the page's keys and skip links in listeners of
// the document's own: go-app's event handlers run after the event, too
// late to keep the browser from scrolling or following a link.
//
//   - Escape clears the selection (or closes the bottom sheet).
//   - N and P step through the selected entity's mentions.
//   - In the article view, the arrow keys, Home and End move between the
//     marks (the view is one Tab stop), Enter or Space selects one.
//   - In the tablist, the arrow keys, Home and End move between the tabs.
//   - Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) outside a text field undo and redo
//     the last replacement of the whole text (the sample, clearing it), or
//     the box's last edit while the view hides it.
//   - A skip link opens its panel and moves the focus there.
func (c *Annotator) listenPageKeys() (remove func()) {
	dispatch := func(f func(app.Context)) {
		if c.lasting.ctx != nil {
			c.lasting.ctx.Dispatch(guardDispatch("handling a key", f))
		}
	}
	onKey := guardFunc("handling a key", func(this app.Value, args []app.Value) any {
		e := args[0]
		target := e.Get("target")
		if !target.Truthy() || !target.Get("closest").Truthy() {
			return nil
		}
		key := e.Get("key").String()
		ctrl := e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()
		editable := target.Call("closest", "input, textarea, select, [contenteditable]").Truthy()
		switch {
		case key == "Escape":
			if target.Call("closest", ".choose-menu, [role=dialog]").Truthy() {
				return nil
			}
			dispatch(func(app.Context) {
				switch {
				case c.selected != "":
					c.clearSelection()
				case c.sheetOpen && narrowScreen():
					c.sheetOpen = false
				}
			})
		case target.Call("getAttribute", "role").String() == "tab":
			if next := stepTab(target.Get("dataset").Get("panel").String(), key); next != "" {
				e.Call("preventDefault")
				dispatch(func(ctx app.Context) {
					c.showPanel(next)
					ctx.Defer(guardDispatch("moving the focus", func(app.Context) { focusByID(contract.TabPrefix + next) }))
				})
			}
		case !ctrl && target.Call("closest", "#view").Truthy():
			if moveInView(target, key) {
				e.Call("preventDefault")
				return nil
			}
			if (key == "Enter" || key == " ") && target.Get("tagName").String() == "MARK" {
				e.Call("preventDefault")
				target.Call("click")
				return nil
			}
			fallthrough
		case !ctrl && !editable && !e.Get("altKey").Bool():
			switch key {
			case "n", "N", "]":
				dispatch(func(ctx app.Context) { c.stepMention(ctx, 1) })
			case "p", "P", "[":
				dispatch(func(ctx app.Context) { c.stepMention(ctx, -1) })
			}
		case ctrl && !editable && !target.Call("closest", "#corrections").Truthy():
			redo := key == "y" || key == "Y" || ((key == "z" || key == "Z") && e.Get("shiftKey").Bool())
			undo := !redo && (key == "z" || key == "Z")
			if !undo && !redo {
				return nil
			}
			command := "undo"
			if redo {
				command = "redo"
			}
			switch {
			case (undo && c.textNote.Undo) || (redo && c.textNote.Redo):
				e.Call("preventDefault")
				dispatch(func(ctx app.Context) { c.textStep(ctx, command) })
			case !c.editing(): // the box is hidden behind the view: its own history (a paste, a file)
				e.Call("preventDefault")
				historyStep(textID, command)
				if box := app.Window().GetElementByID(textID); box.Truthy() {
					box.Call("blur")
				}
			}
		}
		return nil
	})
	onClick := guardFunc("following a skip link", func(this app.Value, args []app.Value) any {
		e := args[0]
		target := e.Get("target")
		if !target.Truthy() || !target.Get("closest").Truthy() {
			return nil
		}
		link := target.Call("closest", "a[data-"+contract.SkipAttr+"]")
		if !link.Truthy() {
			return nil
		}
		e.Call("preventDefault")
		e.Call("stopPropagation") // go-app's own link handler would navigate
		name := link.Get("dataset").Get(contract.SkipAttr).String()
		dispatch(func(ctx app.Context) {
			if name == contract.SkipArticle {
				ctx.Defer(guardDispatch("moving the focus", func(app.Context) {
					if c.editing() {
						focusByID(textID)
					} else {
						focusByID("view")
					}
				}))
				return
			}
			c.showPanel(name)
			ctx.Defer(guardDispatch("moving the focus", func(app.Context) { focusByID(contract.PanelPrefix + name) }))
		})
		return nil
	})
	removeKey, removeClick := listenDocument(onKey, "keydown"), listenDocument(onClick, "click")
	return func() { removeKey(); removeClick() }
}

// stepTab returns the tab the key moves to from the named one, "" if the
// key does not move.
func stepTab(from, key string) string {
	at := -1
	for i, name := range contract.Panels {
		if name == from {
			at = i
		}
	}
	if at < 0 {
		return ""
	}
	n := len(contract.Panels)
	switch key {
	case "ArrowRight", "ArrowDown":
		at = (at + 1) % n
	case "ArrowLeft", "ArrowUp":
		at = (at + n - 1) % n
	case "Home":
		at = 0
	case "End":
		at = n - 1
	default:
		return ""
	}
	return contract.Panels[at]
}

// moveInView moves the focus between the view's marks by the key, and
// reports whether the key was one that moves.
func moveInView(target app.Value, key string) bool {
	switch key {
	case "ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp", "Home", "End":
	default:
		return false
	}
	marks := app.Window().Get("document").Call("querySelectorAll", "#view mark")
	n := marks.Get("length").Int()
	if n == 0 {
		return false
	}
	at := -1
	if target.Get("tagName").String() == "MARK" {
		for i := 0; i < n; i++ {
			if marks.Index(i).Equal(target) {
				at = i
				break
			}
		}
	}
	switch key {
	case "ArrowRight", "ArrowDown":
		at++
	case "ArrowLeft", "ArrowUp":
		if at < 0 {
			at = n
		}
		at--
	case "Home":
		at = 0
	case "End":
		at = n - 1
	}
	at = min(max(at, 0), n-1)
	marks.Index(at).Call("focus")
	return true
}
