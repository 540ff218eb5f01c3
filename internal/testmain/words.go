package testmain

import "strings"

// WordsFound is the share of the words said (case and full stops and commas
// aside) that the words heard hold, each counted as often as it was said at
// most: how much of a script a transcript found, for speech benchmarks.
func WordsFound(said, heard string) float64 {
	clean := strings.NewReplacer(".", "", ",", "")
	left := map[string]int{}
	for _, w := range strings.Fields(strings.ToLower(clean.Replace(heard))) {
		left[w]++
	}
	words := strings.Fields(strings.ToLower(clean.Replace(said)))
	found := 0
	for _, w := range words {
		if left[w] > 0 {
			left[w]--
			found++
		}
	}
	return float64(found) / float64(max(1, len(words)))
}
