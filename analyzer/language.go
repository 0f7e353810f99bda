package analyzer

import (
	"fmt"
	"strings"

	"annotator/analyzer/lang"
	"annotator/analyzer/langdetect"
)

// LangAuto, as Options.Lang, detects the language of the text
// (langdetect), falling back to Options.Fallback when it cannot tell.
const LangAuto = "auto"

// Where a document's language came from (Document.LangSource).
const (
	LangDetected = "detected" // read from the text
	LangFallback = "fallback" // detection could not tell: the fallback language
	LangUser     = "user"     // given by the user
)

// LanguageChoice is the language a text is annotated in, and why.
type LanguageChoice struct {
	Code   string // ISO 639-1
	Source string // LangDetected, LangFallback or LangUser
	// Reason says why detection fell back: "too short", "mixed", "other
	// script"; "" otherwise.
	Reason string
}

// ChooseLanguage returns the language to annotate text in: the one given
// (an ISO 639-1 code or snowball name; empty is English), or for LangAuto
// the one langdetect reads in the text, and when it cannot tell (a short
// or mixed text) fallback (empty: English).
func ChooseLanguage(text, language, fallback string) (LanguageChoice, error) {
	if !strings.EqualFold(strings.TrimSpace(language), LangAuto) {
		code, err := lang.Normalize(language)
		if err != nil {
			return LanguageChoice{}, err
		}
		return LanguageChoice{Code: code, Source: LangUser}, nil
	}
	fb, err := lang.Normalize(fallback)
	if err != nil {
		return LanguageChoice{}, fmt.Errorf("fallback language: %w", err)
	}
	r := langdetect.Detect(text)
	if r.Decided() {
		if code, err := lang.Normalize(r.Lang); err == nil {
			return LanguageChoice{Code: code, Source: LangDetected}, nil
		}
	}
	return LanguageChoice{Code: fb, Source: LangFallback, Reason: r.Reason.String()}, nil
}
