package push

import "sync"

// Type names what changed.
type Type string

// Event types. The console reloads the named area of the named interview.
const (
	// Presence: who is connected to an interview's room, and its phase. Data
	// is the same view GET /api/interviews/{id}/presence answers.
	Presence Type = "presence"
	// Outbox: an email about the interview was queued, sent or failed.
	Outbox Type = "outbox"
	// Recordings: a recording of the interview started, grew or was finalised.
	Recordings Type = "recordings"
	// Timeline: the interview's event log grew.
	Timeline Type = "timeline"
	// Analysis: the interview's analysis moved on (queued, a step, done).
	Analysis Type = "analysis"
	// Interview: the interview itself changed (rescheduled, cancelled, ...).
	Interview Type = "interview"
	// Resync: this subscriber missed events; reload everything shown.
	Resync Type = "resync"
	// Account: some sessions of an account (Data: its ID) ended; streams of
	// that account check theirs. It is for the host, never sent to consoles.
	Account Type = "account"
)

// Event is one change.
type Event struct {
	Type        Type   `json:"type"`
	InterviewID string `json:"interviewId,omitempty"`
	// Data is the new value where it is small (presence); nil otherwise.
	Data any `json:"data,omitempty"`
}

// Buffer is how many events a subscriber may fall behind before it is resynced.
const Buffer = 64

// Bus fans events out to subscribers. The zero value is not usable; use NewBus.
type Bus struct {
	mu     sync.Mutex
	subs   map[*Subscription]struct{}
	closed bool
}

// NewBus returns a bus without subscribers.
func NewBus() *Bus { return &Bus{subs: map[*Subscription]struct{}{}} }

// Subscription receives events until Close.
type Subscription struct {
	bus *Bus
	c   chan Event
	// behind is set when an event was dropped; the next delivery is a Resync.
	behind bool
}

// Events delivers the subscription's events; it is closed by Close.
func (s *Subscription) Events() <-chan Event { return s.c }

// Close stops delivery and closes Events. It may be called more than once.
func (s *Subscription) Close() {
	b := s.bus
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.subs[s]; ok {
		delete(b.subs, s)
		close(s.c)
	}
}

// Subscribe starts a subscription. On a closed bus its Events are closed at once.
func (b *Bus) Subscribe() *Subscription {
	s := &Subscription{bus: b, c: make(chan Event, Buffer)}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		close(s.c)
		return s
	}
	b.subs[s] = struct{}{}
	return s
}

// Close ends every subscription (their Events close, so streams to console
// clients end and the host's HTTP server can drain) and refuses new ones.
// Publishing afterwards does nothing. It may be called more than once.
func (b *Bus) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	for s := range b.subs {
		delete(b.subs, s)
		close(s.c)
	}
}

// Publish delivers e to every subscriber without blocking. A subscriber whose
// buffer is full loses e and receives a Resync once it has room again.
// Publish on a nil Bus does nothing, so services may run without one.
func (b *Bus) Publish(e Event) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for s := range b.subs {
		if s.behind {
			select {
			case s.c <- Event{Type: Resync}:
				s.behind = false
			default:
				continue
			}
		}
		select {
		case s.c <- e:
		default:
			s.behind = true
		}
	}
}

// Subscribers reports how many subscriptions are open.
func (b *Bus) Subscribers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}
