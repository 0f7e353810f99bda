package analyzer

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"annotator/analyzer/lang"
)

// tokenTexts returns the text of every token, and the kinds, "|"-joined.
func tokenTexts(text string) (string, string) {
	var words, kinds []string
	for _, t := range Tokenize(text) {
		words = append(words, text[t.Start:t.End])
		kinds = append(kinds, t.Kind.String())
	}
	return strings.Join(words, "|"), strings.Join(kinds, "|")
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"curly possessive", "China’s president", "China|’s|president"},
		{"straight possessive", "Beijing's airport", "Beijing|'s|airport"},
		{"plural possessive", "the Koreans’ drill", "the|Koreans|’|drill"},
		{"negation", "don't can’t", "do|n't|ca|n’t"},
		{"other clitics", "we're I'm they'll", "we|'re|I|'m|they|'ll"},
		{"apostrophe inside a name", "O'Brien and d'Ivoire", "O'Brien|and|d'Ivoire"},
		{"hyphenated names", "Kim Jong-un, Moon Jae-in", "Kim|Jong-un|,|Moon|Jae-in"},
		{"hyphenated compound", "Sino-North Korean ties", "Sino-North|Korean|ties"},
		{"thousands separator", "17,500 troops", "17,500|troops"},
		{"clock with suffix", "at 9.30am today", "at|9.30am|today"},
		{"dotted am", "9a.m. sharp", "9a.m.|sharp"},
		{"iso date", "on 1996-12-06.", "on|1996-12-06|."},
		{"percent", "rose 3.5%.", "rose|3.5%|."},
		{"money with magnitude", "a $2bn deal", "a|$2bn|deal"},
		{"currency alone", "costs $ 5", "costs|$|5"},
		{"ordinal", "June 19th, 2018", "June|19th|,|2018"},
		{"decade", "the 1990s", "the|1990s"},
		{"number then hyphenated word", "a 17-year-old boy", "a|17-year-old|boy"},
		{"title without period", "Mr Kim", "Mr|Kim"},
		{"title with period", "Dr. Smith", "Dr.|Smith"},
		{"dotted initials", "the U.S. and U.N. envoys", "the|U.S.|and|U.N.|envoys"},
		{"initial in a name", "John F. Kennedy", "John|F.|Kennedy"},
		{"sentence end is not abbreviation", "in the sun. Then", "in|the|sun|.|Then"},
		{"company suffix", "Acme Inc. said", "Acme|Inc.|said"},
		{"number sign", "No. 10 Downing Street", "No.|10|Downing|Street"},
		{"url", "see https://example.com/a_(b). Next", "see|https://example.com/a_(b)|.|Next"},
		{"url trailing punctuation", "(www.bbc.co.uk/news), then", "(|www.bbc.co.uk/news|)|,|then"},
		{"email", "write to press@gov.example.org.", "write|to|press@gov.example.org|."},
		{"web domain", "Amazon.com shares", "Amazon.com|shares"},
		{"ampersand initialism", "AT&T and P&G", "AT&T|and|P&G"},
		{"em and en dashes", "Seoul—Tokyo 2017–2018", "Seoul|—|Tokyo|2017|–|2018"},
		{"double hyphen", "wait -- no", "wait|--|no"},
		{"ellipsis", "so... what…", "so|...|what|…"},
		{"quotes", "“positive” and \"war games\"", "“|positive|”|and|\"|war|games|\""},
		{"accented", "Café Müller in Zürich", "Café|Müller|in|Zürich"},
		{"combining accent", "Cafe\u0301 open", "Cafe\u0301|open"},
		{"cyrillic", "Президент Путин заявил", "Президент|Путин|заявил"},
		{"han characters one by one", "北京市", "北|京|市"},
		{"kana runs", "東京タワーへ", "東|京|タワー|へ"},
		{"hangul words", "김정은 위원장", "김정은|위원장"},
		{"emoji with modifiers", "ok 👍🏽 🇰🇷 👨‍👩‍👧 end", "ok|👍🏽|🇰🇷|👨‍👩‍👧|end"},
		{"hashtag and handle", "#summit by @reuters", "#summit|by|@reuters"},
		{"non-breaking space separates", "Mr\u00a0Kim", "Mr|Kim"},
		{"soft hyphen kept", "denuclear\u00adisation", "denuclear\u00adisation"},
		{"invalid byte", "a\xffb", "a|\xff|b"},
		{"control character", "a\x01b", "a|\x01|b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, kinds := tokenTexts(tt.in)
			if got != tt.want {
				t.Errorf("Tokenize(%q)\n got %q\nwant %q (kinds %s)", tt.in, got, tt.want, kinds)
			}
			checkTokenInvariants(t, tt.in, Tokenize(tt.in))
		})
	}
}

