package ui

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"annotator/analyzer"
)

// libraryEntry is an article saved in the browser.
type libraryEntry struct {
	ID    string // articleID of the text: saving a text twice keeps one copy
	Title string
	Text  string
	Lang  string
	Saved float64 // when, in milliseconds since 1970 (JavaScript time)
	// Names are the article's named entities as JSON ([]EntityResult), as
	// the app of version Version found them: what linking needs, kept so
	// that opening the library does not annotate every article again.
	Names   string
	Version string
	// Schema is the record's layout (libraryRecordSchema); Corrections
	// the user's corrections of the article, as JSON, as stored.
	Schema      int
	Corrections string
}

// library is the articles saved in this browser and the entities they
// share. It holds the entries and their annotations; the store keeps them.
type library struct {
	store   libraryStore
	state   string // "" (not opened yet), "ready" or "unavailable"
	entries []libraryEntry
	// results are the entries' annotations by id, for linking.
	results map[string]*analyzer.Result
	// shared are the entities named in two or more saved articles; a
	// member's Name is its article's id.
	shared []analyzer.Cluster
	// version is the app's: entries stored by another version are pending
	// until annotated again in the background, then stale until stored.
	version string
	pending []string // ids
	stale   []libraryEntry
	// annotating is the id of the pending entry being annotated
	// ("" when none), and stopAnnotating stops that run.
	annotating     string
	stopAnnotating func()
	note           string // what the last action did, for the status line
}

// articleID identifies a text: the hex of the first 16 bytes of its
// SHA-256.
func articleID(text string) string {
	lastID.Lock()
	defer lastID.Unlock()
	if text == lastID.text && lastID.id != "" {
		return lastID.id
	}
	sum := sha256.Sum256([]byte(text))
	lastID.text, lastID.id = text, hex.EncodeToString(sum[:16])
	return lastID.id
}

// lastID is the last text articleID hashed: showing a run, saving its
// draft and looking up its corrections ask for the same text's id, and a
// megabyte takes about 40 ms to hash in the wasm (a long run hashes it in
// its own slices, before it is shown).
var lastID struct {
	sync.Mutex
	text, id string
}

// maxTitle is the longest title an article gets, in characters.
const maxTitle = 90

// articleTitle is an article's first non-blank line (its headline, in a
// pasted news article), shortened to maxTitle characters.
func articleTitle(text string) string {
	for line := range strings.Lines(text) {
		if t := oneLine(titleWindow(line)); t != "" {
			return shorten(t, maxTitle)
		}
	}
	return "Untitled article"
}

// titleWindow is the start of line a title can come from: its first
// titleBytes after any leading space, cut at a character. A title is a
// page's to render each time: a text of one long line (a list, a paste
// without line breaks) cost 70 ms a render in the wasm when all of it was
// split into words.
func titleWindow(line string) string {
	line = strings.TrimLeftFunc(line, unicode.IsSpace)
	if len(line) <= titleBytes {
		return line
	}
	cut := titleBytes
	for cut > 0 && !utf8.RuneStart(line[cut]) {
		cut--
	}
	return line[:cut]
}

// titleBytes is how much of a line articleTitle reads: room for maxTitle
// characters even with runs of spaces between words.
const titleBytes = 4 << 10

// entry returns the saved article with the id.
func (l *library) entry(id string) (libraryEntry, bool) {
	for _, e := range l.entries {
		if e.ID == id {
			return e, true
		}
	}
	return libraryEntry{}, false
}

// holds reports whether the text is saved.
func (l *library) holds(text string) bool {
	for _, e := range l.entries {
		if len(e.Text) == len(text) && e.Text == text {
			return true
		}
	}
	return false
}

// set replaces the entries, newest first, and relinks them.
func (l *library) set(entries []libraryEntry) {
	l.entries = entries
	sortEntries(l.entries)
	l.link()
}

// add puts an entry first (replacing any with its id) with its annotation,
// and relinks.
func (l *library) add(e libraryEntry, res *analyzer.Result) {
	l.drop(e.ID)
	l.entries = append([]libraryEntry{e}, l.entries...)
	if res != nil {
		if l.results == nil {
			l.results = make(map[string]*analyzer.Result)
		}
		l.results[e.ID] = res
	}
	l.link()
}

// remove drops the entry with the id and relinks.
func (l *library) remove(id string) {
	l.drop(id)
	l.link()
}

