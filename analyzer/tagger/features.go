package tagger

import (
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"

	"annotator/analyzer/gazetteer"
	"annotator/analyzer/letters"
)

// Feature templates. Their numbers are part of the model: append, never
// renumber.
const (
	tBias uint64 = iota + 1
	tLower
	tExact
	tShape
	tStem
	tPrefix
	tSuffix
	tCap
	tCapFirst
	tModeCap
	tModeLower
	tLowerPrev2
	tLowerPrev
	tLowerNext
	tLowerNext2
	tBigramPrev
	tBigramNext
	tShapePrev
	tShapeNext
	tShape3
	tCapPrevCur
	tCapCurNext
	tGaz
	tGazCap
	tGazNext
	tGazPrev
	tDocLower
	tDocCapMid
	tTagPrev
	tTagPrev2
	tTagPrevLower
	tTagPrevCap
	tHist
	tHistCap
	tHistMode
	tLen
	tModeLowerPrev
	tModeLowerNext
	tGazMode
	tDocBoth
	tAgg
	tAggCap
	tAggMode
	tCtxPrev
	tCtxNext
	tTopicCap
	tTopicLower
	tTopicGaz
	tLowerNextCap
	tPrevShape
	tSentLen
	tPosition
	tNextShapeWord
	tCluster
	tClusterPrev
	tClusterNext
	tClusterCap
	tRunPrev
	tRunPrev2
	tRunNext
	tRunLast
	tRunLastGaz
	tRunShape
	tCapsGuess
	tCapsGuessWord
	tCapsGuessPrevNext
)

// maxOccurrences bounds the other occurrences whose contexts a token's
// features include.
const maxOccurrences = 6

// Capitalisation classes.
const (
	capNone   uint8 = iota // no letters
	capLower               // starts lower case
	capInit                // Capitalised
	capAll                 // ALL CAPS, two letters or more
	capSingle              // a lone capital: "A", "J."
	capMixed               // lower first, upper inside: iPhone
	capKinds
)

// Sentence modes: news headlines and datelines are in Title Case or ALL
// CAPS, where capitals say little about names.
const (
	modeNormal uint8 = iota
	modeTitle
	modeCaps
)

// Sentinel word hashes beyond a sentence's ends.
var (
	hashBOS = hashString("<s>")
	hashEOS = hashString("</s>")
)

// tokenInfo holds what features need of one token.
type tokenInfo struct {
	lower      uint64 // hash of the lower-case form, digits folded to 0
	exact      uint64
	shape      uint64
	stem       uint64
	lowStart   int32 // the lower-case bytes in extractor.lower
	lowEnd     int32
	cap        uint8
	mode       uint8
	first      bool   // first token of its sentence
	gaz        uint64 // gazetteer kind*4+BILU position bits, see gazBit
	docLower   bool   // the document also has this word in lower case
	docCapMid  bool   // ... and capitalised inside a normal sentence
	hasLetters bool
	cluster    uint16 // word cluster code (gazetteer.Cluster), 0 if none
	// The run of capitalised words the token is in (normal sentences
	// only): its first token and end.
	runFirst, runEnd int32
	guess            uint8 // in a headline, the case the word would have in a sentence: see guessCase
}

// extractor computes the static features of a document's tokens. It keeps
// its buffers between documents, so a warm extractor allocates nothing.
type extractor struct {
	info     []tokenInfo
	lower    []byte
	feats    []uint64 // static features of all tokens
	featEnd  []int32  // token i's are feats[featEnd[i-1]:featEnd[i]]
	docSet   table
	keep     bool // extract computes and keeps every token's static features (training)
	doc      *Doc
	sports   bool    // the document reads like a sports report, where towns are teams
	firstOcc table   // lower-case word -> 1 + its first capitalised token
	nextOcc  []int32 // the next capitalised token with the same lower-case form, -1 if none
	sentOf   []int32 // token -> sentence index
	// wordKeys and wordScores cache the scores of the word part of tokens'
	// features (partWord) across the documents a tagger tags with one
	// scorer (wordsOf): a word's later occurrences, in this document or a
	// later one, cost one lookup here instead of some thirty in the
	// model's table. wordForms holds the cached words' forms.
	wordKeys   table // word key (see wordKey) -> 1 + index in wordScores
	wordScores []wordScore
	wordForms  []byte
	wordsOf    *Model
}

