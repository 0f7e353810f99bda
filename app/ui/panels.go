package ui

import (
	"strconv"

	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// showPanelAction asks the page to show a panel (its value: the panel's
// name): the tabs, the skip links and the keys send it.
const showPanelAction = "panel.show"

// panelTab is a panel as its tab shows it.
type panelTab struct {
	Name, Title string
	// Count is the panel's figure, shown in its tab; "" for none.
	Count string
}

// panelTitles are the panels' tab titles.
var panelTitles = map[string]string{
	contract.PanelEntities:    "Entities",
	contract.PanelQuotes:      "Quotes",
	contract.PanelTerms:       "Terms",
	contract.PanelPictures:    "Pictures",
	contract.PanelCorrections: "Corrections",
	contract.PanelExport:      "Export",
	contract.PanelLibrary:     "Library",
	contract.PanelSettings:    "Settings",
}

// panelTabs returns the tabs with the counts of the article a (nil before
// any) and of the library's entries.
func panelTabs(a *annotation, corrections, saved int) []panelTab {
	count := map[string]int{contract.PanelLibrary: saved}
	if a != nil && a.Result != nil {
		r := a.Result
		count[contract.PanelEntities] = len(r.Entities)
		count[contract.PanelQuotes] = len(r.Quotes)
		count[contract.PanelTerms] = min(len(r.Terms), maxTerms)
		count[contract.PanelPictures] = len(a.Main)
		count[contract.PanelCorrections] = corrections
		count[contract.PanelExport] = len(exportFormats)
	}
	tabs := make([]panelTab, len(contract.Panels))
	for i, name := range contract.Panels {
		tabs[i] = panelTab{Name: name, Title: panelTitles[name]}
		if n, ok := count[name]; ok {
			tabs[i].Count = strconv.Itoa(n)
		}
	}
	return tabs
}

// panelsProps are what the panels show and whom they tell.
type panelsProps struct {
	Tabs   []panelTab
	Active string
	// SheetOpen is whether the bottom sheet is open (narrow screens only:
	// on a wide one the active panel always shows).
	SheetOpen bool
	// Bodies are the panels' contents by name.
	Bodies map[string]app.UI
	// Mounted is false on the pre-rendered page: until the app runs, the
	// tabs cannot switch, so every panel shows (web/recovery.js's "Clear
	// local data" must be in reach without Go).
	Mounted bool
	OnTab   app.EventHandler // a tab clicked: its data-panel names it
	OnClose app.EventHandler
}

// panels renders the tablist and the active panel: a side panel as high as
// the viewport on a wide screen, a bottom sheet on a phone. The arrow keys,
// Home and End move between the tabs (pageKeys).
func panels(p panelsProps) app.UI {
	sheet := "closed"
	if p.SheetOpen {
		sheet = "open"
	}
	return app.Aside().ID(contract.PanelsRoot).Class("panels").DataSet("panel", p.Active).DataSet("sheet", sheet).
		Aria("label", "What the analyzer found").Body(
		app.Div().Class("panel-bar").Body(
			app.Div().ID(contract.PanelTabs).Class("panel-tabs").Role("tablist").Aria("label", "Panels").Body(
				app.Range(p.Tabs).Slice(func(i int) app.UI {
					t := p.Tabs[i]
					on := t.Name == p.Active
					tab := app.Button().Type("button").ID(contract.TabPrefix+t.Name).Class("panel-tab").Role("tab").
						DataSet("panel", t.Name).Aria("selected", on).Aria("controls", contract.PanelPrefix+t.Name).
						TabIndex(tabIndex(on)).OnClick(p.OnTab)
					var count app.UI
					if t.Count != "" {
						count = app.Span().Class("tab-count").DataSet("count", t.Count).Text(t.Count)
						tab = tab.DataSet("count", t.Count)
					}
					return tab.Body(app.Span().Class("tab-title").Text(t.Title), count)
				}),
			),
			hideIf(app.Button().Type("button").ID(contract.SheetClose).Class("sheet-close").Aria("label", "Close the panel").
				OnClick(p.OnClose).Text("×"), !p.SheetOpen),
		),
		app.Range(p.Tabs).Slice(func(i int) app.UI {
			t := p.Tabs[i]
			return hideIf(app.Section().ID(contract.PanelPrefix+t.Name).Class("tabpanel").Role("tabpanel").
				Aria("labelledby", contract.TabPrefix+t.Name).TabIndex(-1), p.Mounted && t.Name != p.Active).Body(p.Bodies[t.Name])
		}),
	)
}

func tabIndex(on bool) int {
	if on {
		return 0
	}
	return -1
}

// hideIf gives e the hidden attribute when hide is true, and none
// otherwise: go-app pre-renders Hidden(false) as hidden="false", which
// hides.
func hideIf[T interface{ Hidden(bool) T }](e T, hide bool) T {
	if hide {
		return e.Hidden(true)
	}
	return e
}

// emptyPanel stands for a panel with nothing to show yet.
func emptyPanel(title, hint string) app.UI {
	return app.Div().Class("panel").Body(
		app.H2().Text(title),
		app.P().Class("hint").Text(hint),
	)
}

// skipLinks are the page's first Tab stops: to the article and to each
// panel (pageKeys opens the panel and moves the focus).
func skipLinks(tabs []panelTab) app.UI {
	return app.Nav().ID(contract.SkipLinks).Class("skip-links").Aria("label", "Skip to").Body(
		app.A().Href("#"+contract.Surface).DataSet(contract.SkipAttr, contract.SkipArticle).Text("Skip to the article"),
		app.Range(tabs).Slice(func(i int) app.UI {
			t := tabs[i]
			return app.A().Href("#"+contract.PanelPrefix+t.Name).DataSet(contract.SkipAttr, t.Name).Text(t.Title)
		}),
	)
}

// onTab shows the panel whose tab was clicked; on a phone, clicking the
// open panel's tab closes the sheet.
func (c *Annotator) onTab(ctx app.Context, e app.Event) {
	name := ctx.JSSrc().Get("dataset").Get("panel").String()
	if name == c.panel && c.sheetOpen && narrowScreen() {
		c.sheetOpen = false
		return
	}
	c.showPanel(name)
}

// onSheetClose closes the bottom sheet.
func (c *Annotator) onSheetClose(ctx app.Context, e app.Event) {
	c.sheetOpen = false
	ctx.Defer(guardDispatch("moving the focus", func(app.Context) { focusByID(contract.TabPrefix + c.panel) }))
}

// onShowPanel handles showPanelAction.
func (c *Annotator) onShowPanel(ctx app.Context, a app.Action) {
	name, _ := a.Value.(string)
	c.showPanel(name)
	if a.Tags.Get("focus") == "panel" {
		ctx.Defer(guardDispatch("moving the focus", func(app.Context) { focusByID(contract.PanelPrefix + name) }))
	}
}

// showPanel makes the named panel the one shown, and opens the sheet.
func (c *Annotator) showPanel(name string) {
	if _, ok := panelTitles[name]; !ok {
		return
	}
	c.panel, c.sheetOpen = name, true
}

// activePanel is the panel shown: the entities before any choice.
func (c *Annotator) activePanel() string {
	if c.panel == "" {
		return contract.PanelEntities
	}
	return c.panel
}

// narrowScreen reports whether the panels are a bottom sheet.
func narrowScreen() bool {
	return app.Window().Call("matchMedia", sheetMedia).Get("matches").Bool()
}

// sheetMedia is web/app.css's query for the bottom sheet.
const sheetMedia = "(max-width: 59.99rem)"

func focusByID(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus", map[string]any{"preventScroll": false})
	}
}
