package score

import "context"

// MaxScore is the top of the scale every engine scores on (0..MaxScore).
const MaxScore = 5.0

// Engine scores one answer. Implementations are safe for concurrent use.
type Engine interface {
	Score(ctx context.Context, in Input) (Result, error)
}

// Input is one question, what a good answer says, and the answer given.
type Input struct {
	Question string `json:"question"`
	// Expected is the reference answer; KeyPoints, when given, are the points a
	// good answer makes. At least one of the two is needed.
	Expected  string   `json:"expected"`
	KeyPoints []string `json:"keyPoints,omitempty"`
	Answer    string   `json:"answer"`
}

// Result is a score with the evidence behind it.
type Result struct {
	Score   float64 `json:"score"` // 0..MaxScore
	Covered []Point `json:"covered"`
	Missed  []Point `json:"missed"`
	Comment string  `json:"comment"`
	Engine  string  `json:"engine"` // which engine scored, e.g. "offline" or "offline (no WordNet)"
}

// Point is a key point, or a phrase of the expected answer when the question
// has no key points.
type Point struct {
	Text string `json:"text"`
	// Evidence is the excerpt of the answer that makes the point (covered
	// points only).
	Evidence string `json:"evidence,omitempty"`
}
