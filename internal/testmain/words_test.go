package testmain

import "testing"

func TestWordsFoundCountsEachWordAsOftenAsItWasSaid(t *testing.T) {
	for _, c := range []struct {
		said, heard string
		want        float64
	}{
		{"A hash table, a list.", "a hash table a list", 1},
		{"the cat saw the dog", "the cat", 0.4},
		{"the the the the", "the", 0.25},
		{"", "anything", 0},
	} {
		if got := WordsFound(c.said, c.heard); got != c.want {
			t.Errorf("WordsFound(%q, %q) = %v, want %v", c.said, c.heard, got, c.want)
		}
	}
}
