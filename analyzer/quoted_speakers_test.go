package analyzer

import (
	"reflect"
	"testing"
)

func TestQuotedSpeakers(t *testing.T) {
	text := "“We had no warning at all,” said Ana Ruiz.\n\n“The water was at the door.”\n\n" +
		"Tomas Berg said the dam had held. Officials said the road would reopen. “Nobody knew,” one said. " +
		"\n\nThe square was empty by noon.\n\n“We will not be moved from this square.”"
	doc, err := Annotate(text, Options{Names: ruleNames})
	if err != nil {
		t.Fatal(err)
	}
	r := doc.Result()
	var e1, e2 string
	for _, e := range r.Entities {
		switch e.Name {
		case "Ana Ruiz":
			e1 = e.ID
		case "Tomas Berg":
			e2 = e.ID
		}
	}
	want := []QuotedSpeaker{
		{Key: e1, Entity: e1, Name: "Ana Ruiz", Quotes: 2, Words: 12},
		{Key: "text:officials", Name: "Officials", Quotes: 1, Words: 4},
		{Key: e2, Entity: e2, Name: "Tomas Berg", Quotes: 1, Words: 4},
		{Key: "text:one", Name: "one", Quotes: 1, Words: 2},
	}
	if got := r.QuotedSpeakers(); !reflect.DeepEqual(got, want) {
		t.Errorf("QuotedSpeakers() =\n%+v\nwant\n%+v", got, want)
	}
}

func TestCountWords(t *testing.T) {
	for s, want := range map[string]int{"“We had no warning,”": 4, "it's a 34-year-old's car": 4, "": 0, "— 3% —": 1} {
		if got := countWords(s); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}
