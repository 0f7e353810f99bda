//go:build !wasm

package browsertest

import (
	"fmt"
	"testing"

	"annotator/analyzer"
)

// quoteDesk is an invented article with direct, reported and mixed quotes,
// a quote that goes on in the next paragraph and unnamed speakers.
const quoteDesk = `Harbour board to close the north pier

The harbour board said on Monday that the north pier would close for repairs in March. Its chair, Ana Ruiz, told reporters the work was "long overdue" and would take six weeks.

"We had no choice," Ruiz said. "The timbers are rotten."

"Nobody asked the fishermen first."

Fishermen's leader Tomas Berg warned that boats would have to moor at Velm for the spring. According to the port's own figures, landings fell by a fifth last year.`

// QuotesPanel checks issue 9's quotes panel against the analyzer: each
// quote with its kind, speaker and verb, reported ones included; who is
// quoted, with quotes and words per speaker; and a speaker's button
// listing only their quotes until "Show all quotes".
func QuotesPanel(t *testing.T, p *Page) {
	p.tb = t
	res := pasteAndAnnotate(t, p, Article{Name: "quote desk", Text: quoteDesk})
	reported := 0
	for _, q := range res.Quotes {
		if q.Kind == "reported" && q.Verb != "" && (q.Speaker != "" || q.SpeakerText != "") {
			reported++
		}
	}
	if reported < 2 {
		t.Fatalf("the analyzer found %d attributed reported quotes in the test article, want at least 2: %+v", reported, res.Quotes)
	}
	checkListedQuotes(t, p, "the quote desk", res)

	speakers := res.QuotedSpeakers()
	type shownSpeaker struct{ Name, Count string }
	who := Eval[[]shownSpeaker](p, `Array.from(document.querySelectorAll("#who-quoted button.speaker-filter")).map(b => ({
		Name: b.querySelector(".speaker-name, .speaker-text").textContent,
		Count: b.querySelector(".count").textContent,
	}))`)
	if len(who) != len(speakers) {
		t.Fatalf("who is quoted lists %d speakers, the analyzer counts %d: %+v", len(who), len(speakers), who)
	}
	for i, s := range speakers {
		wantCount := fmt.Sprintf("%d quote%s · %d words", s.Quotes, map[bool]string{true: "", false: "s"}[s.Quotes == 1], s.Words)
		if who[i].Name != oneLine(s.Name) || who[i].Count != wantCount {
			t.Errorf("who is quoted, row %d: %+v, want %q %q", i, who[i], s.Name, wantCount)
		}
	}

	// The most quoted speaker's button lists only their quotes.
	top := speakers[0]
	p.Click(`#who-quoted button.speaker-filter[data-speaker="0"]`)
	Poll[bool](p, fmt.Sprintf(`document.querySelectorAll("#quotes button.quote-button").length === %d && !!document.querySelector("#quotes-all")`, top.Quotes))
	for _, s := range listedQuotes(p) {
		var i int
		fmt.Sscan(s.Index, &i)
		if analyzer.SpeakerKey(res.Quotes[i]) != top.Key || s != wantListed(res, i) {
			t.Errorf("with %s chosen, the panel lists %+v", top.Name, s)
		}
	}
	if got := Eval[string](p, `document.querySelector('#who-quoted button.speaker-filter[aria-pressed="true"] .speaker-name, #who-quoted button.speaker-filter[aria-pressed="true"] .speaker-text').textContent`); got != oneLine(top.Name) {
		t.Errorf("the pressed speaker is %q, want %q", got, top.Name)
	}
	p.Click(`#quotes-all`)
	Poll[bool](p, fmt.Sprintf(`document.querySelectorAll("#quotes button.quote-button").length === %d && !document.querySelector("#quotes-all")`, len(res.Quotes)))
}

// shownQuote is a quote as the panel lists it.
type shownQuote struct{ Index, Kind, Text, Speaker, Verb string }

func listedQuotes(p *Page) []shownQuote {
	return Eval[[]shownQuote](p, `Array.from(document.querySelectorAll("#quotes button.quote-button")).map(b => ({
		Index: b.dataset.quote,
		Kind: b.querySelector(".kind").textContent,
		Text: b.querySelector(".quote-text").textContent,
		Speaker: b.querySelector(".speaker").textContent.split(/\s+/).filter(Boolean).join(" "),
		Verb: (b.querySelector(".verb") || {textContent: ""}).textContent,
	}))`)
}

// wantListed is how the panel should list the analyzer's quote i.
func wantListed(res *analyzer.Result, i int) shownQuote {
	q := res.Quotes[i]
	who := "— unattributed"
	switch {
	case q.Speaker != "":
		for _, e := range res.Entities {
			if e.ID == q.Speaker {
				who = "— " + e.Name
			}
		}
	case q.SpeakerText != "":
		who = "— " + oneLine(q.SpeakerText)
	}
	return shownQuote{fmt.Sprint(i), q.Kind, q.Text, who, q.Verb}
}

// checkListedQuotes checks that the panel lists all the analyzer's quotes,
// in order, with their kinds, speakers and verbs.
func checkListedQuotes(t *testing.T, p *Page, name string, res *analyzer.Result) {
	t.Helper()
	shown := listedQuotes(p)
	if len(shown) != len(res.Quotes) {
		t.Fatalf("%s: %d quotes listed, the analyzer found %d", name, len(shown), len(res.Quotes))
	}
	for i := range res.Quotes {
		if want := wantListed(res, i); shown[i] != want {
			t.Errorf("%s: quote %d listed as %.60q, want %.60q", name, i, fmt.Sprint(shown[i]), fmt.Sprint(want))
		}
	}
}
