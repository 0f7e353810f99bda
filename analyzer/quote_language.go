package analyzer

import "annotator/analyzer/lang"

// QuoteLanguage is what the quote rules know of one language: its quote
// marks and words of attribution, which its language pack holds
// (lang.Quotes).
type QuoteLanguage = lang.Quotes

// VerbPhrase is an attribution of several words (lang.VerbPhrase).
type VerbPhrase = lang.VerbPhrase

// Pronoun is what a pronoun can stand for (lang.Pronoun).
type Pronoun = lang.Pronoun

// EnglishQuotes holds the English quote marks, attribution verbs and
// speaker words (the English pack's).
var EnglishQuotes = englishPack.Quotes()

// QuoteVerb is what a word can start: a verb and phrases (lang.VerbEntry).
type QuoteVerb = lang.VerbEntry
