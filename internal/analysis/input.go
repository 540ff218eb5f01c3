package analysis

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// input gathers what the analysis of interview id needs: its questions,
// the question windows and ratings from the room's state, the consent, and
// every participant's recorded microphone.
func (s *Service) input(id string) (Input, error) {
	st, iv, err := s.cfg.Rooms.State(id)
	if err != nil {
		return Input{}, err
	}
	in := Input{InterviewID: id, Start: st.StartedAt, End: st.EndedAt, Ratings: map[int]int{},
		AIAnalysis: st.Consent != nil && st.Consent.AIAnalysis, Interview: iv}
	for i, r := range st.Ratings {
		in.Ratings[i] = r
	}
	for _, q := range iv.Questions {
		in.Questions = append(in.Questions, Question{Text: q.Text, Expected: q.ExpectedAnswer, KeyPoints: q.KeyPoints})
	}
	for _, w := range st.Windows {
		in.Windows = append(in.Windows, Window{Index: w.Index, From: w.From, To: w.To})
	}
	if s.cfg.Recordings == nil {
		return in, nil
	}
	recs, err := s.recorded(id)
	if err != nil {
		return Input{}, err
	}
	in.Tracks = tracksOf(iv, recs)
	for _, r := range recs {
		if !r.Active && !r.Started.IsZero() {
			in.Recordings = append(in.Recordings, r)
		}
	}
	return in, nil
}

// finaliseWait bounds how long an analysis waits for the call's recordings
// to be finalised after the interview ended.
const finaliseWait = 2 * time.Minute

// recorded returns the interview's recordings once none is still being
// written (the call closes and finalises them as the interview ends).
func (s *Service) recorded(id string) ([]media.Recording, error) {
	deadline := time.NewTimer(finaliseWait)
	defer deadline.Stop()
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		recs, err := s.cfg.Recordings.Recordings(id)
		if err != nil {
			return nil, fmt.Errorf("recordings of interview %s: %w", id, err)
		}
		if !slices.ContainsFunc(recs, func(r media.Recording) bool { return r.Active }) {
			return recs, nil
		}
		select {
		case <-s.ctx.Done():
			return nil, s.ctx.Err()
		case <-deadline.C:
			return recs, nil // analyse what is finished
		case <-tick.C:
		}
	}
}

// tracksOf are the interview's finished microphone recordings, named.
func tracksOf(iv interviews.Interview, recs []media.Recording) []Track {
	var out []Track
	for _, r := range recs {
		if r.Kind != media.KindAudio || r.Source != media.SourceMicrophone || r.Active || r.Started.IsZero() {
			continue
		}
		t := Track{Path: r.Path, Participant: r.Participant, Started: r.Started, Duration: r.Duration,
			Role: string(room.RoleInterviewer), Speaker: "Interviewer"}
		if r.Participant == "candidate" {
			t.Role, t.Speaker = string(room.RoleCandidate), iv.Candidate.Name
		}
		for _, in := range iv.Interviewers {
			if string(in.Participant) == r.Participant {
				t.Speaker = in.Name
			}
		}
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Started.Before(out[j].Started) })
	return out
}
