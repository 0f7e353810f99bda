package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// takeEarlyText puts what the user pasted or typed into the pre-rendered
// page, before the program ran (web/early-text.js kept it: mounting
// replaced that page), into the mounted text box, with the caret and focus
// it had, and has it annotated as any input is. The saved draft then
// stays saved: LocalData restores it only into an empty box.
func takeEarlyText(ctx app.Context) {
	take := app.Window().Get("annotatorTakeEarlyText")
	if take.Type() != app.TypeFunction {
		return
	}
	var early app.Value
	if err := catchJS(func() { early = take.Invoke() }); err != nil || !early.Truthy() {
		return
	}
	ctx.Defer(guardDispatch("taking the text pasted early", func(app.Context) {
		text := app.Window().GetElementByID(textID)
		if !text.Truthy() || textLength(text.Get("value")) > 0 {
			return
		}
		text.Set("value", early.Get("text"))
		if early.Get("focused").Truthy() {
			catchJS(func() {
				text.Call("focus")
				text.Call("setSelectionRange", early.Get("start"), early.Get("end"))
			})
		}
		text.Call("dispatchEvent", app.Window().Get("Event").New("input", map[string]any{"bubbles": true}))
	}))
}
