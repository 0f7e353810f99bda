package analyzer

import "strings"

// Reported speech: the clause a speech or cognition verb introduces, in
// the writer's words (The minister said that the border would reopen /
// Smith announced that she would step down / According to the agency,
// prices rose 3% / Prices rose 3%, the agency said). The quote's span is
// the reported content, not the sentence; one that holds a quote in marks
// is mixed, and the quote in marks becomes part of it. Verbs used in other
// senses (the said property, is said to be, easier said than done), speech
// without content (said nothing, declined to say when) and negated speech
// report nothing.

// findReported finds reported speech, sentence by sentence.
func (f *quoteFinder) findReported() []Quote {
	doc := f.doc
	var out []Quote
	mark := 0 // the first quote in marks that does not end before the token
	for _, sent := range doc.Sentences {
		from := sent.FirstToken
		found := false
		for k := sent.FirstToken; k < sent.EndToken; k++ {
			for mark < len(f.marks) && f.marks[mark].close < k {
				mark++
			}
			if mark < len(f.marks) && f.marks[mark].open <= k {
				// Inside a quote in marks: its words are the speaker's, and
				// names in it are no subject.
				k = f.marks[mark].close
				from = k + 1
				continue
			}
			if _, _, ok := f.verbAt(k); !ok {
				continue
			}
			if q, next, ok := f.reportedAt(k, from, sent); ok {
				out = append(out, q)
				found = true
				k = next - 1
				from = next
			}
		}
		if !found {
			if q, ok := f.reportedBefore(sent); ok {
				out = append(out, q)
			}
		}
	}
	return out
}

// reportedAt reads reported speech introduced by the verb at token v:
// subject, verb, then what was said up to the end of the sentence.
func (f *quoteFinder) reportedAt(v, from int, sent Sentence) (Quote, int, bool) {
	base, vEnd, _ := f.verbAt(v)
	if !f.speechUse(v, vEnd, from) {
		return Quote{}, 0, false
	}
	end := f.contentEnd(vEnd, sent)
	if f.lang.Sources[base] {
		return f.accordingTo(base, v, vEnd, end, sent)
	}
	if f.colonBeforeQuote(vEnd, end) {
		return Quote{}, 0, false // wrote on X: “…”, a direct quote
	}
	c, hadThat := f.contentStart(base, vEnd, end)
	// …, adding that taxes would not rise: the participle starts a second
	// report by the same speaker.
	next := end
	for k := c + 1; k+1 < end; k++ {
		if f.doc.TokenText(k) == "," && strings.HasSuffix(f.lower(k+1), "ing") {
			if _, _, ok := f.verbAt(k + 1); ok {
				end, next = k, k+1
				break
			}
		}
	}
	if c >= end || !f.reportsContent(c, end, hadThat) {
		return Quote{}, 0, false
	}
	a, ok := f.subjectBefore(v, from, v)
	if !ok && v == f.carryAt {
		a, ok = f.carry, true
	}
	if !ok {
		return Quote{}, 0, false
	}
	f.carry, f.carryAt = a, next
	q := f.reported(c, end, a, base)
	return q, next, true
}

// speechUse tells a verb that reports speech from the same word in other
// senses: the said property, having said that, is said to be, was
// announced, easier said than done, did not say.
func (f *quoteFinder) speechUse(v, vEnd, from int) bool {
	doc := f.doc
	w := f.lower(v)
	if v > from {
		prev := f.lower(v - 1)
		if f.lang.Determiners[prev] || f.lang.Idioms[prev+" "+w] {
			return false
		}
	}
	if vEnd < len(doc.Tokens) && f.lang.Idioms[w+" "+f.lower(vEnd)] {
		return false
	}
	start, negated := f.verbGroupStart(v, from)
	if negated {
		return false
	}
	if len(w) > 3 && w[len(w)-3:] == "ing" {
		return true // is saying, was quoted as saying
	}
	for k := start; k < v; k++ {
		if f.lang.Passive[f.lower(k)] {
			return false
		}
	}
	return true
}

