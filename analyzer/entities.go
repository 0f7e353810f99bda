package analyzer

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"annotator/analyzer/gazetteer"
	"annotator/analyzer/letters"
)

// mergeMentions combines two sorted lists of mentions into one sorted list
// without overlaps; the first list wins. Names win over rule mentions: a
// date or number that overlaps a name is part of that name (the "Freedom
// Guardian 2018" exercise); joined names win over their parts.
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

// groupEntities groups mentions into entities, numbered in order of first
// mention. Names are grouped by alias rules:
//   - spelling variants are one name: hyphens, spaces, case and diacritics
//     do not count (Kim Jong-un, Kim Jong Un, KIM JONG UN);
//   - a person's titles are not part of the name (Mr, President, General
//     Secretary...), and a lone surname or given name links to the full name
//     that has it as its first or last word (Mr Kim → Kim Jong-un, President
//     Moon → Moon Jae-in) when exactly one full name fits, or when the same
//     short form was already linked;
//   - an acronym links to its expansion (SCMP ↔ South China Morning Post),
//     and two or more leading or trailing words of an organisation, place or
//     event link to the one longer name that has them (the Great Hall →
//     Great Hall of the People);
//   - different full names never merge, even when they share words (Kim
//     Jong-un and Kim Jong-il), and an ambiguous short form stays apart.
//
// Names only group with names of the same label: Detroit the city (LOC) and
// Detroit the team (ORG) are two entities, and a mention keeps the label the
// recogniser gave it. Dates and numbers group by their text.
func groupEntities(doc *Document, pace *pacer) {
	g := newEntityGrouper(doc, pace)
	g.groupFullNames()
	g.linkShortForms()
	g.number()
}

// nameForm is a name mention seen through the alias rules: its index and
// the form it shares with every mention of the same label and text (a
// pointer: a text of many mentions holds each distinct name once).
type nameForm struct {
	mention int
	*formOf
}

// formOf is a distinct name as the alias rules see it.
type formOf struct {
	words []string // folded words, titles dropped: [kim jong-un]
	key   string   // label and words without spaces or hyphens: PER/kimjongun
	label Label
}

type entityGrouper struct {
	doc    *Document
	forms  []nameForm
	parent []int  // union-find over mentions
	pace   *pacer // ticked once a mention or form in each pass
}

func newEntityGrouper(doc *Document, pace *pacer) *entityGrouper {
	g := &entityGrouper{doc: doc, parent: make([]int, len(doc.Mentions)), pace: pace}
	for i := range g.parent {
		g.parent[i] = i
	}
	// Names repeat: fold each distinct label and text once.
	type seenKey struct {
		label Label
		text  string
	}
	seen := make(map[seenKey]*formOf)
	names := 0
	for _, m := range doc.Mentions {
		if m.Label.IsName() {
			names++
		}
	}
	g.forms = make([]nameForm, 0, names)
	for i, m := range doc.Mentions {
		pace.tick()
		if !m.Label.IsName() {
			continue
		}
		k := seenKey{m.Label, doc.SpanText(m.Span)}
		f, ok := seen[k]
		if !ok {
			f = &formOf{words: nameWords(k.text, m.Label), label: m.Label}
			f.key = string(m.Label) + "/" + nameKey(f.words)
			seen[k] = f
		}
		if len(f.words) == 0 {
			continue
		}
		g.forms = append(g.forms, nameForm{mention: i, formOf: f})
	}
	return g
}

func (g *entityGrouper) find(i int) int {
	for g.parent[i] != i {
		g.parent[i] = g.parent[g.parent[i]]
		i = g.parent[i]
	}
	return i
}

// union joins two groups, keeping the earlier mention as the root.
func (g *entityGrouper) union(a, b int) {
	a, b = g.find(a), g.find(b)
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	g.parent[b] = a
}

// groupFullNames joins names with the same key, and dates and numbers with
// the same text and label.
func (g *entityGrouper) groupFullNames() {
	byKey := make(map[string]int)
	byAlias := make(map[int]int) // knownAliases group → its first mention
	for _, f := range g.forms {
		g.pace.tick()
		if first, ok := byKey[f.key]; ok {
			g.union(first, f.mention)
		} else {
			byKey[f.key] = f.mention
		}
		// A known alias joins across places and organisations: the
		// tagger calls DPRK an organisation as often as a place.
		if a, ok := aliasGroups[f.key[strings.IndexByte(f.key, '/')+1:]]; ok && (f.label == LOC || f.label == ORG) {
			if first, ok := byAlias[a]; ok {
				g.union(first, f.mention)
			} else {
				byAlias[a] = f.mention
			}
		}
	}
	type textKey struct {
		label Label
		text  string
	}
	byText := make(map[textKey]int)
	for i, m := range g.doc.Mentions {
		g.pace.tick()
		if m.Label.IsName() {
			continue
		}
		// Case does not matter: "two" and "Two" are one number.
		k := textKey{m.Label, letters.Lower(g.doc.SpanText(m.Span))}
		if first, ok := byText[k]; ok {
			g.union(first, i)
		} else {
			byText[k] = i
		}
	}
}

