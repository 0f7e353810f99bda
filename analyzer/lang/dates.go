package lang

import (
	"strings"
	"time"
)

// Dates are the words of dates in a language, which the date rules
// (analyzer/dates.go) read: month and weekday names with their inflected
// forms, the phrases of relative dates, and the words that join a day, a
// month and a year. Every form is lower case; a phrase is its words as the
// tokenizer splits them, joined by single spaces ("l' an dernier").
type Dates struct {
	// Months maps each form of a month's name to its number, 1 to 12:
	// junio, июня, júniusban, jun.
	Months map[string]int
	// Weekdays maps each form of a weekday's name to it: martes, kedden.
	Weekdays map[string]time.Weekday
	// English says the English date rules read them (dates.go: June 19th,
	// the 19th of June, two years ago, this summer) rather than the rules
	// every other language shares, which read the phrases below.
	English bool
	// Capitalised says months and weekdays are written with a capital
	// (English), so a lower-case "may" is no month.
	Capitalised bool
	// Relative are phrases naming a day, week, month or year from the
	// dateline: ayer (day -1), el año pasado (year -1), в прошлом году. A
	// phrase with no unit is no date and stops a shorter one matching
	// inside it (por la mañana: "mañana" is no tomorrow there).
	Relative map[string]RelativeDate
	// WeekdayOffsets are the words before or after a weekday that move it
	// to the week before or after: el martes pasado (-1), le mardi
	// prochain (+1), в прошлый вторник.
	WeekdayOffsets map[string]int
	// AgoBefore and AgoAfter are the phrases around a count of units that
	// make it a time before the dateline: hace dos años, il y a deux ans,
	// два года назад, för två år sedan.
	AgoBefore, AgoAfter []string
	// Units maps the forms of a unit of time to it (day, week, month,
	// year): años, ans, лет, évvel.
	Units map[string]string
	// AgoUnits are forms of a unit that mean "that many units ago" on
	// their own: két éve (two years ago).
	AgoUnits map[string]string
	// Numbers are the counts written in words: dos, deux, два, två.
	Numbers map[string]int
	// Joiners may stand between a day, its month and its year: 19 de
	// junio de 2018.
	Joiners map[string]bool
	// YearWords follow a year: 2018 года, 2018 г.
	YearWords map[string]bool
	// YearFirst dates are written year, month, day: 2018. június 19.
	YearFirst bool
	// Prepositions lead a month or a year standing alone: en junio, в 2018.
	Prepositions map[string]bool

	starts map[string]bool // see prepare
}

// RelativeDate is what a relative date phrase says: Offset units (day,
// week, month, year) from the dateline's.
type RelativeDate struct {
	Unit   string
	Offset int
}

// LongestRelative is the most words a relative phrase of any pack has.
const LongestRelative = 5

// days builds a Weekdays table from seven lines, Sunday's first, each of a
// weekday's forms.
func days(lines ...string) map[string]time.Weekday {
	m := map[string]time.Weekday{}
	for i, l := range lines {
		for _, w := range strings.Fields(l) {
			m[w] = time.Weekday(i)
		}
	}
	return m
}

// monthForms builds a Months table from twelve lines, January's first,
// each of a month's forms.
func monthForms(lines ...string) map[string]int {
	m := map[string]int{}
	for i, l := range lines {
		for _, w := range strings.Fields(l) {
			m[w] = i + 1
		}
	}
	return m
}

// unitForms builds a Units table from lines of a unit followed by its
// forms.
func unitForms(lines ...string) map[string]string {
	m := map[string]string{}
	for _, l := range lines {
		f := strings.Fields(l)
		for _, w := range f[1:] {
			m[w] = f[0]
		}
	}
	return m
}

// numbers builds a Numbers table from lines of a count's forms, one's
// first.
func numbers(lines ...string) map[string]int {
	m := map[string]int{}
	for i, l := range lines {
		for _, w := range strings.Fields(l) {
			m[w] = i + 1
		}
	}
	return m
}

// prepare indexes the words that may start a date, in lower case, Title
// Case and upper case, so that MayStart looks a token up as written.
func (d *Dates) prepare() {
	d.starts = map[string]bool{}
	add := func(w string) {
		d.starts[w] = true
		d.starts[strings.ToUpper(w)] = true
		r := []rune(w)
		d.starts[strings.ToUpper(string(r[:1]))+string(r[1:])] = true
	}
	for w := range d.Months {
		add(w)
	}
	for w := range d.Weekdays {
		add(w)
	}
	for w := range d.WeekdayOffsets {
		add(w)
	}
	for w := range d.Numbers {
		add(w)
	}
	for p := range d.Relative {
		add(strings.Fields(p)[0])
	}
	for _, p := range d.AgoBefore {
		add(strings.Fields(p)[0])
	}
	for w := range d.Prepositions {
		add(w)
	}
	for w := range d.Units {
		add(w) // en el año 2018
	}
}

// MayStart reports whether a word, as written, can start a date other than
// one of digits.
func (d *Dates) MayStart(word string) bool { return d.starts[word] }
