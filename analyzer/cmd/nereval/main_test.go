package main

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"testing"
)

// devBar is the lowest eng.testa F1 (4 types, full pipeline) the tagger may
// score; issue 3 targets 93.
const devBar = 93.0

func f1Of(t *testing.T, out string) float64 {
	t.Helper()
	m := regexp.MustCompile(`(?m)^F1=([0-9.]+)\n\z`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no final F1= line in:\n%s", out)
	}
	f, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestDevSet(t *testing.T) {
	const path = "../../../../shared/data/conll2003/eng.testa"
	if _, err := os.Stat(path); err != nil {
		// CI has ../shared beside the project: there the bar must be
		// checked, never skipped.
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is absent, and CI=true: the F1 bar cannot be checked", path)
		}
		t.Skipf("skipping: %s is absent (it is in ../shared beside the project, as in CI)", path)
	}
	var out bytes.Buffer
	if err := run(&out, "en", []string{path}); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", out.String())
	for _, typ := range []string{"PER ", "LOC ", "ORG ", "MISC ", "PER/LOC/ORG "} {
		if !bytes.Contains(out.Bytes(), []byte("\n"+typ)) {
			t.Errorf("no %q line", typ)
		}
	}
	if f := f1Of(t, out.String()); f < devBar {
		t.Errorf("eng.testa F1 = %.2f, below the bar %.2f", f, devBar)
	}
}

// langBars are the lowest dev F1 (4 types, full pipeline) each language's
// tagger may score: the level its committed model reached, less one point
// (README's results table).
var langBars = map[string]float64{"es": 77.7, "fr": 88.1, "ru": 76.2, "sv": 61.7, "no": 84.3, "hu": 79.6}

// TestLanguageDevSets scores each language's model on its dev split (no
// training: evaluation only) against its bar.
func TestLanguageDevSets(t *testing.T) {
	for _, code := range []string{"es", "fr", "ru", "sv", "no", "hu"} {
		t.Run(code, func(t *testing.T) {
			path := "../../../../shared/data/ner/" + code + "/dev.conll"
			if _, err := os.Stat(path); err != nil {
				if os.Getenv("CI") == "true" {
					t.Fatalf("%s is absent, and CI=true: the F1 bar cannot be checked", path)
				}
				t.Skipf("skipping: %s is absent (it is in ../shared beside the project, as in CI)", path)
			}
			bar, ok := langBars[code]
			if !ok {
				t.Fatalf("no bar for %s", code)
			}
			var out bytes.Buffer
			if err := run(&out, code, []string{path}); err != nil {
				t.Fatal(err)
			}
			t.Logf("\n%s", out.String())
			if f := f1Of(t, out.String()); f < bar {
				t.Errorf("%s dev F1 = %.2f, below the bar %.2f", code, f, bar)
			}
		})
	}
}

func TestSmallFile(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, "en", []string{"testdata/iob2.txt"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("2 documents, 0 passages, 27 tokens")) {
		t.Errorf("want 2 documents of 27 tokens, got:\n%s", out.String())
	}
	// Plain names in plain sentences: the tagger should get nearly all.
	if f := f1Of(t, out.String()); f < 70 {
		t.Errorf("F1 = %.2f on an easy file:\n%s", f, out.String())
	}
}

func TestErrors(t *testing.T) {
	for _, paths := range [][]string{{"testdata/missing.txt"}, {"main.go"}} {
		var out bytes.Buffer
		if err := run(&out, "en", paths); err == nil {
			t.Errorf("run(%v): no error", paths)
		}
	}
}

// proxyBar is the lowest F1 the pipeline may score on the proxy set,
// passages in the style of 2020s news written for this project (issue 10;
// 84.16 with the committed model, 82.18 before that issue).
const proxyBar = 82.0

func TestProxySet(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, "en", []string{"../../testdata/proxy-news.marked"}); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", out.String())
	if !bytes.Contains(out.Bytes(), []byte(" 38 passages")) {
		t.Errorf("want the 38 passages read, got:\n%s", out.String())
	}
	if f := f1Of(t, out.String()); f < proxyBar {
		t.Errorf("proxy set F1 = %.2f, below the bar %.2f", f, proxyBar)
	}
}
