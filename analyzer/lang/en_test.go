package lang

import "testing"

func TestBritishSpelling(t *testing.T) {
	tests := map[string]string{
		"denuclearization": "denuclearisation", "organizations": "organisations", "criticized": "criticised",
		"analyze": "analyse", "colors": "colours", "favorable": "favourable", "traveling": "travelling",
		"defense": "defence", "maneuvers": "manoeuvres", "center": "centre",
		// Left alone: too short for -ize, not an -or word, already British.
		"size": "size", "prize": "prize", "seize": "seize", "motor": "motor", "colour": "colour", "feeling": "feeling",
	}
	for in, want := range tests {
		if got := britishSpelling(in); got != want {
			t.Errorf("britishSpelling(%q) = %q, want %q", in, got, want)
		}
	}
}
