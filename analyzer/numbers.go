package analyzer

import (
	"strings"
	"unicode/utf8"

	"annotator/analyzer/lang"
	"annotator/analyzer/letters"
)

// findNumbers finds DATE, TIME, MONEY, PERCENT and NUM mentions with rules,
// sentence by sentence, taking the longest pattern at each token. The date
// and time patterns are in dates.go. It ticks pace once a token.
func findNumbers(doc *Document, pace *pacer) []Mention {
	var out []Mention
	for _, s := range doc.Sentences {
		m := numberMatcher{doc: doc, end: s.EndToken, dates: doc.language().Dates()}
		for k := s.FirstToken; k < s.EndToken; {
			pace.tick()
			if !m.mayStart(k) {
				k++
				continue
			}
			label, start, end := m.match(k)
			if end <= k {
				k++
				continue
			}
			out = append(out, Mention{
				Span:       Span{doc.Tokens[start].Start, doc.Tokens[end-1].End},
				FirstToken: start, EndToken: end, Label: label,
			})
			k = end
		}
	}
	return out
}

// numberMatcher matches patterns over the tokens of one sentence, up to end.
type numberMatcher struct {
	doc   *Document
	end   int
	dates *lang.Dates // the language's date words
}

// word returns the text of token k, "" past the sentence.
func (m *numberMatcher) word(k int) string {
	if k < 0 || k >= m.end {
		return ""
	}
	return m.doc.TokenText(k)
}

func (m *numberMatcher) kind(k int) TokenKind {
	if k < 0 || k >= m.end {
		return 0
	}
	return m.doc.Tokens[k].Kind
}

