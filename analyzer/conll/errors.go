package conll

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Errors classifies a recogniser's mistakes, so a reader sees their kinds
// rather than one F1: a confusion table of gold type against predicted type
// for gold mentions, and the kinds of boundary errors.
type Errors struct {
	// Confusion counts gold mentions by gold type and outcome: the type
	// predicted over exactly its span, Missed (no prediction overlaps it)
	// or Boundary (predictions overlap it, none with its span). The row
	// Spurious counts predictions overlapping no gold mention, by their
	// type.
	Confusion map[string]map[string]int
	// Bounds counts boundary errors by gold type and kind: "longer" (one
	// prediction covers the name and more), "shorter" (one prediction lies
	// inside it), "split" (several lie inside it), "merged" (a prediction
	// covers it and another name) and "crossing" (a prediction straddles
	// its edge).
	Bounds map[string]map[string]int
}

// Outcomes and rows of Errors.Confusion besides the types.
const (
	Missed   = "missed"
	Boundary = "boundary"
	Spurious = "spurious"
)

// NewErrors returns empty Errors.
func NewErrors() *Errors {
	return &Errors{Confusion: map[string]map[string]int{}, Bounds: map[string]map[string]int{}}
}

func bump(m map[string]map[string]int, row, col string) {
	if m[row] == nil {
		m[row] = map[string]int{}
	}
	m[row][col]++
}

func overlaps(a, b Chunk) bool { return a.Start < b.End && b.Start < a.End }

// Add classifies one document's (or passage's) gold and predicted chunks.
func (e *Errors) Add(gold, pred []Chunk) {
	for _, g := range gold {
		var over []Chunk
		exact := ""
		for _, p := range pred {
			if p.Start == g.Start && p.End == g.End {
				exact = p.Type
			}
			if overlaps(p, g) {
				over = append(over, p)
			}
		}
		switch {
		case exact != "":
			bump(e.Confusion, g.Type, exact)
		case len(over) == 0:
			bump(e.Confusion, g.Type, Missed)
		default:
			bump(e.Confusion, g.Type, Boundary)
			bump(e.Bounds, g.Type, boundKind(g, over, gold))
		}
	}
	for _, p := range pred {
		hit := false
		for _, g := range gold {
			hit = hit || overlaps(p, g)
		}
		if !hit {
			bump(e.Confusion, Spurious, p.Type)
		}
	}
}

// boundKind names how the predictions over overlapping gold mention g miss
// its span.
func boundKind(g Chunk, over, gold []Chunk) string {
	for _, p := range over {
		for _, o := range gold {
			if o != g && overlaps(p, o) {
				return "merged"
			}
		}
	}
	if len(over) > 1 {
		inside := true
		for _, p := range over {
			inside = inside && p.Start >= g.Start && p.End <= g.End
		}
		if inside {
			return "split"
		}
		return "crossing"
	}
	p := over[0]
	switch {
	case p.Start <= g.Start && p.End >= g.End:
		return "longer"
	case p.Start >= g.Start && p.End <= g.End:
		return "shorter"
	}
	return "crossing"
}

// Merge adds the counts of e2 to e.
func (e *Errors) Merge(e2 *Errors) {
	for _, pair := range []struct{ dst, src map[string]map[string]int }{{e.Confusion, e2.Confusion}, {e.Bounds, e2.Bounds}} {
		for row, cols := range pair.src {
			for col, n := range cols {
				if pair.dst[row] == nil {
					pair.dst[row] = map[string]int{}
				}
				pair.dst[row][col] += n
			}
		}
	}
}

var reportTypes = []string{"PER", "ORG", "LOC", "MISC"}

// Report prints the confusion table (rows gold, columns predicted) and the
// boundary errors.
func (e *Errors) Report(w io.Writer) {
	cols := append(append([]string{}, reportTypes...), Missed, Boundary)
	fmt.Fprintf(w, "confusion (rows gold, columns predicted over the same span):\n%-9s", "")
	for _, c := range cols {
		fmt.Fprintf(w, " %8s", c)
	}
	fmt.Fprintln(w)
	for _, row := range append(append([]string{}, reportTypes...), Spurious) {
		fmt.Fprintf(w, "%-9s", row)
		for _, c := range cols {
			if row == Spurious && (c == Missed || c == Boundary) {
				fmt.Fprintf(w, " %8s", "")
				continue
			}
			fmt.Fprintf(w, " %8d", e.Confusion[row][c])
		}
		fmt.Fprintln(w)
	}
	kinds := map[string]bool{}
	for _, m := range e.Bounds {
		for k := range m {
			kinds[k] = true
		}
	}
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	fmt.Fprintf(w, "boundary errors by gold type:")
	if len(names) == 0 {
		fmt.Fprintln(w, " none")
		return
	}
	fmt.Fprintln(w)
	for _, t := range reportTypes {
		var parts []string
		for _, k := range names {
			if n := e.Bounds[t][k]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", k, n))
			}
		}
		if len(parts) > 0 {
			fmt.Fprintf(w, "  %-5s %s\n", t, strings.Join(parts, ", "))
		}
	}
}
