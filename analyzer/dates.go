package analyzer

import (
	"fmt"
	"strings"
	"time"

	"annotator/analyzer/letters"
)

// Dates and times are found by the rule matcher of numbers.go, which tries
// the patterns below (time, date) among those for money and numbers at each
// token; once the whole document is annotated, resolveDates gives each an
// ISO 8601 value. The date patterns here are English's; every other
// language's are in dates_languages.go, read from its pack's date words.

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
	lw := letters.Lower(w)
	for _, suf := range []string{"a.m.", "p.m.", "am", "pm"} {
		if strings.HasSuffix(lw, suf) {
			n := lw[:len(lw)-len(suf)]
			return isSmallInt(n) || isClock(n)
		}
	}
	return false
}

func isSmallInt(w string) bool { return len(w) >= 1 && len(w) <= 2 && isDigits(w) && atoi(w) <= 24 }

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
	w := letters.Lower(m.word(k))
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
	p := letters.Lower(w[:i])
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

// resolveDates gives every DATE and TIME mention an ISO 8601 value. Absolute
// dates are normalised as written (June 19th, 2018 → 2018-06-19); relative
// ones (Tuesday, last year, in March) are resolved against the article's
// dateline when it has one, and otherwise keep what they say with X for the
// unknown digits (XXXX-03) and are marked Unresolved.
func resolveDates(doc *Document) {
	doc.Dateline = findDateline(doc)
	for i := range doc.Mentions {
		m := &doc.Mentions[i]
		if m.Label != DATE && m.Label != TIME {
			continue
		}
		d := parseDate(doc, m.FirstToken, m.EndToken)
		if d.kind == weekday && d.offset == 0 && speaksOfFuture(doc, m) {
			d.offset = 1 // "are due to sign on Wednesday": the coming one
		}
		m.Value, m.Unresolved = d.resolve(doc.Dateline)
	}
}

// speaksOfFuture reports whether the words just around a mention put it in
// the future: "will meet on Wednesday", "are due to sign on Wednesday".
// Only the mention's own clause counts: the words up to the nearest
// punctuation on either side.
func speaksOfFuture(doc *Document, m *Mention) bool {
	s := sentenceOf(doc, m.FirstToken)
	cue := func(k int) bool { return futureCues[letters.Lower(doc.TokenText(k))] }
	for k := m.FirstToken - 1; k >= max(s.FirstToken, m.FirstToken-6) && doc.Tokens[k].Kind != Punct; k-- {
		if cue(k) {
			return true
		}
	}
	for k := m.EndToken; k < min(s.EndToken, m.EndToken+3) && doc.Tokens[k].Kind != Punct; k++ {
		if cue(k) {
			return true
		}
	}
	return false
}

var futureCues = set("will", "'ll", "’ll", "shall", "due", "expected", "scheduled", "planned", "plans", "plan",
	"upcoming", "going", "coming", "later", "until", "before")

// datelineWindow is how far into the text a dateline may be found.
const datelineWindow = 1500

// findDateline returns the date the article was written, as YYYY-MM-DD: the
// first complete calendar date near the top (a wire dateline "BRUSSELS
// 2019-03-14", or a caption "…in Beijing on June 19th, 2018"), "" if none.
func findDateline(doc *Document) string {
	for _, m := range doc.Mentions {
		if m.Start > datelineWindow {
			break
		}
		if m.Label != DATE {
			continue
		}
		if d := parseDate(doc, m.FirstToken, m.EndToken); d.kind == absoluteDay {
			return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
		}
	}
	return ""
}

type dateKind int

const (
	unknownDate  dateKind = iota
	absoluteDay           // 2018-06-19
	absoluteMon           // 2018-06
	absoluteYear          // 2018
	decade                // 199X
	monthDay              // June 19, year from the dateline
	monthOnly             // March, year from the dateline
	weekday               // Tuesday, last Tuesday
	relativeDay           // today, yesterday, tomorrow
	relativeUnit          // last year, next week, this month
	season                // this summer
	ago                   // three years ago
	duration              // the last three months
	clock                 // 9.30am, noon
	dayPart               // this morning, last night
)

// parsedDate is what a DATE or TIME mention says.
type parsedDate struct {
	kind              dateKind
	year, month, day  int
	weekday           time.Weekday
	offset            int    // -1 last, +1 next, 0 this; days for relativeDay; count for ago
	unit              string // year, month, week, day
	season            string // SP SU FA WI
	hour, minute      int
	part              string // MO AF EV NI
	durationDesignate string // P3M
}

