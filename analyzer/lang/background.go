package lang

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Background is the document frequencies of term keys in a background
// corpus: key terms are weighed against it (TF-IDF), so that a word every
// article uses counts for less than one this article is about.
type Background struct {
	docs int
	df   map[string]int
}

// noBackground weighs every term alike.
var noBackground = &Background{docs: 1, df: map[string]int{}}

// IDF is the smoothed inverse document frequency of a term key; keys the
// background never saw get the highest.
func (b *Background) IDF(key string) float64 {
	return math.Log(float64(b.docs+1)/float64(b.df[key]+1)) + 1
}

// ReadBackground reads background frequencies (analyzer/cmd/background
// writes them): "# comment" lines and blank lines anywhere, then the
// number of documents, then one "key count" line per term key, spaces in
// keys written as "_".
func ReadBackground(r io.Reader) (*Background, error) {
	b := &Background{df: make(map[string]int, 16384)}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		if b.docs == 0 {
			n, err := strconv.Atoi(text)
			if err != nil || n <= 0 {
				return nil, fmt.Errorf("line %d: %q is not a number of documents", line, text)
			}
			b.docs = n
			continue
		}
		key, count, ok := strings.Cut(text, " ")
		n, err := strconv.Atoi(count)
		if !ok || key == "" || err != nil || n < 0 {
			return nil, fmt.Errorf("line %d: %q is not \"key count\"", line, text)
		}
		b.df[strings.ReplaceAll(key, "_", " ")] = n
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if b.docs == 0 {
		return nil, fmt.Errorf("no number of documents")
	}
	return b, nil
}
