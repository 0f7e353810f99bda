package ui

import (
	"strings"
	"testing"

	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The pre-rendered page, before the app runs, shows the text box and every
// panel: go-app writes Hidden(false) as hidden="false", which hides.
func TestPrerenderedPageShowsTheBoxAndThePanels(t *testing.T) {
	html := app.HTMLString(&Annotator{})
	if n := strings.Count(html, `hidden="false"`); n > 0 {
		t.Errorf("the pre-rendered page has %d hidden=\"false\" attributes: each hides its element", n)
	}
	for _, id := range append([]string{textID}, contract.Panels...) {
		if id != textID {
			id = contract.PanelPrefix + id
		}
		if !strings.Contains(html, `id="`+id+`"`) {
			t.Errorf("the pre-rendered page lacks #%s", id)
		}
	}
}
