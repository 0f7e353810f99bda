package tagger

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"sync"

	"annotator/analyzer/gazetteer"
)

// The model file: a header, the features' 32-bit keys sorted and
// delta-coded as uvarints, then their weights quantised to int8, tag by tag
// (columns compress better than rows). All integers little-endian.
//
//	"NERM" version:u8 flags:u8 gazetteer:u64 features:u32 scale:f32
//	keys:uvarint deltas
//	weights:int8[numTags][features]
const (
	modelMagic   = "NERM"
	modelVersion = 1
	flagTwoPass  = 1
)

// Model is a quantised model ready to tag: an open-addressing table from
// feature keys to rows of int8 weights.
type Model struct {
	// tags[j] is a byte of slots[j]'s key (never 0), 0 for an empty slot:
	// most lookups miss, and a miss then reads these bytes, which stay in
	// cache, rather than the slots.
	tags     []uint8
	slots    []slot
	size     uint64
	features int
	scale    float32
	twoPass  bool
	trans    *transitions
	// Beam is the number of tag sequences kept per sentence when tagging
	// (Load sets DefaultBeam; 1 is greedy).
	Beam int
	// spare holds Taggers finished jobs gave back (BorrowTagger).
	spareMu sync.Mutex
	spare   []*Tagger
}

// DefaultBeam is the beam width models tag with: on the development set,
// 1 (greedy) scores about 1.1 F1 less, 2 about 0.3 less, 3 about 0.05
// less, and more than 4 no better.
const DefaultBeam = 4

// slot is a feature's key and its weights. The table is at most half
// full and most lookups miss (a word the model never kept a feature for):
// a miss reads only Model.tags, a few bytes per slot that stay in cache,
// and a hit one slot. (Small slots with an index into the rows made a hit
// two dependent reads; 24-byte slots probed without tags made a miss read
// five cache lines.)
type slot struct {
	key uint32
	w   row
}

// row is a feature's weights, stored biased (int8 + 128) so that score can
// add eight of them at once in 16-bit lanes of two uint64s.
type row [20]uint8 // numTags weights, then padding

// weightBias is added to stored weights: they are bytes 1..255.
const weightBias = 128

// ErrModel reports a model file that cannot be read.
var ErrModel = errors.New("bad model file")

// EncodeOptions tune how Weights are pruned and quantised.
type EncodeOptions struct {
	// Clip is the quantile of non-zero |weight| that maps to ±127; larger
	// weights are clipped. 1 keeps the maximum.
	Clip float64
	// MinWeight drops features whose largest quantised |weight| is below
	// it: they barely move a score, and cost size and lookups.
	MinWeight int
}

// Encode writes w as a compact model file: weights quantised to int8,
// features whose weights all round to 0 dropped.
func (w *Weights) Encode(out io.Writer, opts EncodeOptions) (features int, err error) {
	if opts.Clip <= 0 || opts.Clip > 1 {
		opts.Clip = 1
	}
	var mags []float32
	for _, v := range w.W {
		if v != 0 {
			mags = append(mags, float32(math.Abs(float64(v))))
		}
	}
	if len(mags) == 0 {
		return 0, fmt.Errorf("%w: no weights", ErrModel)
	}
	slices.Sort(mags)
	limit := mags[min(len(mags)-1, int(opts.Clip*float64(len(mags))))]
	scale := limit / 127
	type feature struct {
		key uint32
		q   [numTags]int8
	}
	byKey := make(map[uint32]*feature)
	for f, r := range w.Index {
		var q [numTags]int8
		largest := 0
		for t := range numTags {
			v := math.Round(float64(w.W[int(r)*numTags+t] / scale))
			q[t] = int8(max(-127, min(127, v)))
			largest = max(largest, int(q[t]), -int(q[t]))
		}
		if largest == 0 || largest < opts.MinWeight {
			continue
		}
		k := key32(f)
		if old := byKey[k]; old != nil { // a 32-bit collision: add them up
			for t := range numTags {
				q[t] = int8(max(-127, min(127, int(q[t])+int(old.q[t]))))
			}
		}
		byKey[k] = &feature{k, q}
	}
	feats := make([]*feature, 0, len(byKey))
	for _, f := range byKey {
		feats = append(feats, f)
	}
	sort.Slice(feats, func(i, j int) bool { return feats[i].key < feats[j].key })

	buf := []byte(modelMagic)
	buf = append(buf, modelVersion, 0)
	if w.TwoPass {
		buf[len(buf)-1] |= flagTwoPass
	}
	buf = binary.LittleEndian.AppendUint64(buf, gazetteer.Fingerprint())
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(feats)))
	buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(scale))
	prev := uint32(0)
	for _, f := range feats {
		buf = binary.AppendUvarint(buf, uint64(f.key-prev))
		prev = f.key
	}
	for t := range numTags {
		for _, f := range feats {
			buf = append(buf, byte(f.q[t]))
		}
	}
	_, err = out.Write(buf)
	return len(feats), err
}

