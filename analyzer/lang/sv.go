package lang

import "github.com/kljensen/snowball/swedish"

// swedishPack is the Swedish pack: snowball's stemmer and stop words, the
// words of dates and quotes written for it, and, as data files (sv/),
// background frequencies and a name tagger model from the Webbnyheter 2012
// training set (web news, semi-manual labels, CC BY 4.0).
var swedishPack = &definition{
	code: "sv", name: "swedish",
	stem: swedish.Stem, isStop: swedish.IsStopWord,
	reporting:     swedishReporting,
	phraseEdges:   germanicPhraseEdges(swedishVerbs),
	abbreviations: words("t.ex bl.a s.k f.d d.v.s dvs ca kl nr resp jfr p.g.a pga f.n"),
	dates:         swedishDates,
	quotes:        swedishQuotes,
	honorifics: honorifics(
		"herr president kung prins general minister statsminister borgmästare",
		"fru fröken drottning prinsessa"),
	files: swedishFiles,
}

var swedishReporting = words("sa säger sade uppger enligt också även år en ett två tre första nya ny nytt kan ska skulle " +
	"kommer får fick bara mycket många")

var swedishVerbs = words("är var har hade blir blev kan ska skulle får fick säger sa sade kommer går gick gör gjorde")

var swedishDates = &Dates{
	Months: monthForms("januari jan jan.", "februari feb feb.", "mars", "april apr apr.", "maj", "juni", "juli",
		"augusti aug aug.", "september sept sept.", "oktober okt okt.", "november nov nov.", "december dec dec."),
	Weekdays: days("söndag söndags söndagen", "måndag måndags måndagen", "tisdag tisdags tisdagen",
		"onsdag onsdags onsdagen", "torsdag torsdags torsdagen", "fredag fredags fredagen", "lördag lördags lördagen"),
	Relative: map[string]RelativeDate{
		"i dag": {"day", 0}, "idag": {"day", 0}, "i går": {"day", -1}, "igår": {"day", -1}, "i förrgår": {"day", -2},
		"i morgon": {"day", 1}, "imorgon": {"day", 1}, "i övermorgon": {"day", 2}, "i kväll": {"day", 0},
		"ikväll": {"day", 0}, "i morse": {"day", 0}, "i går kväll": {"day", -1},
		"förra året": {"year", -1}, "i fjol": {"year", -1}, "i år": {"year", 0}, "nästa år": {"year", 1},
		"förra veckan": {"week", -1}, "i förra veckan": {"week", -1}, "den här veckan": {"week", 0},
		"denna vecka": {"week", 0}, "i veckan": {"week", 0}, "nästa vecka": {"week", 1},
		"förra månaden": {"month", -1}, "den här månaden": {"month", 0}, "nästa månad": {"month", 1},
	},
	WeekdayOffsets: map[string]int{"förra": -1, "nästa": 1},
	AgoBefore:      []string{"för"},
	AgoAfter:       []string{"sedan", "sen"},
	Units:          unitForms("day dag dagar", "week vecka veckor", "month månad månader", "year år"),
	Numbers:        numbers("en ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"),
	Prepositions:   words("i sedan till från under före efter början slutet"),
}

var swedishQuotes = &Quotes{
	// ” ” and » »: one character opens and closes.
	Marks:        []QuoteMark{{'”', '”'}, {'»', '»'}, {'“', '”'}, {'«', '»'}},
	DialogueDash: true,
	Verbs: verbForms(
		"säga sa sade säger sagt",
		"uppge uppger uppgav uppgett",
		"berätta berättar berättade",
		"förklara förklarar förklarade",
		"konstatera konstaterar konstaterade",
		"skriva skriver skrev",
		"tillägga tillägger tillade",
		"meddela meddelar meddelade",
		"betona betonar betonade",
		"understryka understryker underströk",
		"hävda hävdar hävdade",
		"svara svarar svarade",
		"varna varnar varnade",
		"påpeka påpekar påpekade",
		"medge medger medgav",
		"uttala uttalar uttalade",
		"fråga frågar frågade",
		"tro tror trodde",
		"anse anser ansåg",
		"tycka tycker tyckte",
	),
	Phrases:          map[string][]VerbPhrase{"enligt": {{Base: "enligt"}}},
	Sources:          set("enligt"),
	Cognition:        set("tro", "anse", "tycka"),
	TakesObject:      words("säga berätta förklara svara meddela"),
	Adverbials:       words("i också även senare tidigare nu då igår"),
	DatePrepositions: set("i", "på"),
	Listeners:        words("journalister tt reportrar riksdagen polisen"),
	Naming:           verbForms("kalla kallar kallade", "beskriva beskriver beskrev"),
	That:             set("att"),
	Pronouns:         map[string]Pronoun{"han": {"PER", Male, false}, "hon": {"PER", Female, false}, "de": {"PER", UnknownGender, true}},
	ObjectPronouns:   words("mig oss honom henne dem er"),
	Possessives:      map[string]Gender{"han": Male, "hon": Female, "hans": Male, "hennes": Female, "honom": Male, "henne": Female},
	MaleCues:         words("herr kung prins make man pappa far son bror farbror morbror"),
	FemaleCues:       words("fru fröken drottning prinsessa hustru fru mamma mor dotter syster faster moster"),
	Determiners:      words("en ett den det de hans hennes två tre flera"),
	Definite:         set("den", "det"),
	PersonNouns: words("man kvinna barn lärare läkare sjuksköterska förare minister borgmästare ordförande chef " +
		"direktör tränare spelare kapten talesperson talesman advokat domare professor vittne " +
		"ledare ambassadör analytiker expert källa"),
	Linkers:   words("på vid från i för"),
	VerbGroup: words("har hade också även senare tidigare nu"),
	Passive:   words("är var blev blir vara varit"),
	Negation:  set("inte", "aldrig", "ingen"),
	Finite: words("är var har hade blir blev kan kunde ska skulle måste får fick kommer vill ville gör gjorde " +
		"finns fanns"),
	NoContent:   words("inget ingenting hej ja nej tack något när var hur varför vem om"),
	ClauseWords: words("i efter före när medan och men eller eftersom om trots enligt"),
}
