package analyzer

import (
	"sort"
	"strings"
	"testing"
)

// entityGroups annotates text with the listed names and returns each
// entity as "LABEL Name: mention|mention", one per line.
func entityGroups(t *testing.T, text string, names listedNames) string {
	t.Helper()
	doc, err := Annotate(text, Options{Names: names})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range doc.Entities {
		if !e.Label.IsName() {
			continue
		}
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, doc.SpanText(doc.Mentions[m].Span))
		}
		out = append(out, string(e.Label)+" "+e.Name+": "+strings.Join(ms, "|"))
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

func TestGroupEntities(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		names listedNames
		want  string
	}{
		{"known aliases join across place and organisation", "North Korea warned Seoul. The DPRK said talks were over. Later North Korea left.",
			listedNames{"North Korea": LOC, "DPRK": ORG, "Seoul": LOC},
			"LOC North Korea: North Korea|DPRK|North Korea\nLOC Seoul: Seoul"},
		{"U.S. and United States", "The United States and Britain agreed. The U.S. and the UK signed.",
			listedNames{"United States": LOC, "Britain": LOC, "U.S.": LOC, "UK": LOC},
			"LOC Britain: Britain|UK\nLOC United States: United States|U.S."},
		{"the North after North Korea", "North Korea fired a missile. The launch showed the North was ready.",
			listedNames{"North Korea": LOC}, "LOC North Korea: North Korea|North"},
		{"a bare direction with two candidates stays apart", "North Korea met North Macedonia. Then the North left.",
			listedNames{"North Korea": LOC, "North Macedonia": LOC, "North": LOC},
			"LOC North Korea: North Korea\nLOC North Macedonia: North Macedonia\nLOC North: North"},
		{"a name's first word", "They met at the Hollinmoor State Guest House. Hollinmoor was closed.",
			listedNames{"Hollinmoor State Guest House": LOC, "Hollinmoor": LOC},
			"LOC Hollinmoor State Guest House: Hollinmoor State Guest House|Hollinmoor"},
		{"a place's own name does not join a longer one", "Beijing Capital Airport shut. Beijing said so.",
			listedNames{"Beijing Capital Airport": LOC, "Beijing": LOC},
			"LOC Beijing Capital Airport: Beijing Capital Airport\nLOC Beijing: Beijing"},
		{"spelling variants", "Kim Jong-un met aides. Kim Jong Un left. KIM JONG UN RETURNS.",
			listedNames{"Kim Jong-un": PER, "Kim Jong Un": PER, "KIM JONG UN": PER},
			"PER Kim Jong-un: Kim Jong-un|Kim Jong Un|KIM JONG UN"},
		{"diacritics", "José Martínez spoke. Jose Martinez left.",
			listedNames{"José Martínez": PER, "Jose Martinez": PER},
			"PER José Martínez: José Martínez|Jose Martinez"},
		{"titles and surnames", "Kim Jong-un met Moon Jae-in. Mr Kim thanked President Moon. Later Kim left.",
			listedNames{"Kim Jong-un": PER, "Moon Jae-in": PER, "Mr Kim": PER, "President Moon": PER, "Kim": PER},
			"PER Kim Jong-un: Kim Jong-un|Mr Kim|Kim\nPER Moon Jae-in: Moon Jae-in|President Moon"},
		{"surname last, western order", "Donald Trump spoke. Mr Trump left.",
			listedNames{"Donald Trump": PER, "Trump": PER},
			"PER Donald Trump: Donald Trump|Trump"},
		{"given name in last place, chinese order", "Zhou Chenming said so. Zhou added more.",
			listedNames{"Zhou Chenming": PER, "Zhou": PER},
			"PER Zhou Chenming: Zhou Chenming|Zhou"},
		{"father and son stay apart", "Kim Jong-un succeeded his father Kim Jong-il.",
			listedNames{"Kim Jong-un": PER, "Kim Jong-il": PER},
			"PER Kim Jong-il: Kim Jong-il\nPER Kim Jong-un: Kim Jong-un"},
		{"short form links to the earlier name, then stays linked", "Kim Jong-un arrived. Mr Kim smiled. His father Kim Jong-il died in 2011. Mr Kim left.",
			listedNames{"Kim Jong-un": PER, "Kim": PER, "Kim Jong-il": PER},
			"PER Kim Jong-il: Kim Jong-il\nPER Kim Jong-un: Kim Jong-un|Kim|Kim"},
		{"ambiguous short form stays apart", "Kim Jong-un and Kim Yo-jong arrived. Kim waved.",
			listedNames{"Kim Jong-un": PER, "Kim Yo-jong": PER, "Kim": PER},
			"PER Kim Jong-un: Kim Jong-un\nPER Kim Yo-jong: Kim Yo-jong\nPER Kim: Kim"},
		{"acronym after expansion", "The South China Morning Post reported it. The SCMP said more.",
			listedNames{"South China Morning Post": ORG, "SCMP": ORG},
			"ORG South China Morning Post: South China Morning Post|SCMP"},
		{"acronym before expansion", "The US and the United States are one.",
			listedNames{"US": LOC, "United States": LOC},
			"LOC United States: US|United States"},
		{"dotted acronym", "The U.S. and the US agree.",
			listedNames{"U.S.": LOC, "US": LOC},
			"LOC U.S.: U.S.|US"},
		{"building short form", "They met in the Great Hall of the People. At the Great Hall, they ate.",
			listedNames{"Great Hall of the People": LOC, "Great Hall": LOC},
			"LOC Great Hall of the People: Great Hall of the People|Great Hall"},
		{"compound spelling of a place", "the Harbour State Guest House and the Harbour state guest house",
			listedNames{"Harbour State Guest House": LOC, "Harbour state guest house": LOC},
			"LOC Harbour State Guest House: Harbour State Guest House|Harbour state guest house"},
		{"one shared word is not enough", "North Korea and South Korea met.",
			listedNames{"North Korea": LOC, "South Korea": LOC},
			"LOC North Korea: North Korea\nLOC South Korea: South Korea"},
		{"ambiguous partial name stays apart", "the Freedom Guardian Alpha drill and the Freedom Guardian Beta drill, then Freedom Guardian",
			listedNames{"Freedom Guardian Alpha": MISC, "Freedom Guardian Beta": MISC, "Freedom Guardian": MISC},
			"MISC Freedom Guardian Alpha: Freedom Guardian Alpha\nMISC Freedom Guardian Beta: Freedom Guardian Beta\nMISC Freedom Guardian: Freedom Guardian"},
		{"legal form left out for matching", "Apple Inc. shares fell. Apple said nothing. APPLE INC denied it.",
			listedNames{"Apple Inc.": ORG, "Apple": ORG, "APPLE INC": ORG},
			"ORG Apple Inc.: Apple Inc.|Apple|APPLE INC"},
		{"companies differ by more than their legal form", "Acme Co said so. Co-op Co agreed.",
			listedNames{"Acme Co": ORG, "Co-op Co": ORG},
			"ORG Acme Co: Acme Co\nORG Co-op Co: Co-op Co"},
		{"the Commission after the European Commission", "The European Commission fined Apple. The Commission said it would not comment.",
			listedNames{"European Commission": ORG, "Commission": ORG},
			"ORG European Commission: European Commission|Commission"},
		{"a last word without the stays apart", "Thomson Reuters bought it, Reuters reported.",
			listedNames{"Thomson Reuters": ORG, "Reuters": ORG},
			"ORG Reuters: Reuters\nORG Thomson Reuters: Thomson Reuters"},
		{"an ambiguous last word stays apart", "The European Council and the Security Council met. The Council adjourned.",
			listedNames{"European Council": ORG, "Security Council": ORG, "Council": ORG},
			"ORG Council: Council\nORG European Council: European Council\nORG Security Council: Security Council"},
		{"only organisations link by their last word", "North Korea and the Korea coast",
			listedNames{"North Korea": LOC, "Korea": LOC},
			"LOC Korea: Korea\nLOC North Korea: North Korea"},
		{"a surname before the full name, then a given name", "Trump said so. Donald Trump spoke. Donald left.",
			listedNames{"Trump": PER, "Donald Trump": PER, "Donald": PER},
			"PER Donald Trump: Trump|Donald Trump|Donald"},
		{"an acronym before the full name, then a part", "The SCMP said so. The South China Morning Post agreed. The Morning Post added more.",
			listedNames{"SCMP": ORG, "South China Morning Post": ORG, "Morning Post": ORG},
			"ORG South China Morning Post: SCMP|South China Morning Post|Morning Post"},
		{"a link made after the does not carry to the bare word", "The Reuters agency wrote. Thomson Reuters bought it, Reuters reported.",
			listedNames{"Reuters": ORG, "Thomson Reuters": ORG},
			"ORG Reuters: Reuters|Reuters\nORG Thomson Reuters: Thomson Reuters"},
		{"people do not link to places", "Jackson Hole hosted Mr Jackson.",
			listedNames{"Jackson Hole": LOC, "Jackson": PER},
			"LOC Jackson Hole: Jackson Hole\nPER Jackson: Jackson"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := entityGroups(t, tt.text, tt.names); got != tt.want {
				t.Errorf("\n got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestDifferentLabelsStayApart(t *testing.T) {
	// Detroit the city and Detroit the team: the recogniser told them apart,
	// grouping keeps them apart and each mention keeps its label.
	doc := &Document{Text: "DETROIT 2019-03-14 Detroit beat Toronto. Detroit won again."}
	doc.Tokens = Tokenize(doc.Text)
	doc.Sentences = SplitSentences(doc.Text, doc.Tokens)
	for _, m := range []struct {
		token int
		label Label
	}{{0, LOC}, {2, ORG}, {4, ORG}, {6, ORG}} {
		tok := doc.Tokens[m.token]
		doc.Mentions = append(doc.Mentions, Mention{Span: tok.Span, FirstToken: m.token, EndToken: m.token + 1, Label: m.label})
	}
	groupEntities(doc, nil)
	if len(doc.Entities) != 3 {
		t.Fatalf("entities %+v, want DETROIT (LOC), Detroit (ORG), Toronto (ORG)", doc.Entities)
	}
	want := []Label{LOC, ORG, ORG, ORG}
	for i, m := range doc.Mentions {
		if m.Label != want[i] || doc.Entities[m.Entity].Label != m.Label {
			t.Errorf("mention %d: label %s, entity label %s; want %s", i, m.Label, doc.Entities[m.Entity].Label, want[i])
		}
	}
	if doc.Mentions[1].Entity != doc.Mentions[3].Entity || doc.Mentions[0].Entity == doc.Mentions[1].Entity {
		t.Errorf("grouping %+v", doc.Mentions)
	}
}

// TestNumberWordsGroupAcrossCase checks that a number written in words is
// one entity whatever its case.
func TestNumberWordsGroupAcrossCase(t *testing.T) {
	doc, err := Annotate("Two ships left the port. Later two more ships arrived.", Options{Names: listedNames{}})
	if err != nil {
		t.Fatal(err)
	}
	var nums []string
	for _, e := range doc.Entities {
		if e.Label != NUM {
			continue
		}
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, doc.SpanText(doc.Mentions[m].Span))
		}
		nums = append(nums, strings.Join(ms, "|"))
	}
	if got := strings.Join(nums, "\n"); got != "Two|two" {
		t.Errorf("NUM entities %q, want one of Two|two", got)
	}
}

// TestCanonicalNameOfManyMentions: an entity with many mentions scores
// each form once and names itself as one with few: the longest name, in
// its mixed-case writing, the first of equals.
func TestCanonicalNameOfManyMentions(t *testing.T) {
	forms := []string{"Kim", "Kim", "KIM JONG UN", "Kim", "Mr Kim", "Kim", "Kim Jong Un", "Kim", "Kim", "Kim Jong Un", "Kim", "KIM"}
	for _, n := range []int{len(forms), 5} { // with the memo, and without (up to 8 mentions)
		doc := &Document{}
		var mentions []int
		var text strings.Builder
		for i, f := range forms[len(forms)-n:] {
			start := text.Len()
			text.WriteString(f + ". ")
			doc.Mentions = append(doc.Mentions, Mention{Span: Span{start, start + len(f)}, Label: PER})
			mentions = append(mentions, i)
		}
		doc.Text = text.String()
		if got, want := canonicalName(doc, mentions, nil), "Kim Jong Un"; got != want {
			t.Errorf("%d mentions: canonical name %q, want %q", n, got, want)
		}
	}
}
