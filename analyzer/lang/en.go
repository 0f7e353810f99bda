package lang

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// englishPack is the English pack: snowball's stemmer and stop words, British
// and American spellings grouped in term keys, and background frequencies
// from CoNLL-2003 eng.train (en/background.txt, written by
// analyzer/cmd/background).
var englishPack = &definition{
	code: "en", name: "english",
	stem: english.Stem, isStop: english.IsStopWord,
	termSpelling: britishSpelling,
	reporting:    englishReporting,
	phraseEdges:  englishPhraseEdges,
	dates:        englishDates,
	quotes:       englishQuotes,
	honorifics: honorifics("mr mr. sir lord king prince duke president general minister mayor",
		"mrs mrs. ms ms. miss madam dame lady queen princess duchess"),
	files: englishFiles,
}

// englishReporting are in every news story and say nothing of this one;
// with them, titles and function words snowball's stop lists leave out.
var englishReporting = words("said says say told tell tells added adds according reported reportedly reports also " +
	"including however would could many much mr mrs ms dr every each another such whose upon " +
	"within without among whether yet still even just ever never already almost really per via " +
	"etc one two three first second last next new well")

// englishPhraseEdges tells whether a key phrase may start or end with the
// word (lower case). Without parts of speech, adverbs (-ly) and common
// verbs do not start one ("quickly sanctions", "took part"), verb forms
// (-ed, -ing) and common verbs do not end one.
func englishPhraseEdges(lower string) PhraseEdges {
	var edges PhraseEdges
	if !strings.HasSuffix(lower, "ly") && !commonVerbs[lower] {
		edges |= StartsPhrase
	}
	if !strings.HasSuffix(lower, "ed") && !strings.HasSuffix(lower, "ing") && !commonVerbs[lower] {
		edges |= EndsPhrase
	}
	return edges
}

// commonVerbs are frequent verb forms that snowball's stop list keeps.
var commonVerbs = words("took take takes made make makes gave give gives came come comes went goes held hold holds " +
	"met meet meets left told tell tells saw see sees got get gets put puts set sets ran run " +
	"runs began begin begins brought bring brings thought think kept keep keeps found find " +
	"finds stood sent send sends won win wins lost lose led lead leads paid pay pays built " +
	"spent sought seek seeks fell rose said says say visits wants want needs need seems seem " +
	"became become becomes shows show knew know knows hopes hope matter matters")

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
