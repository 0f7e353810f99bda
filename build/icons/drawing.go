package main

import (
	"fmt"
	"image"
	"image/color"
	"strings"
)

// The icon is a page of three text lines, parts of them highlighted as the
// app highlights entities. One list of rounded rectangles, on a 512 grid,
// feeds both the SVG and the PNGs, so they cannot drift apart.
type rect struct {
	x0, y0, x1, y1, r float64
	fill              color.RGBA
}

const grid = 512

var shapes = []rect{
	{0, 0, 512, 512, 96, rgb(0x1d3557)},     // background, the theme colour
	{112, 150, 400, 190, 20, rgb(0xf1f5f9)}, // line 1
	{112, 150, 262, 190, 20, rgb(0xfde68a)}, // its highlight
	{112, 236, 400, 276, 20, rgb(0xf1f5f9)}, // line 2
	{228, 236, 400, 276, 20, rgb(0xf9a8d4)},
	{112, 322, 330, 362, 20, rgb(0xf1f5f9)}, // line 3
	{112, 322, 206, 362, 20, rgb(0x86efac)},
}

func rgb(v uint32) color.RGBA {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// svg writes the shapes as an SVG document.
func svg() string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d">`+"\n", grid, grid)
	for _, s := range shapes {
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%g" height="%g" rx="%g" fill="#%02x%02x%02x"/>`+"\n",
			s.x0, s.y0, s.x1-s.x0, s.y1-s.y0, s.r, s.fill.R, s.fill.G, s.fill.B)
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// raster draws the shapes at size×size pixels, antialiased by sampling each
// pixel on a 4×4 grid.
func raster(size int) *image.NRGBA {
	const n = 4
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scale := float64(grid) / float64(size)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64 // premultiplied sums over the samples
			for sy := 0; sy < n; sy++ {
				for sx := 0; sx < n; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/n) * scale
					y := (float64(py) + (float64(sy)+0.5)/n) * scale
					var cr, cg, cb, ca float64
					for _, s := range shapes {
						if s.contains(x, y) {
							cr, cg, cb, ca = float64(s.fill.R), float64(s.fill.G), float64(s.fill.B), 1
						}
					}
					r, g, b, a = r+cr*ca, g+cg*ca, b+cb*ca, a+ca
				}
			}
			if a == 0 {
				continue
			}
			img.SetNRGBA(px, py, color.NRGBA{
				R: uint8(r/a + 0.5), G: uint8(g/a + 0.5), B: uint8(b/a + 0.5),
				A: uint8(a/(n*n)*255 + 0.5),
			})
		}
	}
	return img
}

// contains reports whether the point is inside the rounded rectangle.
func (s rect) contains(x, y float64) bool {
	if x < s.x0 || x >= s.x1 || y < s.y0 || y >= s.y1 {
		return false
	}
	cx := min(max(x, s.x0+s.r), s.x1-s.r)
	cy := min(max(y, s.y0+s.r), s.y1-s.r)
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= s.r*s.r
}
