package analyzer

func Tokenize(text string) []Token                          { return nil }
func SplitSentences(text string, tokens []Token) []Sentence { return nil }
func stemTokens(doc *Document)                              {}
func findNumbers(doc *Document) []Mention                   { return nil }
func mergeMentions(names, numbers []Mention) []Mention      { return append(names, numbers...) }
func groupEntities(doc *Document)                           {}
func findQuotes(doc *Document) []Quote                      { return nil }
func keyTerms(doc *Document) []Term                         { return nil }
func countStats(doc *Document) Stats                        { return Stats{} }
