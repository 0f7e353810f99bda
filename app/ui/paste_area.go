package ui

import (
	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// pasteAreaProps are what the paste area shows and whom it tells.
type pasteAreaProps struct {
	// Lang is the menu's value: analyzer.LangAuto or a language code;
	// AutoLabel names the auto entry (Auto (detected: Español)).
	Lang, AutoLabel string
	// Enabled is false until the app has mounted: the pre-rendered page
	// cannot annotate, but its text box takes a paste (web/early-text.js
	// keeps it for the app).
	Enabled                               bool
	OnInput, OnLang, OnAnnotate, OnSample app.EventHandler
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

// pasteArea renders the text box, the language menu and the buttons. The
// text box is left unbound (see Annotator).
func pasteArea(p pasteAreaProps) app.UI {
	placeholder := "Paste or type a news article. It is annotated once the analyzer has loaded."
	if p.Enabled {
		placeholder = "Paste or type a news article. It is annotated as you type."
	}
	lang := p.Lang
	if lang == "" {
		lang = analyzer.LangAuto
	}
	auto := app.Option().Value(analyzer.LangAuto).Text(p.AutoLabel)
	if lang == analyzer.LangAuto {
		auto = auto.Selected(true)
	}
	return app.Section().Class("paste").Aria("label", "Article").Body(
		app.Label().For(textID).Class("paste-label").Text("Article text"),
		app.Textarea().
			ID(textID).
			Class("paste-text").
			Rows(10).
			Spellcheck(false).
			Placeholder("%s", placeholder).
			OnInput(p.OnInput),
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
			app.Button().ID("annotate").Type("button").Class("primary").Disabled(!p.Enabled).OnClick(p.OnAnnotate).Text("Annotate"),
			app.Button().ID("sample").Type("button").Disabled(!p.Enabled).OnClick(p.OnSample).Text("Try a sample"),
		),
	)
}