// wordScore is the word-part score of a word: its form (in wordForms),
// stem and the flags its key holds (see wordKey).
type wordScore struct {
	key                uint64
	stem               uint64
	formStart, formEnd int32
	flags              uint8
	scores             [numTags]float32
}

// maxWordScores bounds the cache (about 3 MB); later new words are scored
// without it, and the next document starts it afresh.
const maxWordScores = 1 << 15

// extract fills x.info and x.feats for doc.
func (x *extractor) extract(doc *Doc) {
	n := len(doc.Tokens)
	x.info = slices.Grow(x.info[:0], n)
	x.lower = x.lower[:0]
	for _, t := range doc.Tokens {
		doc.tick()
		x.info = append(x.info, x.describe(doc.Text[t.Start:t.End], t.Stem))
	}
	x.sentOf = slices.Grow(x.sentOf[:0], n)
	for range n {
		x.sentOf = append(x.sentOf, -1)
	}
	for k, s := range doc.Sentences {
		x.sentence(s)
		for i := s.First; i < s.End; i++ {
			x.sentOf[i] = int32(k)
		}
	}
	x.occurrences()
	x.gazetteer(doc)
	x.document()
	for _, s := range doc.Sentences {
		x.runs(s)
	}
	x.sports = x.sportsCues() >= 3
	x.doc = doc
	x.feats = x.feats[:0]
	x.featEnd = x.featEnd[:0]
	if !x.keep {
		return
	}
	for _, s := range doc.Sentences {
		for len(x.featEnd) < s.First {
			x.featEnd = append(x.featEnd, int32(len(x.feats)))
		}
		for i := s.First; i < s.End; i++ {
			x.static(i, s, partAll)
			x.featEnd = append(x.featEnd, int32(len(x.feats)))
		}
	}
	for len(x.featEnd) < n {
		x.featEnd = append(x.featEnd, int32(len(x.feats)))
	}
}

// tokenFeats returns the static features of token i, which must be in a
// sentence: kept from extract in training, computed now when tagging (each
// is used once, and a long text's features would fill megabytes).
func (x *extractor) tokenFeats(i int) []uint64 {
	if !x.keep {
		x.feats = x.feats[:0]
		x.static(i, x.doc.Sentences[x.sentOf[i]], partAll)
		return x.feats
	}
	start := int32(0)
	if i > 0 {
		start = x.featEnd[i-1]
	}
	return x.feats[start:x.featEnd[i]]
}

// scoreStatic sets *out to the score of token i's static features (tagging
// only). The word part comes from the cache when the word was seen before:
// scores are sums of small integers, exact in float32, so the sum is the
// same in any order.
func (x *extractor) scoreStatic(i int, sc scorer, out *[numTags]float32) {
	*out = [numTags]float32{}
	x.feats = x.feats[:0]
	x.static(i, x.doc.Sentences[x.sentOf[i]], partContext)
	sc.score(x.feats, out)
	k, flags := x.wordKey(i)
	if v := x.wordKeys.get(k); v != 0 {
		if w := &x.wordScores[v-1]; x.isWord(w, i, flags) {
			for t := range out {
				out[t] += w.scores[t]
			}
			return
		}
	}
	var scores [numTags]float32
	x.feats = x.feats[:0]
	x.static(i, x.doc.Sentences[x.sentOf[i]], partWord)
	sc.score(x.feats, &scores)
	for t := range out {
		out[t] += scores[t]
	}
	if len(x.wordScores) < maxWordScores {
		if 2*(len(x.wordScores)+1) > len(x.wordKeys.keys) {
			x.growWords()
		}
		if v := x.wordKeys.slot(k); *v == 0 {
			tok := x.doc.Tokens[i]
			start := len(x.wordForms)
			x.wordForms = append(x.wordForms, x.doc.Text[tok.Start:tok.End]...)
			x.wordScores = append(x.wordScores, wordScore{key: k, stem: x.info[i].stem,
				formStart: int32(start), formEnd: int32(len(x.wordForms)), flags: flags, scores: scores})
			*v = uint32(len(x.wordScores))
		}
	}
}