func TestTokenKinds(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kim 17,500 , 😀 https://a.example/x me@a.example $2bn 9.30am 3.5% 17-year-old", "Word|Number|Punct|Symbol|URL|Email|Number|Number|Number|Word"},
		{"\xff", "Symbol"},
	}
	for _, tt := range tests {
		if _, kinds := tokenTexts(tt.in); kinds != tt.want {
			t.Errorf("kinds of %q = %s, want %s", tt.in, kinds, tt.want)
		}
	}
}

// checkTokenInvariants asserts that tokens are in range, sorted, not empty,
// on rune boundaries, and that the gaps between them are only white space,
// so tokens and gaps reproduce the text byte for byte.
func checkTokenInvariants(t *testing.T, text string, tokens []Token) {
	t.Helper()
	var rebuilt strings.Builder
	at := 0
	for i, tok := range tokens {
		if tok.Start < at || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d %+v out of order or range (previous end %d, len %d)", i, tok.Span, at, len(text))
		}
		if !onRuneBoundary(text, tok.Start) || !onRuneBoundary(text, tok.End) {
			t.Fatalf("token %d %+v splits a rune in %q", i, tok.Span, text)
		}
		gap := text[at:tok.Start]
		for _, r := range gap {
			if !isGap(r) {
				t.Fatalf("gap %q before token %d holds a non-space rune %q", gap, i, r)
			}
		}
		rebuilt.WriteString(gap)
		rebuilt.WriteString(text[tok.Start:tok.End])
		at = tok.End
	}
	for _, r := range text[at:] {
		if !isGap(r) {
			t.Fatalf("trailing gap %q holds a non-space rune", text[at:])
		}
	}
	rebuilt.WriteString(text[at:])
	if rebuilt.String() != text {
		t.Fatalf("tokens and gaps do not rebuild the text")
	}
}

// onRuneBoundary reports whether offset i does not cut a valid UTF-8
// sequence in two (invalid bytes are their own one-byte units).
func onRuneBoundary(s string, i int) bool {
	if i == 0 || i == len(s) {
		return true
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if utf8.RuneStart(s[j]) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError && n == 1 {
				return j+1 <= i
			}
			return j+n <= i
		}
	}
	return true
}

func BenchmarkTokenize(b *testing.B) {
	text := benchmarkText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Tokenize(text)
	}
}

