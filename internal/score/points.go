package score

import (
	"regexp"
	"strings"
)

// splitPoints returns the points an answer is checked for: the key points, or,
// without them, the expected answer's clauses.
func splitPoints(in Input) []string {
	var out []string
	for _, k := range in.KeyPoints {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	if len(out) > 0 {
		return out
	}
	return clauses(in.Expected)
}

var clauseBreak = regexp.MustCompile(`[.;:!?]+(\s+|$)|,?\s+(and|or|but)\s+|,\s+|\n+`)

// clauses splits text at sentence ends, commas and conjunctions, merging
// pieces with no content word into their neighbour.
func clauses(text string) []string {
	var out []string
	pending := ""
	for _, piece := range clauseBreak.Split(text, -1) {
		piece = strings.TrimSpace(piece)
		if piece == "" {
			continue
		}
		if pending != "" {
			piece = pending + " " + piece
			pending = ""
		}
		if !hasContent(piece) {
			pending = piece
			continue
		}
		out = append(out, piece)
	}
	if pending != "" {
		if len(out) == 0 {
			return []string{pending}
		}
		out[len(out)-1] += " " + pending
	}
	return out
}

func hasContent(text string) bool {
	for _, t := range tokenize(text) {
		if !t.stop {
			return true
		}
	}
	return false
}
