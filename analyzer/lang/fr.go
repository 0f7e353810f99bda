package lang

import "github.com/kljensen/snowball/french"

// frenchPack is the French pack: snowball's stemmer and stop words. It has
// no background frequencies yet (key terms are weighed by count), and it
// shares English's reporting words and key-phrase edge rule, as every
// language did before packs: the languages work gives it its own.
var frenchPack = &definition{
	code: "fr", name: "french",
	stem: french.Stem, isStop: french.IsStopWord,
	reporting:   englishReporting,
	phraseEdges: englishPhraseEdges,
}
