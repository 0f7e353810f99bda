package analyzer

import "testing"

// Each language's dates, absolute and relative, resolved against the
// dateline its first full date gives (texts written for these tests).
func TestLanguageDates(t *testing.T) {
	tests := []struct{ lang, text, dateline, want string }{
		{"es", "MADRID, 19 de junio de 2018. El ministro llegó el martes y volverá el próximo lunes. " +
			"Ayer habló con la prensa; el año pasado visitó Lima y hace dos años, Quito. En marzo de 2017 firmó el acuerdo. " +
			"La semana pasada, por la mañana, llovió. Mañana viajará.",
			"2018-06-19",
			"19 de junio de 2018=2018-06-19 | martes=2018-06-19 | próximo lunes=2018-06-25 | Ayer=2018-06-18 | " +
				"el año pasado=2017 | hace dos años=2016 | marzo de 2017=2017-03 | La semana pasada=2018-W24 | Mañana=2018-06-20"},
		{"fr", "PARIS, le 19 juin 2018 — Le ministre est arrivé mardi dernier. L'an dernier, il était à Lyon ; " +
			"il y a trois ans, à Nice. Hier, il a parlé. En mars, le budget. Le 1er mai 2016 et le 14/07/2017.",
			"2018-06-19",
			"19 juin 2018=2018-06-19 | mardi dernier=2018-06-12 | L'an dernier=2017 | il y a trois ans=2015 | " +
				"Hier=2018-06-18 | mars=2018-03 | 1er mai 2016=2016-05-01 | 14/07/2017=2017-07-14"},
		{"ru", "МОСКВА, 19 июня 2018 года. Министр прибыл во вторник. В прошлом году он был в Казани, " +
			"а два года назад — в Сочи. Вчера он выступил. В 2015 году и в марте 2014 года. На следующей неделе он уедет.",
			"2018-06-19",
			"19 июня 2018 года=2018-06-19 | вторник=2018-06-19 | В прошлом году=2017 | два года назад=2016 | " +
				"Вчера=2018-06-18 | 2015 году=2015 | марте 2014 года=2014-03 | На следующей неделе=2018-W26"},
		{"sv", "STOCKHOLM, den 19 juni 2018. Ministern kom i tisdags. Förra året var hon i Malmö och för två år sedan i Lund. " +
			"I går talade hon. Nästa vecka reser hon. I fjol och i mars.",
			"2018-06-19",
			"19 juni 2018=2018-06-19 | tisdags=2018-06-19 | Förra året=2017 | för två år sedan=2016 | I går=2018-06-18 | " +
				"Nästa vecka=2018-W26 | I fjol=2017 | mars=2018-03"},
		{"no", "OSLO, 19. juni 2018. Statsministeren kom tirsdag. I fjor var hun i Bergen, og for tre år siden i Tromsø. " +
			"I går snakket hun. Neste uke reiser hun. Forrige fredag og 1. mai 2016.",
			"2018-06-19",
			"19. juni 2018=2018-06-19 | tirsdag=2018-06-19 | I fjor=2017 | for tre år siden=2015 | I går=2018-06-18 | " +
				"Neste uke=2018-W26 | Forrige fredag=2018-06-15 | 1. mai 2016=2016-05-01"},
		{"hu", "BUDAPEST, 2018. június 19. A miniszter kedden érkezett. Tavaly Debrecenben járt, két évvel ezelőtt Szegeden. " +
			"Tegnap beszélt. 2015-ben és 2016. március 3-án. Jövő héten utazik, három éve pedig Pécsen volt.",
			"2018-06-19",
			"2018. június 19.=2018-06-19 | kedden=2018-06-19 | Tavaly=2017 | két évvel ezelőtt=2016 | Tegnap=2018-06-18 | " +
				"2015-ben=2015 | 2016. március 3-án=2016-03-03 | Jövő héten=2018-W26 | három éve=2015"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			dateline, got := langDateValues(t, tt.lang, tt.text)
			if dateline != tt.dateline {
				t.Errorf("dateline %q, want %q", dateline, tt.dateline)
			}
			if got != tt.want {
				t.Errorf("dates\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// Without a dateline, relative dates keep X for what is unknown.
func TestLanguageDatesUnresolved(t *testing.T) {
	_, got := langDateValues(t, "es", "El martes llegó. En junio volvió.")
	if want := "martes=XXXX-WXX-2? | junio=XXXX-06?"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
