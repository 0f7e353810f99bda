package langdetect

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// Reason says whether Detect decided, and if not, why: the caller then
// falls back to the language the user chose.
type Reason uint8

const (
	Decided     Reason = iota
	TooShort           // too few letters, or too few to tell the likeliest language from the next
	Mixed              // stretches in different languages or scripts, none holding enough of the text
	OtherScript        // mostly letters of a script none of the languages is written in (Greek, Han, Arabic…)
)

var reasonNames = [...]string{"decided", "too short", "mixed", "other script"}

func (r Reason) String() string {
	if int(r) < len(reasonNames) {
		return reasonNames[r]
	}
	return fmt.Sprintf("Reason(%d)", r)
}

// Result is what Detect found.
type Result struct {
	// Lang is the likeliest language (en, es, fr, ru, sv, no, hu), even
	// when Reason is not Decided; "" when the text has no letters of a
	// supported script.
	Lang string
	// Confidence in [0, 1]: Lang's calibrated posterior probability over
	// the text, times the share of its letters that read as Lang (the
	// script's share for Russian).
	Confidence float64
	// Reason is Decided, or why the caller should fall back.
	Reason Reason
	// Letters is how many letters were read (of the sample, for a long text).
	Letters int
}

// Decided reports whether the text's language was decided.
func (r Result) Decided() bool { return r.Reason == Decided }

// Options are the detector's thresholds (see DefaultOptions).
type Options struct {
	MinLetters      int     // fewer letters than this: TooShort
	MinConfidence   float64 // a lower posterior: TooShort, or Mixed for a text of LongLetters letters or more
	LongLetters     int     // a text this long is not too short, it is undecided
	MinShare        float64 // the winner's share of the letters below this: Mixed
	ChunkLetters    int     // stretches of this many letters (and boundaries) are read on their own to find mixes
	ChunkConfidence float64 // a stretch counts towards the shares only when its posterior is this high
	MaxSampleBytes  int     // a longer text is read in SampleWindows windows spread over it, MaxSampleBytes in all
	SampleWindows   int     // 0 (or MaxSampleBytes 0) reads every text whole
}

// DefaultOptions are the thresholds Detect uses, chosen by cross-validation
// on the training splits (go run ./analyzer/langdetect/gen -cv): with 10
// letters and 0.95, 0.3% of the decisions on 20- and 30-character texts are
// wrong and 34% and 12% of them fall back; with stretches of 120 letters
// and a 0.75 share, no 2000-character text of one language is undecided
// and 99.8% of half-and-half mixes are caught. LongLetters and
// ChunkConfidence were set, not swept.
func DefaultOptions() Options {
	return Options{
		MinLetters:      10,
		MinConfidence:   0.95,
		LongLetters:     200,
		MinShare:        0.75,
		ChunkLetters:    120,
		ChunkConfidence: 0.99,
		MaxSampleBytes:  16 << 10,
		SampleWindows:   8,
	}
}

// Russian is told by its script: it is the only language of the seven
// written in Cyrillic.
const russian = "ru"

//go:embed table.bin
var table string

var defaultModel = sync.OnceValue(func() *Model {
	m, err := Load(table)
	if err != nil {
		panic(err) // the committed table is checked by the tests
	}
	return m
})

// Default returns the model trained on ../shared's training splits and
// embedded in the package.
func Default() *Model { return defaultModel() }

// Detect returns the language of text by the embedded model and the
// default options. It reads at most DefaultOptions().MaxSampleBytes of it.
func Detect(text string) Result { return Default().Detect(text, DefaultOptions()) }

// Languages returns the codes Detect can return: Russian and the model's.
func (m *Model) Languages() []string { return append([]string{russian}, m.langs...) }

