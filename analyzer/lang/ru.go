package lang

import "github.com/kljensen/snowball/russian"

// russianPack is the Russian pack: snowball's stemmer and stop words. It has
// no background frequencies yet (key terms are weighed by count), and it
// shares English's reporting words and key-phrase edge rule, as every
// language did before packs: the languages work gives it its own.
var russianPack = &definition{
	code: "ru", name: "russian",
	stem: russian.Stem, isStop: russian.IsStopWord,
	reporting:   englishReporting,
	phraseEdges: englishPhraseEdges,
}
