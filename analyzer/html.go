package analyzer

import (
	_ "embed"
	"html"
	"strings"
)

// HTML renders the text with a <mark> per mention (class "entity", data-label
// and data-entity attributes, data-corrected on one the user's corrections
// made, a label chip) inside <article class="annotated">.
// The text is escaped: markup in it shows as text. Line breaks are kept by the
// "white-space: pre-wrap" in HTMLStyle.
func (d *Document) HTML() string {
	var b strings.Builder
	b.Grow(len(d.Text) + len(d.Mentions)*96 + 64)
	b.WriteString(`<article class="annotated">`)
	at := 0
	for _, m := range d.Mentions {
		b.WriteString(html.EscapeString(d.Text[at:m.Start]))
		e := d.Entities[m.Entity]
		b.WriteString(`<mark class="entity" data-label="`)
		b.WriteString(string(m.Label))
		b.WriteString(`" data-entity="`)
		b.WriteString(e.ID)
		if m.Corrected {
			b.WriteString(`" data-corrected="true`)
		}
		b.WriteString(`" title="`)
		b.WriteString(html.EscapeString(e.Name))
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(d.Text[m.Start:m.End]))
		b.WriteString(`<span class="label">`)
		b.WriteString(string(m.Label))
		b.WriteString(`</span></mark>`)
		at = m.End
	}
	b.WriteString(html.EscapeString(d.Text[at:]))
	b.WriteString(`</article>`)
	return b.String()
}

// writeHTMLHead starts a standalone page of annotated articles: its
// language, title and style (HTMLStyle).
func writeHTMLHead(b *strings.Builder, lang, title string) {
	b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	b.WriteString(html.EscapeString(lang))
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"generator\" content=\"Annotator\">\n<title>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</title>\n<style>\n")
	b.WriteString(HTMLStyle)
	b.WriteString("</style>\n</head>\n<body>\n")
}

// Palette is the annotator's colours and fonts as CSS custom properties
// (palette.css): the app's page links it, and HTMLStyle starts with it, so
// the export looks like the app in either colour scheme.
//
//go:embed palette.css
var Palette string

// HTMLStyle is the CSS of a page of HTML's markup: the palette, then the
// app's look for the text and its marks (a readable column, a highlight
// and a chip per label).
var HTMLStyle = Palette + htmlRules

const htmlRules = `
body{margin:2em auto;padding:0 1em;max-width:48em;font:16px/1.5 var(--font);color:var(--ink);background:var(--paper)}
h2{font-size:1.0625rem;color:var(--brand)}
.annotated{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.0625rem;line-height:2}
.entity{padding:.1em .25em;border-radius:.25em;color:inherit;background:var(--bg);-webkit-box-decoration-break:clone;box-decoration-break:clone}
.entity .label{margin-left:.35em;padding:.1em .35em;font-size:.6em;font-weight:700;letter-spacing:.04em;line-height:1;vertical-align:.15em;color:var(--chip-ink);background:var(--fg);border-radius:.25em}
.entity[data-corrected]{box-shadow:inset 0 -2px 0 var(--ink)}.corrections .stale{color:var(--muted)}
@media print{.entity,.entity .label{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`

// writeHTMLCorrections lists the user's corrections under an article, in
// the order made, each in words, a stale one saying why it was not
// applied.
func writeHTMLCorrections(b *strings.Builder, corrections []CorrectionResult) {
	if len(corrections) == 0 {
		return
	}
	b.WriteString("<section class=\"corrections\">\n<h3>Corrections</h3>\n<ol>\n")
	for _, c := range corrections {
		b.WriteString("<li")
		if c.Stale != "" {
			b.WriteString(` class="stale"`)
		}
		b.WriteString(">")
		b.WriteString(html.EscapeString(strings.ToUpper(c.String()[:1]) + c.String()[1:]))
		b.WriteString("</li>\n")
	}
	b.WriteString("</ol>\n</section>\n")
}
