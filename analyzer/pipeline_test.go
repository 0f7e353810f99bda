package analyzer

import (
	"errors"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestStagesInOrder(t *testing.T) {
	want := []string{"tokenize", "sentences", "stems", "names", "numbers", "mentions",
		"dates", "entities", "salience", "quotes", "terms", "stats"}
	if got := Stages(); !slices.Equal(got, want) {
		t.Errorf("Stages() = %q, want %q", got, want)
	}
	if chunkStages != 6 {
		t.Errorf("%d chunk stages, want tokenize to mentions", chunkStages)
	}
	seen := map[string]bool{}
	for _, s := range pipeline {
		if seen[s.name] || s.run == nil {
			t.Errorf("stage %q is repeated or runs nothing", s.name)
		}
		seen[s.name] = true
	}
}

// TestREADMEListsThePipeline keeps README's table of stages true to the
// pipeline: the same stages, in the same order, each on its scope.
func TestREADMEListsThePipeline(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(readme), "\n## How it works\n")
	section, _, _ = strings.Cut(section, "\n## ")
	var names, scopes []string
	for _, m := range regexp.MustCompile("(?m)^\\| `?([a-z]+)`? \\| (each chunk|the document) \\|").FindAllStringSubmatch(section, -1) {
		names, scopes = append(names, m[1]), append(scopes, m[2])
	}
	if !slices.Equal(names, Stages()) {
		t.Errorf("README's pipeline table lists %q, the pipeline runs %q", names, Stages())
	}
	for i, s := range pipeline {
		if want := map[scope]string{perChunk: "each chunk", perDocument: "the document"}[s.scope]; i < len(scopes) && scopes[i] != want {
			t.Errorf("README says %s runs on %s, it runs on %s", s.name, scopes[i], want)
		}
	}
}

// TestJobNamesItsStages steps a text of three chunks and checks the stage
// each step announces: the chunk stages three times, then the document
// stages, then nothing.
func TestJobNamesItsStages(t *testing.T) {
	paragraph := strings.Repeat("Talks resumed in Reykjavik on Tuesday, and Elena Marquez said so. ", 12) + "\n\n"
	text := strings.Repeat(paragraph, 3)
	job, err := Start(text, Options{Names: noNames{}, ChunkBytes: len(paragraph) - 10})
	if err != nil {
		t.Fatal(err)
	}
	var stages []string
	var progress []float64
	for {
		stages = append(stages, job.Stage())
		done := job.Step()
		progress = append(progress, job.Progress())
		if done {
			break
		}
	}
	var want []string
	for range 3 {
		want = append(want, Stages()[:chunkStages]...)
	}
	want = append(want, Stages()[chunkStages:]...)
	if !slices.Equal(stages, want) {
		t.Errorf("the job ran\n%q\nwant\n%q", stages, want)
	}
	if job.Stage() != "" || !job.Step() || job.Document() == nil {
		t.Error("a finished job names a stage, has more steps or no document")
	}
	for i := 1; i < len(progress); i++ {
		if progress[i] <= progress[i-1] {
			t.Fatalf("progress %v does not grow at step %d", progress, i)
		}
	}
	if progress[len(progress)-1] != 1 {
		t.Errorf("progress ends at %v", progress[len(progress)-1])
	}
}

