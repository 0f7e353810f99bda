package analyzer

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestResultOffsets(t *testing.T) {
	text := "😀 北京 Kim met “Xi” 🇰🇷 in Seoul on June 19th, 2018, said Ana Ruiz: “We welcome the positive outcome.”"
	doc, err := Annotate(text, Options{Names: listedNames{"Kim": PER, "Xi": PER, "Seoul": LOC, "Ana Ruiz": PER}})
	if err != nil {
		t.Fatal(err)
	}
	r := doc.Result()
	u16 := utf16.Encode([]rune(text))
	check := func(what string, s SpanResult, want string) {
		t.Helper()
		if got := text[s.Start:s.End]; got != want {
			t.Errorf("%s bytes [%d,%d) = %q, want %q", what, s.Start, s.End, got, want)
		}
		if got := string(utf16.Decode(u16[s.U16Start:s.U16End])); got != want {
			t.Errorf("%s UTF-16 [%d,%d) = %q, want %q", what, s.U16Start, s.U16End, got, want)
		}
	}
	var texts []string
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			check(e.ID+" "+string(e.Label), m.SpanResult, m.Text)
			texts = append(texts, m.Text)
		}
	}
	if want := []string{"Kim", "Xi", "Seoul", "June 19th, 2018", "Ana Ruiz"}; !slices.Equal(texts, want) {
		t.Errorf("mention texts %q, want %q", texts, want)
	}
	for _, s := range r.Sentences {
		check("sentence", s, text[s.Start:s.End])
	}
	if len(r.Quotes) != 1 || r.Quotes[0].Speaker == "" {
		t.Fatalf("quotes = %+v, want one attributed quote", r.Quotes)
	}
	check("quote", r.Quotes[0].SpanResult, "“We welcome the positive outcome.”")
	if q := r.Quotes[0]; q.Kind != "direct" || q.Verb != "say" {
		t.Errorf("quote kind %q verb %q, want direct say", q.Kind, q.Verb)
	}

	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"lang", "lang_source", "sentences", "entities", "terms", "quotes", "stats"} {
		if _, ok := fields[f]; !ok {
			t.Errorf("JSON lacks field %q", f)
		}
	}
	if string(fields["lang_source"]) != `"user"` {
		t.Errorf("lang_source %s, want \"user\" (Lang given)", fields["lang_source"])
	}
	var quotes []map[string]json.RawMessage
	if err := json.Unmarshal(fields["quotes"], &quotes); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"start", "end", "u16_start", "u16_end", "text", "speaker", "kind", "verb"} {
		if _, ok := quotes[0][f]; !ok {
			t.Errorf("quote JSON lacks field %q", f)
		}
	}
}

// With LangAuto the JSON says whether the language was detected or fell
// back, and why.
func TestResultLanguageSource(t *testing.T) {
	for _, tt := range []struct{ text, lang, source, reason string }{
		{"Le gouvernement a annoncé hier que le nouveau port de la ville ouvrira au printemps, après trois ans de travaux.", "fr", "detected", ""},
		{"Oui.", "es", "fallback", "too short"},
	} {
		doc, err := Annotate(tt.text, Options{Lang: LangAuto, Fallback: "es", Names: listedNames{}})
		if err != nil {
			t.Fatal(err)
		}
		r := doc.Result()
		if r.Lang != tt.lang || r.LangSource != tt.source || r.LangReason != tt.reason {
			t.Errorf("%.20q: lang %q source %q reason %q, want %q %q %q", tt.text, r.Lang, r.LangSource, r.LangReason, tt.lang, tt.source, tt.reason)
		}
	}
}

