package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"unicode"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// exportFormat is a way to take the annotations out of the app.
type exportFormat struct {
	Key   string // data-format of its buttons
	Name  string
	About string
	Ext   string // file name extension
	MIME  string
	Build func(a *annotation) (string, error)
}

// exportFormats are the exports offered, in order.
var exportFormats = []exportFormat{
	{"json", "JSON", "the analyzer's schema, as the command line prints it", ".json", "application/json", exportJSON},
	{"jsonld", "Web Annotations", "W3C JSON-LD, a text quote and position selector per mention and quote", ".jsonld", "application/ld+json", exportJSONLD},
	{"html", "HTML", "the article with its highlights, as a page of its own", ".html", "text/html", exportHTML},
}

// exportable keeps what the exports need of a document (its text, lang,
// dateline, mentions, entities and quotes) and drops the rest: the tokens of
// a long text take far more memory than its annotations.
func exportable(doc *analyzer.Document) *analyzer.Document {
	if doc == nil {
		return nil
	}
	return &analyzer.Document{
		Text: doc.Text, Lang: doc.Lang, Dateline: doc.Dateline,
		Mentions: doc.Mentions, Entities: doc.Entities, Quotes: doc.Quotes,
	}
}

// exportJSON is the result in the JSON schema, indented as annotate prints
// it.
func exportJSON(a *annotation) (string, error) { return indentJSON(a.Result) }

// exportJSONLD is the document as a W3C Web Annotation collection.
func exportJSONLD(a *annotation) (string, error) {
	if a.Doc == nil {
		return "", fmt.Errorf("no annotated document to export")
	}
	return indentJSON(a.Doc.WebAnnotations())
}

func indentJSON(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return b.String(), nil
}

// exportHTML is a standalone page: the article with a <mark> per mention
// (analyzer.Document.HTML, which escapes the text) and its style.
func exportHTML(a *annotation) (string, error) {
	if a.Doc == nil {
		return "", fmt.Errorf("no annotated document to export")
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	b.WriteString(html.EscapeString(a.Doc.Lang))
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"Annotator\">\n<title>")
	b.WriteString(html.EscapeString(articleTitle(a.Text)))
	b.WriteString("</title>\n<style>\nbody{margin:2em auto;padding:0 1em;max-width:48em;color:#111;background:#fff}\n")
	b.WriteString(analyzer.HTMLStyle)
	b.WriteString("\n</style>\n</head>\n<body>\n")
	b.WriteString(a.Doc.HTML())
	b.WriteString("\n</body>\n</html>\n")
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

// exportFormatByKey returns the format with the key.
func exportFormatByKey(key string) (exportFormat, bool) {
	for _, f := range exportFormats {
		if f.Key == key {
			return f, true
		}
	}
	return exportFormat{}, false
}

// exportPanel renders a copy and a download button per format, and what
// the last of them did.
func (c *Annotator) exportPanel() app.UI {
	if c.ann == nil || c.ann.Text == "" {
		return hiddenPanel("exports")
	}
	return app.Section().ID("exports").Class("panel exports").Aria("labelledby", "exports-title").Body(
		app.H2().ID("exports-title").Text("Export"),
		app.Ul().Body(
			app.Range(exportFormats).Slice(func(i int) app.UI {
				f := exportFormats[i]
				return app.Li().Class("export").DataSet("format", f.Key).Body(
					app.Div().Class("export-about").Body(
						app.Strong().Text(f.Name),
						app.Span().Class("hint").Text(" "+f.About),
					),
					app.Div().Class("export-actions").Body(
						app.Button().Type("button").Class("copy").DataSet("format", f.Key).
							Aria("label", "Copy "+f.Name).OnClick(guardEvent("copying the export", c.onCopy)).Text("Copy"),
						app.Button().Type("button").Class("download").DataSet("format", f.Key).
							Aria("label", "Download "+f.Name).OnClick(guardEvent("downloading the export", c.onDownload)).Text("Download"),
					),
				)
			}),
		),
		app.P().ID("export-status").Class("status").Aria("live", "polite").Text(c.exportNote),
	)
}

// onDownload saves an export as a file.
func (c *Annotator) onDownload(ctx app.Context, e app.Event) {
	f, content, ok := c.buildExport(ctx)
	if !ok {
		return
	}
	name := exportName(c.ann.Text, f.Ext)
	if err := downloadFile(name, f.MIME, content); err != nil {
		c.exportNote = "Could not download " + f.Name + ": " + err.Error()
		return
	}
	c.exportNote = "Downloaded " + name + "."
}

// onCopy puts an export on the clipboard.
func (c *Annotator) onCopy(ctx app.Context, e app.Event) {
	f, content, ok := c.buildExport(ctx)
	if !ok {
		return
	}
	c.exportNote = "Copying " + f.Name + "…"
	ctx = c.lastingCtx(ctx)
	copyText(content, func(err error) {
		ctx.Dispatch(guardDispatch("copying the export", func(app.Context) {
			if err != nil {
				c.exportNote = "Could not copy " + f.Name + " (" + err.Error() + "): use Download instead."
				return
			}
			c.exportNote = "Copied " + f.Name + " to the clipboard."
		}))
	})
}

// buildExport builds the export the event's button asks for.
func (c *Annotator) buildExport(ctx app.Context) (exportFormat, string, bool) {
	f, ok := exportFormatByKey(ctx.JSSrc().Get("dataset").Get("format").String())
	if !ok || c.ann == nil {
		return f, "", false
	}
	content, err := f.Build(c.ann)
	if err != nil {
		c.exportNote = "Could not export " + f.Name + ": " + err.Error()
		return f, "", false
	}
	return f, content, true
}
