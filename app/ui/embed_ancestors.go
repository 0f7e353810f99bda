package ui

// refusedFramer returns the first origin among the pages framing the embed
// page (location.ancestorOrigins, nearest first) that may not frame it, ""
// when every one may. Every ancestor counts, not only the parent: a page
// off the list framing an allowed one that frames the annotator would
// otherwise use it through that page. A srcdoc or about:blank frame (a
// CMS's preview pane) has the origin of the page that made it, and the
// browser lists it as that origin: it is judged as that origin. The opaque
// origin "null" (a sandboxed frame, a data: URL) is never allowed, whatever
// the list says.
//
// The robustness work (issue 11) brings the same rule as refusedAncestor;
// when both are in, this one goes.
func refusedFramer(ancestors []string, allowed map[string]bool) string {
	for _, o := range ancestors {
		if o == "" {
			o = "null" // an entry the browser did not give: judged opaque
		}
		if o == "null" || !allowed[o] {
			return o
		}
	}
	return ""
}
