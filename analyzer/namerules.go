package analyzer

import (
	"strings"
	"unicode/utf8"

	"annotator/analyzer/gazetteer"
	"annotator/analyzer/letters"
)

// nameRules correct the recogniser's mentions where the error is one of
// boundaries that a rule sees better than the tagger, in order. Each takes
// and returns mentions sorted and apart. They were kept by
// cross-validation on the training data (train -folds K -rules prints what
// each is worth).
var nameRules = []struct {
	Name string
	run  func(doc *Document, ms []Mention) []Mention
}{
	{"particles", joinNameParticles},         // Ursula von der Leyen
	{"slash", splitAtSlashes},                // Acme / Beta: two names
	{"leading", trimLeadingWords},            // An Acme Airlines flight; Drugmakers Acme
	{"trailing", trimTrailingWords},          // Nordpress December; Eastmark Guard Col.
	{"country-body", joinCountryInstitution}, // U.S. Coast Guard
	{"official", joinOfficialNames},          // Office of Rural Water Supply
	{"compounds", relabelCompoundModifiers},  // Sino-Korean: no place
	{"directions", tagBareDirections},        // the North, after North Korea
}

// NameRules lists the names of the rules that correct the recogniser's
// mentions, in order (Options.SkipNameRules leaves some out).
func NameRules() []string {
	names := make([]string, len(nameRules))
	for i, r := range nameRules {
		names[i] = r.Name
	}
	return names
}

// fixNames runs the name rules but those in skip and those the language
// does not run (lang.Pack.RunsNameRule).
func fixNames(doc *Document, mentions []Mention, skip map[string]bool) []Mention {
	pack := doc.language()
	for _, r := range nameRules {
		if !skip[r.Name] && pack.RunsNameRule(r.Name) {
			mentions = r.run(doc, mentions)
		}
	}
	return mentions
}

func splitAtSlashes(doc *Document, ms []Mention) []Mention {
	slash := false
	for _, m := range ms {
		slash = slash || strings.Contains(doc.SpanText(m.Span), "/")
	}
	if !slash {
		return ms
	}
	var alone map[string]bool // the texts of mentions without a slash
	var out []Mention
	for _, m := range ms {
		if !strings.Contains(doc.SpanText(m.Span), "/") {
			out = append(out, m)
			continue
		}
		if alone == nil {
			alone = map[string]bool{}
			for _, o := range ms {
				if t := doc.SpanText(o.Span); !strings.Contains(t, "/") {
					alone[letters.Lower(t)] = true
				}
			}
		}
		out = append(out, splitAtSlash(doc, m, alone)...)
	}
	return out
}

func trimLeadingWords(doc *Document, ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if m.EndToken-m.FirstToken > 1 && doc.sentenceStart(m.FirstToken) {
			if doc.tokenIn(m.FirstToken, nameDeterminers) || isPluralCommonNoun(doc, m.FirstToken) {
				m = mentionOf(doc, m.FirstToken+1, m.EndToken, m.Label)
			}
		}
		out = append(out, m)
	}
	return out
}

func trimTrailingWords(doc *Document, ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if t, ok := trimName(doc, m); ok {
			out = append(out, t)
		}
	}
	return out
}

func relabelCompoundModifiers(doc *Document, ms []Mention) []Mention {
	for i := range ms {
		if ms[i].Label == LOC && isCompoundModifier(doc, ms[i]) {
			ms[i].Label = MISC
		}
	}
	return ms
}

func mentionOf(doc *Document, first, end int, label Label) Mention {
	return Mention{Span: Span{doc.Tokens[first].Start, doc.Tokens[end-1].End}, FirstToken: first, EndToken: end, Label: label}
}

func (doc *Document) lowerToken(k int) string { return letters.Lower(doc.TokenText(k)) }

// tokenIn reports whether token k, lower-cased, is in set, without
// allocating for short ASCII words (the rules ask this of every mention).
func (doc *Document) tokenIn(k int, set map[string]bool) bool {
	s := doc.TokenText(k)
	var buf [32]byte
	if len(s) > len(buf) {
		return set[letters.Lower(s)]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return set[letters.Lower(s)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(s)])]
}

func (doc *Document) capitalised(k int) bool {
	return doc.Tokens[k].Kind == Word && startsUpper(doc.TokenText(k))
}

// sentenceStart reports whether token k begins its sentence (after any
// opening quotes or brackets).
func (doc *Document) sentenceStart(k int) bool {
	for j := k - 1; j >= 0; j-- {
		if doc.Tokens[j].Kind != Punct {
			return !sameLine(doc, j, k) || endsSentence(doc.TokenText(j))
		}
		switch doc.TokenText(j) {
		case "\"", "“", "‘", "'", "(", "[", "«":
			continue
		}
		return endsSentence(doc.TokenText(j)) || doc.TokenText(j) == ":"
	}
	return true
}

