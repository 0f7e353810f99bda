package contract

// Getting text in and out (app/ui's Intake, the print report and the
// export panel's note).
const (
	// Intake is the root of the intake controls; data-intake says what
	// the last paste or file did: idle, cleaned (a rich paste or a file
	// became plain text), raw (undone: the paste or file as it was),
	// opened (a plain file), undone (the box as before), error.
	Intake         = "intake"
	IntakeStatus   = "intake-status"   // what happened, announced politely
	IntakeUndo     = "intake-undo"     // back to the paste as it was (the browser's own undo)
	IntakeRedo     = "intake-redo"     // forward again
	OpenFile       = "open-file"       // the button that opens a file
	OpenFileInput  = "open-file-input" // its hidden file input
	DropZone       = "drop-zone"       // shown while a file is dragged over the page; data-active="1"
	PrintReport    = "print-report"    // the print-only lists after the article
	PrintLegend    = "print-legend"    // the print-only legend before it
	PrintButton    = "print"           // prints the article with the full lists
	NoPermalink    = "no-permalink"    // the note that no link can carry the text
	IntakeStateAtt = "intake"          // the data attribute of Intake's root
)