func (l *library) drop(id string) {
	if id == l.annotating {
		l.stopAnnotating() // its done is never called: the next starts afresh
		l.annotating, l.stopAnnotating = "", nil
	}
	kept := l.entries[:0]
	for _, e := range l.entries {
		if e.ID != id {
			kept = append(kept, e)
		}
	}
	l.entries = kept
	delete(l.results, id)
}

// sortEntries puts the newest first, ties by id.
func sortEntries(entries []libraryEntry) {
	slices.SortFunc(entries, func(x, y libraryEntry) int {
		if c := cmp.Compare(y.Saved, x.Saved); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
}

// link finds the entities that two or more entries share
// (analyzer.LinkCorpus, as annotate -corpus does). An entry's names come
// from its annotation in this session, else from what it was stored with
// by this version of the app; an entry with neither is pending, left out
// until annotated (see annotated). An entry the analyzer refused is left out.
func (l *library) link() {
	if l.results == nil {
		l.results = make(map[string]*analyzer.Result)
	}
	l.pending = nil
	var docs []analyzer.CorpusDocument
	for _, e := range l.entries {
		res, ok := l.results[e.ID]
		if !ok {
			if res = storedNames(e, l.version); res == nil {
				l.pending = append(l.pending, e.ID)
				continue
			}
			l.results[e.ID] = res
		}
		if res != nil {
			docs = append(docs, analyzer.CorpusDocument{Name: e.ID, Result: res})
		}
	}
	l.shared = sharedClusters(docs)
}

// next returns the first pending entry and marks it under way; false when
// none is pending or one is under way.
func (l *library) next() (libraryEntry, bool) {
	if l.annotating != "" || len(l.pending) == 0 {
		return libraryEntry{}, false
	}
	e, ok := l.entry(l.pending[0])
	if ok {
		l.annotating, l.stopAnnotating = e.ID, func() {}
	}
	return e, ok
}

// annotated records a pending entry's annotation by this version of the
// app (nil when the analyzer refused its text): the entry goes to stale,
// to be stored with its names, and the library relinks.
func (l *library) annotated(id string, res *analyzer.Result) {
	if id == l.annotating {
		l.annotating, l.stopAnnotating = "", nil
	}
	i := slices.IndexFunc(l.entries, func(e libraryEntry) bool { return e.ID == id })
	if i < 0 {
		return // deleted meanwhile
	}
	l.results[id] = res
	if res != nil {
		l.entries[i] = l.entries[i].withNames(res, l.version)
		l.stale = append(l.stale, l.entries[i])
	}
	l.link()
}

// withNames returns the entry with the named entities of res, found by
// the app of the version.
func (e libraryEntry) withNames(res *analyzer.Result, version string) libraryEntry {
	var names []analyzer.EntityResult
	for _, ent := range res.Entities {
		if ent.Label.IsName() {
			names = append(names, ent)
		}
	}
	data, err := json.Marshal(names)
	if err != nil {
		return e
	}
	e.Names, e.Version = string(data), version
	return e
}

// storedNames returns the result holding the entry's stored names, nil if
// another version of the app stored them (or none did).
func storedNames(e libraryEntry, version string) *analyzer.Result {
	if e.Names == "" || e.Version != version {
		return nil
	}
	res := &analyzer.Result{Lang: e.Lang}
	if json.Unmarshal([]byte(e.Names), &res.Entities) != nil {
		return nil
	}
	return res
}

// sharedClusters returns the clusters of the documents' entities that two
// or more documents name.
func sharedClusters(docs []analyzer.CorpusDocument) []analyzer.Cluster {
	var shared []analyzer.Cluster
	for _, c := range analyzer.LinkCorpus(docs) {
		if len(c.Documents) >= 2 {
			shared = append(shared, c)
		}
	}
	return shared
}

// savedWhen writes a time in the browser's time zone after a verb:
// "saved 1 Dec 2026 10:57".
func savedWhen(ms float64, verb string) string {
	if ms <= 0 || ms > maxDateMs {
		return verb
	}
	return verb + " " + time.UnixMilli(int64(ms)).Local().Format("2 Jan 2006 15:04")
}

// linkingNote says that n saved articles are still being annotated for
// linking.
func linkingNote(n int) string {
	return "Linking… " + plural(n, "saved article", "saved articles") + " still to annotate with this version of the app."
}
