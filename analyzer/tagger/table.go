package tagger

// table is a small open-addressing map from non-zero uint64 keys to uint32
// values, cleared per document without freeing its memory.
type table struct {
	keys []uint64
	vals []uint32
	mask uint64
}

// reset empties t and sizes it for about n keys.
func (t *table) reset(n int) {
	size := 64
	for size < 2*n {
		size <<= 1
	}
	if len(t.keys) < size {
		t.keys = make([]uint64, size)
		t.vals = make([]uint32, size)
	} else {
		size = len(t.keys)
		clear(t.keys)
		clear(t.vals)
	}
	t.mask = uint64(size - 1)
}

// slot returns the value of key k, inserting it as 0 if absent.
func (t *table) slot(k uint64) *uint32 {
	if k == 0 {
		k = 1
	}
	for i := mix(k) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return &t.vals[i]
		case 0:
			t.keys[i] = k
			return &t.vals[i]
		}
	}
}

// get returns the value of key k, 0 if absent.
func (t *table) get(k uint64) uint32 {
	if k == 0 {
		k = 1
	}
	for i := mix(k) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return 0
		}
	}
}
