package ui

import (
	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// pasteAreaProps are what the text box shows and whom it tells.
type pasteAreaProps struct {
	Hidden bool // the surface shows the annotated view
	// Enabled is false until the app has mounted: the pre-rendered page
	// cannot annotate, but its text box takes a paste (web/early-text.js
	// keeps it for the app).
	Enabled bool
	OnInput app.EventHandler
}

// autoLabel names the menu's auto entry after the last run: the language
// detected, or the one fallen back to and why.
func autoLabel(a *annotation) string {
	if a == nil || a.Result == nil {
		return "Auto (detect)"
	}
	switch r := a.Result; r.LangSource {
	case analyzer.LangDetected:
		return "Auto (detected: " + languageName(r.Lang) + ")"
	case analyzer.LangFallback:
		return "Auto (undecided: " + languageName(r.Lang) + ")"
	}
	return "Auto (detect)"
}

// pasteArea renders the text box, left unbound (see Annotator). It stays
// in the page while hidden: the draft, the intake and the runs read it.
func pasteArea(p pasteAreaProps) app.UI {
	placeholder := "Paste or type a news article. It is annotated once the analyzer has loaded."
	if p.Enabled {
		placeholder = "Paste or type a news article, or drop a .txt, .md or .html file. It is annotated as you type."
	}
	return hideIf(app.Div().Class("paste"), p.Hidden).Body(
		app.Label().For(textID).Class("paste-label").Text("Article text"),
		app.Textarea().
			ID(textID).
			Class("paste-text").
			Rows(14).
			Spellcheck(false).
			Placeholder("%s", placeholder).
			OnInput(p.OnInput),
	)
}

// settingsProps are what the settings panel shows and whom it tells.
type settingsProps struct {
	// Lang is the menu's value: analyzer.LangAuto or a language code;
	// AutoLabel names the auto entry (Auto (detected: Español)); Note
	// says which language the text on screen was read in, and why.
	Lang, AutoLabel, Note string
	Enabled               bool
	OnLang                app.EventHandler
}

// settingsPanel renders the language menu, what language the text was read
// in, the language downloads and the local data.
func settingsPanel(p settingsProps) app.UI {
	lang := p.Lang
	if lang == "" {
		lang = analyzer.LangAuto
	}
	auto := app.Option().Value(analyzer.LangAuto).Text(p.AutoLabel)
	if lang == analyzer.LangAuto {
		auto = auto.Selected(true)
	}
	return app.Div().ID("settings").Class("panel settings").Body(
		app.H2().Text("Settings"),
		app.Div().Class("controls").Body(
			app.Label().For("lang").Class("lang-label").Text("Language"),
			app.Select().ID("lang").Class("lang").Disabled(!p.Enabled).OnChange(p.OnLang).Body(
				auto,
				app.Range(languages).Slice(func(i int) app.UI {
					l := languages[i]
					opt := app.Option().Value(l.Code).Lang(l.Code).Text(l.Name)
					if l.Code == lang {
						// Only when true: go-app pre-renders selected="false" as selected.
						opt = opt.Selected(true)
					}
					return opt
				}),
			),
		),
		hideIf(app.P().ID("lang-note").Class("hint"), p.Note == "").Text(p.Note), // always there: a shift would mount the components below afresh
		&OfflineLanguages{},
		&LocalData{},
	)
}
