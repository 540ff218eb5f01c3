package score

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strings"

	"github.com/kljensen/snowball/english"
)

// OfflineConfig configures the offline engine.
type OfflineConfig struct {
	// WordNetDir holds WordNet 3.0's database files; "" means
	// DefaultWordNetDir. Without them the engine matches words and stems only.
	WordNetDir string
}

// Offline scores on this machine with no model: it weighs the expected
// answer's terms by how telling they are, finds them in the answer (same stem,
// a WordNet synonym, or a near spelling), and reports per point what matched.
type Offline struct {
	wn   *wordNet // nil without WordNet
	idf  idfTable
	name string
	p    params
}

var _ Engine = (*Offline)(nil)

// params are the method's constants, one set for every question.
type params struct {
	questionWeight float64 // weight kept by a term the question already uses
	synonymMatch   float64 // credit for a WordNet synonym
	fuzzyMatch     float64 // credit for a near spelling
	coveredAt      float64 // coverage from which a point counts as covered
	fullAt         float64 // recall that earns the top score
	curve          float64 // exponent of the recall-to-score curve
	pointShare     float64 // share of the score from per-point coverage (rest: term recall)
}

var defaultParams = params{
	questionWeight: 0.25,
	synonymMatch:   0.8,
	fuzzyMatch:     0.8,
	coveredAt:      0.5,
	fullAt:         1,
	curve:          1,
	pointShare:     0,
}

// NewOffline opens the offline engine. Missing WordNet files are not an error:
// the engine then says "offline (no WordNet)" in every Result.
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

// Score scores in.Answer against in.Expected and in.KeyPoints.
func (e *Offline) Score(ctx context.Context, in Input) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	points := splitPoints(in)
	if len(points) == 0 {
		return Result{}, ErrNothingExpected
	}
	s := e.newScoring(in, points)
	return s.result(), nil
}

// term is one distinct content word of the expected answer, weighted.
type term struct {
	tok    token
	weight float64
}

// scoring holds one answer's analysis.
type scoring struct {
	e        *Offline
	in       Input
	question map[string]bool // stems of the question's content words
	answer   []token         // the answer's content words
	points   []scoredPoint
}

type scoredPoint struct {
	text     string
	terms    []term
	matches  []match // per term: the best answer word
	coverage float64
}

type match struct {
	credit float64
	at     int // index into scoring.answer, -1 for none
}

func (e *Offline) newScoring(in Input, points []string) *scoring {
	s := &scoring{e: e, in: in, question: make(map[string]bool)}
	for _, t := range e.contentTokens(in.Question, false) {
		s.question[t.stem] = true
	}
	s.answer = e.contentTokens(in.Answer, true)
	for _, p := range points {
		sp := scoredPoint{text: p, terms: s.terms(p)}
		sp.matches, sp.coverage = s.cover(sp.terms)
		s.points = append(s.points, sp)
	}
	return s
}

// terms are text's distinct content words with their weights.
func (s *scoring) terms(text string) []term {
	seen := map[string]bool{}
	var out []term
	for _, t := range s.e.contentTokens(text, false) {
		if seen[t.stem] {
			continue
		}
		seen[t.stem] = true
		w := s.e.idf.weight(t.stem)
		if s.question[t.stem] {
			w *= s.e.p.questionWeight
		}
		out = append(out, term{tok: t, weight: w})
	}
	return out
}

// cover finds each term in the answer and returns the weighted coverage.
func (s *scoring) cover(terms []term) ([]match, float64) {
	matches := make([]match, len(terms))
	var got, total float64
	for i, t := range terms {
		matches[i] = s.find(t.tok)
		got += t.weight * matches[i].credit
		total += t.weight
	}
	if total == 0 {
		return matches, 0
	}
	return matches, got / total
}

// find returns the answer word that best matches t.
func (s *scoring) find(t token) match {
	best := match{at: -1}
	for i, a := range s.answer {
		c := s.e.similarity(t, a)
		if c > best.credit {
			best = match{credit: c, at: i}
			if c == 1 {
				break
			}
		}
	}
	return best
}

// similarity is 1 for the same stem, less for a synonym or a near spelling.
func (e *Offline) similarity(ref, ans token) float64 {
	if ref.stem == ans.stem {
		return 1
	}
	if e.wn != nil && (contains(e.wn.synonyms(ref.word), ans.stem) || contains(e.wn.synonyms(ans.word), ref.stem)) {
		return e.p.synonymMatch
	}
	if nearSpelling(ref.word, ans.word) {
		return e.p.fuzzyMatch
	}
	return 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// recall is the weighted share of all the expected terms the answer has.
func (s *scoring) recall() float64 {
	var got, total float64
	for _, p := range s.points {
		for i, t := range p.terms {
			got += t.weight * p.matches[i].credit
			total += t.weight
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

func (s *scoring) pointCoverage() float64 {
	var sum float64
	for _, p := range s.points {
		sum += p.coverage
	}
	return sum / float64(len(s.points))
}

func (s *scoring) value() float64 {
	p := s.e.p
	r := (1-p.pointShare)*s.recall() + p.pointShare*s.pointCoverage()
	r = math.Min(1, r/p.fullAt)
	return MaxScore * math.Pow(r, p.curve)
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
	res.Comment = comment(res)
	return res
}

// evidence quotes the answer from the first to the last word that matched p.
func (s *scoring) evidence(p scoredPoint) string {
	first, last := -1, -1
	for _, m := range p.matches {
		if m.at < 0 || m.credit == 0 {
			continue
		}
		if first < 0 || m.at < first {
			first = m.at
		}
		if m.at > last {
			last = m.at
		}
	}
	if first < 0 {
		return ""
	}
	return strings.TrimSpace(s.in.Answer[s.answer[first].start:s.answer[last].end])
}

func comment(r Result) string {
	n := len(r.Covered) + len(r.Missed)
	return fmt.Sprintf("Covers %d of %d points.", len(r.Covered), n)
}

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

// nearSpelling reports whether two words of five letters or more differ by
// one edit (two for words of nine or more): typos and spelling slips.
func nearSpelling(a, b string) bool {
	if len(a) < 5 || len(b) < 5 {
		return false
	}
	max := 1
	if len(a) >= 9 && len(b) >= 9 {
		max = 2
	}
	return editDistance(a, b, max) <= max
}

// editDistance is the Levenshtein distance of a and b, or max+1 once it is
// known to exceed max.
func editDistance(a, b string, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
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
		if low > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
