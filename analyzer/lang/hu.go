package lang

import "github.com/kljensen/snowball/hungarian"

// hungarianPack is the Hungarian pack: snowball's stemmer and stop words. It
// has no background frequencies yet (key terms are weighed by count), and it
// shares English's reporting words and key-phrase edge rule, as every
// language did before packs: the languages work gives it its own.
var hungarianPack = &definition{
	code: "hu", name: "hungarian",
	stem: hungarian.Stem, isStop: hungarian.IsStopWord,
	reporting:   englishReporting,
	phraseEdges: englishPhraseEdges,
}
