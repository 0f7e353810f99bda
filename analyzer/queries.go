package analyzer

import (
	"cmp"
	"slices"
	"sort"
	"strconv"

	"annotator/analyzer/lang"
)

// The queries the app asks of annotated articles: their main entities, who
// is named with whom, which entities several articles share. They read the
// articles' JSON form (Result, EntityResult), which is what the app keeps
// and stores in its library; the Document's own is its term keys.

// MainEntities returns the main named entities (people, organisations,
// places, other names) of an article's entities: up to n, the most salient
// first, then the most mentioned, then the first listed. The app's pictures
// draw these.
func MainEntities(entities []EntityResult, n int) []EntityResult {
	var names []EntityResult
	for _, e := range entities {
		if e.Label.IsName() && len(e.Mentions) > 0 {
			names = append(names, e)
		}
	}
	slices.SortStableFunc(names, func(x, y EntityResult) int {
		if c := cmp.Compare(y.Salience, x.Salience); c != 0 {
			return c
		}
		return cmp.Compare(len(y.Mentions), len(x.Mentions))
	})
	return names[:min(n, len(names))]
}

// Pair is two entities named in the same sentences: A < B, indices into the
// entities given to Cooccurrences, and how many sentences name both.
type Pair struct {
	A, B      int
	Sentences int
}

// Cooccurrences counts, for each two of the entities, the sentences that
// mention both: the app's graph of who is named with whom. Pairs never named
// together are left out; the rest come by count, the most first, then in
// entity order.
func Cooccurrences(sentences []SpanResult, entities []EntityResult) []Pair {
	starts := make([]int, len(sentences))
	for i, s := range sentences {
		starts[i] = s.Start
	}
	// in[k] is the set of sentences entity k is mentioned in.
	in := make([]map[int]bool, len(entities))
	for k, e := range entities {
		in[k] = make(map[int]bool)
		for _, m := range e.Mentions {
			// The last sentence starting at or before the mention.
			i, found := slices.BinarySearch(starts, m.Start)
			if !found {
				i--
			}
			if i >= 0 && m.Start < sentences[i].End {
				in[k][i] = true
			}
		}
	}
	var pairs []Pair
	for a := range entities {
		for b := a + 1; b < len(entities); b++ {
			n := 0
			for s := range in[a] {
				if in[b][s] {
					n++
				}
			}
			if n > 0 {
				pairs = append(pairs, Pair{a, b, n})
			}
		}
	}
	slices.SortStableFunc(pairs, func(x, y Pair) int { return cmp.Compare(y.Sentences, x.Sentences) })
	return pairs
}

// TermKeys returns the term keys of the document's content words, names
// included: what the background frequencies of key terms count (see
// analyzer/cmd/background).
func (d *Document) TermKeys() map[string]bool {
	keys := make(map[string]bool)
	pack, err := lang.Get(d.Lang)
	if err != nil {
		return keys
	}
	vocab := pack.NewVocab()
	for i, t := range d.Tokens {
		if w := d.TokenText(i); t.Kind == Word && looksLikeContent(w) {
			if word := vocab.Lookup(w); !word.Stop {
				keys[word.Term] = true
			}
		}
	}
	return keys
}

// CorpusDocument is one annotated article of a collection.
type CorpusDocument struct {
	Name   string  `json:"name"`
	Result *Result `json:"-"`
}

// Cluster is one person, organisation, place or thing named across the
// articles of a collection.
type Cluster struct {
	ID        string          `json:"id"`
	Label     Label           `json:"label"`
	Name      string          `json:"name"`
	Mentions  int             `json:"mentions"`
	Documents []ClusterMember `json:"documents"`
}

// ClusterMember is a cluster's entity in one article.
type ClusterMember struct {
	Document int    `json:"document"` // index in the collection
	Name     string `json:"name"`     // the article's name
	Entity   string `json:"entity"`   // the entity's id in that article
	Text     string `json:"text"`     // the entity's name there
	Mentions int    `json:"mentions"`
}

