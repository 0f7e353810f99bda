// Package intake turns what a user brings to the annotator (a Markdown
// file or paste, a text file's bytes) into the plain text the analyzer
// reads. It is plain Go, without syscall/js: the browser's side (the
// clipboard, the File API, HTML through DOMParser and Readability in
// web/intake.js) lives in app/ui.
package intake

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MarkdownToText returns Markdown's text without its syntax: headings
// without their #s or underlines, emphasis, code and strike-through marks
// dropped, links and images reduced to their text, reference definitions,
// HTML comments and rules removed, block quote and bullet markers taken
// off, fenced code kept without its fences, backslash escapes resolved. A
// front matter block (YAML between --- lines, as static site generators
// and CMSs write) gives its title, if it has one, as the first line; the
// rest of it goes. Blocks are separated by a blank line.
func MarkdownToText(src string) string {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	lines := strings.Split(src, "\n")
	var title string
	lines, title = frontMatter(lines)

	var out []string // lines of text; "" separates blocks
	if title != "" {
		out = append(out, title, "")
	}
	var fence string // the open code fence (``` or ~~~), if any
	comment := false // inside an HTML comment
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if fence != "" {
			if t := strings.TrimSpace(line); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
				out = append(out, "")
				continue
			}
			out = append(out, line)
			continue
		}
		if comment {
			if _, after, ok := strings.Cut(line, "-->"); ok {
				comment = false
				line = after
			} else {
				continue
			}
		}
		line = stripComments(line, &comment)
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			out = append(out, "")
			continue
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = t[:3]
			out = append(out, "")
			continue
		case isRule(t):
			out = append(out, "")
			continue
		case isReferenceDefinition(t):
			continue
		case isTableDelimiter(t):
			continue
		}
		if i+1 < len(lines) && isSetextUnderline(lines[i+1]) && !isListItem(t) {
			out = append(out, "", inline(t), "")
			i++
			continue
		}
		out = append(out, block(t)...)
	}
	return joinBlocks(out)
}

// block turns one line of Markdown outside code into text lines: a
// heading becomes a block of its own; quote and bullet markers go.
func block(t string) []string {
	for {
		rest, ok := strings.CutPrefix(t, ">")
		if !ok {
			break
		}
		t = strings.TrimSpace(rest)
	}
	if t == "" {
		return []string{""}
	}
	if h, ok := atxHeading(t); ok {
		return []string{"", inline(h), ""}
	}
	if rest, ok := bulletItem(t); ok {
		t = rest
	}
	if isTableRow(t) {
		t = tableRow(t)
	}
	if end := strings.Index(t, "]:"); strings.HasPrefix(t, "[^") && end > 2 {
		t = t[end+2:] // a footnote's text, without its label
	}
	return []string{strings.TrimSpace(inline(t))}
}

// joinBlocks joins text lines, one blank line at most between blocks and
// none at the ends, lines without trailing spaces (Markdown's hard break).
func joinBlocks(lines []string) string {
	var b strings.Builder
	blank := false
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		l = strings.TrimSuffix(l, "\\") // a backslash hard break
		if strings.TrimSpace(l) == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(l)
	}
	return b.String()
}

// frontMatter removes a leading YAML front matter block and returns its
// title field, unquoted.
func frontMatter(lines []string) ([]string, string) {
	if len(lines) == 0 || strings.TrimSpace(strings.TrimPrefix(lines[0], "\ufeff")) != "---" {
		return lines, ""
	}
	for i := 1; i < len(lines); i++ {
		if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
			title := ""
			for _, l := range lines[1:i] {
				if v, ok := strings.CutPrefix(l, "title:"); ok {
					title = unquoteYAML(strings.TrimSpace(v))
				}
			}
			return lines[i+1:], title
		}
	}
	return lines, "" // no closing line: not front matter
}

