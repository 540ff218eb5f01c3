package host

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/analysis"
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/mixdown"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/score"
	"github.com/interviewdesk/interviewdesk/internal/settings"
	"github.com/interviewdesk/interviewdesk/internal/transcribe"
)

// scorer is a score.Engine as the analysis' Scorer; limit, when set, bounds
// each answer's scoring by a remote service.
type scorer struct {
	engine score.Engine
	name   string
	limit  time.Duration
}

var _ analysis.Scorer = scorer{}

func (s scorer) Name() string { return s.name }

func (s scorer) Score(ctx context.Context, q analysis.Question, answer string) (analysis.Scored, error) {
	ctx, cancel := within(ctx, s.limit)
	defer cancel()
	r, err := s.engine.Score(ctx, score.Input{Question: q.Text, Expected: q.Expected, KeyPoints: q.KeyPoints, Answer: answer})
	if err != nil {
		return analysis.Scored{}, overdue(ctx, err, s.limit)
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
// track is converted to WAV as its voiced spans are found, then recognised.
// limit, when set, bounds each track's recognition by a remote service:
// the base plus that many times the track's length.
type transcriber struct {
	engine        transcribe.Engine
	name, quality string
	tmp           string // where WAV files are made and removed
	limit         time.Duration
}

var _ analysis.Transcriber = transcriber{}

func (t transcriber) Name() string    { return t.name }
func (t transcriber) Quality() string { return t.quality }

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
	spans, err := prepare(ctx, tr, wav)
	if err != nil {
		return analysis.Heard{}, err
	}
	limit := t.limit
	if limit > 0 {
		limit += 3 * tr.Duration
	}
	rctx, cancel := within(ctx, limit)
	defer cancel()
	segs, err := t.engine.Transcribe(rctx, transcribe.Audio{Path: wav, Language: "en", Speech: spans})
	if err != nil {
		return analysis.Heard{}, overdue(rctx, err, limit)
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

// prepare makes the WAV the engines read and finds its spoken spans: the
// whole track in one pass, or its clip.
func prepare(ctx context.Context, tr analysis.Track, wav string) ([]transcribe.Span, error) {
	if tr.To <= 0 {
		return transcribe.Prepare(ctx, tr.Path, wav)
	}
	if err := cut(ctx, tr, wav); err != nil {
		return nil, err
	}
	return transcribe.Speech(ctx, wav)
}

// cut writes the clip of a track (which may still be being written: ffmpeg
// reads what is there) as the WAV the engines read.
func cut(ctx context.Context, tr analysis.Track, wav string) error {
	secs := func(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 3, 64) }
	cmd := exec.CommandContext(ctx, "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
		"-ss", secs(tr.From), "-to", secs(tr.To), "-i", tr.Path, "-vn", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", wav)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("cut %s from %s to %s: %w: %s", filepath.Base(tr.Path), secs(tr.From), secs(tr.To), err,
			strings.TrimSpace(string(out)))
	}
	return nil
}

// within is ctx bounded by limit, or ctx itself when limit is 0.
func within(ctx context.Context, limit time.Duration) (context.Context, context.CancelFunc) {
	if limit <= 0 {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, limit)
}

// overdue says so when err comes from a service that outlasted its limit.
func overdue(ctx context.Context, err error, limit time.Duration) error {
	if limit > 0 && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fault.Explain(fault.Unavailable, err, fmt.Sprintf(
			"The service you configured in Settings → Analysis engines gave no answer within %s.", limit.Round(time.Second)))
	}
	return err
}

// missingEngine stands where an engine could not be set up: the analysis
// fails with what to install.
type missingEngine struct{ err error }

func (m missingEngine) Name() string    { return "none" }
func (m missingEngine) Quality() string { return "" }
func (m missingEngine) Transcribe(context.Context, analysis.Track) (analysis.Heard, error) {
	return analysis.Heard{}, m.err
}

// missingScorer refuses to score when the offline scorer could not start.
type missingScorer struct{}

func (missingScorer) Score(context.Context, score.Input) (score.Result, error) {
	return score.Result{}, fault.Explain(fault.Unavailable, nil, "the answer scorer could not start; see the host's log")
}

// How long a remote service may take: per answer scored, and per track
// before the allowance for its length (see transcriber.limit).
const (
	remoteScoreLimit      = 5 * time.Minute
	remoteTranscribeLimit = 10 * time.Minute
)

