package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"annotator/app/contract"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// faultNotice shows the faults caught at the boundary (boundary.go), the
// last few, with a button to dismiss them. It keeps its place in the page
// when empty (see hiddenPanel).
func faultNotice(faults []fault, total int, onDismiss app.EventHandler) app.UI {
	root := app.Div().ID(contract.Faults).Class("notice fault").DataSet("count", total)
	if len(faults) == 0 {
		return root.Hidden(true)
	}
	return root.Role("alert").Body(
		app.Ul().Body(
			app.Range(faults).Slice(func(i int) app.UI { return app.Li().Text(faults[i].String()) }),
		),
		app.Button().Type("button").Class("link").OnClick(onDismiss).Text("Dismiss"),
	)
}

// maxReplacedListed is how many places of replaced characters a notice
// names.
const maxReplacedListed = 5

// textNotice says which characters of a text the browser replaced on the
// way to the analyzer: lone surrogates (half of a UTF-16 surrogate pair,
// which is not text) become U+FFFD when a JavaScript string is encoded as
// UTF-8. Count is how many; At are the first few, in UTF-16 code units
// (JavaScript's string indices, the JSON's u16_* offsets), Lines their
// line numbers.
type textNotice struct {
	Count int
	At    []int
	Lines []int
}

// loneSurrogates finds the lone surrogates of a JavaScript string,
// without copying it into Go: the page's own RegExp counts and locates
// them. A string without any (nearly every one) costs one isWellFormed.
func loneSurrogates(text app.Value) textNotice {
	var n textNotice
	err := catchJS(func() {
		s := app.Window().Call("Object", text) // a String object: a primitive has no methods for syscall/js
		if wf := s.Get("isWellFormed"); wf.Type() == app.TypeFunction && s.Call("isWellFormed").Bool() {
			return
		}
		re := app.Window().Get("RegExp").New(`[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`, "g")
		// replace gives a primitive string: syscall/js reads no property of
		// one (Get panics), its String object has them.
		kept := app.Window().Call("Object", s.Call("replace", re, ""))
		n.Count = s.Get("length").Int() - kept.Get("length").Int()
		re.Set("lastIndex", 0)
		for len(n.At) < min(n.Count, maxReplacedListed) {
			m := re.Call("exec", s)
			if !m.Truthy() {
				break
			}
			n.At = append(n.At, m.Get("index").Int())
		}
	})
	if err != nil {
		return textNotice{}
	}
	return n
}

// withLines fills in the line numbers of the places, from the text as Go
// received it (where each lone surrogate is one U+FFFD, one UTF-16 code
// unit as it was).
func (n textNotice) withLines(text string) textNotice {
	if len(n.At) == 0 {
		return n
	}
	n.Lines = make([]int, len(n.At))
	u16, line, k := 0, 1, 0
	for _, r := range text {
		for k < len(n.At) && n.At[k] <= u16 {
			n.Lines[k] = line
			k++
		}
		if k == len(n.At) {
			break
		}
		if r == '\n' {
			line++
		}
		if r >= 0x10000 {
			u16 += 2
		} else {
			u16++
		}
	}
	for ; k < len(n.At); k++ {
		n.Lines[k] = line
	}
	return n
}

// Message says what was replaced and where, in the user's words.
func (n textNotice) Message() string {
	if n.Count == 0 {
		return ""
	}
	var places []string
	for i, at := range n.At {
		places = append(places, "character "+formatInt(at+1)+" (line "+formatInt(n.Lines[i])+")")
	}
	where := strings.Join(places, ", ")
	if n.Count > len(n.At) {
		where += " and " + plural(n.Count-len(n.At), "more", "more")
	}
	return "The browser replaced " + plural(n.Count, "character", "characters") + " of this text with U+FFFD (" + string(utf8.RuneError) +
		"): a lone half of a surrogate pair, which no text encoding can carry, at " + where +
		". The annotations, the library and the exports have U+FFFD there; everything else is exactly as given."
}

// render shows the notice; it keeps its place in the page when empty.
func (n textNotice) render() app.UI {
	root := app.P().ID(contract.TextNotice).Class("notice").DataSet("replaced", strconv.Itoa(n.Count))
	if n.Count == 0 {
		return root.Hidden(true)
	}
	return root.Role("status").Text(n.Message())
}