func unquoteYAML(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		if v[0] == '"' {
			return strings.ReplaceAll(v[1:len(v)-1], `\"`, `"`)
		}
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	return v
}

// stripComments removes HTML comments from a line, noting in open whether
// one goes on past it.
func stripComments(line string, open *bool) string {
	for {
		before, after, ok := strings.Cut(line, "<!--")
		if !ok {
			return line
		}
		_, rest, closed := strings.Cut(after, "-->")
		if !closed {
			*open = true
			return before
		}
		line = before + rest
	}
}

// atxHeading returns a "# Heading #" line's text.
func atxHeading(t string) (string, bool) {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ' && t[n] != '\t') {
		return "", false
	}
	h := strings.TrimSpace(t[n:])
	// A closing sequence of #s, after a space, goes too.
	if trimmed := strings.TrimRight(h, "#"); trimmed != h && (trimmed == "" || strings.HasSuffix(trimmed, " ")) {
		h = strings.TrimSpace(trimmed)
	}
	return h, true
}

// isSetextUnderline reports whether a line underlines the one above as a
// heading (=== or ---).
func isSetextUnderline(line string) bool {
	t := strings.TrimSpace(line)
	return len(t) >= 2 && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "")
}

// isRule reports whether a line is a thematic break: three or more *, -
// or _, spaces allowed between.
func isRule(t string) bool {
	s := strings.ReplaceAll(t, " ", "")
	if len(s) < 3 {
		return false
	}
	return strings.Trim(s, "*") == "" || strings.Trim(s, "-") == "" || strings.Trim(s, "_") == ""
}

// isReferenceDefinition reports whether a line defines a link reference
// ("[id]: https://…") or a footnote's target address.
func isReferenceDefinition(t string) bool {
	if !strings.HasPrefix(t, "[") || strings.HasPrefix(t, "[^") {
		return false
	}
	end := strings.Index(t, "]:")
	return end > 1 && !strings.ContainsAny(t[1:end], "[]")
}

// bulletItem returns a bullet list item's text ("- item", "* item",
// "+ item", "- [x] task"); ordered items keep their numbers, which the
// text may refer to.
func bulletItem(t string) (string, bool) {
	if len(t) < 2 || !strings.ContainsRune("-*+", rune(t[0])) || (t[1] != ' ' && t[1] != '\t') {
		return "", false
	}
	rest := strings.TrimSpace(t[2:])
	for _, box := range []string{"[ ] ", "[x] ", "[X] "} {
		rest = strings.TrimPrefix(rest, box)
	}
	return rest, true
}

func isListItem(t string) bool {
	_, ok := bulletItem(t)
	return ok
}

// isTableRow reports whether a line is a row of a pipe table.
func isTableRow(t string) bool {
	return strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && len(t) > 1
}

// isTableDelimiter reports whether a line is a pipe table's delimiter row
// (| --- | :-: |).
func isTableDelimiter(t string) bool {
	if !strings.Contains(t, "-") || !strings.Contains(t, "|") {
		return false
	}
	return strings.Trim(t, "|-: \t") == ""
}

// tableRow joins a table row's cells with tabs.
func tableRow(t string) string {
	cells := strings.Split(strings.Trim(t, "|"), "|")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return strings.Join(cells, "\t")
}

