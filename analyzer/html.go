package analyzer

import (
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
// language, title and style (HTMLStyle on a readable column).
func writeHTMLHead(b *strings.Builder, lang, title string) {
	b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	b.WriteString(html.EscapeString(lang))
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"Annotator\">\n<title>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</title>\n<style>\nbody{margin:2em auto;padding:0 1em;max-width:48em;color:#111;background:#fff}\n")
	b.WriteString(HTMLStyle)
	b.WriteString("\n</style>\n</head>\n<body>\n")
}

// HTMLStyle is CSS for the markup HTML writes, one colour per label.
const HTMLStyle = `.annotated{white-space:pre-wrap;line-height:1.7;font-family:Georgia,serif;max-width:46em}
.entity{padding:0 .2em;border-radius:.25em;color:#111}
.entity .label{font:bold .65em system-ui,sans-serif;margin-left:.3em;vertical-align:middle;opacity:.75}
[data-label=PER]{background:#fdd8a5}[data-label=ORG]{background:#b9e3ff}[data-label=LOC]{background:#c7f0c2}
[data-label=MISC]{background:#e4d4ff}[data-label=DATE]{background:#ffe9a8}[data-label=TIME]{background:#ffd6e7}
[data-label=NUM]{background:#e2e2e2}[data-label=MONEY]{background:#c9f2e6}[data-label=PERCENT]{background:#f3e1c8}
.entity[data-corrected]{box-shadow:inset 0 -2px 0 #111}.corrections .stale{color:#555}`

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
