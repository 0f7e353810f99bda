package ui

import "testing"

func TestRefusedAncestor(t *testing.T) {
	allowed := map[string]bool{"https://cms.example.com": true, "https://annotator.example.com": true, "null": true}
	for _, c := range []struct {
		name      string
		ancestors []string
		want      string
	}{
		{"not framed", nil, ""},
		{"an allowed page", []string{"https://cms.example.com"}, ""},
		{"two allowed pages", []string{"https://cms.example.com", "https://annotator.example.com"}, ""},
		{"a preview frame (srcdoc) of an allowed page", []string{"https://cms.example.com", "https://cms.example.com"}, ""},
		{"a page off the list", []string{"https://evil.example"}, "https://evil.example"},
		{"an allowed page framed by one off the list", []string{"https://cms.example.com", "https://evil.example"}, "https://evil.example"},
		{"a sandboxed frame of an allowed page (null, even when listed)", []string{"null", "https://cms.example.com"}, "null"},
		{"an allowed page inside a sandboxed frame", []string{"https://cms.example.com", "null"}, "null"},
		{"an empty entry", []string{""}, "null"},
		{"an unreadable entry", []string{"https://cms.example.com", ""}, "null"},
	} {
		if got := refusedAncestor(c.ancestors, allowed); got != c.want {
			t.Errorf("%s: refusedAncestor(%q) = %q, want %q", c.name, c.ancestors, got, c.want)
		}
	}
	if allowedAncestor("", allowed) || allowedAncestor("null", allowed) {
		t.Error("an empty or opaque origin is allowed")
	}
}
