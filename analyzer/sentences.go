package analyzer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"annotator/analyzer/letters"
)

// SplitSentences groups tokens into sentences. A sentence ends:
//   - at a blank line (a paragraph break);
//   - at a line break, unless the next line starts in lower case (so
//     headlines, captions and datelines without final punctuation stand
//     alone, while a sentence hard-wrapped mid-clause does not split);
//   - after . ! ? or … (with any closing quotes and brackets that follow)
//     when the next token starts a sentence: a capital, a digit, an opening
//     quote or bracket;
//   - after an abbreviation such as U.S. or Inc. only when a capitalised
//     function word follows ("in the U.S. The"), never after a title (Mr.,
//     Dr.), an initial (John F. Kennedy, В. В. Путин) or an ordinal the
//     tokenizer kept whole (Hungarian II. József).
func SplitSentences(text string, tokens []Token) []Sentence {
	var sentences []Sentence
	first := 0
	for k := 0; k < len(tokens); k++ {
		end := k
		if !sentenceEndsAfter(text, tokens, &end) {
			continue
		}
		k = end
		sentences = append(sentences, Sentence{
			Span:       Span{tokens[first].Start, tokens[k].End},
			FirstToken: first,
			EndToken:   k + 1,
		})
		first = k + 1
	}
	if first < len(tokens) {
		sentences = append(sentences, Sentence{
			Span:       Span{tokens[first].Start, tokens[len(tokens)-1].End},
			FirstToken: first,
			EndToken:   len(tokens),
		})
	}
	return sentences
}

// sentenceEndsAfter reports whether a sentence ends after token *k; it may
// move *k forward over closing quotes and brackets that belong to it.
func sentenceEndsAfter(text string, tokens []Token, k *int) bool {
	i := *k
	if i+1 >= len(tokens) {
		return true
	}
	tok := tokens[i]
	word := text[tok.Start:tok.End]
	switch {
	case lineBreakAfter(text, tokens, i):
		return true
	case tok.Kind == Punct && isTerminal(word):
		// Take closing quotes and brackets glued to the terminal mark, then
		// decide on what follows.
		j := i
		for j+1 < len(tokens) && tokens[j+1].Start == tokens[j].End && isCloser(text, tokens, j+1) {
			j++
		}
		if j+1 >= len(tokens) {
			*k = j
			return true
		}
		if lineBreakAfter(text, tokens, j) || startsSentence(text, tokens[j+1]) {
			*k = j
			return true
		}
		return false
	case tok.Kind == Word && strings.HasSuffix(word, ".") && len(word) > 1:
		if isTitleOrInitial(word) {
			return false
		}
		next := tokens[i+1]
		return next.Kind == Word && startsUpper(text[next.Start:]) && isFunctionWord(text[next.Start:next.End])
	}
	return false
}

func isTerminal(p string) bool {
	return strings.ContainsAny(p, ".!?") || p == "…" || p == "。" || p == "！" || p == "？"
}

// isCloser reports whether token j closes a quote or bracket: a right quote
// or bracket, or a straight quote or apostrophe not followed by a word glued
// to it.
func isCloser(text string, tokens []Token, j int) bool {
	p := text[tokens[j].Start:tokens[j].End]
	switch p {
	case "”", "’", "»", ")", "]", "}", "›":
		return true
	case "\"", "'":
		return j+1 >= len(tokens) || tokens[j+1].Start > tokens[j].End
	}
	return false
}

// lineBreakAfter reports whether the gap after token i holds a paragraph
// break, or a line break before a line that does not continue in lower case.
func lineBreakAfter(text string, tokens []Token, i int) bool {
	if i+1 >= len(tokens) {
		return false
	}
	gap := text[tokens[i].End:tokens[i+1].Start]
	newlines := strings.Count(gap, "\n") + strings.Count(gap, "\u2029")
	if newlines == 0 {
		newlines = strings.Count(gap, "\r")
	}
	switch {
	case newlines >= 2:
		return true
	case newlines == 1:
		r, _ := utf8.DecodeRuneInString(text[tokens[i+1].Start:])
		return !unicode.IsLower(r)
	}
	return false
}

// startsSentence reports whether a token can open a sentence.
func startsSentence(text string, t Token) bool {
	r, _ := utf8.DecodeRuneInString(text[t.Start:])
	switch {
	case unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r):
		return true
	case strings.ContainsRune("\"“‘'«([¿¡—–-", r):
		return true
	case t.Kind == Symbol || t.Kind == URL:
		return true
	case isCJK(r) || (unicode.IsLetter(r) && !unicode.IsLower(r)):
		return true // scripts without case
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return letters.IsUpper(r)
}

// titles never end a sentence when written with a period.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "maj": true, "capt": true, "cpt": true, "sgt": true, "cmdr": true, "adm": true,
	"rev": true, "fr": true, "st": true, "sen": true, "rep": true, "gov": true, "pres": true,
	"supt": true, "insp": true, "hon": true, "messrs": true, "mme": true, "mlle": true, "no": true,
}

func isTitleOrInitial(word string) bool {
	w := strings.TrimSuffix(word, ".")
	if utf8.RuneCountInString(w) == 1 || isRomanNumeral(w) {
		// One letter, in any script: an initial (or a language's
		// one-letter abbreviation, Hungarian u.). A Roman numeral keeps
		// its period only as an ordinal.
		return true
	}
	return len(w) <= 6 && titles[letters.Lower(w)]
}

// functionWords commonly open an English sentence; after an ambiguous
// abbreviation they signal that a new sentence began.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "you": true, "this": true, "that": true, "these": true, "those": true,
	"there": true, "in": true, "on": true, "at": true, "but": true, "and": true, "or": true,
	"so": true, "yet": true, "as": true, "after": true, "before": true, "when": true,
	"while": true, "if": true, "his": true, "her": true, "its": true, "their": true, "our": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "for": true, "from": true, "since": true,
	"however": true, "meanwhile": true, "still": true, "last": true, "earlier": true, "later": true,
}

func isFunctionWord(w string) bool {
	return len(w) <= 9 && functionWords[letters.Lower(w)]
}
