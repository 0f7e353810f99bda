package analyzer

import (
	"sort"
	"strings"
)

// MinQuoteWords is the fewest words an unattributed quote needs: shorter
// quoted phrases ("positive", “war games”) are scare quotes, not speech.
const MinQuoteWords = 4

// findQuotes finds quoted speech and its speaker. Quotes open with “ „ « or
// a straight " and close with ” » or ". A quote may run over several
// paragraphs, each reopened with a new mark, as newspapers print them.
// The speaker comes from the attribution after the quote (“…,” he said /
// said Xi / Mr Kim told reporters) or before it (Kim said: “…” / according
// to X, “…”); he and she resolve to the subject of the sentence that last
// names a compatible person (see recentSubject).
func findQuotes(doc *Document) []Quote {
	f := &quoteFinder{doc: doc}
	open := -1    // token index of the unclosed opening mark
	lastMark := 0 // end of the last opening mark, to look for paragraph breaks after it
	for k, t := range doc.Tokens {
		if t.Kind != Punct {
			continue
		}
		switch quoteRole(doc, k) {
		case opens:
			continued := open >= 0 && paragraphBetween(doc.Text, lastMark, t.Start)
			lastMark = t.End
			if continued {
				continue // the same quote goes on in a new paragraph
			}
			open = k
		case closes:
			if open < 0 {
				continue
			}
			q := Quote{Span: Span{doc.Tokens[open].Start, t.End}, Speaker: -1, Attribution: Span{-1, -1}}
			if speaker, words, ok := f.attribute(open, k); ok {
				q.Speaker, q.Attribution = speaker, words
			} else if prev, ok := f.continuedQuote(open); ok {
				q.Speaker, q.Attribution = prev.Speaker, prev.Attribution
			}
			if q.Attribution.Start >= 0 || wordsBetween(doc, open, k) >= MinQuoteWords {
				f.quotes = append(f.quotes, q)
			}
			open = -1
		}
	}
	return f.quotes
}

// quoteFinder holds what attribution needs: the quotes found so far and,
// once computed, the gender each person entity is known by.
type quoteFinder struct {
	doc     *Document
	quotes  []Quote
	genders []gender // by entity; nil until a pronoun needs them
}

type quoteMarkRole int

const (
	notQuote quoteMarkRole = iota
	opens
	closes
)

// quoteRole tells opening from closing marks; a straight quote opens when
// the word it touches follows it.
func quoteRole(doc *Document, k int) quoteMarkRole {
	switch doc.TokenText(k) {
	case "“", "„", "«":
		return opens
	case "”", "»":
		return closes
	case "\"":
		gluedBefore := k > 0 && doc.Tokens[k-1].End == doc.Tokens[k].Start
		gluedAfter := k+1 < len(doc.Tokens) && doc.Tokens[k+1].Start == doc.Tokens[k].End
		if gluedBefore && !opensAfter(doc, k-1) {
			return closes
		}
		if gluedAfter || !gluedBefore {
			return opens
		}
		return closes
	}
	return notQuote
}

// opensAfter reports whether token k is something a quote can open right
// after: an opening bracket or a dash.
func opensAfter(doc *Document, k int) bool {
	switch doc.TokenText(k) {
	case "(", "[", "—", "–", "-":
		return true
	}
	return false
}

func paragraphBetween(text string, from, to int) bool {
	return strings.Contains(text[from:to], "\n\n") || strings.Contains(text[from:to], "\n\r\n")
}

func wordsBetween(doc *Document, open, close int) int {
	n := 0
	for k := open + 1; k < close; k++ {
		if doc.Tokens[k].Kind == Word || doc.Tokens[k].Kind == Number {
			n++
		}
	}
	return n
}

// attribution window sizes, in tokens.
const (
	attributionAfter  = 10
	attributionBefore = 10
)

