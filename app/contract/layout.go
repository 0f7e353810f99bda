package contract

// The page's layout: the article surface at the top, the panels beside it
// (below it, in a bottom sheet, on a phone), and the skip links to each.
const (
	// Surface is the article surface: the text box while editing, the
	// annotated view once annotated. data-mode: edit or view.
	Surface  = "surface"
	EditText = "edit-text" // back from the view to the text box
	ShowView = "show-view" // from the text box to the annotated view
	// SkipLinks is the list of skip links heading the page; each link has
	// data-skip=<panel name> (SkipArticle for the article).
	SkipLinks   = "skip-links"
	SkipAttr    = "skip"
	SkipArticle = "article"
	// PanelTabs is the tablist of the panels; PanelsRoot their container
	// (data-panel: the panel shown; data-sheet: open or closed, the
	// bottom sheet on narrow screens). Each panel's tab is TabPrefix+name
	// and its tabpanel PanelPrefix+name; a tab's data-count is its count.
	PanelTabs   = "panel-tabs"
	PanelsRoot  = "panels"
	TabPrefix   = "tab-"
	PanelPrefix = "panel-"
	SheetClose  = "sheet-close"
	// SlotInstall is the header's place for an Install button.
	SlotInstall = "install-slot"
)

// The panels, in their tabs' order.
const (
	PanelEntities    = "entities"
	PanelQuotes      = "quotes"
	PanelTerms       = "terms"
	PanelPictures    = "pictures"
	PanelCorrections = "corrections"
	PanelExport      = "export"
	PanelLibrary     = "library"
	PanelSettings    = "settings"
)

// Panels lists the panels in their tabs' order.
var Panels = []string{PanelEntities, PanelQuotes, PanelTerms, PanelPictures, PanelCorrections, PanelExport, PanelLibrary, PanelSettings}

// The selection bar over the article: the entity selected, which of its
// mentions is current ("3 of 13", data-index and data-total), and the
// buttons to move between its mentions and to clear it.
const (
	Selection      = "selection"
	MentionPrev    = "mention-prev"
	MentionNext    = "mention-next"
	MentionCount   = "mention-count"
	SelectionClear = "selection-clear"
	// EntityFilter is the search box over the entity list; the list's
	// data-shown and data-total say how many match.
	EntityFilter = "entity-filter"
)

// Whole-text replacements (the sample, clearing the box) and their undo.
const (
	ClearText = "clear-text"
	TextUndo  = "text-undo"
	TextRedo  = "text-redo"
	// TextNote says what the last replacement did (data-text-note: sample,
	// cleared, undone, redone).
	TextNote = "text-note"
)