// aliasGroups maps the name key (nameKey) of each form of knownAliases to
// its group's index.
var aliasGroups = func() map[string]int {
	m := make(map[string]int)
	for i, forms := range knownAliases {
		for _, f := range forms {
			m[nameKey(nameWords(f, ""))] = i
		}
	}
	return m
}()

// linkShortForms links surnames, acronyms and partial names to the full name
// they stand for. Candidates are the full names mentioned before the short
// form (or anywhere, when none is); the link is made when exactly one fits,
// and a short form once linked stays linked to the same name. An
// organisation's last word after "the" (the Commission) links only back, to
// a name mentioned before it.
func (g *entityGrouper) linkShortForms() {
	// The longest form of each group stands for it, as groups grow.
	full := make(map[int]nameForm)
	for _, f := range g.forms {
		r := g.find(f.mention)
		if cur, ok := full[r]; !ok || len(f.words) > len(cur.words) {
			full[r] = f
		}
	}
	join := func(a, b int) {
		fa, fb := full[g.find(a)], full[g.find(b)]
		g.union(a, b)
		if len(fb.words) > len(fa.words) {
			fa = fb
		}
		full[g.find(a)] = fa
	}
	index := newShortFormIndex(full)
	linked := make(map[string]int)      // short key (and "/the") → group it was linked to
	unlinkable := make(map[string]bool) // the same keys, when no full name can stand behind them
	for _, f := range g.forms {
		g.pace.tick()
		own := g.find(f.mention)
		afterThe := g.afterThe(f.mention)
		key := f.key
		if afterThe {
			key += "/the"
		}
		if len(full[own].words) != len(f.words) || unlinkable[key] {
			continue // already part of a longer name's group, or never linkable
		}
		if r, ok := linked[key]; ok {
			join(r, f.mention)
			continue
		}
		found, backOnly := index.candidates(f), index.tails(f, afterThe)
		if len(found) == 0 && len(backOnly) == 0 {
			unlinkable[key] = true
			continue
		}
		var earlier, all []int
		for i, r := range slices.Concat(found, backOnly) { // a copy: found is the index's
			r = g.find(r)
			if r == own || len(full[r].words) <= len(f.words) {
				continue
			}
			if i < len(found) {
				all = append(all, r)
			}
			if r < f.mention {
				earlier = append(earlier, r)
			}
		}
		candidates := uniqueInts(earlier)
		if len(candidates) == 0 {
			candidates = uniqueInts(all)
		}
		if len(candidates) == 1 {
			linked[key] = candidates[0]
			join(candidates[0], f.mention)
		}
	}
}

// afterThe reports whether mention i follows "the": "the Commission" refers
// back to a named commission; "Reuters" after "Thomson Reuters" names
// another company.
func (g *entityGrouper) afterThe(i int) bool {
	k := g.doc.Mentions[i].FirstToken
	return k > 0 && strings.EqualFold(g.doc.TokenText(k-1), "the")
}

// shortFormIndex finds the full names of the same label a short form can
// stand for: a lone word that begins or ends a person's name (Kim → Kim
// Jong-un, Trump → Donald Trump), an acronym of an organisation, place or
// event (SCMP → South China Morning Post), the last word of an
// organisation's name after "the" (the Commission → European Commission),
// or two or more of its leading or trailing words (Great Hall → Great Hall
// of the People).
type shortFormIndex map[string][]int // label/kind/words → group roots

func newShortFormIndex(full map[int]nameForm) shortFormIndex {
	x := shortFormIndex{}
	add := func(f nameForm, kind, words string, r int) {
		k := string(f.label) + "/" + kind + "/" + words
		x[k] = append(x[k], r)
	}
	for r, f := range full {
		n := len(f.words)
		if n < 2 {
			continue
		}
		if f.label == PER {
			add(f, "word", f.words[0], r)
			if f.words[n-1] != f.words[0] {
				add(f, "word", f.words[n-1], r)
			}
			continue
		}
		if a := acronymOf(f.words); len(a) >= 2 && len(a) <= 6 {
			add(f, "acronym", a, r)
		}
		if f.label == ORG {
			add(f, "tail", f.words[n-1], r)
		}
		if directionWords[f.words[0]] {
			if n == 2 {
				add(f, "direction", f.words[0], r)
			}
		} else if !isCommonWord(f.words[0]) {
			add(f, "first", f.words[0], r)
		}
		for k := 2; k < n; k++ {
			add(f, "part", strings.Join(f.words[:k], " "), r)
			add(f, "part", strings.Join(f.words[n-k:], " "), r)
		}
	}
	return x
}

