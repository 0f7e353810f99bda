package ui

import (
	"fmt"
	"strings"
	"testing"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func TestEntityListShowsAliasesValuesAndDateline(t *testing.T) {
	text := "Kim Jong Un met Mr Kim's guard on Tuesday and on Friday."
	at := func(s string) analyzer.MentionResult {
		i := strings.Index(text, s)
		return mention(text, i, i+len(s))
	}
	tue, fri := at("Tuesday"), at("Friday")
	tue.Value = "2018-06-19"
	fri.Value, fri.Unresolved = "XXXX-WXX-5", true
	for _, c := range []struct {
		dateline string
		want     []string
	}{
		{"2018-06-18", []string{"Dateline", `datetime="2018-06-18"`}},
		{"", []string{"No dateline"}},
	} {
		res := &analyzer.Result{Dateline: c.dateline, Entities: []analyzer.EntityResult{
			{ID: "e1", Label: analyzer.PER, Name: "Kim Jong-un", Salience: 0.8, Mentions: []analyzer.MentionResult{at("Kim Jong Un"), at("Mr Kim")}},
			{ID: "e2", Label: analyzer.DATE, Name: "Tuesday", Mentions: []analyzer.MentionResult{tue}},
			{ID: "e3", Label: analyzer.DATE, Name: "Friday", Mentions: []analyzer.MentionResult{fri}},
		}}
		html := app.HTMLString(entityList(newAnnotation(text, res), "e1", nil, entityListProps{}))
		for _, want := range append(c.want,
			`Kim Jong Un · Mr Kim`, `2018-06-19`, `XXXX-WXX-5`, `unresolved`, `salience 80%`) {
			if !strings.Contains(html, want) {
				t.Errorf("dateline %q: the entity list lacks %s:\n%s", c.dateline, want, html)
			}
		}
		// The server writes a true attribute bare: one button is pressed.
		if n := strings.Count(html, `aria-pressed="false"`); n != 2 {
			t.Errorf("%d buttons not pressed, want 2 of 3", n)
		}
		if n := strings.Count(html, `class="badge"`); n != 1 {
			t.Errorf("%d unresolved badges, want 1 (Friday)", n)
		}
	}
}

func TestQuoteListNamesSpeakers(t *testing.T) {
	text := `"One two three four," Kim said. "Five six seven eight," the <b>ministry</b> said. "Nine ten eleven twelve."`
	q := func(s string) analyzer.SpanResult {
		i := strings.Index(text, s)
		return analyzer.SpanResult{Start: i, End: i + len(s)}
	}
	k := strings.Index(text, "Kim")
	res := &analyzer.Result{
		Entities: []analyzer.EntityResult{{ID: "e1", Label: analyzer.PER, Name: "Kim Jong-un", Mentions: []analyzer.MentionResult{mention(text, k, k+3)}}},
		Quotes: []analyzer.QuoteResult{
			{SpanResult: q(`"One two three four,"`), Text: `"One two three four,"`, Speaker: "e1", Kind: "direct", Verb: "say"},
			{SpanResult: q(`"Five six seven eight,"`), Text: `"Five six seven eight,"`, SpeakerText: "the <b>ministry</b>", Kind: "direct", Verb: "say"},
			{SpanResult: q(`"Nine ten eleven twelve."`), Text: `"Nine ten eleven twelve."`, Kind: "direct"},
		},
	}
	html := app.HTMLString(quoteList(newAnnotation(text, res), quoteListProps{Current: "q1"}))
	for _, want := range []string{
		`class="speaker-name"`, `>Kim Jong-un<`,
		`class="speaker-text"`, `the &lt;b&gt;ministry&lt;/b&gt;`,
		`class="speaker-unknown"`, `unattributed`,
		`data-quote="2"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the quote list lacks %s:\n%s", want, html)
		}
	}
	if n := strings.Count(html, `aria-current="false"`); n != 2 {
		t.Errorf("%d quotes not current, want 2 of 3", n)
	}
	if strings.Contains(html, "<b>") {
		t.Errorf("markup in a speaker's words became markup:\n%s", html)
	}
}

// The panel shows each quote's kind and verb, who is quoted with their
// quotes and words, and with a speaker chosen only that speaker's quotes.
func TestQuoteListKindsVerbsAndSpeakers(t *testing.T) {
	text := "Ana Ruiz said the pier would close. “We had no say,” Ruiz told reporters. Police said two men were held."
	at := func(s string) analyzer.SpanResult {
		i := strings.Index(text, s)
		return analyzer.SpanResult{Start: i, End: i + len(s)}
	}
	k := strings.Index(text, "Ana Ruiz")
	res := &analyzer.Result{
		Entities: []analyzer.EntityResult{{ID: "e1", Label: analyzer.PER, Name: "Ana Ruiz", Mentions: []analyzer.MentionResult{mention(text, k, k+8)}}},
		Quotes: []analyzer.QuoteResult{
			{SpanResult: at("the pier would close"), Text: "the pier would close", Speaker: "e1", Kind: "reported", Verb: "say"},
			{SpanResult: at("“We had no say,”"), Text: "“We had no say,”", Speaker: "e1", Kind: "direct", Verb: "tell"},
			{SpanResult: at("two men were held"), Text: "two men were held", SpeakerText: "Police", Kind: "reported", Verb: "say"},
		},
	}
	a := newAnnotation(text, res)
	html := app.HTMLString(quoteList(a, quoteListProps{}))
	for _, want := range []string{
		`3 quotes: 1 direct, 2 reported`,
		`Who is quoted`, `data-speaker="0"`, `2 quotes · 8 words`, `data-speaker="1"`, `>Police<`, `1 quote · 4 words`,
		`data-kind="reported"`, `>reported<`, `class="verb"`, `>tell<`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the quote panel lacks %s:\n%s", want, html)
		}
	}
	if n := strings.Count(html, `class="quote-button"`); n != 3 {
		t.Errorf("%d quotes listed, want 3", n)
	}
	// Police's quotes only; pressing Police again lists all.
	html = app.HTMLString(quoteList(a, quoteListProps{Speaker: "text:police"}))
	if n := strings.Count(html, `class="quote-button"`); n != 1 || !strings.Contains(html, `data-quote="2"`) {
		t.Errorf("with Police chosen, %d quotes listed, want quote 2 alone:\n%s", n, html)
	}
	for _, want := range []string{`Quotes by`, `<strong>Police</strong>`, `id="quotes-all"`, `data-speaker="-1"`} {
		if !strings.Contains(html, want) {
			t.Errorf("with Police chosen, the panel lacks %s:\n%s", want, html)
		}
	}
}

func TestKeyTermsAndPhrases(t *testing.T) {
	res := &analyzer.Result{
		Terms:   []analyzer.TermResult{{Stem: "denuclearis", Forms: []string{"denuclearisation", "denuclearization"}, Count: 3, Salience: 1}},
		Phrases: []analyzer.PhraseResult{{Text: "landmark\nsummit", Count: 2, Salience: 1}},
	}
	a := newAnnotation("", res)
	html := app.HTMLString(keyTerms(a)) + app.HTMLString(keyPhrases(a))
	for _, want := range []string{`denuclearisation · denuclearization`, `data-stem="denuclearis"`, `landmark summit`, `salience 100%`} {
		if !strings.Contains(html, want) {
			t.Errorf("the terms lack %s:\n%s", want, html)
		}
	}
	if keyPhrases(newAnnotation("", &analyzer.Result{})) != nil {
		t.Error("a panel of key phrases without phrases")
	}
}

func TestQuoteListIsPaged(t *testing.T) {
	var b strings.Builder
	var quotes []analyzer.QuoteResult
	for range maxListed + 5 {
		start := b.Len()
		b.WriteString(`"One two three four." `)
		quotes = append(quotes, analyzer.QuoteResult{SpanResult: analyzer.SpanResult{Start: start, End: b.Len() - 1}, Text: `"One two three four."`})
	}
	a := newAnnotation(b.String(), &analyzer.Result{Quotes: quotes})
	var p pages
	for _, want := range []int{firstPage, firstPage + morePage, firstPage + 2*morePage} {
		html := app.HTMLString(quoteList(a, quoteListProps{Pages: p}))
		if n := strings.Count(html, `class="quote-button"`); n != want {
			t.Errorf("%d quotes listed, want %d", n, want)
		}
		if !strings.Contains(html, fmt.Sprintf("(%d of %d quotes shown)", want, maxListed+5)) {
			t.Errorf("the show-more button does not say how many are shown")
		}
		p.more("quotes")
	}
	for range 10 {
		p.more("quotes")
	}
	html := app.HTMLString(quoteList(a, quoteListProps{Pages: p}))
	if n := strings.Count(html, `class="quote-button"`); n != maxListed {
		t.Errorf("%d quotes listed after many show-mores, want at most %d", n, maxListed)
	}
	if !strings.Contains(html, fmt.Sprintf("The first %d of %d quotes; the exports have them all.", maxListed, maxListed+5)) {
		t.Errorf("the list does not say it stops short")
	}
}

func TestOneListIsLongAtATime(t *testing.T) {
	var p pages
	p.more("PER")
	p.more("PER")
	if got := p.limit("PER", 1000); got != firstPage+2*morePage {
		t.Fatalf("PER shows %d, want %d", got, firstPage+2*morePage)
	}
	p.more("quotes")
	if got := p.limit("PER", 1000); got != firstPage {
		t.Errorf("after more quotes, PER shows %d, want its first page (%d)", got, firstPage)
	}
	if got := p.limit("quotes", 1000); got != firstPage+morePage {
		t.Errorf("quotes show %d, want %d", got, firstPage+morePage)
	}
}

// The library is paged but never capped: each of the user's saved
// articles stays within reach of "Show more".
func TestLibraryIsPagedWithoutACap(t *testing.T) {
	var p pages
	if got := p.limit(libraryPages, 1000); got != firstPage {
		t.Fatalf("the library shows %d of 1000 at first, want %d", got, firstPage)
	}
	for range 10 {
		p.more(libraryPages)
	}
	if got := p.limit(libraryPages, 1000); got != 1000 {
		t.Errorf("the library shows %d of 1000 after ten show-mores, want all", got)
	}
	html := app.HTMLString(showMore(libraryPages, 320, 1000, "saved articles", nil))
	if !strings.Contains(html, "Show 100 more (320 of 1,000 saved articles shown)") {
		t.Errorf("past the lists' cap, the library offers %s", html)
	}
}
