package analyzer

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// correctionBase annotates the corrections' article.
func correctionBase(t testing.TB) *Document {
	t.Helper()
	doc, err := Annotate(correctionText, Options{Names: correctionNames})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// entityLines sums a result's entities up: "PER Ana Ruiz: Ana Ruiz, Ruiz".
func entityLines(r *Result) []string {
	var lines []string
	for _, e := range r.Entities {
		var texts []string
		for _, m := range e.Mentions {
			texts = append(texts, m.Text)
		}
		lines = append(lines, string(e.Label)+" "+e.Name+": "+strings.Join(texts, ", "))
	}
	return lines
}

// speakerLines sums its quotes up: "the pier would open in May => Kim
// Jong-un", "=> words The harbour board", "=> nobody".
func speakerLines(r *Result) []string {
	names := map[string]string{}
	for _, e := range r.Entities {
		names[e.ID] = e.Name
	}
	var lines []string
	for _, q := range r.Quotes {
		who := "nobody"
		switch {
		case q.Speaker != "":
			who = names[q.Speaker]
			if who == "" {
				who = "missing entity " + q.Speaker
			}
		case q.SpeakerText != "":
			who = "words " + q.SpeakerText
		}
		lines = append(lines, q.Text+" => "+who)
	}
	return lines
}

func resultJSON(t testing.TB, r *Result) string {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// offsetOf is the byte offset of the n-th (from 1) occurrence of s in the
// corrections' article.
func offsetOf(t testing.TB, s string, n int) int {
	t.Helper()
	at := -1
	for ; n > 0; n-- {
		i := strings.Index(correctionText[at+1:], s)
		if i < 0 {
			t.Fatalf("%q occurs fewer times", s)
		}
		at += 1 + i
	}
	return at
}

// idOf is the id of the entity named name in r.
func idOf(t testing.TB, r *Result, name string, label Label) string {
	t.Helper()
	for _, e := range r.Entities {
		if e.Name == name && e.Label == label {
			return e.ID
		}
	}
	t.Fatalf("no entity %s %s in %q", label, name, entityLines(r))
	return ""
}

// step makes one correction from what the user sees.
type step func(t testing.TB, c Corrector) Correction

func must(t testing.TB) func(Correction, error) Correction {
	return func(c Correction, err error) Correction {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
}

func relabelMention(text string, n int, l Label) step {
	return func(t testing.TB, c Corrector) Correction {
		return must(t)(c.RelabelMention(offsetOf(t, text, n), l))
	}
}

func relabelEntity(name string, from, to Label) step {
	return func(t testing.TB, c Corrector) Correction {
		return must(t)(c.RelabelEntity(idOf(t, c.Result, name, from), to))
	}
}

func merge(name string, l Label, into string, intoLabel Label) step {
	return func(t testing.TB, c Corrector) Correction {
		return must(t)(c.Merge(idOf(t, c.Result, name, l), idOf(t, c.Result, into, intoLabel)))
	}
}

func split(text string, n int) step {
	return func(t testing.TB, c Corrector) Correction { return must(t)(c.Split(offsetOf(t, text, n))) }
}

func removeEntity(name string, l Label) step {
	return func(t testing.TB, c Corrector) Correction {
		return must(t)(c.RemoveEntity(idOf(t, c.Result, name, l)))
	}
}

func removeMention(text string, n int) step {
	return func(t testing.TB, c Corrector) Correction { return must(t)(c.RemoveMention(offsetOf(t, text, n))) }
}

// add selects the n-th occurrence of text, from skip bytes into it to
// trim bytes before its end (a sloppy selection).
func add(text string, n, skip, trim int, l Label) step {
	return func(t testing.TB, c Corrector) Correction {
		at := offsetOf(t, text, n)
		return must(t)(c.Add(at+skip, at+len(text)-trim, l))
	}
}

func addTo(text string, n int, name string, l Label) step {
	return func(t testing.TB, c Corrector) Correction {
		at := offsetOf(t, text, n)
		return must(t)(c.AddTo(at, at+len(text), idOf(t, c.Result, name, l)))
	}
}

func quoteIndex(t testing.TB, r *Result, prefix string) int {
	t.Helper()
	for i, q := range r.Quotes {
		if strings.HasPrefix(q.Text, prefix) {
			return i
		}
	}
	t.Fatalf("no quote %q", prefix)
	return -1
}

func setSpeaker(quote, name string, l Label) step {
	return func(t testing.TB, c Corrector) Correction {
		return must(t)(c.SetSpeaker(quoteIndex(t, c.Result, quote), idOf(t, c.Result, name, l)))
	}
}

func removeSpeaker(quote string) step {
	return func(t testing.TB, c Corrector) Correction {
		return must(t)(c.RemoveSpeaker(quoteIndex(t, c.Result, quote)))
	}
}

// TestCorrections applies each kind of correction through an Editor, then
// undoes and redoes it, and applies its list again to its own result.
func TestCorrections(t *testing.T) {
	cases := []struct {
		name   string
		steps  []step
		has    []string // entity lines the result has
		lacks  []string // and does not
		quotes []string // quote lines it has
		terms  []string // key terms it has
	}{
		{name: "relabel a mention: a place that is a person, with her quote",
			steps:  []step{relabelMention("Jordan", 2, PER)},
			has:    []string{"PER Jordan: Jordan", "PER Jordan Vale: Jordan Vale"},
			lacks:  []string{"LOC Jordan: Jordan"},
			quotes: []string{"“It is a good day.” => Jordan"}},
		{name: "relabel a mention joins the entity of that label and name",
			steps: []step{relabelMention("Portmoor", 2, ORG), relabelMention("Portmoor", 1, ORG)},
			has:   []string{"ORG Portmoor: Portmoor, Portmoor", "LOC PORTMOOR: PORTMOOR"}},
		{name: "relabel an entity",
			steps:  []step{relabelEntity("Jordan", LOC, PER)},
			has:    []string{"PER Jordan: Jordan"},
			lacks:  []string{"LOC Jordan: Jordan"},
			quotes: []string{"“It is a good day.” => Jordan"}},
		{name: "relabel an entity joins the entity of that label and name",
			steps: []step{relabelMention("PORTMOOR", 1, ORG), relabelEntity("Portmoor", LOC, ORG)},
			has:   []string{"ORG Portmoor: Portmoor, PORTMOOR, Portmoor"},
			lacks: []string{"LOC Portmoor: Portmoor, Portmoor"}},
		{name: "merge moves the quotes' speaker",
			steps:  []step{merge("Jordan", LOC, "Jordan Vale", PER)},
			has:    []string{"PER Jordan Vale: Jordan Vale, Jordan"},
			lacks:  []string{"LOC Jordan: Jordan"},
			quotes: []string{"“It is a good day.” => Jordan Vale", "talks went well => Jordan Vale"}},
		{name: "merge into an entity of another label takes its label",
			steps: []step{merge("Tuesday", DATE, "March 3, 2024", DATE), merge("Acme Corp", ORG, "Portmoor", LOC)},
			has:   []string{"DATE March 3, 2024: March 3, 2024, Tuesday", "LOC Portmoor: Portmoor, PORTMOOR, Portmoor, Acme Corp, Acme"}},
		{name: "split a mention off: its quote goes with its words",
			steps:  []step{split("Mr Kim", 1)},
			has:    []string{"PER Kim Jong-un: Kim Jong-un", "PER Kim: Mr Kim"},
			quotes: []string{"the pier would open in May => Kim"}},
		{name: "remove a false entity: the words' key terms come back",
			steps: []step{removeEntity("Facebook Share", ORG)},
			lacks: []string{"ORG Facebook Share: Facebook Share"},
			terms: []string{"facebook"}},
		{name: "remove an entity that speaks: its quote keeps the words",
			steps:  []step{removeEntity("Ana Ruiz", PER)},
			lacks:  []string{"PER Ana Ruiz: Ana Ruiz, Ruiz"},
			quotes: []string{"“We will build the pier,” => words Ruiz"}},
		{name: "remove a mention: the entity keeps its quote",
			steps:  []step{removeMention("Ruiz", 2)},
			has:    []string{"PER Ana Ruiz: Ana Ruiz"},
			quotes: []string{"“We will build the pier,” => Ana Ruiz"}},
		{name: "remove an entity's only mention removes the entity",
			steps: []step{removeMention("Tuesday", 1)},
			lacks: []string{"DATE Tuesday: Tuesday"}},
		{name: "add a missed entity: it speaks the quote its words attributed",
			steps:  []step{add("harbour board", 1, 0, 0, ORG)},
			has:    []string{"ORG harbour board: harbour board"},
			quotes: []string{"the costs had doubled => harbour board"}},
		{name: "add snaps a sloppy selection to whole words",
			steps: []step{add(" reporters that", 1, 3, 5, MISC)},
			has:   []string{"MISC reporters: reporters"}},
		{name: "add over mentions replaces them",
			steps:  []step{add("Jordan Vale of Acme Corp", 1, 0, 0, PER)},
			has:    []string{"PER Jordan Vale of Acme Corp: Jordan Vale of Acme Corp", "ORG Acme: Acme"},
			lacks:  []string{"PER Jordan Vale: Jordan Vale"},
			quotes: []string{"talks went well => Jordan Vale of Acme Corp"}},
		{name: "add to an entity",
			steps:  []step{addTo("board", 1, "Acme Corp", ORG)},
			has:    []string{"ORG Acme Corp: board, Acme Corp, Acme"},
			quotes: []string{"the costs had doubled => Acme Corp"}},
		{name: "add over a mention of another label relabels it",
			steps: []step{add("Jordan", 2, 0, 0, PER)},
			has:   []string{"PER Jordan: Jordan"},
			lacks: []string{"LOC Jordan: Jordan"}},
		{name: "add a date: it gets its value",
			steps: []step{removeMention("May", 1), add("in May", 1, 0, 0, DATE)},
			has:   []string{"DATE in May: in May"}},
		{name: "set a quote's speaker",
			steps:  []step{setSpeaker("the costs", "Acme Corp", ORG)},
			quotes: []string{"the costs had doubled => Acme Corp"}},
		{name: "remove a quote's speaker",
			steps:  []step{removeSpeaker("“We will")},
			quotes: []string{"“We will build the pier,” => nobody"}},
		{name: "a speaker set by hand survives a split of its old words",
			steps:  []step{setSpeaker("the pier", "Ana Ruiz", PER), split("Mr Kim", 1)},
			quotes: []string{"the pier would open in May => Ana Ruiz"}},
		{name: "merge after split: the split entity goes back",
			steps: []step{split("Mr Kim", 1), merge("Kim", PER, "Kim Jong-un", PER)},
			has:   []string{"PER Kim Jong-un: Kim Jong-un, Mr Kim"}},
	}
	base := correctionBase(t)
	baseJSON := resultJSON(t, base.Result())
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ed, err := NewEditor(base, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var states []string
			for _, s := range tc.steps {
				states = append(states, resultJSON(t, ed.Result()))
				if err := ed.Do(s(t, ed.Corrector())); err != nil {
					t.Fatalf("Do: %v", err)
				}
			}
			r := ed.Result()
			checkDocumentInvariants(t, ed.Document())
			checkSpeakers(t, r)
			lines, quotes := entityLines(r), speakerLines(r)
			for _, l := range tc.has {
				if !slices.Contains(lines, l) {
					t.Errorf("no entity %q in\n%s", l, strings.Join(lines, "\n"))
				}
			}
			for _, l := range tc.lacks {
				if slices.Contains(lines, l) {
					t.Errorf("entity %q still there", l)
				}
			}
			for _, q := range tc.quotes {
				if !slices.Contains(quotes, q) {
					t.Errorf("no quote %q in\n%s", q, strings.Join(quotes, "\n"))
				}
			}
			for _, term := range tc.terms {
				if !slices.ContainsFunc(r.Terms, func(x TermResult) bool { return x.Stem == term }) {
					t.Errorf("no key term %q in %+v", term, r.Terms)
				}
			}
			if len(r.Corrections) != len(tc.steps) {
				t.Fatalf("result lists %d corrections, want %d", len(r.Corrections), len(tc.steps))
			}
			after := resultJSON(t, r)

			// Applied again to its own result, the list changes nothing; and
			// applied again to the base, it gives the same.
			again, err := ApplyCorrections(ed.Document(), ed.Corrections(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := resultJSON(t, again.Result()); got != after {
				t.Errorf("not idempotent:\n%s\nthen\n%s", after, got)
			}
			// A run of the analyzer that found what the corrections make
			// (their record dropped): they change nothing more.
			found := *ed.Document()
			found.Corrections = nil
			redone, err := ApplyCorrections(&found, ed.Corrections(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := annotationsJSON(t, redone), annotationsJSON(t, ed.Document()); got != want {
				t.Errorf("applied to a document that has them, the corrections change it:\n%s\n%s", want, got)
			}
			for _, c := range redone.Corrections {
				if c.Stale != "" {
					t.Errorf("applied to a document that has them: %s", c)
				}
			}
			fresh, err := ApplyCorrections(base, ed.Corrections(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := resultJSON(t, fresh.Result()); got != after {
				t.Errorf("the stored list gives another result:\n%s\nnot\n%s", got, after)
			}

			for i := len(tc.steps) - 1; i >= 0; i-- {
				if !ed.Undo() {
					t.Fatal("nothing to undo")
				}
				if got := resultJSON(t, ed.Result()); got != states[i] {
					t.Errorf("undo %d gives\n%s\nnot\n%s", i+1, got, states[i])
				}
			}
			if ed.Undo() || ed.CanUndo() {
				t.Error("undo past the first correction")
			}
			if got := resultJSON(t, ed.Result()); got != baseJSON {
				t.Errorf("all undone, the result is not the analyzer's")
			}
			for range tc.steps {
				if !ed.Redo() {
					t.Fatal("nothing to redo")
				}
			}
			if ed.Redo() {
				t.Error("redo past the last correction")
			}
			if got := resultJSON(t, ed.Result()); got != after {
				t.Errorf("redo gives\n%s\nnot\n%s", got, after)
			}
		})
	}
}

// checkSpeakers checks that every quote's speaker is an entity of the
// result and every correction is either applied or says why not.
func checkSpeakers(t testing.TB, r *Result) {
	t.Helper()
	ids := map[string]bool{}
	for _, e := range r.Entities {
		ids[e.ID] = true
	}
	for _, q := range r.Quotes {
		if q.Speaker != "" && !ids[q.Speaker] {
			t.Fatalf("quote %q has speaker %s, not an entity", q.Text, q.Speaker)
		}
	}
}
