package host

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/mixdown"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/score"
	"github.com/interviewdesk/interviewdesk/internal/transcribe"
)

// scorer is a score.Engine as the analysis' Scorer.
type scorer struct {
	engine score.Engine
	name   string
}

var _ analysis.Scorer = scorer{}

func (s scorer) Name() string { return s.name }

func (s scorer) Score(ctx context.Context, q analysis.Question, answer string) (analysis.Scored, error) {
	r, err := s.engine.Score(ctx, score.Input{Question: q.Text, Expected: q.Expected, KeyPoints: q.KeyPoints, Answer: answer})
	if err != nil {
		return analysis.Scored{}, err
	}
	out := analysis.Scored{Score: r.Score, Comment: r.Comment}
	for _, p := range r.Covered {
		out.Covered = append(out.Covered, analysis.Point{Text: p.Text, Evidence: p.Evidence})
	}
	for _, p := range r.Missed {
		out.Missed = append(out.Missed, analysis.Point{Text: p.Text})
	}
	return out, nil
}

// transcriber is a transcribe.Engine as the analysis' Transcriber: each
// track is converted to WAV, its voiced spans found, then recognised.
type transcriber struct {
	engine transcribe.Engine
	tmp    string // where WAV files are made and removed
}

var _ analysis.Transcriber = transcriber{}

func (t transcriber) Name() string    { return t.engine.Name() }
func (t transcriber) Quality() string { return t.engine.Quality() }

func (t transcriber) Transcribe(ctx context.Context, tr analysis.Track) (analysis.Heard, error) {
	if err := os.MkdirAll(t.tmp, 0o700); err != nil {
		return analysis.Heard{}, fmt.Errorf("analysis work folder: %w", err)
	}
	f, err := os.CreateTemp(t.tmp, "track-*.wav")
	if err != nil {
		return analysis.Heard{}, fmt.Errorf("analysis work file: %w", err)
	}
	wav := f.Name()
	_ = f.Close()
	defer os.Remove(wav)
	if err := convert(ctx, tr, wav); err != nil {
		return analysis.Heard{}, err
	}
	spans, err := transcribe.Speech(ctx, wav)
	if err != nil {
		return analysis.Heard{}, err
	}
	segs, err := t.engine.Transcribe(ctx, transcribe.Audio{Path: wav, Language: "en", Speech: spans})
	if err != nil {
		return analysis.Heard{}, err
	}
	var h analysis.Heard
	for _, s := range spans {
		h.Voiced = append(h.Voiced, analysis.Span{Start: tr.From + s.Start, End: tr.From + s.End})
	}
	for _, s := range segs {
		h.Segments = append(h.Segments, analysis.Segment{Span: analysis.Span{Start: tr.From + s.Start, End: tr.From + s.End},
			Text: s.Text})
	}
	return h, nil
}

// convert makes the WAV the engines read: the whole track, or its clip
// (which may still be being written: ffmpeg reads what is there).
func convert(ctx context.Context, tr analysis.Track, wav string) error {
	if tr.To <= 0 {
		return transcribe.Convert(ctx, tr.Path, wav)
	}
	secs := func(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 3, 64) }
	cmd := exec.CommandContext(ctx, "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
		"-ss", secs(tr.From), "-to", secs(tr.To), "-i", tr.Path, "-vn", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", wav)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("cut %s from %s to %s: %w: %s", filepath.Base(tr.Path), secs(tr.From), secs(tr.To), err,
			strings.TrimSpace(string(out)))
	}
	return nil
}

// missingEngine stands where an engine could not be set up: the analysis
// fails with what to install.
type missingEngine struct{ err error }

func (m missingEngine) Name() string    { return "none" }
func (m missingEngine) Quality() string { return "" }
func (m missingEngine) Transcribe(context.Context, analysis.Track) (analysis.Heard, error) {
	return analysis.Heard{}, m.err
}

// newAnalysis builds the interviews' analysis with the offline engines;
// live assessments reach the room through *sessions once it is built.
func (h *Host) newAnalysis(rooms *room.Service, sessions **room.Sessions) *analysis.Service {
	var tr analysis.Transcriber
	if sph, err := transcribe.NewSphinx(transcribe.SphinxConfig{}); err != nil {
		h.log.Warn("speech recognition unavailable", "err", err)
		tr = missingEngine{err: err}
	} else {
		tr = transcriber{engine: sph, tmp: filepath.Join(h.cfg.DataDir, "analysis-work")}
	}
	var sc analysis.Scorer = scorer{engine: missingScorer{}, name: "none"}
	if off, err := score.NewOffline(score.OfflineConfig{}); err != nil {
		h.log.Warn("answer scoring unavailable", "err", err)
	} else {
		sc = scorer{engine: off, name: "offline key-point coverage (term weighting, stemming, WordNet synonyms)"}
	}
	cfg := analysis.Config{DB: h.db, Rooms: rooms, Transcriber: tr, Scorer: sc, Push: h.push, Logger: h.log, Now: h.now,
		Combine: combineRecording, Dir: filepath.Join(h.cfg.DataDir, "analysis"),
		Post: func(ctx context.Context, id string, d room.AssessmentData) error {
			return (*sessions).Record(ctx, id, room.TypeAssessed, d)
		}}
	if h.call != nil {
		cfg.Recordings = h.call.sfu
	}
	return analysis.New(cfg)
}

// missingScorer refuses to score when the offline scorer could not start.
type missingScorer struct{}

func (missingScorer) Score(context.Context, score.Input) (score.Result, error) {
	return score.Result{}, fault.Explain(fault.Unavailable, nil, "the answer scorer could not start; see the host's log")
}

// combineRecording makes an interview's tracks into one recording with
// mixdown: the candidate large, the interviewers in small boxes.
func combineRecording(ctx context.Context, iv interviews.Interview, recs []media.Recording, out string,
	progress func(float64)) (analysis.Combined, error) {
	names := iv.ParticipantNames()
	tracks := make([]mixdown.Track, 0, len(recs))
	for _, r := range recs {
		tracks = append(tracks, mixdown.Track{Path: r.Path, Participant: r.Participant,
			Name: names[links.ParticipantID(r.Participant)], Kind: mixdown.Kind(r.Kind), Source: string(r.Source),
			Started: r.Started, Duration: r.Duration})
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		return analysis.Combined{}, fmt.Errorf("combined recording folder: %w", err)
	}
	res, err := mixdown.Build(ctx, mixdown.Input{Tracks: tracks, Layout: mixdown.LayoutPIP,
		Focus: string(links.CandidateParticipant), Out: out, Progress: func(done, total time.Duration) {
			if total > 0 {
				progress(float64(done) / float64(total))
			}
		}})
	if err != nil {
		return analysis.Combined{}, err
	}
	return analysis.Combined{Start: res.Start, DurationMs: res.Duration.Milliseconds(), Width: res.Width,
		Height: res.Height}, nil
}