func (x shortFormIndex) candidates(f nameForm) []int {
	prefix := string(f.label) + "/"
	switch {
	case f.label == PER && len(f.words) == 1:
		return x[prefix+"word/"+f.words[0]]
	case f.label == PER:
		return nil
	case len(f.words) == 1:
		found := x[prefix+"acronym/"+f.words[0]]
		// A name's own first word (Hollinmoor → Hollinmoor State Guest
		// House), unless it is a place on its own (Korea, Beijing).
		if first := x[prefix+"first/"+f.words[0]]; len(first) > 0 && !isPlaceWord(f.words[0]) {
			found = append(slices.Clip(found), first...)
		}
		return found
	default:
		return x[prefix+"part/"+strings.Join(f.words, " ")]
	}
}

// tails finds the organisations whose last word a lone word after "the"
// is: the Commission → European Commission.
// A bare direction after the one place named with it stands for that
// place: the North after North Korea (not when North Carolina is named
// too).
func (x shortFormIndex) tails(f nameForm, afterThe bool) []int {
	if len(f.words) != 1 {
		return nil
	}
	if directionWords[f.words[0]] {
		return x[string(f.label)+"/direction/"+f.words[0]]
	}
	if !afterThe || f.label != ORG {
		return nil
	}
	return x[string(f.label)+"/tail/"+f.words[0]]
}

// isCommonWord reports whether w is a common English word (in the
// gazetteer's list of them and in none of names): no name's own.
func isCommonWord(w string) bool {
	kinds := gazetteer.Lookup(gazetteer.Hash(w))
	return kinds&(1<<gazetteer.Common) != 0 && kinds&gazetteer.NameKinds == 0
}

// isPlaceWord reports whether w is a country, city or region on its own.
func isPlaceWord(w string) bool {
	return gazetteer.Lookup(gazetteer.Hash(w))&(1<<gazetteer.Country|1<<gazetteer.City|1<<gazetteer.Region) != 0
}

// acronymOf spells the initials of words, function words skipped: south
// china morning post → scmp.
func acronymOf(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if !acronymSkips[w] {
			b.WriteString(w[:1])
		}
	}
	return b.String()
}

var acronymSkips = set("of", "the", "and", "for", "de", "du", "des", "la", "le", "del", "&")

