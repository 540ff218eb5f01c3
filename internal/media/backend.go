package media

import (
	"context"
	"fmt"
	"time"
)

// Backend is a media server the host puts calls on: this SFU, or an external
// one (package media/livekit, a LiveKit server or cluster). The host keeps
// everything but the media — who may join, when, the waiting room and the
// lock — and asks the backend to connect, remove and record people.
type Backend interface {
	// Join connects participant p to room's call. What the browser needs goes
	// to it through sig, first a MsgConfig: the ICE servers for this SFU
	// (whose signalling then runs through Session.HandleSignal), or an
	// external server's address and this participant's own token.
	Join(ctx context.Context, room string, p ParticipantInfo, sig Signal, opt JoinOptions) (Session, error)
	// Remove takes a participant out of room's call at once (removed from
	// the interview); nothing when they are not in it.
	Remove(ctx context.Context, room, participant string) error
	// CloseRoom ends room's call for everyone and finalises its recordings.
	CloseRoom(room string) error
	Recorder
}

// Recorder is the recording side of a backend: every participant's track
// as its own WebM file under a room folder, switched per room.
type Recorder interface {
	Recordings(room string) ([]Recording, error)
	SetRecording(room string, on bool)
	DiscardRecordings(ctx context.Context, room string) error
}

// Session is one participant's connection, as the room channel drives it.
type Session interface {
	// HandleSignal applies a signaling message from the browser; a backend
	// whose browsers signal elsewhere refuses it (ErrInvalid).
	HandleSignal(msg SignalMessage) error
	// Leave ends the connection when the participant's room channel ends.
	Leave() error
}

// JoinOptions are per-participant settings for Join.
type JoinOptions struct {
	// ICEServers are sent to the browser in the first message (MsgConfig),
	// e.g. the embedded TURN relay with this participant's short-lived
	// credentials. They are never put in events or logs.
	ICEServers []ICEServer
	// Until bounds the participant's access to the call: an external
	// backend's token expires then at the latest. Zero: the backend's default.
	Until time.Time
	// Hold sets the participant's connection up without media: nothing it
	// sends is forwarded or recorded, and it receives no media of the
	// others, until it is admitted (Holder). This SFU offers its first
	// offer's audio and video to the others at once, and theirs to it, all
	// silent, so that once admitted the media flows without renegotiating
	// any connection. For a candidate
	// on the device check or in the waiting room; a backend that cannot hold
	// refuses it (ErrInvalid), and the participant joins when admitted.
	Hold bool
}

// Holder is a Session that can be joined held (JoinOptions.Hold) and
// admitted later on the same connection.
type Holder interface {
	Held() bool
	Admit() error
}

// Remove closes participant's connection to room (it leaves with
// ReasonRemoved); nothing when the participant is not in the room.
func (s *SFU) Remove(ctx context.Context, room, participant string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("remove %s from %s: %w", participant, room, err)
	}
	s.mu.Lock()
	r, ok := s.rooms[room]
	s.mu.Unlock()
	if !ok {
		return nil
	}
	r.mu.Lock()
	p := r.participants[participant]
	r.mu.Unlock()
	if p != nil {
		p.close(ReasonRemoved)
	}
	return nil
}
