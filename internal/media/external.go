package media

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"
)

// ExternalTrack is a track received from another media server (the host
// subscribes to an external SFU's room as a hidden participant) that this SFU
// records like a track published to it: the same files, index, finalising
// and recording switch. Its reader hands each RTP packet to WriteRTP and
// calls End when the track ends.
type ExternalTrack struct {
	room     *Room
	info     TrackInfo
	codec    webrtc.RTPCodecParameters
	keyframe func()
	// rec is the track's recording, nil while not recording; the room sets
	// and clears it under its lock, WriteRTP reads it per packet.
	rec   atomic.Pointer[recorder]
	ended atomic.Bool
	once  sync.Once
}

// RecordTrack starts recording a track of another media server in room:
// info names the participant (ParticipantID, ParticipantName), its Source,
// Kind and Codec ("vp8", "vp9" or "opus"); codec is the track's negotiated
// codec; keyframe asks that server's publisher for a keyframe (a file starts
// at one). The room's recording switch applies (SetRecording,
// DiscardRecordings), and Room.Close ends the track.
func (s *SFU) RecordTrack(room string, info TrackInfo, codec webrtc.RTPCodecParameters, keyframe func()) (*ExternalTrack, error) {
	if err := checkID("room", room); err != nil {
		return nil, err
	}
	if err := checkID("participant", info.ParticipantID); err != nil {
		return nil, err
	}
	if !info.Source.valid() {
		return nil, fmt.Errorf("%w: track source %q", ErrInvalid, info.Source)
	}
	if keyframe == nil {
		keyframe = func() {}
	}
	r := s.Room(room)
	x := &ExternalTrack{room: r, info: info, codec: codec, keyframe: keyframe}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, fmt.Errorf("record in room %s: %w", room, ErrClosed)
	}
	r.external[x] = struct{}{}
	r.recordExternal(x)
	return x, nil
}

// WriteRTP records a copy of pkt while the room records; pkt stays the
// caller's. Safe from one goroutine per track.
func (x *ExternalTrack) WriteRTP(pkt *rtp.Packet) {
	if rec := x.rec.Load(); rec != nil {
		rec.push(pkt)
	}
}

// End ends the track: its recording is closed and finalised in the
// background, as when a published track ends.
func (x *ExternalTrack) End() {
	x.once.Do(func() {
		x.ended.Store(true)
		r := x.room
		r.mu.Lock()
		delete(r.external, x)
		r.mu.Unlock()
		if rec := x.rec.Swap(nil); rec != nil {
			rec.stop(false)
		}
	})
}

// recordExternal starts recording x unless the room does not record or x is
// recorded already (r.mu held).
func (r *Room) recordExternal(x *ExternalTrack) {
	if !r.recording || r.sfu.cfg.RecordDir == "" || x.rec.Load() != nil || x.ended.Load() {
		return
	}
	rec, err := newRecorder(r, x.info, x.codec, x.keyframe)
	if err != nil {
		r.sfu.log.Warn("not recording track", "room", r.id, "participant", x.info.ParticipantID, "err", err)
		return
	}
	x.rec.Store(rec)
}

// switchExternal applies the recording switch to the external tracks (r.mu
// held): on records them, off returns their recordings for the caller to stop.
func (r *Room) switchExternal(on bool) (stopped []*recorder) {
	for x := range r.external {
		if on {
			r.recordExternal(x)
		} else if rec := x.rec.Swap(nil); rec != nil {
			stopped = append(stopped, rec)
		}
	}
	return stopped
}

// endExternal ends every external track, when the room closes.
func (r *Room) endExternal() {
	r.mu.Lock()
	xs := make([]*ExternalTrack, 0, len(r.external))
	for x := range r.external {
		xs = append(xs, x)
	}
	r.mu.Unlock()
	for _, x := range xs {
		x.End()
	}
}

// startRecordOnly starts an SFU without an ICE socket (s.mu held): it
// records the tracks handed to it and carries no calls.
func (s *SFU) startRecordOnly() {
	s.startLoops()
	s.log.Info("media recorder started (calls on an external server)", "record_dir", s.cfg.RecordDir)
}
