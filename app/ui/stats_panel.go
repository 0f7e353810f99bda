package ui

import (
	"fmt"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// statsPanel renders the document's counts and how long the analyzer took.
func statsPanel(a *annotation) app.UI {
	if a == nil {
		return app.Section().Class("panel stats").Body(
			app.H2().Text("Stats"),
			app.P().Class("hint").Text("Counts appear once there is text."),
		)
	}
	s := a.Result.Stats
	row := func(name, value string) app.UI {
		return app.Div().Class("stat").Body(app.Dt().Text(name), app.Dd().Text(value))
	}
	return app.Section().Class("panel stats").Body(
		app.H2().Text("Stats"),
		app.Dl().ID("stats").Body(
			row("Words", formatInt(s.Words)),
			row("Sentences", formatInt(s.Sentences)),
			row("Characters", formatInt(s.Characters)),
			row("Reading time", fmt.Sprintf("%d min", s.ReadingMinutes)),
			row("Entities", formatInt(len(a.Result.Entities))),
			row("Analyzer time", formatDuration(a.Elapsed)),
		),
	)
}

// formatInt writes n with thousands separators: 17500 → "17,500".
func formatInt(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

func formatDuration(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	switch {
	case ms < 10:
		return fmt.Sprintf("%.1f ms", ms)
	case ms < 10000:
		return fmt.Sprintf("%.0f ms", ms)
	}
	return fmt.Sprintf("%.1f s", ms/1000)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return formatInt(n) + " " + many
}
