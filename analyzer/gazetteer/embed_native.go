//go:build !wasm

package gazetteer

import _ "embed"

// Native binaries carry the lists; the browser's build gets them from the
// English language pack (Use).
var (
	//go:embed lists.txt
	embeddedLists string
	//go:embed clusters.txt
	embeddedClusters string
)
