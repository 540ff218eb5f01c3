package room

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// Service appends to interview logs and serves their derived state.
type Service struct {
	db         *store.DB
	interviews *interviews.Service
	log        *slog.Logger
	now        func() time.Time

	mu    sync.Mutex // serialises appends per process and guards cache
	cache map[string]State

	// Hub tracks who is connected now.
	Hub *Hub
}

// New returns a Service.
func New(db *store.DB, iv *interviews.Service, log *slog.Logger, now func() time.Time) *Service {
	return &Service{db: db, interviews: iv, log: log, now: now, cache: map[string]State{}, Hub: NewHub()}
}

// PlanOf is the plan an interview's events are checked against.
func PlanOf(iv interviews.Interview) Plan {
	p := Plan{Questions: len(iv.Questions)}
	for _, t := range iv.Plan {
		p.Topics = append(p.Topics, Topic{ID: t.ID, Title: t.Title})
	}
	return p
}

// State returns interview id's current state, replaying its log once per process.
func (s *Service) State(id string) (State, interviews.Interview, error) {
	iv, err := s.interviews.Get(id)
	if err != nil {
		return State{}, iv, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.stateLocked(iv)
	return st, iv, err
}

func (s *Service) stateLocked(iv interviews.Interview) (State, error) {
	if st, ok := s.cache[iv.ID]; ok {
		return st, nil
	}
	events, err := s.Events(iv.ID)
	if err != nil {
		return State{}, err
	}
	st, err := Replay(PlanOf(iv), events)
	if err != nil {
		return State{}, fmt.Errorf("replay log of interview %s: %w", iv.ID, err)
	}
	s.cache[iv.ID] = st
	if st.Phase == PhaseEnded && iv.Status == interviews.Scheduled {
		// The host stopped between logging the end and recording it on the interview.
		if _, err := s.interviews.Finish(iv.ID); err != nil {
			s.log.Warn("mark interview finished", "interview", iv.ID, "err", err)
		}
	}
	return st, nil
}

// Replay folds events into the state they produce from the plan.
func Replay(p Plan, events []Event) (State, error) {
	st := NewState(p)
	for _, e := range events {
		var err error
		if st, err = Apply(st, e); err != nil {
			return st, fmt.Errorf("event %d (%s): %w", e.Seq, e.Type, err)
		}
	}
	return st, nil
}

// Append validates an event by actor and, if it fits, stores it; the stored
// event and the new state are returned. A rejected event changes nothing.
func (s *Service) Append(id string, actor Actor, t Type, data any) (State, Event, error) {
	iv, err := s.interviews.Get(id)
	if err != nil {
		return State{}, Event{}, err
	}
	if iv.Status == interviews.Cancelled {
		return State{}, Event{}, reject("the interview was cancelled")
	}
	var raw json.RawMessage
	if data != nil {
		if raw, err = json.Marshal(data); err != nil {
			return State{}, Event{}, fmt.Errorf("encode %s data: %w", t, err)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.stateLocked(iv)
	if err != nil {
		return State{}, Event{}, err
	}
	at := s.now().UTC()
	if at.Before(st.LastEventAt) {
		at = st.LastEventAt // the clock stepped back: keep the log ordered
	}
	e := Event{Seq: st.LastSeq + 1, At: at, Version: CurrentVersion, Type: t, Actor: actor, Data: raw}
	next, err := Apply(st, e)
	if err != nil {
		return st, Event{}, err
	}
	if err := s.db.Update(func(tx *store.Tx) error {
		b, err := tx.Bucket(store.BucketEvents).CreateBucketIfNotExists([]byte(id))
		if err != nil {
			return fmt.Errorf("event log of %s: %w", id, err)
		}
		v, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("encode event: %w", err)
		}
		return b.Put(store.Itob(e.Seq), v)
	}); err != nil {
		return st, Event{}, fmt.Errorf("store %s event: %w", t, err)
	}
	s.cache[id] = next
	if t == TypeEnded {
		if _, err := s.interviews.Finish(id); err != nil {
			s.log.Warn("mark interview finished", "interview", id, "err", err)
		}
	}
	return next, e, nil
}

// Events returns interview id's log in order.
func (s *Service) Events(id string) ([]Event, error) {
	var out []Event
	err := s.db.View(func(tx *store.Tx) error {
		b := tx.Bucket(store.BucketEvents).Bucket([]byte(id))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var e Event
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode event %d of %s: %w", store.Btoi(k), id, err)
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}
