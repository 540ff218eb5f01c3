package analysis

import (
	"context"
	"strings"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// Live, preliminary assessments: when a question's window closes, the
// candidate's words in it (from the microphone recording still being
// written) are transcribed and scored, and the result goes to the
// interviewers' view of the room. The final analysis after the interview
// replaces them.

type liveJob struct {
	id       string
	index    int
	from, to time.Time
}

// assessClosed queues the assessment of the window that closed at at.
func (s *Service) assessClosed(id string, at time.Time) {
	if s.cfg.Post == nil {
		return
	}
	st, _, err := s.cfg.Rooms.State(id)
	if err != nil || st.Consent == nil || !st.Consent.AIAnalysis {
		return
	}
	for _, w := range st.Windows {
		if w.To.Equal(at) {
			select {
			case s.live <- liveJob{id: id, index: w.Index, from: w.From, to: w.To}:
			default:
				s.cfg.Logger.Warn("live assessment dropped: too many waiting", "interview", id)
			}
		}
	}
}

func (s *Service) liveWork() {
	defer s.wg.Done()
	for {
		select {
		case <-s.ctx.Done():
			return
		case j := <-s.live:
			if err := s.assess(j); err != nil && s.ctx.Err() == nil {
				s.cfg.Logger.Warn("live assessment", "interview", j.id, "question", j.index+1, "err", err)
			}
		}
	}
}

func (s *Service) assess(j liveJob) error {
	ctx, cancel := context.WithTimeout(s.ctx, 2*time.Minute)
	defer cancel()
	_, iv, err := s.cfg.Rooms.State(j.id)
	if err != nil || j.index >= len(iv.Questions) || s.cfg.Recordings == nil {
		return err
	}
	recs, err := s.cfg.Recordings.Recordings(j.id)
	if err != nil {
		return err
	}
	tr, scorer, err := s.engines()
	if err != nil {
		return err
	}
	var words []string
	for _, r := range recs {
		t, ok := clipOf(r, j.from, j.to)
		if !ok {
			continue
		}
		heard, err := tr.Transcribe(ctx, t)
		if err != nil {
			return err
		}
		for _, seg := range heard.Segments {
			if text := strings.TrimSpace(seg.Text); text != "" {
				words = append(words, text)
			}
		}
	}
	q := iv.Questions[j.index]
	d := room.AssessmentData{Index: j.index, Covered: []string{}, Missed: []string{}, Heard: strings.Join(words, " ")}
	if d.Heard == "" {
		d.Comment = "No speech from the candidate was recognised yet; the analysis after the interview looks again."
		d.Missed = append(d.Missed, q.KeyPoints...)
	} else {
		sc, err := scorer.Score(ctx, Question{Text: q.Text, Expected: q.ExpectedAnswer, KeyPoints: q.KeyPoints}, d.Heard)
		if err != nil {
			return err
		}
		d.Score, d.Comment = clamp(sc.Score), sc.Comment
		for _, p := range sc.Covered {
			d.Covered = append(d.Covered, p.Text)
		}
		for _, p := range sc.Missed {
			d.Missed = append(d.Missed, p.Text)
		}
	}
	return s.cfg.Post(ctx, j.id, d)
}

// clipOf is the part of a candidate microphone recording inside [from, to).
func clipOf(r media.Recording, from, to time.Time) (Track, bool) {
	if r.Participant != "candidate" || r.Kind != media.KindAudio || r.Source != media.SourceMicrophone || r.Started.IsZero() {
		return Track{}, false
	}
	start, end := from.Sub(r.Started), to.Sub(r.Started)
	if end <= 0 || (!r.Active && start >= r.Duration) {
		return Track{}, false
	}
	return Track{Path: r.Path, Participant: r.Participant, Role: string(room.RoleCandidate), Started: r.Started,
		Duration: r.Duration, From: max(start, 0), To: end}, true
}
