package ui

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func mention(text string, start, end int) analyzer.MentionResult {
	return analyzer.MentionResult{SpanResult: analyzer.SpanResult{Start: start, End: end}, Text: text[start:end]}
}

func TestNewAnnotation(t *testing.T) {
	text := "Mr Kim met Xi in Beijing. Kim left Beijing on Tuesday."
	at := func(s string, nth int) (int, int) {
		i := -1
		for range nth + 1 {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return i, i + len(s)
	}
	m := func(s string, nth int) analyzer.MentionResult {
		start, end := at(s, nth)
		return mention(text, start, end)
	}
	res := &analyzer.Result{Entities: []analyzer.EntityResult{
		{ID: "e1", Label: analyzer.PER, Name: "Kim", Mentions: []analyzer.MentionResult{m("Kim", 0), m("Kim", 1)}},
		{ID: "e2", Label: analyzer.PER, Name: "Xi", Mentions: []analyzer.MentionResult{m("Xi", 0)}},
		{ID: "e3", Label: analyzer.LOC, Name: "Beijing", Mentions: []analyzer.MentionResult{m("Beijing", 1), m("Beijing", 0)}},
		{ID: "e4", Label: analyzer.DATE, Name: "Tuesday", Mentions: []analyzer.MentionResult{m("Tuesday", 0)}},
		// Broken spans the view must survive: overlapping e1, past the end.
		{ID: "e5", Label: analyzer.MISC, Name: "Mr Kim", Mentions: []analyzer.MentionResult{
			{SpanResult: analyzer.SpanResult{Start: 0, End: 6}},
			{SpanResult: analyzer.SpanResult{Start: 50, End: 500}},
		}},
	}}
	a := newAnnotation(text, res)

	var got []string
	pos := 0
	for _, mk := range a.Marks {
		if mk.Start < pos {
			t.Fatalf("mark %+v overlaps the one before", mk)
		}
		got = append(got, fmt.Sprintf("%s:%s:%s", text[mk.Start:mk.End], a.entityOf(mk).Label, a.entityOf(mk).ID))
		pos = mk.End
	}
	want := []string{"Mr Kim:MISC:e5", "Xi:PER:e2", "Beijing:LOC:e3", "Kim:PER:e1", "Beijing:LOC:e3", "Tuesday:DATE:e4"}
	if !slices.Equal(got, want) {
		t.Errorf("marks\n got %q\nwant %q", got, want)
	}

	var groups []string
	for _, g := range a.Groups {
		var ids []string
		for _, e := range g.Entities {
			ids = append(ids, e.ID)
		}
		groups = append(groups, string(g.Label)+"="+strings.Join(ids, ","))
	}
	// Labels in legend order; the most mentioned first, ties by first mention.
	if want := []string{"PER=e1,e2", "LOC=e3", "MISC=e5", "DATE=e4"}; !slices.Equal(groups, want) {
		t.Errorf("groups %q, want %q", groups, want)
	}
	if a.Counts[analyzer.PER] != 2 || a.Counts[analyzer.LOC] != 2 || a.Counts[analyzer.MISC] != 1 {
		t.Errorf("counts %v: want the marks shown per label", a.Counts)
	}
	if a.Names["e3"] != "Beijing" {
		t.Errorf("Names[e3] = %q", a.Names["e3"])
	}
}

func TestAnnotatedTextIsTextAndMarks(t *testing.T) {
	text := `<script>alert(1)</script> Kim & "Xi"`
	start := strings.Index(text, "Kim")
	res := &analyzer.Result{Entities: []analyzer.EntityResult{
		{ID: "e1", Label: analyzer.PER, Name: "Kim", Mentions: []analyzer.MentionResult{mention(text, start, start+3)}},
	}}
	html := app.HTMLString(annotatedText(newAnnotation(text, res), map[analyzer.Label]bool{analyzer.LOC: true}, "e1", "", nil))
	for _, want := range []string{
		`&lt;script&gt;alert(1)&lt;/script&gt;`,
		`&amp; &#34;Xi&#34;`,
		`data-label="PER"`,
		`data-entity="e1"`,
		`class="selected"`,
		`hide-LOC`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("rendered view lacks %s:\n%s", want, html)
		}
	}
	if strings.Contains(html, "<script") {
		t.Errorf("rendered view contains a script element:\n%s", html)
	}
}

func TestLanguagesMatchTheAnalyzer(t *testing.T) {
	if len(languages) != len(analyzer.Languages) {
		t.Errorf("the menu has %d languages, the analyzer %d", len(languages), len(analyzer.Languages))
	}
	for _, l := range languages {
		if _, ok := analyzer.Languages[l.Code]; !ok {
			t.Errorf("menu offers %s, which the analyzer does not support", l.Code)
		}
		if _, err := analyzer.Annotate("Test.", analyzer.Options{Lang: l.Code}); err != nil {
			t.Errorf("Annotate with %s: %v", l.Code, err)
		}
	}
}

