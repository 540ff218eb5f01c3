package score

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strings"
)

// OfflineConfig configures the offline engine.
type OfflineConfig struct {
	// WordNetDir holds WordNet 3.0's database files; "" means
	// DefaultWordNetDir. Without them the engine matches stems and spellings
	// only.
	WordNetDir string
}

// Offline scores on this machine with no model. See the package doc for the
// method.
type Offline struct {
	wn   *wordNet // nil without WordNet
	idf  idfTable
	name string
	p    params
}

var _ Engine = (*Offline)(nil)

// params are the method's constants: one set for every question, chosen on
// the dev data as a whole (testdata/grading-dev), never per question.
type params struct {
	questionWeight float64 // weight kept by an expected term the question already uses
	synonymMatch   float64 // credit for a WordNet synonym (same synset)
	similarMatch   float64 // credit for a WordNet similar adjective
	hyponymMatch   float64 // credit for a more specific or more general word (WordNet hyponym link)
	fuzzyMatch     float64 // credit for a near spelling
	prefixMatch    float64 // credit for a stem that begins with the other
	minPrefix      int     // letters the shorter stem needs for a prefix match
	senses         int     // how many of a word's most frequent WordNet senses count
	coveredAt      float64 // coverage from which a point counts as covered
	focusShare     float64 // weight of the answer's focus beside the points' coverage
	curve          float64 // exponent of 1-(1-c)^curve, the coverage-to-score curve
	repeatFactor   float64 // what is left of the score of an answer that only repeats the question
}

var defaultParams = params{
	questionWeight: 0.25,
	synonymMatch:   0.8,
	similarMatch:   0.7,
	hyponymMatch:   0.5,
	fuzzyMatch:     0.8,
	prefixMatch:    0.5,
	minPrefix:      4,
	senses:         3,
	coveredAt:      0.5,
	focusShare:     0.25,
	curve:          2,
	repeatFactor:   0.5,
}

// NewOffline opens the offline engine. Missing WordNet files are not an error:
// the engine then names itself "offline (no WordNet)" in every Result.
func NewOffline(cfg OfflineConfig) (*Offline, error) {
	dir := cfg.WordNetDir
	if dir == "" {
		dir = DefaultWordNetDir
	}
	e := &Offline{idf: parseIDF(wordFreqText), name: "offline", p: defaultParams}
	wn, err := openWordNet(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		e.name = "offline (no WordNet)"
	case err != nil:
		return nil, fmt.Errorf("open wordnet in %s: %w", dir, err)
	default:
		wn.senses = e.p.senses
		wn.credit = map[string]float64{"=": e.p.synonymMatch, "&": e.p.similarMatch, "~": e.p.hyponymMatch}
		e.wn = wn
	}
	return e, nil
}

// Close releases the WordNet files.
func (e *Offline) Close() error {
	if e.wn == nil {
		return nil
	}
	return e.wn.Close()
}

// Score scores in.Answer against in.KeyPoints, or the clauses of in.Expected
// when there are no key points.
func (e *Offline) Score(ctx context.Context, in Input) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	s := e.analyse(in)
	if len(s.points) == 0 {
		return Result{}, ErrNothingExpected
	}
	return s.result(), nil
}

func (s *scoring) result() Result {
	res := Result{Score: math.Round(s.value()*100) / 100, Engine: s.e.name, Covered: []Point{}, Missed: []Point{}}
	for _, p := range s.points {
		if p.coverage >= s.e.p.coveredAt {
			res.Covered = append(res.Covered, Point{Text: p.text, Evidence: s.evidence(p)})
		} else {
			res.Missed = append(res.Missed, Point{Text: p.text})
		}
	}
	res.Comment = s.comment(res)
	return res
}

// comment says in a sentence or two what the score rests on.
func (s *scoring) comment(r Result) string {
	switch {
	case len(s.answer) == 0:
		return "No answer to assess."
	case s.repeatsQuestion():
		return "The answer mostly repeats the question."
	}
	n := len(r.Covered) + len(r.Missed)
	var b strings.Builder
	fmt.Fprintf(&b, "Covers %d of %d %s", len(r.Covered), n, plural(n, "point", "points"))
	if len(r.Missed) > 0 {
		fmt.Fprintf(&b, "; misses %q", r.Missed[0].Text)
		if len(r.Missed) > 1 {
			fmt.Fprintf(&b, " and %d more", len(r.Missed)-1)
		}
	}
	b.WriteString(".")
	if s.focus() < 0.2 && len(s.newWords()) >= 8 {
		b.WriteString(" Much of the answer is about other things.")
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