// wordsFor readies the word-score cache for a document scored with sc:
// the words of earlier documents stay when sc is the model they were
// scored with and the cache has room for new ones. (Other scorers, the
// training's weights among them, change between documents.)
func (x *extractor) wordsFor(sc scorer) {
	m, _ := sc.(*Model)
	if m == nil || m != x.wordsOf || len(x.wordScores) >= maxWordScores {
		x.forgetWords(len(x.info))
		x.wordsOf = m
	}
}

// forgetWords empties the word-score cache, sized for a document of n
// tokens.
func (x *extractor) forgetWords(n int) {
	x.wordKeys.reset(min(n, maxWordScores))
	x.wordScores, x.wordForms, x.wordsOf = x.wordScores[:0], x.wordForms[:0], nil
}

// growWords doubles the word-score cache's table.
func (x *extractor) growWords() {
	x.wordKeys.keys, x.wordKeys.vals = nil, nil
	x.wordKeys.reset(len(x.wordScores) + 1)
	for v, w := range x.wordScores {
		*x.wordKeys.slot(w.key) = uint32(v + 1)
	}
}

// wordKey is the cache key of token i's word part: its exact form and the
// flags that, with the form, make the word part (wordFlags).
func (x *extractor) wordKey(i int) (key uint64, flags uint8) {
	flags = x.wordFlags(i)
	return f2(0, x.info[i].exact, uint64(flags)), flags
}

// wordFlags are what the word part of token i's features takes from
// beyond its form: its sentence's mode, whether it starts it, the
// document's flags of the word and whether the document reads like a
// sports report.
func (x *extractor) wordFlags(i int) uint8 {
	ti := &x.info[i]
	return ti.mode<<5 | b2u8(ti.first) | b2u8(ti.docLower)<<1 | b2u8(ti.docCapMid)<<2 | b2u8(x.sports)<<3
}

// isWord reports whether w is the word part of token i, whose flags are
// given, as their keys say unless two forms' hashes collide.
func (x *extractor) isWord(w *wordScore, i int, flags uint8) bool {
	tok := x.doc.Tokens[i]
	return w.flags == flags && w.stem == x.info[i].stem && string(x.wordForms[w.formStart:w.formEnd]) == x.doc.Text[tok.Start:tok.End]
}

func (x *extractor) low(i int) []byte { return x.lower[x.info[i].lowStart:x.info[i].lowEnd] }

// describe lower-cases the token into x.lower and classifies it.
func (x *extractor) describe(tok, stem string) tokenInfo {
	var ti tokenInfo
	ti.lowStart = int32(len(x.lower))
	var shape [8]byte
	nshape := 0
	var last byte
	upper, lowerN, letterN := 0, 0, 0
	firstLetter := byte(0)
	exact := uint64(fnvOffset)
	lowerHash := uint64(fnvOffset)
	for i := 0; i < len(tok); {
		c := tok[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(tok[i:])
		}
		for k := i; k < i+size; k++ {
			exact ^= uint64(tok[k])
			exact *= fnvPrime
		}
		i += size
		var cls byte
		lr := r
		switch {
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z':
			cls, lowerN, letterN = 'x', lowerN+1, letterN+1
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			cls, upper, letterN = 'X', upper+1, letterN+1
			lr = r + 'a' - 'A'
		case r < utf8.RuneSelf && '0' <= r && r <= '9':
			cls = 'd'
		case r < utf8.RuneSelf:
			cls = byte(r)
		case letters.IsUpper(r):
			cls, upper, letterN = 'X', upper+1, letterN+1
			lr = letters.ToLower(r)
		case letters.IsLetter(r):
			cls, lowerN, letterN = 'x', lowerN+1, letterN+1
		case unicode.IsDigit(r):
			cls = 'd'
		default:
			cls = 'o'
		}
		if firstLetter == 0 && (cls == 'x' || cls == 'X') {
			firstLetter = cls
		}
		if cls != last && nshape < len(shape) {
			shape[nshape] = cls
			nshape++
			last = cls
		}
		if lr < utf8.RuneSelf {
			x.lower = append(x.lower, byte(lr))
			if '0' <= lr && lr <= '9' {
				lr = '0'
			}
			lowerHash ^= uint64(lr)
			lowerHash *= fnvPrime
		} else {
			start := len(x.lower)
			x.lower = utf8.AppendRune(x.lower, lr)
			for _, b := range x.lower[start:] {
				lowerHash ^= uint64(b)
				lowerHash *= fnvPrime
			}
		}
	}
	ti.lowEnd = int32(len(x.lower))
	if letterN > 0 {
		ti.cluster = gazetteer.Cluster(hashBytes(x.lower[ti.lowStart:ti.lowEnd]))
	}
	ti.lower = lowerHash
	ti.exact = exact
	ti.shape = hashBytes(shape[:nshape])
	ti.hasLetters = letterN > 0
	if stem != "" {
		ti.stem = hashString(stem)
	}
	switch {
	case letterN == 0:
		ti.cap = capNone
	case firstLetter == 'x' && upper > 0:
		ti.cap = capMixed
	case firstLetter == 'x':
		ti.cap = capLower
	case upper == 1 && letterN == 1:
		ti.cap = capSingle
	case lowerN == 0:
		ti.cap = capAll
	default:
		ti.cap = capInit
	}
	return ti
}

