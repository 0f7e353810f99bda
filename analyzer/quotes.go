package analyzer

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"annotator/analyzer/letters"
)

// MinQuoteWords is the fewest words a quote in marks needs to stand for
// speech when nothing attributes it and it is not a sentence of its own:
// shorter quoted phrases ("positive", “war games”) are scare quotes.
const MinQuoteWords = 4

// QuoteKind tells how a quote gives the speaker's words.
type QuoteKind string

// Quote kinds.
const (
	// DirectQuote is the speaker's words in quote marks.
	DirectQuote QuoteKind = "direct"
	// ReportedSpeech is what the speaker said, in the writer's words: the
	// clause after a speech or cognition verb (said that …, according to …).
	ReportedSpeech QuoteKind = "reported"
	// MixedQuote is reported speech holding a quoted fragment: said the
	// plan was “dead on arrival”.
	MixedQuote QuoteKind = "mixed"
)

// findQuotes finds quotes and their speakers, in text order:
//   - direct quotes between marks (“ „ « or a straight " opening, ” » or "
//     closing), running over several paragraphs when each reopens with a
//     new mark, attributed by the words after them (“…,” he said / said Xi
//     / came the answer from …) or before them (Kim said: “…” / Ruiz
//     joked, “…” / Ruiz: “…”); the second half of a quote split around its
//     attribution, and a paragraph that goes on quoting the previous
//     paragraph's speaker, keep that speaker and verb;
//   - reported speech (quotes_reported.go): the clause a speech verb
//     introduces, mixed when it holds a quoted fragment;
//   - quoted phrases that nothing attributes and that are not a sentence of
//     their own are scare quotes or titles, not quotes.
//
// Speakers are resolved by quotes_speaker.go: pronouns, descriptions,
// "X of ORG", unnamed speakers as words.
func findQuotes(doc *Document, pace *pacer) []Quote {
	f := &quoteFinder{doc: doc, lang: doc.language().Quotes(), carryAt: -1, pace: pace}
	f.findMarked()
	if f.lang.DialogueDash {
		f.findDialogue()
	}
	reported := f.findReported()
	quotes := make([]Quote, 0, len(f.quotes)+len(reported))
	for i, q := range f.quotes {
		if !f.absorbed[i] {
			quotes = append(quotes, q)
		}
	}
	quotes = append(quotes, reported...)
	slices.SortFunc(quotes, func(a, b Quote) int { return a.Start - b.Start })
	f.followOn(quotes)
	out := quotes[:0]
	for i, q := range quotes {
		pace.tick()
		if q.Attribution.Start >= 0 || f.speechLike(q, quotes[:i]) {
			out = append(out, q)
		}
	}
	return out
}

// quoteFinder holds what attribution needs: the quotes in marks found so
// far with their tokens and, once computed, the gender each person entity
// is known by.
type quoteFinder struct {
	doc      *Document
	lang     *QuoteLanguage
	quotes   []Quote           // quotes in marks, in text order
	marks    []markRange       // their marks' tokens
	absorbed []bool            // quotes in marks that became part of reported speech
	genders  []gender          // by entity; nil until a pronoun needs them
	verbs    []verbToken       // by token; nil until findVerbs
	bases    []string          // the verbs' base forms
	lowered  map[string]string // capitalised word forms in lower case
	// carry is the speaker of the last reported speech, for a participle
	// that goes on from it at token carryAt (…, adding that …).
	carry   attribution
	carryAt int
	pace    *pacer // ticked once a token or sentence in each pass
}

// markRange is a quote in marks: tokens open and close are its marks.
type markRange struct{ open, close int }

// attribution is who said a quote and with what verb.
type attribution struct {
	speaker int  // entity index, -1 when no entity covers the speaker
	words   Span // the speaker's words in the text
	verb    string
}

