package analysis

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Recordings lists an interview's recorded tracks (the media backend).
type Recordings interface {
	Recordings(room string) ([]media.Recording, error)
}

// Config is what a Service is built from.
type Config struct {
	DB          *store.DB
	Rooms       *room.Service
	Recordings  Recordings // nil: a host without media, nothing to transcribe
	Transcriber Transcriber
	Scorer      Scorer
	Push        *push.Bus
	Logger      *slog.Logger
	Now         func() time.Time
	// Engines, when set, chooses the engines at the start of each run (from
	// settings, say, so that a change applies to the next analysis);
	// Transcriber and Scorer are then not used.
	Engines func() (Transcriber, Scorer, error)
	// Combine makes the call's tracks into one recording (nil: none).
	Combine Combiner
	// Dir holds the combined recordings, one folder per interview.
	Dir string
	// Post delivers a preliminary assessment to the interview's room (the
	// interviewers' view); nil: no live assessments.
	Post func(ctx context.Context, id string, d room.AssessmentData) error
}

// Service keeps interviews' analyses and runs them one at a time in the
// background (2 cores: one analysis already uses them).
type Service struct {
	cfg     Config
	queue   chan string
	live    chan liveJob
	layouts chan layoutJob
	ctx     context.Context
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	mu      sync.Mutex // orders read-modify-write of stored analyses
}

// New returns a Service; Start runs its worker.
func New(cfg Config) *Service {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Service{cfg: cfg, queue: make(chan string, 256), live: make(chan liveJob, 64),
		layouts: make(chan layoutJob, 256), ctx: ctx, cancel: cancel}
}

