package intake

import "strings"

// LooksLikeMarkdown reports whether a pasted plain text is clearly
// Markdown source, which the app then turns into text as it does a .md
// file (one undo brings the source back). Clearly means at least one
// construct that prose does not write — a "# " heading line, a
// [text](address) link or image, a reference definition, a code fence, a
// front matter block, a setext underline — and at least two Markdown
// constructs in all, emphasis, bullets and block quotes counting too. A
// news article copied as plain text has none of the first kind; a stray
// *word* or "- " line is not enough.
func LooksLikeMarkdown(text string) bool {
	if len(text) > 1<<20 {
		text = text[:1<<20] // the first MB tells
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	strong, all := 0, 0
	if _, title := frontMatter(lines); title != "" || (len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" && hasClosingFrontMatter(lines)) {
		strong++
		all++
	}
	for i, line := range lines {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			continue
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			strong++
		case isReferenceDefinition(t):
			strong++
		default:
			if _, ok := atxHeading(t); ok && strings.HasPrefix(line, "#") && len(t) > 2 {
				strong++
			} else if i > 0 && strings.TrimSpace(lines[i-1]) != "" && len(t) >= 3 && strings.Trim(t, "=") == "" {
				strong++ // a === underline; --- may be a rule
			}
			if isListItem(t) || strings.HasPrefix(t, "> ") {
				all++
			}
		}
		strong += inlineLinks(line)
		all += emphasisRuns(line)
	}
	all += strong
	return strong >= 1 && all >= 2
}

func hasClosingFrontMatter(lines []string) bool {
	for _, l := range lines[1:] {
		if t := strings.TrimSpace(l); t == "---" || t == "..." {
			return true
		}
	}
	return false
}

// inlineLinks counts the [text](address) links and images of a line.
func inlineLinks(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		if line[i] != '[' {
			continue
		}
		if text, next, ok := link(line, i); ok && text != "" && line[i+len(text)+2] == '(' {
			n++
			i = next - 1
		}
	}
	return n
}

// emphasisRuns counts the **strong** and _emphasised_ spans of a line.
func emphasisRuns(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '*' && c != '_' {
			continue
		}
		r := run(line, i, c)
		if delimiter(line, i, r, c) && !unicodeSpaceAfter(line, i+r) { // an opener
			n++
		}
		i += r - 1
	}
	return n
}

func unicodeSpaceAfter(s string, i int) bool {
	return i >= len(s) || s[i] == ' ' || s[i] == '\t'
}
