package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"annotator/analyzer"
)

func runAnnotate(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestJSONSchemaFromStdin(t *testing.T) {
	text := "“We want peace,” Kim Jong-un said on June 19th, 2018, as talks 😀 in 北京 went on. Growth was 3.5% or $2bn."
	code, out, errOut := runAnnotate(t, text)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	for _, f := range []string{"lang", "sentences", "entities", "terms", "quotes", "stats"} {
		if _, ok := raw[f]; !ok {
			t.Errorf("missing field %q", f)
		}
	}
	var r analyzer.Result
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Lang != "en" || r.Stats.Words == 0 || len(r.Sentences) == 0 {
		t.Errorf("lang %q, stats %+v, %d sentences", r.Lang, r.Stats, len(r.Sentences))
	}
	// JavaScript slices strings in UTF-16 code units: u16 offsets must cut the
	// same text as the byte offsets, emoji and CJK before them included.
	u16 := utf16.Encode([]rune(text))
	labels := map[analyzer.Label]bool{}
	found := map[string]bool{}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			found[m.Text] = true
		}
	}
	// The mentions' texts, as written in the input (the byte offsets below
	// must cut them out of it).
	for _, want := range []string{"Kim Jong-un", "June 19th, 2018", "3.5%", "$2bn"} {
		if !found[want] {
			t.Errorf("no mention %q among %v", want, found)
		}
	}
	for _, e := range r.Entities {
		if e.ID == "" || e.Name == "" || len(e.Mentions) == 0 {
			t.Errorf("incomplete entity %+v", e)
		}
		labels[e.Label] = true
		for _, m := range e.Mentions {
			if got := text[m.Start:m.End]; got != m.Text {
				t.Errorf("bytes [%d,%d) = %q, text %q", m.Start, m.End, got, m.Text)
			}
			if got := string(utf16.Decode(u16[m.U16Start:m.U16End])); got != m.Text {
				t.Errorf("utf16 [%d,%d) = %q, text %q", m.U16Start, m.U16End, got, m.Text)
			}
		}
	}
	for _, l := range []analyzer.Label{analyzer.DATE, analyzer.PERCENT, analyzer.MONEY} {
		if !labels[l] {
			t.Errorf("no %s entity in %s", l, out)
		}
	}
	if len(r.Quotes) != 1 || r.Quotes[0].Text != "“We want peace,”" {
		t.Errorf("quotes = %+v", r.Quotes)
	}
}