// Start runs the workers and queues again what a stop interrupted.
func (s *Service) Start() error {
	var pending []string
	var layouts []layoutJob
	err := s.cfg.DB.View(func(tx *store.Tx) error {
		return store.BucketOf(tx, store.BucketAnalysis).ForEach(func(k, v []byte) error {
			var a Analysis
			if json.Unmarshal(v, &a) != nil {
				return nil
			}
			if a.Status == StatusQueued || a.Status == StatusRunning {
				pending = append(pending, string(k))
			}
			layouts = append(layouts, a.building()...)
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("read pending analyses: %w", err)
	}
	s.wg.Add(3)
	go s.work()
	go s.liveWork()
	go s.layoutWork()
	for _, id := range pending {
		s.queue <- id
	}
	for _, j := range layouts {
		s.layouts <- j
	}
	return nil
}

// Close stops the worker; a run in progress is queued again on the next Start.
func (s *Service) Close() error {
	s.cancel()
	s.wg.Wait()
	return nil
}

// Get returns interview id's analysis.
func (s *Service) Get(id string) (Analysis, error) {
	var a Analysis
	err := s.cfg.DB.View(func(tx *store.Tx) error {
		raw := store.BucketOf(tx, store.BucketAnalysis).Get([]byte(id))
		if raw == nil {
			return ErrNone
		}
		return json.Unmarshal(raw, &a)
	})
	if err != nil {
		return Analysis{}, fmt.Errorf("analysis of interview %s: %w", id, err)
	}
	return a.upgraded(), nil
}

// upgraded fills in what an analysis stored before voice activity and
// layouts lacks: no voice, and a recording in picture-in-picture.
func (a Analysis) upgraded() Analysis {
	if a.Voice == nil {
		a.Voice = []Voice{}
	}
	if a.Recording != nil && len(a.Recording.Layouts) == 0 {
		rec := *a.Recording
		rec.Layouts = []Layout{{Name: LayoutPIP, Status: LayoutReady, Progress: 1}}
		a.Recording = &rec
	}
	return a
}

func (s *Service) put(a Analysis) error {
	raw, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encode analysis of %s: %w", a.InterviewID, err)
	}
	if err := s.cfg.DB.Update(func(tx *store.Tx) error {
		if store.BucketOf(tx, store.BucketInterviews).Get([]byte(a.InterviewID)) == nil {
			return fmt.Errorf("interview %s: %w", a.InterviewID, store.ErrNotFound) // deleted meanwhile
		}
		return store.BucketOf(tx, store.BucketAnalysis).Put([]byte(a.InterviewID), raw)
	}); err != nil {
		return fmt.Errorf("store analysis of %s: %w", a.InterviewID, err)
	}
	s.cfg.Push.Publish(push.Event{Type: push.Analysis, InterviewID: a.InterviewID})
	return nil
}

// Queue asks for interview id's analysis (again): refused while the interview
// goes on or an analysis of it is queued or running.
func (s *Service) Queue(id string) (Analysis, error) {
	st, _, err := s.cfg.Rooms.State(id)
	if err != nil {
		return Analysis{}, err
	}
	if st.Phase != room.PhaseEnded {
		return Analysis{}, fmt.Errorf("analyse interview %s: %w", id, ErrNotEnded)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	prev, err := s.Get(id)
	if err == nil && (prev.Status == StatusQueued || prev.Status == StatusRunning) {
		return prev, fmt.Errorf("analyse interview %s: %w", id, ErrBusy)
	}
	// A re-run keeps what is there (the interviewers' overrides above all)
	// until the new analysis replaces it.
	a := prev
	if err != nil {
		a = Analysis{InterviewID: id, Transcript: []Line{}, TalkTime: []Talk{}, Answers: []Answer{}, Voice: []Voice{},
			Overall: Overall{Strengths: []string{}, Concerns: []string{}}}
	}
	a.Status, a.Step, a.Progress, a.Error = StatusQueued, "Waiting for its turn", 0, ""
	if err := s.put(a); err != nil {
		return Analysis{}, err
	}
	select {
	case s.queue <- id:
	default:
		return a, fmt.Errorf("analyse interview %s: %w", id, fault.Explain(fault.Unavailable, nil,
			"too many analyses are waiting; try again in a few minutes"))
	}
	return a, nil
}

// Listener assesses each answer as its question's window closes (next,
// skip, finish, end) and queues the interview's analysis when it ends.
func (s *Service) Listener() room.Listener {
	return func(_ context.Context, iv interviews.Interview, e room.Event) {
		switch e.Type {
		case room.TypeQuestionShown, room.TypeFinishStarted, room.TypeEnded:
			s.assessClosed(iv.ID, e.At)
		}
		if e.Type != room.TypeEnded {
			return
		}
		if _, err := s.Queue(iv.ID); err != nil {
			s.cfg.Logger.Warn("queue analysis", "interview", iv.ID, "err", err)
		}
	}
}

func (s *Service) work() {
	defer s.wg.Done()
	for {
		select {
		case <-s.ctx.Done():
			return
		case id := <-s.queue:
			s.run(id)
		}
	}
}

// run carries out one analysis, storing its progress as it goes.
func (s *Service) run(id string) {
	started := s.cfg.Now().UTC()
	report := func(step string, done float64) {
		_ = s.update(id, func(a *Analysis) {
			a.Status, a.Step, a.Progress, a.StartedAt = StatusRunning, step, done, started
		})
	}
	report("Collecting the recordings", 0)
	a, in, err := s.analyse(id, report)
	if errors.Is(err, context.Canceled) {
		return // stopped with the host: queued again at the next start
	}
	finished := s.cfg.Now().UTC()
	var others []layoutJob
	err = s.update(id, func(stored *Analysis) {
		overrides := stored.overrides()
		if err != nil {
			stored.Status, stored.Error, stored.Progress = StatusFailed, fault.Text(err), 1
			stored.Step, stored.FinishedAt = "The analysis failed", finished
			return
		}
		a.StartedAt, a.FinishedAt = started, finished
		if a.Status == StatusDone {
			a.Step = "Done"
		}
		for i := range a.Answers {
			a.Answers[i].Override = overrides[a.Answers[i].Index]
		}
		if a.Recording != nil {
			rec := withLayouts(*a.Recording, stored.Recording)
			a.Recording = &rec
		}
		a.Overall = overall(a.Answers, in.Ratings)
		*stored = a
		others = stored.queueLayouts()
	})
	if err != nil {
		s.cfg.Logger.Error("store analysis", "interview", id, "err", err)
	}
	s.enqueueLayouts(others)
}

// analyse gathers interview id's input and runs the analysis with the
// engines chosen now.
func (s *Service) analyse(id string, report Progress) (Analysis, Input, error) {
	in, err := s.input(id)
	if err != nil {
		return Analysis{}, in, err
	}
	tr, sc, err := s.engines()
	if err != nil {
		return Analysis{}, in, err
	}
	p := Pipeline{Transcriber: tr, Scorer: sc, Combine: s.cfg.Combine, Out: s.layoutPath(id, LayoutPIP), Logger: s.cfg.Logger}
	a, err := p.Analyse(s.ctx, in, report)
	return a, in, err
}

// engines are the transcriber and scorer of a run about to start.
func (s *Service) engines() (Transcriber, Scorer, error) {
	if s.cfg.Engines == nil {
		return s.cfg.Transcriber, s.cfg.Scorer, nil
	}
	tr, sc, err := s.cfg.Engines()
	if err != nil {
		return nil, nil, fmt.Errorf("choose the analysis engines: %w", err)
	}
	return tr, sc, nil
}

func (a Analysis) overrides() map[int]*Override {
	out := map[int]*Override{}
	for _, ans := range a.Answers {
		if ans.Override != nil {
			out[ans.Index] = ans.Override
		}
	}
	return out
}

func (s *Service) update(id string, change func(*Analysis)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.Get(id)
	if err != nil && !errors.Is(err, ErrNone) {
		return err
	}
	a.InterviewID = id
	change(&a)
	return s.put(a)
}

// Override sets an interviewer's score for question index (0-based).
func (s *Service) Override(id string, index int, score float64, reason, by string) (Analysis, error) {
	if math.IsNaN(score) || score < 0 || score > Scale || len(reason) > 2000 {
		return Analysis{}, ErrOverride
	}
	var out Analysis
	var found bool
	err := s.update(id, func(a *Analysis) {
		for i := range a.Answers {
			if a.Answers[i].Index == index {
				a.Answers[i].Override = &Override{Score: score, By: by, At: s.cfg.Now().UTC(), Reason: strings.TrimSpace(reason)}
				found = true
			}
		}
		ratings := map[int]int{}
		for _, ans := range a.Answers {
			ratings[ans.Index] = ans.Rating
		}
		a.Overall = overall(a.Answers, ratings)
		out = *a
	})
	if err != nil {
		return Analysis{}, err
	}
	if !found {
		return Analysis{}, fmt.Errorf("override question %d of %s: %w", index+1, id, ErrOverride)
	}
	return out, nil
}

// Summary is an analysis at a glance, for the Overview.
type Summary struct {
	Status   Status  `json:"status"`
	Score    float64 `json:"score"`
	Rating   float64 `json:"rating,omitempty"`
	Answered int     `json:"answered"`
}

// Summaries returns the analyses of the given interviews that exist, by ID.
func (s *Service) Summaries(ids []string) (map[string]Summary, error) {
	out := map[string]Summary{}
	err := s.cfg.DB.View(func(tx *store.Tx) error {
		b := store.BucketOf(tx, store.BucketAnalysis)
		for _, id := range ids {
			raw := b.Get([]byte(id))
			if raw == nil {
				continue
			}
			var a struct {
				Status  Status  `json:"status"`
				Overall Overall `json:"overall"`
			}
			if err := json.Unmarshal(raw, &a); err != nil {
				return fmt.Errorf("decode analysis of %s: %w", id, err)
			}
			out[id] = Summary{Status: a.Status, Score: a.Overall.Score, Rating: a.Overall.Rating, Answered: a.Overall.Answered}
		}
		return nil
	})
	return out, err
}
