package analyzer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"annotator/analyzer/lang"
	"annotator/analyzer/letters"
)

// Tokenize splits text into tokens with exact UTF-8 byte offsets. Every byte
// that is not whitespace belongs to exactly one token, so the tokens and the
// whitespace between them reproduce the input byte for byte. It accepts any
// bytes: an invalid UTF-8 byte becomes a one-byte Symbol token.
func Tokenize(text string) []Token { return tokenizeWith(text, nil) }

// tokenizeWith tokenizes as Tokenize does, by a language's rules when pack
// is not nil: its elided words split off the word after their apostrophe
// (l'État → l' + État), its abbreviations kept whole (t.ex., Sra.).
func tokenizeWith(text string, pack *lang.Pack) []Token {
	t := tokenizer{text: text, tokens: make([]Token, 0, len(text)/5+1)}
	if pack != nil {
		t.elisions, t.abbreviations, t.romanOrdinals = pack.Elisions(), pack.Abbreviations(), pack.RomanOrdinals()
	}
	for t.pos < len(text) {
		r, n := t.runeAt(t.pos)
		if isGap(r) {
			t.pos += n
			continue
		}
		start := t.pos
		end, kind := t.scan(r, n)
		t.tokens = append(t.tokens, Token{Span: Span{start, end}, Kind: kind})
		t.pos = end
	}
	return t.tokens
}

type tokenizer struct {
	text     string
	pos      int
	tokens   []Token
	elisions map[string]bool
	// abbreviations are the language's own words that keep their period
	// (lang.Pack.Abbreviations), besides English's.
	abbreviations map[string]bool
	romanOrdinals bool // lang.Pack.RomanOrdinals
}

// runeAt decodes the rune at byte i; an invalid byte decodes as (RuneError, 1).
func (t *tokenizer) runeAt(i int) (rune, int) {
	if i >= len(t.text) {
		return -1, 0
	}
	if c := t.text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t.text[i:])
}

// isGap reports whether r separates tokens: white space and invisible
// zero-width separators.
func isGap(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f'
	}
	return unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF || r == 0x2060
}

// scan returns the end and kind of the token starting at t.pos with rune r.
func (t *tokenizer) scan(r rune, n int) (int, TokenKind) {
	i := t.pos
	switch {
	case r == utf8.RuneError && n == 1:
		return i + 1, Symbol
	case isDigit(r):
		if end, ok := t.scanURL(i); ok {
			return end, URL
		}
		if end, ok := t.scanEmail(i); ok {
			return end, Email
		}
		return t.scanNumber(i)
	case isCJK(r):
		return t.scanCJK(i, r, n), Word
	case isWordRune(r):
		if end, ok := t.scanURL(i); ok {
			return end, URL
		}
		if end, ok := t.scanEmail(i); ok {
			return end, Email
		}
		return t.scanWord(i), Word
	case isCurrency(r):
		if d, _ := t.runeAt(i + n); isDigit(d) {
			return t.scanNumber(i)
		}
		return t.extendGrapheme(i + n), Symbol
	case isApostrophe(r):
		if end, ok := t.scanClitic(i, n); ok {
			return end, Word
		}
		return i + n, Punct
	case (r == '#' || r == '@') && t.startsWord(i+n):
		return t.scanWord(i + n), Word
	case r == '.' || r == '!' || r == '?':
		return t.scanRun(i, ".!?"), Punct
	case r == '-':
		return t.scanRun(i, "-"), Punct
	case unicode.IsPunct(r):
		return t.scanRepeats(i, r, n), Punct
	}
	return t.extendGrapheme(i + n), Symbol
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isWordRune reports whether r can be part of a word: letters, digits,
// combining marks and the joiners some scripts write inside words.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return letters.IsLetter(r) || isDigit(r)
	}
	if isCJK(r) {
		return false
	}
	return letters.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
		r == 0x200C || r == 0x200D || r == 0x00AD
}

// isCJK reports whether r is written without spaces between words (Han,
// Hiragana, Katakana); such runs are split per character or per kana run.
func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || r == 0x30FC)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func isCurrency(r rune) bool {
	return r == '$' || r == '£' || r == '€' || r == '¥' || r == '₩' || r == '₹' || r == '₽' || r == '₣'
}

