package ui

import (
	"fmt"
	"math"

	"annotator/app/contract"
	"annotator/app/jsval"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Long lists (a text naming twenty thousand numbers has twenty thousand
// entities) are paged: a list shows its first firstPage items, and each
// "Show more" adds morePage, up to maxListed; the exports have them all.
// One list is long at a time (more shows the others' first page again):
// the panels stay within 5,000 DOM nodes whatever the text and whatever
// is opened (an item is about 11 nodes).
const (
	firstPage = 20
	morePage  = 100
	maxListed = 300
)

// libraryPages is the library list's key. It is paged without maxListed:
// the library grows only by the user's own saves, and every saved article
// stays within reach.
const libraryPages = "library"

// uncapped reports whether the list key is paged without maxListed.
func uncapped(key string) bool { return key == libraryPages }

// pages says how many items each list shows, by list key; the zero value
// shows every list's first page.
type pages map[string]int

// limit returns how many of total items the list key shows.
func (p pages) limit(key string, total int) int {
	n := firstPage
	if p != nil && p[key] > n {
		n = p[key]
	}
	if uncapped(key) {
		return min(n, total)
	}
	return min(n, total, maxListed)
}

// more shows another page of the list key.
func (p *pages) more(key string) {
	if *p == nil {
		*p = make(pages)
	}
	n := p.limit(key, math.MaxInt) + morePage
	if !uncapped(key) {
		n = min(n, maxListed)
	}
	clear(*p)
	(*p)[key] = n
}

// showMore is the control under a paged list: a button for the next page,
// or, once maxListed are shown, where to find the rest; nothing when the
// list is whole. what names the items ("numbers", "quotes").
func showMore(key string, shown, total int, what string, onMore app.EventHandler) app.UI {
	switch {
	case shown >= total:
		return nil
	case shown >= maxListed && !uncapped(key):
		return app.P().Class("hint list-end").Text(fmt.Sprintf("The first %s of %s %s; the exports have them all.", formatInt(shown), formatInt(total), what))
	}
	next := min(morePage, total-shown)
	if !uncapped(key) {
		next = min(next, maxListed-shown)
	}
	return app.Button().Type("button").Class(contract.ShowMore, "link").DataSet(contract.MoreAttr, key).OnClick(onMore).
		Text(fmt.Sprintf("Show %s more (%s of %s %s shown)", formatInt(next), formatInt(shown), formatInt(total), what))
}

// onShowMore shows another page of the list its button names.
func (c *Annotator) onShowMore(ctx app.Context, e app.Event) {
	if key := dataAttr(ctx, contract.MoreAttr); key != "" {
		c.pages.more(key)
	}
}

// dataAttr reads the data attribute name of the event's element, "" when
// it has none or it is not a string.
func dataAttr(ctx app.Context, name string) string {
	s, _ := jsval.AsString(jsval.Field(jsval.Field(jsval.Of(ctx.JSSrc()), "dataset"), name))
	return s
}
