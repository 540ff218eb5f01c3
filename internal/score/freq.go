package score

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
)

// wordFreq is a document-frequency list of English word stems: in how many of
// WordNet 3.0's 117,659 glosses (definitions and examples) each stem occurs.
// It stands in for a general-English corpus when weighting terms, so common
// words ("make", "use") weigh less than telling ones ("recursion"). It is
// rebuilt from WordNet by `go test ./internal/score -run TestWordFrequencies -update`.
//
//go:embed wordfreq.txt
var wordFreqText string

// idfTable maps a stem to its inverse document frequency.
type idfTable struct {
	idf     map[string]float64
	df      map[string]int // glosses the stem occurs in
	unknown float64        // the weight of a stem the list does not hold
}

func parseIDF(text string) idfTable {
	t := idfTable{idf: make(map[string]float64), df: make(map[string]int)}
	docs := 1.0
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 3 && f[0] == "#":
			docs, _ = strconv.ParseFloat(f[2], 64)
		case len(f) == 2:
			if df, err := strconv.Atoi(f[1]); err == nil {
				t.idf[f[0]] = idf(docs, float64(df))
				t.df[f[0]] = df
			}
		}
	}
	t.unknown = idf(docs, 1)
	return t
}

// idf is BM25's inverse document frequency, floored at a small positive value.
func idf(docs, df float64) float64 {
	return math.Max(0.1, math.Log(1+(docs-df+0.5)/(df+0.5)))
}

func (t idfTable) weight(stem string) float64 {
	if w, ok := t.idf[stem]; ok {
		return w
	}
	return t.unknown
}
