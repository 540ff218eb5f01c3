package media

import (
	"sync"
	"time"
)

// ParticipantInfo identifies a participant. ID is the host's stable ID for the
// person in this room (a second Join with the same ID replaces the first);
// Name and Role are carried into events and track labels.
type ParticipantInfo struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	Role string `json:"role,omitempty"`
}

// EventType names an Event.
type EventType string

// Event types.
const (
	// EventParticipantJoined: Join succeeded.
	EventParticipantJoined EventType = "participant-joined"
	// EventParticipantLeft: the participant is gone; Reason says why.
	EventParticipantLeft EventType = "participant-left"
	// EventConnectionState: the peer connection changed state (State is
	// RTCPeerConnectionState: new, connecting, connected, disconnected,
	// failed, closed). SinceJoin is set on every change.
	EventConnectionState EventType = "connection-state"
	// EventTrackPublished: a participant's track reached the host and is
	// being forwarded (and recorded). Track is set.
	EventTrackPublished EventType = "track-published"
	// EventTrackUnpublished: that track ended.
	EventTrackUnpublished EventType = "track-unpublished"
	// EventFirstRTP: the first RTP packet of a track arrived; SinceJoin is the
	// time from Join to it (the join-time benchmark's "first RTP at host").
	EventFirstRTP EventType = "first-rtp"
	// EventICERestart: the host sent an ICE-restart offer; Reason is
	// "requested" (the browser asked) or "failed" (the connection failed).
	EventICERestart EventType = "ice-restart"
	// EventRecordingFinalised: a recording was closed and made seekable (or
	// could not be: Err is set). Recording is set.
	EventRecordingFinalised EventType = "recording-finalised"
	// EventError: something went wrong that the caller may want to show or
	// count (a rejected offer, a failed recording). Err is set.
	EventError EventType = "error"
)

// Reasons in EventParticipantLeft.
const (
	ReasonLeave      = "leave"       // Participant.Leave
	ReasonReplaced   = "replaced"    // a newer Join with the same ID
	ReasonTimeout    = "timeout"     // not connected for Config.DisconnectTimeout
	ReasonRoomClosed = "room-closed" // Room.Close or SFU.Close
	ReasonRemoved    = "removed"     // Backend.Remove: no longer in the interview
)

// Event is something that happened in a room. Fields that do not apply to
// the Type are zero.
type Event struct {
	Type        EventType
	Time        time.Time
	Room        string
	Participant ParticipantInfo
	Track       *TrackInfo
	State       string
	SinceJoin   time.Duration
	Reason      string
	Recording   *Recording
	Err         error
}

// eventQueue delivers events to Config.OnEvent in order from one goroutine,
// so that a slow handler never stalls media and may call back into the SFU.
type eventQueue struct {
	mu      sync.Mutex
	pending []Event
	wake    chan struct{}
	done    chan struct{}
	stopped bool
}

func newEventQueue() *eventQueue {
	return &eventQueue{wake: make(chan struct{}, 1), done: make(chan struct{})}
}

func (q *eventQueue) push(e Event) {
	q.mu.Lock()
	if q.stopped {
		q.mu.Unlock()
		return
	}
	q.pending = append(q.pending, e)
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// run delivers events until stop; events pushed before stop are delivered.
func (q *eventQueue) run(handle func(Event)) {
	for {
		select {
		case <-q.wake:
		case <-q.done:
			q.mu.Lock()
			q.stopped = true
			q.mu.Unlock()
			q.deliver(handle)
			return
		}
		q.deliver(handle)
	}
}

func (q *eventQueue) deliver(handle func(Event)) {
	for {
		q.mu.Lock()
		batch := q.pending
		q.pending = nil
		q.mu.Unlock()
		if len(batch) == 0 {
			return
		}
		for _, e := range batch {
			handle(e)
		}
	}
}

func (q *eventQueue) stop() { close(q.done) }

// opQueue is an unbounded FIFO of work for one goroutine. push never blocks,
// so pion callbacks and other participants can hand work over safely.
type opQueue struct {
	mu     sync.Mutex
	ops    []func()
	closed bool
	wake   chan struct{}
}

func newOpQueue() *opQueue { return &opQueue{wake: make(chan struct{}, 1)} }

func (q *opQueue) push(op func()) bool {
	q.mu.Lock()
	if q.closed {
		q.mu.Unlock()
		return false
	}
	q.ops = append(q.ops, op)
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
	return true
}

func (q *opQueue) take() []func() {
	q.mu.Lock()
	ops := q.ops
	q.ops = nil
	q.mu.Unlock()
	return ops
}

func (q *opQueue) close() {
	q.mu.Lock()
	q.closed = true
	q.ops = nil
	q.mu.Unlock()
}