func (f *quoteFinder) findMarked() {
	doc := f.doc
	open := -1    // token index of the unclosed opening mark
	lastMark := 0 // end of the last opening mark, to look for paragraph breaks after it
	for k, t := range doc.Tokens {
		f.pace.tick()
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
			q := Quote{Span: Span{doc.Tokens[open].Start, t.End}, Kind: DirectQuote, Speaker: -1, Attribution: Span{-1, -1}}
			if a, ok := f.attribute(open, k); ok {
				q.Speaker, q.Attribution, q.Verb = a.speaker, a.words, a.verb
			} else if prev, ok := f.continuedQuote(open); ok {
				q.Speaker, q.Attribution, q.Verb = prev.Speaker, prev.Attribution, prev.Verb
			}
			f.quotes = append(f.quotes, q)
			f.marks = append(f.marks, markRange{open, k})
			open = -1
		}
	}
	f.absorbed = make([]bool, len(f.quotes))
}

type quoteMarkRole int

const (
	notQuote quoteMarkRole = iota
	opens
	closes
)

// quoteRole tells opening from closing marks, the language's (its pack's
// Quotes.Marks); a straight quote, or a mark that both opens and closes,
// opens when the word it touches follows it.
func quoteRole(doc *Document, k int) quoteMarkRole {
	if doc.Tokens[k].Kind != Punct {
		return notQuote
	}
	text := doc.TokenText(k)
	r, size := utf8.DecodeRuneInString(text)
	if size != len(text) {
		return notQuote
	}
	if r != '"' {
		opensMark, closesMark := doc.language().Quotes().MarkRole(r)
		switch {
		case !opensMark && !closesMark:
			return notQuote
		case !closesMark:
			return opens
		case !opensMark:
			return closes
		}
	}
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

// isDialogueDash reports whether token k is a dash that can open a line
// of dialogue: — (U+2014) or – (U+2013).
func isDialogueDash(doc *Document, k int) bool {
	t := doc.TokenText(k)
	return t == "—" || t == "–"
}

// opensLine reports whether only white space stands between the start of
// the text or a line break and offset at.
func opensLine(text string, at int) bool {
	i := at - 1
	for i >= 0 && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
		i--
	}
	return i < 0 || text[i] == '\n'
}