// Detect returns the language of text.
func (m *Model) Detect(text string, opts Options) Result {
	windows := sample(text, opts.MaxSampleBytes, opts.SampleWindows)
	seq := make([]rune, 0, min(len(text), opts.MaxSampleBytes)+len(windows)+1)
	var counts scriptCounts
	for _, w := range windows {
		var c scriptCounts
		seq, c = scan(seq, w)
		counts.latin += c.latin
		counts.cyrillic += c.cyrillic
		counts.other += c.other
	}
	letters := counts.total()
	res := Result{Letters: letters}
	switch {
	case letters == 0:
		res.Reason = TooShort
		return res
	case counts.other > counts.latin+counts.cyrillic:
		res.Reason = OtherScript
		return res
	case counts.cyrillic >= counts.latin:
		res.Lang = russian
		res.Confidence = float64(counts.cyrillic) / float64(letters)
		res.Reason = m.reason(letters, 1, res.Confidence, opts)
		return res
	case len(seq) == 0: // Latin letters only inside words of mixed scripts
		res.Reason = Mixed
		return res
	}
	best, prob, chunkShare := m.readLatin(seq, opts)
	share := float64(counts.latin) / float64(letters) * chunkShare
	res.Lang = m.langs[best]
	res.Confidence = prob * share
	res.Reason = m.reason(letters, prob, share, opts)
	return res
}

func (m *Model) reason(letters int, prob, share float64, opts Options) Reason {
	switch {
	case letters < opts.MinLetters:
		return TooShort
	case share < opts.MinShare:
		return Mixed
	case prob < opts.MinConfidence && letters < opts.LongLetters:
		return TooShort
	case prob < opts.MinConfidence:
		return Mixed
	}
	return Decided
}

// readLatin scores seq stretch by stretch; it returns the likeliest
// language over the whole, its posterior, and the share of the confident
// stretches' letters that read as that language (1 when no stretch is
// confident on its own).
func (m *Model) readLatin(seq []rune, opts Options) (best int, prob, share float64) {
	nl := len(m.langs)
	total := make([]int, nl)
	pen := make([]int, nl)
	p := make([]float64, nl)
	weight := make([]int, nl) // letters of the confident stretches, by their winner
	for start := 0; start < len(seq)-1; {
		end := min(start+max(opts.ChunkLetters, 1), len(seq)-1)
		for seq[end] != boundary {
			end++ // a stretch ends at a word's end
		}
		clear(pen)
		// A stretch starts with a boundary; the n-grams ending there
		// belong to the stretch before.
		m.penalties(seq[start:end+1], pen)
		for l := range pen {
			total[l] += pen[l]
		}
		if w := m.posteriors(pen, p); p[w] >= opts.ChunkConfidence {
			weight[w] += end - start
		}
		start = end
	}
	best = m.posteriors(total, p)
	sum := 0
	for _, w := range weight {
		sum += w
	}
	share = 1
	if sum > 0 {
		share = float64(weight[best]) / float64(sum)
	}
	return best, p[best], share
}

// sample returns text whole when it is at most maxBytes long, else
// windows pieces of it spread evenly from its start to its end, maxBytes
// in all, each cut at spaces where it has any (else at characters), so
// the cost of a very long paste stays bounded.
func sample(text string, maxBytes, windows int) []string {
	if len(text) <= maxBytes || maxBytes <= 0 || windows < 1 {
		return []string{text}
	}
	size := maxBytes / windows
	stride := 0
	if windows > 1 {
		stride = (len(text) - size) / (windows - 1)
	}
	out := make([]string, 0, windows)
	for i := range windows {
		start := i * stride
		if i > 0 && i == windows-1 {
			start = len(text) - size // the last window ends with the text
		}
		end := start + size
		if i > 0 {
			start = cut(text, start, true)
		}
		if i < windows-1 {
			end = cut(text, end, false)
		}
		if start < end {
			out = append(out, text[start:end])
		}
	}
	return out
}

// cut moves offset i of text to a cut point: just after the next space
// (forward) or at the last space before it (backward), when one is within
// 64 bytes, else to a character's start.
func cut(text string, i int, forward bool) int {
	const reach = 64
	if forward {
		if j := strings.IndexAny(text[i:min(i+reach, len(text))], " \n\t"); j >= 0 {
			return i + j + 1
		}
		for i < len(text) && !utf8.RuneStart(text[i]) {
			i++
		}
		return i
	}
	if j := strings.LastIndexAny(text[max(i-reach, 0):i], " \n\t"); j >= 0 {
		return max(i-reach, 0) + j
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}
