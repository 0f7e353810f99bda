package ui

import (
	"strconv"

	"annotator/app/jsval"
)

// maxAncestors is how many framing origins are read.
const maxAncestors = 64

// ancestorOrigins returns the origins of the pages framing this one,
// nearest first (location.ancestorOrigins); nil where the browser does not
// tell (Firefox) or the page is not framed.
func ancestorOrigins(location jsval.Value) []string {
	list := jsval.Field(location, "ancestorOrigins")
	if !jsval.IsObject(list) {
		return nil
	}
	n, ok := jsval.AsFinite(jsval.Field(list, "length"))
	if !ok {
		return nil
	}
	var origins []string
	if n > maxAncestors {
		// No page nests this deep but one trying to hide its origin past
		// the entries read: judged opaque, so refused.
		origins = append(origins, "null")
	}
	for i := range int(min(n, maxAncestors)) {
		// An entry that is not a string counts as the opaque origin.
		o, ok := jsval.AsString(jsval.Field(list, strconv.Itoa(i)))
		if !ok {
			o = "null"
		}
		origins = append(origins, o)
	}
	return origins
}

// refusedAncestor returns the first framing origin the embed page must not
// answer, "" when every one may frame it. Every ancestor counts, not only
// the parent: a page off the list framing an allowed one that frames the
// annotator would otherwise use it through that page. An opaque origin
// ("null": a sandboxed frame, a data: URL) is never allowed, whatever the
// list says.
//
// allowedAncestor decides each entry; a CMS whose preview is a srcdoc or
// about:blank frame shows there with the CMS's own origin (such frames
// inherit their creator's), so extending the rules for such nesting means
// changing allowedAncestor, not this loop.
func refusedAncestor(ancestors []string, allowed map[string]bool) string {
	for _, o := range ancestors {
		if o == "" {
			o = "null" // an entry the browser did not give: judged opaque
		}
		if !allowedAncestor(o, allowed) {
			return o
		}
	}
	return ""
}

// allowedAncestor reports whether a page of origin o may frame the embed
// page.
func allowedAncestor(o string, allowed map[string]bool) bool {
	return o != "" && o != "null" && allowed[o]
}
