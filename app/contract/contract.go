// Package contract names the element ids and data attributes that the
// app's code and its browser tests share, so that a renamed element breaks
// the build, not a test at run time.
package contract

// The library's list of stored records the app could not read.
const (
	Unreadable              = "unreadable"        // its root; data-count: how many
	UnreadableTitle         = "unreadable-title"  // "1 saved article could not be read."
	UnreadableExport        = "unreadable-export" // downloads them as JSON
	UnreadableDelete        = "unreadable-delete"
	UnreadableDeleteConfirm = "unreadable-delete-confirm"
	UnreadableDeleteCancel  = "unreadable-delete-cancel"
	UnreadableStatus        = "unreadable-status" // what the last export or delete did
)

// Notices of the page.
const (
	// Faults is where faults caught at the boundary are shown (role
	// alert); data-count says how many so far.
	Faults = "faults"
	// TextNotice says what the browser changed in the text on its way to
	// the analyzer (lone surrogates replaced by U+FFFD); data-replaced is
	// how many characters.
	TextNotice = "text-notice"
)

// Bounded lists: each paged list has a "show more" button with
// data-more=<list> and data-shown/data-total on the list.
const (
	ShowMore = "show-more-list" // class of the buttons
	// MoreAttr is the data attribute naming the list a button extends.
	MoreAttr = "more"
)
