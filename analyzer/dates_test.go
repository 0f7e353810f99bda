package analyzer

import (
	"strings"
	"testing"
)

// dateValues annotates text in English and lists DATE and TIME mentions
// as "text=value" ("?" marks unresolved).
func dateValues(t *testing.T, text string) (string, string) {
	t.Helper()
	return langDateValues(t, "", text)
}

// langDateValues is dateValues in language lang ("" for the default).
func langDateValues(t *testing.T, lang, text string) (string, string) {
	t.Helper()
	doc, err := Annotate(text, Options{Lang: lang, Names: noNames{}})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range doc.Mentions {
		if m.Label != DATE && m.Label != TIME {
			continue
		}
		v := doc.SpanText(m.Span) + "=" + m.Value
		if m.Unresolved {
			v += "?"
		}
		out = append(out, v)
	}
	return doc.Dateline, strings.Join(out, " | ")
}

// TestFindDates checks the date and time patterns the rule matcher tries
// (the money and number ones are in numbers_test.go).
func TestFindDates(t *testing.T) {
	checkRuleMentions(t, []ruleCase{
		// Dates
		{"on June 19th, 2018.", "DATE:June 19th, 2018"},
		{"on Tuesday, June 19, the talks", "DATE:Tuesday, June 19"},
		{"on 19 June 2018 he", "DATE:19 June 2018"},
		{"the 19th of June", "DATE:the 19th of June"},
		{"in March, and in May.", "DATE:March DATE:May"},
		{"May I come? Theresa May said", ""},
		{"in June 2018", "DATE:June 2018"},
		{"BRUSSELS 2019-03-14", "DATE:2019-03-14"},
		{"on 12/06/1996 and 19.06.2018", "DATE:12/06/1996 DATE:19.06.2018"},
		{"in 2011.", "DATE:2011"},
		{"the 2018 summit", "DATE:2018"},
		{"2000 troops", "NUM:2000"},
		{"since the 1990s", "DATE:1990s"},
		{"by mid-2019", "DATE:mid-2019"},
		{"on Tuesday morning", "DATE:Tuesday morning"},
		{"Last year, prices rose", "DATE:Last year"},
		{"next week and this summer", "DATE:next week DATE:this summer"},
		{"in the last three months", "DATE:the last three months"},
		{"three years ago", "DATE:three years ago"},
		{"yesterday and today", "DATE:yesterday DATE:today"},
		{"a drill in summer.", "DATE:summer"},
		{"a summer camp", ""},
		// Times
		{"at 9.30am local time", "TIME:9.30am local time"},
		{"at 10 a.m. GMT", "TIME:10 a.m. GMT"},
		{"at 9:30 on", "TIME:9:30"},
		{"at noon and midnight", "TIME:noon TIME:midnight"},
		{"this morning and last night", "TIME:this morning TIME:last night"},
		{"9.30 kilos", "NUM:9.30"},
	})
}

func TestResolveDatesWithDateline(t *testing.T) {
	// June 19th, 2018 was a Tuesday.
	const dateline = "BEIJING, June 19th, 2018 - "
	tests := []struct{ in, want string }{
		{"talks began on Tuesday.", "Tuesday=2018-06-19"},
		{"talks began on Sunday.", "Sunday=2018-06-17"},
		{"he left last Tuesday.", "last Tuesday=2018-06-12"},
		{"he returns next Tuesday.", "next Tuesday=2018-06-26"},
		{"they are due to sign on Wednesday afternoon.", "Wednesday afternoon=2018-06-20TAF"},
		{"Kim, who arrived on Sunday, will leave on Thursday.", "Sunday=2018-06-17 | Thursday=2018-06-21"},
		{"they met on Monday afternoon.", "Monday afternoon=2018-06-18TAF"},
		{"it ended yesterday, resumes tomorrow.", "yesterday=2018-06-18 | tomorrow=2018-06-20"},
		{"Last year, prices rose.", "Last year=2017"},
		{"next month and this week", "next month=2018-07 | this week=2018-W25"},
		{"the visit in March", "March=2018-03"},
		{"drills scheduled for August", "August=2018-08"},
		{"on June 12 they met", "June 12=2018-06-12"},
		{"a drill in summer.", "summer=2018-SU"},
		{"three years ago", "three years ago=2015"},
		{"in the last three months", "the last three months=P3M"},
		{"for the past few weeks", "the past few weeks=PXW"},
		{"a year ago and a few years ago", "a year ago=2017 | a few years ago=?"},
		{"since 2011", "2011=2011"},
		{"this morning", "this morning=2018-06-19TMO"},
		{"last night", "last night=2018-06-18TNI"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			line, got := dateValues(t, dateline+tt.in)
			if line != "2018-06-19" {
				t.Errorf("dateline %q, want 2018-06-19", line)
			}
			want := "June 19th, 2018=2018-06-19 | " + tt.want
			if got != want {
				t.Errorf("\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestResolveDatesWithoutDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"He came on Tuesday.", "Tuesday=XXXX-WXX-2?"},
		{"from Sunday to Wednesday", "Sunday=XXXX-WXX-7? | Wednesday=XXXX-WXX-3?"},
		{"a summit in May.", "May=XXXX-05?"},
		{"on June 12 they met", "June 12=XXXX-06-12?"},
		{"Last year, prices rose.", "Last year=?"},
		{"this summer", "this summer=XXXX-SU?"},
		{"in 2011 and in June 2018", "2011=2011 | June 2018=2018-06"},
		{"at 9.30am and noon", "9.30am=T09:30 | noon=T12:00"},
		{"the 1990s", "1990s=199X"},
		{"on 12/06/1996 and 25/12/2019 and 19.06.2018", "12/06/1996=1996-12-06 | 25/12/2019=2019-12-25 | 19.06.2018=2018-06-19"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			line, got := dateValues(t, tt.in)
			if line != "" && !strings.Contains(tt.in, "/") {
				t.Errorf("dateline %q, want none", line)
			}
			if got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestDatelineIsNearTheTop(t *testing.T) {
	text := strings.Repeat("Filler sentence without dates. ", 60) + "It happened on June 19th, 2018."
	if line, _ := dateValues(t, text); line != "" {
		t.Errorf("dateline %q from deep in the text, want none", line)
	}
	if line, _ := dateValues(t, "BRUSSELS 2019-03-14\nThe Commission said on Friday."); line != "2019-03-14" {
		t.Errorf("wire dateline %q, want 2019-03-14", line)
	}
}
