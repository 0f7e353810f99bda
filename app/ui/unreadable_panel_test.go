package ui

import (
	"strings"
	"testing"

	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The panel lists up to maxUnreadableListed reasons and how many more,
// asks before deleting, and keeps its note in sight once the list has
// gone (after a delete).
func TestUnreadablePanelRender(t *testing.T) {
	var records []quarantined
	for range maxUnreadableListed + 2 {
		records = append(records, quarantined{From: libraryDBName + "/" + articleStore, Reason: "title is a BigInt"})
	}
	listed := app.HTMLString(&UnreadablePanel{records: records})
	if n := strings.Count(listed, "title is a BigInt"); n != maxUnreadableListed {
		t.Errorf("%d reasons listed, want %d", n, maxUnreadableListed)
	}
	for _, want := range []string{`data-count="7"`, "and 2 more", "7 saved articles could not be read.", `id="` + contract.UnreadableExport + `"`} {
		if !strings.Contains(listed, want) {
			t.Errorf("the list lacks %q", want)
		}
	}
	if strings.Contains(listed, contract.UnreadableDeleteConfirm) {
		t.Error("the confirmation shows before Delete was pressed")
	}
	asking := app.HTMLString(&UnreadablePanel{records: records, confirming: true})
	if !strings.Contains(asking, `id="`+contract.UnreadableDeleteConfirm+`"`) || strings.Contains(asking, `id="`+contract.UnreadableExport+`"`) {
		t.Error("while asking, the panel shows no confirmation or still offers the export")
	}
	done := app.HTMLString(&UnreadablePanel{note: "Deleted the records that could not be read."})
	if !strings.Contains(done, `hidden`) || !strings.Contains(done, `id="`+contract.UnreadableStatus+`"`) || !strings.Contains(done, "Deleted the records") {
		t.Errorf("after a delete the list is not hidden or the note is not shown: %s", done)
	}
}