func (t *tokenizer) startsWord(i int) bool {
	r, _ := t.runeAt(i)
	return isWordRune(r)
}

// scanRun consumes a run of the given ASCII punctuation: "...", "?!", "--".
func (t *tokenizer) scanRun(i int, chars string) int {
	for i < len(t.text) && strings.IndexByte(chars, t.text[i]) >= 0 {
		i++
	}
	return i
}

// minRepeats is how many times a punctuation mark must repeat in a row to
// make one token: "((((" or "****" is one token, as "..." and "---" are;
// "((" and the quote marks of ""quoted"" stay apart.
const minRepeats = 3

// scanRepeats returns the end of the punctuation mark r (n bytes) at i, and
// of the same mark repeated right after it, when it is repeated at least
// minRepeats times: a page of brackets is one token, not a million.
func (t *tokenizer) scanRepeats(i int, r rune, n int) int {
	end := i + n
	for count := 1; ; count++ {
		next, m := t.runeAt(end)
		if next != r {
			if count < minRepeats {
				return i + n
			}
			return end
		}
		end += m
	}
}

// scanCJK returns a single Han character, or a whole run of kana.
func (t *tokenizer) scanCJK(i int, r rune, n int) int {
	if unicode.Is(unicode.Han, r) {
		return t.extendMarks(i + n)
	}
	kata := unicode.Is(unicode.Katakana, r) || r == 0x30FC
	i += n
	for {
		r, n := t.runeAt(i)
		if n == 0 {
			return i
		}
		sameScript := unicode.Is(unicode.Hiragana, r) && !kata ||
			(unicode.Is(unicode.Katakana, r) || r == 0x30FC) && kata
		if !sameScript && !unicode.IsMark(r) {
			return i
		}
		i += n
	}
}

// extendMarks consumes combining marks following a character.
func (t *tokenizer) extendMarks(i int) int {
	for {
		r, n := t.runeAt(i)
		if n == 0 || !unicode.IsMark(r) {
			return i
		}
		i += n
	}
}

