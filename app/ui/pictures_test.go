package ui

import (
	"math"
	"slices"
	"strings"
	"testing"

	"annotator/analyzer"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// picturesResult is a hand-made result: three sentences, names mentioned
// in some of them, and a date the pictures must leave out.
func picturesResult() (string, *analyzer.Result) {
	text := "Kim met Xi. Xi met <Moon> and Kim. Moon left on Tuesday."
	sentences := []analyzer.SpanResult{{Start: 0, End: 11}, {Start: 12, End: 34}, {Start: 35, End: len(text)}}
	at := func(s string, nth int) analyzer.MentionResult {
		i := -1
		for range nth + 1 {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return mention(text, i, i+len(s))
	}
	return text, &analyzer.Result{
		Sentences: sentences,
		Entities: []analyzer.EntityResult{
			{ID: "e1", Label: analyzer.PER, Name: "Kim", Salience: 0.9, Mentions: []analyzer.MentionResult{at("Kim", 0), at("Kim", 1)}},
			{ID: "e2", Label: analyzer.PER, Name: "Xi", Salience: 0.9, Mentions: []analyzer.MentionResult{at("Xi", 0), at("Xi", 1), at("Xi", 2)}},
			{ID: "e3", Label: analyzer.DATE, Name: "Tuesday", Salience: 1, Mentions: []analyzer.MentionResult{at("Tuesday", 0)}},
			{ID: "e4", Label: analyzer.PER, Name: "<Moon>", Salience: 0.5, Mentions: []analyzer.MentionResult{at("<Moon>", 0), at("Moon", 1)}},
		},
	}
}

func ids(es []analyzer.EntityResult) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestCircleLayout(t *testing.T) {
	c := point{100, 100}
	if got := circleLayout(1, c, 50); !slices.Equal(got, []point{c}) {
		t.Errorf("one node at %v, want the centre", got)
	}
	got := circleLayout(4, c, 50)
	want := []point{{100, 50}, {150, 100}, {100, 150}, {50, 100}}
	if !slices.Equal(got, want) {
		t.Errorf("four nodes at %v, want top, right, bottom, left %v", got, want)
	}
	for _, p := range circleLayout(7, c, 50) {
		if d := math.Hypot(p.X-c.X, p.Y-c.Y); math.Abs(d-50) > 0.2 {
			t.Errorf("node %v is %.2f from the centre, want 50", p, d)
		}
	}
	for _, tc := range []struct {
		p      point
		anchor string
	}{{point{150, 100}, "start"}, {point{50, 100}, "end"}, {point{100, 50}, "middle"}, {c, "middle"}} {
		if _, _, a := labelPosition(tc.p, c, 10); a != tc.anchor {
			t.Errorf("label of a node at %v anchored %s, want %s", tc.p, a, tc.anchor)
		}
	}
}

func TestPicturesRender(t *testing.T) {
	text, res := picturesResult()
	html := app.HTMLString(&Pictures{Run: refOf(newAnnotation(text, res)), Selected: "e1"})
	count := func(s string) int { return strings.Count(html, s) }
	for what, want := range map[string]int{
		`data-part="bar"`:  3,
		`data-part="tick"`: 7, // mentions of the three names
		`data-part="node"`: 3,
		`data-part="edge"`: 3,
		`<svg`:             3,
	} {
		if n := count(what); n != want {
			t.Errorf("%d %s, want %d", n, what, want)
		}
	}
	if strings.Contains(html, "<Moon>") || !strings.Contains(html, "&lt;Moon&gt;") {
		t.Errorf("an entity name with markup is not escaped:\n%s", html)
	}
	// Kim is selected: its edges are active, the third is not (the
	// server writes a true attribute bare).
	if count(`data-active="false"`) != 1 {
		t.Errorf("%d inactive edges, want 1 of 3", count(`data-active="false"`))
	}
	if !strings.Contains(html, "Xi and Kim: 2 sentences") {
		t.Errorf("the edge titles do not say how many sentences:\n%s", html)
	}
	// The tallest bar is the most mentioned: Xi, 3.
	if !strings.Contains(html, `width="208"`) {
		t.Errorf("no bar at full length:\n%s", html)
	}

	empty := &Pictures{Run: refOf(newAnnotation("Tuesday.", &analyzer.Result{}))}
	if html := app.HTMLString(empty); !strings.Contains(html, "hidden") || strings.Contains(html, "<svg") {
		t.Errorf("a text without names draws pictures:\n%s", html)
	}
}

func TestShorten(t *testing.T) {
	for in, want := range map[string]string{"Kim": "Kim", "Harbour State Guest House": "Harbour State Gues…", "Ålesund–Molde": "Ålesund–Molde"} {
		if got := shorten(in, 19); got != want {
			t.Errorf("shorten(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStripTicks(t *testing.T) {
	few := []analyzer.MentionResult{{SpanResult: analyzer.SpanResult{Start: 0}}, {SpanResult: analyzer.SpanResult{Start: 1}}, {SpanResult: analyzer.SpanResult{Start: 50}}}
	got := stripTicks(few, 100)
	if want := []tick{{0, 1, 0}, {1, 1, 0.01}, {2, 1, 0.5}}; !slices.Equal(got, want) {
		t.Errorf("stripTicks of a few mentions = %v, want one tick each %v", got, want)
	}
	// A long text mentioning an entity every 10 bytes: one tick per
	// 1/maxTicks of the text, every mention counted once.
	var many []analyzer.MentionResult
	for i := range 10000 {
		many = append(many, analyzer.MentionResult{SpanResult: analyzer.SpanResult{Start: i * 10}})
	}
	got = stripTicks(many, 100000)
	if len(got) != maxTicks {
		t.Errorf("%d ticks for 10,000 mentions, want %d", len(got), maxTicks)
	}
	total := 0
	for i, tk := range got {
		if tk.First != total {
			t.Fatalf("tick %d starts at mention %d, want %d", i, tk.First, total)
		}
		total += tk.Count
	}
	if total != len(many) {
		t.Errorf("the ticks count %d mentions, want %d", total, len(many))
	}
}

func TestRevealShowsALongTextUpToAMention(t *testing.T) {
	line := strings.Repeat("word ", 20) + "\n"
	text := strings.Repeat(line, 3*viewWindow/len(line)) + "Kim arrived."
	at := strings.LastIndex(text, "Kim")
	res := &analyzer.Result{Entities: []analyzer.EntityResult{
		{ID: "e1", Label: analyzer.PER, Name: "Kim", Mentions: []analyzer.MentionResult{mention(text, at, at+3)}},
	}}
	c := &Annotator{ann: newAnnotation(text, res)}
	if part := c.shownPart(); len(part.Marks) != 0 {
		t.Fatal("the test text is too short: the view shows its end at once")
	}
	c.reveal(at, at+3)
	if part := c.shownPart(); len(part.Marks) != 1 || part.From+len(part.Text) < at {
		t.Errorf("after reveal, the view shows bytes %d to %d of %d, without the mention at %d", part.From, len(part.Text), len(text), at)
	}
}
