package livekit

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/livekit/protocol/livekit"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"

	"github.com/interviewdesk/interviewdesk/internal/media"
)

// connectTimeout bounds the hidden participant's connection to the server
// (signal, ICE and DTLS). The SDK's 5 s is short for a host whose cores are
// busy forwarding and recording; a call without it is neither guarded nor
// recorded.
const connectTimeout = 20 * time.Second

// roomRecorder is the host's hidden participant in one LiveKit room. It
// guards the room — anyone the host no longer admits (a token outlives a
// removal: LiveKit cannot revoke one) is removed as they connect — and while
// the room records it subscribes to every track and hands each to the
// recording SFU; while it does not, it receives no media at all.
type roomRecorder struct {
	b    *Backend
	room string

	mu        sync.Mutex
	lk        *lksdk.Room // nil while connecting
	left      bool
	recording bool
	tracks    map[string]*media.ExternalTrack // by track SID
	reads     sync.WaitGroup
}

// watch connects room's hidden participant unless the room is not a call or
// has one already.
func (b *Backend) watch(room string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	rr, ok := b.calls[room]
	if b.closed || !ok || rr != nil {
		return
	}
	rr = &roomRecorder{b: b, room: room, tracks: map[string]*media.ExternalTrack{}}
	b.calls[room] = rr
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		rr.connect()
	}()
}

// recorderOf is room's hidden participant, nil when none.
func (b *Backend) recorderOf(room string) *roomRecorder {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.calls[room]
}

// forget drops rr as its room's recorder, when it was.
func (b *Backend) forget(rr *roomRecorder) {
	b.mu.Lock()
	if cur, ok := b.calls[rr.room]; ok && cur == rr {
		b.calls[rr.room] = nil
	}
	b.mu.Unlock()
}

func (rr *roomRecorder) connect() {
	log := rr.b.log.With("livekit_room", rr.room)
	token, err := rr.b.recorderToken(rr.room)
	if err != nil {
		log.Warn("hidden participant", "err", err)
		rr.b.forget(rr)
		return
	}
	cb := lksdk.NewRoomCallback()
	cb.OnParticipantConnected = rr.guard
	cb.OnTrackPublished = func(pub *lksdk.RemoteTrackPublication, _ *lksdk.RemoteParticipant) { rr.follow(pub) }
	cb.OnTrackSubscribed = rr.subscribed
	cb.OnTrackUnsubscribed = func(_ *webrtc.TrackRemote, pub *lksdk.RemoteTrackPublication, _ *lksdk.RemoteParticipant) {
		rr.end(pub.SID())
	}
	cb.OnDisconnected = func() { // the room was deleted, or the server went away
		rr.stop(false)
		rr.b.forget(rr)
	}
	lk, err := lksdk.ConnectToRoomWithToken(rr.b.cfg.URL, token, cb, lksdk.WithAutoSubscribe(false),
		lksdk.WithConnectTimeout(connectTimeout))
	if err != nil {
		log.Warn("hidden participant could not join: the call is neither guarded nor recorded until someone joins again", "err", err)
		rr.b.forget(rr)
		return
	}
	rr.mu.Lock()
	rr.lk = lk
	left := rr.left
	rr.mu.Unlock()
	if left {
		lk.Disconnect()
		return
	}
	log.Info("hidden participant joined")
	for _, rp := range lk.GetRemoteParticipants() {
		rr.guard(rp)
	}
	rr.setRecording(rr.b.recorder != nil && rr.b.recorder.RecordingOn(rr.room))
}

// guard removes a participant the host does not admit to the room.
func (rr *roomRecorder) guard(rp *lksdk.RemoteParticipant) {
	admits := rr.b.cfg.Admits
	if admits == nil || rp.Identity() == RecorderIdentity || admits(rr.room, rp.Identity()) {
		return
	}
	rr.b.log.Warn("removing a participant the interview does not admit from its LiveKit room", "livekit_room", rr.room, "participant", rp.Identity())
	go func() {
		if err := rr.b.Remove(context.Background(), rr.room, rp.Identity()); err != nil {
			rr.b.log.Warn("remove from LiveKit", "livekit_room", rr.room, "participant", rp.Identity(), "err", err)
		}
	}()
}

