package lang

import "github.com/kljensen/snowball/norwegian"

// norwegianPack is the Norwegian pack: snowball's stemmer and stop words. It
// has no background frequencies yet (key terms are weighed by count), and it
// shares English's reporting words and key-phrase edge rule, as every
// language did before packs: the languages work gives it its own.
var norwegianPack = &definition{
	code: "no", name: "norwegian",
	stem: norwegian.Stem, isStop: norwegian.IsStopWord,
	reporting:   englishReporting,
	phraseEdges: englishPhraseEdges,
}
