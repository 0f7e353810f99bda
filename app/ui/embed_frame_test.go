package ui

import "testing"

func TestRefusedAncestor(t *testing.T) {
	allowed := map[string]bool{"https://cms.example.com": true, "http://localhost:8000": true, "null": true}
	for _, c := range []struct {
		ancestors []string
		want      string
	}{
		{nil, ""},
		{[]string{"https://cms.example.com"}, ""},
		{[]string{"https://cms.example.com", "http://localhost:8000"}, ""},
		{[]string{"https://evil.example"}, "https://evil.example"},
		// A disallowed page framing an allowed one that frames the annotator.
		{[]string{"https://cms.example.com", "https://evil.example"}, "https://evil.example"},
		// Never the opaque origin, even when someone listed it.
		{[]string{"null"}, "null"},
		{[]string{"https://cms.example.com", "null"}, "null"},
		{[]string{""}, ""},
	} {
		got := refusedAncestor(c.ancestors, allowed)
		if c.ancestors != nil && len(c.ancestors) == 1 && c.ancestors[0] == "" {
			if got != "" || allowedAncestor("", allowed) {
				t.Errorf("an empty origin: refused %q, allowed %v", got, allowedAncestor("", allowed))
			}
			continue
		}
		if got != c.want {
			t.Errorf("ancestors %q: refused %q, want %q", c.ancestors, got, c.want)
		}
	}
}
