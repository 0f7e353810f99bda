//go:build !wasm

package lang

import (
	_ "embed"

	"annotator/analyzer/gazetteer"
	"annotator/analyzer/tagger"
)

// Every language's data files are in the binary natively (the CLI, the
// server, tests); the browser's build leaves them out and fetches each
// pack as a file of its own (files_wasm.go, EncodePack): English's at
// start-up, in parallel with the wasm, the others when first needed.
// The name lists and word clusters every model reads: English's pack
// carries them.
var gazetteerLists, gazetteerClusters = gazetteer.Embedded()

var (
	englishFiles   = Files{BackgroundFile: englishBackground, ModelFile: tagger.Embedded(), ListsFile: gazetteerLists, ClustersFile: gazetteerClusters}
	spanishFiles   = Files{BackgroundFile: spanishBackground, ModelFile: spanishModel}
	frenchFiles    = Files{BackgroundFile: frenchBackground, ModelFile: frenchModel}
	russianFiles   = Files{BackgroundFile: russianBackground, ModelFile: russianModel}
	swedishFiles   = Files{BackgroundFile: swedishBackground, ModelFile: swedishModel}
	norwegianFiles = Files{BackgroundFile: norwegianBackground, ModelFile: norwegianModel}
	hungarianFiles = Files{BackgroundFile: hungarianBackground, ModelFile: hungarianModel}
)

var (
	//go:embed en/background.txt
	englishBackground []byte
	//go:embed es/background.txt
	spanishBackground []byte
	//go:embed es/model.bin
	spanishModel []byte
	//go:embed fr/background.txt
	frenchBackground []byte
	//go:embed fr/model.bin
	frenchModel []byte
	//go:embed ru/background.txt
	russianBackground []byte
	//go:embed ru/model.bin
	russianModel []byte
	//go:embed sv/background.txt
	swedishBackground []byte
	//go:embed sv/model.bin
	swedishModel []byte
	//go:embed no/background.txt
	norwegianBackground []byte
	//go:embed no/model.bin
	norwegianModel []byte
	//go:embed hu/background.txt
	hungarianBackground []byte
	//go:embed hu/model.bin
	hungarianModel []byte
)
