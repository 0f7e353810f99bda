package analyzer

import (
	"strings"
	"sync"
)

// QuoteLanguage is what the quote rules know of one language: the words of
// attribution and of reported speech. Quote marks (“ ” „ « » ") are
// read the same in every language. English is filled in (EnglishQuotes);
// a language without its own table uses English's, so its quote marks still
// count, until its pack brings its verbs.
type QuoteLanguage struct {
	// Verbs maps each written form of a speech or cognition verb to its
	// base form: said → say. They attribute quotes and introduce reported
	// speech.
	Verbs map[string]string
	// Phrases are attributions of several words, by their first word:
	// "according" + "to" → "according to", "came" + "the answer" → "answer".
	Phrases map[string][]VerbPhrase
	// Cognition verbs (believe, think) introduce reported speech but do not
	// attribute a quote in marks.
	Cognition map[string]bool
	// TakesObject are the verbs whose listener may stand between the verb
	// and what was said: told the court that …, tells me ….
	TakesObject map[string]bool
	// Adverbials may stand between a verb and what was said: said
	// afterwards that …, said on Tuesday the city ….
	Adverbials map[string]bool
	// DatePrepositions lead a date between a verb and what was said: said
	// on Tuesday.
	DatePrepositions map[string]bool
	// Listeners may stand between a verb that takes an object and what was
	// said: told reporters ….
	Listeners map[string]bool
	// Naming verbs quote words as a name for something (called it “…”),
	// each form with its base form.
	Naming map[string]string
	// That introduces a reported clause: said that ….
	That map[string]bool
	// Pronouns that can stand for a speaker, with the kind of name they
	// stand for and the gender they give.
	Pronouns map[string]Pronoun
	// ObjectPronouns may be a listener: told me, told them.
	ObjectPronouns map[string]bool
	// Possessives tell a person's gender: Solberg and her deputy.
	Possessives map[string]gender
	// MaleCues and FemaleCues are titles and kinship words before a name:
	// Mr, Ms, wife.
	MaleCues, FemaleCues map[string]bool
	// Determiners start a speaker's description: the ministry, a source.
	Determiners map[string]bool
	// Definite determiners start a description that may stand for a
	// person named before: the nurse, the 34-year-old.
	Definite map[string]bool
	// PersonNouns are descriptions of a person (the teacher); words ending
	// in PersonSuffix (the 34-year-old) count too.
	PersonNouns  map[string]bool
	PersonSuffix string
	// Linkers join a speaker to an organisation or a description of them:
	// Jane Doe of Acme, a source close to the talks.
	Linkers map[string]bool
	// Auxiliaries and adverbs that may stand between a speaker and the
	// verb: has denied, was later quoted as saying.
	VerbGroup map[string]bool
	// Passive marks a verb used in the passive (is said to be, was
	// announced), which reports no speaker's content.
	Passive map[string]bool
	// Negation before a verb (did not say) reports no content.
	Negation map[string]bool
	// Finite words show that what follows a verb is a clause (the border
	// would reopen, prices rose) rather than an object (said nothing).
	Finite map[string]bool
	// NotVerbs end like a present-tense verb but are not one: news, always.
	NotVerbs map[string]bool
	// PastSuffix marks a past-tense verb (closed, affected).
	PastSuffix string
	// NoContent words right after a verb say nothing was reported: said
	// nothing, said goodbye, declined to say when.
	NoContent map[string]bool
	// Idioms are a verb form with the word after it that are not speech:
	// easier said than done, when all is said and done.
	Idioms map[string]bool
	// Clause words before a speaker end the speaker's phrase: In a
	// statement, the ministry said.
	ClauseWords map[string]bool
}

// verbEntry is what a word can start: a verb (base) and phrases.
type verbEntry struct {
	base    string
	phrases []VerbPhrase
}

// verbLookup is a language's Verbs and Phrases joined by first word.
type verbLookup struct {
	table   map[string]verbEntry
	longest int // bytes of the longest first word
}

// verbTables caches each language's verbLookup: a QuoteLanguage is
// read-only once in use.
var verbTables sync.Map // *QuoteLanguage → *verbLookup

// verbTable joins Verbs and Phrases into one table, built once per
// language, so that a word costs one lookup.
func (q *QuoteLanguage) verbTable() (map[string]verbEntry, int) {
	if v, ok := verbTables.Load(q); ok {
		l := v.(*verbLookup)
		return l.table, l.longest
	}
	l := &verbLookup{table: make(map[string]verbEntry, len(q.Verbs)+len(q.Phrases))}
	for form, base := range q.Verbs {
		l.table[form] = verbEntry{base: base}
		l.longest = max(l.longest, len(form))
	}
	for first, ps := range q.Phrases {
		e := l.table[first]
		e.phrases = ps
		l.table[first] = e
		l.longest = max(l.longest, len(first))
	}
	v, _ := verbTables.LoadOrStore(q, l)
	l = v.(*verbLookup)
	return l.table, l.longest
}

