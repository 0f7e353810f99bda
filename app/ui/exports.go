package ui

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"annotator/analyzer"
	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// exportFormat is a way to take the annotations out of the app: one of the
// analyzer's formats (the command line's), with what its buttons say.
type exportFormat struct {
	analyzer.Format        // Name is the data-format of its buttons
	Label           string // shown on its buttons
	About           string
}

// exportFormats are the exports offered, in order: the formats of one
// article.
var exportFormats = []exportFormat{
	{appFormat("json"), "JSON", "the analyzer's schema, as the command line prints it"},
	{appFormat("jsonld"), "Web Annotations", "W3C JSON-LD, a text quote and position selector per mention and quote"},
	{appFormat("html"), "HTML", "the article with its highlights, as a page of its own"},
}

func appFormat(name string) analyzer.Format {
	f, ok := analyzer.FormatNamed(name)
	if !ok {
		panic("analyzer has no format " + name)
	}
	return f
}

// exportable keeps what the exports need of a document and the result
// does not hold (its text, its language and how it was chosen, dateline,
// quotes, corrections, and the mentions labelled otherwise than their
// entity: a known alias joins an organisation's DPRK to the place North
// Korea) and drops the rest: the tokens of a long text take far more
// memory than its annotations, and its mentions and entities are the
// result's too (exportDocument puts them back when an export is asked
// for; 100,000 lines naming people have 105,000 mentions, 12.6 times the
// text in memory).
func exportable(doc *analyzer.Document) *analyzer.Document {
	if doc == nil {
		return nil
	}
	var relabelled []analyzer.Mention
	for _, m := range doc.Mentions {
		if m.Entity >= 0 && m.Entity < len(doc.Entities) && m.Label != doc.Entities[m.Entity].Label {
			relabelled = append(relabelled, m)
		}
	}
	return &analyzer.Document{
		Text: doc.Text, Lang: doc.Lang, LangSource: doc.LangSource, LangReason: doc.LangReason, Dateline: doc.Dateline,
		Quotes: doc.Quotes, Corrections: doc.Corrections, Mentions: relabelled,
	}
}

// exportDocument is the annotation's exportable document with its
// mentions and entities rebuilt from the result: the entities in the
// result's order (the quotes' speakers index them), the mentions in text
// order, as the analyzer's document has them (they never overlap), each
// with its entity's label or the one exportable kept for it.
func exportDocument(a *annotation) *analyzer.Document {
	if a.Doc == nil || a.Result == nil {
		return a.Doc
	}
	doc := *a.Doc
	type ref struct{ entity, mention int }
	var refs []ref
	for i, e := range a.Result.Entities {
		for j := range e.Mentions {
			refs = append(refs, ref{i, j})
		}
	}
	at := func(r ref) analyzer.MentionResult { return a.Result.Entities[r.entity].Mentions[r.mention] }
	slices.SortStableFunc(refs, func(x, y ref) int {
		mx, my := at(x), at(y)
		return cmp.Or(cmp.Compare(mx.Start, my.Start), cmp.Compare(mx.End, my.End))
	})
	doc.Entities = make([]analyzer.Entity, len(a.Result.Entities))
	for i, e := range a.Result.Entities {
		doc.Entities[i] = analyzer.Entity{ID: e.ID, Label: e.Label, Name: e.Name, Salience: e.Salience, Mentions: make([]int, len(e.Mentions))}
	}
	relabelled := a.Doc.Mentions
	doc.Mentions = make([]analyzer.Mention, len(refs))
	for k, r := range refs {
		m, e := at(r), &doc.Entities[r.entity]
		label := e.Label
		for len(relabelled) > 0 && relabelled[0].Start < m.Start {
			relabelled = relabelled[1:]
		}
		if len(relabelled) > 0 && relabelled[0].Span == (analyzer.Span{Start: m.Start, End: m.End}) {
			label = relabelled[0].Label
		}
		doc.Mentions[k] = analyzer.Mention{Span: analyzer.Span{Start: m.Start, End: m.End}, Label: label, Entity: r.entity, Value: m.Value, Unresolved: m.Unresolved, Corrected: m.Corrected}
		e.Mentions[r.mention] = k
	}
	return &doc
}

// build writes the annotation in the format: the result as the analyzer
// gave it, the exportable document, the article's title for a page.
func (f exportFormat) build(a *annotation) (string, error) {
	var b strings.Builder
	article := analyzer.Article{Title: articleTitle(a.Text), Doc: exportDocument(a), Result: a.Result}
	if err := f.Write(&b, []analyzer.Article{article}); err != nil {
		return "", err
	}
	return b.String(), nil
}

// exportName is the file name of an export: the article's title as a slug
// of at most maxSlug bytes, cut between words ("china-confirms-xi-jinping...")
// and the format's extension.
func exportName(text, ext string) string {
	if strings.TrimSpace(text) == "" {
		return "article" + ext
	}
	var b strings.Builder
	dash := false
	for _, r := range articleTitle(text) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(unicode.ToLower(r))
	}
	slug := b.String()
	if len(slug) > maxSlug {
		slug = slug[:maxSlug+1]
		if i := strings.LastIndexByte(slug, '-'); i > 0 {
			slug = slug[:i]
		} else {
			slug = strings.ToValidUTF8(slug[:maxSlug], "")
		}
	}
	if slug == "" {
		return "article" + ext
	}
	return slug + ext
}

