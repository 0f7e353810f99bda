// Command icons draws the app's icons into web/: icon.svg and the PNGs that
// the manifest and the service worker need (192 and 512 px). The committed
// files are its output; run it after changing the drawing:
//
//	go run ./build/icons -out web
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("out", "web", "`directory` to write the icons to")
	flag.Parse()
	if err := writeIcons(*out); err != nil {
		fmt.Fprintln(os.Stderr, "icons:", err)
		os.Exit(1)
	}
}

// pngSizes are the PNG icons go-app's Handler.Icon asks for.
var pngSizes = map[string]int{"icon-192.png": 192, "icon-512.png": 512}

func writeIcons(dir string) error {
	if err := os.WriteFile(filepath.Join(dir, "icon.svg"), []byte(svg()), 0o644); err != nil {
		return err
	}
	for name, size := range pngSizes {
		var buf bytes.Buffer
		if err := png.Encode(&buf, raster(size)); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