// findDialogue finds lines of dialogue in languages that print them after
// a dash (—No vendré —dijo Juan—.): the words from a dash that opens a
// line to the next dash on it, or to the line's end, attributed by the
// words after that dash as a quote in marks is.
func (f *quoteFinder) findDialogue() {
	doc := f.doc
	var quotes []Quote
	var marks []markRange
	inMarks := 0 // the next quote in marks that may hold token k
	for k := 0; k < len(doc.Tokens); k++ {
		f.pace.tick()
		if !isDialogueDash(doc, k) || !opensLine(doc.Text, doc.Tokens[k].Start) {
			continue
		}
		for inMarks < len(f.marks) && f.marks[inMarks].close < k {
			inMarks++
		}
		if inMarks < len(f.marks) && f.marks[inMarks].open < k {
			continue // a dash inside a quote in marks
		}
		lineEnd := len(doc.Text)
		if i := strings.IndexByte(doc.Text[doc.Tokens[k].End:], '\n'); i >= 0 {
			lineEnd = doc.Tokens[k].End + i
		}
		close, last := -1, k
		for j := k + 1; j < len(doc.Tokens) && doc.Tokens[j].Start < lineEnd; j++ {
			if isDialogueDash(doc, j) {
				close = j
				break
			}
			last = j
		}
		if last == k {
			continue // a dash alone on its line
		}
		if close < 0 {
			// – Det er for sent, sier Nordmann: a comma before the verb
			// ends the words spoken.
			for j := k + 1; j < last; j++ {
				if doc.TokenText(j) != "," {
					continue
				}
				if v, _, _ := f.findVerb(j+1, min(j+4, last+1), false); v >= 0 {
					close, last = j, j
					break
				}
			}
		}
		q := Quote{Span: Span{doc.Tokens[k].Start, doc.Tokens[last].End}, Kind: DirectQuote, Speaker: -1, Attribution: Span{-1, -1}}
		end := close
		if close < 0 {
			end = last + 1
		}
		if close >= 0 {
			if a, ok := f.attribute(k, close); ok {
				q.Speaker, q.Attribution, q.Verb = a.speaker, a.words, a.verb
			}
		}
		quotes = append(quotes, q)
		marks = append(marks, markRange{k, end})
		k = end
	}
	if len(quotes) == 0 {
		return
	}
	// Keep quotes and their marks together, in text order.
	type pair struct {
		q Quote
		m markRange
	}
	all := make([]pair, 0, len(f.quotes)+len(quotes))
	for i := range f.quotes {
		all = append(all, pair{f.quotes[i], f.marks[i]})
	}
	for i := range quotes {
		all = append(all, pair{quotes[i], marks[i]})
	}
	slices.SortFunc(all, func(a, b pair) int { return a.q.Start - b.q.Start })
	f.quotes, f.marks = f.quotes[:0], f.marks[:0]
	for _, p := range all {
		f.quotes = append(f.quotes, p.q)
		f.marks = append(f.marks, p.m)
	}
	f.absorbed = make([]bool, len(f.quotes))
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

// paragraphBreaks counts the blank lines between byte offsets from and to,
// runs of them counting once.
func paragraphBreaks(text string, from, to int) int {
	n := 0
	for i := from; i < to; {
		j := strings.IndexByte(text[i:to], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		blank := i
		for blank < to && (text[blank] == ' ' || text[blank] == '\t' || text[blank] == '\r') {
			blank++
		}
		if blank < to && text[blank] == '\n' {
			n++
			for blank < to && (text[blank] == '\n' || text[blank] == ' ' || text[blank] == '\t' || text[blank] == '\r') {
				blank++
			}
			i = blank
		}
	}
	return n
}

// opensParagraph reports whether only white space stands between the
// start of the text or a blank line and offset at.
func opensParagraph(text string, at int) bool {
	i := at - 1
	for i >= 0 && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
		i--
	}
	if i < 0 {
		return true
	}
	if text[i] != '\n' {
		return false
	}
	i--
	for i >= 0 && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
		i--
	}
	return i < 0 || text[i] == '\n'
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

// attribute finds who said the quote between marks open and close, and
// with which verb.
func (f *quoteFinder) attribute(open, close int) (attribution, bool) {
	doc := f.doc
	sentEnd := sentenceOf(doc, close).EndToken
	// After the quote: “…,” he said. / “…,” said Xi. / “…,” the ministry
	// said. / “…,” came the answer from a bystander.
	end := min(close+1+attributionAfter, sentEnd, len(doc.Tokens))
	for k := close + 1; k < end; k++ {
		if quoteRole(doc, k) == opens {
			end = k
			break
		}
	}
	if v, vEnd, base := f.findVerb(close+1, end, false); v >= 0 && f.attributionBetween(close+1, v) {
		if a, ok := f.speakerNear(close+1, end, v, vEnd, open); ok {
			a.verb = base
			return a, true
		}
	}
	if open == 0 {
		return attribution{}, false
	}
	// Before the quote: Kim said: “…” / According to Kim, “…” / Kim told Xi
	// that he is “…”. The quote must be introduced right before its mark, or
	// follow a reported "that", or a phrase merely mentioned nearby (what he
	// called “war games”) would count.
	sentStart := sentenceOf(doc, open).FirstToken
	start := max(open-attributionBefore, sentStart)
	for k := open - 1; k >= start; k-- {
		if quoteRole(doc, k) == closes {
			start = k + 1
			break
		}
	}
	// Ruiz: “…” — an interview's speaker before a colon.
	if doc.TokenText(open-1) == ":" && open-1 > sentStart {
		if m := f.mentionEndingAt(open - 2); m >= 0 && doc.Mentions[m].FirstToken == sentStart && speakerLabel(doc.Mentions[m].Label) {
			return attribution{speaker: doc.Mentions[m].Entity, words: doc.Mentions[m].Span}, true
		}
	}
	v, vEnd, base := f.findLastVerb(start, open)
	if v >= 0 && (f.introducesQuote(open-1) || f.hasThat(vEnd, open)) {
		a, ok := f.speakerNear(start, open, v, vEnd, open)
		a.verb = base
		return a, ok
	}
	// Reported speech that quotes the speaker's words: Klopp said his side
	// “did not deserve anything”. Only a quote long enough to be speech,
	// a few words after the verb, none of them a naming verb.
	if v >= 0 && v >= open-5 && wordsBetween(doc, open, close) >= MinQuoteWords && f.findNaming(vEnd, open) < 0 {
		a, ok := f.speakerNear(start, open, v, vEnd, open)
		a.verb = base
		return a, ok
	}
	// Naming words ("called the deal “…”") attribute only a quote long
	// enough to be speech, and only to a named speaker or a pronoun: what
	// he called “war games” is a scare quote, and what a report calls “…”
	// nobody's words.
	if w := f.findNaming(max(start, open-4), open); w >= 0 && wordsBetween(doc, open, close) >= MinQuoteWords {
		if a, ok := f.subjectBefore(w, start, open); ok && a.speaker >= 0 {
			a.verb = f.lang.Naming[f.lower(w)]
			return a, true
		}
	}
	return attribution{}, false
}

// attributionBetween reports whether tokens [from, to), between a quote
// and the verb after it, can be the speaker: words and commas (the
// engineer, Sunniva Dahl,), not a clause of their own (in Seoul on June
// 19th).
func (f *quoteFinder) attributionBetween(from, to int) bool {
	for k := from; k < to; k++ {
		t := f.doc.Tokens[k]
		if k <= from+1 && isDialogueDash(f.doc, k) {
			continue // «…», — сказал он; „…” – mondta
		}
		if t.Kind == Punct && f.doc.TokenText(k) != "," || t.Kind != Punct && t.Kind != Word && t.Kind != Number {
			return false
		}
		if w := f.lower(k); f.lang.ClauseWords[w] && !f.lang.Linkers[w] {
			return false
		}
	}
	return true
}

// findVerb finds the first attribution verb in tokens [from, to): its
// first token, the token after it and its base form; -1 when none.
// Cognition verbs (believe) count only when cognition is set.
func (f *quoteFinder) findVerb(from, to int, cognition bool) (int, int, string) {
	for k := from; k < to; k++ {
		if base, end, ok := f.verbAt(k); ok && end <= to && (cognition || !f.lang.Cognition[base]) {
			return k, end, base
		}
	}
	return -1, -1, ""
}

// findLastVerb finds the attribution verb closest before token to (Asked
// if he would resign, Roth said: “…” → said), from token from on.
func (f *quoteFinder) findLastVerb(from, to int) (int, int, string) {
	for k := to - 1; k >= from; k-- {
		if base, end, ok := f.verbAt(k); ok && end <= to && !f.lang.Cognition[base] {
			return k, end, base
		}
	}
	return -1, -1, ""
}

// verbAt reads an attribution verb (a word or a phrase) at token k.
func (f *quoteFinder) verbAt(k int) (base string, end int, ok bool) {
	if f.verbs == nil {
		f.findVerbs()
	}
	v := f.verbs[k]
	if v.words == 0 {
		return "", 0, false
	}
	return f.bases[v.base], k + int(v.words), true
}

// verbToken is the attribution verb starting at a token: its base form's
// index in quoteFinder.bases and its length in words (0 for none).
type verbToken struct {
	base  int16
	words int8
}

// findVerbs reads the attribution verb at every token, once per document.
func (f *quoteFinder) findVerbs() {
	doc := f.doc
	f.verbs = make([]verbToken, len(doc.Tokens))
	index := map[string]int16{}
	add := func(k int, base string, words int) {
		i, ok := index[base]
		if !ok {
			i = int16(len(f.bases))
			index[base] = i
			f.bases = append(f.bases, base)
		}
		f.verbs[k] = verbToken{i, int8(words)}
	}
	table, longest := f.lang.VerbLookup()
	var buf [24]byte
	for k, t := range doc.Tokens {
		f.pace.tick()
		if t.Kind != Word || t.Len() > longest {
			continue
		}
		// One lookup per word, lower-cased on the stack.
		w := doc.Text[t.Start:t.End]
		var entry QuoteVerb
		var ok bool
		if lowerASCII(buf[:], w) {
			entry, ok = table[string(buf[:len(w)])]
		} else {
			entry, ok = table[letters.Lower(w)]
		}
		if !ok {
			continue
		}
		for _, p := range entry.Phrases {
			if f.wordsAt(k+1, p.Rest) {
				add(k, p.Base, 1+len(p.Rest))
				break
			}
		}
		if f.verbs[k].words == 0 && entry.Base != "" {
			add(k, entry.Base, 1)
		}
	}
}

// lowerASCII writes the lower case of ASCII word w into buf and reports
// whether it could (w is ASCII and fits).
func lowerASCII(buf []byte, w string) bool {
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return true
}

// wordsAt reports whether the tokens from k are the words given.
func (f *quoteFinder) wordsAt(k int, words []string) bool {
	if k+len(words) > len(f.doc.Tokens) {
		return false
	}
	for i, w := range words {
		if !strings.EqualFold(f.doc.TokenText(k+i), w) {
			return false
		}
	}
	return true
}

// lower returns token k in lower case, allocating once per capitalised
// word form.
func (f *quoteFinder) lower(k int) string {
	s := f.doc.TokenText(k)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			if l, ok := f.lowered[s]; ok {
				return l
			}
			if f.lowered == nil {
				f.lowered = map[string]string{}
			}
			l := letters.Lower(s)
			f.lowered[s] = l
			return l
		}
	}
	return s
}