// in reports whether token k, lower-cased, is in the set.
func (m *numberMatcher) in(k int, set map[string]bool) bool {
	w := m.word(k)
	if w == "" || len(w) > 24 {
		return false
	}
	var buf [24]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// capitalized reports whether token k starts with an upper-case letter.
func (m *numberMatcher) capitalized(k int) bool { return startsUpper(m.word(k)) }

// mayStart reports whether any pattern can start at token k: a number, a
// currency sign, or a word that opens one. It spares most tokens the dozens
// of lookups of match.
func (m *numberMatcher) mayStart(k int) bool {
	switch m.kind(k) {
	case Number, Symbol:
		return true
	case Word:
		if !m.dates.English && m.dates.MayStart(m.word(k)) {
			return true
		}
		return m.in(k, patternStarts) || strings.IndexByte(m.word(k), '-') > 0
	}
	return false
}

// match tries every pattern at token k. It returns the label and token range
// [start, end) of the longest match starting at or just before k, or end <= k
// when nothing matches.
func (m *numberMatcher) match(k int) (Label, int, int) {
	if end := m.money(k); end > k {
		// A currency code glued before "$": US$2bn, HK$5.
		return MONEY, k, end
	}
	if end := m.percent(k); end > k {
		return PERCENT, k, end
	}
	if end := m.time(k); end > k {
		return TIME, k, end
	}
	if m.dates.English {
		if end := m.date(k); end > k {
			return DATE, k, end
		}
	} else if end, _ := m.langDate(k); end > k {
		return DATE, k, end
	}
	if end := m.number(k); end > k {
		return NUM, k, end
	}
	return "", k, k
}

// quantity matches a number: digits or number words, with an optional
// magnitude (3.5 million, two hundred thousand). It returns the end token.
func (m *numberMatcher) quantity(k int) int {
	end := k
	switch {
	case m.kind(k) == Number && !strings.HasSuffix(m.word(k), "%") && !isCurrency(firstRune(m.word(k))):
		end = k + 1
	case m.isNumberWord(k):
		end = k + 1
		for m.isNumberWord(end) || (m.in(end, andWord) && m.isNumberWord(end+1)) {
			if m.in(end, andWord) {
				end++
			}
			end++
		}
		return end
	case m.in(k, articleA) && m.in(k+1, magnitudes):
		end = k + 1 // "a million"
	default:
		return k
	}
	for m.in(end, magnitudes) {
		end++
	}
	return end
}

// isNumberWord reports whether token k is a cardinal in words, hyphenated
// ones included (twenty-five), and not a compound like two-day.
func (m *numberMatcher) isNumberWord(k int) bool {
	if m.kind(k) != Word {
		return false
	}
	if m.in(k, numberWords) {
		return true
	}
	w := m.word(k)
	i := strings.IndexByte(w, '-')
	if i <= 0 || len(w) > 24 {
		return false
	}
	return numberWords[letters.Lower(w[:i])] && numberWords[letters.Lower(w[i+1:])]
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// money matches $2bn, US$5, £1.5m, $ 30, 5 million dollars, USD 40, 30 euros.
func (m *numberMatcher) money(k int) int {
	w := m.word(k)
	switch {
	case m.kind(k) == Number && isCurrency(firstRune(w)):
		return m.magnitudeAfter(k + 1)
	case m.in(k, currencyPrefixes) && m.kind(k+1) == Number && isCurrency(firstRune(m.word(k+1))) &&
		m.doc.Tokens[k].End == m.doc.Tokens[k+1].Start:
		return m.magnitudeAfter(k + 2)
	case m.kind(k) == Symbol && isCurrency(firstRune(w)) && m.kind(k+1) == Number:
		return m.magnitudeAfter(k + 2)
	case m.in(k, currencyCodes) && m.kind(k+1) == Number:
		return m.magnitudeAfter(k + 2)
	}
	if end := m.quantity(k); end > k {
		if m.in(end, currencyWords) || m.in(end, currencyCodes) {
			return end + 1
		}
		if m.in(end, currencyPrefixes) && m.in(end+1, currencyWords) {
			return end + 2 // 5 US dollars
		}
	}
	return k
}

func (m *numberMatcher) magnitudeAfter(end int) int {
	for m.in(end, magnitudes) {
		end++
	}
	return end
}

// percent matches 3.5%, 3.5 percent, 3.5 per cent, two percentage points.
func (m *numberMatcher) percent(k int) int {
	if m.kind(k) == Number && strings.HasSuffix(m.word(k), "%") {
		return k + 1
	}
	end := m.quantity(k)
	if end == k {
		return k
	}
	switch {
	case m.in(end, percentWords):
		return end + 1
	case m.in(end, perWord) && m.in(end+1, centWord):
		return end + 2
	case m.in(end, percentageWord) && m.in(end+1, pointsWords):
		return end + 2
	}
	return k
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// atoi parses a short run of ASCII digits; callers check isDigits first.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// number matches the remaining quantities: 17,500, 3.5 million, three.
func (m *numberMatcher) number(k int) int {
	if m.kind(k) == Number && isCurrency(firstRune(m.word(k))) {
		return k
	}
	return m.quantity(k)
}

// patternStarts are the words a pattern of match can begin with.
var patternStarts = union(currencyPrefixes, currencyCodes, numberWords, articleA, clockWords, relativeModifiers,
	lastWord, weekdays, months, theWord, dayWords, spanModifiers, seasons, fewWords)

func union(sets ...map[string]bool) map[string]bool {
	u := make(map[string]bool)
	for _, s := range sets {
		for w := range s {
			u[w] = true
		}
	}
	return u
}

func set(words ...string) map[string]bool {
	s := make(map[string]bool, len(words))
	for _, w := range words {
		s[w] = true
	}
	return s
}

var (
	andWord        = set("and")
	articleA       = set("a", "an", "one")
	perWord        = set("per")
	centWord       = set("cent")
	percentWords   = set("percent", "pct", "pc")
	percentageWord = set("percentage")
	pointsWords    = set("point", "points")
	numberWords    = set("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
		"million", "billion", "trillion", "dozen", "dozens", "hundreds", "thousands", "millions", "billions")
	magnitudes       = set("hundred", "thousand", "million", "billion", "trillion", "m", "mn", "bn", "k", "tn", "crore", "lakh")
	currencyPrefixes = set("us", "hk", "nz", "a", "c", "s", "nt", "r")
	currencyCodes    = set("usd", "eur", "gbp", "jpy", "cny", "rmb", "krw", "chf", "aud", "cad", "hkd", "inr", "rub", "sek", "nok", "dkk", "huf", "brl", "mxn", "zar", "sgd", "nzd", "twd")
	currencyWords    = set("dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yuan", "renminbi", "yen", "won",
		"rupee", "rupees", "franc", "francs", "rouble", "roubles", "ruble", "rubles", "peso", "pesos", "rand", "cents", "cent",
		"pence", "dinar", "dinars", "baht", "ringgit", "rupiah", "lira", "lire", "shekel", "shekels", "kronor", "krona", "krone",
		"kroner", "forint", "zloty", "real", "reais", "dirham", "dirhams", "riyal", "riyals")
)
