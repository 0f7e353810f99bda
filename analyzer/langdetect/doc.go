// Package langdetect tells which of the annotator's seven languages (en es
// fr ru sv no hu) a text is written in, or that it cannot tell: the text is
// too short, mixed, or in another script. It is pure Go with an embedded
// 48 KB table, and reads at most 16 KB of a text however long it is.
//
//	r := langdetect.Detect(text)
//	if r.Decided() {
//		lang = r.Lang // lang_source "detected"
//	} else {
//		lang = userChoice // lang_source "fallback"; r.Reason says why
//	}
//
// How it reads a text, as CLD2 and whatlang do, script first:
//
//   - Letters are counted by script. Mostly Cyrillic is Russian, the only
//     Cyrillic language of the seven; mostly another script (Greek, Han,
//     Arabic…) is OtherScript; a text where no script holds MinShare of
//     the letters is Mixed.
//   - Latin-script words are read as character n-grams of 1 to 5 letters,
//     lower-cased, word boundaries included (" och ", " sk", "ing "), hashed
//     into 2^14 buckets. A multinomial naive Bayes model (as in langdetect
//     and lingua) holds, per bucket and language, the smoothed
//     log-probability below the likeliest language's, in 4-bit steps of a
//     third of a nat: swapping a language model for a table of penalties
//     keeps the decisions and fits the six Latin-script languages in 3
//     bytes a bucket. Scoring adds one 64-bit word of 10-bit lanes per
//     n-gram.
//   - Naive Bayes counts overlapping n-grams as independent evidence, so
//     its raw posteriors are near 0 or 1; the log-odds are divided by a
//     temperature fitted on held-out training text (temperature scaling),
//     so Confidence means what it says on short texts too.
//   - The text is also read in stretches of about 120 letters: when the
//     stretches that are sure of themselves disagree, and the winner holds
//     less than MinShare of their letters, the text is Mixed (an article
//     with a short quotation in another language is not).
//   - A text over 16 KB is read as 8 windows of 2 KB spread from its start
//     to its end, so the cost of a huge paste is bounded and a language
//     change half-way is still seen.
//
// The table (table.bin) is made by gen from the training splits in
// ../shared, never the dev splits, and holds only hashed counts, no text:
//
//	go run ./analyzer/langdetect/gen        # or make langdetect
//	go run ./analyzer/langdetect/gen -cv    # the cross-validation behind the settings
//
// Files: detect.go (Detect, Result, the thresholds, sampling), features.go
// (letters, scripts and n-gram hashing), model.go (the table's format and
// scoring), train.go (the trainer and calibration), gen/ (the generator),
// internal/corpus (reading ../shared for gen and the tests).
package langdetect
