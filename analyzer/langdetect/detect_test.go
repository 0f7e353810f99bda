package langdetect

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The texts here are the project's own, written for these tests.
var invented = map[string][]string{
	"en": {
		"The city council voted on Tuesday to close two schools, and parents said they would fight the decision in court.",
		"Prices rose faster than expected last month, pushing the central bank towards another increase in interest rates.",
	},
	"es": {
		"El ayuntamiento votó el martes a favor de cerrar dos escuelas, y los padres dijeron que recurrirán la decisión ante los tribunales.",
		"Los precios subieron más de lo previsto el mes pasado, lo que empuja al banco central hacia otra subida de los tipos de interés.",
	},
	"fr": {
		"Le conseil municipal a voté mardi la fermeture de deux écoles, et les parents ont annoncé qu'ils contesteraient la décision en justice.",
		"Les prix ont augmenté plus vite que prévu le mois dernier, ce qui pousse la banque centrale vers une nouvelle hausse des taux.",
	},
	"ru": {
		"Городской совет во вторник проголосовал за закрытие двух школ, а родители заявили, что будут оспаривать это решение в суде.",
		// Latin-script names in a Russian sentence.
		"Компания Apple показала новый iPhone в Купертино, а Tim Cook рассказал журналистам о планах на следующий год.",
	},
	"sv": {
		"Kommunfullmäktige röstade på tisdagen för att stänga två skolor, och föräldrarna säger att de ska överklaga beslutet.",
		"Jag vet inte om det blir bättre nästa år, men vi får hoppas.",
		"Regeringen vill höja skatten på bensin och diesel från och med januari.",
	},
	"no": {
		"Bystyret stemte tirsdag for å legge ned to skoler, og foreldrene sier at de vil klage vedtaket inn for retten.",
		"Jeg vet ikke om det blir bedre neste år, men vi får håpe.",
		"Regjeringen vil øke avgiften på bensin og diesel fra og med januar.",
	},
	"hu": {
		"A városi közgyűlés kedden két iskola bezárásáról szavazott, a szülők szerint pedig bíróság elé viszik a döntést.",
		"Az árak a vártnál gyorsabban emelkedtek a múlt hónapban, ezért a jegybank újabb kamatemelést fontolgat.",
	},
}

func TestDetectInvented(t *testing.T) {
	for lang, texts := range invented {
		for _, text := range texts {
			r := Detect(text)
			if r.Lang != lang || !r.Decided() {
				t.Errorf("Detect(%.40q…) = %s (%.3f, %v), want %s decided", text, r.Lang, r.Confidence, r.Reason, lang)
			}
			if r.Confidence < DefaultOptions().MinConfidence*DefaultOptions().MinShare || r.Confidence > 1 {
				t.Errorf("Detect(%.40q…) confidence %.3f out of range", text, r.Confidence)
			}
		}
	}
}

func TestDetectTooShort(t *testing.T) {
	for _, text := range []string{"", " \n\t ", "2018-06-19 12:30", "OK", "Hej!", "¡Hola!", "Oslo", "Kim Jong-un", "Merci.", "Да.", "€ 5,3 mld.", "!!!"} {
		r := Detect(text)
		if r.Reason != TooShort {
			t.Errorf("Detect(%q) = %s (%.3f, %v), want too short", text, r.Lang, r.Confidence, r.Reason)
		}
	}
}

const (
	englishParagraph = "The regional government announced on Monday that it would spend more on trains and buses over the next five years. " +
		"Officials said the plan would cut journey times between the largest towns, while critics warned that the money had not yet been found " +
		"and that rural lines could still close."
	spanishParagraph = "El gobierno regional anunció el lunes que gastará más en trenes y autobuses durante los próximos cinco años. " +
		"Los responsables dijeron que el plan reducirá los tiempos de viaje entre las ciudades más grandes, mientras que los críticos advirtieron " +
		"que el dinero todavía no se ha encontrado."
	russianParagraph = "Региональное правительство объявило в понедельник, что в ближайшие пять лет потратит больше денег на поезда и автобусы. " +
		"Чиновники заявили, что план сократит время в пути между крупнейшими городами, а критики предупредили, что денег пока нет."
	hungarianParagraph = "A regionális kormány hétfőn bejelentette, hogy a következő öt évben többet költ vonatokra és buszokra. " +
		"A tisztviselők szerint a terv lerövidíti a legnagyobb városok közötti utazási időt, a bírálók viszont arra figyelmeztettek, hogy a pénz még nincs meg."
	frenchParagraph = "Le gouvernement régional a annoncé lundi qu'il dépenserait davantage pour les trains et les bus au cours des cinq prochaines années. " +
		"Selon les responsables, le plan réduira les temps de trajet entre les plus grandes villes, mais les critiques préviennent que l'argent n'a pas encore été trouvé."
)

