package langdetect

import (
	"encoding/binary"
	"fmt"
	"math"
)

// Model is a trained table: for each hash bucket, one 4-bit penalty per
// Latin-script language, the language's smoothed log-probability of the
// bucket below the likeliest language's, in steps of 1/scale nat.
type Model struct {
	cfg         config
	langs       []string // the Latin-script languages, in table order
	scale       float64  // penalty steps per nat
	temperature float64  // divides log-odds so that posteriors are calibrated
	rowBytes    int      // bytes per bucket: two languages a byte
	weights     string   // 1<<bits rows of rowBytes
	// lanes holds each bucket's penalties in 10-bit lanes of one word, so
	// one addition scores an n-gram for every language (up to 6 of them;
	// nil for more).
	lanes []uint64
}

const (
	laneBits  = 10
	maxLanes  = 64 / laneBits
	laneFlush = (1<<laneBits - 1) / maxPenalty // additions before a lane could overflow
)

// expand fills m.lanes from m.weights.
func (m *Model) expand() {
	nl := len(m.langs)
	if nl > maxLanes {
		return
	}
	m.lanes = make([]uint64, 1<<m.cfg.bits)
	for b := range m.lanes {
		row := m.weights[b*m.rowBytes:]
		var word uint64
		for l := range nl {
			word |= uint64(row[l/2]>>(4*(l&1))&15) << (laneBits * l)
		}
		m.lanes[b] = word
	}
}

// Table layout (little-endian):
//
//	"LDT1" | maxOrder u8 | bits u8 | langs u8 | 2 bytes per language code |
//	scale f32 | temperature f32 | 1<<bits rows of ceil(langs/2) bytes
//
// A row holds language 2k in the low nibble of byte k, language 2k+1 in
// the high one.
const magic = "LDT1"

const maxPenalty = 15 // a nibble

// MarshalBinary encodes the model as its table.
func (m *Model) MarshalBinary() ([]byte, error) {
	b := []byte(magic)
	b = append(b, byte(m.cfg.maxOrder), byte(m.cfg.bits), byte(len(m.langs)))
	for _, l := range m.langs {
		if len(l) != 2 {
			return nil, fmt.Errorf("langdetect: language code %q is not 2 letters", l)
		}
		b = append(b, l...)
	}
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(m.scale)))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(m.temperature)))
	return append(b, m.weights...), nil
}

// Load decodes a table written by MarshalBinary. The model keeps table's
// bytes as they are (no copy of the rows is made).
func Load(table string) (*Model, error) {
	bad := func(what string) (*Model, error) {
		return nil, fmt.Errorf("langdetect: bad table: %s", what)
	}
	if len(table) < len(magic)+3 || table[:len(magic)] != magic {
		return bad("no " + magic + " header")
	}
	p := table[len(magic):]
	m := &Model{cfg: config{maxOrder: int(p[0]), bits: int(p[1])}}
	nl := int(p[2])
	p = p[3:]
	if m.cfg.maxOrder < 1 || m.cfg.maxOrder > 8 || m.cfg.bits < 8 || m.cfg.bits > 24 || nl < 1 {
		return bad(fmt.Sprintf("order %d, %d bits, %d languages", m.cfg.maxOrder, m.cfg.bits, nl))
	}
	if len(p) < 2*nl+8 {
		return bad("short header")
	}
	for i := range nl {
		m.langs = append(m.langs, p[2*i:2*i+2])
	}
	p = p[2*nl:]
	m.scale = float64(math.Float32frombits(binary.LittleEndian.Uint32([]byte(p[0:4]))))
	m.temperature = float64(math.Float32frombits(binary.LittleEndian.Uint32([]byte(p[4:8]))))
	if !(m.scale > 0) || !(m.temperature > 0) {
		return bad("scale and temperature must be positive")
	}
	m.rowBytes = (nl + 1) / 2
	m.weights = p[8:]
	if len(m.weights) != m.rowBytes<<m.cfg.bits {
		return bad(fmt.Sprintf("%d bytes of rows, want %d", len(m.weights), m.rowBytes<<m.cfg.bits))
	}
	m.expand()
	return m, nil
}

// penalties adds to pen (one per language) the penalties of seq's n-grams.
// It is the hot loop: the hashing of config.eachBucket, inlined.
func (m *Model) penalties(seq []rune, pen []int) {
	if m.lanes == nil {
		m.cfg.eachBucket(seq, func(b uint32) { m.addRow(b, pen) })
		return
	}
	shift := uint(64 - m.cfg.bits)
	order := m.cfg.maxOrder
	lanes := m.lanes
	var acc uint64
	adds := 0
	for i := range seq {
		h := uint64(0)
		for n := 1; n <= order && n <= i+1; n++ {
			r := seq[i-n+1]
			h = (h ^ uint64(r+1)) * hashMul
			if n == 1 && r == boundary {
				continue
			}
			acc += lanes[h>>shift]
			if adds++; adds == laneFlush {
				flushLanes(acc, pen)
				acc, adds = 0, 0
			}
			if r == boundary {
				break
			}
		}
	}
	flushLanes(acc, pen)
}

func flushLanes(acc uint64, pen []int) {
	for l := range pen {
		pen[l] += int(acc >> (laneBits * l) & (1<<laneBits - 1))
	}
}

// addRow adds bucket b's penalties to pen (the path for more languages
// than lanes).
func (m *Model) addRow(b uint32, pen []int) {
	row := m.weights[int(b)*m.rowBytes:]
	for l := range pen {
		pen[l] += int(row[l/2] >> (4 * (l & 1)) & 15)
	}
}

// posteriors turns penalties into calibrated probabilities (a softmax of
// the scaled log-likelihoods) and returns the likeliest language's index.
func (m *Model) posteriors(pen []int, prob []float64) int {
	best := 0
	for l := range pen {
		if pen[l] < pen[best] {
			best = l
		}
	}
	k := 1 / (m.scale * m.temperature)
	sum := 0.0
	for l := range pen {
		prob[l] = math.Exp(-float64(pen[l]-pen[best]) * k)
		sum += prob[l]
	}
	for l := range prob {
		prob[l] /= sum
	}
	return best
}
