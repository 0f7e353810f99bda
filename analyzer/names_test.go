package analyzer

import (
	"strings"
	"testing"

	"annotator/analyzer/tagger"
)

// TestDefaultNames checks the trained tagger through the pipeline on plain
// news sentences: the names it must find, with their labels.
func TestDefaultNames(t *testing.T) {
	tests := []struct {
		text string
		want map[string]Label // mention text -> label
	}{
		{"Angela Merkel met Emmanuel Macron in Paris on Monday.",
			map[string]Label{"Angela Merkel": PER, "Emmanuel Macron": PER, "Paris": LOC}},
		{"Shares of Siemens rose 3 percent in Frankfurt after the German company raised its forecast.",
			map[string]Label{"Siemens": ORG, "Frankfurt": LOC, "German": MISC}},
		{"The United Nations Security Council met in New York on Tuesday.",
			map[string]Label{"United Nations Security Council": ORG, "New York": LOC}},
		{"BRUSSELS 2019-03-14\nThe European Commission said on Friday it would appeal.",
			map[string]Label{"BRUSSELS": LOC, "European Commission": ORG}},
	}
	for _, tt := range tests {
		doc, err := Annotate(tt.text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]Label{}
		for _, m := range doc.Mentions {
			if m.Label.IsName() {
				got[doc.SpanText(m.Span)] = m.Label
			}
		}
		for name, label := range tt.want {
			if got[name] != label {
				t.Errorf("%q: %q labelled %q, want %s (all: %v)", tt.text, name, got[name], label, got)
			}
		}
	}
}

// TestDefaultNamesContract checks what NameRecognizer promises: sorted,
// non-overlapping mentions on token boundaries within one sentence, with
// both token and byte spans set, on texts that stress the tokenizer.
func TestDefaultNamesContract(t *testing.T) {
	texts := []string{
		"",
		"   \n\n ",
		"Kim Jong-un’s visit to Beijing, China’s capital, surprised the U.S. and South Korea.",
		"CHINA CONFIRMS XI JINPING, KIM JONG UN HELD TALKS IN BEIJING\nBEIJING (Reuters) -",
		"Москва и Санкт-Петербург. 東京 Tokyo 🇯🇵 Mr. Abe said: «Nein». https://example.com/a?b=c mail@example.com",
		strings.Repeat("Rotor Volgograd 2 Dynamo Moscow 1\n", 50),
		strings.Repeat("A", 5000) + " Smith",
	}
	for _, text := range texts {
		doc, err := Annotate(text, Options{Names: nameCapture{}})
		if err != nil {
			t.Fatal(err)
		}
		names := DefaultNames.RecognizeNames(doc)
		sentenceOf := make([]int, len(doc.Tokens))
		for k, s := range doc.Sentences {
			for i := s.FirstToken; i < s.EndToken; i++ {
				sentenceOf[i] = k
			}
		}
		for i, m := range names {
			if !m.Label.IsName() {
				t.Errorf("%q: label %q", text, m.Label)
			}
			if m.FirstToken < 0 || m.EndToken > len(doc.Tokens) || m.FirstToken >= m.EndToken {
				t.Fatalf("%q: bad token range %d-%d", text, m.FirstToken, m.EndToken)
			}
			if m.Start != doc.Tokens[m.FirstToken].Start || m.End != doc.Tokens[m.EndToken-1].End {
				t.Errorf("%q: span %v does not match tokens %d-%d", text, m.Span, m.FirstToken, m.EndToken)
			}
			if sentenceOf[m.FirstToken] != sentenceOf[m.EndToken-1] {
				t.Errorf("%q: %q crosses a sentence boundary", text, doc.SpanText(m.Span))
			}
			if i > 0 && names[i-1].End > m.Start {
				t.Errorf("%q: mentions %v and %v overlap or are unsorted", text, names[i-1].Span, m.Span)
			}
		}
	}
}

// nameCapture finds no names, leaving the document for the test to tag.
type nameCapture struct{}

func (nameCapture) RecognizeNames(*Document) []Mention { return nil }

