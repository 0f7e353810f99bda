//go:build wasm

package lang

// In the browser, a language other than English comes as a pack file
// fetched when it is first needed (see PackFile and Load): the wasm holds
// none of their data.
var spanishFiles, frenchFiles, russianFiles, swedishFiles, norwegianFiles, hungarianFiles Files