// LinkCorpus links the named entities (PER, ORG, LOC, MISC) of several
// articles: two entities are one when both are people or both are not, and
// they share a full name
// under the spelling rules of alias merging (Ri Sol-ju / Ri Sol Ju, Kim
// Jong-un / KIM JONG UN), compounds included (Harbour State Guest House /
// Harbour State Guesthouse). Lone surnames do not link across articles:
// "Kim" in one article need not be the Kim of another. Clusters found in
// more articles come first, then those mentioned more.
func LinkCorpus(docs []CorpusDocument) []Cluster {
	type ref struct{ doc, entity int }
	var refs []ref
	parent := map[ref]ref{}
	var find func(r ref) ref
	find = func(r ref) ref {
		p, ok := parent[r]
		if !ok || p == r {
			return r
		}
		root := find(p)
		parent[r] = root
		return root
	}
	byKey := map[string]ref{}
	for d, doc := range docs {
		for e, ent := range doc.Result.Entities {
			if !ent.Label.IsName() {
				continue
			}
			r := ref{d, e}
			refs = append(refs, r)
			parent[r] = r
			for _, key := range fullNameKeys(ent) {
				k := labelClass(ent.Label) + "/" + key
				if other, ok := byKey[k]; ok {
					a, b := find(other), find(r)
					if a != b {
						if b.doc < a.doc || b.doc == a.doc && b.entity < a.entity {
							a, b = b, a
						}
						parent[b] = a
					}
				} else {
					byKey[k] = r
				}
			}
		}
	}
	index := map[ref]int{}
	clusters := []Cluster{}
	for _, r := range refs {
		root := find(r)
		c, ok := index[root]
		if !ok {
			c = len(clusters)
			index[root] = c
			ent := docs[root.doc].Result.Entities[root.entity]
			clusters = append(clusters, Cluster{Label: ent.Label, Name: ent.Name})
		}
		ent := docs[r.doc].Result.Entities[r.entity]
		clusters[c].Mentions += len(ent.Mentions)
		members := clusters[c].Documents
		if n := len(members); n > 0 && members[n-1].Document == r.doc {
			// Two entities of one article in one cluster: count them as one.
			members[n-1].Mentions += len(ent.Mentions)
			continue
		}
		clusters[c].Documents = append(members, ClusterMember{
			Document: r.doc, Name: docs[r.doc].Name, Entity: ent.ID, Text: ent.Name, Mentions: len(ent.Mentions),
		})
	}
	sort.SliceStable(clusters, func(a, b int) bool {
		if len(clusters[a].Documents) != len(clusters[b].Documents) {
			return len(clusters[a].Documents) > len(clusters[b].Documents)
		}
		return clusters[a].Mentions > clusters[b].Mentions
	})
	for i := range clusters {
		clusters[i].ID = "c" + strconv.Itoa(i+1)
	}
	return clusters
}

// labelClass lets organisations, places and other names link across
// articles whatever label each gave them (a guest house is a place in one,
// an organisation in another); people link only to people.
func labelClass(l Label) string {
	if l == PER {
		return "person"
	}
	return "name"
}

// fullNameKeys returns the spelling-free keys of an entity's name and of
// its mentions that have at least two words or are acronyms (US, SCMP): a
// lone word such as "Kim" is too ambiguous to link articles by.
func fullNameKeys(e EntityResult) []string {
	seen := map[string]bool{}
	var keys []string
	add := func(text string, whole bool) {
		words := nameWords(text, e.Label)
		if len(words) == 0 || len(words) < 2 && !whole && !isAcronym(text) {
			return
		}
		if k := nameKey(words); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	add(e.Name, true)
	for _, m := range e.Mentions {
		add(m.Text, false)
	}
	return keys
}

// isAcronym reports whether a name is written as an acronym: two to six
// capital letters, dotted or not (US, U.S., SCMP).
func isAcronym(text string) bool {
	letters := 0
	for _, r := range text {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '.':
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 6
}