// maxSlug is the longest an export's name gets before its extension.
const maxSlug = 60

// exportFormatNamed returns the offered format with the name.
func exportFormatNamed(name string) (exportFormat, bool) {
	for _, f := range exportFormats {
		if f.Name == name {
			return f, true
		}
	}
	return exportFormat{}, false
}

// ExportPanel offers a copy and a download button per format for the run
// on screen, and says what the last of them did.
type ExportPanel struct {
	app.Compo

	Run runRef // the run on screen (Annotator)

	// note is what the last copy or download did, shown while the text
	// it exported, noteOn, is on screen.
	note, noteOn string
	lasting      lastingContext // a copy finishes after its click
}

func (p *ExportPanel) OnMount(ctx app.Context) { p.lasting.ctx = ctx }

// say sets the note, about the text on screen.
func (p *ExportPanel) say(note string) {
	p.note, p.noteOn = note, ""
	if p.Run.ann != nil {
		p.noteOn = p.Run.ann.Text
	}
}

// shownNote is the note if it is about the text on screen.
func (p *ExportPanel) shownNote() string {
	if p.Run.ann == nil || p.Run.ann.Text != p.noteOn {
		return ""
	}
	return p.note
}

func (p *ExportPanel) Render() app.UI {
	if p.Run.ann == nil || p.Run.ann.Text == "" {
		return hiddenPanel("exports")
	}
	return app.Section().ID("exports").Class("panel exports").Aria("labelledby", "exports-title").Body(
		app.H2().ID("exports-title").Text("Export"),
		app.Ul().Body(
			app.Range(exportFormats).Slice(func(i int) app.UI {
				f := exportFormats[i]
				return app.Li().Class("export").DataSet("format", f.Name).Body(
					app.Div().Class("export-about").Body(
						app.Strong().Text(f.Label),
						app.Span().Class("hint").Text(" "+f.About),
					),
					app.Div().Class("export-actions").Body(
						app.Button().Type("button").Class("copy").DataSet("format", f.Name).
							Aria("label", "Copy "+f.Label).OnClick(guardEvent("copying the export", p.onCopy)).Text("Copy"),
						app.Button().Type("button").Class("download").DataSet("format", f.Name).
							Aria("label", "Download "+f.Label).OnClick(guardEvent("downloading the export", p.onDownload)).Text("Download"),
					),
				)
			}),
		),
		app.Div().Class("export print-export").Body(
			app.Div().Class("export-about").Body(
				app.Strong().Text("Print"),
				app.Span().Class("hint").Text(" the article with its marks and legend, then every entity and quote; or save it as PDF"),
			),
			app.Div().Class("export-actions").Body(
				app.Button().ID(contract.PrintButton).Type("button").OnClick(guardEvent("printing", onPrint)).Text("Print…"),
			),
		),
		app.P().ID("export-status").Class("status").Aria("live", "polite").Text(p.shownNote()),
		noPermalinkNote(),
	)
}

// onPrint asks PrintReport for its full lists and the print dialog.
func onPrint(ctx app.Context, e app.Event) { ctx.NewAction(printAction) }

// noPermalinkNote says why there is no link to share: the help's word on
// it, wherever the layout puts it.
func noPermalinkNote() app.UI {
	return app.P().ID(contract.NoPermalink).Class("hint no-permalink").Text(
		"No share link: a link that opens this article would have to carry its text, and the text never leaves this device. To share, send an export.")
}

// onDownload saves an export as a file.
func (p *ExportPanel) onDownload(ctx app.Context, e app.Event) {
	f, content, ok := p.buildExport(ctx)
	if !ok {
		return
	}
	name := exportName(p.Run.ann.Text, f.Ext)
	if err := downloadFile(name, f.MIME, content); err != nil {
		p.say("Could not download " + f.Label + ": " + err.Error())
		return
	}
	p.say("Downloaded " + name + ".")
}

// onCopy puts an export on the clipboard.
func (p *ExportPanel) onCopy(ctx app.Context, e app.Event) {
	f, content, ok := p.buildExport(ctx)
	if !ok {
		return
	}
	p.say("Copying " + f.Label + "…")
	copied := p.noteOn // the text copied, whatever is on screen when the copy ends
	ctx = p.lasting.or(ctx)
	copyText(content, func(err error) {
		ctx.Dispatch(guardDispatch("copying the export", func(app.Context) {
			if err != nil {
				p.note, p.noteOn = "Could not copy "+f.Label+" ("+err.Error()+"): use Download instead.", copied
				return
			}
			p.note, p.noteOn = "Copied "+f.Label+" to the clipboard.", copied
		}))
	})
}

// buildExport builds the export the event's button asks for.
func (p *ExportPanel) buildExport(ctx app.Context) (exportFormat, string, bool) {
	f, ok := exportFormatNamed(dataAttr(ctx, "format"))
	if !ok || p.Run.ann == nil {
		return f, "", false
	}
	content, err := f.build(p.Run.ann)
	if err != nil {
		p.say("Could not export " + f.Label + ": " + err.Error())
		return f, "", false
	}
	return f, content, true
}