// parseDate reads the tokens [from, to) of a DATE or TIME mention.
func parseDate(doc *Document, from, to int) parsedDate {
	m := numberMatcher{doc: doc, end: to, dates: doc.language().Dates()}
	if !m.dates.English {
		if end, d := m.langDate(from); end > from {
			return d
		}
		return m.englishOnly(from, to)
	}
	var d parsedDate
	words := make([]string, 0, to-from)
	for k := from; k < to; k++ {
		words = append(words, letters.Lower(strings.TrimSuffix(doc.TokenText(k), ".")))
	}
	for k := from; k < to; k++ {
		w := words[k-from]
		switch {
		case m.kind(k) == Number && isNumericDate(doc.TokenText(k)):
			d.year, d.month, d.day = numericDate(doc.TokenText(k))
			d.kind = absoluteDay
		case m.kind(k) == Number && isDecade(doc.TokenText(k)):
			d.kind, d.year = decade, decadeStart(doc.TokenText(k))
		case m.kind(k) == Word && isMidYear(doc.TokenText(k)):
			y := doc.TokenText(k)[strings.IndexByte(doc.TokenText(k), '-')+1:]
			if isDecade(y) {
				d.kind, d.year = decade, decadeStart(y)
			} else {
				d.kind, d.year = absoluteYear, atoi(y)
			}
		case m.isYear(k) && d.kind != duration && d.kind != ago:
			if d.year == 0 {
				d.year = atoi(doc.TokenText(k))
			}
		case monthNumbers[w] > 0 && m.capitalized(k):
			d.month = monthNumbers[w]
		case m.isDay(k) && d.day == 0 && (d.month > 0 || m.in(k+1, months) || m.in(k+1, ofWord) || k+1 < to && monthNumbers[words[k+1-from]] > 0):
			d.day = atoi(strings.TrimRight(w, "stndrh"))
		case weekdayNumbers[w] > 0:
			d.weekday = time.Weekday(weekdayNumbers[w] - 1)
			if d.kind == unknownDate {
				d.kind = weekday
			}
		case w == "today" || w == "tonight":
			d.kind, d.offset = relativeDay, 0
		case w == "yesterday":
			d.kind, d.offset = relativeDay, -1
		case w == "tomorrow":
			d.kind, d.offset = relativeDay, 1
		case w == "last" || w == "past" || w == "previous":
			d.offset = -1
		case w == "next" || w == "coming" || w == "following":
			d.offset = 1
		case seasonCodes[w] != "":
			d.season = seasonCodes[w]
		case periodUnits[w] != "":
			d.unit = periodUnits[w]
		case w == "ago":
			d.kind = ago
		case partCodes[w] != "":
			d.part = partCodes[w]
		case w == "noon" || w == "midday":
			d.kind, d.hour = clock, 12
		case w == "midnight":
			d.kind, d.hour = clock, 0
		case m.kind(k) == Number && (isClockWithSuffix(doc.TokenText(k)) || isClock(doc.TokenText(k)) || isSmallInt(w)):
			d.kind = clock
			d.hour, d.minute = clockTime(w)
		case (w == "pm" || w == "p.m") && d.kind == clock && d.hour < 12:
			d.hour += 12
		}
	}
	return d.classify(words, doc, from, to)
}

// englishOnly reads a mention that no rule of the language matched: a
// time (the clock patterns are every language's) or nothing.
func (m *numberMatcher) englishOnly(from, to int) parsedDate {
	for k := from; k < to; k++ {
		if w := m.word(k); m.kind(k) == Number && (isClockWithSuffix(w) || isClock(w)) {
			d := parsedDate{kind: clock}
			d.hour, d.minute = clockTime(letters.Lower(w))
			return d
		}
	}
	return parsedDate{}
}

// classify settles the kind once every word has been read.
func (d parsedDate) classify(words []string, doc *Document, from, to int) parsedDate {
	switch {
	case d.kind == absoluteDay || d.kind == decade || d.kind == clock:
		return d
	case d.kind == ago:
		d.offset = agoCount(doc, from, to)
		return d
	case d.month > 0 && d.day > 0 && d.year > 0:
		d.kind = absoluteDay
	case d.month > 0 && d.day > 0:
		d.kind = monthDay
	case d.month > 0 && d.year > 0:
		d.kind = absoluteMon
	case d.month > 0:
		d.kind = monthOnly
	case d.year > 0 && d.season == "":
		d.kind = absoluteYear
	case d.kind == weekday || d.kind == relativeDay:
	case d.season != "":
		d.kind = season
	case d.part != "" && d.unit == "":
		d.kind = dayPart
	case d.unit != "" && (strings.HasSuffix(words[len(words)-1], "s") || containsQuantity(doc, from, to)):
		d.kind = duration
		n := agoCount(doc, from, to)
		u := durationUnits[d.unit]
		switch {
		case n < 0:
			d.durationDesignate = u.prefix + "X" + u.designator // "a few weeks": PXW
		case n == 0:
			n = 1
			fallthrough
		default:
			d.durationDesignate = fmt.Sprintf("%s%d%s", u.prefix, n*u.times, u.designator)
		}
	case d.unit != "":
		d.kind = relativeUnit
	}
	return d
}

