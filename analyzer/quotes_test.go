package analyzer

import (
	"strings"
	"testing"
)

// listedNames is a test recogniser that tags the given strings wherever they
// occur on token boundaries.
type listedNames map[string]Label

func (l listedNames) RecognizeNames(doc *Document) []Mention {
	var out []Mention
	for k := 0; k < len(doc.Tokens); k++ {
		best := 0
		var label Label
		for end := k + 1; end <= len(doc.Tokens) && end <= k+6; end++ {
			if lab, ok := l[doc.Text[doc.Tokens[k].Start:doc.Tokens[end-1].End]]; ok {
				best, label = end, lab
			}
		}
		if best > 0 {
			out = append(out, Mention{Span: Span{doc.Tokens[k].Start, doc.Tokens[best-1].End}, FirstToken: k, EndToken: best, Label: label})
			k = best - 1
		}
	}
	return out
}

var quoteNames = listedNames{"Ruiz": PER, "Kim": PER, "Mr Kim": PER, "Xi": PER, "Xi Jinping": PER, "Ana Ruiz": PER, "CCTV": ORG, "Nato": ORG, "Jurgen Klopp": PER}

// quoteSummary lists each quote as `text => speaker name or words`.
func quoteSummary(t *testing.T, text string) string {
	t.Helper()
	doc, err := Annotate(text, Options{Names: quoteNames})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range doc.Quotes {
		who := "?"
		switch {
		case q.Speaker >= 0:
			who = doc.Entities[q.Speaker].Name
		case q.Attribution.Start >= 0:
			who = "'" + doc.SpanText(q.Attribution) + "'"
		}
		out = append(out, doc.SpanText(q.Span)+" => "+who)
	}
	return strings.Join(out, "\n")
}

func TestFindQuotes(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"said after, pronoun", "Xi Jinping smiled. “We will always be friends,” he said.",
			"“We will always be friends,” => Xi Jinping"},
		{"verb before name", "“The talks went very well,” said Xi.",
			"“The talks went very well,” => Xi"},
		{"told reporters", "“We came here for peace,” Mr Kim told reporters.",
			"“We came here for peace,” => Kim"},
		{"colon before", "Kim said: “We want peace on the peninsula.”",
			"“We want peace on the peninsula.” => Kim"},
		{"according to", "According to Nato, “the drills will go ahead as planned.”",
			"“the drills will go ahead as planned.” => Nato"},
		{"organisation words", "“Drills are suspended until further notice,” the defence ministry said.",
			"“Drills are suspended until further notice,” => 'the defence ministry'"},
		{"straight quotes", "\"We will read every line first,\" said Ana Ruiz.",
			"\"We will read every line first,\" => Ana Ruiz"},
		{"reported speech with that", "Kim told Xi that he is \"committed to the denuclearization of the peninsula.\"",
			"he is \"committed to the denuclearization of the peninsula.\" => Kim"},
		{"a quote goes on after its attribution", "“The talks went well for everyone,” Kim said. “We will meet again soon.”",
			"“The talks went well for everyone,” => Kim\n“We will meet again soon.” => Kim"},
		{"a new paragraph goes on quoting the speaker", "“The talks went well for everyone,” Kim said.\n\n“Nobody here believes a word of that.”",
			"“The talks went well for everyone,” => Kim\n“Nobody here believes a word of that.” => Kim"},
		{"unnamed speaker words", "\"It wasn't his sister, it was Kim himself,\" one said.",
			"\"It wasn't his sister, it was Kim himself,\" => 'one'"},
		{"an unattributed quoted phrase is not a quote", "The banner read “peace and prosperity for all Koreans” in red.", ""},
		{"an unattributed quoted sentence is kept", "Nobody signed it.\n\n“We will not be moved from this square.”",
			"“We will not be moved from this square.” => ?"},
		{"naming verb attributes a long quote", "Kim called the deal \"a start, not an end\" on Monday.",
			"\"a start, not an end\" => Kim"},
		{"scare quotes dropped", "He welcomed the “positive” outcome and what he called “war games”.", ""},
		{"multi-paragraph quote", "Kim said: “We came to talk.\n\n“We leave as friends.”",
			"“We came to talk.\n\n“We leave as friends.” => Kim"},
		{"unclosed quote dropped", "He said “this never ends", ""},
		{"pronoun takes the subject, not the latest person", "Kim met Xi. “The visit was a success for both sides,” he said.",
			"“The visit was a success for both sides,” => Kim"},
		{"pronoun after a paragraph about the speaker", "Ana Ruiz, a professor, said that the visit showed Kim wanted Xi on side.\n\n“The mere fact that he is there matters,” she said.",
			"the visit showed Kim wanted Xi on side => Ana Ruiz\n“The mere fact that he is there matters,” => Ana Ruiz"},
		{"she is the woman of the sentence", "Kim and his wife Ana Ruiz arrived. “We are happy to be here today,” she said.",
			"“We are happy to be here today,” => Ana Ruiz"},
		{"he is not a woman", "Mrs Ruiz met Kim. “We are happy to be here today,” he said.",
			"“We are happy to be here today,” => Kim"},
		{"he said beats the source after it", "Kim met Xi. “We will meet again next year,” he said, according to Reuters.",
			"“We will meet again next year,” => Kim"},
		{"he told names the listener, not the speaker", "Kim arrived first. “You are a good friend,” he told Xi.",
			"“You are a good friend,” => Kim"},
		{"said he", "Kim arrived first. “We are here for peace,” said he, according to Reuters.",
			"“We are here for peace,” => Kim"},
		{"reported speech quoting a few words", "Jurgen Klopp said his side “did not deserve anything” from the game.",
			"his side “did not deserve anything” from the game => Jurgen Klopp"},
		{"reported speech with a one-word quote is mixed", "Kim said the talks were “positive” and left.",
			"the talks were “positive” and left => Kim"},
		{"a verb far from the quote attributes nothing", "Kim said nothing as the crowd outside the hall chanted “peace for all of us now”.",
			""},
		{"names inside earlier quotes are not subjects", "“Kim is welcome here always,” said Xi. “We are friends with him forever,” he added.",
			"“Kim is welcome here always,” => Xi\n“We are friends with him forever,” => Xi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quoteSummary(t, tt.in); got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