// French elided words are split off the word after their apostrophe, as
// the French training data writes them; other languages keep such words
// whole.
func TestTokenizeElisions(t *testing.T) {
	fr, _ := lang.Get("fr")
	tests := []struct {
		lang *lang.Pack
		in   string
		want string
	}{
		{fr, "l'État d'Italie qu'il jusqu’à L'Oréal", "l'|État|d'|Italie|qu'|il|jusqu’|à|L'|Oréal"},
		{fr, "aujourd'hui presqu'île", "aujourd'hui|presqu'île"},
		{englishPack, "d'Artagnan l'État O'Neill", "d'Artagnan|l'État|O'Neill"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range tokenizeWith(tt.in, tt.lang) {
			got = append(got, tt.in[tok.Start:tok.End])
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%s: got %q, want %q", tt.in, strings.Join(got, "|"), tt.want)
		}
	}
}

// Each language's tokens, as its training data writes them: Spanish del
// and al whole, French elisions split off, abbreviations whole with their
// period (so that they end no sentence), Hungarian case endings and
// Norwegian ordinals left to the words and numbers they are on: the data
// tag Budapesten and Chilcote-ra whole as names (texts written for this
// test).
func TestTokenizeLanguages(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"es", "¿Vendrá la Sra. Gil al Congreso del Perú? Lo dijo Ud. en EE.UU.",
			"¿|Vendrá|la|Sra.|Gil|al|Congreso|del|Perú|?|Lo|dijo|Ud.|en|EE.UU."},
		{"fr", "L'ONU et l'Élysée, aujourd'hui, selon MM. Dupont et Ste. Claire.",
			"L'|ONU|et|l'|Élysée|,|aujourd'hui|,|selon|MM.|Dupont|et|Ste.|Claire|."},
		{"ru", "Театр им. Пушкина на ул. Тверской, т.е. в Москве.",
			"Театр|им.|Пушкина|на|ул.|Тверской|,|т.е.|в|Москве|."},
		{"sv", "Det gäller t.ex. Volvos fabrik, bl.a. i Göteborg kl. 10.",
			"Det|gäller|t.ex.|Volvos|fabrik|,|bl.a.|i|Göteborg|kl.|10|."},
		{"no", "Den 19. juni kom Støre, bl.a. med NRK-sjefen, f.eks. til Oslo.",
			"Den|19|.|juni|kom|Støre|,|bl.a.|med|NRK-sjefen|,|f.eks.|til|Oslo|."},
		{"hu", "2018. június 19-én dr. Kovács a Fidesz-KDNP-nek, pl. Budapesten és Chilcote-ra.",
			"2018|.|június|19-én|dr.|Kovács|a|Fidesz-KDNP-nek|,|pl.|Budapesten|és|Chilcote-ra|."},
		// Initials in any script keep their period; Hungarian's Roman
		// ordinals and digraph initials too, its Arabic ordinals not (39.
		// IAS and a sentence ending in 39. are written alike).
		{"ru", "Президент В. В. Путин.", "Президент|В.|В.|Путин|."},
		{"hu", "II. József és Varga Zs. András, a 40. sz. törvény, a Bp. Honvéd, 39. IAS.",
			"II.|József|és|Varga|Zs.|András|,|a|40|.|sz.|törvény|,|a|Bp.|Honvéd|,|39|.|IAS|."},
		{"es", "Dijo Á. Pérez en la II. República.", "Dijo|Á.|Pérez|en|la|II|.|República|."},
		// English keeps its own rules: no language's abbreviations.
		{"en", "Use e.g. t.ex. here.", "Use|e.g.|t|.|ex|.|here|."},
		{"en", "Then Ö. Sen left after World War II. The end.", "Then|Ö.|Sen|left|after|World|War|II|.|The|end|."},
	}
	for _, tt := range tests {
		pack, err := lang.Get(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tok := range tokenizeWith(tt.in, pack) {
			got = append(got, tt.in[tok.Start:tok.End])
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%s: %s\n got %s\nwant %s", tt.lang, tt.in, strings.Join(got, "|"), tt.want)
		}
	}
}

// A language's abbreviations end no sentence; its other words with a
// period still do.
func TestLanguageAbbreviationsKeepSentences(t *testing.T) {
	for _, tt := range []struct {
		lang, text string
		sentences  int
	}{
		{"sv", "Det gäller t.ex. Volvo. Sedan kom Lind.", 2},
		{"hu", "Ott volt pl. Kovács. Utána jött Nagy.", 2},
		{"ru", "Театр им. Пушкина открылся. Иван пришёл.", 2},
		{"es", "Llegó la Sra. Gil. Luego se fue.", 2},
		{"ru", "Встреча президента РФ В. В. Путина прошла вчера. Иван пришёл.", 2},
		{"hu", "Ezt II. József rendelte el. Varga Zs. András válaszolt.", 2},
		{"en", "After World War II. The end came.", 2},
	} {
		doc, err := Annotate(tt.text, Options{Lang: tt.lang, Names: noNames{}})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Sentences) != tt.sentences {
			t.Errorf("%s: %q in %d sentences, want %d", tt.lang, tt.text, len(doc.Sentences), tt.sentences)
		}
	}
}

// TestRepeatedPunctuation: a run of three or more of the same mark is one
// token (a page of brackets is not a million tokens); shorter runs stay
// apart, as quote marks next to each other must.
func TestRepeatedPunctuation(t *testing.T) {
	for text, want := range map[string][]string{
		"((((((":                  {"(((((("},
		"((a))":                   {"(", "(", "a", ")", ")"},
		`"""quoted"""`:            {`"""`, "quoted", `"""`},
		"“”":                      {"“", "”"},
		"****\n(((((x":            {"****", "(((((", "x"},
		strings.Repeat("«", 1000): {strings.Repeat("«", 1000)},
	} {
		var got []string
		for _, tok := range Tokenize(text) {
			got = append(got, text[tok.Start:tok.End])
		}
		if !slices.Equal(got, want) {
			t.Errorf("Tokenize(%.20q) = %q, want %q", text, got, want)
		}
	}
}
