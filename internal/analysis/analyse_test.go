package analysis

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/media"
)

// waitingTranscriber hears nothing until the combined recording has begun:
// an analysis that combined first and transcribed after would never end.
type waitingTranscriber struct {
	combining <-chan struct{}
	fail      error
}

func (waitingTranscriber) Name() string    { return "waiting" }
func (waitingTranscriber) Quality() string { return "exact" }
func (w waitingTranscriber) Transcribe(ctx context.Context, _ Track) (Heard, error) {
	select {
	case <-w.combining:
	case <-time.After(10 * time.Second):
		return Heard{}, errors.New("the recording was not being combined meanwhile")
	}
	return Heard{Segments: []Segment{{Span{0, sec(5)}, "a lightweight thread"}}, Voiced: []Span{{0, sec(5)}}}, w.fail
}

func analyseInput() Input {
	return Input{InterviewID: "iv", Start: t0, End: t0.Add(sec(60)), AIAnalysis: true,
		Questions:  []Question{{Text: "What is a goroutine?", KeyPoints: []string{"lightweight thread"}}},
		Windows:    []Window{{Index: 0, From: t0}},
		Tracks:     []Track{{Participant: "candidate", Speaker: "Olivia", Role: "candidate", Started: t0}},
		Recordings: []media.Recording{{Participant: "candidate", Kind: media.KindAudio, Started: t0, Duration: sec(60)}}}
}

// The combined recording is encoded beside the transcription, and the
// progress of both adds up to one whole.
func TestAnalyseCombinesTheRecordingWhileTranscribing(t *testing.T) {
	combining := make(chan struct{})
	var job CombineJob
	p := Pipeline{Transcriber: waitingTranscriber{combining: combining}, Scorer: wordScorer{}, Out: "/data/iv/interview.webm",
		Combine: func(_ context.Context, j CombineJob) (Combined, error) {
			job = j
			j.Progress(0.5)
			close(combining)
			return Combined{Start: t0, DurationMs: 60000, Width: 960, Height: 540}, nil
		}}
	var seen []float64
	a, err := p.Analyse(t.Context(), analyseInput(), func(_ string, done float64) { seen = append(seen, done) })
	if err != nil {
		t.Fatal(err)
	}
	if a.Recording == nil || a.Recording.DurationMs != 60000 || len(a.Answers) != 1 || a.Answers[0].Score != Scale {
		t.Fatalf("analysis = %+v, recording %+v", a, a.Recording)
	}
	if job.LowPriority || job.Layout != LayoutPIP || job.Out != p.Out || len(job.Recordings) != 1 {
		t.Errorf("combine job = %+v, want picture-in-picture at the analysis' own priority", job)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] < seen[i-1] || seen[i] > 1 {
			t.Fatalf("progress went %v", seen)
		}
	}
	if len(seen) == 0 || seen[len(seen)-1] != 1 {
		t.Errorf("progress = %v, want it to end at 1", seen)
	}
}

// A failed transcription stops the combining (the recording is kept with a
// finished analysis only); a failed recording leaves the analysis whole.
func TestAnalyseFailures(t *testing.T) {
	combining := make(chan struct{})
	stopped := make(chan error, 1)
	p := Pipeline{Transcriber: waitingTranscriber{combining: combining, fail: errors.New("decoder crashed")}, Scorer: wordScorer{},
		Out: "/data/iv/interview.webm", Combine: func(ctx context.Context, _ CombineJob) (Combined, error) {
			close(combining)
			<-ctx.Done()
			stopped <- ctx.Err()
			return Combined{}, ctx.Err()
		}}
	if _, err := p.Analyse(t.Context(), analyseInput(), func(string, float64) {}); err == nil {
		t.Fatal("a failed transcription made an analysis")
	}
	if err := <-stopped; !errors.Is(err, context.Canceled) {
		t.Errorf("the combining ended with %v, want it cancelled", err)
	}

	combining = make(chan struct{})
	p.Transcriber = waitingTranscriber{combining: combining}
	p.Combine = func(context.Context, CombineJob) (Combined, error) {
		close(combining)
		return Combined{}, errors.New("ffmpeg: no space left on device")
	}
	a, err := p.Analyse(t.Context(), analyseInput(), func(string, float64) {})
	if err != nil || a.Recording != nil || len(a.Answers) != 1 {
		t.Errorf("with a failed recording: %+v, %v; want the analysis without one", a, err)
	}
}