// Reported speech in the JSON: its content's span, kind, verb and the
// speaker's words.
func TestResultReportedQuote(t *testing.T) {
	text := "The harbour board said that the pier would close in March."
	doc, err := Annotate(text, Options{Names: listedNames{}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Quotes []map[string]any `json:"quotes"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"start": 28.0, "end": 57.0, "u16_start": 28.0, "u16_end": 57.0, "text": "the pier would close in March",
		"kind": "reported", "verb": "say", "speaker_text": "The harbour board"}
	if len(r.Quotes) != 1 || !maps.Equal(r.Quotes[0], want) {
		t.Errorf("quotes %v, want [%v]", r.Quotes, want)
	}
}

func TestU16OffsetsLongText(t *testing.T) {
	var text []rune
	for i := 0; i < 500; i++ {
		text = append(text, 'a', 'é', '北', '😀', ' ')
	}
	s := string(text)
	u := newU16Offsets(s)
	units := 0
	for i, r := range s {
		if got := u.at(i); got != units {
			t.Fatalf("at(%d) = %d, want %d", i, got, units)
		}
		units += len(utf16.Encode([]rune{r}))
	}
	if got := u.at(len(s)); got != units {
		t.Fatalf("at(len) = %d, want %d", got, units)
	}
}

// The JSON of a corrected document: a "corrections" list (op, anchors,
// stale), "corrected" on the mentions and quotes they changed; absent
// without corrections.
func TestResultCorrectionsSchema(t *testing.T) {
	base := correctionBase(t)
	if b, _ := json.Marshal(base); strings.Contains(string(b), `"corrections"`) || strings.Contains(string(b), `"corrected"`) {
		t.Fatal("an uncorrected document has corrections in its JSON")
	}
	r := base.Result()
	c := Corrector{Text: base.Text, Result: r}
	var cs Corrections
	for _, make := range []func() (Correction, error){
		func() (Correction, error) { return c.RelabelMention(strings.Index(base.Text, "Jordan said"), PER) },
		func() (Correction, error) { return c.RemoveSpeaker(0) },
		func() (Correction, error) {
			return Correction{Op: Split, Mention: &TextAnchor{Text: "Nobody", Start: 1}}, nil
		},
	} {
		corr, err := make()
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, corr)
	}
	doc, err := ApplyCorrections(base, cs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Entities []struct {
			Mentions []map[string]any `json:"mentions"`
		} `json:"entities"`
		Quotes      []map[string]any `json:"quotes"`
		Corrections []map[string]any `json:"corrections"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Corrections) != 3 {
		t.Fatalf("corrections %v", got.Corrections)
	}
	want := []map[string]any{
		{"op": "relabel_mention", "label": "PER", "mention": map[string]any{"text": "Jordan", "start": 310.0, "before": "nt well. Later, ", "after": " said: “It is a "}},
		{"op": "remove_speaker", "quote": map[string]any{"text": "“We will build the pier,”", "start": 109.0, "before": "oor on Tuesday. ", "after": " Ruiz said. Mr K"}},
		{"op": "split", "mention": map[string]any{"text": "Nobody", "start": 1.0}, "stale": "the words “Nobody” are no longer in the text"},
	}
	for i := range want {
		if a, b := fmt.Sprint(got.Corrections[i]), fmt.Sprint(want[i]); a != b {
			t.Errorf("correction %d:\n%s\nwant\n%s", i+1, a, b)
		}
	}
	corrected := 0
	for _, e := range got.Entities {
		for _, m := range e.Mentions {
			if m["corrected"] == true {
				corrected++
			}
		}
	}
	if corrected != 1 || got.Quotes[0]["corrected"] != true {
		t.Errorf("%d corrected mentions, first quote %v", corrected, got.Quotes[0])
	}
}

// jsonKeys collects every object key in a decoded JSON value.
func jsonKeys(v any, keys map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			keys[k] = true
			jsonKeys(x, keys)
		}
	case []any:
		for _, x := range v {
			jsonKeys(x, keys)
		}
	}
}

// TestREADMESchema keeps README's JSON example and the code in step: every
// field of the example is one the code writes, and every field the code
// writes (lang_source and lang_reason included) is in README.
func TestREADMESchema(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(readme), "```json\n{\"lang\"")
	if start < 0 {
		t.Fatal("README has no JSON example starting with \"lang\"")
	}
	example := string(readme[start+len("```json\n"):])
	example = example[:strings.Index(example, "```")]
	var sample any
	if err := json.Unmarshal([]byte(example), &sample); err != nil {
		t.Fatalf("README's JSON example does not parse: %v", err)
	}
	documented := map[string]bool{}
	jsonKeys(sample, documented)

	written := map[string]bool{}
	for _, tt := range []struct {
		text string
		opts Options
	}{
		{"MADRID, 19 de junio de 2018. «Vamos a ganar», dijo Ana Ruiz en Madrid. Acme pagó 3 millones de euros, un 5 %, a las 10.30. " +
			"Ruiz afirmó que la empresa Acme había pagado la deuda, según Renfe.",
			Options{Lang: LangAuto, Names: listedNames{"Ana Ruiz": PER, "Ruiz": PER, "Madrid": LOC, "Acme": ORG, "Renfe": ORG}}},
		{"Oui.", Options{Lang: LangAuto, Names: listedNames{}}},
		{"The harbour board said that the pier would close in March.", Options{Names: listedNames{}}},
	} {
		doc, err := Annotate(tt.text, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		jsonKeys(v, written)
	}
	for k := range documented {
		if !written[k] {
			t.Errorf("README's JSON example has %q, which the code never writes", k)
		}
	}
	for k := range written {
		if !documented[k] && !strings.Contains(string(readme), "`"+k+"`") {
			t.Errorf("the code writes %q, which README neither shows nor names", k)
		}
	}
}
