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
		{"compound spelling of a place", "the Diaoyutai State Guest House and the Diaoyutai state guest house",
			listedNames{"Diaoyutai State Guest House": LOC, "Diaoyutai state guest house": LOC},
			"LOC Diaoyutai State Guest House: Diaoyutai State Guest House|Diaoyutai state guest house"},
		{"one shared word is not enough", "North Korea and South Korea met.",
			listedNames{"North Korea": LOC, "South Korea": LOC},
			"LOC North Korea: North Korea\nLOC South Korea: South Korea"},
		{"ambiguous partial name stays apart", "the Freedom Guardian Alpha drill and the Freedom Guardian Beta drill, then Freedom Guardian",
			listedNames{"Freedom Guardian Alpha": MISC, "Freedom Guardian Beta": MISC, "Freedom Guardian": MISC},
			"MISC Freedom Guardian Alpha: Freedom Guardian Alpha\nMISC Freedom Guardian Beta: Freedom Guardian Beta\nMISC Freedom Guardian: Freedom Guardian"},
		{"majority label", "Diaoyutai hosted. Diaoyutai closed. Diaoyutai reopened.",
			listedNames{"Diaoyutai": LOC},
			"LOC Diaoyutai: Diaoyutai|Diaoyutai|Diaoyutai"},
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

func TestPersonByMajorityLinks(t *testing.T) {
	// The recogniser tags the lone surname ORG once and PER twice: as a group
	// it is a person, so it links to the full name.
	doc := &Document{Text: "Xi Jinping spoke. Jinping left. Jinping came. Jinping went."}
	doc.Tokens = Tokenize(doc.Text)
	doc.Sentences = SplitSentences(doc.Text, doc.Tokens)
	add := func(first, end int, l Label) {
		doc.Mentions = append(doc.Mentions, Mention{Span: Span{doc.Tokens[first].Start, doc.Tokens[end-1].End}, FirstToken: first, EndToken: end, Label: l})
	}
	add(0, 2, PER)
	add(4, 5, ORG)
	add(7, 8, PER)
	add(10, 11, PER)
	groupEntities(doc)
	if len(doc.Entities) != 1 || doc.Entities[0].Name != "Xi Jinping" || doc.Entities[0].Label != PER {
		t.Fatalf("entities %+v, want one PER Xi Jinping", doc.Entities)
	}
}

func TestMajorityLabelWins(t *testing.T) {
	doc := &Document{Text: "Apple Apple Apple"}
	doc.Tokens = Tokenize(doc.Text)
	for i, l := range []Label{ORG, PER, ORG} {
		tok := doc.Tokens[i]
		doc.Mentions = append(doc.Mentions, Mention{Span: tok.Span, FirstToken: i, EndToken: i + 1, Label: l})
	}
	groupEntities(doc)
	if len(doc.Entities) != 1 || doc.Entities[0].Label != ORG {
		t.Fatalf("entities %+v, want one ORG", doc.Entities)
	}
	for _, m := range doc.Mentions {
		if m.Label != ORG {
			t.Errorf("mention label %s, want the entity's ORG", m.Label)
		}
	}
}