// colonBeforeQuote reports whether a colon and an opening quote mark
// stand within a few tokens from vEnd.
func (f *quoteFinder) colonBeforeQuote(vEnd, end int) bool {
	for k := vEnd; k < min(end, vEnd+6); k++ {
		if f.doc.TokenText(k) == ":" {
			return k+1 < len(f.doc.Tokens) && quoteRole(f.doc, k+1) == opens
		}
	}
	return false
}

// contentEnd is the token after what a verb ending at vEnd reports: the
// sentence's end before its final punctuation, or a semicolon.
func (f *quoteFinder) contentEnd(vEnd int, sent Sentence) int {
	doc := f.doc
	for k := vEnd; k < sent.EndToken; k++ {
		if doc.TokenText(k) == ";" {
			return k
		}
	}
	e := sent.EndToken
	for e > vEnd {
		switch doc.TokenText(e - 1) {
		case ".", "!", "?", "…", ":", ",", "-", "—", "–":
			e--
			continue
		}
		break
	}
	return e
}

// contentStart finds where what the verb reports begins: after "that"
// (told the court that …), else after the dates, adverbs and listener
// that may follow the verb (said on Tuesday …, tells me …).
func (f *quoteFinder) contentStart(base string, vEnd, end int) (int, bool) {
	doc := f.doc
	for k := vEnd; k < min(vEnd+9, end); k++ {
		w := f.lower(k)
		if f.lang.That[w] {
			return k + 1, true
		}
		if doc.Tokens[k].Kind == Punct && w != "," || f.lang.Finite[w] {
			break
		}
		if _, _, ok := f.verbAt(k); ok {
			break
		}
	}
	c := f.skipAdverbials(vEnd, end)
	if f.lang.TakesObject[base] && c < end {
		switch {
		case f.lang.ObjectPronouns[f.lower(c)] || f.lang.Listeners[f.lower(c)]:
			c++
		default:
			at := c
			if f.lang.Determiners[f.lower(at)] && at+1 < end {
				at++
			}
			if m := f.mentionAt(at); m >= 0 && doc.Mentions[m].Label.IsName() {
				c = doc.Mentions[m].EndToken
			}
		}
		c = f.skipAdverbials(c, end)
	}
	return c, false
}

// skipAdverbials skips dates (on Tuesday) and adverbs (afterwards) from
// token c.
func (f *quoteFinder) skipAdverbials(c, end int) int {
	doc := f.doc
	for c < end {
		if m := f.mentionAt(c); m >= 0 && (doc.Mentions[m].Label == DATE || doc.Mentions[m].Label == TIME) {
			c = doc.Mentions[m].EndToken
			continue
		}
		w := f.lower(c)
		if f.lang.DatePrepositions[w] && c+1 < end {
			if m := f.mentionAt(c + 1); m >= 0 && (doc.Mentions[m].Label == DATE || doc.Mentions[m].Label == TIME) {
				c = doc.Mentions[m].EndToken
				continue
			}
		}
		if f.lang.Adverbials[w] {
			c++
			continue
		}
		break
	}
	return c
}

// mentionAt returns the mention starting at token k, or -1.
func (f *quoteFinder) mentionAt(k int) int {
	doc := f.doc
	i := searchMentions(doc.Mentions, k)
	if i < len(doc.Mentions) && doc.Mentions[i].FirstToken == k {
		return i
	}
	return -1
}

