package transcribe

import (
	"context"
	"time"
)

// Engine turns one participant's audio into timed text.
type Engine interface {
	// Transcribe returns the speech in audio as segments in time order.
	Transcribe(ctx context.Context, audio Audio) ([]Segment, error)
	// Name identifies the engine in a transcript, e.g. "pocketsphinx".
	Name() string
	// Quality says in one sentence, for the people reading a transcript,
	// what its text is worth.
	Quality() string
}

// Audio is one track to transcribe.
type Audio struct {
	Path     string // 16 kHz mono 16-bit PCM WAV (see Convert)
	Language string // BCP 47, e.g. "en" or "en-US"; empty: the engine's default
	// Speech is the track's spoken spans (see Speech) when the caller has
	// them already; engines that need them compute them when nil.
	Speech []Span
}

// Segment is a stretch of recognised speech.
type Segment struct {
	Start time.Duration `json:"start"` // from the start of the track
	End   time.Duration `json:"end"`
	Text  string        `json:"text"`
	// Confidence is the engine's own estimate, 0..1, or -1 when it gives none.
	Confidence float64 `json:"confidence"`
}

// Span is a stretch of a track, from its start.
type Span struct {
	Start time.Duration `json:"start"`
	End   time.Duration `json:"end"`
}

// Len is the span's length.
func (s Span) Len() time.Duration { return s.End - s.Start }