func TestEmptyTextRunsTheDocumentStages(t *testing.T) {
	job, err := Start("", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var stages []string
	for job.Stage() != "" {
		stages = append(stages, job.Stage())
		job.Step()
	}
	if !slices.Equal(stages, Stages()[chunkStages:]) {
		t.Errorf("an empty text ran %q", stages)
	}
	doc := job.Document()
	if doc == nil || len(doc.Tokens) != 0 || doc.Stats.Words != 0 || job.Progress() != 1 {
		t.Errorf("empty text: %+v, progress %v", doc, job.Progress())
	}
}

// TestAnnotateIsTheJobsSteps checks that Annotate and a job stepped by hand
// give the same document, for an article (one chunk) and a long text.
func TestAnnotateIsTheJobsSteps(t *testing.T) {
	texts := sampleTexts(t)
	texts["long"] = longSampleText(t, 2*ChunkBytes+1000)
	for name, text := range texts {
		t.Run(name, func(t *testing.T) {
			want, err := Annotate(text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			job, err := Start(text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			steps := 1
			for !job.Step() {
				steps++
			}
			if !reflect.DeepEqual(job.Document(), want) {
				t.Error("the job's document differs from Annotate's")
			}
			chunks := (steps - (len(pipeline) - chunkStages)) / chunkStages
			if name == "long" && chunks < 3 || name != "long" && chunks != 1 {
				t.Errorf("%d steps: %d chunks of %d bytes", steps, chunks, len(text))
			}
		})
	}
}

// TestPausesChangeNothing checks that a job with Options.Pause pauses all
// along, in the chunk stages (the tagger included), the document stages
// and Result, and gives Annotate's document and result; and that a panic
// from Pause, the way a caller stops a run, comes out of Step.
func TestPausesChangeNothing(t *testing.T) {
	text := longSampleText(t, 2*ChunkBytes+1000)
	want, err := Annotate(text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	job, pauses := runCounting(t, text, func(o *Options, count func()) { o.Pause = count })
	res := job.Result()
	if !reflect.DeepEqual(job.Document(), want) || !reflect.DeepEqual(res, want.Result()) {
		t.Error("the paused job's document or result differs from Annotate's")
	}
	// Each long loop pauses once every pauseEvery items.
	for _, stage := range []string{"names", "numbers", "entities", "quotes", "terms", ""} {
		if pauses[stage] == 0 {
			t.Errorf("no pause in %q: %v", stage, pauses)
		}
	}
	if total := pauses["names"]; total < len(want.Tokens)/pauseEvery {
		t.Errorf("%d pauses in the names of %d tokens, want one every %d", total, len(want.Tokens), pauseEvery)
	}

	stop := errors.New("stopped")
	calls := 0
	job, _ = Start(text, Options{Pause: func() {
		if calls++; calls == 40 {
			panic(stop)
		}
	}})
	func() {
		defer func() {
			if r := recover(); r != stop {
				t.Errorf("Step panicked with %v, want the pause's panic", r)
			}
		}()
		for !job.Step() {
		}
		t.Error("the job went on after its pause panicked")
	}()
}

func TestJobChunksLikeOnePass(t *testing.T) {
	var sb strings.Builder
	for sb.Len() < 3*ChunkBytes {
		for _, text := range sampleTexts(t) {
			sb.WriteString(text)
			sb.WriteString("\n\n")
		}
	}
	sb.WriteString(strings.Repeat("no paragraph breaks here ", 2*ChunkBytes/25))
	text := sb.String()
	run := func(chunk int) (*Document, []float64) {
		job, err := Start(text, Options{Names: noNames{}, ChunkBytes: chunk})
		if err != nil {
			t.Fatal(err)
		}
		var progress []float64
		for !job.Step() {
			if job.Document() != nil {
				t.Fatal("document ready before the last step")
			}
			progress = append(progress, job.Progress())
		}
		return job.Document(), progress
	}
	whole, _ := run(len(text))
	chunked, progress := run(ChunkBytes)
	if len(progress) < 5 {
		t.Fatalf("%d steps for %d bytes, want chunks of about %d", len(progress)+1, len(text), ChunkBytes)
	}
	for i := 1; i < len(progress); i++ {
		if progress[i] <= progress[i-1] || progress[i] > 1 {
			t.Fatalf("progress %v does not grow", progress)
		}
	}
	checkDocumentInvariants(t, chunked)
	if !reflect.DeepEqual(whole.Tokens, chunked.Tokens) {
		t.Error("chunked tokens differ")
	}
	// The one sentence without paragraph breaks is cut at chunk ends; all
	// the others match.
	if d := len(chunked.Sentences) - len(whole.Sentences); d < 0 || d > 2 {
		t.Errorf("%d sentences chunked, %d whole", len(chunked.Sentences), len(whole.Sentences))
	}
	if !reflect.DeepEqual(whole.Result().Entities, chunked.Result().Entities) {
		t.Error("chunked entities differ")
	}
	if !reflect.DeepEqual(whole.Terms, chunked.Terms) || whole.Stats.Words != chunked.Stats.Words {
		t.Error("chunked terms or stats differ")
	}
}

// TestCollectTakesTheJobsCollections: a job over a long text calls
// Options.Collect where it collects its garbage (every collectEvery chunks
// and between document stages), and its result is Annotate's.
func TestCollectTakesTheJobsCollections(t *testing.T) {
	text := longSampleText(t, collectFrom+ChunkBytes)
	want, err := Annotate(text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	job, collected := runCounting(t, text, func(o *Options, count func()) { o.Collect = count })
	if !reflect.DeepEqual(job.Document(), want) {
		t.Error("the job's document differs from Annotate's")
	}
	// Between document stages (named by the stage that comes next; after
	// the last, what is kept is the caller's to say), once the chunks are
	// done ("dates") and every collectEvery chunks ("tokenize").
	for _, stage := range []string{"dates", "entities", "quotes", "terms", "stats"} {
		if collected[stage] != 1 {
			t.Errorf("%d collections before %q, want 1: %v", collected[stage], stage, collected)
		}
	}
	chunks := job.chunks
	if collected[""] != 0 || collected["tokenize"] != (chunks-1)/collectEvery {
		t.Errorf("collections %v over %d chunks, want %d between them and none after the last stage", collected, chunks, (chunks-1)/collectEvery)
	}
	short := 0
	if _, err := Annotate(strings.ToValidUTF8(text[:ChunkBytes], ""), Options{Collect: func() { short++ }}); err != nil || short != 0 {
		t.Errorf("an article's job collected %d times (%v), want none", short, err)
	}
}

// longSampleText is the sample texts repeated, paragraphs apart, to at
// least size bytes.
func longSampleText(t *testing.T, size int) string {
	var long strings.Builder
	for long.Len() < size {
		for _, text := range sampleTexts(t) {
			long.WriteString(text + "\n\n")
		}
	}
	return long.String()
}

// runCounting runs a job over text to its end with a hook of Options set
// (by set) to count its calls by the stage the job is at.
func runCounting(t *testing.T, text string, set func(o *Options, count func())) (*Job, map[string]int) {
	t.Helper()
	calls := map[string]int{}
	var job *Job
	var opts Options
	set(&opts, func() { calls[job.Stage()]++ })
	job, err := Start(text, opts)
	if err != nil {
		t.Fatal(err)
	}
	for !job.Step() {
	}
	return job, calls
}