func containsQuantity(doc *Document, from, to int) bool { return agoCount(doc, from, to) != 0 }

// agoCount reads the quantity in "three years ago", "the last 3 months": 0
// when there is none, -1 when it is vague ("a few", "several").
func agoCount(doc *Document, from, to int) int {
	count := 0
	for k := from; k < to; k++ {
		w := letters.Lower(doc.TokenText(k))
		n, ok := smallNumbers[w]
		switch {
		case ok && n < 0:
			return -1 // "a few": vague, whatever the article before it
		case ok && count == 0:
			count = n
		case isDigits(w) && len(w) <= 4 && count == 0:
			count = atoi(w)
		}
	}
	return count
}

// resolve turns the parsed date into an ISO 8601 value, using the dateline
// (YYYY-MM-DD or "") for relative dates. It reports unresolved when the
// value needed a dateline that the article does not have.
func (d parsedDate) resolve(dateline string) (string, bool) {
	anchor, hasAnchor := time.Time{}, false
	if t, err := time.Parse("2006-01-02", dateline); err == nil {
		anchor, hasAnchor = t, true
	}
	switch d.kind {
	case absoluteDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day), false
	case absoluteMon:
		return fmt.Sprintf("%04d-%02d", d.year, d.month), false
	case absoluteYear:
		return fmt.Sprintf("%04d", d.year), false
	case decade:
		return fmt.Sprintf("%03dX", d.year/10), false
	case clock:
		return fmt.Sprintf("T%02d:%02d", d.hour, d.minute), false
	case duration:
		return d.durationDesignate, false
	}
	if !hasAnchor {
		return d.unanchored(), true
	}
	y := anchor.Year()
	switch d.kind {
	case monthDay:
		return fmt.Sprintf("%04d-%02d-%02d", y, d.month, d.day), false
	case monthOnly:
		return fmt.Sprintf("%04d-%02d", y, d.month), false
	case weekday:
		// News speaks of the days around its dateline: the same weekday of
		// the dateline's week, on or before it, unless "next" or a future
		// tense says after.
		back := (int(anchor.Weekday()) - int(d.weekday) + 7) % 7
		day := anchor.AddDate(0, 0, -back)
		switch {
		case d.offset > 0:
			day = anchor.AddDate(0, 0, (int(d.weekday)-int(anchor.Weekday())+7)%7)
			if day.Equal(anchor) {
				day = day.AddDate(0, 0, 7)
			}
		case d.offset < 0 && back == 0:
			day = day.AddDate(0, 0, -7)
		}
		return day.Format("2006-01-02") + partSuffix(d.part), false
	case relativeDay:
		return anchor.AddDate(0, 0, d.offset).Format("2006-01-02") + partSuffix(d.part), false
	case dayPart:
		return anchor.AddDate(0, 0, min(d.offset, 0)).Format("2006-01-02") + partSuffix(d.part), false
	case relativeUnit:
		switch d.unit {
		case "year":
			return fmt.Sprintf("%04d", y+d.offset), false
		case "month":
			return anchor.AddDate(0, d.offset, 0).Format("2006-01"), false
		case "week":
			yy, ww := anchor.AddDate(0, 0, 7*d.offset).ISOWeek()
			return fmt.Sprintf("%04d-W%02d", yy, ww), false
		case "day":
			return anchor.AddDate(0, 0, d.offset).Format("2006-01-02"), false
		}
	case season:
		return fmt.Sprintf("%04d-%s", y+d.offset, d.season), false
	case ago:
		if d.offset < 0 {
			return "", true // "a few years ago": no date to give
		}
		switch d.unit {
		case "year":
			return fmt.Sprintf("%04d", y-d.offset), false
		case "month":
			return anchor.AddDate(0, -d.offset, 0).Format("2006-01"), false
		case "day":
			return anchor.AddDate(0, 0, -d.offset).Format("2006-01-02"), false
		case "week":
			yy, ww := anchor.AddDate(0, 0, -7*d.offset).ISOWeek()
			return fmt.Sprintf("%04d-W%02d", yy, ww), false
		}
	}
	return "", true
}

