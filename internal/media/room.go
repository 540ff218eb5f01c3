package media

import (
	"context"
	"fmt"
	"sync"
)

// Room is one call: its participants and the tracks they publish. Every
// published track is forwarded to every other participant in the room.
type Room struct {
	id  string
	sfu *SFU

	mu           sync.Mutex
	participants map[string]*Participant
	tracks       map[*publishedTrack]struct{}
	// external are tracks of another media server recorded here (RecordTrack).
	external map[*ExternalTrack]struct{}
	closed   bool
	// recording: the room's tracks are recorded (SFU.SetRecording).
	recording bool

	// recorders counts recordings still being written or finalised;
	// Close waits for them.
	recorders sync.WaitGroup
}

func newRoom(s *SFU, id string, recording bool) *Room {
	return &Room{
		id:           id,
		sfu:          s,
		participants: make(map[string]*Participant),
		tracks:       make(map[*publishedTrack]struct{}),
		external:     make(map[*ExternalTrack]struct{}),
		recording:    recording,
	}
}

// ID returns the room's ID.
func (r *Room) ID() string { return r.id }

// Participants returns the participants now in the room.
func (r *Room) Participants() []*Participant {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]*Participant, 0, len(r.participants))
	for _, p := range r.participants {
		out = append(out, p)
	}
	return out
}

// Join adds a participant whose browser is reached through sig. The host
// first sends MsgConfig with opt.ICEServers; the browser then sends its
// offer (see doc.go). A participant already in the room with the same ID is
// replaced (it leaves with ReasonReplaced). ctx bounds the join itself.
func (r *Room) Join(ctx context.Context, info ParticipantInfo, sig Signal, opt JoinOptions) (*Participant, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkID("room", r.id); err != nil {
		return nil, err
	}
	if err := checkID("participant", info.ID); err != nil {
		return nil, err
	}
	if sig == nil {
		return nil, fmt.Errorf("%w: nil Signal", ErrInvalid)
	}
	started, closed := r.sfu.isStarted()
	if closed {
		return nil, fmt.Errorf("join room %s: %w", r.id, ErrClosed)
	}
	if !started {
		return nil, fmt.Errorf("join room %s: %w", r.id, ErrNotStarted)
	}
	if r.sfu.cfg.ICEConn == nil {
		return nil, fmt.Errorf("join room %s: %w", r.id, ErrRecordOnly)
	}

	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil, fmt.Errorf("join room %s: %w", r.id, ErrClosed)
	}
	old := r.participants[info.ID]
	if old == nil && len(r.participants) >= r.sfu.cfg.MaxParticipants {
		r.mu.Unlock()
		return nil, fmt.Errorf("join room %s: %w (%d)", r.id, ErrRoomFull, r.sfu.cfg.MaxParticipants)
	}
	r.mu.Unlock()
	if old != nil {
		old.close(ReasonReplaced)
	}

	p, err := newParticipant(r, info, sig, opt)
	if err != nil {
		return nil, fmt.Errorf("join room %s: %w", r.id, err)
	}

	r.mu.Lock()
	if r.closed || r.participants[info.ID] != nil {
		// Closed, or a concurrent Join with the same ID won the race.
		r.mu.Unlock()
		p.close(ReasonReplaced)
		return nil, fmt.Errorf("join room %s as %s: %w", r.id, info.ID, ErrClosed)
	}
	r.participants[info.ID] = p
	for t := range r.tracks {
		p.subscribe(t)
	}
	r.mu.Unlock()

	p.start()
	r.sfu.emit(Event{Type: EventParticipantJoined, Room: r.id, Participant: info, Time: p.joined})
	return p, nil
}

// Close ends the call: every participant leaves (ReasonRoomClosed), every
// recording is closed and finalised, and Close waits for all of it.
func (r *Room) Close() error {
	r.mu.Lock()
	r.closed = true
	ps := make([]*Participant, 0, len(r.participants))
	for _, p := range r.participants {
		ps = append(ps, p)
	}
	r.mu.Unlock()

	var wg sync.WaitGroup
	for _, p := range ps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.close(ReasonRoomClosed)
		}()
	}
	wg.Wait()
	r.endExternal()
	r.recorders.Wait()
	r.sfu.forgetRoom(r)
	return nil
}

// publish makes t available to everyone else in the room (to a held
// participant silently, see hold.go); announce tells of it and records it
// once it is live with its media.
func (r *Room) publish(t *publishedTrack) bool {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return false
	}
	r.tracks[t] = struct{}{}
	for _, p := range r.participants {
		if p != t.owner {
			p.subscribe(t)
		}
	}
	r.mu.Unlock()
	r.announce(t)
	return true
}

// announce records t (while the room records) and emits track-published,
// once: when t is published, live, and its media has arrived.
func (r *Room) announce(t *publishedTrack) {
	if !t.live.Load() || t.remote.Load() == nil {
		return
	}
	r.mu.Lock()
	_, ok := r.tracks[t]
	ok = ok && t.announced.CompareAndSwap(false, true)
	if ok {
		r.record(t)
	}
	r.mu.Unlock()
	if ok {
		info := t.info
		r.sfu.emit(Event{Type: EventTrackPublished, Room: r.id, Participant: t.owner.info, Track: &info})
	}
}

// unpublish withdraws t from everyone.
func (r *Room) unpublish(t *publishedTrack) {
	r.mu.Lock()
	_, ok := r.tracks[t]
	delete(r.tracks, t)
	for _, p := range r.participants {
		if p != t.owner {
			p.unsubscribe(t)
		}
	}
	announced := ok && t.announced.Load()
	r.mu.Unlock()
	if announced {
		info := t.info
		r.sfu.emit(Event{Type: EventTrackUnpublished, Room: r.id, Participant: t.owner.info, Track: &info})
	}
}

// admit ends p's hold on the room's side: tracks p subscribes to from now
// on carry their media (Participant.admitted starts it on the ones it has).
func (r *Room) admit(p *Participant) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p.held.Store(false)
}

// remove drops p after it closed.
func (r *Room) remove(p *Participant, reason string) {
	r.mu.Lock()
	if r.participants[p.info.ID] == p {
		delete(r.participants, p.info.ID)
	}
	r.mu.Unlock()
	r.sfu.emit(Event{Type: EventParticipantLeft, Room: r.id, Participant: p.info, Reason: reason})
}

// setRecording switches the room's recording (r.sfu.mu held, so switches
// apply in order). On records every published track not recorded yet; off
// returns the recordings it took from the tracks, for the caller to stop.
func (r *Room) setRecording(on bool) (stopped []*recorder) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.recording = on
	for t := range r.tracks {
		if on {
			r.record(t)
		} else if rec := t.rec.Swap(nil); rec != nil {
			stopped = append(stopped, rec)
		}
	}
	return append(stopped, r.switchExternal(on)...)
}

// record starts recording t, unless the room does not record, t is not
// announced (live, with its media) or t is recorded already (r.mu held: a
// recording starts only while the switch is on, and setRecording sees every
// recording started).
func (r *Room) record(t *publishedTrack) {
	remote := t.remote.Load()
	if !r.recording || r.sfu.cfg.RecordDir == "" || t.rec.Load() != nil || t.isEnded() || !t.announced.Load() || remote == nil {
		return
	}
	rec, err := newRecorder(r, t.info, remote.Codec(), t.requestKeyframe)
	if err != nil {
		t.owner.log.Warn("not recording track", "track", t.info.TrackID, "err", err)
		return
	}
	t.rec.Store(rec)
}
