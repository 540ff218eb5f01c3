package livekit

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/livekit/protocol/livekit"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/twitchtv/twirp"

	"github.com/interviewdesk/interviewdesk/internal/media"
)

// serverTimeout bounds each RoomService call.
const serverTimeout = 10 * time.Second

// Backend puts calls on a LiveKit server: it satisfies media.Backend.
type Backend struct {
	cfg      Config
	log      *slog.Logger
	rooms    *lksdk.RoomServiceClient
	recorder *media.SFU

	mu sync.Mutex
	// calls are the rooms someone joined since they were last closed, with
	// their hidden recording participant while it is connected.
	calls  map[string]*roomRecorder
	closed bool
	wg     sync.WaitGroup // recorders connecting
}

var _ media.Backend = (*Backend)(nil)

// New checks cfg and returns a Backend; it connects to nothing until a
// participant joins.
func New(cfg Config, log *slog.Logger) (*Backend, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	return &Backend{cfg: cfg, log: logger(log), recorder: cfg.Recorder, calls: map[string]*roomRecorder{},
		rooms: lksdk.NewRoomServiceClient(cfg.URL, cfg.APIKey, cfg.APISecret)}, nil
}

// URL is the server's address as browsers reach it.
func (b *Backend) URL() string { return b.cfg.URL }

// session is a participant's part of a LiveKit call as the room channel
// sees it: the browser signals with LiveKit, not with the host.
type session struct{}

func (session) HandleSignal(media.SignalMessage) error {
	return fmt.Errorf("%w: this call runs on LiveKit: the browser signals with the LiveKit server", ErrInvalid)
}

// Leave does nothing: the browser's LiveKit connection is its own, a newer
// tab with the same identity replaces it, and Remove takes a participant out.
func (session) Leave() error { return nil }

// Join mints p's token for room and sends it with the server's address in
// the call's first message; the room's recording participant joins too
// while the room records.
func (b *Backend) Join(ctx context.Context, room string, p media.ParticipantInfo, sig media.Signal, opt media.JoinOptions) (media.Session, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if sig == nil {
		return nil, fmt.Errorf("%w: nil Signal", ErrInvalid)
	}
	if opt.Hold {
		// A token is the whole call: no connection without media here.
		return nil, fmt.Errorf("%w: a LiveKit call cannot hold a participant (join once admitted)", ErrInvalid)
	}
	token, expires, err := b.Token(room, p, opt.Until)
	if err != nil {
		return nil, err
	}
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil, fmt.Errorf("join %s: %w", room, media.ErrClosed)
	}
	if _, ok := b.calls[room]; !ok {
		b.calls[room] = nil
	}
	b.mu.Unlock()
	b.watch(room)
	msg := media.SignalMessage{Type: media.MsgConfig, ICEServers: opt.ICEServers,
		Server: &media.ServerAccess{Kind: "livekit", URL: b.cfg.URL, Token: token, Expires: expires}}
	if err := sig.Send(msg); err != nil {
		return nil, fmt.Errorf("send the LiveKit token: %w", err)
	}
	return session{}, nil
}

// Remove takes participant out of room on the server at once.
func (b *Backend) Remove(ctx context.Context, room, participant string) error {
	ctx, cancel := context.WithTimeout(ctx, serverTimeout)
	defer cancel()
	_, err := b.rooms.RemoveParticipant(ctx, &livekit.RoomParticipantIdentity{Room: room, Identity: participant})
	if err != nil && !notFound(err) {
		return fmt.Errorf("remove %s from LiveKit room %s: %w: %w", participant, room, ErrServer, err)
	}
	return nil
}

// CloseRoom ends room's call: the recording participant leaves (its files
// are finalised), and the room is deleted on the server, which disconnects
// everyone still in it.
func (b *Backend) CloseRoom(room string) error {
	b.mu.Lock()
	rr := b.calls[room]
	delete(b.calls, room)
	b.mu.Unlock()
	rr.leave()
	var errs []error
	if b.recorder != nil {
		errs = append(errs, b.recorder.CloseRoom(room))
	}
	ctx, cancel := context.WithTimeout(context.Background(), serverTimeout)
	defer cancel()
	if _, err := b.rooms.DeleteRoom(ctx, &livekit.DeleteRoomRequest{Room: room}); err != nil && !notFound(err) {
		errs = append(errs, fmt.Errorf("delete LiveKit room %s: %w: %w", room, ErrServer, err))
	}
	return errors.Join(errs...)
}

// Recordings lists room's recordings (media.SFU.Recordings).
func (b *Backend) Recordings(room string) ([]media.Recording, error) {
	if b.recorder == nil {
		return nil, nil
	}
	return b.recorder.Recordings(room)
}

// SetRecording switches room's recording: off, the hidden participant
// unsubscribes from every track (nothing of the room reaches the host any
// more); on, it subscribes to them again.
func (b *Backend) SetRecording(room string, on bool) {
	if b.recorder == nil {
		return
	}
	b.recorder.SetRecording(room, on)
	if rr := b.recorderOf(room); rr != nil {
		rr.setRecording(on)
	}
}

// DiscardRecordings switches room's recording off and deletes its files.
func (b *Backend) DiscardRecordings(ctx context.Context, room string) error {
	if b.recorder == nil {
		return nil
	}
	if rr := b.recorderOf(room); rr != nil {
		rr.setRecording(false)
	}
	return b.recorder.DiscardRecordings(ctx, room)
}

// Close disconnects every hidden participant; the recorder SFU is its
// owner's to close after.
func (b *Backend) Close() error {
	b.mu.Lock()
	b.closed = true
	rrs := make([]*roomRecorder, 0, len(b.calls))
	for _, rr := range b.calls {
		rrs = append(rrs, rr)
	}
	b.calls = map[string]*roomRecorder{}
	b.mu.Unlock()
	b.wg.Wait()
	for _, rr := range rrs {
		rr.leave()
	}
	return nil
}

// notFound reports a RoomService answer that the room or participant is
// not there (already gone).
func notFound(err error) bool {
	var te twirp.Error
	return errors.As(err, &te) && te.Code() == twirp.NotFound
}