// Load reads a model file written by Encode.
func Load(data []byte) (*Model, error) {
	const header = 4 + 2 + 8 + 4 + 4
	if len(data) < header || string(data[:4]) != modelMagic {
		return nil, fmt.Errorf("%w: no NERM header", ErrModel)
	}
	if data[4] != modelVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrModel, data[4], modelVersion)
	}
	m := &Model{twoPass: data[5]&flagTwoPass != 0, Beam: DefaultBeam}
	if fp := binary.LittleEndian.Uint64(data[6:]); fp != gazetteer.Fingerprint() {
		return nil, fmt.Errorf("%w: trained with other gazetteer lists (retrain with make model)", ErrModel)
	}
	n := int(binary.LittleEndian.Uint32(data[14:]))
	m.scale = math.Float32frombits(binary.LittleEndian.Uint32(data[18:]))
	data = data[header:]
	m.slots = make([]slot, 2*n+1) // at most half full
	m.tags = make([]uint8, len(m.slots))
	m.size = uint64(len(m.slots))
	keys := make([]uint32, n)
	key := uint32(0)
	for i := range n {
		d, k := binary.Uvarint(data)
		if k <= 0 || d > math.MaxUint32 {
			return nil, fmt.Errorf("%w: bad key %d", ErrModel, i)
		}
		data = data[k:]
		key += uint32(d)
		keys[i] = key
	}
	if len(data) != n*numTags {
		return nil, fmt.Errorf("%w: %d weight bytes, want %d", ErrModel, len(data), n*numTags)
	}
	m.features = n
	for i, k := range keys {
		j := m.home(k)
		for m.slots[j].key != 0 {
			if j++; j == len(m.slots) {
				j = 0
			}
		}
		m.slots[j].key = k
		m.tags[j] = slotTag(k)
		w := &m.slots[j].w
		for t := range w {
			w[t] = weightBias
		}
		for t := range numTags {
			w[t] = uint8(int(int8(data[t*n+i])) + weightBias)
		}
	}
	m.trans = newTransitions(m)
	return m, nil
}

// Features returns the number of features in the model.
func (m *Model) Features() int { return m.features }

// score adds the weights of feats to s. It sums biased weight bytes in
// 16-bit lanes, eight tags per two additions (SWAR), then takes the bias
// back: the lookups' cache misses, not the sums, set its speed.
func (m *Model) score(feats []uint64, s *[numTags]float32) {
	const lanes = 0x00FF00FF00FF00FF
	var even0, odd0, even1, odd1 uint64 // tags 0-7 and 8-15, two lanes sets each
	var last uint32                     // tag 16
	var acc [numTags]int32
	hits := 0
	flush := func() {
		for l := range 4 {
			shift := 16 * l
			acc[2*l] += int32(even0>>shift&0xFFFF) - int32(hits*weightBias)
			acc[2*l+1] += int32(odd0>>shift&0xFFFF) - int32(hits*weightBias)
			acc[8+2*l] += int32(even1>>shift&0xFFFF) - int32(hits*weightBias)
			acc[8+2*l+1] += int32(odd1>>shift&0xFFFF) - int32(hits*weightBias)
		}
		acc[16] += int32(last) - int32(hits*weightBias)
		even0, odd0, even1, odd1, last, hits = 0, 0, 0, 0, 0, 0
	}
	for _, f := range feats {
		k := key32(f)
		tag := slotTag(k)
		for j := m.home(k); ; {
			st := m.tags[j]
			if st == 0 {
				break
			}
			if sl := &m.slots[j]; st == tag && sl.key == k {
				w := &sl.w
				lo := binary.LittleEndian.Uint64(w[0:8])
				hi := binary.LittleEndian.Uint64(w[8:16])
				even0 += lo & lanes
				odd0 += lo >> 8 & lanes
				even1 += hi & lanes
				odd1 += hi >> 8 & lanes
				last += uint32(w[16])
				if hits++; hits == 250 { // 250*255 fits a 16-bit lane
					flush()
				}
				break
			}
			if j++; j == len(m.slots) {
				j = 0
			}
		}
	}
	flush()
	for t := range acc {
		s[t] += float32(acc[t])
	}
}

// add1 adds the weights of feature f to s.
func (m *Model) add1(f uint64, s *[numTags]float32) {
	k := key32(f)
	tag := slotTag(k)
	for j := m.home(k); ; {
		st := m.tags[j]
		if st == 0 {
			return
		}
		if sl := &m.slots[j]; st == tag && sl.key == k {
			w := &sl.w
			for t := range s {
				s[t] += float32(int(w[t]) - weightBias)
			}
			return
		}
		if j++; j == len(m.slots) {
			j = 0
		}
	}
}

// home is key k's first slot: k scaled to the table size (keys are
// uniform hashes, so no power-of-two size is needed).
// slotTag is the byte of key k kept in Model.tags: its low bits (home
// takes the high ones), never 0.
func slotTag(k uint32) uint8 { return uint8(k) | b2u8(uint8(k) == 0) }

func b2u8(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

func (m *Model) home(k uint32) int { return int(uint64(k) * m.size >> 32) }
