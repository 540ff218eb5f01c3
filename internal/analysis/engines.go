package analysis

import (
	"context"
	"time"
)

// Track is one participant's recorded audio.
type Track struct {
	Path        string
	Participant string
	Speaker     string // the person's name
	Role        string // candidate or interviewer
	Started     time.Time
	Duration    time.Duration
	// From and To clip the track (from its start); To zero: the whole track.
	// A clipped track's times stay relative to the track's start.
	From, To time.Duration
}

// Span is a stretch of a track, from its start.
type Span struct {
	Start, End time.Duration
}

// Segment is timed text from a track.
type Segment struct {
	Span
	Text string
}

// Heard is what a transcriber made of a track: its words and where anyone
// spoke (voice activity, whatever the words).
type Heard struct {
	Segments []Segment
	Voiced   []Span
}

// Transcriber turns a track into timed text.
type Transcriber interface {
	Name() string
	// Quality says honestly what its transcripts are worth.
	Quality() string
	Transcribe(ctx context.Context, t Track) (Heard, error)
}

// Question is what an answer is scored against.
type Question struct {
	Text      string
	Expected  string
	KeyPoints []string
}

// Scored is a scorer's verdict on one answer.
type Scored struct {
	Score   float64 // 0..Scale
	Covered []Point
	Missed  []Point
	Comment string
}

// Scorer scores an answer.
type Scorer interface {
	Name() string
	Score(ctx context.Context, q Question, answer string) (Scored, error)
}
