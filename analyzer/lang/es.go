package lang

import "github.com/kljensen/snowball/spanish"

// spanishPack is the Spanish pack: snowball's stemmer and stop words. It has
// no background frequencies yet (key terms are weighed by count), and it
// shares English's reporting words and key-phrase edge rule, as every
// language did before packs: the languages work gives it its own.
var spanishPack = &definition{
	code: "es", name: "spanish",
	stem: spanish.Stem, isStop: spanish.IsStopWord,
	reporting:   englishReporting,
	phraseEdges: englishPhraseEdges,
}