func sameLine(doc *Document, j, k int) bool {
	return !strings.Contains(doc.Text[doc.Tokens[j].End:doc.Tokens[k].Start], "\n")
}

func endsSentence(s string) bool { return strings.ContainsAny(s[len(s)-1:], ".!?") }

// splitAtSlash cuts a mention at each "/" token between names: Acme /
// Beta is two organisations. Names that hold a slash (the club Bodo /
// Glimt, the CDU / CSU alliance) stay whole: a mention is cut only when a
// side is of two words or more, or a known name on its own (in a list, or
// tagged alone elsewhere in the text).
func splitAtSlash(doc *Document, m Mention, alone map[string]bool) []Mention {
	var parts []Mention
	first := m.FirstToken
	for k := m.FirstToken; k <= m.EndToken; k++ {
		if k < m.EndToken && doc.TokenText(k) != "/" {
			continue
		}
		if k > first {
			parts = append(parts, mentionOf(doc, first, k, m.Label))
		}
		first = k + 1
	}
	if len(parts) < 2 {
		return []Mention{m}
	}
	for _, p := range parts {
		text := doc.SpanText(p.Span)
		if p.EndToken-p.FirstToken > 1 || alone[letters.Lower(text)] || gazetteer.Lookup(gazetteer.Hash(text))&gazetteer.NameKinds != 0 {
			return parts
		}
	}
	return []Mention{m}
}

// trimName cuts a title or a month off the end of a name, and the
// punctuation before it. ok is false when nothing is left.
func trimName(doc *Document, m Mention) (Mention, bool) {
	first, end := m.FirstToken, m.EndToken
	for end-first > 1 {
		if !doc.tokenIn(end-1, trailingTitles) && !doc.tokenIn(end-1, monthNames) {
			break
		}
		if doc.tokenIn(end-2, officialNameLinks) {
			break // Revolution of December: the month is the name's
		}
		end--
	}
	for end > first && doc.Tokens[end-1].Kind == Punct {
		end--
	}
	if end <= first {
		return m, false
	}
	if first == m.FirstToken && end == m.EndToken {
		return m, true
	}
	return mentionOf(doc, first, end, m.Label), true
}

// isPluralCommonNoun reports whether token k is a plural common English
// noun and no name: in the lists of common words, not in any list of
// names, and written in lower case as a plural.
func isPluralCommonNoun(doc *Document, k int) bool {
	w := doc.lowerToken(k)
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	kinds := gazetteer.Lookup(gazetteer.Hash(w))
	if kinds&gazetteer.NameKinds != 0 {
		return false
	}
	if kinds&(1<<gazetteer.Common) != 0 {
		return true
	}
	// Compounds the list lacks: drugmakers, carmakers, lawmakers.
	return strings.HasSuffix(w, "makers") || strings.HasSuffix(w, "holders") || strings.HasSuffix(w, "owners")
}

