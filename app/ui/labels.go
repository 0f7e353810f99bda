package ui

import "annotator/analyzer"

// labelNames are the legend's words for the analyzer's labels; each label's
// colours live in web/app.css under mark[data-label=...].
var labelNames = map[analyzer.Label]string{
	analyzer.PER:     "Person",
	analyzer.ORG:     "Organisation",
	analyzer.LOC:     "Place",
	analyzer.MISC:    "Other name",
	analyzer.DATE:    "Date",
	analyzer.TIME:    "Time",
	analyzer.NUM:     "Number",
	analyzer.MONEY:   "Money",
	analyzer.PERCENT: "Percent",
}

// labelGroups head the sidebar's entity groups.
var labelGroups = map[analyzer.Label]string{
	analyzer.PER:     "People",
	analyzer.ORG:     "Organisations",
	analyzer.LOC:     "Places",
	analyzer.MISC:    "Other names",
	analyzer.DATE:    "Dates",
	analyzer.TIME:    "Times",
	analyzer.NUM:     "Numbers",
	analyzer.MONEY:   "Money",
	analyzer.PERCENT: "Percentages",
}

// language is an entry of the language menu.
type language struct {
	Code string // ISO 639-1, as analyzer.Options.Lang takes it
	Name string // in the language itself
}

// languages lists what the analyzer supports, in menu order.
var languages = []language{
	{"en", "English"},
	{"es", "Español"},
	{"fr", "Français"},
	{"ru", "Русский"},
	{"sv", "Svenska"},
	{"no", "Norsk"},
	{"hu", "Magyar"},
}
