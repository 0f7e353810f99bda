package analyzer

import (
	"strings"
	"testing"
)

// TestFixNames checks each boundary rule on invented sentences, given what
// the recogniser found.
func TestFixNames(t *testing.T) {
	tests := []struct {
		name, text string
		tagged     listedNames
		want       string // the name mentions after the rules, one a line
	}{
		{"a sentence-initial determiner is cut off", "An Acme Airlines flight landed.", listedNames{"An Acme Airlines": ORG},
			"ORG Acme Airlines"},
		{"a determiner inside a sentence is the tagger's call", "He flew An Acme Airlines jet.", listedNames{"An Acme Airlines": ORG},
			"ORG An Acme Airlines"},
		{"The is left to the tagger", "The Hague hosted it.", listedNames{"The Hague": LOC}, "LOC The Hague"},
		{"a plural common noun before a name", "Drugmakers Veltrix and Samhold rose.", listedNames{"Drugmakers Veltrix": PER, "Samhold": ORG},
			"PER Veltrix\nORG Samhold"},
		{"a sentence-initial word that is a name stays", "Brooks Dunmore won.", listedNames{"Brooks Dunmore": PER},
			"PER Brooks Dunmore"},
		{"a slash between two names", "Ravenhill Foods / Tessaro opened a plant.", listedNames{"Ravenhill Foods / Tessaro": ORG},
			"ORG Ravenhill Foods\nORG Tessaro"},
		{"a slash between names known alone", "Ravenhill and Tessaro met. Ravenhill / Tessaro opened a plant.",
			listedNames{"Ravenhill": ORG, "Tessaro": ORG, "Ravenhill / Tessaro": ORG}, "ORG Ravenhill\nORG Tessaro\nORG Ravenhill\nORG Tessaro"},
		{"a name with a slash stays whole", "Holmvik / Stranda won 2-0.", listedNames{"Holmvik / Stranda": ORG}, "ORG Holmvik / Stranda"},
		{"a month after a name", "Nordpress December sales fell.", listedNames{"Nordpress December": ORG}, "ORG Nordpress"},
		{"a month after of stays", "They marched for the Revolution of December today.", listedNames{"Revolution of December": MISC},
			"MISC Revolution of December"},
		{"a rank after a name", "A statement by the Eastmark Guard Col. Ortega.", listedNames{"Eastmark Guard Col.": ORG, "Ortega": PER},
			"ORG Eastmark Guard\nPER Ortega"},
		{"U.S. and its institution are one organisation", "The U.S. Coast Guard said so.", listedNames{"U.S.": LOC, "Coast Guard": ORG},
			"ORG U.S. Coast Guard"},
		{"U.S. before a company stays apart", "He read U.S. Acme Weekly daily.", listedNames{"U.S.": LOC, "Acme Weekly": ORG},
			"LOC U.S.\nORG Acme Weekly"},
		{"an office of an untagged subject", "The Office of Rural Water Supply met.", listedNames{"Office": ORG},
			"ORG Office of Rural Water Supply"},
		{"a bank of a tagged place", "The Bank of Lusaria raised rates.", listedNames{"Bank": ORG, "Lusaria": LOC},
			"ORG Bank of Lusaria"},
		{"an institute for ... and ...", "The Institute for Coastal Research and Forecasting warned.", listedNames{"Institute for Coastal Research": ORG},
			"ORG Institute for Coastal Research and Forecasting"},
		{"and before another name stays apart", "The Ministry of Finance and Brightwave Media met.", listedNames{"Ministry of Finance": ORG, "Brightwave Media": ORG},
			"ORG Ministry of Finance\nORG Brightwave Media"},
		{"a person after of stays apart", "The Office of Mara Lindqvist replied.", listedNames{"Office": ORG, "Mara Lindqvist": PER},
			"ORG Office\nPER Mara Lindqvist"},
		{"a company's head and of", "Acme of Lusaria grew.", listedNames{"Acme": ORG, "Lusaria": LOC}, "ORG Acme\nLOC Lusaria"},
		{"a compound modifier is no place", "Sino-Korean ties warmed.", listedNames{"Sino-Korean": LOC}, "MISC Sino-Korean"},
		{"a border compound is no place", "Along the China-North Korea border trade grew.", listedNames{"China-North Korea": LOC},
			"MISC China-North Korea"},
		{"a hyphenated place stays", "He lives in Guinea-Bissau now.", listedNames{"Guinea-Bissau": LOC}, "LOC Guinea-Bissau"},
		{"the North after North Korea", "North Korea fired a missile. The launch showed the North was ready.", listedNames{"North Korea": LOC},
			"LOC North Korea\nLOC North"},
		{"the North after two places stays untagged", "North Korea and North Macedonia met. Officials said the North was ready.",
			listedNames{"North Korea": LOC, "North Macedonia": LOC}, "LOC North Korea\nLOC North Macedonia"},
		{"the North Sea is the tagger's", "North Korea fired into the North Sea.", listedNames{"North Korea": LOC}, "LOC North Korea"},
		{"a hyphenated place before a noun stays", "The Kwazulu-Natal province voted.", listedNames{"Kwazulu-Natal": LOC}, "LOC Kwazulu-Natal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if g := nameMentions(t, tt.text, tt.tagged); g != tt.want {
				t.Errorf("\n got %q\nwant %q", g, tt.want)
			}
		})
	}
}

// nameMentions annotates text with the tagged names and lists the name
// mentions the pipeline keeps, "LABEL text" one a line.
func nameMentions(t *testing.T, text string, tagged listedNames) string {
	t.Helper()
	doc, err := Annotate(text, Options{Names: tagged})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range doc.Mentions {
		if m.Label.IsName() {
			got = append(got, string(m.Label)+" "+doc.SpanText(m.Span))
		}
	}
	return strings.Join(got, "\n")
}