func (f *quoteFinder) findNaming(from, to int) int {
	for k := from; k < to; k++ {
		if _, ok := f.lang.Naming[f.lower(k)]; ok && f.doc.Tokens[k].Kind == Word {
			return k
		}
	}
	return -1
}

// hasThat reports whether a word introducing a reported clause stands in
// tokens [from, to).
func (f *quoteFinder) hasThat(from, to int) bool {
	for k := from; k < to; k++ {
		if f.lang.That[f.lower(k)] {
			return true
		}
	}
	return false
}

// introducesQuote reports whether token k can lead into a quote: a colon, a
// comma, "that", or a speech verb.
func (f *quoteFinder) introducesQuote(k int) bool {
	switch w := f.lower(k); {
	case w == ":" || w == ",":
		return true
	case f.lang.That[w]:
		return true
	default:
		_, _, ok := f.verbAt(k)
		return ok
	}
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

// followOn gives an unattributed quote that opens a paragraph the speaker
// and verb of the quote just before it, when that one is attributed and
// ends in the paragraph right before: newspapers quote a speaker over
// several paragraphs and name them once.
func (f *quoteFinder) followOn(quotes []Quote) {
	text := f.doc.Text
	for i := 1; i < len(quotes); i++ {
		f.pace.tick()
		q, prev := &quotes[i], quotes[i-1]
		if q.Attribution.Start >= 0 || q.Kind != DirectQuote || prev.Attribution.Start < 0 {
			continue
		}
		if opensParagraph(text, q.Start) && paragraphBreaks(text, prev.End, q.Start) == 1 {
			q.Speaker, q.Attribution, q.Verb = prev.Speaker, prev.Attribution, prev.Verb
		}
	}
}

// speechLike tells an unattributed quote in marks worth keeping: a sentence
// of its own (opening its sentence and ending with punctuation or with the
// sentence) of at least MinQuoteWords words. A quoted phrase inside a
// sentence is a scare quote or a title.
func (f *quoteFinder) speechLike(q Quote, before []Quote) bool {
	doc := f.doc
	if q.Kind != DirectQuote {
		return true
	}
	open := sort.Search(len(doc.Tokens), func(i int) bool { return doc.Tokens[i].Start >= q.Start })
	close := sort.Search(len(doc.Tokens), func(i int) bool { return doc.Tokens[i].End >= q.End })
	if open >= len(doc.Tokens) || close >= len(doc.Tokens) || wordsBetween(doc, open, close) < MinQuoteWords {
		return false
	}
	sent := sentenceOf(doc, open)
	if open != sent.FirstToken && doc.TokenText(open-1) != ":" {
		return false
	}
	switch doc.TokenText(close - 1) {
	case ".", ",", "?", "!", "…":
		return true
	}
	return close+1 >= sentenceOf(doc, close).EndToken
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

// insideQuote reports whether offset at falls inside one of the quotes,
// which are sorted.
func insideQuote(quotes []Quote, at int) bool {
	i := sort.Search(len(quotes), func(i int) bool { return quotes[i].End > at })
	return i < len(quotes) && quotes[i].Start <= at
}
