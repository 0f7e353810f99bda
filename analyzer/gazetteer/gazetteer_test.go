package gazetteer

import "testing"

func TestHash(t *testing.T) {
	for _, tt := range [][2]string{
		{"New York", "new york"},
		{"  New \t York ", "new york"},
		{"CÔTE D'IVOIRE", "côte d'ivoire"},
	} {
		if Hash(tt[0]) != Hash(tt[1]) {
			t.Errorf("Hash(%q) != Hash(%q)", tt[0], tt[1])
		}
	}
	if Hash("newyork") == Hash("new york") {
		t.Error("the space between words must count")
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		phrase string
		kind   Kind
		want   bool
	}{
		{"Germany", Country, true},
		{"german", Demonym, true},
		{"John", FirstName, true},
		{"London", City, true},
		{"Inc", OrgSuffix, true},
		{"President", Title, true},
		{"United Kingdom", Country, true},
		{"the", Country, false},
		{"xqzzy", FirstName, false},
	}
	for _, tt := range tests {
		if got := Lookup(Hash(tt.phrase))&(1<<tt.kind) != 0; got != tt.want {
			t.Errorf("%q in %v: %v, want %v", tt.phrase, tt.kind, got, tt.want)
		}
	}
}

func TestKindNames(t *testing.T) {
	for k := Kind(0); k < NumKinds; k++ {
		if got, ok := ParseKind(k.String()); !ok || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", k, got, ok)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		load()
	}
}
