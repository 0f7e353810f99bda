package lang

import "github.com/kljensen/snowball/norwegian"

// norwegianPack is the Norwegian (Bokmål) pack: snowball's stemmer and stop
// words, the words of dates and quotes written for it, and, as data files
// (no/), background frequencies and a name tagger model from NorNE's
// Bokmål training set (annotations CC0, texts of the Norwegian Dependency
// Treebank).
var norwegianPack = &definition{
	code: "no", name: "norwegian",
	stem: norwegian.Stem, isStop: norwegian.IsStopWord,
	reporting:     norwegianReporting,
	phraseEdges:   germanicPhraseEdges(norwegianVerbs),
	abbreviations: words("bl.a f.eks dvs d.v.s ca kl nr jf pga p.g.a ev iflg"),
	dates:         norwegianDates,
	quotes:        norwegianQuotes,
	honorifics: honorifics(
		"herr president konge kong prins general minister statsminister ordfører",
		"fru frøken dronning prinsesse"),
	files: norwegianFiles,
}

var norwegianReporting = words("sa sier sagt ifølge også år en ett et to tre første nye ny nytt kan skal skulle vil får " +
	"fikk bare mye mange")

var norwegianVerbs = words("er var har hadde blir ble kan skal skulle får fikk sier sa kommer går gikk gjør gjorde")

var norwegianDates = &Dates{
	Months: monthForms("januar jan jan.", "februar feb feb.", "mars", "april apr apr.", "mai", "juni", "juli",
		"august aug aug.", "september sep sep. sept sept.", "oktober okt okt.", "november nov nov.", "desember des des."),
	Weekdays: days("søndag søndagen", "mandag mandagen", "tirsdag tirsdagen", "onsdag onsdagen", "torsdag torsdagen",
		"fredag fredagen", "lørdag lørdagen"),
	Relative: map[string]RelativeDate{
		"i dag": {"day", 0}, "idag": {"day", 0}, "i går": {"day", -1}, "igår": {"day", -1}, "i forgårs": {"day", -2},
		"i morgen": {"day", 1}, "imorgen": {"day", 1}, "i overmorgen": {"day", 2}, "i kveld": {"day", 0},
		"i natt": {"day", 0}, "i morges": {"day", 0}, "i går kveld": {"day", -1},
		"i fjor": {"year", -1}, "i år": {"year", 0}, "neste år": {"year", 1}, "forrige år": {"year", -1},
		"forrige uke": {"week", -1}, "i forrige uke": {"week", -1}, "denne uken": {"week", 0}, "denne uka": {"week", 0},
		"neste uke": {"week", 1}, "forrige måned": {"month", -1}, "denne måneden": {"month", 0}, "neste måned": {"month", 1},
	},
	WeekdayOffsets: map[string]int{"forrige": -1, "neste": 1},
	AgoBefore:      []string{"for"},
	AgoAfter:       []string{"siden"},
	Units:          unitForms("day dag dager døgn", "week uke uker", "month måned måneder", "year år"),
	Numbers:        numbers("en ett et", "to", "tre", "fire", "fem", "seks", "sju syv", "åtte", "ni", "ti"),
	Prepositions:   words("i siden til fra under før etter begynnelsen slutten"),
}

var norwegianQuotes = &Quotes{
	Marks:        []QuoteMark{{'«', '»'}, {'“', '”'}},
	DialogueDash: true,
	Verbs: verbForms(
		"si sa sier sagt",
		"uttale uttalte uttaler",
		"opplyse opplyste opplyser",
		"fortelle fortalte forteller",
		"forklare forklarte forklarer",
		"skrive skrev skriver",
		"understreke understreket understreker",
		"påpeke påpekte påpeker",
		"hevde hevdet hevder",
		"svare svarte svarer",
		"advare advarte advarer",
		"mene mente mener",
		"tro trodde tror",
	),
	Phrases: map[string][]VerbPhrase{
		"ifølge": {{Base: "ifølge"}},
		"la":     {{Rest: []string{"til"}, Base: "legge til"}},
		"legger": {{Rest: []string{"til"}, Base: "legge til"}},
	},
	Sources:          set("ifølge"),
	Cognition:        set("mene", "tro"),
	TakesObject:      words("si fortelle forklare svare opplyse"),
	Adverbials:       words("også senere tidligere nå da videre"),
	DatePrepositions: set("i", "på"),
	Listeners:        words("journalister ntb nrk stortinget politiet"),
	Naming:           verbForms("kalle kalte kaller", "beskrive beskrev beskriver"),
	That:             set("at"),
	Pronouns:         map[string]Pronoun{"han": {"PER", Male, false}, "hun": {"PER", Female, false}, "de": {"PER", UnknownGender, true}},
	ObjectPronouns:   words("meg oss ham han henne dem dere"),
	Possessives:      map[string]Gender{"han": Male, "hun": Female, "hans": Male, "hennes": Female, "ham": Male, "henne": Female},
	MaleCues:         words("herr konge kong prins mann ektemann far pappa sønn bror onkel"),
	FemaleCues:       words("fru frøken dronning prinsesse kone mor mamma datter søster tante"),
	Determiners:      words("en ei et den det de hans hennes to tre flere"),
	Definite:         set("den", "det"),
	PersonNouns: words("mann kvinne barn lærer lege sykepleier sjåfør minister ordfører leder sjef direktør trener " +
		"spiller kaptein talsperson talsmann advokat dommer professor vitne ambassadør analytiker " +
		"ekspert kilde"),
	Linkers:   words("på ved fra i for"),
	VerbGroup: words("har hadde også senere tidligere nå"),
	Passive:   words("er var ble blir være vært"),
	Negation:  set("ikke", "aldri", "ingen"),
	Finite: words("er var har hadde blir ble kan kunne skal skulle må måtte får fikk kommer vil ville gjør " +
		"gjorde finnes fantes"),
	NoContent:   words("ingenting hei ja nei takk noe når hvor hvordan hvorfor hvem om"),
	ClauseWords: words("i etter før når mens og men eller fordi om selv ifølge"),
}