// sentence sets the sentence mode and first-token flag of s's tokens.
func (x *extractor) sentence(s Range) {
	words, caps, allCaps, capLetters := 0, 0, 0, 0
	for i := s.First; i < s.End; i++ {
		ti := &x.info[i]
		if !ti.hasLetters {
			continue
		}
		words++
		switch ti.cap {
		case capAll, capSingle:
			allCaps++
			caps++
			capLetters += int(ti.lowEnd - ti.lowStart)
		case capInit:
			caps++
		}
	}
	mode := modeNormal
	switch {
	case words > 0 && allCaps*4 >= words*3 && capLetters >= 4:
		mode = modeCaps
	case words >= 3 && caps*5 >= words*4:
		mode = modeTitle
	}
	for i := s.First; i < s.End; i++ {
		x.info[i].mode = mode
		x.info[i].first = i == s.First
	}
}

// gazetteer marks the longest gazetteer phrase of each kind starting at each
// capitalised token, with its BILU position, in x.info[].gaz.
func (x *extractor) gazetteer(doc *Doc) {
	for i := range x.info {
		x.info[i].gaz = 0
	}
	for _, s := range doc.Sentences {
		for i := s.First; i < s.End; i++ {
			c := x.info[i].cap
			if c != capInit && c != capAll && c != capSingle && c != capMixed {
				continue
			}
			h := uint64(gazetteer.Offset)
			var seen uint64 // kinds already matched by a longer phrase
			var matches [gazetteer.MaxWords]uint64
			end := min(s.End, i+gazetteer.MaxWords)
			for j := i; j < end; j++ {
				if j > i {
					if doc.Tokens[j].Start > doc.Tokens[j-1].End {
						h = gazetteer.Add(h, ' ')
					}
				}
				for _, b := range x.low(j) {
					h = gazetteer.Add(h, b)
				}
				matches[j-i] = uint64(gazetteer.Lookup(h))
			}
			for j := end - 1; j >= i; j-- {
				kinds := matches[j-i] &^ seen
				seen |= kinds
				for k := uint64(0); kinds != 0; k++ {
					if kinds&(1<<k) == 0 {
						continue
					}
					kinds &^= 1 << k
					if j == i {
						x.info[i].gaz |= gazBit(k, posU)
						continue
					}
					x.info[i].gaz |= gazBit(k, posB)
					for m := i + 1; m < j; m++ {
						x.info[m].gaz |= gazBit(k, posI)
					}
					x.info[j].gaz |= gazBit(k, posL)
				}
			}
		}
	}
}

func gazBit(kind uint64, pos int) uint64 { return 1 << (kind*4 + uint64(pos)) }

// document sets the document-level case flags: whether a word also occurs
// in lower case, or capitalised inside a normal sentence, elsewhere in the
// document. They tell a headline's "Talks" from its "Beijing".
func (x *extractor) document() {
	x.docSet.reset(len(x.info))
	for i := range x.info {
		ti := &x.info[i]
		if !ti.hasLetters {
			continue
		}
		var flag uint32
		switch {
		case ti.cap == capLower:
			flag = 1
		case ti.cap == capInit && !ti.first && ti.mode == modeNormal:
			flag = 2
		}
		if flag != 0 {
			*x.docSet.slot(ti.lower) |= flag
		}
	}
	for i := range x.info {
		ti := &x.info[i]
		if ti.hasLetters {
			v := x.docSet.get(ti.lower)
			ti.docLower = v&1 != 0
			ti.docCapMid = v&2 != 0
		}
	}
}

