package tagger

import (
	"errors"
	"slices"
	"sync"
)

// ErrNoModel is Default's error in a build without the embedded model (the
// browser's, which fetches it with the English language pack).
var ErrNoModel = errors.New("no tagger model in this build: load the English language pack")

// Embedded returns the embedded model file (model.bin, written by
// analyzer/cmd/train: make model), nil in the browser's build.
func Embedded() []byte { return modelFile }

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, loading it on first use.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		if modelFile == nil {
			defaultErr = ErrNoModel
			return
		}
		defaultModel, defaultErr = Load(modelFile)
	})
	return defaultModel, defaultErr
}

// Tag returns the names in doc, in order, within sentences, with a tagger
// borrowed for the call.
func (m *Model) Tag(doc *Doc) []Mention {
	t := m.BorrowTagger()
	defer m.ReturnTagger(t)
	return t.Tag(doc)
}

func (m *Model) tagWith(d *decoder, doc *Doc) []Mention {
	d.twoPass = m.twoPass
	d.beam = m.Beam
	d.trans = m.trans
	return decodeSentences(doc, d.tag(doc, m, nil, nil))
}

// Tagger tags documents one after another with a model, reusing its
// buffers: one job's chunks share one. (Model.Tag's pooled buffers do
// not last: the collections a long text's chunks cause empty the pool,
// and each chunk allocated them again.)
type Tagger struct {
	model *Model
	d     decoder
	doc   Doc
}

// Doc is a document kept with the tagger's buffers for the caller to fill
// (reusing its slices) and tag, so a borrowed tagger brings its own.
func (t *Tagger) Doc() *Doc { return &t.doc }

// NewTagger returns a Tagger of m's.
func (m *Model) NewTagger() *Tagger { return &Tagger{model: m} }

// BorrowTagger returns a Tagger of m's, one a finished job gave back when
// there is one: an article-sized job then reuses the buffers the last one
// sized (their allocation and clearing were a fifth of a short article's
// time) and the words it scored. ReturnTagger gives it back.
func (m *Model) BorrowTagger() *Tagger {
	m.spareMu.Lock()
	defer m.spareMu.Unlock()
	if n := len(m.spare); n > 0 {
		t := m.spare[n-1]
		m.spare = m.spare[:n-1]
		return t
	}
	return m.NewTagger()
}

// maxSpareTaggers is how many given-back taggers a model keeps (a sync.Pool
// would not do: the page's collections between two runs empty it).
const maxSpareTaggers = 2

// ReturnTagger gives back a Tagger from BorrowTagger once its job is done.
// It keeps its buffers, not the job's text.
func (m *Model) ReturnTagger(t *Tagger) {
	if t == nil || t.model != m {
		return
	}
	t.doc.Text, t.doc.Pause, t.d.x.doc = "", nil, nil
	m.spareMu.Lock()
	defer m.spareMu.Unlock()
	if len(m.spare) < maxSpareTaggers && !slices.Contains(m.spare, t) {
		m.spare = append(m.spare, t)
	}
}

// Tag returns the names in doc, in order, within sentences.
func (t *Tagger) Tag(doc *Doc) []Mention { return t.model.tagWith(&t.d, doc) }

// GiveBack returns a borrowed tagger to its model (ReturnTagger).
func (t *Tagger) GiveBack() { t.model.ReturnTagger(t) }

// decodeSentences decodes tags sentence by sentence, so no mention crosses
// a sentence boundary.
func decodeSentences(doc *Doc, tags []uint8) []Mention {
	var out []Mention
	for _, s := range doc.Sentences {
		for _, m := range Decode(tags[s.First:s.End]) {
			out = append(out, Mention{m.First + s.First, m.End + s.First, m.Type})
		}
	}
	return out
}
