package score

import (
	"math"
	"strings"

	"github.com/kljensen/snowball/english"
)

// contentTokens are text's words less stop words, with words run together
// ("stagephase", "variablesor") split apart. With keepWhole the run-together
// word is kept too, so a misspelt word that happens to split still matches by
// its spelling.
func (e *Offline) contentTokens(text string, keepWhole bool) []token {
	var out []token
	for _, t := range tokenize(text) {
		parts := e.unglue(t)
		if len(parts) > 1 && keepWhole {
			out = append(out, t)
		}
		for _, part := range parts {
			if !part.stop {
				out = append(out, part)
			}
		}
	}
	return out
}

// unglue splits a word the dictionary does not know into two words it knows,
// as text that lost a space or a bracket has ("functionlocal"). Known words and
// words that split no way are returned as they are. Of several splits, the one
// whose rarer part is the more common word wins ("operations|and" over
// "operation|sand").
func (e *Offline) unglue(t token) []token {
	if len(t.word) < 5 || t.stop || english.IsStopWord(t.word) || e.isWord(t.word) {
		return []token{t}
	}
	best, bestFreq := 0, 0
	for i := 2; i <= len(t.word)-2; i++ {
		f := min(e.partFreq(t.word[:i]), e.partFreq(t.word[i:]))
		if f > bestFreq {
			best, bestFreq = i, f
		}
	}
	if best == 0 {
		return []token{t}
	}
	a, b := t.word[:best], t.word[best:]
	return []token{
		{word: a, stem: stem(a), start: t.start, end: t.start + best, stop: isStopWord(a)},
		{word: b, stem: stem(b), start: t.start + best, end: t.end, stop: isStopWord(b)},
	}
}

// isWord reports whether w, or the adjective of an adverb in -ly, is in the
// word list or in WordNet.
func (e *Offline) isWord(w string) bool {
	known := func(w string) bool { return e.idf.df[stem(w)] > 0 || (e.wn != nil && e.wn.known(w)) }
	return known(w) || (strings.HasSuffix(w, "ly") && known(strings.TrimSuffix(w, "ly")))
}

// minPartFreq keeps rare words (abbreviations, names) from being split off.
const minPartFreq = 5

// partFreq is how common w is as one half of a split word: the word list's
// count for a word of three letters or more that it holds minPartFreq times, above every count for a
// function word of two letters or more, and 0 for anything else.
func (e *Offline) partFreq(w string) int {
	switch {
	case english.IsStopWord(w) && len(w) >= 2:
		return math.MaxInt
	case len(w) >= 3 && e.idf.df[stem(w)] >= minPartFreq:
		return e.idf.df[stem(w)]
	}
	return 0
}
