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
		{"Aeroflot", Airline, true},
		{"Reuters", Media, true},
		{"Aston Villa", Team, true},
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
		var s hashSet
		parseLists(listsText, &s)
	}
}

func TestCluster(t *testing.T) {
	paris, london, tuesday := Cluster(Hash("paris")), Cluster(Hash("london")), Cluster(Hash("tuesday"))
	if paris == 0 || london == 0 || tuesday == 0 {
		t.Fatalf("no cluster: paris %d, london %d, tuesday %d", paris, london, tuesday)
	}
	if Cluster(Hash("xqzzyplugh")) != 0 {
		t.Error("a made-up word has a cluster")
	}
	prefix := func(c uint16, n int) uint16 { return c >> (ClusterDepth(c) - n) }
	// Cities share a longer path with each other than with weekdays.
	shared := func(a, b uint16) int {
		n := 0
		for n < min(ClusterDepth(a), ClusterDepth(b)) && prefix(a, n+1) == prefix(b, n+1) {
			n++
		}
		return n
	}
	if shared(paris, london) <= shared(paris, tuesday) {
		t.Errorf("paris/london share %d bits, paris/tuesday %d", shared(paris, london), shared(paris, tuesday))
	}
}

func BenchmarkLoadClusters(b *testing.B) {
	for b.Loop() {
		var s hashSet
		parseClusters(clustersText, &s)
	}
}

func TestFingerprintFollowsTheLists(t *testing.T) {
	var s hashSet
	base := parseLists("#first\nanna\nboris\n#city\noslo\n", &s)
	for name, text := range map[string]string{
		"a phrase added":         "#first\nanna\nboris\nclara\n#city\noslo\n",
		"a phrase changed":       "#first\nanna\nborys\n#city\noslo\n",
		"a phrase in other kind": "#first\nanna\n#city\nboris\noslo\n",
	} {
		if parseLists(text, &s) == base {
			t.Errorf("%s: the lists' fingerprint did not change", name)
		}
	}
	if parseLists("#first\nanna\nboris\n#city\noslo\n", &s) != base {
		t.Error("the same lists give another fingerprint")
	}
	cb := parseClusters("0\tanna boris\n1\toslo\n", &s)
	if parseClusters("1\tanna boris\n0\toslo\n", &s) == cb || parseClusters("0\tanna\n1\toslo boris\n", &s) == cb {
		t.Error("the clusters' fingerprint does not follow which word is in which cluster")
	}
	if Fingerprint() != Fingerprint() || Fingerprint() == 0 {
		t.Error("the embedded lists' fingerprint is not stable")
	}
}

// TestUse: the binary's own lists are accepted again (the English pack
// carries them), others refused.
func TestUse(t *testing.T) {
	lists, clusters := Embedded()
	if len(lists) == 0 || len(clusters) == 0 {
		t.Fatal("a native binary has no embedded lists")
	}
	if err := Use(lists, clusters); err != nil {
		t.Errorf("the binary's own lists: %v", err)
	}
	if err := Use([]byte("#first\nanna\n"), clusters); err == nil {
		t.Error("other lists were accepted")
	}
	if !Ready() || Lookup(Hash("Paris")) == 0 {
		t.Error("the lists are not in after Use")
	}
}