// Parts of a token's static features: those that depend on the word alone
// (its form, case, sentence mode, first-token flag and document-wide flags,
// the same at every occurrence) and those of its context.
const (
	partWord uint8 = 1 << iota
	partContext
	partAll = partWord | partContext
)

// static appends the parts of token i's features that do not depend on
// tags to x.feats. Training takes both parts at once, in one order (dropout
// draws per feature, so the order is part of the model).
func (x *extractor) static(i int, s Range, parts uint8) {
	ti := &x.info[i]
	f := x.feats
	wordPart, ctxPart := parts&partWord != 0, parts&partContext != 0
	word := ti.lower
	capc := uint64(ti.cap)
	mode := uint64(ti.mode)
	// Title Case and ALL CAPS lines share what they learn about words: CoNLL
	// has many ALL CAPS headlines and few Title Case ones.
	head := b2u(ti.mode != modeNormal)
	if wordPart {
		f = append(f,
			f1(tBias, 0),
			f1(tLower, word),
			f1(tExact, ti.exact),
			f1(tShape, ti.shape),
			f2(tCap, capc, b2u(ti.first)),
			f2(tModeCap, mode, capc),
			f2(tModeLower, head, word),
		)
		if ti.stem != 0 {
			f = append(f, f1(tStem, ti.stem))
		}
		if ti.hasLetters {
			low := x.low(i)
			n := utf8.RuneCount(low)
			f = append(f, f1(tLen, uint64(min(n, 12))))
			// Prefixes and suffixes of 1 to 4 runes, shorter than the word.
			p := 0
			for k := 1; k <= 4 && k < n; k++ {
				_, size := utf8.DecodeRune(low[p:])
				p += size
				f = append(f, f2(tPrefix, uint64(k), hashBytes(low[:p])))
			}
			q := len(low)
			for k := 1; k <= 4 && k < n; k++ {
				_, size := utf8.DecodeLastRune(low[:q])
				q -= size
				f = append(f, f2(tSuffix, uint64(k), hashBytes(low[q:])))
			}
		}
	}
	prev, prev2, next, next2 := hashBOS, hashBOS, hashEOS, hashEOS
	prevShape, nextShape := hashBOS, hashEOS
	prevCap, nextCap := uint64(7), uint64(8)
	if i-1 >= s.First {
		prev, prevShape, prevCap = x.info[i-1].lower, x.info[i-1].shape, uint64(x.info[i-1].cap)
	}
	if i-2 >= s.First {
		prev2 = x.info[i-2].lower
	}
	if i+1 < s.End {
		next, nextShape, nextCap = x.info[i+1].lower, x.info[i+1].shape, uint64(x.info[i+1].cap)
	}
	if i+2 < s.End {
		next2 = x.info[i+2].lower
	}
	if ctxPart {
		f = append(f,
			f1(tLowerPrev2, prev2),
			f1(tLowerPrev, prev),
			f1(tLowerNext, next),
			f1(tLowerNext2, next2),
			f2(tBigramPrev, prev, word),
			f2(tBigramNext, word, next),
			f2(tShapePrev, prevShape, ti.shape),
			f2(tShapeNext, ti.shape, nextShape),
			f3(tShape3, prevShape, ti.shape, nextShape),
			f2(tCapPrevCur, prevCap, capc),
			f2(tCapCurNext, capc, nextCap),
		)
	}
	if c := ti.cluster; c != 0 && wordPart {
		for _, n := range clusterPrefixes {
			f = append(f, f2(tCluster, uint64(n), clusterPrefix(c, n)))
		}
		f = append(f, f2(tClusterCap, clusterPrefix(c, 8), capc))
	}
	if !ctxPart {
		x.feats = x.topicFeats(f, ti, partWord)
		return
	}
	prevCluster, nextCluster := uint64(1<<16), uint64(1<<16+1)
	if i-1 >= s.First {
		prevCluster = clusterPrefix(x.info[i-1].cluster, 8)
	}
	if i+1 < s.End {
		nextCluster = clusterPrefix(x.info[i+1].cluster, 8)
	}
	f = append(f, f1(tClusterPrev, prevCluster), f1(tClusterNext, nextCluster))
	sentLen := uint64(min(s.End-s.First, 8))
	f = append(f,
		f2(tLowerNextCap, word, nextCap),
		f2(tPrevShape, prev, ti.shape),
		f2(tNextShapeWord, ti.shape, next),
		f2(tSentLen, sentLen, capc),
		f3(tPosition, uint64(min(i-s.First, 3)), capc, b2u(ti.mode != modeNormal)),
	)
	if ti.mode != modeNormal {
		f = append(f, f2(tModeLowerPrev, head, prev), f2(tModeLowerNext, head, next))
	}
	for g := ti.gaz; g != 0; g &= g - 1 {
		bit := uint64(bits.TrailingZeros64(g))
		f = append(f, f1(tGaz, bit), f2(tGazCap, bit, capc), f2(tGazMode, bit, head))
	}
	if i+1 < s.End {
		for g := x.info[i+1].gaz; g != 0; g &= g - 1 {
			f = append(f, f1(tGazNext, uint64(bits.TrailingZeros64(g))))
		}
	}
	if i-1 >= s.First {
		for g := x.info[i-1].gaz; g != 0; g &= g - 1 {
			f = append(f, f1(tGazPrev, uint64(bits.TrailingZeros64(g))))
		}
	}
	if ti.runEnd > ti.runFirst {
		f = x.runFeats(f, i, s)
	}
	if ti.mode == modeCaps && ti.hasLetters {
		pg, ng := uint64(capKinds), uint64(capKinds+1)
		if i-1 >= s.First {
			pg = uint64(x.info[i-1].guess)
		}
		if i+1 < s.End {
			ng = uint64(x.info[i+1].guess)
		}
		g := uint64(ti.guess)
		f = append(f, f1(tCapsGuess, g), f2(tCapsGuessWord, g, word), f3(tCapsGuessPrevNext, pg, g, ng))
	}
	f = x.topicFeats(f, ti, parts)
	x.feats = x.contexts(f, i)
}

