package analyzer

import (
	"sort"
	"strings"
	"unicode"

	"annotator/analyzer/gazetteer"
	"annotator/analyzer/lang"
	"annotator/analyzer/letters"
)

// Speakers of quotes. The subject before the verb is the speaker
// ("Kim said", "the defence ministry said"), else the name after it ("said
// Xi"). Names in apposition and "X of ORG" give the person (Benedikt Raab,
// an analyst at Kestrel, said → Raab; Jane Doe of Acme said → Jane Doe); he
// and she resolve to the subject of the sentence that last names a
// compatible person; a description (the nurse, the 34-year-old) to the
// person last named when it fits them; unnamed speakers (a source, one,
// officials) stay words, never an entity.

func speakerLabel(l Label) bool { return l == PER || l == ORG }

// speakerNear picks the speaker of verb [v, vEnd) within tokens [from,
// to): a name or pronoun before the verb, else one after it, else the words
// before it, else those after it. quoteStart is the token the quote starts
// at, before which pronouns look for their person.
func (f *quoteFinder) speakerNear(from, to, v, vEnd, quoteStart int) (attribution, bool) {
	before, okBefore := f.subjectBefore(v, from, quoteStart)
	if okBefore && (before.speaker >= 0 || f.isPronoun(before.words)) {
		return before, true
	}
	after, okAfter := f.subjectAfter(vEnd, to, quoteStart)
	if okAfter && (after.speaker >= 0 || f.isPronoun(after.words)) {
		return after, true
	}
	if okBefore {
		return before, true
	}
	return after, okAfter
}

// isPronoun reports whether the span is one of the language's pronouns.
func (f *quoteFinder) isPronoun(s Span) bool {
	if s.Start < 0 || s.End <= s.Start {
		return false
	}
	_, ok := f.lang.Pronouns[letters.Lower(f.doc.SpanText(s))]
	return ok
}

// verbGroupStart walks back from verb token v over auxiliaries and adverbs
// (has repeatedly denied, was later quoted as saying) to the first token of
// the verb group, not before from; negated reports whether a negation
// (did not say) stands in it.
func (f *quoteFinder) verbGroupStart(v, from int) (start int, negated bool) {
	k := v - 1
	for ; k >= from && f.doc.Tokens[k].Kind == Word; k-- {
		w := f.lower(k)
		if f.lang.Negation[w] {
			negated = true
			continue
		}
		if !f.lang.VerbGroup[w] && !(strings.HasSuffix(w, "ly") && len(w) > 4 && !startsUpper(f.doc.TokenText(k))) {
			break
		}
	}
	return k + 1, negated
}

// subjectBefore finds the speaker right before the verb at token v (not
// before token from).
func (f *quoteFinder) subjectBefore(v, from, quoteStart int) (attribution, bool) {
	doc := f.doc
	start, _ := f.verbGroupStart(v, from)
	k := start - 1
	if k < from {
		return attribution{}, false
	}
	// An apposition or a relative clause between commas: Benedikt Raab, an
	// analyst at Kestrel Capital, said … / The mayor, Ruth Adeyemi, said ….
	if doc.TokenText(k) == "," {
		j := k - 1
		for ; j >= from && j > k-14 && doc.TokenText(j) != ","; j-- {
		}
		if j < from || doc.TokenText(j) != "," || j+1 >= k {
			return attribution{}, false
		}
		if m := f.mentionEndingAt(k - 1); m >= 0 && doc.Mentions[m].FirstToken == j+1 && doc.Mentions[m].Label == PER {
			return f.mentionAnswer(m), true
		}
		k = j - 1
		if k < from {
			return attribution{}, false
		}
	}
	if doc.Tokens[k].Kind != Word && doc.Tokens[k].Kind != Number {
		return attribution{}, false
	}
	if p, ok := f.lang.Pronouns[f.lower(k)]; ok {
		return attribution{speaker: f.recentSubject(p, quoteStart), words: doc.Tokens[k].Span}, true
	}
	// Any name right before the verb is its subject: the recogniser may
	// take a person for a place (Karin Strand) or a country may speak.
	if m := f.mentionEndingAt(k); m >= 0 && doc.Mentions[m].Label.IsName() {
		return f.linkedSpeaker(m, from), true
	}
	return f.phraseBefore(k, from, quoteStart)
}

