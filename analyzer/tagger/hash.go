package tagger

// Features are 64-bit hashes of a template id and its values, so extracting
// them allocates nothing; the model keys them by 32 bits.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix is the splitmix64 finaliser: it spreads every input bit over the hash.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// f1, f2, f3 combine a template id with one, two or three values.
func f1(tmpl uint64, a uint64) uint64 { return mix(tmpl*0x9E3779B97F4A7C15 ^ a) }
func f2(tmpl uint64, a, b uint64) uint64 {
	return mix(f1(tmpl, a) ^ b*0xC2B2AE3D27D4EB4F)
}
func f3(tmpl uint64, a, b, c uint64) uint64 {
	return mix(f2(tmpl, a, b) ^ c*0x165667B19E3779F9)
}

// key32 is the model's key for feature h; 0 marks an empty slot.
func key32(h uint64) uint32 {
	k := uint32(h>>32) ^ uint32(h)
	if k == 0 {
		k = 1
	}
	return k
}