// attribute finds who said the quote between marks open and close. It
// returns the speaker entity (-1 if no entity covers the speaker) and the
// speaker's words.
func (f *quoteFinder) attribute(open, close int) (int, Span, bool) {
	doc := f.doc
	sentEnd := sentenceOf(doc, close).EndToken
	// After the quote: “…,” he said. / “…,” said Xi. / “…,” the ministry said.
	end := min(close+1+attributionAfter, sentEnd, len(doc.Tokens))
	for k := close + 1; k < end; k++ {
		if quoteRole(doc, k) == opens {
			end = k
			break
		}
	}
	if v := findSpeechVerb(doc, close+1, end); v >= 0 {
		if e, span, ok := f.speakerNear(close+1, end, v, open); ok {
			return e, span, true
		}
	}
	// Before the quote: Kim said: “…” / According to Kim, “…” / Kim told Xi
	// that he is “…”. The quote must be introduced right before its mark, or
	// follow a reported "that", or a phrase merely mentioned nearby (what he
	// called “war games”) would count.
	if open == 0 {
		return -1, Span{}, false
	}
	sentStart := sentenceOf(doc, open).FirstToken
	start := max(open-attributionBefore, sentStart)
	for k := open - 1; k >= start; k-- {
		if quoteRole(doc, k) == closes {
			start = k + 1
			break
		}
	}
	v := findSpeechVerb(doc, start, open)
	if v >= 0 && (introducesQuote(doc, open-1) || hasWord(doc, v+1, open, "that")) {
		return f.speakerNear(start, open, v, open)
	}
	// Reported speech that quotes the speaker's words: Klopp said his side
	// “did not deserve anything”. Only a quote long enough to be speech,
	// a few words after the verb, none of them a naming verb.
	if v >= open-5 && v >= 0 && wordsBetween(doc, open, close) >= MinQuoteWords && findWord(doc, v+1, open, namingVerbs) < 0 {
		return f.speakerNear(start, open, v, open)
	}
	// Naming words ("called the deal “…”") attribute only a quote long
	// enough to be speech: what he called “war games” is a scare quote.
	if w := findWord(doc, max(start, open-4), open, namingVerbs); w >= 0 && wordsBetween(doc, open, close) >= MinQuoteWords {
		return f.speakerNear(start, open, w, open)
	}
	return -1, Span{}, false
}

// namingVerbs quote someone's words as a name for something.
var namingVerbs = set("called", "calls", "call", "described", "describes", "dubbed", "termed", "labelled", "labeled")

func findWord(doc *Document, from, to int, words map[string]bool) int {
	for k := from; k < to; k++ {
		if doc.Tokens[k].Kind == Word && words[strings.ToLower(doc.TokenText(k))] {
			return k
		}
	}
	return -1
}

// continuedQuote finds the quote that a new, unattributed one goes on from:
// the previous quote, attributed, in the same paragraph with no more than
// its attribution between them (“…,” he said. “And more…”).
func (f *quoteFinder) continuedQuote(open int) (Quote, bool) {
	doc := f.doc
	if len(f.quotes) == 0 {
		return Quote{}, false
	}
	prev := f.quotes[len(f.quotes)-1]
	start := doc.Tokens[open].Start
	if prev.Attribution.Start < 0 || paragraphBetween(doc.Text, prev.End, start) {
		return Quote{}, false
	}
	between := 0
	for k := open - 1; k >= 0 && doc.Tokens[k].Start >= prev.End; k-- {
		between++
	}
	return prev, between <= attributionAfter
}

func allWords(doc *Document, from, to int) bool {
	for k := from; k < to; k++ {
		if doc.Tokens[k].Kind != Word {
			return false
		}
	}
	return true
}

func hasWord(doc *Document, from, to int, word string) bool {
	for k := from; k < to; k++ {
		if strings.EqualFold(doc.TokenText(k), word) {
			return true
		}
	}
	return false
}

// introducesQuote reports whether token k can lead into a quote: a colon, a
// comma, "that", or a speech verb.
func introducesQuote(doc *Document, k int) bool {
	switch w := strings.ToLower(doc.TokenText(k)); w {
	case ":", ",", "that":
		return true
	default:
		return speechVerbs[w]
	}
}

