package intake

import "testing"

func TestMarkdownToText(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"headings", "# Harbour deal signed\n\nThe port of Velmar opened.\n\n## Reactions ##\nMayor Ilse Brandt spoke.", "Harbour deal signed\n\nThe port of Velmar opened.\n\nReactions\n\nMayor Ilse Brandt spoke."},
		{"setext headings", "Harbour deal\n============\nText.\n\nReactions\n---------\nMore.", "Harbour deal\n\nText.\n\nReactions\n\nMore."},
		{"emphasis", "It was **very** _important_ and *quite* __bold__, ~~not~~ ***both***.", "It was very important and quite bold, not both."},
		{"no emphasis in words or arithmetic", "snake_case_name and 5 * 3 * 2 and a lone * star and file_name.txt", "snake_case_name and 5 * 3 * 2 and a lone * star and file_name.txt"},
		{"links", "Read [the report](https://example.org/r \"Report\") and [the annex][annex] or <https://example.org> or <press@example.org>.\n\n[annex]: https://example.org/annex", "Read the report and the annex or https://example.org or press@example.org."},
		{"nested link text", "See [the **full** text](http://x.test/(a)).", "See the full text."},
		{"images go", "![A ship in the harbour](ship.jpg) The ship docked.", "The ship docked."},
		{"inline code", "Run `annotate -lang en` now, or ``a ` b``.", "Run annotate -lang en now, or a ` b."},
		{"fenced code keeps its text", "Before.\n\n```go\nx := 1 * 2\n```\nAfter.", "Before.\n\nx := 1 * 2\n\nAfter."},
		{"lists", "- one\n* two\n+ three\n- [x] done\n1. first\n2. second", "one\ntwo\nthree\ndone\n1. first\n2. second"},
		{"block quotes", "> “We will build it,” she said.\n> > Nested.", "“We will build it,” she said.\nNested."},
		{"rules and comments", "One.\n\n---\n\n<!-- note\nto self -->Two. <!-- x --> Three.\n\n***", "One.\n\nTwo.  Three."},
		{"escapes", `Prices \*rose\* by 5\% \[sic\].`, "Prices *rose* by 5% [sic]."},
		{"front matter title", "---\ntitle: \"Harbour deal: what's next\"\ndate: 2024-05-01\n---\nBody text.", "Harbour deal: what's next\n\nBody text."},
		{"front matter without title", "---\ndraft: true\n---\n\nBody.", "Body."},
		{"an unclosed front matter is text", "---\nnot front matter", "not front matter"},
		{"tables", "| Team | Score |\n|---|:-:|\n| Velmar | 3 |", "Team\tScore\nVelmar\t3"},
		{"footnotes", "A claim.[^1]\n\n[^1]: The source.", "A claim.\n\nThe source."},
		{"hard breaks and CRLF", "line one  \r\nline two\\\r\nline three", "line one\nline two\nline three"},
		{"blank lines collapse", "\n\n\nA.\n\n\n\nB.\n\n", "A.\n\nB."},
		{"plain text stays", "Kim Jong-un met Moon Jae-in on Tuesday. “We agreed,” Moon said.", "Kim Jong-un met Moon Jae-in on Tuesday. “We agreed,” Moon said."},
		{"unmatched brackets", "a [b and (c) ] d", "a [b and (c) ] d"},
		{"hash without space is text", "#hashtag and #1 seed", "#hashtag and #1 seed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := MarkdownToText(c.in); got != c.want {
				t.Errorf("MarkdownToText(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

func TestLooksLikeMarkdown(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		want bool
	}{
		{"heading and emphasis", "# Harbour deal\n\nThe **port** opened.", true},
		{"links and a list", "Read [this](http://x.test) and [that](http://y.test).\n\n- one", true},
		{"front matter", "---\ntitle: A\n---\n\nText with a [link](u) and **bold**.", true},
		{"fence", "```\ncode\n```\n\n- a\n- b", true},
		{"plain article", "VELMAR, June 3 (Reuters) - The harbour deal was signed on Tuesday.\n\n“We will build it,” the mayor said.", false},
		{"a lone emphasis", "It was *really* big.", false},
		{"bullets only", "- one\n- two\n- three", false},
		{"a hashtag line", "#breaking news today\nmore", false},
		{"one heading alone", "# Title\n\nPlain text.", false},
		{"brackets in prose", "The minister [Ms Brandt] said (on Tuesday) that it was done.", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := LooksLikeMarkdown(c.in); got != c.want {
				t.Errorf("LooksLikeMarkdown(%q) = %v, want %v", c.in, got, c.want)
			}
		})
	}
}
