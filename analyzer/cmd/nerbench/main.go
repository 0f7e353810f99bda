// Command nerbench compares the analyzer's named-entity recognition with
// compromise, the best-known in-browser peer, on the same CoNLL documents:
// F1 (exact span and type, like nereval) and speed, side by side.
//
//	go run ./analyzer/cmd/nerbench ../shared/data/conll2003/eng.testa
//
// compromise is installed with npm into a scratch temp folder for the run
// and removed after: it is no dependency of the project. Its people(),
// places() and organizations() give PER, LOC and ORG (it has no MISC), so
// the comparison is on PER/LOC/ORG. Our speed is measured natively and,
// with -wasm, as WebAssembly under Node (what compromise runs in too); make
// bench also times the wasm in Chromium.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"time"

	"annotator/analyzer"
	"annotator/analyzer/conll"
)

func main() {
	version := flag.String("compromise", "14.17.0", "compromise version to install from npm")
	wasm := flag.Bool("wasm", true, "also time our pipeline as WebAssembly under Node")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: nerbench [-compromise VERSION] [-wasm=false] FILE")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, flag.Arg(0), *version, *wasm); err != nil {
		fmt.Fprintln(os.Stderr, "nerbench:", err)
		os.Exit(1)
	}
}

// result is one system's scores and speed.
type result struct {
	name     string
	score    conll.Score
	tokensPS float64
}

func run(w io.Writer, path, version string, wasm bool) error {
	docs, err := conll.ReadFile(path)
	if err != nil {
		return err
	}
	tokens := 0
	for _, d := range docs {
		for _, s := range d.Sentences {
			tokens += len(s)
		}
	}
	fmt.Fprintf(w, "%s: %d documents, %d tokens\n", path, len(docs), tokens)

	ours, err := timeOurs(docs, tokens)
	if err != nil {
		return err
	}
	results := []result{ours}
	if wasm {
		r, err := oursWasm(path)
		if err != nil {
			fmt.Fprintf(w, "(our wasm under Node skipped: %v)\n", err)
		} else {
			r.score = ours.score
			results = append(results, r)
		}
	}
	comp, err := timeCompromise(docs, tokens, version)
	if err != nil {
		return fmt.Errorf("compromise: %w", err)
	}
	results = append(results, comp)

	fmt.Fprintf(w, "%-28s %8s %8s %8s %8s %12s\n", "system", "PER", "LOC", "ORG", "P/L/O", "tokens/s")
	for _, r := range results {
		fmt.Fprintf(w, "%-28s %8.2f %8.2f %8.2f %8.2f %12.0f\n", r.name,
			r.score.Total("PER").F1(), r.score.Total("LOC").F1(), r.score.Total("ORG").F1(),
			r.score.Total("PER", "LOC", "ORG").F1(), r.tokensPS)
	}
	fmt.Fprintf(w, "F1 on PER/LOC/ORG: ours %.2f vs compromise %.2f (+%.2f points)\n",
		ours.score.Total("PER", "LOC", "ORG").F1(), comp.score.Total("PER", "LOC", "ORG").F1(),
		ours.score.Total("PER", "LOC", "ORG").F1()-comp.score.Total("PER", "LOC", "ORG").F1())
	for _, r := range results[:len(results)-1] {
		fmt.Fprintf(w, "speed: %s is %.1fx compromise\n", r.name, r.tokensPS/comp.tokensPS)
	}
	return nil
}

// timeOurs annotates every rebuilt document through the full pipeline, a
// warm-up round first, on one core.
func timeOurs(docs []conll.Document, tokens int) (result, error) {
	runtime.GOMAXPROCS(1)
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.Rebuild().Text
	}
	if _, err := analyzer.Annotate(texts[0], analyzer.Options{}); err != nil {
		return result{}, err
	}
	start := time.Now()
	for _, t := range texts {
		if _, err := analyzer.Annotate(t, analyzer.Options{}); err != nil {
			return result{}, err
		}
	}
	took := time.Since(start)
	score, _, err := conll.Evaluate(docs, analyzer.Options{})
	if err != nil {
		return result{}, err
	}
	return result{"ours (native, 1 core)", score, float64(tokens) / took.Seconds()}, nil
}

