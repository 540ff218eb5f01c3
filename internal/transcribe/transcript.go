package transcribe

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/media"
)

// Speaker is the person a track belongs to.
type Speaker struct {
	ID   string `json:"id"` // participant ID
	Name string `json:"name"`
	Role string `json:"role"`
}

// Track is one recorded audio track of a speaker.
type Track struct {
	Speaker Speaker
	Path    string    // a recording (WebM from package media) or anything ffmpeg reads
	Started time.Time // wall-clock time of the recording's first sample
}

// Line is one segment of a transcript, at wall-clock times.
type Line struct {
	Speaker    Speaker   `json:"speaker"`
	Start      time.Time `json:"start"`
	End        time.Time `json:"end"`
	Text       string    `json:"text"`
	Confidence float64   `json:"confidence"` // 0..1, or -1 when the engine gives none
}

// Turn is a stretch of time a speaker's track carried speech (voice
// activity, whatever the engine recognised in it).
type Turn struct {
	Speaker Speaker   `json:"speaker"`
	From    time.Time `json:"from"`
	To      time.Time `json:"to"`
}

// Transcript is every speaker's speech in one chronological list.
type Transcript struct {
	Engine  string `json:"engine"`  // Engine.Name
	Quality string `json:"quality"` // Engine.Quality, to show beside the text
	Lines   []Line `json:"lines"`
	Speech  []Turn `json:"speech"` // voice activity, for talk time
}

// TracksFrom picks the tracks to transcribe from a room's recordings: the
// microphone tracks that are complete and whose start time is known, each
// given to its speaker by who (false leaves the recording out). A
// participant who reconnected has several tracks.
func TracksFrom(recs []media.Recording, who func(media.Recording) (Speaker, bool)) []Track {
	var tracks []Track
	for _, r := range recs {
		if r.Kind != media.KindAudio || r.Source != media.SourceMicrophone || r.Active || r.Started.IsZero() {
			continue
		}
		if sp, ok := who(r); ok {
			tracks = append(tracks, Track{Speaker: sp, Path: r.Path, Started: r.Started})
		}
	}
	return tracks
}

// Build transcribes every track with eng and merges the result into one
// chronological, speaker-labelled transcript. Each track is converted to
// WAV (in a temporary folder, removed afterwards) as its voice activity is
// measured (Prepare), then transcribed.
func Build(ctx context.Context, eng Engine, tracks []Track, language string) (Transcript, error) {
	t := Transcript{Engine: eng.Name(), Quality: eng.Quality()}
	dir, err := os.MkdirTemp("", "interviewdesk-transcribe-")
	if err != nil {
		return t, fmt.Errorf("transcript work folder: %w", err)
	}
	defer os.RemoveAll(dir)
	for i, tr := range tracks {
		if tr.Started.IsZero() {
			return t, fmt.Errorf("%w: track %s has no start time", ErrInvalid, tr.Path)
		}
		wav := filepath.Join(dir, fmt.Sprintf("track-%d.wav", i))
		segs, spans, err := transcribeTrack(ctx, eng, tr.Path, wav, language)
		if err != nil {
			return t, fmt.Errorf("transcribe %s: %w", tr.Path, err)
		}
		t.add(tr, segs, spans)
		_ = os.Remove(wav)
	}
	t.sort()
	return t, nil
}

func transcribeTrack(ctx context.Context, eng Engine, path, wav, language string) ([]Segment, []Span, error) {
	spans, err := Prepare(ctx, path, wav)
	if err != nil {
		return nil, nil, err
	}
	segs, err := eng.Transcribe(ctx, Audio{Path: wav, Language: language, Speech: spans})
	return segs, spans, err
}

// add places a track's segments and spoken spans on the wall clock.
func (t *Transcript) add(tr Track, segs []Segment, spans []Span) {
	for _, s := range segs {
		t.Lines = append(t.Lines, Line{Speaker: tr.Speaker, Start: tr.Started.Add(s.Start), End: tr.Started.Add(s.End),
			Text: s.Text, Confidence: s.Confidence})
	}
	for _, s := range spans {
		t.Speech = append(t.Speech, Turn{Speaker: tr.Speaker, From: tr.Started.Add(s.Start), To: tr.Started.Add(s.End)})
	}
}

// sort puts lines and turns in time order (speakers by ID on a tie).
func (t *Transcript) sort() {
	slices.SortStableFunc(t.Lines, func(a, b Line) int {
		return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.Speaker.ID, b.Speaker.ID))
	})
	slices.SortStableFunc(t.Speech, func(a, b Turn) int {
		return cmp.Or(a.From.Compare(b.From), cmp.Compare(a.Speaker.ID, b.Speaker.ID))
	})
}