func TestDetectMixed(t *testing.T) {
	for _, tt := range []struct{ name, text string }{
		{"en+es", englishParagraph + "\n\n" + spanishParagraph},
		{"es+en", spanishParagraph + "\n\n" + englishParagraph},
		{"fr+hu", frenchParagraph + "\n\n" + hungarianParagraph},
		{"en+ru", englishParagraph + "\n\n" + russianParagraph},
		{"en+es interleaved", strings.Join([]string{englishParagraph[:120], spanishParagraph[:110], englishParagraph[120:], spanishParagraph[110:]}, " ")},
	} {
		r := Detect(tt.text)
		if r.Reason != Mixed {
			t.Errorf("%s: Detect = %s (%.3f, %v), want mixed", tt.name, r.Lang, r.Confidence, r.Reason)
		}
	}
}

// A short quotation in another language does not make a text mixed.
func TestDetectQuotation(t *testing.T) {
	text := englishParagraph + ` "No vamos a cerrar ninguna línea", said the minister. ` + englishParagraph
	if r := Detect(text); r.Lang != "en" || !r.Decided() {
		t.Errorf("Detect = %s (%.3f, %v), want en decided", r.Lang, r.Confidence, r.Reason)
	}
}

func TestDetectOtherScript(t *testing.T) {
	for _, text := range []string{
		"Η περιφερειακή κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα για τα τρένα.",
		"地区政府星期一宣布，今后五年将在火车和公共汽车上投入更多资金。",
	} {
		if r := Detect(text); r.Reason != OtherScript || r.Lang != "" {
			t.Errorf("Detect(%.30q) = %q (%v), want other script", text, r.Lang, r.Reason)
		}
	}
}

func TestDetectInvalidUTF8(t *testing.T) {
	text := "The council voted \xff\xfe on Tuesday to close two schools\xc3, and parents were angry about it."
	if r := Detect(text); r.Lang != "en" || !r.Decided() {
		t.Errorf("Detect = %s (%v), want en decided", r.Lang, r.Reason)
	}
}

// A huge paste is read in bounded windows and still decided.
func TestDetectLongText(t *testing.T) {
	text := strings.Repeat(hungarianParagraph+"\n", (1<<20)/len(hungarianParagraph))
	r := Detect(text)
	if r.Lang != "hu" || !r.Decided() {
		t.Errorf("Detect = %s (%v), want hu decided", r.Lang, r.Reason)
	}
	if max := DefaultOptions().MaxSampleBytes; r.Letters > max {
		t.Errorf("read %d letters of a %d-byte text, want at most %d", r.Letters, len(text), max)
	}
	// Half Hungarian then half French: the windows see both.
	mixed := text[:len(text)/2] + strings.Repeat(frenchParagraph+"\n", (1<<19)/len(frenchParagraph))
	if r := Detect(mixed); r.Reason != Mixed {
		t.Errorf("Detect(hu then fr, 1 MB) = %s (%v), want mixed", r.Lang, r.Reason)
	}
}

func TestSample(t *testing.T) {
	text := strings.Repeat("Ångström wrote ünïcödé words here. ", 3000)
	const maxBytes, windows = 4096, 8
	parts := sample(text, maxBytes, windows)
	if len(parts) != windows {
		t.Fatalf("%d windows, want %d", len(parts), windows)
	}
	total := 0
	for i, p := range parts {
		total += len(p)
		if !utf8.ValidString(p) {
			t.Errorf("window %d is not valid UTF-8: %q", i, p)
		}
		if i > 0 && strings.HasPrefix(p, " ") || i < windows-1 && strings.HasSuffix(p, " ") {
			t.Errorf("window %d is not cut at a space: %q", i, p)
		}
	}
	if total > maxBytes {
		t.Errorf("windows hold %d bytes, want at most %d", total, maxBytes)
	}
	if !strings.HasPrefix(text, parts[0]) || !strings.HasSuffix(text, parts[windows-1]) {
		t.Error("the first and last windows should be the text's start and end")
	}
	if got := sample("short", maxBytes, windows); len(got) != 1 || got[0] != "short" {
		t.Errorf("sample(short) = %q", got)
	}
	// No spaces at all (Han): cut at characters.
	han := strings.Repeat("政府宣布", 2000)
	for i, p := range sample(han, maxBytes, windows) {
		if !utf8.ValidString(p) || p == "" {
			t.Errorf("Han window %d: %q", i, p)
		}
	}
}

func TestScan(t *testing.T) {
	for _, tt := range []struct {
		text, want string
		counts     scriptCounts
	}{
		{"L'été, 2018!", "_l_été_", scriptCounts{latin: 4}},
		{"", "", scriptCounts{}},
		{"42 — 17", "", scriptCounts{}},
		{"ÅNGSTRÖM Zürich", "_ångström_zürich_", scriptCounts{latin: 14}},
		{"Путин met Xi", "_met_xi_", scriptCounts{latin: 5, cyrillic: 5}},
		{"Путин", "", scriptCounts{cyrillic: 5}},
		{"e\u0301te", "_e\u0301te_", scriptCounts{latin: 3}}, // a combining accent stays with its letter
		{"iPhoneз x", "_x_", scriptCounts{latin: 7, cyrillic: 1}},
	} {
		seq, counts := scan(nil, tt.text)
		got := strings.ReplaceAll(string(seq), "\x00", "_")
		if got != tt.want || counts != tt.counts {
			t.Errorf("scan(%q) = %q %+v, want %q %+v", tt.text, got, counts, tt.want, tt.counts)
		}
	}
}