// sentenceOf returns the sentence holding token k.
func sentenceOf(doc *Document, k int) Sentence {
	lo, hi := 0, len(doc.Sentences)
	for lo < hi {
		mid := (lo + hi) / 2
		if doc.Sentences[mid].EndToken <= k {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(doc.Sentences) {
		return doc.Sentences[lo]
	}
	return Sentence{FirstToken: k, EndToken: k + 1}
}

func findSpeechVerb(doc *Document, from, to int) int {
	for k := from; k < to; k++ {
		if doc.Tokens[k].Kind == Word && speechVerbs[strings.ToLower(doc.TokenText(k))] {
			return k
		}
	}
	return -1
}

// speakerNear picks the speaker around speech verb v within [from, to): the
// closest PER or ORG mention before the verb ("Kim said"), else a pronoun
// next to the verb resolved to the subject that last names a compatible
// person or organisation before the quote (recentSubject), else the closest
// mention after the verb ("said Xi"),
// else the words before the verb ("the defence ministry said").
func (f *quoteFinder) speakerNear(from, to, v, quoteStart int) (int, Span, bool) {
	doc := f.doc
	best, bestDist := -1, 1<<30
	first := sort.Search(len(doc.Mentions), func(i int) bool { return doc.Mentions[i].FirstToken >= from })
	for i := first; i < len(doc.Mentions) && doc.Mentions[i].FirstToken < to; i++ {
		m := doc.Mentions[i]
		if m.EndToken > to || (m.Label != PER && m.Label != ORG) {
			continue
		}
		d := m.FirstToken - v
		if m.EndToken <= v {
			d = v - m.EndToken
		} else {
			d += attributionAfter // prefer speakers before the verb
		}
		if d < bestDist {
			best, bestDist = i, d
		}
	}
	// A pronoun next to the verb is the speaker unless a name stands before
	// the verb: in “…,” he told Xi, according to Reuters, Xi is the listener
	// and Reuters the source.
	if best < 0 || doc.Mentions[best].FirstToken > v {
		for _, k := range []int{v - 1, v + 1} {
			if k < from || k >= to {
				continue
			}
			w := strings.ToLower(doc.TokenText(k))
			if _, ok := pronounLabels[w]; ok {
				return f.recentSubject(w, quoteStart), doc.Tokens[k].Span, true
			}
		}
	}
	if best >= 0 {
		m := doc.Mentions[best]
		return m.Entity, m.Span, true
	}
	// After the quote, the few words between it and the verb are the
	// speaker: “…,” one said / “…,” officials said.
	lead := from
	if lead < v && doc.TokenText(lead) == "," {
		lead++
	}
	if lead < v && v-lead <= 4 && allWords(doc, lead, v) {
		return -1, Span{doc.Tokens[lead].Start, doc.Tokens[v-1].End}, true
	}
	// No entity: the words right before the verb, from a determiner on ("the
	// South Korean defence ministry said") or all capitalised (a name the
	// recogniser missed).
	capitalised := true
	k := v - 1
	for ; k >= from && k >= v-6 && doc.Tokens[k].Kind == Word; k-- {
		w := strings.ToLower(doc.TokenText(k))
		if w == "the" || w == "a" || w == "an" {
			if k+1 < v {
				return -1, Span{doc.Tokens[k].Start, doc.Tokens[v-1].End}, true
			}
			return -1, Span{}, false
		}
		capitalised = capitalised && startsUpper(doc.TokenText(k))
	}
	if k+1 < v && capitalised && (k < from || doc.Tokens[k].Kind == Punct) {
		return -1, Span{doc.Tokens[k+1].Start, doc.Tokens[v-1].End}, true
	}
	return -1, Span{}, false
}

var pronounLabels = map[string]Label{"he": PER, "she": PER, "it": ORG, "they": ORG}

// recentSubject resolves the pronoun (he, she, it, they) before the quote
// opening at token open: the first compatible person (or organisation) named
// in the sentence, or in the closest sentence before it that names one — the
// subject, who is usually the one speaking — leaving out names inside
// earlier quotes. A person known as a woman is not "he", nor a man "she".
func (f *quoteFinder) recentSubject(pronoun string, open int) int {
	const lookBack = 6 // sentences
	doc := f.doc
	label := pronounLabels[pronoun]
	if label == PER && f.genders == nil {
		f.genders = entityGenders(doc)
	}
	s := sort.Search(len(doc.Sentences), func(i int) bool { return doc.Sentences[i].EndToken > open })
	for back := 0; back < lookBack && s-back >= 0; back++ {
		sent := doc.Sentences[s-back]
		end := min(sent.EndToken, open)
		i := sort.Search(len(doc.Mentions), func(i int) bool { return doc.Mentions[i].FirstToken >= sent.FirstToken })
		// Within a sentence, one known to fit the pronoun comes before one
		// whose gender the text does not give.
		unknown := -1
		for ; i < len(doc.Mentions) && doc.Mentions[i].EndToken <= end; i++ {
			m := doc.Mentions[i]
			if m.Label != label || insideQuote(f.quotes, m.Start) {
				continue
			}
			switch fit := f.fits(pronoun, m.Entity); {
			case fit > 0:
				return m.Entity
			case fit == 0 && unknown < 0:
				unknown = m.Entity
			}
		}
		if unknown >= 0 {
			return unknown
		}
	}
	return -1
}

// insideQuote reports whether offset at falls inside one of the quotes,
// which are sorted.
func insideQuote(quotes []Quote, at int) bool {
	i := sort.Search(len(quotes), func(i int) bool { return quotes[i].End > at })
	return i < len(quotes) && quotes[i].Start <= at
}

// gender is what the text says of a person: "Mr Kim", "his wife Ri Sol-ju".
type gender int8

const (
	unknownGender gender = iota
	male
	female
)

// fits tells whether the entity is known to fit the pronoun (1), is known
// not to (-1), or the text does not say (0).
func (f *quoteFinder) fits(pronoun string, entity int) int {
	want := unknownGender
	switch pronoun {
	case "he":
		want = male
	case "she":
		want = female
	default:
		return 0
	}
	switch f.genders[entity] {
	case want:
		return 1
	case unknownGender:
		return 0
	}
	return -1
}

// entityGenders reads each person's gender from the titles and kinship words
// written just before their mentions (Mr, Mrs, Queen, wife, father...), by
// majority; unknown when the text does not say.
func entityGenders(doc *Document) []gender {
	votes := make([]int, len(doc.Entities))
	for _, m := range doc.Mentions {
		if m.Label != PER {
			continue
		}
		for k := m.FirstToken - 1; k >= max(0, m.FirstToken-2) && k < m.FirstToken+1; k-- {
			w := strings.ToLower(strings.TrimSuffix(doc.TokenText(k), "."))
			switch {
			case maleCues[w]:
				votes[m.Entity]++
			case femaleCues[w]:
				votes[m.Entity]--
			}
		}
		// Titles the recogniser kept inside the mention: "Mrs May".
		if w := strings.ToLower(strings.TrimSuffix(doc.TokenText(m.FirstToken), ".")); maleCues[w] {
			votes[m.Entity]++
		} else if femaleCues[w] {
			votes[m.Entity]--
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

var (
	maleCues = set("mr", "sir", "king", "prince", "lord", "duke", "emperor", "monsieur", "herr", "señor", "senor",
		"husband", "father", "son", "brother", "uncle", "grandfather", "nephew", "boyfriend")
	femaleCues = set("mrs", "ms", "miss", "madam", "madame", "mme", "queen", "princess", "lady", "dame", "duchess",
		"empress", "frau", "señora", "senora", "wife", "mother", "daughter", "sister", "aunt", "grandmother",
		"niece", "girlfriend")
)

var speechVerbs = set("said", "says", "say", "saying", "told", "tells", "added", "adds", "asked", "asks",
	"stated", "states", "declared", "warned", "warns", "explained", "noted", "insisted", "wrote", "writes",
	"tweeted", "replied", "responded", "remarked", "commented", "announced", "argued", "claimed",
	"confirmed", "urged", "acknowledged", "continued", "recalled", "according", "quoted", "stressed",
	"emphasised", "emphasized", "admitted", "suggested", "predicted", "promised", "vowed", "pledged")
