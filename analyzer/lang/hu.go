package lang

import "github.com/kljensen/snowball/hungarian"

// hungarianPack is the Hungarian pack: snowball's stemmer and stop words,
// the words of dates and quotes written for it, and, as data files (hu/),
// background frequencies and a name tagger model from NYTK-NerKor's
// training set (news, web, Wikipedia, legal texts and fiction; CC BY-SA
// 4.0). A name's suffixes stay in its span (Budapesten, Orbánnak), as the
// corpus marks them.
var hungarianPack = &definition{
	code: "hu", name: "hungarian",
	stem: hungarian.Stem, isStop: hungarian.IsStopWord,
	reporting:   hungarianReporting,
	phraseEdges: hungarianPhraseEdges,
	// With the digraph initials (Varga Zs. András, Sz. Károly), sz. also
	// the abbreviation of szám (40. sz.), and Bp. (Budapest: Bp. Honvéd).
	abbreviations: words("pl kb dr ún ill u id ifj özv kft zrt nyrt bt ld vö szül zs sz gy cs ny ty ly dzs bp"),
	romanOrdinals: true,
	dates:         hungarianDates,
	quotes:        hungarianQuotes,
	honorifics: honorifics(
		"úr elnök király herceg tábornok miniszter polgármester",
		"asszony hölgy kisasszony királynő hercegnő"),
	files: hungarianFiles,
}

var hungarianReporting = words("mondta közölte szerint is még már év évben egy két három első új lehet kell volt lesz van " +
	"nem csak úgy így azt ezt")

// hungarianPhraseEdges: a key phrase does not end with a verb in the past
// tense (-ta, -te, -tt) nor start with one.
func hungarianPhraseEdges(lower string) PhraseEdges {
	edges := StartsPhrase | EndsPhrase
	if hasAnySuffix(lower, "tt", "ta", "te", "ott", "ett") {
		edges &^= EndsPhrase | StartsPhrase
	}
	return edges
}

var hungarianDates = &Dates{
	Months: monthForms("január januárban januári jan jan.", "február februárban februári febr febr.",
		"március márciusban márciusi márc márc.", "április áprilisban áprilisi ápr ápr.", "május májusban májusi máj máj.",
		"június júniusban júniusi jún jún.", "július júliusban júliusi júl júl.",
		"augusztus augusztusban augusztusi aug aug.", "szeptember szeptemberben szeptemberi szept szept.",
		"október októberben októberi okt okt.", "november novemberben novemberi nov nov.",
		"december decemberben decemberi dec dec."),
	Weekdays: days("vasárnap vasárnapon", "hétfő hétfőn", "kedd kedden", "szerda szerdán", "csütörtök csütörtökön",
		"péntek pénteken", "szombat szombaton"),
	Relative: map[string]RelativeDate{
		"ma": {"day", 0}, "tegnap": {"day", -1}, "tegnapelőtt": {"day", -2}, "holnap": {"day", 1},
		"holnapután": {"day", 2}, "ma reggel": {"day", 0}, "ma este": {"day", 0}, "tegnap este": {"day", -1},
		"tavaly": {"year", -1}, "idén": {"year", 0}, "az idén": {"year", 0}, "jövőre": {"year", 1},
		"múlt héten": {"week", -1}, "a múlt héten": {"week", -1}, "ezen a héten": {"week", 0}, "jövő héten": {"week", 1},
		"a jövő héten": {"week", 1}, "múlt hónapban": {"month", -1}, "a múlt hónapban": {"month", -1},
		"jövő hónapban": {"month", 1}, "a jövő hónapban": {"month", 1},
	},
	WeekdayOffsets: map[string]int{"múlt": -1, "jövő": 1},
	AgoAfter:       []string{"ezelőtt"},
	Units:          unitForms("day nap nappal napja", "week hét héttel hete", "month hónap hónappal hónapja", "year év évvel éve"),
	AgoUnits:       map[string]string{"napja": "day", "hete": "week", "hónapja": "month", "éve": "year"},
	Numbers:        numbers("egy", "két kettő", "három", "négy", "öt", "hat", "hét", "nyolc", "kilenc", "tíz"),
	YearFirst:      true,
}

var hungarianQuotes = &Quotes{
	// „ ” outside, » « inside.
	Marks:        []QuoteMark{{'„', '”'}, {'»', '«'}, {'“', '”'}},
	DialogueDash: true,
	Verbs: verbForms(
		"mond mondta mondja mondták mondott",
		"közöl közölte közli közölték",
		"nyilatkoz nyilatkozta nyilatkozott",
		"hangsúlyoz hangsúlyozta hangsúlyozza",
		"hozzátesz hozzátette hozzáteszi",
		"jelent jelentette jelenti",
		"kijelent kijelentette kijelenti",
		"fogalmaz fogalmazott",
		"állít állította állítja",
		"ír írta írja",
		"válaszol válaszolta válaszolt",
		"figyelmeztet figyelmeztetett",
		"elmond elmondta elmondja",
		"tájékoztat tájékoztatott",
		"gondol gondolja gondolta",
		"vél véli vélte",
	),
	Phrases:          map[string][]VerbPhrase{"szerint": {{Base: "szerint"}}},
	Sources:          set("szerint"),
	Postpositions:    set("szerint"),
	Cognition:        set("gondol", "vél"),
	TakesObject:      words("mond elmond közöl válaszol tájékoztat"),
	Adverbials:       words("is később korábban most akkor tegnap ma"),
	DatePrepositions: set(),
	Listeners:        words("újságíróknak lapunknak mti sajtónak"),
	Naming:           verbForms("nevez nevezte", "minősít minősítette"),
	That:             set("hogy"),
	Pronouns:         map[string]Pronoun{"ő": {"PER", UnknownGender, false}, "ők": {"PER", UnknownGender, true}},
	ObjectPronouns:   words("nekem nekünk neki nekik"),
	MaleCues:         words("úr király herceg férj apa fia testvére bácsi"),
	FemaleCues:       words("asszony hölgy kisasszony királynő hercegnő feleség felesége anya lánya néni"),
	Determiners:      words("a az egy két három több"),
	Definite:         set("a", "az"),
	PersonNouns: words("férfi nő gyerek tanár orvos ápoló sofőr miniszter polgármester elnök igazgató edző játékos " +
		"kapitány szóvivő ügyvéd bíró professzor tanú vezető nagykövet elemző szakértő forrás"),
	Linkers:     set("a", "az"),
	VerbGroup:   words("is később korábban már még azt ezt"),
	Passive:     set("volt", "van", "lesz"),
	Negation:    set("nem", "soha", "senki"),
	Finite:      words("van volt lesz lehet kell fog fogja nincs nem akar tud"),
	NoContent:   words("semmit szia igen nem köszönöm valamit mikor hol hogyan miért ki ha"),
	ClauseWords: words("után előtt amikor míg és de vagy mert ha bár tegnap ma szerint"),
}
