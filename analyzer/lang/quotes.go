package lang

import "strings"

// Quotes is what the quote rules know of one language: its quote marks and
// the words of attribution and of reported speech. Every pack has its own
// (en_quotes.go, es.go...).
type Quotes struct {
	// Marks are the quote marks the language prints, by code point: pairs
	// of opening and closing marks; a pair whose two marks are one
	// character (Swedish ” ”) opens or closes by the words it touches, as a
	// straight quote does. The straight quote (") counts in every language.
	Marks []QuoteMark
	// lookup joins Verbs and Phrases by first word, built once when the
	// pack is made (prepare): read-only after, shared by every job.
	lookup  map[string]VerbEntry
	longest int // bytes of the longest first word
	// DialogueDash opens a quote at the start of a paragraph (— No vendré
	// —dijo Juan—), closed by the next dash or the paragraph's end.
	DialogueDash bool
	// Verbs maps each written form of a speech or cognition verb to its
	// base form: said → say. They attribute quotes and introduce reported
	// speech.
	Verbs map[string]string
	// Phrases are attributions of several words, by their first word:
	// "according" + "to" → "according to", "came" + "the answer" → "answer".
	Phrases map[string][]VerbPhrase
	// Sources are the base forms that name a source rather than a
	// speaker's verb: according to X, what was said (según, selon, по
	// словам). Postpositions are those written after the source: X
	// szerint ….
	Sources, Postpositions map[string]bool
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
	Possessives map[string]Gender
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
	// PresentSuffix marks a present-tense verb after its subject (the
	// test gives); "" for a language where it says nothing.
	PresentSuffix string
	// InfinitiveMarker stands before a verb that is no finite verb (plans
	// to cut), AgentMarker after a participle (the claims made by).
	InfinitiveMarker, AgentMarker string
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

// QuoteMark is a pair of quote marks: U+201C “ opens, U+201D ” closes.
type QuoteMark struct{ Open, Close rune }

// VerbPhrase is an attribution of several words: Rest follows the first
// word (lower case, space-separated) and Base is its base form.
type VerbPhrase struct {
	Rest []string
	Base string
}

// Pronoun is what a pronoun can stand for.
type Pronoun struct {
	Label  string // PER or ORG
	Gender Gender
	Plural bool
}

// Gender is what the text says of a person: "Mr Kim", "his wife Ri Sol-ju".
type Gender int8

// Genders.
const (
	UnknownGender Gender = iota
	Male
	Female
)

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

// VerbEntry is what a word can start: a verb (Base, "" for none) and
// phrases of several words.
type VerbEntry struct {
	Base    string
	Phrases []VerbPhrase
}

// VerbLookup returns Verbs and Phrases joined by first word, so that a word
// costs one lookup, and the length in bytes of the longest first word.
func (q *Quotes) VerbLookup() (map[string]VerbEntry, int) {
	if q.lookup != nil {
		return q.lookup, q.longest
	}
	return q.joinVerbs() // a Quotes made outside a pack (tests): built each time
}

// prepare builds the verb lookup once, before any job reads the pack.
func (q *Quotes) prepare() { q.lookup, q.longest = q.joinVerbs() }

func (q *Quotes) joinVerbs() (map[string]VerbEntry, int) {
	table := make(map[string]VerbEntry, len(q.Verbs)+len(q.Phrases))
	longest := 0
	for form, base := range q.Verbs {
		table[form] = VerbEntry{Base: base}
		longest = max(longest, len(form))
	}
	for first, ps := range q.Phrases {
		e := table[first]
		e.Phrases = ps
		table[first] = e
		longest = max(longest, len(first))
	}
	return table, longest
}

// MarkRole tells whether r is one of the language's opening marks, closing
// marks, or both (a mark that opens and closes, as ” does in Swedish).
func (q *Quotes) MarkRole(r rune) (opens, closes bool) {
	for _, m := range q.Marks {
		opens = opens || m.Open == r
		closes = closes || m.Close == r
	}
	return opens, closes
}