// mentionAnswer is the mention's entity as a speaker.
func (f *quoteFinder) mentionAnswer(m int) attribution {
	return attribution{speaker: f.doc.Mentions[m].Entity, words: f.doc.Mentions[m].Span}
}

// linkedSpeaker is the speaker whose phrase ends with mention m: the
// mention itself, or, for an organisation linked to what stands before it
// (Jane Doe of Acme, a spokesman for Acme), that person or those words.
func (f *quoteFinder) linkedSpeaker(m, from int) attribution {
	doc := f.doc
	mention := doc.Mentions[m]
	k := mention.FirstToken - 1
	if k > from && f.lang.Determiners[f.lower(k)] {
		k--
	}
	if k <= from || !f.lang.Linkers[f.lower(k)] {
		return f.mentionAnswer(m)
	}
	head := k - 1
	for head > from && f.lang.Linkers[f.lower(head)] {
		head--
	}
	if p := f.mentionEndingAt(head); p >= 0 && doc.Mentions[p].Label == PER {
		return f.mentionAnswer(p)
	}
	if head >= from && doc.Tokens[head].Kind == Word {
		if a, ok := f.phraseBefore(head, from, -1); ok && a.speaker < 0 {
			a.words.End = mention.End
			return a
		}
	}
	return f.mentionAnswer(m)
}

// phraseBefore reads the speaker's words ending at token k: back to a
// determiner (the South Korean defence ministry), past linkers (a source
// close to the talks, the ministry of health), or words standing alone
// between punctuation or a clause word and the verb (Police, Health
// officials). A description of a person resolves to the person last named
// (resolveDescription); quoteStart < 0 leaves it unresolved.
func (f *quoteFinder) phraseBefore(k, from, quoteStart int) (attribution, bool) {
	doc := f.doc
	const longest = 9 // tokens
	start, determined := -1, false
	j := k
	for ; j >= from && j > k-longest; j-- {
		t := doc.Tokens[j]
		if t.Kind != Word && t.Kind != Number {
			break
		}
		w := f.lower(j)
		if f.lang.Linkers[w] {
			if j == k || start < 0 {
				break
			}
			continue // the ministry of health
		}
		if f.lang.Determiners[w] {
			start, determined = j, true
			if j-1 >= from && f.lang.Linkers[f.lower(j-1)] {
				continue // a source close to the negotiations
			}
			j--
			break
		}
		if f.lang.ClauseWords[w] {
			break
		}
		if _, ok := f.lang.Verbs[w]; ok && j < k {
			break
		}
		start, determined = j, false
	}
	if start < 0 {
		return attribution{}, false
	}
	// Words standing alone need a boundary before them: the sentence's or
	// the clause's start, punctuation or a clause word.
	if !determined && j >= from && j > k-longest && doc.Tokens[j].Kind == Word && !f.lang.ClauseWords[f.lower(j)] {
		return attribution{}, false
	}
	a := attribution{speaker: -1, words: Span{doc.Tokens[start].Start, doc.Tokens[k].End}}
	return f.resolveDescription(a, quoteStart), true
}

// subjectAfter finds the speaker after the verb ending at token vEnd, within
// tokens up to to: said he / said Xi / said union leader Zoltan Varga /
// came the answer from a bystander.
func (f *quoteFinder) subjectAfter(vEnd, to, quoteStart int) (attribution, bool) {
	doc := f.doc
	if vEnd >= to {
		return attribution{}, false
	}
	if p, ok := f.lang.Pronouns[f.lower(vEnd)]; ok {
		return attribution{speaker: f.recentSubject(p, quoteStart), words: doc.Tokens[vEnd].Span}, true
	}
	first := sort.Search(len(doc.Mentions), func(i int) bool { return doc.Mentions[i].FirstToken >= vEnd })
	for i := first; i < len(doc.Mentions) && doc.Mentions[i].FirstToken < min(to, vEnd+7); i++ {
		// A person or organisation a few words on (said union leader
		// Zoltan Varga), any name right after the verb or its title (said
		// hydrologist Karin Strand, whom the recogniser took for a place).
		if m := doc.Mentions[i]; m.EndToken <= to && (speakerLabel(m.Label) || m.Label.IsName() && m.FirstToken <= vEnd+1) {
			return f.mentionAnswer(i), true
		}
	}
	// Words from a determiner to the next linker or punctuation: from a
	// bystander in a yellow jacket → a bystander.
	k := vEnd
	if k < to && strings.EqualFold(doc.TokenText(k), "from") {
		k++
	}
	if k >= to || !f.lang.Determiners[f.lower(k)] {
		return attribution{}, false
	}
	end := k + 1
	for end < to && end < k+5 && doc.Tokens[end].Kind == Word && !f.lang.Linkers[f.lower(end)] {
		end++
	}
	if end == k+1 {
		return attribution{}, false
	}
	return attribution{speaker: -1, words: Span{doc.Tokens[k].Start, doc.Tokens[end-1].End}}, true
}

