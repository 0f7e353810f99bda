package lang

// englishQuotes holds the English attribution verbs and speaker words.
var englishQuotes = &Quotes{
	Marks: []QuoteMark{{'“', '”'}, {'„', '”'}, {'«', '»'}},
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
	Sources:     set("according to"),
	Cognition:   words("believe think fear hope expect suspect reckon conclude estimate predict"),
	TakesObject: words("tell inform assure remind warn promise ask"),
	Adverbials: words("afterwards later yesterday today also again earlier recently privately publicly separately " +
		"tonight repeatedly previously now then once firmly flatly"),
	DatePrepositions: words("on in at last this next late early"),
	Listeners: words("reporters journalists parliament lawmakers mps senators investigators police supporters " +
		"voters residents staff"),
	Naming:         verbForms("call called calls", "describe described describes", "dub dubbed", "term termed", "label labelled labeled"),
	That:           set("that"),
	Pronouns:       map[string]Pronoun{"he": {"PER", Male, false}, "she": {"PER", Female, false}, "it": {"ORG", UnknownGender, false}, "they": {"ORG", UnknownGender, true}},
	ObjectPronouns: words("me us him her them you"),
	Possessives:    map[string]Gender{"his": Male, "her": Female, "he": Male, "she": Female, "him": Male, "himself": Male, "herself": Female},
	MaleCues: words("mr sir king prince lord duke emperor monsieur herr señor senor husband father son brother " +
		"uncle grandfather nephew boyfriend"),
	FemaleCues: words("mrs ms miss madam madame mme queen princess lady dame duchess empress frau señora senora " +
		"wife mother daughter sister aunt grandmother niece girlfriend"),
	Determiners: words("the a an one another its their his her some two three several many"),
	Definite:    set("the"),
	PersonNouns: words("man woman boy girl child teenager mother father wife husband son daughter sister brother " +
		"grandmother grandfather teacher nurse doctor driver farmer fisherman worker officer " +
		"minister mayor president chairman chairwoman director manager coach player striker captain " +
		"goalkeeper singer actor actress author writer lawyer judge senator governor councillor " +
		"pensioner student owner founder engineer economist analyst professor scientist researcher " +
		"activist campaigner witness victim survivor veteran herder baker chef pilot priest leader " +
		"chief executive diplomat ambassador envoy spokesman spokeswoman spokesperson"),
	PersonSuffix: "-old",
	Linkers:      words("of at for from with close to in"),
	VerbGroup: words("has have had was were is are will would also later then again previously repeatedly firmly " +
		"publicly quoted as been reportedly once earlier recently still already now herself himself " +
		"itself themselves may might could can must should did does do"),
	Passive:  words("is are was were be been being"),
	Negation: words("not never n't nobody no neither nor"),
	Finite: words("is are was were am will would can could shall should may might must has have had do does " +
		"did won't wouldn't can't cannot isn't wasn't weren't aren't hadn't hasn't haven't don't " +
		"doesn't didn't couldn't shouldn't knew rose fell grew made took gave went came saw got " +
		"kept left lost won paid sold said told thought felt found meant stood ran began became " +
		"brought bought caught held led spent sent built knows needs wants plans remains faces " +
		"gives shows means seems looks works lacks owes hit cut put set let shut quit need want " +
		"know remain"),
	PastSuffix:       "ed",
	PresentSuffix:    "s",
	InfinitiveMarker: "to",
	AgentMarker:      "by",
	NotVerbs: words("its news yes always sometimes perhaps afterwards towards besides nevertheless series " +
		"species politics economics physics means lens chaos whereas years months weeks days hours " +
		"minutes times others"),
	NoContent: words("nothing goodbye hello little much more so yes no sorry thanks thank something anything " +
		"everything when whether if why how where what who which to about for of by with at into"),
	Idioms: set("said to", "said than", "said and", "says to", "having said", "that said", "to say", "to tell"),
	ClauseWords: words("in on at after before when while as and but or because if though although since despite " +
		"asked speaking meanwhile however yesterday today later"),
}