// topicFeats appends the given parts of a capitalised word's topic and
// document features.
func (x *extractor) topicFeats(f []uint64, ti *tokenInfo, parts uint8) []uint64 {
	if !ti.hasLetters || ti.cap == capLower {
		return f
	}
	topic, capc, head := b2u(x.sports), uint64(ti.cap), b2u(ti.mode != modeNormal)
	if parts&partWord != 0 {
		f = append(f, f2(tTopicCap, topic, capc), f2(tTopicLower, topic, ti.lower))
	}
	if parts&partContext != 0 { // gazetteer positions depend on the context
		for g := ti.gaz; g != 0; g &= g - 1 {
			f = append(f, f2(tTopicGaz, topic, uint64(bits.TrailingZeros64(g))))
		}
	}
	if parts&partWord != 0 {
		f = append(f,
			f3(tDocLower, b2u(ti.docLower), head, b2u(ti.first)),
			f3(tDocCapMid, b2u(ti.docCapMid), head, b2u(ti.first)),
			f3(tDocBoth, b2u(ti.docLower), b2u(ti.docCapMid), capc),
		)
	}
	return f
}

// runs finds the runs of capitalised words in normal sentence s (a name
// and its neighbours: "a spokesman for Acme Global Logistics said"), and
// in headlines guesses each word's case (guessCase).
func (x *extractor) runs(s Range) {
	for i := s.First; i < s.End; i++ {
		x.info[i].runFirst, x.info[i].runEnd = 0, 0
		x.info[i].guess = guessCase(&x.info[i])
	}
	if s.End == s.First || x.info[s.First].mode != modeNormal {
		return
	}
	for i := s.First; i < s.End; {
		if !capitalised(x.info[i].cap) {
			i++
			continue
		}
		j := i + 1
		for j < s.End && capitalised(x.info[j].cap) {
			j++
		}
		for k := i; k < j; k++ {
			x.info[k].runFirst, x.info[k].runEnd = int32(i), int32(j)
		}
		i = j
	}
}

func capitalised(c uint8) bool { return c == capInit || c == capAll || c == capMixed || c == capSingle }

