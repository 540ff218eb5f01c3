package score

// isStopWord reports whether w (lower case) is a function word that carries no
// meaning of its own in an answer. Snowball's English list, less the words that
// often decide whether an answer is right: negations ("not", "no"), quantities
// and order ("once", "only", "both", "all", "before", "after", "first", "last").
func isStopWord(w string) bool {
	_, ok := stopWords[w]
	return ok
}

var stopWords = func() map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range []string{
		"a", "about", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been",
		"being", "but", "by", "can", "could", "did", "do", "does", "doing", "don", "during", "each",
		"for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
		"herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
		"itself", "just", "me", "my", "myself", "nor", "now", "of", "on", "or", "our", "ours",
		"ourselves", "own", "s", "she", "should", "so", "some", "such", "t", "than", "that",
		"the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
		"those", "through", "to", "too", "very", "was", "we", "were", "what", "when", "where",
		"which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
		"yourself", "yourselves", "also", "may", "might", "must", "shall", "let", "etc", "e", "g",
		"ie", "eg", "ll", "re", "ve", "d", "m",
		"lrb", "rrb", // brackets as parsers write them (-LRB-, -RRB-)
	} {
		m[w] = struct{}{}
	}
	return m
}()