func TestEveryLabelIsNamed(t *testing.T) {
	for _, l := range analyzer.Labels {
		if labelNames[l] == "" || labelGroups[l] == "" {
			t.Errorf("label %s has no name in the legend or the sidebar", l)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	_, tooLarge := analyzer.Annotate(strings.Repeat("a", 11), analyzer.Options{MaxBytes: 10})
	_, invalid := analyzer.Annotate("\xff", analyzer.Options{})
	for _, c := range []struct {
		err  error
		want string
	}{
		{tooLarge, "too large"},
		{invalid, "does not look like text"},
		{fmt.Errorf("boom"), "Could not annotate"},
	} {
		if c.err == nil {
			t.Fatalf("no error to describe for %q", c.want)
		}
		msg := errorMessage(c.err)
		if !strings.Contains(msg, c.want) || !strings.Contains(msg, "still in the box") {
			t.Errorf("errorMessage(%v) = %q, want it to say %q and that the text is kept", c.err, msg, c.want)
		}
	}
}

func TestFormatInt(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 17500: "17,500", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := formatInt(n); got != want {
			t.Errorf("formatInt(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestAliasesValuesAndQuotes(t *testing.T) {
	text := "Kim Jong-un arrived. “We are friends,” Mr Kim said on Tuesday. “Kim\nJong Un is here,” a guard said."
	at := func(s string) analyzer.MentionResult {
		i := strings.Index(text, s)
		return mention(text, i, i+len(s))
	}
	tuesday := at("Tuesday")
	tuesday.Value, tuesday.Unresolved = "XXXX-WXX-2", true
	kim := at("Kim\nJong Un")
	res := &analyzer.Result{
		Entities: []analyzer.EntityResult{
			{ID: "e1", Label: analyzer.PER, Name: "Kim Jong-un", Salience: 0.5, Mentions: []analyzer.MentionResult{at("Kim Jong-un"), at("Mr Kim"), kim}},
			{ID: "e2", Label: analyzer.PER, Name: "Xi", Salience: 0.9, Mentions: []analyzer.MentionResult{}},
			{ID: "e3", Label: analyzer.DATE, Name: "Tuesday", Mentions: []analyzer.MentionResult{tuesday, tuesday}},
		},
		Quotes: []analyzer.QuoteResult{
			{SpanResult: at("“We are friends,”").SpanResult, Text: "“We are friends,”", Speaker: "e1"},
			// A mark crosses this one's end: the view must not wrap it.
			{SpanResult: analyzer.SpanResult{Start: strings.Index(text, "“Kim"), End: strings.Index(text, "Jong Un")}},
		},
	}
	a := newAnnotation(text, res)
	if got := a.Aliases["e1"]; !slices.Equal(got, []string{"Mr Kim", "Kim Jong Un"}) {
		t.Errorf("aliases of e1 = %q, want Mr Kim and Kim Jong Un (line break as a space)", got)
	}
	if got := a.Values["e3"]; !slices.Equal(got, []dateValue{{"XXXX-WXX-2", true}}) {
		t.Errorf("values of e3 = %v, want one unresolved value", got)
	}
	if len(a.Quotes) != 1 || a.Quotes[0].Index != 0 {
		t.Errorf("wrapped quotes %+v, want only the first (a mark crosses the second)", a.Quotes)
	}
	if ids := []string{a.Groups[0].Entities[0].ID, a.Groups[0].Entities[1].ID}; !slices.Equal(ids, []string{"e2", "e1"}) {
		t.Errorf("people listed %q, want the most salient first", ids)
	}
	if i := a.markAt(strings.Index(text, "Mr Kim")); i < 0 || a.entityOf(a.Marks[i]).ID != "e1" {
		t.Errorf("markAt(Mr Kim) = %d", i)
	}
	if i := a.markAt(1); i != -1 {
		t.Errorf("markAt(1) = %d, want -1: no mark starts there", i)
	}

	html := app.HTMLString(annotatedText(a, nil, "e1", "q0", nil))
	for _, want := range []string{`class="quote current"`, `id="current"`, `data-quote="0"`, `XXXX-WXX-2, unresolved`} {
		if !strings.Contains(html, want) {
			t.Errorf("view lacks %s:\n%s", want, html)
		}
	}
	if n := strings.Count(html, "<mark"); n != len(a.Marks) {
		t.Errorf("view has %d marks, want %d", n, len(a.Marks))
	}
}

// TestOneLine checks oneLine's shortcut against the words joined again.
func TestOneLine(t *testing.T) {
	for _, s := range []string{"", " ", "Kim", "Kim Jong Un", " Kim", "Kim ", "Kim  Jong", "Kim\nJong", "Kim\u00a0Jong", "Kim\u2003Jong", "Kim\tJong", "Jong-un Kim's", "é ü", "a b\u0085c"} {
		if got, want := oneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
	}
}

// go-app compares a component's fields with reflect.DeepEqual: a run
// handed as a prop (the print report's, the export panel's) must differ at
// once between two runs over the same text and equal itself without a
// walk of the marks.
func TestRunRefComparesBySerial(t *testing.T) {
	doc, err := analyzer.Annotate(talksArticle, analyzer.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	first, second := newAnnotation(talksArticle, doc.Result()), newAnnotation(talksArticle, doc.Result())
	if !reflect.DeepEqual(first.Result, second.Result) {
		t.Fatal("two results of one document differ")
	}
	if reflect.DeepEqual(refOf(first), refOf(second)) {
		t.Error("two runs over the same text print as one: the panels would keep the first")
	}
	if !reflect.DeepEqual(refOf(first), refOf(first)) || refOf(nil) != (runRef{}) {
		t.Error("a run does not equal itself")
	}
}