// engines chooses the analysis' engines from Settings → Analysis engines as
// each run starts, so a change applies to the next analysis: the offline
// ones (built once, at start) unless a service is configured.
type engines struct {
	settings *settings.Service
	speech   analysis.Transcriber // offline
	scoring  analysis.Scorer      // offline
	tmp      string
}

func (e engines) choose() (analysis.Transcriber, analysis.Scorer, error) {
	st, err := e.settings.AnalysisEngines()
	if err != nil {
		return nil, nil, err
	}
	tr, sc := e.speech, e.scoring
	if t := st.Transcription; t.Remote() {
		eng, err := transcribe.NewOpenAI(t.Transcription())
		if err != nil {
			return nil, nil, fmt.Errorf("transcription service: %w", err)
		}
		tr = transcriber{engine: eng, name: serviceName(t), tmp: e.tmp, limit: remoteTranscribeLimit,
			quality: "Transcribed by the speech service you configured; its accuracy is that service's."}
	}
	if s := st.Scoring; s.Remote() {
		sc = scorer{engine: s.Scoring(), name: serviceName(s), limit: remoteScoreLimit}
	}
	return tr, sc, nil
}

// serviceName names a configured service in an analysis.
func serviceName(e settings.Engine) string {
	return fmt.Sprintf("OpenAI-compatible service at %s (model %s)", e.Host(), e.Model)
}

// newAnalysis builds the interviews' analysis: the offline engines, or the
// services chosen in settings; live assessments reach the room through
// *sessions once it is built.
func (h *Host) newAnalysis(rooms *room.Service, st *settings.Service, sessions **room.Sessions) *analysis.Service {
	e := engines{settings: st, tmp: filepath.Join(h.cfg.DataDir, "analysis-work")}
	if sph, err := transcribe.NewSphinx(transcribe.SphinxConfig{}); err != nil {
		h.log.Warn("offline speech recognition unavailable", "err", err)
		e.speech = missingEngine{err: err}
	} else {
		e.speech = transcriber{engine: sph, name: sph.Name(), quality: sph.Quality(), tmp: e.tmp}
	}
	e.scoring = scorer{engine: missingScorer{}, name: "none"}
	if off, err := score.NewOffline(score.OfflineConfig{}); err != nil {
		h.log.Warn("offline answer scoring unavailable", "err", err)
	} else {
		e.scoring = scorer{engine: off, name: "offline key-point coverage (term weighting, stemming, WordNet synonyms)"}
	}
	cfg := analysis.Config{DB: h.db, Rooms: rooms, Engines: e.choose, Push: h.push, Logger: h.log, Now: h.now,
		Combine: combineRecording, Dir: filepath.Join(h.cfg.DataDir, AnalysisDir),
		Post: func(ctx context.Context, id string, d room.AssessmentData) error {
			return (*sessions).Record(ctx, id, room.TypeAssessed, d)
		}}
	if h.call != nil {
		cfg.Recordings = h.call.sfu
	}
	return analysis.New(cfg)
}

// combineRecording makes an interview's tracks into one recording with
// mixdown, in the layout asked for (picture-in-picture: the candidate
// large, the interviewers in small boxes; or a grid).
func combineRecording(ctx context.Context, j analysis.CombineJob) (analysis.Combined, error) {
	names := j.Interview.ParticipantNames()
	tracks := make([]mixdown.Track, 0, len(j.Recordings))
	for _, r := range j.Recordings {
		tracks = append(tracks, mixdown.Track{Path: r.Path, Participant: r.Participant,
			Name: names[links.ParticipantID(r.Participant)], Kind: mixdown.Kind(r.Kind), Source: string(r.Source),
			Started: r.Started, Duration: r.Duration})
	}
	if err := os.MkdirAll(filepath.Dir(j.Out), 0o700); err != nil {
		return analysis.Combined{}, fmt.Errorf("combined recording folder: %w", err)
	}
	res, err := mixdown.Build(ctx, mixdown.Input{Tracks: tracks, Layout: mixdown.Layout(j.Layout),
		Focus: string(links.CandidateParticipant), Out: j.Out, LowPriority: j.LowPriority,
		Progress: func(done, total time.Duration) {
			if total > 0 && j.Progress != nil {
				j.Progress(float64(done) / float64(total))
			}
		}})
	if err != nil {
		return analysis.Combined{}, err
	}
	return analysis.Combined{Start: res.Start, DurationMs: res.Duration.Milliseconds(), Width: res.Width,
		Height: res.Height}, nil
}