// setRecording subscribes to every track (on) or to none, ending the
// tracks' recordings (off).
func (rr *roomRecorder) setRecording(on bool) {
	rr.mu.Lock()
	rr.recording = on
	lk := rr.lk
	var ended []*media.ExternalTrack
	if !on {
		for sid, x := range rr.tracks {
			ended = append(ended, x)
			delete(rr.tracks, sid)
		}
	}
	rr.mu.Unlock()
	for _, x := range ended {
		x.End()
	}
	if lk == nil {
		return // connect applies the switch once connected
	}
	for _, rp := range lk.GetRemoteParticipants() {
		for _, pub := range rp.TrackPublications() {
			if rpub, ok := pub.(*lksdk.RemoteTrackPublication); ok {
				_ = rpub.SetSubscribed(on)
			}
		}
	}
}

// follow subscribes to a newly published track while the room records.
func (rr *roomRecorder) follow(pub *lksdk.RemoteTrackPublication) {
	rr.mu.Lock()
	on := rr.recording && !rr.left
	rr.mu.Unlock()
	if on {
		_ = pub.SetSubscribed(true)
	}
}

// subscribed records a track the server sent the recording participant.
func (rr *roomRecorder) subscribed(track *webrtc.TrackRemote, pub *lksdk.RemoteTrackPublication, rp *lksdk.RemoteParticipant) {
	codec := track.Codec()
	info := media.TrackInfo{TrackID: pub.SID(), ParticipantID: rp.Identity(), ParticipantName: rp.Name(),
		Source: sourceOf(pub.Source(), track.Kind()), Kind: media.Kind(track.Kind().String()), Codec: codecName(codec.MimeType)}
	rr.mu.Lock()
	defer rr.mu.Unlock()
	if rr.left || !rr.recording || rr.tracks[pub.SID()] != nil {
		return
	}
	ssrc := track.SSRC()
	x, err := rr.b.recorder.RecordTrack(rr.room, info, codec, func() { rp.WritePLI(ssrc) })
	if err != nil {
		rr.b.log.Warn("not recording LiveKit track", "livekit_room", rr.room, "participant", info.ParticipantID,
			"source", info.Source, "codec", info.Codec, "err", err)
		return
	}
	rr.tracks[pub.SID()] = x
	rr.reads.Add(1)
	go func() {
		defer rr.reads.Done()
		defer rr.endTrack(pub.SID(), x)
		for {
			pkt, _, err := track.ReadRTP()
			if err != nil {
				return
			}
			x.WriteRTP(pkt)
		}
	}()
}

// end ends the recording of one track.
func (rr *roomRecorder) end(sid string) {
	rr.mu.Lock()
	x := rr.tracks[sid]
	delete(rr.tracks, sid)
	rr.mu.Unlock()
	if x != nil {
		x.End()
	}
}

// endTrack ends recording x of track sid; a later recording of the same
// track (subscribed again) is left alone.
func (rr *roomRecorder) endTrack(sid string, x *media.ExternalTrack) {
	rr.mu.Lock()
	if rr.tracks[sid] == x {
		delete(rr.tracks, sid)
	}
	rr.mu.Unlock()
	x.End()
}

// leave disconnects the recording participant and ends its tracks'
// recordings; nothing on a nil or departed recorder.
func (rr *roomRecorder) leave() {
	if rr != nil {
		rr.stop(true)
	}
}

// stop ends the tracks' recordings, first disconnecting from the server
// when it is still connected.
func (rr *roomRecorder) stop(disconnect bool) {
	rr.mu.Lock()
	if rr.left {
		rr.mu.Unlock()
		return
	}
	rr.left = true
	lk, tracks := rr.lk, rr.tracks
	rr.tracks = map[string]*media.ExternalTrack{}
	rr.mu.Unlock()
	if lk != nil && disconnect {
		lk.Disconnect()
	}
	for _, x := range tracks {
		x.End()
	}
	rr.reads.Wait()
}

// sourceOf maps LiveKit's track source to ours; an unknown one goes by kind.
func sourceOf(s livekit.TrackSource, kind webrtc.RTPCodecType) media.Source {
	switch s {
	case livekit.TrackSource_CAMERA:
		return media.SourceCamera
	case livekit.TrackSource_MICROPHONE:
		return media.SourceMicrophone
	case livekit.TrackSource_SCREEN_SHARE:
		return media.SourceScreen
	case livekit.TrackSource_SCREEN_SHARE_AUDIO:
		return media.SourceScreenAudio
	}
	if kind == webrtc.RTPCodecTypeAudio {
		return media.SourceMicrophone
	}
	return media.SourceCamera
}

// codecName is a MIME type's codec part, lower case ("video/VP8" → "vp8").
func codecName(mime string) string {
	_, name, _ := strings.Cut(mime, "/")
	return strings.ToLower(name)
}