// extendGrapheme keeps an emoji or symbol together with what modifies it:
// combining marks, variation selectors, skin tones, zero-width-joiner
// sequences, keycaps, tag characters and regional-indicator pairs.
func (t *tokenizer) extendGrapheme(i int) int {
	first, _ := utf8.DecodeRuneInString(t.text[t.pos:])
	regional := isRegional(first)
	for {
		r, n := t.runeAt(i)
		switch {
		case n == 0:
			return i
		case unicode.IsMark(r) || r == 0xFE0E || r == 0xFE0F || r == 0x20E3 ||
			(r >= 0x1F3FB && r <= 0x1F3FF) || (r >= 0xE0020 && r <= 0xE007F):
			i += n
		case r == 0x200D:
			i += n
			if next, m := t.runeAt(i); m > 0 && !isGap(next) && !(next == utf8.RuneError && m == 1) {
				i += m
			}
		case regional && isRegional(r):
			i += n
			regional = false
		default:
			return i
		}
	}
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// scanWord consumes a word starting at i: letters and digits, with hyphens
// between letters (Jong-un, Sino-North), apostrophes inside names (O'Brien)
// but not before clitics (China’s → China + ’s, don't → do + n't), dotted
// abbreviations (U.S., Dr., e.g.), web domains (Amazon.com) and ampersand
// initialisms (AT&T).
func (t *tokenizer) scanWord(i int) int {
	start := t.pos
	if end, ok := t.scanNegation(i); ok {
		return end
	}
	if end, ok := t.scanDottedInitials(i); ok {
		return end
	}
	for {
		r, n := t.runeAt(i)
		if n > 0 && isWordRune(r) {
			i += n
			continue
		}
		next, m := t.runeAt(i + n)
		switch {
		case n == 0:
			return i
		case isHyphen(r) && isWordRune(next):
			i += n + m
		case isApostrophe(r) && letters.IsLetter(next):
			if t.elides(start, i) {
				return i + n // l'|État: the elided word keeps its apostrophe
			}
			if t.isCliticAt(i+n) || t.endsWithNegation(start, i, i+n) {
				if t.endsWithNegation(start, i, i+n) && i-1 > start {
					return i - 1 // "don't": the word ends before "n't"
				}
				return i
			}
			i += n + m
		case r == '&' && isUpperASCII(next) && i > start && isUpperASCII(rune(t.text[i-1])):
			i += n + m
		case r == '.':
			return t.wordWithPeriod(start, i)
		default:
			return i
		}
	}
}

// elides reports whether the word [start, end) is one of the language's
// elided words.
func (t *tokenizer) elides(start, end int) bool {
	if t.elisions == nil || end-start > 8 {
		return false
	}
	return t.elisions[letters.Lower(t.text[start:end])]
}

func isUpperASCII(r rune) bool { return r >= 'A' && r <= 'Z' }

// scanNegation matches the clitic "n't" right after a word: do|n't.
func (t *tokenizer) scanNegation(i int) (int, bool) {
	if len(t.tokens) == 0 || t.tokens[len(t.tokens)-1].End != i || t.tokens[len(t.tokens)-1].Kind != Word {
		return 0, false
	}
	if i >= len(t.text) || t.text[i]|0x20 != 'n' {
		return 0, false
	}
	r, n := t.runeAt(i + 1)
	if !isApostrophe(r) {
		return 0, false
	}
	j := i + 1 + n
	if j < len(t.text) && t.text[j]|0x20 == 't' && !t.startsWord(j+1) {
		return j + 1, true
	}
	return 0, false
}

// endsWithNegation reports whether the word [start, apos) ends in "n" that
// begins a "n't" clitic at the apostrophe.
func (t *tokenizer) endsWithNegation(start, apos, afterApos int) bool {
	return apos-1 > start && t.text[apos-1]|0x20 == 'n' && afterApos < len(t.text) &&
		t.text[afterApos]|0x20 == 't' && !t.startsWord(afterApos+1)
}

// clitics are the English endings split off a word after an apostrophe.
var clitics = []string{"s", "re", "ve", "ll", "d", "m"}

// isCliticAt reports whether a clitic ending starts at i and ends the word.
func (t *tokenizer) isCliticAt(i int) bool {
	for _, c := range clitics {
		if len(t.text) >= i+len(c) && strings.EqualFold(t.text[i:i+len(c)], c) && !t.startsWord(i+len(c)) {
			return true
		}
	}
	return false
}

// scanClitic matches an apostrophe clitic ('s, ’re...) glued to the previous
// word.
func (t *tokenizer) scanClitic(i, n int) (int, bool) {
	if len(t.tokens) == 0 {
		return 0, false
	}
	prev := t.tokens[len(t.tokens)-1]
	if prev.End != i || (prev.Kind != Word && prev.Kind != Number) {
		return 0, false
	}
	for _, c := range clitics {
		j := i + n
		if len(t.text) >= j+len(c) && strings.EqualFold(t.text[j:j+len(c)], c) && !t.startsWord(j+len(c)) {
			return j + len(c), true
		}
	}
	return 0, false
}

// scanDottedInitials matches single letters each followed by a period, at
// least two of them: U.S., U.N., e.g., a.m., J.K.
func (t *tokenizer) scanDottedInitials(i int) (int, bool) {
	j, count := i, 0
	for {
		r, n := t.runeAt(j)
		if !letters.IsLetter(r) || j+n >= len(t.text) || t.text[j+n] != '.' {
			break
		}
		j += n + 1
		count++
		if r2, _ := t.runeAt(j); isWordRune(r2) && !letters.IsLetter(r2) {
			return 0, false
		}
		if next, m := t.runeAt(j); letters.IsLetter(next) {
			if after, _ := t.runeAt(j + m); isWordRune(after) {
				break // "U.Sstates": not an initialism
			}
		}
	}
	if count >= 2 {
		return j, true
	}
	return 0, false
}

// abbreviations are words written with a period that does not end a
// sentence (titles) or rarely does (company suffixes, months).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "maj": true, "capt": true, "cpt": true, "sgt": true, "cmdr": true, "adm": true,
	"rev": true, "fr": true, "st": true, "sen": true, "rep": true, "gov": true, "pres": true,
	"supt": true, "insp": true, "hon": true, "messrs": true, "mme": true, "mlle": true,
	"jr": true, "sr": true, "inc": true, "ltd": true, "co": true, "corp": true, "bros": true,
	"plc": true, "llc": true, "vs": true, "etc": true, "approx": true, "dept": true, "univ": true,
	"est": true, "fig": true, "mt": true, "ft": true, "ave": true, "blvd": true, "no": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true,
	"fri": true, "sat": true, "sun": true,
}

