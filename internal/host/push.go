package host

import (
	"strings"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/accounts"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/mail"
	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

// recordingsGrowEvery is how often console clients hear that an interview's
// recordings grew while any of its tracks is being recorded.
const recordingsGrowEvery = 10 * time.Second

// publishRecordings tells console clients that an interview's recordings
// changed: a track started or stopped being recorded, or a file was
// finalised; and, while a track is being recorded, every recordingsGrowEvery,
// as the files grow.
func (h *Host) publishRecordings(e media.Event) {
	bus := h.push
	publish := func() { bus.Publish(push.Event{Type: push.Recordings, InterviewID: e.Room}) }
	switch e.Type {
	case media.EventTrackPublished:
		h.growing.start(e.Room, publish)
	case media.EventTrackUnpublished:
		h.growing.stop(e.Room)
	case media.EventRecordingFinalised:
	default:
		return
	}
	publish()
}

// publishOutbox tells console clients that an email of an interview was
// queued, sent or failed (the outbox's OnChange). Mail about no interview (a
// test email, an account's password link) concerns no interview's screen.
func (h *Host) publishOutbox(e mail.Entry) {
	if e.Ref != "" && !strings.HasPrefix(e.Ref, accounts.RefPrefix) {
		h.push.Publish(push.Event{Type: push.Outbox, InterviewID: e.Ref})
	}
}

// publishInterviews is the interviews hook that tells console clients an
// interview was created or changed (rescheduled, cancelled, its interviewers
// or tools), once the change has committed.
func publishInterviews(bus *push.Bus) interviews.Hook {
	return func(tx *store.Tx, _ *interviews.Interview, after interviews.Interview) error {
		tx.OnCommit(func() { bus.Publish(push.Event{Type: push.Interview, InterviewID: after.ID}) })
		return nil
	}
}

// closePush ends the console streams (so HTTP can drain) and the growth pulses.
func (h *Host) closePush() {
	h.growing.close()
	h.push.Close()
}

// recordingPulse calls each room's publish every `every` while the room has
// tracks being recorded. The zero value pulses every recordingsGrowEvery.
type recordingPulse struct {
	mu     sync.Mutex
	every  time.Duration
	rooms  map[string]*pulse
	closed bool
}

type pulse struct {
	tracks int
	timer  *time.Timer
}

// start counts one more track being recorded in room.
func (r *recordingPulse) start(room string, publish func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return
	}
	if r.rooms == nil {
		r.rooms = map[string]*pulse{}
	}
	if r.every == 0 {
		r.every = recordingsGrowEvery
	}
	p := r.rooms[room]
	if p == nil {
		p = &pulse{}
		p.timer = time.AfterFunc(r.every, func() { r.fire(room, p, publish) })
		r.rooms[room] = p
	}
	p.tracks++
}

func (r *recordingPulse) fire(room string, p *pulse, publish func()) {
	r.mu.Lock()
	live := !r.closed && r.rooms[room] == p
	r.mu.Unlock()
	if !live {
		return
	}
	publish()
	r.mu.Lock()
	if !r.closed && r.rooms[room] == p {
		p.timer.Reset(r.every)
	}
	r.mu.Unlock()
}

// stop counts one track fewer; the room's pulse stops with its last track.
func (r *recordingPulse) stop(room string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.rooms[room]
	if p == nil {
		return
	}
	if p.tracks--; p.tracks <= 0 {
		p.timer.Stop()
		delete(r.rooms, room)
	}
}

// pulsing reports whether room's recordings are being announced.
func (r *recordingPulse) pulsing(room string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.rooms[room] != nil
}

func (r *recordingPulse) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	for room, p := range r.rooms {
		p.timer.Stop()
		delete(r.rooms, room)
	}
}