func TestJoinNameParticles(t *testing.T) {
	tests := []struct {
		name, text string
		tagged     listedNames // what the recogniser found
		want       string      // the name mentions after joining
	}{
		{"a first name, then particles", "Ursula von der Leyen spoke.", listedNames{"Leyen": MISC},
			"PER Ursula von der Leyen"},
		{"a person's part tagged", "Then Mohammed bin Salman arrived.", listedNames{"Mohammed": MISC, "Salman": PER},
			"PER Mohammed bin Salman"},
		{"a particle the number rules would take", "Erik ten Hag left.", listedNames{"Erik": MISC},
			"PER Erik ten Hag"},
		{"a title stays out", "President Ursula von der Leyen spoke.", listedNames{"Leyen": MISC},
			"PER Ursula von der Leyen"},
		{"a title right before the particle stays out", "Then Mr van Gaal left.", listedNames{"Mr": PER, "Gaal": PER},
			"PER Mr\nPER van Gaal"},
		{"a title and no person inside: nothing to join", "President von der Leyen spoke.", listedNames{"Leyen": MISC},
			"MISC Leyen"},
		{"a place tagged whole stays", "They toured Rio de Janeiro.", listedNames{"Rio de Janeiro": LOC},
			"LOC Rio de Janeiro"},
		{"an event tagged whole stays", "He won the Tour de France.", listedNames{"Tour de France": MISC},
			"MISC Tour de France"},
		{"a first name that is also a place", "Offices in Paris la Defense.", listedNames{"Paris": LOC},
			"LOC Paris"},
		{"lower case before the particle", "the de facto Leader spoke.", listedNames{}, ""},
		{"a mention reaching outside stays", "Van der Sar Stadium Tours opened.", listedNames{"Sar Stadium Tours": ORG},
			"ORG Sar Stadium Tours"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if g := nameMentions(t, tt.text, tt.tagged); g != tt.want {
				t.Errorf("\n got %q\nwant %q", g, tt.want)
			}
		})
	}
	// The trained tagger splits or misses such names; the pipeline joins
	// them.
	doc, err := Annotate("Ursula von der Leyen met Erik ten Hag and Osama bin Laden's son.", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var people []string
	for _, m := range doc.Mentions {
		if m.Label == PER {
			people = append(people, doc.SpanText(m.Span))
		}
	}
	if want := "Ursula von der Leyen|Erik ten Hag|Osama bin Laden"; strings.Join(people, "|") != want {
		t.Errorf("people %q, want %s", people, want)
	}
}

func TestLoadNames(t *testing.T) {
	first, err := LoadNames(nil)
	if err != nil {
		t.Fatalf("the embedded tagger does not load: %v", err)
	}
	if first.Total() != first.Gazetteers+first.Clusters+first.Model {
		t.Errorf("total %v is not the sum of %+v", first.Total(), first)
	}
	if _, err := LoadNames(nil); err != nil {
		t.Fatalf("loading again: %v", err)
	}
}

// TestJobTaggerAcrossChunks checks that the tagger a job keeps for all its
// chunks (jobNames) finds what a fresh one per chunk finds: nothing of one
// chunk's tables is left over for the next.
func TestJobTaggerAcrossChunks(t *testing.T) {
	parts := []string{
		"Angela Merkel met Emmanuel Macron in Paris on Monday.",
		"Shares of Siemens rose 3 percent in Frankfurt.",
		"MERKEL SAID BERLIN WOULD WAIT\nThe European Commission said on Friday it would appeal.",
		"Paris Saint-Germain beat Lyon 3-1. Macron was there.",
	}
	var sb strings.Builder
	for i := 0; sb.Len() < 12_000; i++ {
		sb.WriteString(parts[i%len(parts)])
		sb.WriteString("\n\n")
	}
	text := sb.String()
	pack := englishPack
	model, err := pack.Tagger()
	if err != nil {
		t.Fatal(err)
	}
	kept, err := Annotate(text, Options{ChunkBytes: 1500})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Annotate(text, Options{ChunkBytes: 1500, Names: freshTagger{model}})
	if err != nil {
		t.Fatal(err)
	}
	if len(kept.Mentions) == 0 || len(kept.Mentions) != len(fresh.Mentions) {
		t.Fatalf("%d mentions with the job's tagger, %d with one per chunk", len(kept.Mentions), len(fresh.Mentions))
	}
	for i, m := range kept.Mentions {
		if f := fresh.Mentions[i]; m.Span != f.Span || m.Label != f.Label {
			t.Fatalf("mention %d: %q %s with the job's tagger, %q %s with one per chunk", i, kept.SpanText(m.Span), m.Label, fresh.SpanText(f.Span), f.Label)
		}
	}
}

// freshTagger tags each chunk with a new tagger.
type freshTagger struct{ model *tagger.Model }

func (f freshTagger) RecognizeNames(doc *Document) []Mention {
	tdoc := TaggerDoc(doc)
	return tagNames(doc, &tdoc, f.model.NewTagger().Tag)
}
