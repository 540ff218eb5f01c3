package score

import "strings"

// similarity is the credit an answer word earns for an expected word: 1 for
// the same stem, less for a WordNet relation, a near spelling or a shared
// stem prefix, the best of them; 0 for an unrelated word.
func (e *Offline) similarity(ref, ans token) float64 {
	if ref.stem == ans.stem {
		return 1
	}
	var c float64
	if e.wn != nil {
		c = max(e.wn.related(ref.word)[ans.stem], e.wn.related(ans.word)[ref.stem])
	}
	if nearSpelling(ref.word, ans.word) {
		c = max(c, e.p.fuzzyMatch)
	}
	if sharedPrefix(ref.stem, ans.stem, e.p.minPrefix) {
		c = max(c, e.p.prefixMatch)
	}
	return c
}

// sharedPrefix reports whether one stem begins with the other, of n letters or more
// ("reus" and "reusabl").
func sharedPrefix(a, b string, n int) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= n && strings.HasPrefix(b, a)
}

// nearSpelling reports whether two words of five letters or more differ by
// one edit (two for words of nine or more): typos and spelling slips.
func nearSpelling(a, b string) bool {
	if len(a) < 5 || len(b) < 5 {
		return false
	}
	limit := 1
	if len(a) >= 9 && len(b) >= 9 {
		limit = 2
	}
	return editDistance(a, b, limit) <= limit
}

// editDistance is the Levenshtein distance of a and b, or limit+1 once it is
// known to exceed limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
