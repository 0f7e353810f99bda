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
	return describeQuotes(t, "", text, quoteNames, false)
}

// quoteLines lists each quote as `text => speaker [kind verb]`.
func quoteLines(t *testing.T, text string) string {
	t.Helper()
	return describeQuotes(t, "", text, ruleNames, true)
}

// describeQuotes annotates text in language lang ("" for the default) with
// the names given and lists each quote as `text => speaker`, with
// ` [kind verb]` when kinds is set.
func describeQuotes(t *testing.T, lang, text string, names NameRecognizer, kinds bool) string {
	t.Helper()
	doc, err := Annotate(text, Options{Lang: lang, Names: names})
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
		line := doc.SpanText(q.Span) + " => " + who
		if kinds {
			line += " [" + string(q.Kind) + " " + q.Verb + "]"
		}
		out = append(out, line)
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

var ruleNames = listedNames{
	"Ana Ruiz": PER, "Ruiz": PER, "Tomas Berg": PER, "Berg": PER, "Jane Doe": PER, "Acme": ORG,
	"Mr Tavish Moore": PER, "Ingrid Solberg": PER, "Solberg": PER, "Yusuf Demir": PER, "Norland Rail": ORG,
	"Lena Fischbach": PER, "Kestrel Capital": ORG, "Arden Motors": ORG, "Daily Lantern": ORG, "Easter Monday": PER,
	"Bernard Quist": PER, "Velmora": LOC,
}

func TestQuoteRules(t *testing.T) {
	tests := []struct{ name, in, want string }{
		// Reported speech: the content, not the sentence.
		{"said that", "The minister said that the border would reopen on Monday.",
			"the border would reopen on Monday => 'The minister' [reported say]"},
		{"said without that", "Ana Ruiz said the library would stay open.",
			"the library would stay open => Ana Ruiz [reported say]"},
		{"announced that", "Ana Ruiz announced that she would step down.",
			"she would step down => Ana Ruiz [reported announce]"},
		{"has denied that", "Acme has denied that it knew.",
			"it knew => Acme [reported deny]"},
		{"warned that", "Doctors warned that the wards were full.",
			"the wards were full => 'Doctors' [reported warn]"},
		{"argued", "Tomas Berg argued the vote had been rigged.",
			"the vote had been rigged => Tomas Berg [reported argue]"},
		{"claimed", "The group claimed it had won the seat.",
			"it had won the seat => 'The group' [reported claim]"},
		{"insisted", "Berg insisted the plan was sound.",
			"the plan was sound => Berg [reported insist]"},
		{"believes", "Ana Ruiz believes the river will flood again.",
			"the river will flood again => Ana Ruiz [reported believe]"},
		{"according to, before", "According to the agency, prices rose 3% in May.",
			"prices rose 3% in May => 'the agency' [reported according to]"},
		{"according to, after", "Prices rose 3% in May, according to Acme.",
			"Prices rose 3% in May => Acme [reported according to]"},
		{"attribution after the content", "The factory will close in June, the owners said.",
			"The factory will close in June => 'the owners' [reported say]"},
		{"pronoun after the content", "Tomas Berg runs the ferry. Crossings will be cut to two a day, he said.",
			"Crossings will be cut to two a day => Tomas Berg [reported say]"},
		{"told the newspaper that", "Ana Ruiz told the Daily Lantern that she had no regrets.",
			"she had no regrets => Ana Ruiz [reported tell]"},
		{"tells me", "Ana Ruiz tells me the shop has never been busier.",
			"the shop has never been busier => Ana Ruiz [reported tell]"},
		{"wrote on X that", "Ana Ruiz wrote on X that the figures were wrong.",
			"the figures were wrong => Ana Ruiz [reported write]"},
		{"in a statement", "In a statement, the transport ministry said the strike had cost millions.",
			"the strike had cost millions => 'the transport ministry' [reported say]"},
		{"quoted as saying", "Tomas Berg was quoted as saying the tender should be run again.",
			"the tender should be run again => Tomas Berg [reported say]"},
		{"adding that", "Ana Ruiz said the budget was balanced, adding that taxes would not rise.",
			"the budget was balanced => Ana Ruiz [reported say]\ntaxes would not rise => Ana Ruiz [reported add]"},
		{"said on a day", "Ana Ruiz said on Tuesday the city would buy new buses.",
			"the city would buy new buses => Ana Ruiz [reported say]"},
		// Mixed: reported speech holding a quoted fragment.
		{"mixed", "Ana Ruiz said the eviction notices were “a scandal dressed up as paperwork”.",
			"the eviction notices were “a scandal dressed up as paperwork” => Ana Ruiz [mixed say]"},
		{"mixed, one word", "Ana Ruiz wrote that the figures were “shameful”.",
			"the figures were “shameful” => Ana Ruiz [mixed write]"},
		{"a quote about another person stays the reporter's", "Ana Ruiz said her rival, Tomas Berg, had promised “a tram line to every village”.",
			"her rival, Tomas Berg, had promised “a tram line to every village” => Ana Ruiz [mixed say]"},
		// Direct quotes and their attribution wordings.
		{"joked, before", "Ana Ruiz joked, “At my age, every save is a miracle.”",
			"“At my age, every save is a miracle.” => Ana Ruiz [direct joke]"},
		{"came the answer from", "Would it reopen? “Not a chance, not this year,” came the answer from a bystander in a yellow jacket.",
			"“Not a chance, not this year,” => 'a bystander' [direct answer]"},
		{"added", "“The steel is already on site,” Berg added.",
			"“The steel is already on site,” => Berg [direct add]"},
		{"insisted, after", "“I did nothing wrong,” Berg insisted.",
			"“I did nothing wrong,” => Berg [direct insist]"},
		{"wrote, colon", "Ana Ruiz wrote on X: “Today the committee failed us.”",
			"“Today the committee failed us.” => Ana Ruiz [direct write]"},
		{"colon after a name", "Ana Ruiz was asked whether she would run.\n\nRuiz: “I have given this city twelve years.”",
			"“I have given this city twelve years.” => Ana Ruiz [direct ]"},
		{"split around the attribution", "“The plan,” Berg said, “is dead.”",
			"“The plan,” => Berg [direct say]\n“is dead.” => Berg [direct say]"},
		{"follow-on paragraph keeps speaker and verb", "“We had no warning,” Ana Ruiz told reporters.\n\n“The water was at the door in minutes.”",
			"“We had no warning,” => Ana Ruiz [direct tell]\n“The water was at the door in minutes.” => Ana Ruiz [direct tell]"},
		{"follow-on over two paragraphs", "“We had no warning,” said Ana Ruiz.\n\n“The water rose fast.”\n\n“Nobody came to help us at all.”",
			"“We had no warning,” => Ana Ruiz [direct say]\n“The water rose fast.” => Ana Ruiz [direct say]\n“Nobody came to help us at all.” => Ana Ruiz [direct say]"},
		{"no follow-on after a paragraph without quotes", "“We had no warning,” said Ana Ruiz.\n\nThe river rose overnight.\n\n“Nobody came to help us at all.”",
			"“We had no warning,” => Ana Ruiz [direct say]\n“Nobody came to help us at all.” => ? [direct ]"},
		// Speakers.
		{"she is the woman", "Ingrid Solberg and her deputy, Mr Tavish Moore, visited the school. “The children deserve better,” she said.",
			"“The children deserve better,” => Ingrid Solberg [direct say]"},
		{"he is the man", "Ingrid Solberg and her deputy, Mr Tavish Moore, visited the school. “The children deserve better,” he said.",
			"“The children deserve better,” => Tavish Moore [direct say]"},
		{"X of ORG said", "Jane Doe of Acme said the notices were unlawful.",
			"the notices were unlawful => Jane Doe [reported say]"},
		{"X, an analyst at ORG, said", "Jane Doe, an analyst at Kestrel Capital, said the merger would be blocked.",
			"the merger would be blocked => Jane Doe [reported say]"},
		{"a spokesman for ORG is no entity", "A spokesman for Arden Motors said the recall affected 12,000 cars.",
			"the recall affected 12,000 cars => 'A spokesman for Arden Motors' [reported say]"},
		{"a source", "A source close to the talks said both sides were “very close” to a deal.",
			"both sides were “very close” to a deal => 'A source close to the talks' [mixed say]"},
		{"one said", "“We were never consulted,” one said.",
			"“We were never consulted,” => 'one' [direct say]"},
		{"officials said", "“The area is not safe,” officials said.",
			"“The area is not safe,” => 'officials' [direct say]"},
		{"a description after a name", "The fire was spotted by Yusuf Demir, a 34-year-old taxi driver. “I saw smoke and called it in,” the 34-year-old said.",
			"“I saw smoke and called it in,” => Yusuf Demir [direct say]"},
		{"a description written beside the name", "Yusuf Demir, a cabbie from the north, saw it first. “I called it in,” the cabbie said.",
			"“I called it in,” => Yusuf Demir [direct say]"},
		{"an organisation's description stays words", "Yusuf Demir saw it first. “We are looking into it,” the ministry said.",
			"“We are looking into it,” => 'the ministry' [direct say]"},
		{"a pronoun skips a holiday taken for a person", "The parade on Easter Monday drew thousands. Organiser Bernard Quist was pleased. “It is the biggest crowd in years,” he said.",
			"“It is the biggest crowd in years,” => Bernard Quist [direct say]"},
		{"it is the organisation", "Acme lost two ships last winter. It said the losses were insured.",
			"the losses were insured => Acme [reported say]"},
		// Negative cases.
		{"scare quote of four words", "The report calls it “a bridge too far for now” and asks for more.", ""},
		{"title in quotes", "Tickets for “A Long Winter in Velmora”, the opening play, sold out.", ""},
		{"the said property", "The said property was sold in 1998.", ""},
		{"is said to be", "The castle is said to be haunted.", ""},
		{"easier said than done", "Restoring it is easier said than done.", ""},
		{"when all is said and done", "When all is said and done, the square will look the same.", ""},
		{"having said that", "Having said that, the plan has merit.", ""},
		{"said nothing", "The mayor said nothing when reporters approached her.", ""},
		{"declined to say when", "Her spokesman declined to say when she would comment.", ""},
		{"said goodbye", "She said goodbye to her colleagues on Friday.", ""},
		{"will announce its decision", "The committee will announce its decision next week.", ""},
		{"was announced", "The ruling was announced on a Sunday.", ""},
		{"did not say", "Berg did not say the plan had failed.", ""},
		{"nobody warned", "Nobody warned the residents that the dam was weak.", ""},
		{"asked whether", "Ana Ruiz was asked whether she would run again.", ""},
		{"told to", "Police told residents to stay indoors.", ""},
		{"an unclosed quote", "He said “this never ends", ""},
		{"announced an object with an infinitive", "The government announced a new plan to cut taxes.", ""},
		{"announced an object with a linker", "The bank announced the closure of two branches.", ""},
		{"denied an object with a participle", "The minister denied the allegations made by her rival.", ""},
		{"a present-tense verb needs a subject", "The council announced new rules for shops.", ""},
		{"a present-tense verb after its subject", "The mayor said the new test gives results in minutes.",
			"the new test gives results in minutes => 'The mayor' [reported say]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quoteLines(t, tt.in); got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestVerbBaseForms(t *testing.T) {
	for form, want := range map[string]string{"said": "say", "says": "say", "told": "tell", "denied": "deny", "wrote": "write", "believes": "believe"} {
		if got := EnglishQuotes.Verbs[form]; got != want {
			t.Errorf("Verbs[%q] = %q, want %q", form, got, want)
		}
	}
}

// BenchmarkFindQuotes times the quotes stage alone on the benchmark text.
func BenchmarkFindQuotes(b *testing.B) {
	doc, err := Annotate(benchmarkText(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		findQuotes(doc, nil)
	}
	b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
