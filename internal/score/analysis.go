package score

import (
	"math"
	"regexp"
	"strings"
)

// term is one distinct content word of a point, weighted.
type term struct {
	tok    token
	weight float64
}

// scoring is one answer's analysis against one question.
type scoring struct {
	e        *Offline
	in       Input
	question map[string]bool // stems of the question's content words
	answer   []token         // the answer's content words
	points   []scoredPoint
	// expected is the expected answer's coverage as a whole, used beside
	// the key points when both are given (-1 otherwise).
	expected float64
	refs     []term // every term of the points and the expected answer
}

type scoredPoint struct {
	text     string
	terms    []term
	matches  []match // per term: its best answer word
	coverage float64 // weighted share of the terms the answer has, 0..1
}

type match struct {
	credit float64
	at     int // index into scoring.answer, -1 for none
}

func (e *Offline) analyse(in Input) *scoring {
	s := &scoring{e: e, in: in, question: make(map[string]bool), expected: -1}
	for _, t := range e.contentTokens(in.Question, false) {
		s.question[t.stem] = true
	}
	s.answer = e.contentTokens(in.Answer, true)
	for _, p := range splitPoints(in) {
		sp := scoredPoint{text: p, terms: s.terms(p)}
		sp.matches, sp.coverage = s.cover(sp.terms)
		s.points = append(s.points, sp)
		s.refs = append(s.refs, sp.terms...)
	}
	if len(in.KeyPoints) > 0 && strings.TrimSpace(in.Expected) != "" {
		terms := s.terms(in.Expected)
		_, s.expected = s.cover(terms)
		s.refs = append(s.refs, terms...)
	}
	return s
}

// terms are text's distinct content words with their weights: BM25's IDF,
// less for words the question already uses.
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
		if c := s.e.similarity(t, a); c > best.credit {
			best = match{credit: c, at: i}
			if c == 1 {
				break
			}
		}
	}
	return best
}

// coverage is the mean of the points' coverage, blended with the expected
// answer's when key points and an expected answer are both given.
func (s *scoring) coverage() float64 {
	var sum float64
	for _, p := range s.points {
		sum += p.coverage
	}
	c := sum / float64(len(s.points))
	if s.expected >= 0 {
		c = (2*c + s.expected) / 3
	}
	return c
}

// newWords are the answer's content words the question does not use.
func (s *scoring) newWords() []token {
	var out []token
	for _, a := range s.answer {
		if !s.question[a.stem] {
			out = append(out, a)
		}
	}
	return out
}

// focus is the weighted share of the answer's new words that match an
// expected term: an answer mostly about other things has little focus. An
// answer with no new words has the focus of its coverage.
func (s *scoring) focus() float64 {
	var got, total float64
	for _, a := range s.newWords() {
		w := s.e.idf.weight(a.stem)
		total += w
		best := 0.0
		for _, t := range s.refs {
			best = max(best, s.e.similarity(t.tok, a))
		}
		got += w * best
	}
	if total == 0 {
		return s.coverage()
	}
	return got / total
}

// repeatsQuestion reports whether the answer only uses the question's words
// while the expected answer has words of its own.
func (s *scoring) repeatsQuestion() bool {
	if len(s.answer) == 0 || len(s.newWords()) > 0 {
		return false
	}
	for _, t := range s.refs {
		if !s.question[t.tok.stem] {
			return true
		}
	}
	return false
}

// value is the score: coverage blended with focus, on a curve that rises
// fast and flattens (graders give full marks before every word is matched,
// and matching misses paraphrases), less for an answer that only repeats the
// question.
func (s *scoring) value() float64 {
	if len(s.answer) == 0 {
		return 0
	}
	p := s.e.p
	c := (s.coverage() + p.focusShare*s.focus()) / (1 + p.focusShare)
	v := MaxScore * (1 - math.Pow(1-c, p.curve))
	if s.repeatsQuestion() {
		v *= p.repeatFactor
	}
	return v
}

var answerClause = regexp.MustCompile(`[^.;!?,\n]+`)

// evidence quotes the clauses of the answer that hold p's matched words.
func (s *scoring) evidence(p scoredPoint) string {
	var parts []string
	for _, loc := range answerClause.FindAllStringIndex(s.in.Answer, -1) {
		for _, m := range p.matches {
			if m.credit > 0 && m.at >= 0 && s.answer[m.at].start >= loc[0] && s.answer[m.at].end <= loc[1] {
				parts = append(parts, strings.TrimSpace(s.in.Answer[loc[0]:loc[1]]))
				break
			}
		}
	}
	return strings.Join(parts, " … ")
}