// mentionEndingAt returns the mention whose last token is k, or -1.
func (f *quoteFinder) mentionEndingAt(k int) int {
	doc := f.doc
	i := sort.Search(len(doc.Mentions), func(i int) bool { return doc.Mentions[i].EndToken > k })
	if i < len(doc.Mentions) && doc.Mentions[i].EndToken == k+1 && doc.Mentions[i].FirstToken <= k {
		return i
	}
	return -1
}

// resolveDescription gives a definite description of one person (the
// nurse, the 34-year-old, the retired teacher) the person last named
// before the quote, when the description fits them: a word for a person,
// or a word written beside one of their mentions (Yusuf Demir, a taxi
// driver … the taxi driver).
func (f *quoteFinder) resolveDescription(a attribution, quoteStart int) attribution {
	doc := f.doc
	if quoteStart < 0 || a.speaker >= 0 {
		return a
	}
	words := strings.Fields(doc.SpanText(a.words))
	if len(words) < 2 || !f.lang.Definite[letters.Lower(words[0])] {
		return a
	}
	head := letters.Lower(strings.TrimFunc(words[len(words)-1], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	for _, w := range words[1:] {
		if f.lang.Linkers[letters.Lower(w)] {
			return a // the head of the ministry: not read here
		}
	}
	e := f.recentSubject(Pronoun{Label: string(PER)}, quoteStart)
	if e < 0 {
		return a
	}
	if f.lang.PersonNouns[head] || strings.HasSuffix(head, f.lang.PersonSuffix) || f.describedBeside(e, head) {
		a.speaker = e
	}
	return a
}

// describedBeside reports whether the word is written within a few words of
// one of the entity's mentions: "Ana Belmonte, a nurse at …".
func (f *quoteFinder) describedBeside(e int, word string) bool {
	doc := f.doc
	for _, mi := range doc.Entities[e].Mentions {
		m := doc.Mentions[mi]
		for k := max(0, m.FirstToken-3); k < min(len(doc.Tokens), m.EndToken+8); k++ {
			if k < m.FirstToken || k >= m.EndToken {
				if strings.EqualFold(doc.TokenText(k), word) {
					return true
				}
			}
		}
	}
	return false
}

// recentSubject resolves a pronoun (or a description, as a pronoun of no
// gender) before token open: the first compatible person (or organisation)
// named in the sentence, or in the closest sentence before it that names
// one — the subject, who is usually the one speaking — leaving out names
// inside earlier quotes. A person known as a woman is not "he", nor a man
// "she"; one known to fit comes before one whose gender the text does not
// give.
func (f *quoteFinder) recentSubject(p Pronoun, open int) int {
	const lookBack = 6 // sentences
	doc := f.doc
	if Label(p.Label) == PER && f.genders == nil {
		f.genders = f.entityGenders()
	}
	s := sort.Search(len(doc.Sentences), func(i int) bool { return doc.Sentences[i].EndToken > open })
	for back := 0; back < lookBack && s-back >= 0; back++ {
		if s-back >= len(doc.Sentences) {
			continue
		}
		sent := doc.Sentences[s-back]
		end := min(sent.EndToken, open)
		i := sort.Search(len(doc.Mentions), func(i int) bool { return doc.Mentions[i].FirstToken >= sent.FirstToken })
		unknown, unlike := -1, -1
		for ; i < len(doc.Mentions) && doc.Mentions[i].EndToken <= end; i++ {
			m := doc.Mentions[i]
			if insideQuote(f.quotes, m.Start) {
				continue
			}
			if m.Label != Label(p.Label) {
				// An organisation the recogniser took for a person: "it"
				// may stand for a PER without a first name or a gender.
				if Label(p.Label) == ORG && m.Label == PER && !f.personLike(m.Entity) && unlike < 0 {
					unlike = m.Entity
				}
				continue
			}
			switch fit := f.fits(p, m.Entity); {
			case fit > 0:
				return m.Entity
			case fit == 0 && Label(p.Label) == PER && !f.personLike(m.Entity):
				// A holiday or a place taken for a person (Easter Monday)
				// comes after anyone who looks like a person.
				if unlike < 0 {
					unlike = m.Entity
				}
			case fit == 0 && unknown < 0:
				unknown = m.Entity
			}
		}
		if unknown >= 0 {
			return unknown
		}
		if unlike >= 0 {
			return unlike
		}
	}
	return -1
}

// personLike reports whether a PER entity looks like a person: one of its
// mentions starts with a first name (after a title), or the text gives its
// gender.
func (f *quoteFinder) personLike(e int) bool {
	if f.genders == nil {
		f.genders = f.entityGenders()
	}
	if f.genders[e] != unknownGender {
		return true
	}
	doc := f.doc
	for _, mi := range doc.Entities[e].Mentions {
		m := doc.Mentions[mi]
		k := m.FirstToken
		for k+1 < m.EndToken && isTitle(doc, k) {
			k++
		}
		if k > m.FirstToken && k < m.EndToken || k+1 < m.EndToken && gazetteerKinds(doc, k)&(1<<gazetteer.FirstName) != 0 {
			return true
		}
	}
	return false
}

// gender is what the text says of a person: "Mr Kim", "his wife Ri Sol-ju".
type gender = lang.Gender

const (
	unknownGender = lang.UnknownGender
	male          = lang.Male
	female        = lang.Female
)

// fits tells whether the entity is known to fit the pronoun (1), is known
// not to (-1), or the text does not say (0).
func (f *quoteFinder) fits(p Pronoun, entity int) int {
	if Label(p.Label) != PER || p.Gender == unknownGender {
		return 0
	}
	switch f.genders[entity] {
	case p.Gender:
		return 1
	case unknownGender:
		return 0
	}
	return -1
}

// entityGenders reads each person's gender from the titles and kinship words
// written just before their mentions (Mr, Mrs, Queen, wife, father...) and
// the first pronoun or possessive soon after them in the sentence (Solberg
// and her deputy; Bensaid said his team), by majority; unknown when the
// text does not say.
func (f *quoteFinder) entityGenders() []gender {
	doc := f.doc
	votes := make([]int, len(doc.Entities))
	vote := func(e int, w string) {
		switch {
		case f.lang.MaleCues[w]:
			votes[e]++
		case f.lang.FemaleCues[w]:
			votes[e]--
		}
	}
	for i, m := range doc.Mentions {
		if m.Label != PER {
			continue
		}
		for k := max(0, m.FirstToken-2); k < m.FirstToken; k++ {
			vote(m.Entity, letters.Lower(strings.TrimSuffix(doc.TokenText(k), ".")))
		}
		// Titles the recogniser kept inside the mention: "Mrs May".
		vote(m.Entity, letters.Lower(strings.TrimSuffix(doc.TokenText(m.FirstToken), ".")))
		// The first pronoun after the name, unless another name comes
		// first or it opens an apposition ("Eva Lindholm, his rival").
		sentEnd := sentenceOf(doc, m.FirstToken).EndToken
		next := len(doc.Tokens)
		if i+1 < len(doc.Mentions) {
			next = doc.Mentions[i+1].FirstToken
		}
		for k := m.EndToken; k < min(m.EndToken+7, sentEnd, next); k++ {
			g, ok := f.lang.Possessives[f.lower(k)]
			if !ok {
				continue
			}
			if k == m.EndToken+1 && doc.TokenText(k-1) == "," || insideQuote(f.quotes, doc.Tokens[k].Start) {
				break
			}
			if g == male {
				votes[m.Entity]++
			} else {
				votes[m.Entity]--
			}
			break
		}
	}
	genders := make([]gender, len(votes))
	for e, v := range votes {
		switch {
		case v > 0:
			genders[e] = male
		case v < 0:
			genders[e] = female
		}
	}
	return genders
}
