package tagger

import (
	"bytes"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func TestEncodeDecode(t *testing.T) {
	tests := []struct {
		n        int
		mentions []Mention
	}{
		{3, nil},
		{4, []Mention{{0, 1, PER}, {1, 3, ORG}}},
		{6, []Mention{{0, 3, LOC}, {3, 4, MISC}, {5, 6, PER}}},
	}
	for _, tt := range tests {
		tags := Encode(tt.n, tt.mentions)
		for i := 1; i < len(tags); i++ {
			if !validNext(tags[i-1], tags[i]) {
				t.Errorf("%v: tag %d cannot follow %d", tt.mentions, tags[i], tags[i-1])
			}
		}
		if got := Decode(tags); !reflect.DeepEqual(got, tt.mentions) {
			t.Errorf("Decode(Encode(%v)) = %v", tt.mentions, got)
		}
	}
}

func TestValidNext(t *testing.T) {
	tests := []struct {
		prev, tag uint8
		want      bool
	}{
		{tagO, tagO, true},
		{tagO, makeTag(PER, posB), true},
		{tagO, makeTag(PER, posI), false},
		{makeTag(PER, posB), makeTag(PER, posL), true},
		{makeTag(PER, posB), makeTag(ORG, posL), false},
		{makeTag(PER, posB), tagO, false},
		{makeTag(PER, posU), makeTag(LOC, posU), true},
		{makeTag(PER, posL), makeTag(PER, posI), false},
	}
	for _, tt := range tests {
		if got := validNext(tt.prev, tt.tag); got != tt.want {
			t.Errorf("validNext(%d, %d) = %v, want %v", tt.prev, tt.tag, got, tt.want)
		}
	}
}

// doc splits text at spaces into tokens, and into sentences at " . ".
func doc(text string) Doc {
	d := Doc{Text: text}
	first := 0
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], ' ')
		if j < 0 {
			j = len(text) - i
		}
		d.Tokens = append(d.Tokens, Token{Start: i, End: i + j})
		if text[i:i+j] == "." {
			d.Sentences = append(d.Sentences, Range{first, len(d.Tokens)})
			first = len(d.Tokens)
		}
		i += j + 1
	}
	if first < len(d.Tokens) {
		d.Sentences = append(d.Sentences, Range{first, len(d.Tokens)})
	}
	return d
}