// VerbPhrase is an attribution of several words: Rest follows the first
// word (lower case, space-separated) and Base is its base form.
type VerbPhrase struct {
	Rest []string
	Base string
}

// Pronoun is what a pronoun can stand for.
type Pronoun struct {
	Label  Label // PER or ORG
	Gender gender
	Plural bool
}

// quoteLanguageFor returns the quote words of the language (an ISO 639-1
// code), English's for a language that has none yet.
func quoteLanguageFor(lang string) *QuoteLanguage {
	if q, ok := quoteLanguages[lang]; ok {
		return q
	}
	return EnglishQuotes
}

var quoteLanguages = map[string]*QuoteLanguage{"en": EnglishQuotes}

// verbForms builds a Verbs table from lines of a base form followed by its
// other forms.
func verbForms(lines ...string) map[string]string {
	m := map[string]string{}
	for _, l := range lines {
		f := strings.Fields(l)
		for _, w := range f {
			m[w] = f[0]
		}
	}
	return m
}

// EnglishQuotes holds the English attribution verbs and speaker words.
var EnglishQuotes = &QuoteLanguage{
	Verbs: verbForms(
		"say said says saying",
		"tell told tells telling",
		"add added adds adding",
		"ask asked asks",
		"state stated states",
		"declare declared declares",
		"warn warned warns warning",
		"explain explained explains",
		"note noted notes",
		"insist insisted insists insisting",
		"write wrote writes written writing",
		"tweet tweeted tweets",
		"post posted",
		"reply replied replies",
		"respond responded responds",
		"answer answered answers",
		"remark remarked remarks",
		"comment commented",
		"announce announced announces announcing",
		"argue argued argues arguing",
		"claim claimed claims claiming",
		"confirm confirmed confirms",
		"acknowledge acknowledged acknowledges",
		"recall recalled recalls",
		"stress stressed stresses",
		"emphasise emphasised emphasises emphasize emphasized emphasizes",
		"admit admitted admits",
		"suggest suggested suggests",
		"predict predicted predicts",
		"promise promised promises",
		"vow vowed vows",
		"pledge pledged pledges",
		"joke joked jokes",
		"quip quipped quips",
		"deny denied denies denying",
		"concede conceded concedes",
		"complain complained complains",
		"counter countered counters",
		"protest protested protests",
		"observe observed observes",
		"reiterate reiterated reiterates",
		"reveal revealed reveals",
		"disclose disclosed discloses",
		"allege alleged alleges",
		"estimate estimated estimates",
		"caution cautioned cautions",
		"maintain maintained maintains",
		"contend contended contends",
		"assert asserted asserts",
		"assure assured assures",
		"remind reminded reminds",
		"retort retorted retorts",
		"shout shouted shouts",
		"boast boasted boasts",
		"lament lamented laments",
		"testify testified testifies",
		"inform informed informs",
		"continue continued continues",
		"believe believed believes",
		"think thought thinks",
		"fear feared fears",
		"hope hoped hopes",
		"expect expected expects",
		"suspect suspected suspects",
		"reckon reckoned reckons",
		"conclude concluded concludes",
	),
	Phrases: map[string][]VerbPhrase{
		"according": {{Rest: []string{"to"}, Base: "according to"}},
		"came": {
			{Rest: []string{"the", "answer"}, Base: "answer"},
			{Rest: []string{"the", "reply"}, Base: "reply"},
			{Rest: []string{"the", "response"}, Base: "respond"},
		},
		"pointed": {{Rest: []string{"out"}, Base: "point out"}},
		"points":  {{Rest: []string{"out"}, Base: "point out"}},
		"went":    {{Rest: []string{"on"}, Base: "go on"}},
		"goes":    {{Rest: []string{"on"}, Base: "go on"}},
	},
	Cognition:   set("believe", "think", "fear", "hope", "expect", "suspect", "reckon", "conclude", "estimate", "predict"),
	TakesObject: set("tell", "inform", "assure", "remind", "warn", "promise", "ask"),
	Adverbials: set("afterwards", "later", "yesterday", "today", "also", "again", "earlier", "recently", "privately",
		"publicly", "separately", "tonight", "repeatedly", "previously", "now", "then", "once", "firmly", "flatly"),
	DatePrepositions: set("on", "in", "at", "last", "this", "next", "late", "early"),
	Listeners:        set("reporters", "journalists", "parliament", "lawmakers", "mps", "senators", "investigators", "police", "supporters", "voters", "residents", "staff"),
	Naming:           verbForms("call called calls", "describe described describes", "dub dubbed", "term termed", "label labelled labeled"),
	That:             set("that"),
	Pronouns:         map[string]Pronoun{"he": {PER, male, false}, "she": {PER, female, false}, "it": {ORG, unknownGender, false}, "they": {ORG, unknownGender, true}},
	ObjectPronouns:   set("me", "us", "him", "her", "them", "you"),
	Possessives:      map[string]gender{"his": male, "her": female, "he": male, "she": female, "him": male, "himself": male, "herself": female},
	MaleCues: set("mr", "sir", "king", "prince", "lord", "duke", "emperor", "monsieur", "herr", "señor", "senor",
		"husband", "father", "son", "brother", "uncle", "grandfather", "nephew", "boyfriend"),
	FemaleCues: set("mrs", "ms", "miss", "madam", "madame", "mme", "queen", "princess", "lady", "dame", "duchess",
		"empress", "frau", "señora", "senora", "wife", "mother", "daughter", "sister", "aunt", "grandmother",
		"niece", "girlfriend"),
	Determiners: set("the", "a", "an", "one", "another", "its", "their", "his", "her", "some", "two", "three", "several", "many"),
	Definite:    set("the"),
	PersonNouns: set("man", "woman", "boy", "girl", "child", "teenager", "mother", "father", "wife", "husband", "son",
		"daughter", "sister", "brother", "grandmother", "grandfather", "teacher", "nurse", "doctor", "driver",
		"farmer", "fisherman", "worker", "officer", "minister", "mayor", "president", "chairman", "chairwoman",
		"director", "manager", "coach", "player", "striker", "captain", "goalkeeper", "singer", "actor", "actress",
		"author", "writer", "lawyer", "judge", "senator", "governor", "councillor", "pensioner", "student", "owner",
		"founder", "engineer", "economist", "analyst", "professor", "scientist", "researcher", "activist",
		"campaigner", "witness", "victim", "survivor", "veteran", "herder", "baker", "chef", "pilot", "priest",
		"leader", "chief", "executive", "diplomat", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson"),
	PersonSuffix: "-old",
	Linkers:      set("of", "at", "for", "from", "with", "close", "to", "in"),
	VerbGroup: set("has", "have", "had", "was", "were", "is", "are", "will", "would", "also", "later", "then",
		"again", "previously", "repeatedly", "firmly", "publicly", "quoted", "as", "been", "reportedly", "once",
		"earlier", "recently", "still", "already", "now", "herself", "himself", "itself", "themselves", "may", "might",
		"could", "can", "must", "should", "did", "does", "do"),
	Passive:  set("is", "are", "was", "were", "be", "been", "being"),
	Negation: set("not", "never", "n't", "nobody", "no", "neither", "nor"),
	Finite: set("is", "are", "was", "were", "am", "will", "would", "can", "could", "shall", "should", "may", "might",
		"must", "has", "have", "had", "do", "does", "did", "won't", "wouldn't", "can't", "cannot", "isn't", "wasn't",
		"weren't", "aren't", "hadn't", "hasn't", "haven't", "don't", "doesn't", "didn't", "couldn't", "shouldn't",
		"knew", "rose", "fell", "grew", "made", "took", "gave", "went", "came", "saw", "got", "kept", "left", "lost",
		"won", "paid", "sold", "said", "told", "thought", "felt", "found", "meant", "stood", "ran", "began", "became",
		"brought", "bought", "caught", "held", "led", "spent", "sent", "built", "knows", "needs", "wants", "plans",
		"remains", "faces", "gives", "shows", "means", "seems", "looks", "works", "lacks", "owes", "hit", "cut", "put",
		"set", "let", "shut", "quit", "need", "want", "know", "remain"),
	PastSuffix: "ed",
	NotVerbs: set("its", "news", "yes", "always", "sometimes", "perhaps", "afterwards", "towards", "besides",
		"nevertheless", "series", "species", "politics", "economics", "physics", "means", "lens", "chaos",
		"whereas", "years", "months", "weeks", "days", "hours", "minutes", "times", "others"),
	NoContent: set("nothing", "goodbye", "hello", "little", "much", "more", "so", "yes", "no", "sorry", "thanks",
		"thank", "something", "anything", "everything", "when", "whether", "if", "why", "how", "where", "what",
		"who", "which", "to", "about", "for", "of", "by", "with", "at", "into"),
	Idioms:      set("said to", "said than", "said and", "says to", "having said", "that said", "to say", "to tell"),
	ClauseWords: set("in", "on", "at", "after", "before", "when", "while", "as", "and", "but", "or", "because", "if", "though", "although", "since", "despite", "asked", "speaking", "meanwhile", "however", "yesterday", "today", "later"),
}