func uniqueInts(xs []int) []int {
	sort.Ints(xs)
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// number builds the entities from the groups, in order of first mention,
// and gives each its label (its first mention's: a known alias may join
// mentions of another label, DPRK to North Korea) and canonical name.
func (g *entityGrouper) number() {
	doc := g.doc
	// Two passes: entities numbered and counted, then each given its
	// stretch of one array of mention indices (no slice grows: a text of
	// many mentions holds them once).
	var sizes []int
	entityOf := make([]int, len(doc.Mentions)) // root mention → entity + 1
	for i := range doc.Mentions {
		g.pace.tick()
		r := g.find(i)
		if entityOf[r] == 0 {
			sizes = append(sizes, 0)
			entityOf[r] = len(sizes)
		}
		e := entityOf[r] - 1
		doc.Mentions[i].Entity = e
		sizes[e]++
	}
	doc.Entities = make([]Entity, len(sizes))
	all := make([]int, len(doc.Mentions))
	at := 0
	for e, n := range sizes {
		doc.Entities[e] = Entity{ID: "e" + strconv.Itoa(e+1), Mentions: all[at : at : at+n]}
		at += n
	}
	for i := range doc.Mentions {
		g.pace.tick()
		e := &doc.Entities[doc.Mentions[i].Entity]
		e.Mentions = append(e.Mentions, i)
	}
	for e := range doc.Entities {
		ent := &doc.Entities[e]
		ent.Label = doc.Mentions[ent.Mentions[0]].Label
		ent.Name = canonicalName(doc, ent.Mentions, g.pace)
	}
}

// canonicalName is the most complete mention: the longest once titles,
// spaces and hyphens are dropped, mixed case before ALL CAPS, the earliest on a tie.
func canonicalName(doc *Document, mentions []int, pace *pacer) string {
	best, bestScore := "", -1
	// A text of a label scores as it did before (mentions of one entity
	// may differ in label): an entity named 100,000 times is scored once a
	// form.
	type form struct {
		text string
		per  bool
	}
	var scored map[form]bool
	if len(mentions) > 8 {
		scored = make(map[form]bool)
	}
	for _, m := range mentions {
		pace.tick()
		mention := doc.Mentions[m]
		text := doc.SpanText(mention.Span)
		if scored != nil {
			f := form{text, mention.Label == PER}
			if scored[f] {
				continue
			}
			scored[f] = true
		}
		name := text
		if mention.Label == PER {
			name = stripTitles(text)
		}
		score := len(nameKey(nameWords(name, ""))) * 2
		if !isAllCaps(name) {
			score++
		}
		if score > bestScore {
			best, bestScore = name, score
		}
	}
	return best
}

// nameWords folds a name of the label into its words: lower case,
// diacritics removed, split at spaces (a hyphenated word stays one:
// Sino-North Korea is not North Korea), a possessive dropped, for a person
// the leading titles dropped, for an organisation a trailing legal form
// (Apple Inc. → apple). An empty label keeps titles and legal forms.
func nameWords(name string, label Label) []string {
	words := strings.FieldsFunc(foldName(name), func(r rune) bool {
		return r == ' ' || r == '.' || r == '\'' || r == '’' || unicode.IsSpace(r)
	})
	if n := len(words); n > 1 && words[n-1] == "s" && len(words[n-2]) > 1 {
		words = words[:n-1] // a possessive
	}
	if len(words) > 1 && allSingleLetters(words) {
		words = []string{strings.Join(words, "")} // U.S. → us
	}
	switch label {
	case PER:
		i := 0
		for i < len(words)-1 && titleWords[words[i]] {
			i++
		}
		words = words[i:]
	case ORG:
		if n := len(words); n > 1 && legalForms[words[n-1]] {
			words = words[:n-1]
		}
	}
	return words
}

// legalForms end a company's name and are left out when matching its
// mentions ("Apple Inc." and "Apple"); periods are gone by then (s.a. → s a
// is two words, so only the one-word forms are listed).
var legalForms = set("inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "plc", "llc",
	"llp", "ag", "gmbh", "sa", "nv", "bv", "spa", "ab", "asa", "oyj", "se")

// nameKey joins a name's words without spaces or hyphens, so spelling
// variants share it: kim jong-un, kim jong un → kimjongun.
func nameKey(words []string) string {
	return strings.ReplaceAll(strings.Join(words, ""), "-", "")
}

func allSingleLetters(words []string) bool {
	for _, w := range words {
		if utf8.RuneCountInString(w) != 1 {
			return false
		}
	}
	return true
}

// stripTitles removes leading titles from a person's name as written.
func stripTitles(name string) string {
	for {
		word, rest, ok := strings.Cut(name, " ")
		if !ok || !titleWords[strings.TrimSuffix(foldName(word), ".")] {
			return name
		}
		name = strings.TrimLeft(rest, " ")
	}
}

func isAllCaps(s string) bool {
	letterN := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if letters.IsLetter(r) {
			letterN++
		}
	}
	return letterN > 1
}

// foldName lower-cases a name and removes the diacritics of Latin letters.
func foldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteByte(byte(unicode.ToLower(r)))
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent
		}
		r = unicode.ToLower(r)
		if base, ok := latinBase[r]; ok {
			b.WriteString(base)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// latinBase maps accented Latin letters to their base letters.
var latinBase = func() map[rune]string {
	groups := map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ďđ", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏő",
		"r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
		"ae": "æ", "oe": "œ", "ss": "ß", "th": "þ", "dh": "ð",
	}
	m := make(map[rune]string)
	for base, letters := range groups {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// titleWords are honorifics and titles that come before a person's name.
var titleWords = set("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
	"president", "vice", "premier", "prime", "minister", "chancellor", "chairman", "chairwoman", "chair",
	"comrade", "general", "secretary", "leader", "supreme", "king", "queen", "prince", "princess", "emperor",
	"empress", "pope", "cardinal", "bishop", "archbishop", "rev", "reverend",
	"sheikh", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov",
	"mayor", "judge", "justice", "ambassador", "envoy", "gen", "col", "colonel", "lt", "lieutenant", "maj",
	"major", "capt", "captain", "cmdr", "commander", "admiral", "adm", "sgt", "sergeant", "marshal",
	"foreign", "defence", "defense", "finance", "interior", "deputy", "state", "councillor", "chief", "executive",
	"ceo", "coach", "manager", "officer", "spokesman", "spokeswoman", "spokesperson", "mme", "mlle", "herr",
	"frau", "senor", "senora", "monsieur", "madame")
