package analyzer

import "testing"

// langQuoteLines lists text's quotes in lang, with the names given, as
// `text => speaker [kind verb]`.
func langQuoteLines(t *testing.T, lang, text string, names NameRecognizer) string {
	t.Helper()
	return describeQuotes(t, lang, text, names, true)
}

// langNames are the names of the texts below, for a recogniser that needs
// no model.
var langNames = listedNames{
	"Ana Ruiz": PER, "Ruiz": PER, "Pedro Gil": PER, "Marie Dubois": PER, "Dubois": PER, "Jean Martin": PER,
	"Иван Петров": PER, "Петров": PER, "Анна Смирнова": PER, "Смирнова": PER, "Anna Lind": PER, "Lind": PER,
	"Erik Berg": PER, "Kari Nordmann": PER, "Nordmann": PER, "Ola Hansen": PER, "Kovács Péter": PER,
	"Kovács": PER, "Nagy Anna": PER, "Acme": ORG, "Renfe": ORG, "Gazprom": ORG, "Volvo": ORG, "Equinor": ORG, "MOL": ORG,
}

// Each language's quote marks, dialogue dashes and attribution verbs,
// with the speakers they give (texts written for these tests).
func TestLanguageQuotes(t *testing.T) {
	tests := []struct{ lang, text, want string }{
		{"es", "«Vamos a ganar la liga este año», dijo Ana Ruiz. Pedro Gil afirmó que el club había pagado la deuda. " +
			"Según Renfe, los trenes volverán a circular el lunes.\n—No pienso dimitir —aseguró Ruiz—.",
			"«Vamos a ganar la liga este año» => Ana Ruiz [direct decir]\n" +
				"el club había pagado la deuda => Pedro Gil [reported afirmar]\n" +
				"los trenes volverán a circular el lunes => Renfe [reported según]\n" +
				"—No pienso dimitir => Ana Ruiz [direct asegurar]"},
		{"fr", "« Nous ne céderons pas », a déclaré Mme Marie Dubois.\u00a0M. Jean Martin a dit que la grève continuerait. " +
			"Selon Acme, les ventes ont baissé de 3 %. «\u202fC'est fini\u202f», a-t-elle ajouté.",
			"« Nous ne céderons pas » => Marie Dubois [direct déclarer]\n" +
				"la grève continuerait => Jean Martin [reported dire]\n" +
				"les ventes ont baissé de 3 % => Acme [reported selon]\n" +
				"«\u202fC'est fini\u202f» => Marie Dubois [direct ajouter]"},
		{"ru", "«Мы не отступим», — заявил Иван Петров. По словам Анна Смирнова, переговоры продолжатся завтра. " +
			"Петров сказал, что компания Gazprom заплатит долг.\n— Это конец, — сказала Смирнова.",
			"«Мы не отступим» => Иван Петров [direct заявить]\n" +
				"переговоры продолжатся завтра => Анна Смирнова [reported по словам]\n" +
				"компания Gazprom заплатит долг => Иван Петров [reported сказать]\n" +
				"— Это конец, => Анна Смирнова [direct сказать]"},
		{"sv", "”Vi ger inte upp”, sa Anna Lind. »Det är för sent», sade Erik Berg. Enligt Volvo har försäljningen ökat. " +
			"Lind uttalade att fabriken skulle stängas.",
			"”Vi ger inte upp” => Anna Lind [direct säga]\n" +
				"»Det är för sent» => Erik Berg [direct säga]\n" +
				"har försäljningen ökat => Volvo [reported enligt]\n" +
				"fabriken skulle stängas => Anna Lind [reported uttala]"},
		{"no", "«Vi gir oss ikke», sa Kari Nordmann. Ola Hansen uttalte at anlegget skal stenges. " +
			"Ifølge Equinor har produksjonen økt.\n– Det er for sent, sier Nordmann.",
			"«Vi gir oss ikke» => Kari Nordmann [direct si]\n" +
				"anlegget skal stenges => Ola Hansen [reported uttale]\n" +
				"har produksjonen økt => Equinor [reported ifølge]\n" +
				"– Det er for sent, => Kari Nordmann [direct si]"},
		{"hu", "„Nem adjuk fel” – mondta Kovács Péter. Nagy Anna közölte, hogy a gyár bezár. " +
			"A MOL szerint az árak emelkednek.\n– Ez már késő – mondta Kovács.",
			"„Nem adjuk fel” => Kovács Péter [direct mond]\n" +
				"a gyár bezár => Nagy Anna [reported közöl]\n" +
				"az árak emelkednek => MOL [reported szerint]\n" +
				"– Ez már késő => Kovács Péter [direct mond]"},
		// The other marks each language prints: Russian „ “, Hungarian and
		// Swedish » «/» », a French source before a quote in marks.
		{"ru", "„Мы готовы“, — сказал Иван Петров. Анна Смирнова заявила, что цены вырастут.",
			"„Мы готовы“ => Иван Петров [direct сказать]\n" +
				"цены вырастут => Анна Смирнова [reported заявить]"},
		{"no", "Kari Nordmann sa at prisene vil stige. «Det er for sent», uttalte Ola Hansen.",
			"prisene vil stige => Kari Nordmann [reported si]\n" +
				"«Det er for sent» => Ola Hansen [direct uttale]"},
		{"fr", "Marie Dubois a affirmé que les prix allaient monter. « Trop tard », selon Jean Martin.",
			"les prix allaient monter => Marie Dubois [reported affirmer]\n" +
				"« Trop tard » => Jean Martin [direct selon]"},
		{"hu", "»Késő van« – mondta Nagy Anna. Kovács Péter szerint a gyár bezár.",
			"»Késő van« => Nagy Anna [direct mond]\n" +
				"a gyár bezár => Kovács Péter [reported szerint]"},
		{"sv", "»Det är för sent», säger Anna Lind.", "»Det är för sent» => Anna Lind [direct säga]"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if got := langQuoteLines(t, tt.lang, tt.text, langNames); got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}