// joinCountryInstitution makes one organisation of a country written
// before a public body: [LOC U.S.] [ORG Coast Guard] → [ORG U.S. Coast
// Guard].
func joinCountryInstitution(doc *Document, ms []Mention) []Mention {
	out := ms[:0]
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if i+1 < len(ms) && m.Label == LOC && m.EndToken-m.FirstToken == 1 && doc.tokenIn(m.FirstToken, countryPrefixes) {
			next := ms[i+1]
			if next.Label == ORG && next.FirstToken == m.EndToken && isInstitution(doc, next) {
				out = append(out, mentionOf(doc, m.FirstToken, next.EndToken, ORG))
				i++
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

func isInstitution(doc *Document, m Mention) bool {
	for k := m.FirstToken; k < m.EndToken; k++ {
		if doc.tokenIn(k, institutionWords) {
			return true
		}
	}
	return false
}

// joinOfficialNames joins an organisation whose last word is an
// organisation's head (Office, Institute, Ministry...) across "of" or
// "for" to the capitalised words after it, tagged or not (Office of Rural
// Water Supply; Bank of England), and an official name so joined or
// written with "of"/"for" across "and" to capitalised words the recogniser
// left untagged (Institute for Coastal Research and Forecasting). A person
// after "of" stays apart (the Office of John Smith is rare; John Smith of
// Acme is not).
func joinOfficialNames(doc *Document, ms []Mention) []Mention {
	if len(ms) == 0 {
		return ms
	}
	candidate := false // an organisation followed by a link word
	for _, m := range ms {
		candidate = candidate || m.Label == ORG && m.EndToken < len(doc.Tokens) &&
			(doc.tokenIn(m.EndToken, officialNameLinks) || doc.TokenText(m.EndToken) == "and")
	}
	if !candidate {
		return ms
	}
	cover := mentionCover(doc, ms)
	sentEnd := sentenceEnds(doc)
	out := make([]Mention, 0, len(ms))
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if m.Label != ORG {
			out = append(out, m)
			continue
		}
		end := m.EndToken
		official := false
		for k := m.FirstToken + 1; k < end-1; k++ {
			official = official || doc.tokenIn(k, officialNameLinks)
		}
		for {
			limit := sentEnd[m.FirstToken]
			if end+1 >= limit || !doc.capitalised(end+1) {
				break
			}
			link := doc.TokenText(end)
			switch {
			case doc.tokenIn(end, officialNameLinks) && doc.tokenIn(end-1, orgHeads):
			case link == "and" && official && cover[end+1] < 0:
			default:
				link = ""
			}
			if link == "" {
				break
			}
			// The capitalised run after the link, through the mentions it
			// starts (a person is not part of an official name).
			k := end + 1
			ok := true
			for k < limit && doc.capitalised(k) {
				if c := cover[k]; c >= 0 {
					if ms[c].Label == PER || ms[c].FirstToken != k && k == end+1 {
						ok = false
						break
					}
					k = ms[c].EndToken
					continue
				}
				if link == "and" || cover[end+1] < 0 {
					k++
					continue
				}
				break
			}
			if !ok || k == end+1 {
				break
			}
			official = official || link != "and"
			end = k
		}
		if end == m.EndToken {
			out = append(out, m)
			continue
		}
		out = append(out, mentionOf(doc, m.FirstToken, end, ORG))
		for i+1 < len(ms) && ms[i+1].FirstToken < end {
			i++ // swallowed
		}
	}
	return out
}

// sentenceEnds maps each token to the end token of its sentence.
func sentenceEnds(doc *Document) []int {
	ends := make([]int, len(doc.Tokens))
	for _, s := range doc.Sentences {
		for k := s.FirstToken; k < s.EndToken; k++ {
			ends[k] = s.EndToken
		}
	}
	return ends
}

// isCompoundModifier reports whether a place mention is a hyphenated
// compound before a noun, made of places or their combining forms
// (Sino-Korean ties, the China-North Korea border): no place itself.
func isCompoundModifier(doc *Document, m Mention) bool {
	text := doc.SpanText(m.Span)
	if !strings.Contains(text, "-") || m.EndToken >= len(doc.Tokens) {
		return false
	}
	if next := doc.TokenText(m.EndToken); doc.Tokens[m.EndToken].Kind != Word || startsUpper(next) {
		return false
	}
	places := uint16(1<<gazetteer.Country | 1<<gazetteer.City | 1<<gazetteer.Region)
	if gazetteer.Lookup(gazetteer.Hash(text))&places != 0 {
		return false // Guinea-Bissau, Kwazulu-Natal
	}
	parts := strings.Split(text, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		lp := letters.Lower(p)
		if p == "" || !startsUpper(p) {
			return false
		}
		if !combiningForms[lp] && gazetteer.Lookup(gazetteer.Hash(lp))&(places|1<<gazetteer.Demonym) == 0 {
			return false
		}
	}
	return true
}

// tagBareDirections tags "the North" (South, East, West) as a place when
// one place named with that word came before it in the text (North
// Korea): entity grouping then links the two. With two such places
// (North Korea, North Carolina) it stays untagged.
func tagBareDirections(doc *Document, ms []Mention) []Mention {
	var added []Mention
	cover := []int32(nil)
	for k := 1; k < len(doc.Tokens); k++ {
		if doc.TokenText(k-1) != "the" || !doc.capitalised(k) || !doc.tokenIn(k, directionWords) {
			continue
		}
		w := doc.lowerToken(k)
		if k+1 < len(doc.Tokens) && doc.capitalised(k+1) && sameLine(doc, k, k+1) {
			continue // the North Sea
		}
		if cover == nil {
			cover = mentionCover(doc, ms)
		}
		if cover[k] >= 0 {
			continue
		}
		places := map[string]bool{}
		for _, m := range ms {
			if m.FirstToken >= k {
				break
			}
			if m.Label == LOC && m.EndToken-m.FirstToken == 2 && strings.EqualFold(doc.TokenText(m.FirstToken), w) {
				places[letters.Lower(doc.SpanText(m.Span))] = true
			}
		}
		if len(places) == 1 {
			added = append(added, mentionOf(doc, k, k+1, LOC))
		}
	}
	if len(added) == 0 {
		return ms
	}
	return mergeMentions(ms, added)
}
