package analyzer

// The English word tables of the name rules (namerules.go) and of alias
// merging (entities.go), in one place: English's language pack owns them,
// and another language brings its own.

// nameDeterminers are words that start a sentence before a name but are no
// part of it ("An Acme Airlines flight"). "The" is left to the tagger: it
// begins some names (The Hague, The Times).
var nameDeterminers = set("a", "an", "this", "that", "these", "those", "every", "each", "another", "some",
	"several", "many", "both", "all", "no", "its", "their", "our", "his", "her")

// trailingTitles are titles and ranks that follow a name when the next
// name's title comes right after it ("the Eastmark Guard Col. Ortega"):
// never the end of a name.
var trailingTitles = set("col", "col.", "gen", "gen.", "lt", "lt.", "sgt", "sgt.", "capt", "capt.", "maj", "maj.",
	"adm", "adm.", "cmdr", "cmdr.", "cpl", "cpl.", "pte", "pte.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
	"prof", "prof.", "sen", "sen.", "rep", "rep.", "gov", "gov.", "president", "minister", "premier", "chancellor",
	"senator", "governor", "mayor", "colonel", "general", "lieutenant", "sergeant", "captain", "major",
	"chairman", "chairwoman", "spokesman", "spokeswoman")

// monthNames never end a name: "Nordpress December sales".
var monthNames = set("january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december")

// countryPrefixes are country names written before an institution, which
// by the CoNLL guidelines is then one organisation: U.S. Coast Guard.
var countryPrefixes = set("u.s.", "us", "u.s", "u.k.", "uk", "british", "eu", "e.u.", "un", "u.n.")

// institutionWords mark an organisation as a public body, one a country's
// name before it belongs to (U.S. Coast Guard, U.S. District Court); a
// company (U.S. TV Guide) keeps the country apart.
var institutionWords = set("army", "navy", "air", "force", "forces", "marine", "marines", "coast", "guard",
	"court", "courts", "senate", "congress", "house", "treasury", "treasuries", "department", "state",
	"federal", "district", "bureau", "agency", "administration", "commission", "committee", "service",
	"postal", "embassy", "military", "attorney", "office", "reserve", "mint", "customs", "command",
	"justice", "defense", "defence", "interior", "census", "supreme", "appeals", "parliament",
	"ministry", "border", "patrol", "police", "government", "central", "council", "foreign")

// orgHeads end the first part of an official name that goes on after "of",
// "for" or "and": Office of Rural Water Supply, Institute for Coastal
// Research and Forecasting.
var orgHeads = set("office", "institute", "ministry", "department", "bureau", "council", "commission", "agency",
	"centre", "center", "school", "college", "academy", "federation", "association", "union", "society",
	"board", "authority", "court", "bank", "university", "foundation", "fund", "organisation",
	"organization", "league", "party", "committee", "corporation", "service", "administration", "museum",
	"institution", "alliance", "coalition", "chamber", "conference", "secretariat", "tribunal",
	"directorate", "inspectorate", "commissioner", "academy", "programme", "program", "department",
	"command", "corps", "division", "laboratory", "laboratories", "hospital", "trust", "network")

// officialNameLinks join an organisation's head to the rest of its name.
var officialNameLinks = set("of", "for")

// combiningForms are the first parts of compound modifiers (Sino-Korean,
// Anglo-French): such a compound is no place.
var combiningForms = set("sino", "anglo", "franco", "indo", "afro", "euro", "russo", "italo", "greco",
	"austro", "hispano", "luso", "nippo", "serbo", "turco", "judeo", "arab", "pan")

// knownAliases are names written differently for the same country or
// body: the article's DPRK is its North Korea. Each group's forms are
// folded as entities.go folds names (lower case, periods dropped, initials
// joined).
var knownAliases = [][]string{
	{"north korea", "dprk", "democratic people's republic of korea", "democratic peoples republic of korea"},
	{"south korea", "rok", "republic of korea"},
	{"united states", "us", "usa", "united states of america", "america"},
	{"united kingdom", "uk", "britain", "great britain"},
	{"european union", "eu"},
	{"united nations", "un"},
	{"china", "prc", "people's republic of china", "peoples republic of china"},
	{"russia", "russian federation"},
	{"united arab emirates", "uae"},
	{"democratic republic of congo", "democratic republic of the congo", "drc"},
	{"north atlantic treaty organization", "north atlantic treaty organisation", "nato"},
}

// directionWords stand alone for a name that starts with them once it is
// known: the North after North Korea.
var directionWords = set("north", "south", "east", "west")