func TestJSONLinesInFileOrder(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i, text := range []string{"First file about Paris.", "Second file, in 2019.", "Third."} {
		p := filepath.Join(dir, []string{"b.txt", "a.txt", "c.txt"}[i])
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	code, out, errOut := runAnnotate(t, "", append([]string{"-format", "jsonl"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3:\n%s", len(lines), out)
	}
	wantWords := []int{4, 4, 1}
	for i, line := range lines {
		var r analyzer.Result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if r.Stats.Words != wantWords[i] {
			t.Errorf("line %d has %d words, want %d (files out of order?)", i+1, r.Stats.Words, wantWords[i])
		}
	}
}

func TestLanguageFlag(t *testing.T) {
	code, out, _ := runAnnotate(t, "Las negociaciones continúan.", "-lang", "es")
	if code != 0 || !strings.Contains(out, `"lang": "es"`) || !strings.Contains(out, `"stem": "negoci"`) {
		t.Errorf("exit %d, output %s", code, out)
	}
}

func TestHTMLEscapesText(t *testing.T) {
	code, out, _ := runAnnotate(t, "<script>alert(1)</script> on June 19th, 2018", "-format", "html")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if strings.Contains(out, "<script>") || !strings.Contains(out, "&lt;script&gt;") {
		t.Errorf("markup in the text was not escaped:\n%s", out)
	}
	if !strings.Contains(out, `<mark class="entity" data-label="DATE"`) {
		t.Errorf("no DATE mark:\n%s", out)
	}
}

func TestErrorsPrintNothingOnStdout(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	binary := filepath.Join(dir, "image.png")
	os.WriteFile(good, []byte("A good file."), 0o644)
	os.WriteFile(bad, []byte("bad \xff\xfe bytes"), 0o644)
	os.WriteFile(binary, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	tests := []struct {
		name    string
		stdin   string
		args    []string
		wantErr string
	}{
		{"invalid utf-8 on stdin", "caf\xe9", nil, "not valid UTF-8"},
		{"invalid utf-8 in a later file", "", []string{"-format", "jsonl", good, bad}, "bad.txt: text is not valid UTF-8"},
		{"binary file", "", []string{binary}, "binary"},
		{"missing file", "", []string{good, filepath.Join(dir, "missing.txt")}, "missing.txt"},
		{"directory", "", []string{dir}, "is a directory"},
		{"unknown language", "text", []string{"-lang", "xx"}, "unsupported language"},
		{"unknown format", "text", []string{"-format", "xml"}, "unknown format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runAnnotate(t, tt.stdin, tt.args...)
			if code == 0 || out != "" || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want non-zero, nothing, %q", code, out, errOut, tt.wantErr)
			}
		})
	}
}

func TestWebAnnotationFormat(t *testing.T) {
	code, out, errOut := runAnnotate(t, "Talks resumed on June 19th, 2018 in 北京.", "-format", "jsonld")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var c analyzer.AnnotationCollection
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if c.Context != analyzer.WebAnnotationContext || c.Total == 0 || c.First.Items[0].Target.Selector[0].Exact != "June 19th, 2018" {
		t.Errorf("collection %s", out)
	}
}

func TestCorpusClusters(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday."), 0o644)
	os.WriteFile(b, []byte("Emmanuel Macron flew back to Paris from Berlin."), 0o644)
	code, out, errOut := runAnnotate(t, "", "-corpus", a, b)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Documents []string
		Clusters  []analyzer.Cluster
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) != 2 || got.Documents[0] != a {
		t.Errorf("corpus output %s", out)
	}
	shared := map[string]bool{}
	for _, c := range got.Clusters {
		if len(c.Documents) == 2 {
			shared[c.Name] = true
		}
	}
	if !shared["Emmanuel Macron"] || !shared["Berlin"] || shared["Angela Merkel"] {
		t.Errorf("clusters shared by both files %v, want Emmanuel Macron and Berlin only", shared)
	}
	code, _, errOut = runAnnotate(t, "", "-corpus", a, filepath.Join(dir, "missing"))
	if code == 0 || !strings.Contains(errOut, "missing") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
}

// -lang auto, the default, reads each file's language and says so; a text
// too short to tell falls back to -fallback, saying why; -lang is the
// user's choice.
func TestLanguageChoice(t *testing.T) {
	spanish := "El Gobierno anunció ayer que el nuevo puerto de la ciudad abrirá sus puertas en primavera, después de tres años de obras y retrasos."
	tests := []struct {
		name, in string
		args     []string
		want     []string
	}{
		{"detected", spanish, nil, []string{`"lang": "es"`, `"lang_source": "detected"`}},
		{"fallback", "Hola.", []string{"-fallback", "fr"}, []string{`"lang": "fr"`, `"lang_source": "fallback"`, `"lang_reason": "too short"`}},
		{"fallback to English", "OK", nil, []string{`"lang": "en"`, `"lang_source": "fallback"`}},
		{"user", spanish, []string{"-lang", "sv"}, []string{`"lang": "sv"`, `"lang_source": "user"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runAnnotate(t, tt.in, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %s:\n%.300s", w, out)
				}
			}
		})
	}
	if code, _, errOut := runAnnotate(t, "text", "-fallback", "xx"); code != 2 || !strings.Contains(errOut, "unsupported language") {
		t.Errorf("-fallback xx: exit %d, %q", code, errOut)
	}
}

// TestEveryFormatIsTheRegistrys runs every format of analyzer.Formats
// through the command line, on one file and on two, and compares the bytes
// with the format's own Write over the same articles.
func TestEveryFormatIsTheRegistrys(t *testing.T) {
	dir := t.TempDir()
	texts := []string{
		"Harbour talks open <b>today</b>\n\nElena Marquez met Jon Gunnarsson in Reykjavik on Tuesday, June 19th, 2018. \"We came to protect the families & boats who depend on the sea,\" Ms Marquez said.",
		"Jon Gunnarsson flew back to Reykjavik on Wednesday; fish prices rose 3.5%.",
	}
	var files []string
	var articles []analyzer.Article
	for i, text := range texts {
		name := filepath.Join(dir, []string{"talks.txt", "flight.txt"}[i])
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		doc, err := analyzer.Annotate(text, analyzer.Options{Lang: analyzer.LangAuto})
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
		articles = append(articles, analyzer.Article{Name: name, Doc: doc})
	}
	for _, f := range analyzer.Formats() {
		for n := 1; n <= len(files); n++ {
			var want bytes.Buffer
			if err := f.Write(&want, articles[:n]); err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			code, out, errOut := runAnnotate(t, "", append([]string{"-format", f.Name}, files[:n]...)...)
			if code != 0 || out != want.String() {
				t.Errorf("annotate -format %s with %d files: exit %d (%s), %d bytes; the registry writes %d", f.Name, n, code, errOut, len(out), want.Len())
			}
		}
	}
	// -corpus is -format corpus.
	_, viaFlag, _ := runAnnotate(t, "", append([]string{"-corpus"}, files...)...)
	_, viaFormat, _ := runAnnotate(t, "", append([]string{"-format", "corpus"}, files...)...)
	if viaFlag != viaFormat || viaFlag == "" {
		t.Error("-corpus and -format corpus differ")
	}
}

// -corrections applies a list to the input, the same code as the app's:
// the output has the corrected entities and the corrections; exported, it
// can be applied again; a stale one is reported and changes nothing.
func TestCorrectionsFlag(t *testing.T) {
	dir := t.TempDir()
	text := "Ana Ruiz met Dara Quell in Portmoor. “We will build the pier,” Ruiz said.\n"
	article := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runAnnotate(t, "", article)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var plain analyzer.Result
	if err := json.Unmarshal([]byte(out), &plain); err != nil {
		t.Fatal(err)
	}
	var ruiz analyzer.EntityResult
	for _, e := range plain.Entities {
		if e.Name == "Ana Ruiz" {
			ruiz = e
		}
	}
	if ruiz.ID == "" {
		t.Fatalf("no Ana Ruiz in %s", out)
	}
	c, err := analyzer.Corrector{Text: text, Result: &plain}.RemoveEntity(ruiz.ID)
	if err != nil {
		t.Fatal(err)
	}
	stale := analyzer.Correction{Op: analyzer.Split, Mention: &analyzer.TextAnchor{Text: "Nobody", Start: 3}}
	list, _ := json.Marshal(analyzer.Corrections{c, stale})
	file := filepath.Join(dir, "corrections.json")
	if err := os.WriteFile(file, list, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runAnnotate(t, "", "-corrections", file, article)
	if code != 0 || !strings.Contains(errOut, "correction 2 (split the mention “Nobody” off its entity) no longer applies") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var corrected analyzer.Result
	if err := json.Unmarshal([]byte(out), &corrected); err != nil {
		t.Fatal(err)
	}
	for _, e := range corrected.Entities {
		if e.Name == "Ana Ruiz" {
			t.Errorf("Ana Ruiz still there: %s", out)
		}
	}
	if len(corrected.Corrections) != 2 || corrected.Corrections[0].Stale != "" || corrected.Corrections[1].Stale == "" {
		t.Errorf("corrections %+v", corrected.Corrections)
	}
	if len(corrected.Quotes) != 1 || corrected.Quotes[0].Speaker != "" || corrected.Quotes[0].SpeakerText != "Ruiz" {
		t.Errorf("the quote of a removed entity: %+v", corrected.Quotes)
	}
	// The output, given as the corrections, gives the same output.
	exported := filepath.Join(dir, "exported.json")
	if err := os.WriteFile(exported, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, again, _ := runAnnotate(t, "", "-corrections", exported, article); code != 0 || again != out {
		t.Errorf("exit %d; applied from its own output:\n%s\nnot\n%s", code, again, out)
	}
	// Every format shows them: HTML lists them, JSON-LD has the corrected
	// annotations.
	if code, page, _ := runAnnotate(t, "", "-corrections", file, "-format", "html", article); code != 0 || !strings.Contains(page, `<section class="corrections">`) || !strings.Contains(page, "Removed “Ana Ruiz” (PER)") {
		t.Errorf("exit %d, HTML without its corrections:\n%s", code, page)
	}
	if code, ld, _ := runAnnotate(t, "", "-corrections", file, "-format", "jsonld", article); code != 0 || strings.Contains(ld, "Ana Ruiz (") {
		t.Errorf("exit %d, JSON-LD still names the removed entity:\n%s", code, ld)
	}
	for _, bad := range []struct{ data, says string }{
		{`[{"op":"merge"}]`, "entity is missing"},
		{`not json`, "invalid corrections"},
	} {
		if err := os.WriteFile(file, []byte(bad.data), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, out, errOut := runAnnotate(t, "", "-corrections", file, article); code != 1 || out != "" || !strings.Contains(errOut, bad.says) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", bad.data, code, out, errOut)
		}
	}
	if code, _, errOut := runAnnotate(t, "", "-corrections", file, article, article); code != 2 || !strings.Contains(errOut, "one input") {
		t.Errorf("two inputs: exit %d, %q", code, errOut)
	}
}
