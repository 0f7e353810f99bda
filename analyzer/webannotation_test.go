package analyzer

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestWebAnnotations(t *testing.T) {
	text := "😀 “We want peace,” said Kim Jong-un in Beijing on June 19th, 2018."
	doc, err := Annotate(text, Options{Names: listedNames{"Kim Jong-un": PER, "Beijing": LOC}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(doc.WebAnnotations())
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Context string `json:"@context"`
		Type    string
		Total   int
		First   struct {
			Items []struct {
				Type, Motivation string
				Body             []struct{ Purpose, Value string }
				Target           struct {
					Source   string
					Selector []struct {
						Type                  string
						Exact, Prefix, Suffix string
						Start, End            *int
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	if c.Context != WebAnnotationContext || c.Type != "AnnotationCollection" || c.Total != 4 || len(c.First.Items) != 4 {
		t.Fatalf("collection %s", b)
	}
	runes := []rune(text)
	for _, a := range c.First.Items {
		if a.Type != "Annotation" || len(a.Target.Selector) != 2 || a.Target.Source == "" {
			t.Fatalf("annotation %+v", a)
		}
		quote, pos := a.Target.Selector[0], a.Target.Selector[1]
		if quote.Type != "TextQuoteSelector" || pos.Type != "TextPositionSelector" {
			t.Fatalf("selectors %+v", a.Target.Selector)
		}
		// Positions count code points: the emoji before is one.
		if got := string(runes[*pos.Start:*pos.End]); got != quote.Exact {
			t.Errorf("position [%d,%d) selects %q, exact is %q", *pos.Start, *pos.End, got, quote.Exact)
		}
		if string(runes[*pos.Start-len([]rune(quote.Prefix)):*pos.Start]) != quote.Prefix {
			t.Errorf("prefix %q does not precede %q", quote.Prefix, quote.Exact)
		}
	}
	first := c.First.Items[0]
	if first.Body[0].Value != "PER" || first.Body[1].Value != "Kim Jong-un (e1)" {
		t.Errorf("first annotation bodies %+v", first.Body)
	}
	date := c.First.Items[2]
	if date.Body[0].Value != "DATE" || date.Body[2].Value != "2018-06-19" {
		t.Errorf("date annotation bodies %+v", date.Body)
	}
	quote := c.First.Items[3]
	if quote.Motivation != "describing" || len(quote.Body) != 4 || quote.Body[1].Value != "said by Kim Jong-un (e1)" ||
		quote.Body[2].Value != "direct" || quote.Body[3].Value != "verb: say" {
		t.Errorf("quote annotation %+v", quote)
	}
}

// TestWebAnnotationsWithoutMentions: items is an empty list, not null.
func TestWebAnnotationsWithoutMentions(t *testing.T) {
	doc, err := Annotate("nothing to see here", Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(doc.WebAnnotations())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"items":[]`) {
		t.Errorf("JSON-LD of a text without mentions: %s", data)
	}
}
