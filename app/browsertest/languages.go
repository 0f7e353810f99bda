//go:build !wasm

package browsertest

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"annotator/analyzer"
)

// spanishText is a paragraph written for this test.
const spanishText = "MADRID, 19 de junio de 2018. La ministra de Fomento, Carmen Villalobos, inauguró ayer en Valencia " +
	"la nueva estación del tren de alta velocidad, acompañada por el alcalde Joaquín Ribera. «Es un día histórico " +
	"para la ciudad», dijo Villalobos ante los periodistas. Según Renfe, los primeros trenes saldrán el próximo lunes " +
	"hacia Barcelona y Sevilla, y la compañía espera transportar a dos millones de viajeros el año próximo."

// packPath is the path of a language's pack, as the bundle names it.
func packPath(lang string) string { return "/web/packs/" + lang + "." }

// packRequests counts the requests for a language's pack since the first
// from of the browser's.
func packRequests(b *Browser, from int, lang string) int {
	n := 0
	for _, r := range b.Requests(from) {
		if strings.Contains(r.URL, packPath(lang)) && r.Refused == "" {
			n++
		}
	}
	return n
}

// Languages checks the language packs in the browser: with the menu on
// Auto, a Spanish paragraph is read as Spanish (detected, and the menu says
// so), its names are highlighted by the Spanish tagger, whose pack is
// fetched once, when first needed, and served by the service worker
// afterwards, offline too; "download all languages" brings the others.
// It returns what loading each pack took in the page, in milliseconds.
func Languages(t *testing.T, b *Browser, appURL string) map[string]float64 {
	p := Open(t, b, appURL)
	p.WaitServiceWorker()
	// Packs outlive versions in their own cache: forget those that earlier
	// tests in this browser brought, so that Spanish is first needed here.
	Await[bool](p, `caches.delete("annotator-packs").then(() => true)`)
	p.Reload()
	from := b.RequestCount()
	if got := Eval[string](p, `document.getElementById("lang").value`); got != analyzer.LangAuto {
		t.Errorf("the language menu starts on %q, want auto", got)
	}
	run, text := p.Paste(spanishText)
	if run.State != "done" || run.Lang != "es" {
		t.Fatalf("pasting Spanish with auto: state %q, language %q; want done, es", run.State, run.Lang)
	}
	if src := Eval[string](p, `document.getElementById("annotator").dataset.langSource`); src != analyzer.LangDetected {
		t.Errorf("lang source %q, want detected", src)
	}
	if label := Eval[string](p, `document.querySelector("#lang option[value=auto]").textContent`); label != "Auto (detected: Español)" {
		t.Errorf("the menu's auto entry says %q", label)
	}
	if status := Eval[string](p, `document.getElementById("status").textContent`); !strings.Contains(status, "Español (detected)") {
		t.Errorf("the status line says %q, not which language it read", status)
	}
	want, err := analyzer.Annotate(text, analyzer.Options{Lang: "es"})
	if err != nil {
		t.Fatal(err)
	}
	checkMarks(t, p.Marks(), want.Result())
	names := 0
	for _, m := range p.Marks() {
		if m.Label == "PER" && strings.Contains(m.Text, "Villalobos") {
			names++
		}
	}
	if names == 0 {
		t.Errorf("Carmen Villalobos is not highlighted as a person: %v", p.Marks())
	}
	if n := packRequests(b, from, "es"); n != 1 {
		t.Errorf("the Spanish pack was fetched %d times, want once", n)
	}
	loads := packLoads(t, p)

	// Again in a new page, and then offline: the service worker answers.
	from = b.RequestCount()
	p.Reload()
	p.Paste(spanishText)
	if n := packRequests(b, from, "es"); n != 0 {
		t.Errorf("after a reload the Spanish pack went to the network %d times", n)
	}
	b.SetOffline(t, true)
	p.Reload()
	run, _ = p.Paste(spanishText)
	b.SetOffline(t, false)
	if run.State != "done" || run.Lang != "es" {
		t.Fatalf("offline, the Spanish paragraph ended in state %q, language %q", run.State, run.Lang)
	}
	checkMarks(t, p.Marks(), want.Result())

	// A short text falls back to the menu's last choice, and says so.
	for _, l := range []string{"fr", analyzer.LangAuto} {
		p.ChooseLanguage(l)
	}
	run, _ = p.Paste("Oui.")
	if run.Lang != "fr" || Eval[string](p, `document.getElementById("annotator").dataset.langSource`) != analyzer.LangFallback {
		t.Errorf("a two-word text read as %q (%s), want the menu's fr as a fallback", run.Lang, Eval[string](p, `document.getElementById("annotator").dataset.langSource`))
	}
	if status := Eval[string](p, `document.getElementById("status").textContent`); !strings.Contains(status, "too short") {
		t.Errorf("the status line says %q, not why it fell back", status)
	}

	// Every language for offline use.
	p.Click("#offline-download")
	Poll[bool](p, `document.getElementById("offline-languages").dataset.state === "done"`)
	for k, v := range packLoads(t, p) {
		loads[k] = v
	}
	for _, code := range []string{"en", "es", "fr", "ru", "sv", "no", "hu"} {
		if _, ok := loads[code]; !ok {
			t.Errorf("the %s pack did not load: %v", code, loads)
		}
	}
	t.Logf("pack loads in the page (fetch and read, ms): %v", loads)
	return loads
}

// packLoads reads what each pack in took to load (data-packs).
func packLoads(t *testing.T, p *Page) map[string]float64 {
	out := map[string]float64{}
	for _, e := range strings.Fields(Eval[string](p, `document.getElementById("annotator").dataset.packs || ""`)) {
		code, ms, _ := strings.Cut(e, ":")
		v, err := strconv.ParseFloat(ms, 64)
		if err != nil {
			t.Errorf("data-packs entry %q", e)
		}
		out[code] = v
	}
	return out
}

// russianText is a paragraph written for the screenshots.
const russianText = "МОСКВА, 19 июня 2018 года. Министр транспорта Андрей Соколов открыл вчера в Казани новый вокзал " +
	"скоростной железной дороги вместе с мэром города Ильёй Морозовым. «Это исторический день для всей страны», — " +
	"заявил Соколов журналистам. По словам представителя компании «Российские железные дороги», первые поезда " +
	"отправятся в Санкт-Петербург в следующий понедельник, а в прошлом году компания перевезла 1,2 миллиона пассажиров."

// LanguageShots saves screenshots of a Spanish and a Russian paragraph
// annotated with the menu on Auto, at a desktop and a phone size, light
// and dark, into dir (es-1440x900-light.png...).
func LanguageShots(t *testing.T, b *Browser, appURL, dir string) {
	p := Open(t, b, appURL)
	p.WaitServiceWorker()
	for _, sample := range []struct{ lang, text string }{{"es", spanishText}, {"ru", russianText}} {
		run, _ := p.Paste(sample.text)
		if run.Lang != sample.lang {
			t.Errorf("the %s paragraph was read as %q", sample.lang, run.Lang)
		}
		for _, size := range [][2]int64{{1440, 900}, {390, 844}} {
			p.Viewport(size[0], size[1])
			for _, scheme := range []string{"light", "dark"} {
				p.ColorScheme(scheme)
				Await[bool](p, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
				p.Shot(filepath.Join(dir, fmt.Sprintf("%s-%dx%d-%s.png", sample.lang, size[0], size[1], scheme)))
			}
		}
	}
	p.ColorScheme("")
}