// oursWasm runs nereval compiled to WebAssembly under Node and reads its
// tokens/s.
func oursWasm(path string) (result, error) {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return result{}, err
	}
	execWrapper := filepath.Join(string(bytes.TrimSpace(goroot)), "lib", "wasm", "go_js_wasm_exec")
	abs, err := filepath.Abs(path)
	if err != nil {
		return result{}, err
	}
	cmd := exec.Command("go", "run", "-exec", execWrapper, "./analyzer/cmd/nereval", abs)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return result{}, err
	}
	m := regexp.MustCompile(`([0-9.]+) tokens/s`).FindSubmatch(out)
	if m == nil {
		return result{}, fmt.Errorf("no tokens/s in nereval's output")
	}
	tps, _ := strconv.ParseFloat(string(m[1]), 64)
	return result{name: "ours (wasm in Node)", tokensPS: tps}, nil
}

// compromiseScript annotates the documents given as a JSON array of
// strings and prints the time taken and the mentions as byte offsets.
const compromiseScript = `
const nlp = require('compromise');
const texts = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const run = (t) => {
  const d = nlp(t);
  return [[d.people(), 'PER'], [d.places(), 'LOC'], [d.organizations(), 'ORG']]
    .map(([m, label]) => [label, m.json({offset: true})]);
};
for (const t of texts.slice(0, 20)) run(t); // warm up the JIT
const start = process.hrtime.bigint();
const found = texts.map(run);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const mentions = [];
found.forEach((groups, doc) => {
  const text = texts[doc];
  for (const [label, list] of groups) {
    for (const m of list) {
      let s = m.offset.start, e = s + m.offset.length;
      while (e > s && /[\s.,;:!?'")\]]/.test(text[e - 1])) e--; // trailing punctuation is not the name
      mentions.push([doc, Buffer.byteLength(text.slice(0, s)), Buffer.byteLength(text.slice(0, e)), label]);
    }
  }
});
process.stdout.write(JSON.stringify({ms, mentions}));
`

func timeCompromise(docs []conll.Document, tokens int, version string) (result, error) {
	dir, err := os.MkdirTemp("", "nerbench-compromise-")
	if err != nil {
		return result{}, err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"private":true}`), 0o644); err != nil {
		return result{}, err
	}
	install := exec.Command("npm", "install", "--no-audit", "--no-fund", "--silent", "compromise@"+version)
	install.Dir, install.Stderr = dir, os.Stderr
	if err := install.Run(); err != nil {
		return result{}, fmt.Errorf("npm install compromise@%s: %w", version, err)
	}
	texts := make([]conll.Text, len(docs))
	plain := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.Rebuild()
		plain[i] = texts[i].Text
	}
	data, err := json.Marshal(plain)
	if err != nil {
		return result{}, err
	}
	input := filepath.Join(dir, "texts.json")
	script := filepath.Join(dir, "run.js")
	if err := os.WriteFile(input, data, 0o644); err != nil {
		return result{}, err
	}
	if err := os.WriteFile(script, []byte(compromiseScript), 0o644); err != nil {
		return result{}, err
	}
	node := exec.Command("node", script, input)
	node.Dir, node.Stderr = dir, os.Stderr
	out, err := node.Output()
	if err != nil {
		return result{}, fmt.Errorf("node: %w", err)
	}
	var res struct {
		MS       float64
		Mentions [][4]any
	}
	if err := json.NewDecoder(bufio.NewReader(bytes.NewReader(out))).Decode(&res); err != nil {
		return result{}, fmt.Errorf("reading node's output: %w", err)
	}
	pred := make([][]conll.Chunk, len(docs))
	for _, m := range res.Mentions {
		doc, start, end := int(m[0].(float64)), int(m[1].(float64)), int(m[2].(float64))
		if first, last, ok := texts[doc].TokenRange(start, end); ok {
			pred[doc] = append(pred[doc], conll.Chunk{Start: first, End: last, Type: m[3].(string)})
		}
	}
	score := conll.Score{}
	for i, d := range docs {
		score.Add(d.GoldChunks(), dedupe(pred[i]))
	}
	return result{"compromise " + version + " (Node)", score, float64(tokens) / (res.MS / 1000)}, nil
}

// dedupe drops repeated chunks (compromise may list a span under two
// methods' matches with the same type).
func dedupe(cs []conll.Chunk) []conll.Chunk {
	seen := make(map[conll.Chunk]bool, len(cs))
	out := cs[:0]
	for _, c := range cs {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}
