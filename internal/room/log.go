package room

import (
	"container/list"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// cachedStates is how many interviews' states Service keeps in memory; the
// least recently used one beyond that is dropped and rebuilt by replaying its
// log when it is next needed.
const cachedStates = 256

// An interview's log holds at most MaxEvents events and MaxLogBytes of them
// (docs/room-protocol.md): far beyond a long interview with live code and a
// whiteboard. A full log refuses every event but the end, so the interview
// can still be ended and reported on.
const (
	MaxEvents   = 200_000
	MaxLogBytes = 256 << 20
)

// Service appends to interview logs and serves their derived state.
//
// Appends to one interview are ordered by that interview's lock, held until
// the event is durable; appends to different interviews never wait for each
// other, and those that reach the store together share one commit
// (store.Batch).
type Service struct {
	db         *store.DB
	interviews *interviews.Service
	log        *slog.Logger
	now        func() time.Time

	mu       sync.Mutex               // guards logs, recent and capacity; never held across I/O
	logs     map[string]*list.Element // by interview ID; the element's value is an *interviewLog
	recent   *list.List               // most recently used first
	capacity int

	maxEvents int // MaxEvents; lower in tests
	maxBytes  int
}

// interviewLog is one interview's place in the cache: its lock and, once its
// log was replayed, its current state.
type interviewLog struct {
	id   string
	refs int // callers using it, guarded by Service.mu; one in use is never dropped

	mu     sync.Mutex // orders the interview's appends; guards loaded, st and bytes
	loaded bool
	st     State
	bytes  int // the stored events' size
}

// New returns a Service.
func New(db *store.DB, iv *interviews.Service, log *slog.Logger, now func() time.Time) *Service {
	return &Service{db: db, interviews: iv, log: log, now: now,
		logs: map[string]*list.Element{}, recent: list.New(), capacity: cachedStates,
		maxEvents: MaxEvents, maxBytes: MaxLogBytes}
}

// acquire returns interview id's cache entry, marked in use until release.
func (s *Service) acquire(id string) *interviewLog {
	s.mu.Lock()
	defer s.mu.Unlock()
	el, ok := s.logs[id]
	if ok {
		s.recent.MoveToFront(el)
	} else {
		el = s.recent.PushFront(&interviewLog{id: id})
		s.logs[id] = el
	}
	l := el.Value.(*interviewLog)
	l.refs++
	s.evictLocked()
	return l
}

func (s *Service) release(l *interviewLog) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l.refs--
	s.evictLocked()
}

// evictLocked drops the least recently used entries not in use until at most
// capacity remain. Entries in use stay, so two callers never hold two entries
// (two locks) for one interview.
func (s *Service) evictLocked() {
	for el := s.recent.Back(); el != nil && s.recent.Len() > s.capacity; {
		prev := el.Prev()
		if l := el.Value.(*interviewLog); l.refs == 0 {
			s.recent.Remove(el)
			delete(s.logs, l.id)
		}
		el = prev
	}
}

// PlanOf is the plan an interview's events are checked against.
func PlanOf(iv interviews.Interview) Plan {
	p := Plan{Questions: len(iv.Questions)}
	for _, t := range iv.Plan {
		p.Topics = append(p.Topics, Topic{ID: t.ID, Title: t.Title})
	}
	return p
}

// State returns interview id's current state, replaying its log when it is
// not in memory.
func (s *Service) State(id string) (State, interviews.Interview, error) {
	iv, err := s.interviews.Get(id)
	if err != nil {
		return State{}, iv, err
	}
	l := s.acquire(id)
	defer s.release(l)
	l.mu.Lock()
	defer l.mu.Unlock()
	st, err := s.load(l, iv)
	return st, iv, err
}

