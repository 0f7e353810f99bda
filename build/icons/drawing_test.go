package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// The committed icons in web/ must be what this program draws now.
func TestCommittedIconsAreCurrent(t *testing.T) {
	web := filepath.Join("..", "..", "web")
	got, err := os.ReadFile(filepath.Join(web, "icon.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != svg() {
		t.Errorf("web/icon.svg is stale: run go run ./build/icons")
	}
	for name, size := range pngSizes {
		f, err := os.ReadFile(filepath.Join(web, name))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(f))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b := img.Bounds(); b != image.Rect(0, 0, size, size) {
			t.Fatalf("%s is %v, want %dx%d", name, b, size, size)
		}
		want := raster(size)
		for y := 0; y < size; y++ {
			for x := 0; x < size; x++ {
				r1, g1, b1, a1 := img.At(x, y).RGBA()
				r2, g2, b2, a2 := want.At(x, y).RGBA()
				if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
					t.Fatalf("%s differs at (%d,%d): run go run ./build/icons", name, x, y)
				}
			}
		}
	}
}

func TestRoundedCorners(t *testing.T) {
	bg := shapes[0]
	for _, c := range []struct {
		x, y float64
		in   bool
	}{
		{256, 256, true},
		{1, 1, false},     // cut off by the corner radius
		{96, 1, true},     // where the straight edge starts
		{511, 256, true},  // middle of the right edge
		{512, 256, false}, // just outside
	} {
		if got := bg.contains(c.x, c.y); got != c.in {
			t.Errorf("contains(%g, %g) = %v, want %v", c.x, c.y, got, c.in)
		}
	}
}
