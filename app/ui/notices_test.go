package ui

import (
	"strings"
	"testing"
)

// The lone-surrogate notice names the places in JavaScript's character
// positions (UTF-16) with their lines, an emoji counting two, and says
// how many more there are past the ones listed.
func TestLoneSurrogateNotice(t *testing.T) {
	// As Go gets it: each lone surrogate is one U+FFFD.
	text := "a\uFFFDb\n😀\n\uFFFD"
	n := textNotice{Count: 2, At: []int{1, 7}}.withLines(text)
	if len(n.Lines) != 2 || n.Lines[0] != 1 || n.Lines[1] != 3 {
		t.Errorf("lines %v, want [1 3]", n.Lines)
	}
	msg := n.Message()
	for _, want := range []string{"replaced 2 characters", "character 2 (line 1), character 8 (line 3)", "everything else is exactly as given"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the notice %q does not say %q", msg, want)
		}
	}
	more := textNotice{Count: 9, At: []int{0, 1, 2, 3, 4}}.withLines("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD")
	if msg := more.Message(); !strings.Contains(msg, "character 5 (line 1) and 4 more") {
		t.Errorf("past the listed places the notice says %q", msg)
	}
	if (textNotice{}).Message() != "" {
		t.Error("a text with nothing replaced gets a notice")
	}
}
