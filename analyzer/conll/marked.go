package conll

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"annotator/analyzer"
)

// Passage is a plain text with its gold mentions as byte spans (Chunk
// Start/End are byte offsets into Text).
type Passage struct {
	Text string
	Gold []Chunk
}

// ReadMarked parses passages written with inline marks, "[ORG Acme
// Airlines] said...": a mark is "[", a type (PER ORG LOC MISC), a space,
// the name and "]". Passages are separated by blank lines; lines starting
// with "#" are comments. The text of a passage is its lines joined by
// newlines, marks removed.
func ReadMarked(r io.Reader) ([]Passage, error) {
	var out []Passage
	var lines []string
	lineNo := 0
	flush := func() error {
		if len(lines) == 0 {
			return nil
		}
		p, err := parseMarked(strings.Join(lines, "\n"))
		if err != nil {
			return fmt.Errorf("passage ending at line %d: %w", lineNo, err)
		}
		out = append(out, p)
		lines = nil
		return nil
	}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.TrimSpace(line) == "":
			if err := flush(); err != nil {
				return nil, err
			}
		default:
			lines = append(lines, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// ReadMarkedFile reads the marked passages at path.
func ReadMarkedFile(path string) ([]Passage, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ps, err := ReadMarked(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ps, nil
}

var markTypes = []string{"PER", "ORG", "LOC", "MISC"}

func parseMarked(s string) (Passage, error) {
	var b strings.Builder
	var p Passage
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			if strings.IndexByte(s, ']') >= 0 {
				return p, fmt.Errorf("a ] without its [")
			}
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i+1:]
		typ, rest, ok := strings.Cut(s, " ")
		known := false
		for _, t := range markTypes {
			known = known || t == typ
		}
		if !ok || !known {
			return p, fmt.Errorf("mark %q: want [TYPE name] with TYPE one of %v", s[:min(len(s), 20)], markTypes)
		}
		j := strings.IndexByte(rest, ']')
		if j <= 0 || strings.ContainsAny(rest[:j], "[\n") {
			return p, fmt.Errorf("mark [%s %s: no closing ]", typ, rest[:min(len(rest), 20)])
		}
		start := b.Len()
		b.WriteString(rest[:j])
		p.Gold = append(p.Gold, Chunk{start, b.Len(), typ})
		s = rest[j+1:]
	}
	p.Text = b.String()
	return p, nil
}

// PredictText annotates text through the full pipeline and returns its PER,
// ORG, LOC and MISC mentions as byte-span chunks.
func PredictText(text string, opts analyzer.Options) ([]Chunk, error) {
	doc, err := analyzer.Annotate(text, opts)
	if err != nil {
		return nil, err
	}
	var out []Chunk
	for _, m := range doc.Mentions {
		if m.Label.IsName() {
			out = append(out, Chunk{m.Start, m.End, string(m.Label)})
		}
	}
	return out, nil
}

// EvaluateMarked scores the pipeline on marked passages (exact byte span
// and type) and collects its errors.
func EvaluateMarked(ps []Passage, opts analyzer.Options) (Score, *Errors, error) {
	score, errs := Score{}, NewErrors()
	for k, p := range ps {
		pred, err := PredictText(p.Text, opts)
		if err != nil {
			return nil, nil, fmt.Errorf("passage %d: %w", k+1, err)
		}
		score.Add(p.Gold, pred)
		errs.Add(p.Gold, pred)
	}
	return score, errs, nil
}
