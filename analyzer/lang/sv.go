package lang

import "github.com/kljensen/snowball/swedish"

// swedishPack is the Swedish pack: snowball's stemmer and stop words. It has
// no background frequencies yet (key terms are weighed by count), and it
// shares English's reporting words and key-phrase edge rule, as every
// language did before packs: the languages work gives it its own.
var swedishPack = &definition{
	code: "sv", name: "swedish",
	stem: swedish.Stem, isStop: swedish.IsStopWord,
	reporting:   englishReporting,
	phraseEdges: englishPhraseEdges,
}
