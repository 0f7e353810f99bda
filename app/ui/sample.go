package ui

import _ "embed"

// Sample is a short invented news article the page offers to try the
// annotator with, and that tests paste when ../shared is absent.
//
//go:embed sample.txt
var Sample string