// guessCase is the case a word of an ALL CAPS or Title Case line would
// have in running text: capInit when the document writes it capitalised
// inside a sentence, capLower when it writes it in lower case or it is a
// common word, capNone when nothing says.
func guessCase(ti *tokenInfo) uint8 {
	switch {
	case !ti.hasLetters:
		return capNone
	case ti.docCapMid:
		return capInit
	case ti.docLower, ti.gaz&(0xF<<(4*uint64(gazetteer.Common))) != 0:
		return capLower
	}
	return capMixed
}

// runFeats appends the features of token i's capitalised run: the words
// before and after it, and its last word (an organisation's "Airlines",
// "Group", "FC"), so each word of "a spokesman for Acme Global Logistics"
// sees "for", "spokesman for" and "logistics".
func (x *extractor) runFeats(f []uint64, i int, s Range) []uint64 {
	ti := &x.info[i]
	first, end := int(ti.runFirst), int(ti.runEnd)
	prev, prev2, next := hashBOS, hashBOS, hashEOS
	if first-1 >= s.First {
		prev = x.info[first-1].lower
	}
	if first-2 >= s.First {
		prev2 = x.info[first-2].lower
	}
	if end < s.End {
		next = x.info[end].lower
	}
	pos := uint64(0) // alone, first, inside, last
	switch {
	case end-first == 1:
	case i == first:
		pos = 1
	case i == end-1:
		pos = 3
	default:
		pos = 2
	}
	last := &x.info[end-1]
	f = append(f,
		f2(tRunPrev, pos, prev),
		f3(tRunPrev2, pos, prev2, prev),
		f2(tRunNext, pos, next),
		f3(tRunShape, pos, uint64(min(end-first, 4)), b2u(first == s.First)),
	)
	if end-first > 1 {
		f = append(f, f2(tRunLast, pos, last.lower))
		for g := last.gaz; g != 0; g &= g - 1 {
			f = append(f, f2(tRunLastGaz, pos, uint64(bits.TrailingZeros64(g))))
		}
	}
	return f
}

func (x *extractor) sportsCues() int {
	n := 0
	for i := range x.info {
		if sportsWords[x.info[i].lower] {
			n++
		}
	}
	return n
}

// occurrences links each capitalised token to the next one with the same
// lower-case form.
func (x *extractor) occurrences() {
	n := len(x.info)
	x.firstOcc.reset(n)
	x.nextOcc = x.nextOcc[:0]
	for range n {
		x.nextOcc = append(x.nextOcc, -1)
	}
	last := make(map[uint64]int32) // TODO: avoid
	for i := range x.info {
		ti := &x.info[i]
		if ti.cap == capLower || ti.cap == capNone {
			continue
		}
		v := x.firstOcc.slot(ti.lower)
		if *v == 0 {
			*v = uint32(i + 1)
		} else {
			x.nextOcc[last[ti.lower]] = int32(i)
		}
		last[ti.lower] = int32(i)
	}
}

// contexts appends the words around the other capitalised occurrences of
// token i's word in the document (Ratinov and Roth's context aggregation).
func (x *extractor) contexts(f []uint64, i int) []uint64 {
	ti := &x.info[i]
	if ti.cap == capLower || ti.cap == capNone {
		return f
	}
	seen := 0
	for j := int(x.firstOcc.get(ti.lower)) - 1; j >= 0 && seen < maxOccurrences; j = int(x.nextOcc[j]) {
		if j == i {
			continue
		}
		seen++
		prev, next := hashBOS, hashEOS
		s := x.sentOf[j]
		if j > 0 && x.sentOf[j-1] == s {
			prev = x.info[j-1].lower
		}
		if j+1 < len(x.info) && x.sentOf[j+1] == s {
			next = x.info[j+1].lower
		}
		f = append(f, f1(tCtxPrev, prev), f1(tCtxNext, next))
	}
	return f
}

// clusterPrefixes are the path lengths used as features, coarse to fine.
var clusterPrefixes = [...]int{5, 8, 11, 14}

// clusterPrefix returns the first n bits of cluster code c's path (the whole
// path if shorter), as a code.
func clusterPrefix(c uint16, n int) uint64 {
	if c == 0 {
		return 0
	}
	if d := gazetteer.ClusterDepth(c); d > n {
		c >>= d - n
	}
	return uint64(c)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