// TestTrainEncodeLoad trains on a toy corpus, round-trips the model through
// its file format and checks the quantised model tags like the original.
func TestTrainEncodeLoad(t *testing.T) {
	var examples []Example
	for _, s := range []struct {
		text     string
		mentions []Mention
	}{
		{"John Smith visited Paris .", []Mention{{0, 2, PER}, {3, 4, LOC}}},
		{"Acme Corp hired Mary Jones in London .", []Mention{{0, 2, ORG}, {3, 5, PER}, {6, 7, LOC}}},
		{"the French team won .", []Mention{{1, 2, MISC}}},
		{"Berlin is big .", []Mention{{0, 1, LOC}}},
	} {
		d := doc(s.text)
		examples = append(examples, Example{Doc: d, Gold: Encode(len(d.Tokens), s.mentions)})
	}
	for _, twoPass := range []bool{false, true} {
		w := Train(examples, TrainOptions{Epochs: 10, Seed: 1, TwoPass: twoPass})
		var buf bytes.Buffer
		n, err := w.Encode(&buf, EncodeOptions{Clip: 1})
		if err != nil || n == 0 {
			t.Fatalf("Encode: %d features, %v", n, err)
		}
		m, err := Load(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if m.Features() != n || m.twoPass != twoPass {
			t.Errorf("loaded %d features (twoPass %v), wrote %d (%v)", m.Features(), m.twoPass, n, twoPass)
		}
		for _, ex := range examples {
			want := Decode(ex.Gold)
			if got := m.Tag(&ex.Doc); !reflect.DeepEqual(got, want) {
				t.Errorf("twoPass=%v: %q tagged %v, want %v", twoPass, ex.Doc.Text, got, want)
			}
		}
	}
}

// Perceptrons trained side by side average to the same model, byte for
// byte, as the same perceptrons trained one after another.
func TestTrainModelsInParallel(t *testing.T) {
	var examples []Example
	for _, text := range []string{"Ana Gómez visitó Lima .", "la empresa Acme contrató a Luis Pérez en Quito ."} {
		d := doc(text)
		examples = append(examples, Example{Doc: d, Gold: Encode(len(d.Tokens), []Mention{{0, 2, PER}})})
	}
	opts := TrainOptions{Epochs: 5, Seed: 3, TwoPass: true, Dropout: 0.1, Models: 3}
	encode := func(w *Weights) []byte {
		var buf bytes.Buffer
		if _, err := w.Encode(&buf, EncodeOptions{Clip: 1}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	sequential := &Weights{Index: map[uint64]int32{}, TwoPass: true}
	for k := range opts.Models {
		o := opts
		o.Seed += uint64(k)
		w := train1(examples, o)
		for f, r := range w.Index {
			row, ok := sequential.Index[f]
			if !ok {
				row = int32(len(sequential.Index))
				sequential.Index[f] = row
				sequential.W = append(sequential.W, make([]float32, numTags)...)
			}
			for tag := range numTags {
				sequential.W[int(row)*numTags+tag] += w.W[int(r)*numTags+tag] / float32(opts.Models)
			}
		}
	}
	if got, want := encode(Train(examples, opts)), encode(sequential); !bytes.Equal(got, want) {
		t.Errorf("parallel training encodes to %d bytes unlike sequential's %d", len(got), len(want))
	}
}

func TestLoadErrors(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("NERM"), []byte("XXXX\x01\x00........................")} {
		if _, err := Load(data); err == nil {
			t.Errorf("Load(%q): no error", data)
		}
	}
}

func TestDefaultModel(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatalf("embedded model: %v", err)
	}
	d := doc("Angela Merkel met Emmanuel Macron in Paris on Monday , the German government said .")
	want := []Mention{{0, 2, PER}, {3, 5, PER}, {6, 7, LOC}, {11, 12, MISC}}
	if got := m.Tag(&d); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestHeadlineCase(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := doc("China Confirms Xi Jinping , Kim Jong Un Held Talks In Beijing")
	found := map[string]Type{}
	for _, mention := range m.Tag(&d) {
		found[d.Text[d.Tokens[mention.First].Start:d.Tokens[mention.End-1].End]] = mention.Type
		for i := mention.First; i < mention.End; i++ {
			switch w := d.Text[d.Tokens[i].Start:d.Tokens[i].End]; w {
			case "Confirms", "Held", "Talks", "In":
				t.Errorf("%q tagged as part of a %v name", w, mention.Type)
			}
		}
	}
	// The names themselves are still found.
	for name, want := range map[string]Type{"China": LOC, "Xi Jinping": PER, "Kim Jong Un": PER, "Beijing": LOC} {
		if got, ok := found[name]; !ok || got != want {
			t.Errorf("%q: tagged %v (found %v), want %v", name, got, ok, want)
		}
	}
}

func BenchmarkTag(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	d := doc(strings.Repeat("Angela Merkel met Emmanuel Macron in Paris on Monday , the German government said . "+
		"Shares of Siemens AG rose 3 percent in Frankfurt after the company raised its forecast . ", 50))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Tag(&d)
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(modelFile); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTagEdgeCases: odd documents tag without panicking, and mentions stay
// inside sentences.
func TestTagEdgeCases(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x", 300)
	tests := []struct {
		name string
		doc  Doc
	}{
		{"empty", Doc{}},
		{"no sentences", Doc{Text: "John Smith", Tokens: []Token{{0, 4, ""}, {5, 10, ""}}}},
		{"partial sentences", Doc{Text: "John Smith said", Tokens: []Token{{0, 4, ""}, {5, 10, ""}, {11, 15, "said"}}, Sentences: []Range{{1, 3}}}},
		{"one token", doc("Paris")},
		{"long token", doc("Mr " + long + " said")},
		{"non-ASCII", doc("Ångström met Łukasz in Zürich and 東京 🇯🇵 .")},
		{"many sentences", doc(strings.Repeat("Paris . ", 1000))},
	}
	for _, tt := range tests {
		ms := m.Tag(&tt.doc)
		for _, mention := range ms {
			inside := false
			for _, s := range tt.doc.Sentences {
				inside = inside || (s.First <= mention.First && mention.End <= s.End)
			}
			if !inside || mention.First >= mention.End {
				t.Errorf("%s: mention %v outside the sentences %v", tt.name, mention, tt.doc.Sentences)
			}
		}
	}
}

// TestBorrowedTaggerTagsAsANewOne: a tagger given back by one job and
// borrowed by the next keeps nothing of the documents it tagged (word
// scores, counts, beam): each document is tagged as a new tagger tags it.
func TestBorrowedTaggerTagsAsANewOne(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := []string{
		strings.Repeat("Shares of Siemens AG rose 3 percent in Frankfurt after Siemens raised its forecast . ", 40),
		"Siemens said . Paris is in France .",
		"SIEMENS CONFIRMS FRANKFURT PLANT CLOSURE",
		"Angela Merkel met Emmanuel Macron in Paris on Monday , the German government said .",
		strings.Repeat("Paris . ", 300),
		"Siemens said . Paris is in France .",
	}
	reused := m.BorrowTagger()
	for round := range 2 {
		for i, text := range docs {
			d, fresh := doc(text), doc(text)
			got := reused.Tag(&d)
			want := m.NewTagger().Tag(&fresh)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round %d, document %d: a reused tagger found %v, a new one %v", round, i, got, want)
			}
		}
		m.ReturnTagger(reused)
		reused = m.BorrowTagger()
	}
	// Kept through collections (a sync.Pool's would be dropped by two),
	// once however often it is given back, and at most maxSpareTaggers.
	m.ReturnTagger(reused)
	m.ReturnTagger(reused)
	runtime.GC()
	runtime.GC()
	if got := m.BorrowTagger(); got != reused {
		t.Error("the tagger given back was not lent again after two collections")
	}
	if got := m.BorrowTagger(); got == reused {
		t.Error("a tagger given back twice was lent twice")
	}
	for range maxSpareTaggers + 2 {
		m.ReturnTagger(m.NewTagger())
	}
	if n := len(m.spare); n != maxSpareTaggers {
		t.Errorf("%d spare taggers kept, want %d", n, maxSpareTaggers)
	}
	other, err := Load(modelFile)
	if err != nil {
		t.Fatal(err)
	}
	other.ReturnTagger(reused) // another model's tagger is not kept
	if got := other.BorrowTagger(); got == reused {
		t.Error("a model lent out a tagger of another model's")
	}
}