// load returns l's state, replaying the log on first use. l.mu is held.
func (s *Service) load(l *interviewLog, iv interviews.Interview) (State, error) {
	if l.loaded {
		return l.st, nil
	}
	events, size, err := s.events(iv.ID)
	if err != nil {
		return State{}, err
	}
	st, err := Replay(PlanOf(iv), events)
	if err != nil {
		return State{}, fmt.Errorf("replay log of interview %s: %w", iv.ID, err)
	}
	l.st, l.bytes, l.loaded = st, size, true
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
// An event that repeats what the state already says (the same consent, a
// lock of a locked room) is not stored: the state comes back with a zero
// Event. A full log (MaxEvents, MaxLogBytes) refuses all but the end with
// ErrLogFull.
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
	l := s.acquire(id)
	defer s.release(l)
	l.mu.Lock()
	defer l.mu.Unlock()
	st, err := s.load(l, iv)
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
	if repeats(st, next, t) {
		return st, Event{}, nil
	}
	v, err := json.Marshal(e)
	if err != nil {
		return st, Event{}, fmt.Errorf("encode %s event: %w", t, err)
	}
	if err := s.room(l, t, len(v)); err != nil {
		return st, Event{}, err
	}
	// Batch may run this more than once; putting the same key again is harmless.
	if err := s.db.Batch(func(tx *store.Tx) error {
		if store.BucketOf(tx, store.BucketInterviews).Get([]byte(id)) == nil {
			return fmt.Errorf("interview %s: %w", id, interviews.ErrNotFound) // deleted meanwhile
		}
		b, err := store.BucketOf(tx, store.BucketEvents).CreateBucketIfNotExists([]byte(id))
		if err != nil {
			return fmt.Errorf("event log of %s: %w", id, err)
		}
		return b.Put(store.Itob(e.Seq), v)
	}); err != nil {
		return st, Event{}, fmt.Errorf("store %s event: %w", t, err)
	}
	l.st, l.bytes = next, l.bytes+len(v)
	if t == TypeEnded {
		if _, err := s.interviews.Finish(id); err != nil {
			s.log.Warn("mark interview finished", "interview", id, "err", err)
		}
	}
	return next, e, nil
}

// repeats reports whether an event of type t that took st to next only
// repeats what st already said.
func repeats(st, next State, t Type) bool {
	switch t {
	case TypeConsented:
		return st.Consent != nil && *st.Consent == *next.Consent
	case TypeLocked, TypeUnlocked:
		return st.Locked == next.Locked
	}
	return false
}

// room refuses an event of type t and size bytes that would take l's log
// past its caps; the end always fits.
func (s *Service) room(l *interviewLog, t Type, size int) error {
	if t == TypeEnded {
		return nil
	}
	if l.st.LastSeq >= uint64(s.maxEvents) || l.bytes+size > s.maxBytes { //nolint:gosec // a positive cap
		return fault.Explain(fault.Conflict, ErrLogFull, fmt.Sprintf(
			"This interview's log is full (%d events, %d MiB at most): nothing more is recorded. The interviewer can still end the interview.",
			s.maxEvents, s.maxBytes>>20))
	}
	return nil
}

// DeleteLog removes interview id's log in tx and returns how many events it
// held. Forget the interview once tx has committed.
func DeleteLog(tx *store.Tx, id string) (int, error) {
	events := store.BucketOf(tx, store.BucketEvents)
	b := events.Bucket([]byte(id))
	if b == nil {
		return 0, nil
	}
	n := b.Stats().KeyN
	if err := events.DeleteBucket([]byte(id)); err != nil {
		return 0, fmt.Errorf("delete the log of interview %s: %w", id, err)
	}
	return n, nil
}

// Forget drops what Service keeps in memory of interview id (after its log
// was deleted).
func (s *Service) Forget(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if el, ok := s.logs[id]; ok && el.Value.(*interviewLog).refs == 0 {
		s.recent.Remove(el)
		delete(s.logs, id)
	}
}

// Events returns interview id's log in order.
func (s *Service) Events(id string) ([]Event, error) {
	events, _, err := s.events(id)
	return events, err
}

// events returns interview id's log in order and its stored size.
func (s *Service) events(id string) ([]Event, int, error) {
	var (
		out  []Event
		size int
	)
	err := s.db.View(func(tx *store.Tx) error {
		b := store.BucketOf(tx, store.BucketEvents).Bucket([]byte(id))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var e Event
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode event %d of %s: %w", store.Btoi(k), id, err)
			}
			out, size = append(out, e), size+len(v)
			return nil
		})
	})
	return out, size, err
}
