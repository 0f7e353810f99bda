//go:build !wasm

package browsertest

import (
	"strings"
	"testing"
)

// WorkerPacks checks the analyzer's Web Worker (site.Config.AnalyzerWorker)
// with language packs: it fetches English's, with the name lists, before
// saying it is ready, and another language's when a text in it comes, so
// that its names are highlighted as the page's own analyzer would.
func WorkerPacks(t *testing.T, b *Browser, appURL string) {
	p := Open(t, b, appURL)
	Poll[bool](p, `document.getElementById("annotator").dataset.worker === "ready"`)
	if e := Eval[string](p, `document.getElementById("annotator").dataset.namesError || ""`); e != "" {
		t.Fatalf("the worker could not load the names: %s", e)
	}
	for _, c := range []struct{ text, lang, person string }{
		{earlyArticle, "en", "Anna Berg"},
		{spanishText, "es", "Villalobos"},
	} {
		run, _ := p.Paste(c.text)
		if run.State != "done" || run.Lang != c.lang {
			t.Errorf("%s in the worker: state %q, language %q", c.lang, run.State, run.Lang)
			continue
		}
		found := false
		for _, m := range p.Marks() {
			found = found || m.Label == "PER" && strings.Contains(m.Text, c.person)
		}
		if !found {
			t.Errorf("%s in the worker: %s is not highlighted as a person: %v", c.lang, c.person, p.Marks())
		}
	}
	if Eval[string](p, `document.getElementById("annotator").dataset.workerMemory || ""`) == "" {
		t.Error("the runs did not go through the worker (no data-worker-memory)")
	}
}
