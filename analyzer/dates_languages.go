package analyzer

import (
	"strings"
	"unicode/utf8"

	"annotator/analyzer/lang"
	"annotator/analyzer/letters"
)

// The date rules of every language but English, read from its pack's date
// words (lang.Dates): 19 de junio de 2018, le 19 juin 2018, 19 июня 2018
// года, den 19 juni 2018, 19. juni 2018, 2018. június 19.; weekdays (el
// martes, в прошлый вторник); relative dates (ayer, l'an dernier, в прошлом
// году, i fjol, tavaly); counts of units ago (hace dos años, il y a deux
// ans, два года назад, för två år sedan, két évvel ezelőtt). English keeps
// its own rules (dates.go).

// langDate matches a date at token k in the language of m.dates: it
// returns the end of the match (k when none) and what the date says.
func (m *numberMatcher) langDate(k int) (int, parsedDate) {
	dw := m.dates
	if end, d := m.relativePhrase(k); end > k {
		return end, d
	}
	// A weekday, perhaps with its modifier (el martes pasado, в прошлый
	// вторник), perhaps leading a calendar date (martes 19 de junio).
	if off, ok := dw.WeekdayOffsets[m.lower(k)]; ok {
		if wd, ok := dw.Weekdays[m.lower(k+1)]; ok {
			return k + 2, parsedDate{kind: weekday, weekday: wd, offset: off}
		}
	}
	if wd, ok := dw.Weekdays[m.lower(k)]; ok && (!dw.Capitalised || m.capitalized(k)) {
		j := k + 1
		if m.word(j) == "," {
			j++
		}
		if end, d := m.langCalendar(j); end > j {
			return end, d
		}
		d := parsedDate{kind: weekday, weekday: wd}
		if off, ok := dw.WeekdayOffsets[m.lower(k+1)]; ok {
			return k + 2, parsedDate{kind: weekday, weekday: wd, offset: off}
		}
		return k + 1, d
	}
	if end, d := m.langCalendar(k); end > k {
		return end, d
	}
	if end, d := m.langAgo(k); end > k {
		return end, d
	}
	return k, parsedDate{}
}

// relativePhrase matches the longest relative phrase at token k (ayer, el
// año pasado). A phrase inside a longer one that is no date (por la
// mañana) does not match.
func (m *numberMatcher) relativePhrase(k int) (int, parsedDate) {
	dw := m.dates
	if m.kind(k) != Word {
		return k, parsedDate{}
	}
	for n := min(lang.LongestRelative, m.end-k); n >= 1; n-- {
		r, ok := dw.Relative[m.phrase(k, k+n)]
		if !ok {
			continue
		}
		if r.Unit == "" || m.blocked(k, k+n) {
			return k, parsedDate{}
		}
		if r.Unit == "day" {
			return k + n, parsedDate{kind: relativeDay, offset: r.Offset}
		}
		return k + n, parsedDate{kind: relativeUnit, unit: r.Unit, offset: r.Offset}
	}
	return k, parsedDate{}
}

// blocked reports whether tokens [k, end) end a longer phrase that is no
// date.
func (m *numberMatcher) blocked(k, end int) bool {
	for s := k - 1; s >= max(0, end-lang.LongestRelative); s-- {
		if r, ok := m.dates.Relative[m.phrase(s, end)]; ok && r.Unit == "" {
			return true
		}
	}
	return false
}

// phrase returns tokens [from, to) in lower case joined by spaces, with
// typographic apostrophes written straight: how Relative keys are spelt.
func (m *numberMatcher) phrase(from, to int) string {
	if to-from == 1 {
		return m.lower(from)
	}
	var b strings.Builder
	for k := from; k < to; k++ {
		if k > from {
			b.WriteByte(' ')
		}
		b.WriteString(m.lower(k))
	}
	return b.String()
}

// lower returns token k in lower case, apostrophes straight ("" past the
// sentence).
func (m *numberMatcher) lower(k int) string {
	w := m.word(k)
	ascii := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	return strings.ReplaceAll(letters.Lower(w), "’", "'")
}