// lowerAbbreviations keep their period in lower case too; the others need a
// capital (Sun., Co.) so that "in the sun." still ends a sentence.
var lowerAbbreviations = map[string]bool{"etc": true, "vs": true, "approx": true}

// webDomains are endings that make "word.tld" a single token.
var webDomains = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "io": true, "co": true,
	"uk": true, "de": true, "fr": true, "cn": true, "jp": true, "kr": true, "ru": true, "info": true,
	"biz": true, "ai": true, "app": true, "int": true, "eu": true, "us": true, "ca": true, "au": true,
}

// wordWithPeriod decides whether the period at dot belongs to the word
// [start, dot): a known abbreviation (Dr.), a single capital initial (F.), or a
// web domain (Amazon.com).
func (t *tokenizer) wordWithPeriod(start, dot int) int {
	word := t.text[start:dot]
	if end, ok := t.languageAbbreviation(start, dot); ok {
		return end
	}
	next, n := t.runeAt(dot + 1)
	if letters.IsLetter(next) {
		end := dot + 1 + n
		for {
			r, m := t.runeAt(end)
			if m == 0 || !letters.IsLetter(r) {
				break
			}
			end += m
		}
		if tld := t.text[dot+1 : end]; webDomains[letters.Lower(tld)] && !t.startsWord(end) {
			return end
		}
		return dot
	}
	if isDigit(next) {
		if strings.EqualFold(word, "no") {
			return dot + 1 // "No.1", "No.10 Downing Street"
		}
		return dot
	}
	if isInitial(word) {
		return dot + 1 // an initial: John F. Kennedy, В. В. Путин
	}
	if t.romanOrdinals && isRomanNumeral(word) {
		return dot + 1 // II. József
	}
	if len(word) <= 6 && abbreviations[letters.Lower(word)] && (isUpperASCII(rune(word[0])) || lowerAbbreviations[word]) {
		if strings.EqualFold(word, "no") {
			// "No." is only an abbreviation before a number: "No. 10".
			if r, m := t.runeAt(dot + 1); isGap(r) {
				if d, _ := t.runeAt(dot + 1 + m); isDigit(d) {
					return dot + 1
				}
			}
			return dot
		}
		return dot + 1
	}
	return dot
}

// isInitial reports whether word is a single capital letter, in any script.
func isInitial(word string) bool {
	r, n := utf8.DecodeRuneInString(word)
	return n == len(word) && unicode.IsUpper(r)
}

// isRomanNumeral reports whether word is a Roman numeral in capitals (I to
// MMMCMXCIX, loosely: letters of IVXLCDM only).
func isRomanNumeral(word string) bool {
	if word == "" || len(word) > 12 {
		return false
	}
	for i := 0; i < len(word); i++ {
		if !strings.ContainsRune("IVXLCDM", rune(word[i])) {
			return false
		}
	}
	return true
}

// languageAbbreviation matches one of the language's abbreviations from
// start, whose first period is at dot: a word (Sra., ún.) or dotted
// segments (t.ex., bl.a., f.eks.), the final period kept in the token. They
// never end a sentence, whatever the case of the word after them.
func (t *tokenizer) languageAbbreviation(start, dot int) (int, bool) {
	if len(t.abbreviations) == 0 {
		return 0, false
	}
	end := dot
	for end-start <= 12 {
		if t.abbreviations[letters.Lower(t.text[start:end])] {
			return end + 1, true
		}
		// The next dotted segment: letters, then a period.
		i := end + 1
		for {
			r, n := t.runeAt(i)
			if n == 0 || !letters.IsLetter(r) {
				break
			}
			i += n
		}
		if i == end+1 || i >= len(t.text) || t.text[i] != '.' {
			return 0, false
		}
		end = i
	}
	return 0, false
}