// inline removes the inline syntax of a line: emphasis, strike-through and
// code marks, links and images (their text stays), autolinks (their
// address stays), footnote references, and backslash escapes.
func inline(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i += 2
			continue
		case c == '`':
			n := run(s, i, '`')
			if end := strings.Index(s[i+n:], strings.Repeat("`", n)); end >= 0 {
				code := s[i+n : i+n+end]
				if len(code) > 2 && code[0] == ' ' && code[len(code)-1] == ' ' {
					code = code[1 : len(code)-1]
				}
				b.WriteString(code)
				i += n + end + n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if text, next, ok := link(s, i+1); ok {
				_ = text // an image's alt text describes a picture, not the article
				i = next
				continue
			}
		case c == '[':
			if strings.HasPrefix(s[i:], "[^") {
				if end := strings.IndexByte(s[i:], ']'); end > 0 && !strings.ContainsAny(s[i+2:i+end], " [") {
					i += end + 1
					continue
				}
			}
			if text, next, ok := link(s, i); ok {
				b.WriteString(inline(text))
				i = next
				continue
			}
		case c == '<':
			if end := strings.IndexByte(s[i:], '>'); end > 0 {
				inner := s[i+1 : i+end]
				if isAutolink(inner) {
					b.WriteString(strings.TrimPrefix(inner, "mailto:"))
					i += end + 1
					continue
				}
			}
		case c == '*' || c == '_' || c == '~':
			n := run(s, i, c)
			if c == '~' && n != 2 {
				break
			}
			if delimiter(s, i, n, c) {
				i += n
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// run counts the bytes equal to c from s[i].
func run(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// delimiter reports whether the run of n emphasis characters c at s[i]
// opens or closes emphasis, as CommonMark's flanking rules say: an opener
// is followed by a non-space, a closer preceded by one, and _ does not
// work inside a word (snake_case stays). A run with no partner on the
// line is text.
func delimiter(s string, i, n int, c byte) bool {
	before, after := prevRune(s, i), nextRune(s, i+n)
	opens := after != 0 && !unicode.IsSpace(after)
	closes := before != 0 && !unicode.IsSpace(before)
	if c == '_' {
		if isWordRune(before) && isWordRune(after) {
			return false
		}
		opens = opens && !isWordRune(before)
		closes = closes && !isWordRune(after)
	}
	if opens {
		// A closer of the same run length must follow on the line.
		for j := i + n; j < len(s); j++ {
			if s[j] == c {
				m := run(s, j, c)
				if m == n && !unicode.IsSpace(prevRune(s, j)) && (c != '_' || !isWordRune(nextRune(s, j+m))) {
					return true
				}
				j += m - 1
			}
		}
	}
	if closes {
		for j := i - 1; j >= 0; j-- {
			if s[j] == c {
				k := j
				for k > 0 && s[k-1] == c {
					k--
				}
				m := j - k + 1
				if m == n && !unicode.IsSpace(nextRune(s, j+1)) && (c != '_' || !isWordRune(prevRune(s, k))) {
					return true
				}
				j = k
			}
		}
	}
	return false
}

// link reads a link at s[i] == '[': "[text](url "title")", "[text][ref]"
// or "[text][]"; it returns the text and where the link ends.
func link(s string, i int) (text string, next int, ok bool) {
	depth, end := 0, -1
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				end = j
			}
		}
		if end >= 0 {
			break
		}
	}
	if end < 0 || end+1 >= len(s) {
		return "", 0, false
	}
	text = s[i+1 : end]
	switch s[end+1] {
	case '(':
		depth := 0
		for j := end + 1; j < len(s); j++ {
			switch s[j] {
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return text, j + 1, true
				}
			}
		}
	case '[':
		if close := strings.IndexByte(s[end+1:], ']'); close > 0 {
			return text, end + 1 + close + 1, true
		}
	}
	return "", 0, false
}

// isAutolink reports whether <inner> is an autolink: an absolute URL or
// an e-mail address, without spaces.
func isAutolink(inner string) bool {
	if inner == "" || strings.ContainsAny(inner, " <>") {
		return false
	}
	if scheme, _, ok := strings.Cut(inner, ":"); ok && len(scheme) >= 2 {
		for _, r := range scheme {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '.' || r == '-') {
				return false
			}
		}
		return true
	}
	at := strings.IndexByte(inner, '@')
	return at > 0 && strings.Contains(inner[at:], ".")
}

func isPunct(c byte) bool {
	return c < utf8.RuneSelf && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

func isWordRune(r rune) bool { return r != 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func prevRune(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func nextRune(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}
