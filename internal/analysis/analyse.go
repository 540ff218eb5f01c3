package analysis

import (
	"context"
	"log/slog"
	"sync"
)

// Pipeline is what one analysis run is made with.
type Pipeline struct {
	Transcriber Transcriber
	Scorer      Scorer
	// Combine builds the call's one recording at Out (nil or Out empty: none).
	Combine Combiner
	Out     string
	Logger  *slog.Logger
}

// Shares of the progress: the combined recording takes about a third of
// the time of the transcript and the scores.
const (
	combineShare = 0.3
	runShare     = 1 - combineShare
)

// Analyse builds the analysis of in and its combined recording
// (picture-in-picture) at the same time, instead of one after the other:
// the encoding fills what the transcription leaves of the CPU (one process
// per short track, model loading, the single-threaded steps). Both run at
// the same priority: nothing is shown before both are done, and a lower
// priority for either would only let other programs starve it. A
// recording that fails is logged, not fatal: the tracks stay playable one
// by one.
func (p Pipeline) Analyse(ctx context.Context, in Input, progress Progress) (Analysis, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	tally := newTally(progress)
	var combined *Combined
	var wg sync.WaitGroup
	if p.Combine != nil && p.Out != "" && len(in.Recordings) > 0 {
		tally.combining = true
		wg.Go(func() { combined = p.combine(ctx, in, tally) })
	}
	a, err := Run(ctx, in, p.Transcriber, p.Scorer, tally.run)
	if err != nil {
		cancel() // the recording is stored only with a finished analysis
	}
	if tally.combining {
		tally.run("Combining the recording", 1)
	}
	wg.Wait()
	a.Recording = combined
	return a, err
}

func (p Pipeline) combine(ctx context.Context, in Input, tally *tally) *Combined {
	defer tally.combined(1)
	c, err := p.Combine(ctx, CombineJob{Interview: in.Interview, Recordings: in.Recordings, Layout: LayoutPIP,
		Out: p.Out, Progress: tally.combined})
	if err != nil {
		if ctx.Err() == nil && p.Logger != nil {
			p.Logger.Warn("combine the recording", "interview", in.InterviewID, "err", err)
		}
		return nil
	}
	return &c
}

// tally adds the progress of the two halves of a run up. ffmpeg reports
// twice a second; the recording's share is passed on in steps of a percent.
type tally struct {
	mu                sync.Mutex
	report            Progress
	step              string
	runDone, combDone float64
	combSent          float64 // combDone when last reported
	combining         bool
}

func newTally(report Progress) *tally { return &tally{report: report} }

func (t *tally) run(step string, done float64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.step, t.runDone = step, done
	t.send()
}

func (t *tally) combined(done float64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.combDone = done
	if done-t.combSent >= progressStep || done >= 1 {
		t.combSent = done
		t.send()
	}
}

// progressStep is the least change of a build's progress worth storing.
const progressStep = 0.01

// send reports under t.mu; without a recording to combine, the run is the whole.
func (t *tally) send() {
	if !t.combining {
		t.report(t.step, t.runDone)
		return
	}
	t.report(t.step, combineShare*t.combDone+runShare*t.runDone)
}