// unanchored writes what a relative date says without a dateline, with X for
// the unknown digits: XXXX-06-19, XXXX-03, XXXX-WXX-2 (a Tuesday).
func (d parsedDate) unanchored() string {
	switch d.kind {
	case monthDay:
		return fmt.Sprintf("XXXX-%02d-%02d", d.month, d.day)
	case monthOnly:
		return fmt.Sprintf("XXXX-%02d", d.month)
	case weekday:
		iso := int(d.weekday)
		if iso == 0 {
			iso = 7
		}
		return fmt.Sprintf("XXXX-WXX-%d", iso) + partSuffix(d.part)
	case season:
		return "XXXX-" + d.season
	}
	return ""
}

func partSuffix(part string) string {
	if part == "" {
		return ""
	}
	return "T" + part
}

// numericDate reads 1996-12-06, 2018/06/19 (year first), 12/06/1996 (month
// first, as in US usage, unless the first number cannot be a month) and
// 19.06.2018 (day first).
func numericDate(w string) (year, month, day int) {
	sep, a, b, c, yearFirst := splitNumericDate(w)
	switch {
	case yearFirst:
		return a, b, c
	case sep == "." || a > 12:
		return c, b, a
	}
	return c, a, b
}

// splitNumericDate splits a numeric date at its separator into its three
// numbers; unless the year comes first, a two-digit year (the last number)
// is made whole: 1950-2049.
func splitNumericDate(w string) (sep string, a, b, c int, yearFirst bool) {
	sep = "-"
	switch {
	case strings.Contains(w, "/"):
		sep = "/"
	case strings.Contains(w, "."):
		sep = "."
	}
	p := strings.Split(w, sep)
	a, b, c = atoi(p[0]), atoi(p[1]), atoi(p[2])
	if len(p[0]) == 4 {
		return sep, a, b, c, true
	}
	if len(p[2]) == 2 {
		c += 1900
		if c < 1950 {
			c += 100
		}
	}
	return sep, a, b, c, false
}

func decadeStart(w string) int {
	d := atoi(strings.TrimSuffix(w, "s"))
	if d < 100 {
		d += 1900
	}
	return d
}

// clockTime reads 9.30am, 9:30, 10, 9am as hour and minute (24-hour).
func clockTime(w string) (int, int) {
	pm := strings.HasSuffix(w, "pm") || strings.HasSuffix(w, "p.m")
	am := strings.HasSuffix(w, "am") || strings.HasSuffix(w, "a.m")
	w = strings.TrimRight(w, "apm.")
	h, m := w, "0"
	if i := strings.IndexAny(w, ":."); i > 0 {
		h, m = w[:i], w[i+1:]
	}
	hour, minute := atoi(h), atoi(m)
	if pm && hour < 12 {
		hour += 12
	}
	if am && hour == 12 {
		hour = 0
	}
	return hour, minute
}

var (
	monthNumbers = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
		"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
		"oct": 10, "nov": 11, "dec": 12}
	weekdayNumbers = map[string]int{"sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5,
		"friday": 6, "saturday": 7, "sun": 1, "mon": 2, "tue": 3, "tues": 3, "wed": 4, "thu": 5,
		"thur": 5, "thurs": 5, "fri": 6, "sat": 7}
	seasonCodes = map[string]string{"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
	periodUnits = map[string]string{"day": "day", "days": "day", "week": "week", "weeks": "week",
		"weekend": "week", "month": "month", "months": "month", "year": "year", "years": "year",
		"decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
		"quarter": "quarter", "quarters": "quarter", "fortnight": "week", "hour": "hour", "hours": "hour"}
	durationUnits = map[string]struct {
		prefix     string
		times      int
		designator string
	}{"day": {"P", 1, "D"}, "week": {"P", 1, "W"}, "month": {"P", 1, "M"}, "year": {"P", 1, "Y"},
		"decade": {"P", 10, "Y"}, "century": {"P", 100, "Y"}, "quarter": {"P", 3, "M"}, "hour": {"PT", 1, "H"}}
	partCodes    = map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "tonight": "NI"}
	smallNumbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": -1, "several": -1, "many": -1, "couple": 2}
)

// The words of dates and times, English ones: every language uses them for
// now (the language packs will hold each language's).
var (
	theWord            = set("the")
	ofWord             = set("of")
	toWord             = set("to")
	atWord             = set("at", "by", "from", "until", "till", "before", "after", "around")
	agoWord            = set("ago")
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
)