// langCalendar matches a calendar date at token k: day month year in
// either order the language writes them, a month with its year, a month
// or a year after a preposition, or a numeric date (day first).
func (m *numberMatcher) langCalendar(k int) (int, parsedDate) {
	dw := m.dates
	if m.kind(k) == Number && isNumericDate(m.word(k)) {
		d := parsedDate{kind: absoluteDay}
		d.year, d.month, d.day = numericDayFirst(m.word(k))
		return k + 1, d
	}
	if dw.YearFirst {
		// 2018. június 19.
		if y, ok := m.yearAt(k); ok {
			j := k + 1
			if m.word(j) == "." {
				j++
			}
			if mo, ok := dw.Months[m.lower(j)]; ok {
				d := parsedDate{kind: absoluteMon, year: y, month: mo}
				j++
				if day, ok := m.dayAt(j); ok {
					d.kind, d.day = absoluteDay, day
					j++
					if m.word(j) == "." && m.dayAt1Digits(j-1) {
						j++
					}
				}
				return j, d
			}
			if m.yearSuffixed(k) || m.isPreposition(k-1) {
				return k + 1, parsedDate{kind: absoluteYear, year: y}
			}
		}
	}
	// 19 de junio de 2018, 19. juni 2018, 19 июня 2018 года.
	if day, ok := m.dayAt(k); ok && !dw.YearFirst {
		j := k + 1
		if m.word(j) == "." {
			j++
		}
		for dw.Joiners[m.lower(j)] {
			j++
		}
		if mo, ok := dw.Months[m.lower(j)]; ok {
			d := parsedDate{kind: monthDay, month: mo, day: day}
			return m.langYearAfter(j + 1), d.withYear(m, j+1)
		}
		return k, parsedDate{}
	}
	// A month: with its year (junio de 2018), after a preposition (en
	// junio, в июне), or inflected so that it stands alone (júniusban).
	if mo, ok := dw.Months[m.lower(k)]; ok && (!dw.Capitalised || m.capitalized(k)) {
		d := parsedDate{kind: monthOnly, month: mo}
		if end := m.langYearAfter(k + 1); end > k+1 {
			return end, d.withYear(m, k+1)
		}
		if m.isPreposition(k-1) || len(dw.Prepositions) == 0 {
			return k + 1, d
		}
		return k, parsedDate{}
	}
	// A year after a preposition (en 2018, в 2018 году), or before a year
	// word.
	if y, ok := m.yearAt(k); ok && (m.isPreposition(k-1) || dw.YearWords[m.lower(k+1)] || dw.Units[m.lower(k-1)] == "year") {
		end := k + 1
		if dw.YearWords[m.lower(end)] {
			end++
			if m.word(end) == "." && m.word(end-1) == "г" {
				end++
			}
		}
		return end, parsedDate{kind: absoluteYear, year: y}
	}
	return k, parsedDate{}
}

// withYear adds the year at token j (if one follows, after joiners) to a
// date of a month.
func (d parsedDate) withYear(m *numberMatcher, j int) parsedDate {
	for m.dates.Joiners[m.lower(j)] {
		j++
	}
	if y, ok := m.yearAt(j); ok {
		d.year = y
		if d.kind == monthDay {
			d.kind = absoluteDay
		} else {
			d.kind = absoluteMon
		}
	}
	return d
}

// langYearAfter returns the end of a date whose month ends at token j: past
// the year that follows it (after joiners) and its year word, if any.
func (m *numberMatcher) langYearAfter(j int) int {
	dw := m.dates
	start := j
	for dw.Joiners[m.lower(j)] {
		j++
	}
	if _, ok := m.yearAt(j); !ok {
		return start
	}
	j++
	if dw.YearWords[m.lower(j)] {
		j++
		if m.word(j) == "." && m.word(j-1) == "г" {
			j++
		}
	}
	return j
}

func (m *numberMatcher) isPreposition(k int) bool {
	return k >= 0 && m.dates.Prepositions[m.lower(k)]
}

