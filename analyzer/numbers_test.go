package analyzer

import (
	"strings"
	"testing"
)

// ruleMentions annotates text without a name recogniser and lists the rule
// mentions as "LABEL:text".
func ruleMentions(t *testing.T, text string) string {
	t.Helper()
	doc, err := Annotate(text, Options{Names: noNames{}})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range doc.Mentions {
		out = append(out, string(m.Label)+":"+doc.SpanText(m.Span))
	}
	return strings.Join(out, " ")
}

// ruleCase is a text and its rule mentions as ruleMentions lists them.
type ruleCase struct{ in, want string }

func checkRuleMentions(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got := ruleMentions(t, c.in); got != c.want {
				t.Errorf("\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

type noNames struct{}

func (noNames) RecognizeNames(*Document) []Mention { return nil }

func TestFindNumbers(t *testing.T) {
	checkRuleMentions(t, []ruleCase{
		// Money
		{"a $2bn deal", "MONEY:$2bn"},
		{"US$5 million", "MONEY:US$5 million"},
		{"costs $ 30 now", "MONEY:$ 30"},
		{"£1.5 billion", "MONEY:£1.5 billion"},
		{"5 million dollars", "MONEY:5 million dollars"},
		{"two billion yuan", "MONEY:two billion yuan"},
		{"USD 40 each", "MONEY:USD 40"},
		{"€12,000.", "MONEY:€12,000"},
		// Percentages
		{"up 3.5%.", "PERCENT:3.5%"},
		{"3.5 percent and 4 per cent", "PERCENT:3.5 percent PERCENT:4 per cent"},
		{"two percentage points", "PERCENT:two percentage points"},
		// Numbers
		{"17,500 American troops", "NUM:17,500"},
		{"3.5 million people", "NUM:3.5 million"},
		{"three trips", "NUM:three"},
		{"twenty-five people", "NUM:twenty-five"},
		{"two hundred and fifty", "NUM:two hundred and fifty"},
		{"a two-day visit", ""},
		{"a million people", "NUM:a million"},
	})
}

func TestMergeMentionsPrefersNames(t *testing.T) {
	names := []Mention{{Span: Span{0, 10}, Label: MISC}, {Span: Span{20, 30}, Label: PER}}
	numbers := []Mention{{Span: Span{5, 8}, Label: NUM}, {Span: Span{12, 15}, Label: DATE}, {Span: Span{28, 35}, Label: NUM}, {Span: Span{40, 42}, Label: NUM}}
	got := mergeMentions(names, numbers)
	want := []Span{{0, 10}, {12, 15}, {20, 30}, {40, 42}}
	if len(got) != len(want) {
		t.Fatalf("merged %d mentions, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].Span != want[i] {
			t.Errorf("mention %d = %+v, want %+v", i, got[i].Span, want[i])
		}
	}
}
