package score

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// token is one word of a text: its lower-case form, its stem and where it
// stands in the text (byte offsets), so evidence can quote the original.
type token struct {
	word, stem string
	start, end int
	stop       bool
}

// tokenize splits text into words: runs of letters, and runs of digits apart
// from letters ("5and" is two words, as text with lost spaces often has).
func tokenize(text string) []token {
	var out []token
	start, kind := -1, 0
	flush := func(end int) {
		if start >= 0 {
			w := strings.ToLower(text[start:end])
			out = append(out, token{word: w, stem: stem(w), start: start, end: end, stop: isStopWord(w)})
		}
		start, kind = -1, 0
	}
	for i, r := range text {
		k := runeKind(r)
		if k != kind {
			flush(i)
			if k != 0 {
				start, kind = i, k
			}
		}
	}
	flush(len(text))
	return out
}

// runeKind is 1 for letters, 2 for digits, 0 for everything else (so "don't"
// is "don" and "t").
func runeKind(r rune) int {
	switch {
	case unicode.IsLetter(r):
		return 1
	case unicode.IsDigit(r):
		return 2
	}
	return 0
}

// stem is the Snowball (Porter2) English stem of a lower-case word.
func stem(w string) string {
	if utf8.RuneCountInString(w) <= 2 {
		return w
	}
	return english.Stem(w, true)
}
