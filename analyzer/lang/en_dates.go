package lang

// englishDates are English's month and weekday names; the English date
// rules (analyzer/dates.go) read the rest of its date words themselves.
var englishDates = &Dates{
	English:     true,
	Capitalised: true,
	Months: monthForms("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
		"august aug", "september sep sept", "october oct", "november nov", "december dec"),
	Weekdays: days("sunday sun", "monday mon", "tuesday tue tues", "wednesday wed", "thursday thu thur thurs",
		"friday fri", "saturday sat"),
	Numbers: numbers("one a an", "two couple", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve"),
}