func searchMentions(ms []Mention, k int) int {
	lo, hi := 0, len(ms)
	for lo < hi {
		mid := (lo + hi) / 2
		if ms[mid].FirstToken < k {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// reportsContent tells whether tokens [c, end) are what someone said: a
// clause (a finite verb soon), not an object (said nothing) nor a question
// left open (did not say when), nor a quote in marks that is all of it
// (said “…”, a direct quote).
func (f *quoteFinder) reportsContent(c, end int, hadThat bool) bool {
	doc := f.doc
	switch doc.TokenText(c) {
	case ":", ",", "(", "-", "—", "–":
		return false
	}
	if quoteRole(doc, c) == opens {
		for _, m := range f.marks {
			if m.open == c {
				return m.close < end-2 // a fragment followed by more words
			}
		}
		return false // a quote never closed
	}
	if hadThat {
		return f.countWords(c, end) >= 2
	}
	if f.lang.NoContent[f.lower(c)] {
		return false
	}
	return f.clauseLike(c, end)
}

func (f *quoteFinder) countWords(c, end int) int {
	n := 0
	for k := c; k < end; k++ {
		if kind := f.doc.Tokens[k].Kind; kind == Word || kind == Number {
			n++
		}
	}
	return n
}

// clauseLike tells whether tokens [c, end) start with a clause: at least
// three words with a finite verb among the first dozen (would, rose,
// closed, gives). A verb form after "to" (plans to cut) or before "by"
// (the claims made by) is no finite verb, and a present-tense verb needs a
// subject before it and no linker (the closure of two branches).
func (f *quoteFinder) clauseLike(c, end int) bool {
	doc := f.doc
	if f.countWords(c, end) < 3 {
		return false
	}
	first := f.lower(c)
	_, pronoun := f.lang.Pronouns[first]
	subject := f.lang.Determiners[first] || pronoun || startsUpper(doc.TokenText(c)) || doc.Tokens[c].Kind == Number
	linked := false
	for k := c; k < min(end, c+12); k++ {
		if doc.Tokens[k].Kind != Word {
			continue
		}
		w := f.lower(k)
		if f.lang.Linkers[w] || w == f.lang.InfinitiveMarker {
			linked = true
			continue
		}
		if k > c && f.lang.InfinitiveMarker != "" && f.lower(k-1) == f.lang.InfinitiveMarker ||
			k+1 < end && f.lang.AgentMarker != "" && f.lower(k+1) == f.lang.AgentMarker {
			continue
		}
		if f.lang.Finite[w] {
			return true
		}
		if k == c || startsUpper(doc.TokenText(k)) {
			continue
		}
		if f.lang.PastSuffix != "" && len(w) > 4 && w[len(w)-len(f.lang.PastSuffix):] == f.lang.PastSuffix {
			return true
		}
		// A present-tense verb after its subject noun: the test gives
		// (not this, crisis, famous, news).
		if subject && !linked && f.lang.PresentSuffix == "s" && len(w) > 3 && w[len(w)-1] == 's' && !strings.ContainsRune("siu", rune(w[len(w)-2])) && !f.lang.NotVerbs[w] &&
			doc.Tokens[k-1].Kind == Word && !f.lang.Determiners[f.lower(k-1)] {
			return true
		}
	}
	return false
}

// reported makes the quote of what [c, end) reports, mixed when it holds
// quotes in marks (which it takes in).
func (f *quoteFinder) reported(c, end int, a attribution, verb string) Quote {
	doc := f.doc
	q := Quote{Span: Span{doc.Tokens[c].Start, doc.Tokens[end-1].End}, Kind: ReportedSpeech, Speaker: a.speaker, Attribution: a.words, Verb: verb}
	for i, m := range f.marks {
		if m.open >= c && m.close < end {
			f.absorbed[i] = true
			q.Kind = MixedQuote
		}
	}
	return q
}

// accordingTo reads "According to X, what was said." and "What was said,
// according to X." (base is the source word: according to, según...), and
// with a postposition "X szerint what was said."
func (f *quoteFinder) accordingTo(base string, v, vEnd, end int, sent Sentence) (Quote, int, bool) {
	doc := f.doc
	if f.lang.Postpositions[base] {
		if v == sent.FirstToken || f.countWords(vEnd, end) < 3 || quoteRole(doc, vEnd) == opens {
			return Quote{}, 0, false
		}
		a, ok := f.speakerIn(sent.FirstToken, v)
		if !ok {
			return Quote{}, 0, false
		}
		return f.reported(vEnd, end, a, base), end, true
	}
	if v > sent.FirstToken && doc.TokenText(v-1) == "," {
		// What was said, according to X.
		if f.countWords(vEnd, end) > 8 || f.quoteClosesAt(v-2) {
			return Quote{}, 0, false
		}
		c := sent.FirstToken
		if quoteRole(doc, c) == opens || !f.clauseLike(c, v-1) {
			return Quote{}, 0, false
		}
		a, ok := f.speakerIn(vEnd, end)
		if !ok {
			return Quote{}, 0, false
		}
		return f.reported(c, v-1, a, base), sent.EndToken, true
	}
	if v-sent.FirstToken > 2 {
		return Quote{}, 0, false
	}
	// According to X, what was said.
	comma := -1
	for k := vEnd; k < min(end, vEnd+12); k++ {
		if doc.TokenText(k) == "," {
			comma = k
			break
		}
	}
	if comma < 0 {
		// Enligt Volvo har försäljningen ökat: with the verb second, the
		// source's name is followed by what was said, with no comma.
		if m := f.mentionAt(vEnd); m >= 0 && speakerLabel(doc.Mentions[m].Label) && f.countWords(doc.Mentions[m].EndToken, end) >= 3 &&
			quoteRole(doc, doc.Mentions[m].EndToken) != opens {
			return f.reported(doc.Mentions[m].EndToken, end, f.linkedSpeaker(m, vEnd), base), end, true
		}
		return Quote{}, 0, false
	}
	if comma+1 >= end || quoteRole(doc, comma+1) == opens && !f.reportsContent(comma+1, end, false) {
		return Quote{}, 0, false
	}
	if f.countWords(comma+1, end) < 3 {
		return Quote{}, 0, false
	}
	a, ok := f.speakerIn(vEnd, comma)
	if !ok {
		return Quote{}, 0, false
	}
	return f.reported(comma+1, end, a, base), end, true
}

// speakerIn reads a speaker that is all of tokens [from, to): a name (the
// person, for "Jane Doe of Acme") or the words.
func (f *quoteFinder) speakerIn(from, to int) (attribution, bool) {
	doc := f.doc
	if from >= to {
		return attribution{}, false
	}
	if m := f.mentionEndingAt(to - 1); m >= 0 && speakerLabel(doc.Mentions[m].Label) {
		return f.linkedSpeaker(m, from), true
	}
	for k := from; k < to; k++ {
		if doc.Tokens[k].Kind == Punct {
			return attribution{}, false
		}
	}
	return attribution{speaker: -1, words: Span{doc.Tokens[from].Start, doc.Tokens[to-1].End}}, true
}

// quoteClosesAt reports whether token k closes a quote in marks, or is the
// comma or stop just inside one (“…,” she said).
func (f *quoteFinder) quoteClosesAt(k int) bool {
	if k < 0 {
		return false
	}
	for _, m := range f.marks {
		if m.close == k || m.close == k+1 {
			return true
		}
	}
	return false
}

// reportedBefore reads reported speech whose attribution ends the
// sentence: "The factory will close in June, the owners said."
func (f *quoteFinder) reportedBefore(sent Sentence) (Quote, bool) {
	doc := f.doc
	end := f.contentEnd(sent.FirstToken, sent)
	comma := -1
	for k := end - 1; k > sent.FirstToken && k >= end-8; k-- {
		if doc.TokenText(k) == "," {
			comma = k
			break
		}
	}
	if comma < 0 || f.quoteClosesAt(comma) || f.quoteClosesAt(comma-1) {
		return Quote{}, false
	}
	v, vEnd, base := f.findVerb(comma+1, end, true)
	if v < 0 || v > comma+5 || f.hasThat(comma+1, end) || !f.speechUse(v, vEnd, comma+1) {
		return Quote{}, false
	}
	c := sent.FirstToken
	if quoteRole(doc, c) == opens || f.countWords(c, comma) < 4 || !f.clauseLike(c, comma) {
		return Quote{}, false
	}
	a, ok := f.speakerNear(comma+1, end, v, vEnd, v)
	if !ok {
		return Quote{}, false
	}
	return f.reported(c, comma, a, base), true
}
