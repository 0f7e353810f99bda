// Package tagger is the named-entity tagger: an averaged perceptron over
// hashed features, trained greedily with feature dropout and decoded with
// a small beam over BILOU tags, with previous-tag and document-level
// (prediction history) features.
//
// Files follow the pipeline: doc.go (what the tagger reads and writes),
// hash.go, features.go (per-token feature hashes), decode.go (greedy passes
// in training, beam search when tagging), train.go (the averaged
// perceptron), model.go (the compact, quantised model file and its
// loader), tagger.go (the embedded default).
package tagger

// Doc is the tagger's view of a tokenized document.
type Doc struct {
	Text      string
	Tokens    []Token
	Sentences []Range // token ranges, in order, covering the tokens tagged
	// Pause, when set, is called once a token as the tagger goes through
	// them: a single-threaded caller counts the calls and hands the thread
	// back now and then. It changes nothing in the tags.
	Pause func()
}

// tick calls Pause, if set.
func (d *Doc) tick() {
	if d.Pause != nil {
		d.Pause()
	}
}

// Token is a span of Doc.Text with its stem ("" for non-words).
type Token struct {
	Start, End int
	Stem       string
}

// Range is the token range [First, End).
type Range struct{ First, End int }

// Type is an entity type.
type Type uint8

// Entity types, in tag order.
const (
	PER Type = iota
	ORG
	LOC
	MISC
	numTypes
)

var typeNames = [numTypes]string{"PER", "ORG", "LOC", "MISC"}

func (t Type) String() string {
	if t < numTypes {
		return typeNames[t]
	}
	return "?"
}

// ParseType returns the type named s (PER, ORG, LOC, MISC).
func ParseType(s string) (Type, bool) {
	for i, n := range typeNames {
		if n == s {
			return Type(i), true
		}
	}
	return 0, false
}

// Mention is a tagged name: tokens [First, End) of the document.
type Mention struct {
	First, End int
	Type       Type
}

// BILOU tags: 0 is O, then Begin, Inside, Last, Unit for each type.
const (
	tagO    = 0
	posB    = 0
	posI    = 1
	posL    = 2
	posU    = 3
	numTags = 1 + 4*int(numTypes)
)

func makeTag(t Type, pos int) uint8 { return uint8(1 + 4*int(t) + pos) }
func tagType(tag uint8) Type        { return Type((tag - 1) / 4) }
func tagPos(tag uint8) int          { return int(tag-1) % 4 }

// validNext reports whether tag may follow prev in a BILOU sequence.
func validNext(prev, tag uint8) bool {
	open := prev != tagO && (tagPos(prev) == posB || tagPos(prev) == posI)
	if !open {
		return tag == tagO || tagPos(tag) == posB || tagPos(tag) == posU
	}
	return tag != tagO && tagType(tag) == tagType(prev) && (tagPos(tag) == posI || tagPos(tag) == posL)
}

// mayEnd reports whether a sentence may end after tag.
func mayEnd(tag uint8) bool { return tag == tagO || tagPos(tag) == posL || tagPos(tag) == posU }

// Encode returns the BILOU tags of mentions over n tokens.
func Encode(n int, mentions []Mention) []uint8 {
	tags := make([]uint8, n)
	for _, m := range mentions {
		if m.End-m.First == 1 {
			tags[m.First] = makeTag(m.Type, posU)
			continue
		}
		tags[m.First] = makeTag(m.Type, posB)
		for i := m.First + 1; i < m.End-1; i++ {
			tags[i] = makeTag(m.Type, posI)
		}
		tags[m.End-1] = makeTag(m.Type, posL)
	}
	return tags
}

// Decode returns the mentions of a valid BILOU tag sequence; a B or I left
// open is closed where the next mention or O starts.
func Decode(tags []uint8) []Mention {
	var out []Mention
	open := -1
	for i, tag := range tags {
		if open >= 0 && (tag == tagO || tagPos(tag) == posB || tagPos(tag) == posU || tagType(tag) != tagType(tags[open])) {
			out = append(out, Mention{open, i, tagType(tags[open])})
			open = -1
		}
		if tag == tagO {
			continue
		}
		switch tagPos(tag) {
		case posU:
			out = append(out, Mention{i, i + 1, tagType(tag)})
		case posB:
			open = i
		case posI, posL:
			if open < 0 {
				open = i
			}
			if tagPos(tag) == posL {
				out = append(out, Mention{open, i + 1, tagType(tag)})
				open = -1
			}
		}
	}
	if open >= 0 {
		out = append(out, Mention{open, len(tags), tagType(tags[open])})
	}
	return out
}
