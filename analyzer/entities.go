package analyzer

import "strconv"

// mergeMentions combines name mentions and rule mentions (both sorted) into
// one sorted list without overlaps. Names win: a date or number that overlaps
// a name is part of that name (the "Freedom Guardian 2018" exercise).
func mergeMentions(names, numbers []Mention) []Mention {
	out := make([]Mention, 0, len(names)+len(numbers))
	j := 0
	for _, n := range numbers {
		for j < len(names) && names[j].End <= n.Start {
			out = append(out, names[j])
			j++
		}
		if j < len(names) && names[j].Start < n.End {
			continue // overlaps the next name
		}
		if len(out) > 0 && out[len(out)-1].End > n.Start {
			continue // overlaps the previous name
		}
		out = append(out, n)
	}
	return append(out, names[j:]...)
}

// groupEntities groups mentions into entities: same label and same text
// (alias merging refines this). Entities are numbered in order of first
// mention and named after it.
func groupEntities(doc *Document) {
	type key struct {
		label Label
		text  string
	}
	index := make(map[key]int)
	doc.Entities = doc.Entities[:0]
	for i := range doc.Mentions {
		m := &doc.Mentions[i]
		k := key{m.Label, doc.SpanText(m.Span)}
		e, ok := index[k]
		if !ok {
			e = len(doc.Entities)
			index[k] = e
			doc.Entities = append(doc.Entities, Entity{
				ID:    "e" + strconv.Itoa(e+1),
				Label: m.Label,
				Name:  k.text,
			})
		}
		m.Entity = e
		doc.Entities[e].Mentions = append(doc.Entities[e].Mentions, i)
	}
}