// scanNumber consumes digits with internal separators (17,500 9.30
// 1996-12-06 12/06/96 9:30), an optional currency prefix ($2bn), a unit or
// suffix glued to it (am, bn, th, s, km, %) and a hyphenated tail
// (17-year-old, which makes it a Word).
func (t *tokenizer) scanNumber(i int) (int, TokenKind) {
	kind := Number
	if r, n := t.runeAt(i); isCurrency(r) {
		i += n
	}
	for i < len(t.text) && isDigit(rune(t.text[i])) {
		i++
	}
	for i+1 < len(t.text) && strings.IndexByte(",.:/-", t.text[i]) >= 0 && isDigit(rune(t.text[i+1])) {
		i++
		for i < len(t.text) && isDigit(rune(t.text[i])) {
			i++
		}
	}
	if i < len(t.text) && t.text[i] == '%' {
		return i + 1, Number
	}
	for {
		r, n := t.runeAt(i)
		if n > 0 && isWordRune(r) {
			i += n
			continue
		}
		if r == '.' && isAMPM(t.text[t.pos:i]) {
			// 9.30a.m.: keep the dotted suffix.
			if end, ok := t.scanDottedSuffix(i); ok {
				return end, Number
			}
		}
		next, m := t.runeAt(i + n)
		if isHyphen(r) && letters.IsLetter(next) {
			i += n + m
			kind = Word
			continue
		}
		return i, kind
	}
}

func isAMPM(s string) bool {
	return strings.HasSuffix(s, "a") || strings.HasSuffix(s, "p")
}

// scanDottedSuffix matches ".m." after "9a" in "9a.m.".
func (t *tokenizer) scanDottedSuffix(i int) (int, bool) {
	if strings.HasPrefix(t.text[i:], ".m.") || strings.HasPrefix(t.text[i:], ".M.") {
		return i + 3, true
	}
	return 0, false
}

// scanURL matches http(s):// and www. addresses, without trailing
// punctuation that belongs to the sentence.
func (t *tokenizer) scanURL(i int) (int, bool) {
	rest := t.text[i:]
	if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")) {
		return 0, false
	}
	j := i
	for j < len(t.text) {
		r, n := t.runeAt(j)
		if isGap(r) || r == '<' || r == '>' || r == '"' || r == '“' || r == '”' || (r == utf8.RuneError && n == 1) {
			break
		}
		j += n
	}
	// Trim punctuation that ends the sentence rather than the address, but
	// keep a closing parenthesis that balances one inside it.
	opened, closed := strings.Count(t.text[i:j], "("), strings.Count(t.text[i:j], ")")
	for j > i {
		r, n := utf8.DecodeLastRuneInString(t.text[i:j])
		if r == ')' && opened >= closed {
			break
		}
		if !strings.ContainsRune(".,;:!?')]}’”", r) {
			break
		}
		if r == ')' {
			closed--
		}
		j -= n
	}
	if j-i <= len("www.") {
		return 0, false
	}
	return j, true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// scanEmail matches local@domain.tld.
func (t *tokenizer) scanEmail(i int) (int, bool) {
	j := i
	for j < len(t.text) && j-i <= 64 && isEmailLocal(t.text[j]) {
		j++
	}
	if j == i || j >= len(t.text) || t.text[j] != '@' {
		return 0, false
	}
	j++
	labels, lastLabel := 0, 0
	for {
		k := j
		for k < len(t.text) && (isAlnumASCII(t.text[k]) || t.text[k] == '-') {
			k++
		}
		if k == j {
			break
		}
		labels++
		lastLabel = k - j
		j = k
		if j+1 < len(t.text) && t.text[j] == '.' && isAlnumASCII(t.text[j+1]) {
			j++
			continue
		}
		break
	}
	if labels < 2 || lastLabel < 2 {
		return 0, false
	}
	return j, true
}

func isAlnumASCII(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

func isEmailLocal(c byte) bool {
	return isAlnumASCII(c) || strings.IndexByte("._%+-", c) >= 0
}
