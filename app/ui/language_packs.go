package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"annotator/analyzer"
	"annotator/analyzer/gazetteer"
	"annotator/analyzer/lang"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// PacksEnv names the variable that hands the app its language packs
// (site.EnvPacks): "code=URL:size" entries, English first.
const PacksEnv = "ANNOTATOR_PACKS"

// languagePacks fetches the language packs and keeps them. In the browser
// every language's data (tagger model, background frequencies) is a pack
// file of its own: English's is fetched at start-up, in parallel with the
// wasm, the others when a text in that language first comes, and the
// service worker keeps each once fetched. One per page, shared by the
// annotator, its library and the embed.
type languagePacks struct {
	refs    map[string]packRef
	packs   map[string]*lang.Pack
	waiting map[string][]packWaiter
	// LoadMs is how long each pack took to fetch and read, in
	// milliseconds (published for tests and make bench).
	loadMs map[string]float64
}

type packRef struct {
	url  string
	size int
}

type packWaiter struct {
	progress func(float64)
	done     func(*lang.Pack, error)
}

// packs is the page's.
var packs = &languagePacks{}

// init reads the packs' addresses, once.
func (lp *languagePacks) init() {
	if lp.refs != nil {
		return
	}
	lp.refs, lp.packs, lp.waiting, lp.loadMs = parsePacks(app.Getenv(PacksEnv)), map[string]*lang.Pack{}, map[string][]packWaiter{}, map[string]float64{}
}

// parsePacks reads PacksEnv's value: "code=URL:size" entries.
func parsePacks(env string) map[string]packRef {
	refs := map[string]packRef{}
	for _, e := range strings.Fields(env) {
		code, rest, ok := strings.Cut(e, "=")
		i := strings.LastIndexByte(rest, ':')
		if !ok || i < 0 {
			continue
		}
		size, _ := strconv.Atoi(rest[i+1:])
		refs[code] = packRef{url: rest[:i], size: size}
	}
	return refs
}

// ready returns the pack of a language if it is in.
func (lp *languagePacks) ready(code string) (*lang.Pack, bool) {
	lp.init()
	if p := lp.packs[code]; p != nil {
		return p, true
	}
	if p, ok := builtinPack(code); ok {
		lp.packs[code] = p
		return p, true
	}
	return nil, false
}

// load fetches a language's pack, if it is not in, and calls done with it
// on the UI goroutine (progress with the share fetched, 0 to 1, on the way).
// Calls for a pack already on its way wait for that fetch.
func (lp *languagePacks) load(ctx app.Context, code string, progress func(float64), done func(*lang.Pack, error)) {
	if p, ok := lp.ready(code); ok {
		done(p, nil)
		return
	}
	if code != "en" && !gazetteer.Ready() {
		// Every language's model reads the name lists English's pack brings.
		lp.load(ctx, "en", nil, func(_ *lang.Pack, err error) {
			if err != nil {
				done(nil, err)
				return
			}
			lp.load(ctx, code, progress, done)
		})
		return
	}
	ref, ok := lp.refs[code]
	if !ok {
		done(nil, fmt.Errorf("the %s language pack is not part of this site", code))
		return
	}
	lp.waiting[code] = append(lp.waiting[code], packWaiter{progress, done})
	if len(lp.waiting[code]) > 1 {
		return
	}
	start := time.Now()
	fetchPack(ref, func(share float64) {
		ctx.Dispatch(guardDispatch("loading a language", func(app.Context) {
			for _, w := range lp.waiting[code] {
				if w.progress != nil {
					w.progress(share)
				}
			}
		}))
	}, func(data []byte, err error) {
		var p *lang.Pack
		if err == nil {
			p, err = lang.LoadPack(data)
		}
		if err == nil && p.Code() != code {
			p, err = nil, fmt.Errorf("the %s language pack holds %s", code, p.Code())
		}
		if err != nil {
			err = fmt.Errorf("the %s language pack could not be loaded: %w", languageName(code), err)
		}
		took := time.Since(start)
		ctx.Dispatch(guardDispatch("loading a language", func(app.Context) {
			if err == nil {
				lp.packs[code] = p
				lp.loadMs[code] = float64(took) / float64(time.Millisecond)
			}
			waiting := lp.waiting[code]
			delete(lp.waiting, code)
			for _, w := range waiting {
				w.done(p, err)
			}
		}))
	})
}

// codes returns the languages the site has packs for.
func (lp *languagePacks) codes() []string {
	lp.init()
	var out []string
	for _, l := range languages {
		if _, ok := lp.refs[l.Code]; ok {
			out = append(out, l.Code)
		}
	}
	return out
}

// languageName returns the menu's name of a language.
func languageName(code string) string {
	if l, ok := menuLanguage(code); ok {
		return l.Name
	}
	return code
}

// menuLanguage returns the menu's entry of a language, if it offers it.
func menuLanguage(code string) (language, bool) {
	for _, l := range languages {
		if l.Code == code {
			return l, true
		}
	}
	return language{}, false
}

// languageRun is what runInLanguage reports while a pack loads.
type languageRun struct {
	// Loading is the language whose pack is being fetched ("" once in)
	// and Share how much of it has come.
	Loading string
	Share   float64
}

// runInLanguage annotates text in its language: the menu's choice (a code,
// or analyzer.LangAuto to detect it, falling back to fallback), fetching
// that language's pack first if it is not in (loading is told how far
// that has got). The rest is startRunJSON's; stop also stops a pack's wait.
func runInLanguage(ctx app.Context, text, language, fallback string, withJSON bool, loading func(app.Context, languageRun), progress func(app.Context, float64), done func(app.Context, runOutcome)) (stop func()) {
	start := time.Now()
	if err := analyzer.Validate(text, 0); err != nil {
		done(ctx, runOutcome{Err: err, Busy: time.Since(start)})
		return func() {}
	}
	choice, err := analyzer.ChooseLanguage(text, language, fallback)
	if err != nil {
		done(ctx, runOutcome{Err: err, Busy: time.Since(start)})
		return func() {}
	}
	opts := func(p *lang.Pack) analyzer.Options { return analyzer.Options{Pack: p, Choice: choice} }
	if p, ok := packs.ready(choice.Code); ok {
		return startRunJSON(ctx, text, opts(p), withJSON, progress, done)
	}
	stopped := false
	var stopRun func()
	loading(ctx, languageRun{Loading: choice.Code})
	packs.load(ctx, choice.Code, func(share float64) {
		if !stopped {
			loading(ctx, languageRun{Loading: choice.Code, Share: share})
		}
	}, func(p *lang.Pack, err error) {
		if stopped {
			return
		}
		loading(ctx, languageRun{})
		if err != nil {
			done(ctx, runOutcome{Err: err})
			return
		}
		stopRun = startRunJSON(ctx, text, opts(p), withJSON, progress, done)
	})
	return func() {
		stopped = true
		if stopRun != nil {
			stopRun()
		}
	}
}
