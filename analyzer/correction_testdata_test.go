package analyzer

// An invented article for the corrections' tests, and the names its
// recogniser finds (some wrong on purpose: Jordan the person as a place,
// Share as an organisation).
const correctionText = `Harbour talks resume in Portmoor

PORTMOOR, March 3, 2024 - Ana Ruiz met Kim Jong-un in Portmoor on Tuesday. “We will build the pier,” Ruiz said. Mr Kim told reporters that the pier would open in May. The harbour board said that the costs had doubled. Jordan Vale of Acme Corp said talks went well. Later, Jordan said: “It is a good day.” Facebook Share. Acme shares rose 3% to $2bn.
`

var correctionNames = listedNames{
	"Ana Ruiz": PER, "Ruiz": PER, "Kim Jong-un": PER, "Mr Kim": PER, "Portmoor": LOC, "PORTMOOR": LOC,
	"Jordan Vale": PER, "Jordan": LOC, "Acme Corp": ORG, "Acme": ORG, "Facebook Share": ORG,
}