func TestEachBucket(t *testing.T) {
	c := config{maxOrder: 3, bits: 20}
	seq, _ := scan(nil, "ab c")
	var n int
	c.eachBucket(seq, func(uint32) { n++ })
	// _ab_c_: a, _a; b, ab, _ab; b_, ab_; c, _c; c_, _c_ (n-grams never
	// span a boundary inside them).
	if n != 11 {
		t.Errorf("%d n-grams, want 11", n)
	}
}

// A model trained on a few invented sentences round-trips through its
// table and tells its languages apart.
func TestTrainRoundTrip(t *testing.T) {
	tr, err := NewTrainer([]string{"en", "es", "hu"}, TrainOptions{MaxOrder: 4, Bits: 12, Alpha: 0.5, Scale: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "es", "hu"} {
		for _, text := range invented[lang] {
			if err := tr.Add(lang, text); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tr.Add("xx", "text"); err == nil {
		t.Error("Add of an unknown language: no error")
	}
	m := tr.Model()
	if _, err := m.Calibrate(invented["en"], []string{"en", "en"}); err != nil {
		t.Fatal(err)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(string(b))
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := loaded.MarshalBinary()
	if string(b2) != string(b) {
		t.Error("the loaded model encodes to other bytes")
	}
	for _, tt := range []struct{ lang, text string }{
		{"en", englishParagraph}, {"es", spanishParagraph}, {"hu", hungarianParagraph},
	} {
		if r := loaded.Detect(tt.text, DefaultOptions()); r.Lang != tt.lang {
			t.Errorf("%s paragraph read as %s (%v)", tt.lang, r.Lang, r.Reason)
		}
	}
	if got := loaded.Languages(); strings.Join(got, " ") != "ru en es hu" {
		t.Errorf("Languages() = %v", got)
	}
}

func TestLoadErrors(t *testing.T) {
	good := table
	for _, tt := range []struct{ name, table string }{
		{"empty", ""},
		{"bad magic", "XXXX" + good[4:]},
		{"truncated header", good[:10]},
		{"truncated rows", good[:len(good)-1]},
		{"extra bytes", good + "x"},
		{"zero order", good[:4] + "\x00" + good[5:]},
	} {
		if _, err := Load(tt.table); err == nil {
			t.Errorf("%s: Load succeeded", tt.name)
		}
	}
}

func TestDefaultTable(t *testing.T) {
	m, err := Load(table)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(m.Languages(), " "); got != "ru en es fr sv no hu" {
		t.Errorf("Languages() = %s", got)
	}
	if m.temperature <= 1 {
		t.Errorf("temperature %g: a calibrated naive Bayes should be tempered (> 1)", m.temperature)
	}
}

func TestReasonString(t *testing.T) {
	for r, want := range map[Reason]string{Decided: "decided", TooShort: "too short", Mixed: "mixed", OtherScript: "other script", 9: "Reason(9)"} {
		if r.String() != want {
			t.Errorf("%d.String() = %q, want %q", r, r.String(), want)
		}
	}
}

// FuzzDetect checks Detect's promises on any input: no panic, a
// confidence in [0, 1], a known language, and a language when decided.
func FuzzDetect(f *testing.F) {
	for _, texts := range invented {
		for _, text := range texts {
			f.Add(text)
		}
	}
	f.Add(englishParagraph + russianParagraph)
	f.Add("\xff\xfe\x00 e\u0301 \u200b")
	known := map[string]bool{"": true}
	for _, l := range Default().Languages() {
		known[l] = true
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := Detect(text)
		if !(r.Confidence >= 0 && r.Confidence <= 1) || !known[r.Lang] || r.Decided() && r.Lang == "" || r.Letters > len(text) {
			t.Errorf("Detect(%q) = %+v", text, r)
		}
	})
}

// BenchmarkDetect reports the cost per kilobyte of text (ns/KB) for a
// paragraph, an article and a paste far over the sampling bound.
func BenchmarkDetect(b *testing.B) {
	para := englishParagraph + " " + spanishParagraph[:len(englishParagraph)/3]
	for _, bm := range []struct {
		name string
		size int
	}{{"1KB", 1 << 10}, {"16KB", 16 << 10}, {"1MB", 1 << 20}} {
		text := strings.Repeat(para+" ", bm.size/len(para)+1)[:bm.size]
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Detect(text)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(float64(len(text))/1024), "ns/KB")
		})
	}
}

// The lanes fast path scores exactly as the table's rows do.
func TestPenaltiesLanes(t *testing.T) {
	m := Default()
	slow := *m
	slow.lanes = nil
	for _, text := range []string{englishParagraph, hungarianParagraph, strings.Repeat(frenchParagraph, 5)} {
		seq, _ := scan(nil, text)
		fast, rows := make([]int, len(m.langs)), make([]int, len(m.langs))
		m.penalties(seq, fast)
		slow.penalties(seq, rows)
		if !slices.Equal(fast, rows) {
			t.Errorf("lanes %v, rows %v", fast, rows)
		}
	}
}
