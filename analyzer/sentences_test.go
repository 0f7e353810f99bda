package analyzer

import (
	"strings"
	"testing"
)

func sentenceTexts(text string) string {
	var out []string
	for _, s := range SplitSentences(text, Tokenize(text)) {
		out = append(out, text[s.Start:s.End])
	}
	return strings.Join(out, " | ")
}

func TestSplitSentences(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Kim arrived. Xi greeted him! Why? Nobody knows.", "Kim arrived. | Xi greeted him! | Why? | Nobody knows."},
		{"titles never end a sentence", "Mr. Kim met Dr. Xi. They talked.", "Mr. Kim met Dr. Xi. | They talked."},
		{"initials never end a sentence", "John F. Kennedy spoke.", "John F. Kennedy spoke."},
		{"abbreviation before a name", "The U.S. President spoke. He left.", "The U.S. President spoke. | He left."},
		{"abbreviation ending a sentence", "He moved to the U.S. The move was quick.", "He moved to the U.S. | The move was quick."},
		{"company suffix mid-sentence", "Acme Inc. said profits rose.", "Acme Inc. said profits rose."},
		{"closing quote belongs to the sentence", "He said: “It is over.” Then he left.", "He said: “It is over.” | Then he left."},
		{"quote with comma continues", "“No matter what,” he said. “It will not change.”", "“No matter what,” he said. | “It will not change.”"},
		{"question in a quote before the verb", "“Why?” asked Kim. Xi smiled.", "“Why?” asked Kim. | Xi smiled."},
		{"straight quotes", "He said \"we agree.\" Talks ended.", "He said \"we agree.\" | Talks ended."},
		{"lower case after period continues", "It costs approx. five dollars.", "It costs approx. five dollars."},
		{"decimal numbers", "Growth was 3.5 per cent. Rates fell.", "Growth was 3.5 per cent. | Rates fell."},
		{"headline without punctuation", "Kim visits China\n\nNorth Korean leader meets Xi in Beijing.", "Kim visits China | North Korean leader meets Xi in Beijing."},
		{"caption line", "Photograph: Kyodo/via Reuters\nA car enters the guest house.", "Photograph: Kyodo/via Reuters | A car enters the guest house."},
		{"dateline line", "BRUSSELS 2019-03-14\nThe European Commission said on Friday.", "BRUSSELS 2019-03-14 | The European Commission said on Friday."},
		{"hard-wrapped clause continues", "The leader travelled\nto the guest house.", "The leader travelled\nto the guest house."},
		{"ellipsis", "He paused... Then spoke.", "He paused... | Then spoke."},
		{"no final punctuation", "just a fragment", "just a fragment"},
		{"cjk full stop", "北京。上海。", "北京。 | 上海。"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentenceTexts(tt.in); got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
