package analyzer

import "strings"

// britishSpelling maps an American spelling (lower case) to the British one,
// so that key terms group across both: denuclearization → denuclearisation,
// defense → defence, traveled → travelled, color → colour. Words it does not
// know are returned unchanged. Snowball stems the two spellings differently,
// which is why terms group by the stem of this form.
func britishSpelling(w string) string {
	if b, ok := britishWords[w]; ok {
		return b
	}
	for _, s := range izeSuffixes {
		if strings.HasSuffix(w, s) && len(w)-len(s) >= 4 {
			return w[:len(w)-len(s)] + "is" + s[2:]
		}
	}
	for _, s := range []string{"yze", "yzes", "yzed", "yzing"} {
		if strings.HasSuffix(w, s) {
			return w[:len(w)-len(s)] + "ys" + s[2:]
		}
	}
	for _, root := range orRoots {
		if strings.HasPrefix(w, root) && !strings.HasPrefix(w[len(root):], "i") {
			return root[:len(root)-1] + "ur" + w[len(root):]
		}
	}
	for _, root := range doubledL {
		if rest, ok := strings.CutPrefix(w, root); ok && (rest == "ed" || rest == "ing" || rest == "er" || rest == "ers") {
			return root + "l" + rest
		}
	}
	return w
}

// izeSuffixes end verbs and nouns spelt with -iz- in American English.
var izeSuffixes = []string{"ization", "izations", "ize", "izes", "ized", "izing", "izer", "izers"}

// orRoots are words spelt -or in American English and -our in British;
// the word must start with the root (colors, favorable).
var orRoots = []string{"color", "honor", "favor", "labor", "neighbor", "behavior", "harbor", "humor",
	"rumor", "vigor", "flavor", "endeavor", "armor", "odor", "valor", "tumor", "savior", "splendor", "candor"}

// doubledL are verbs that double their final l in British English before
// -ed, -ing and -er.
var doubledL = []string{"travel", "cancel", "label", "model", "fuel", "signal", "counsel", "level",
	"total", "dial", "marvel", "channel", "tunnel", "quarrel", "rival", "equal", "shovel", "worship"}

// britishWords are whole-word spellings.
var britishWords = map[string]string{
	"defense": "defence", "defenses": "defences", "offense": "offence", "offenses": "offences",
	"pretense": "pretence", "center": "centre", "centers": "centres", "centered": "centred",
	"theater": "theatre", "theaters": "theatres", "fiber": "fibre", "fibers": "fibres", "liter": "litre",
	"liters": "litres", "caliber": "calibre", "somber": "sombre", "specter": "spectre",
	"maneuver": "manoeuvre", "maneuvers": "manoeuvres", "maneuvered": "manoeuvred", "maneuvering": "manoeuvring",
	"program": "programme", "programs": "programmes", "gray": "grey", "aluminum": "aluminium",
	"jewelry": "jewellery", "catalog": "catalogue", "dialog": "dialogue", "analog": "analogue",
	"mold": "mould", "plow": "plough", "skeptic": "sceptic", "skeptical": "sceptical", "judgment": "judgement",
	"fulfill": "fulfil", "enroll": "enrol", "tire": "tyre", "tires": "tyres",
}
