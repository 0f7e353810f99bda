package analyzer

import (
	"strings"
	"unicode/utf8"
)

// findNumbers finds DATE, TIME, MONEY, PERCENT and NUM mentions with rules,
// sentence by sentence, taking the longest pattern at each token.
func findNumbers(doc *Document) []Mention {
	var out []Mention
	for _, s := range doc.Sentences {
		m := numberMatcher{doc: doc, end: s.EndToken}
		for k := s.FirstToken; k < s.EndToken; {
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
	doc *Document
	end int
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
	if end := m.date(k); end > k {
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
	return numberWords[strings.ToLower(w[:i])] && numberWords[strings.ToLower(w[i+1:])]
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

// time matches 9.30am, 9am, 9:30, 10 a.m. GMT, noon, midnight, tonight, this
// morning, last night.
func (m *numberMatcher) time(k int) int {
	w := m.word(k)
	end := k
	switch {
	case m.kind(k) == Number && isClockWithSuffix(w):
		end = k + 1
	case m.kind(k) == Number && isClock(w) && (m.in(k+1, ampm) || m.in(k+1, timeZones) || m.in(k-1, atWord) && strings.Contains(w, ":")):
		end = k + 1
		if m.in(end, ampm) {
			end++
		}
	case m.kind(k) == Number && isSmallInt(w) && (m.in(k+1, ampm) || m.in(k+1, oclock)):
		end = k + 2
	case m.in(k, clockWords):
		return k + 1
	case m.in(k, relativeModifiers) && m.in(k+1, partsOfDay):
		return k + 2
	case m.in(k, lastWord) && m.in(k+1, nightWord):
		return k + 2
	default:
		return k
	}
	if m.in(end, timeZones) {
		end++
	} else if m.in(end, localWord) && m.in(end+1, timeWord) {
		end += 2
	}
	return end
}

// isClock reports whether w looks like h:mm or h.mm with a valid hour.
func isClock(w string) bool {
	i := strings.IndexAny(w, ":.")
	if i < 1 || i > 2 || len(w) != i+3 {
		return false
	}
	h := atoi(w[:i])
	return h >= 0 && h <= 24 && isDigits(w[i+1:]) && atoi(w[i+1:]) < 60
}

// isClockWithSuffix matches 9am, 9.30pm, 11:45a.m.
func isClockWithSuffix(w string) bool {
	lw := strings.ToLower(w)
	for _, suf := range []string{"a.m.", "p.m.", "am", "pm"} {
		if strings.HasSuffix(lw, suf) {
			n := lw[:len(lw)-len(suf)]
			return isSmallInt(n) || isClock(n)
		}
	}
	return false
}

func isSmallInt(w string) bool { return len(w) >= 1 && len(w) <= 2 && isDigits(w) && atoi(w) <= 24 }

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

// date matches calendar dates, weekdays, months, years and relative dates.
func (m *numberMatcher) date(k int) int {
	start := k
	// An optional weekday leads a calendar date: "Tuesday, June 19".
	if m.isWeekday(k) {
		j := k + 1
		if m.word(j) == "," {
			j++
		}
		if end := m.calendarDate(j); end > j {
			return end
		}
		end := k + 1
		if m.in(end, partsOfDay) {
			end++
		}
		return end
	}
	if end := m.calendarDate(start); end > start {
		return end
	}
	if end := m.relativeDate(k); end > k {
		return end
	}
	return k
}

func (m *numberMatcher) isWeekday(k int) bool {
	return m.capitalized(k) && m.in(k, weekdays)
}

// isMonth reports whether token k names a month. Ambiguous names (May,
// March and bare abbreviations) need a day or year next to them, or a
// preposition before.
func (m *numberMatcher) isMonth(k int) bool {
	if !m.capitalized(k) || !m.in(k, months) {
		return false
	}
	if !m.in(k, ambiguousMonths) {
		return true
	}
	return m.isDay(k+1) || m.isYear(k+1) || m.isDay(k-1) || m.in(k-1, monthPrepositions)
}

// isDay reports whether token k is a day of the month: 19, 19th, 1st.
func (m *numberMatcher) isDay(k int) bool {
	if m.kind(k) != Number {
		return false
	}
	w := strings.ToLower(m.word(k))
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	return len(w) <= 2 && isDigits(w) && atoi(w) >= 1 && atoi(w) <= 31
}

// isYear reports whether token k is a plausible year: 1800-2099.
func (m *numberMatcher) isYear(k int) bool {
	w := m.word(k)
	return m.kind(k) == Number && len(w) == 4 && isDigits(w) && atoi(w) >= 1800 && atoi(w) <= 2099
}

// calendarDate matches June 19th, 2018 / 19 June 2018 / the 19th of June /
// June 2018 / June / 1996-12-06 / 12/06/1996 / the 1990s / a year in context.
func (m *numberMatcher) calendarDate(k int) int {
	switch {
	case m.isMonth(k):
		end := k + 1
		if m.isDay(end) {
			end++
			if m.word(end) == "," && m.isYear(end+1) {
				return end + 2
			}
		}
		if m.isYear(end) {
			end++
		}
		return end
	case m.isDay(k) && m.isMonth(k+1):
		return m.yearAfter(k + 2)
	case m.isDay(k) && m.in(k+1, ofWord) && m.isMonth(k+2):
		return m.yearAfter(k + 3)
	case m.in(k, theWord) && m.isDay(k+1) && m.in(k+2, ofWord) && m.isMonth(k+3):
		return m.yearAfter(k + 4)
	case m.kind(k) == Number && isNumericDate(m.word(k)):
		return k + 1
	case m.kind(k) == Number && isDecade(m.word(k)):
		return k + 1
	case m.isYear(k) && m.yearInContext(k):
		end := k + 1
		if m.isYear(end+1) && (m.word(end) == "-" || m.word(end) == "–" || m.in(end, toWord)) {
			end += 2 // 2017-2018 written with spaces or "to"
		}
		return end
	case m.kind(k) == Word && isMidYear(m.word(k)):
		return k + 1
	}
	return k
}

func (m *numberMatcher) yearAfter(end int) int {
	if m.word(end) == "," && m.isYear(end+1) {
		return end + 2
	}
	if m.isYear(end) {
		return end + 1
	}
	return end
}

// yearInContext tells a year from a count: "in 2011", "the 2018 summit" and
// "2011." are years; "2000 troops" is a count.
func (m *numberMatcher) yearInContext(k int) bool {
	if m.in(k-1, yearPrepositions) {
		return true
	}
	next := m.word(k + 1)
	if m.kind(k+1) == Word && !startsUpper(next) && strings.HasSuffix(next, "s") && !m.in(k+1, notPlural) {
		return false
	}
	return !m.in(k+1, magnitudes) && !m.in(k+1, percentWords)
}

// isNumericDate matches 1996-12-06, 2018/06/19, 12/06/1996, 19.06.2018.
func isNumericDate(w string) bool {
	for _, sep := range []string{"-", "/", "."} {
		parts := strings.Split(w, sep)
		if len(parts) != 3 {
			continue
		}
		a, b, c := parts[0], parts[1], parts[2]
		if !isDigits(a) || !isDigits(b) || !isDigits(c) {
			return false
		}
		switch {
		case len(a) == 4 && len(b) <= 2 && len(c) <= 2:
			return atoi(b) >= 1 && atoi(b) <= 12 && atoi(c) >= 1 && atoi(c) <= 31
		case len(a) <= 2 && len(b) <= 2 && (len(c) == 4 || len(c) == 2) && sep != ".":
			return atoi(a) >= 1 && atoi(a) <= 31 && atoi(b) >= 1 && atoi(b) <= 31
		case len(a) <= 2 && len(b) <= 2 && len(c) == 4:
			return atoi(a) >= 1 && atoi(a) <= 31 && atoi(b) >= 1 && atoi(b) <= 12
		}
		return false
	}
	return false
}

// isDecade matches 1990s and 90s.
func isDecade(w string) bool {
	d := strings.TrimSuffix(w, "s")
	return len(d) != len(w) && (len(d) == 4 || len(d) == 2) && isDigits(d) && d[len(d)-1] == '0'
}

// isMidYear matches mid-2018, early-1990s written as one hyphenated word.
func isMidYear(w string) bool {
	i := strings.IndexByte(w, '-')
	if i <= 0 {
		return false
	}
	p := strings.ToLower(w[:i])
	y := w[i+1:]
	return (p == "mid" || p == "early" || p == "late") && (len(y) == 4 && isDigits(y) || isDecade(y))
}

// relativeDate matches today, last year, next week, this summer, last
// Tuesday, the past three months, two years ago, in summer.
func (m *numberMatcher) relativeDate(k int) int {
	switch {
	case m.in(k, dayWords):
		end := k + 1
		if m.in(end, partsOfDay) {
			end++
		}
		return end
	case m.in(k, relativeModifiers) && (m.in(k+1, periods) || m.in(k+1, seasons) || m.isWeekday(k+1) || m.isMonth(k+1)):
		return k + 2
	case m.in(k, theWord) && m.in(k+1, spanModifiers):
		if end := m.periodCount(k + 2); end > k+2 {
			return end
		}
	case m.in(k, spanModifiers) && !m.in(k-1, theWord):
		if end := m.periodCount(k + 1); end > k+1 {
			return end
		}
	case m.in(k, seasons) && m.in(k-1, seasonPrepositions):
		if m.isYear(k + 1) {
			return k + 2
		}
		return k + 1
	}
	// "two years ago", "a year ago"
	if end := m.quantity(k); end > k && m.in(end, periods) && m.in(end+1, agoWord) {
		return end + 2
	}
	if m.in(k, articleA) && m.in(k+1, periods) && m.in(k+2, agoWord) {
		return k + 3
	}
	// "a few years ago", "several weeks ago"
	if m.in(k, articleA) && m.in(k+1, fewWords) && m.in(k+2, periods) && m.in(k+3, agoWord) {
		return k + 4
	}
	if m.in(k, fewWords) && m.in(k+1, periods) && m.in(k+2, agoWord) {
		return k + 3
	}
	return k
}

// periodCount matches "three months", "few years", "months" after a span
// modifier such as "last".
func (m *numberMatcher) periodCount(k int) int {
	if m.in(k, periods) {
		return k + 1
	}
	if end := m.quantity(k); end > k && m.in(end, periods) {
		return end + 1
	}
	if m.in(k, fewWords) && m.in(k+1, periods) {
		return k + 2
	}
	return k
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
	andWord            = set("and")
	articleA           = set("a", "an", "one")
	theWord            = set("the")
	ofWord             = set("of")
	toWord             = set("to")
	atWord             = set("at", "by", "from", "until", "till", "before", "after", "around")
	agoWord            = set("ago")
	perWord            = set("per")
	centWord           = set("cent")
	percentWords       = set("percent", "pct", "pc")
	percentageWord     = set("percentage")
	pointsWords        = set("point", "points")
	lastWord           = set("last")
	nightWord          = set("night")
	localWord          = set("local")
	timeWord           = set("time")
	oclock             = set("o'clock", "o’clock")
	fewWords           = set("few", "several", "many", "couple")
	notPlural          = set("'s", "’s", "is", "was", "has", "as", "its", "his", "this", "thus")
	ampm               = set("am", "pm", "a.m.", "p.m.")
	clockWords         = set("noon", "midnight", "midday", "tonight")
	partsOfDay         = set("morning", "afternoon", "evening", "night", "overnight")
	dayWords           = set("today", "yesterday", "tomorrow")
	seasons            = set("spring", "summer", "autumn", "winter")
	seasonPrepositions = set("in", "during", "this", "last", "next", "early", "late", "mid", "by", "until", "since")
	monthPrepositions  = set("in", "since", "by", "until", "till", "from", "early", "late", "mid", "during", "of", "before", "after", "through", "last", "next", "this")
	yearPrepositions   = set("in", "since", "by", "until", "till", "from", "of", "before", "after", "during", "early", "late", "mid", "between", "through", "to", "and", "year", "summer", "winter", "spring", "autumn")
	relativeModifiers  = set("last", "next", "this", "past", "coming", "previous", "following", "that")
	spanModifiers      = set("last", "past", "next", "coming", "previous", "following", "recent")
	periods            = set("day", "days", "week", "weeks", "weekend", "weekends", "month", "months", "year", "years", "decade", "decades", "century", "centuries", "quarter", "quarters", "fortnight", "season", "hour", "hours")
	timeZones          = set("gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "pst", "pdt", "jst", "kst", "ist", "hkt", "aest")
	months             = set("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"jan", "jan.", "feb", "feb.", "mar", "mar.", "apr", "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec.")
	ambiguousMonths = set("may", "march", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
	weekdays        = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun.")
	numberWords = set("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
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