// yearAt reads a year, 1800 to 2099, at token k: 2018, or with a
// Hungarian suffix 2018-ban.
func (m *numberMatcher) yearAt(k int) (int, bool) {
	w := m.word(k)
	if !m.numberLike(k) {
		return 0, false
	}
	if len(w) > 4 && w[4] == '-' && m.dates.YearFirst {
		w = w[:4]
	}
	if len(w) != 4 || !isDigits(w) {
		return 0, false
	}
	y := atoi(w)
	return y, y >= 1800 && y <= 2099
}

// numberLike reports whether token k is a number, or a word that starts
// with digits (2015-ben, 3-án: the tokenizer reads a suffixed number as a
// word).
func (m *numberMatcher) numberLike(k int) bool {
	w := m.word(k)
	return m.kind(k) == Number || m.kind(k) == Word && w != "" && w[0] >= '0' && w[0] <= '9'
}

// yearSuffixed reports whether token k is a year with a suffix: 2018-ban.
func (m *numberMatcher) yearSuffixed(k int) bool {
	w := m.word(k)
	return len(w) > 5 && w[4] == '-'
}

// dayAt reads a day of the month at token k: 19, 1er, 1º, 19-én, 19-i.
func (m *numberMatcher) dayAt(k int) (int, bool) {
	w := m.word(k)
	if !m.numberLike(k) {
		return 0, false
	}
	n := 0
	for n < len(w) && n < 3 && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	if n == 0 || n > 2 {
		return 0, false
	}
	switch rest := w[n:]; {
	case rest == "", rest == "er", rest == "º", rest == "°", rest == "-е", rest == "-го":
	case strings.HasPrefix(rest, "-") && isLetters(rest[1:]):
	default:
		return 0, false
	}
	d := atoi(w[:n])
	return d, d >= 1 && d <= 31
}

// dayAt1Digits reports whether token k is a day written in digits alone
// (19), which a period may follow (2018. június 19.).
func (m *numberMatcher) dayAt1Digits(k int) bool { return isDigits(m.word(k)) }

func isLetters(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !letters.IsLetter(r) {
			return false
		}
	}
	return true
}

// langAgo matches a count of units before the dateline: hace dos años, il
// y a deux ans, два года назад, för två år sedan, két évvel ezelőtt, két
// éve.
func (m *numberMatcher) langAgo(k int) (int, parsedDate) {
	dw := m.dates
	j := k
	before := false
	for _, p := range dw.AgoBefore {
		if n := m.wordsMatch(k, p); n > 0 {
			j, before = k+n, true
			break
		}
	}
	count, ok := m.countAt(j)
	if !ok {
		return k, parsedDate{}
	}
	j++
	lw := m.lower(j)
	if u, ok := dw.AgoUnits[lw]; ok && !before {
		return j + 1, parsedDate{kind: ago, unit: u, offset: count}
	}
	unit, ok := dw.Units[lw]
	if !ok {
		return k, parsedDate{}
	}
	j++
	for _, p := range dw.AgoAfter {
		if n := m.wordsMatch(j, p); n > 0 {
			return j + n, parsedDate{kind: ago, unit: unit, offset: count}
		}
	}
	if before && len(dw.AgoAfter) == 0 {
		return j, parsedDate{kind: ago, unit: unit, offset: count}
	}
	return k, parsedDate{}
}

// wordsMatch returns how many tokens from k the space-separated phrase
// takes, 0 when they are not its words.
func (m *numberMatcher) wordsMatch(k int, phrase string) int {
	words := strings.Fields(phrase)
	for i, w := range words {
		if m.lower(k+i) != w {
			return 0
		}
	}
	return len(words)
}

// countAt reads a count at token k: digits or a number word.
func (m *numberMatcher) countAt(k int) (int, bool) {
	w := m.word(k)
	if m.kind(k) == Number && isDigits(w) && len(w) <= 3 {
		return atoi(w), true
	}
	n, ok := m.dates.Numbers[m.lower(k)]
	return n, ok
}

// numericDayFirst reads 19.06.2018, 19/06/2018 and 2018-06-19: the day
// before the month, as every language but American English writes them.
func numericDayFirst(w string) (year, month, day int) {
	_, a, b, c, yearFirst := splitNumericDate(w)
	if yearFirst {
		return a, b, c
	}
	return c, b, a
}
