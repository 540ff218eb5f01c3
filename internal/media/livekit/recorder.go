package livekit

import (
	"strings"
	"sync"

	"github.com/livekit/protocol/livekit"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"

	"github.com/interviewdesk/interviewdesk/internal/media"
)

// roomRecorder is the host's hidden participant in one LiveKit room: it
// subscribes to every track and hands each to the recording SFU.
type roomRecorder struct {
	b    *Backend
	room string

	mu     sync.Mutex
	lk     *lksdk.Room // nil while connecting
	left   bool
	tracks map[string]*media.ExternalTrack // by track SID
	reads  sync.WaitGroup
}

// record connects room's recording participant unless the room does not
// record, is not a call, or has one already.
func (b *Backend) record(room string) {
	if b.recorder == nil || !b.recorder.RecordingOn(room) {
		return
	}
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

// stopRecording disconnects room's recording participant; the room stays a
// call (a later SetRecording on connects one again).
func (b *Backend) stopRecording(room string) {
	b.mu.Lock()
	rr := b.calls[room]
	if rr != nil {
		b.calls[room] = nil
	}
	b.mu.Unlock()
	rr.leave()
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
		log.Warn("recording participant", "err", err)
		rr.b.forget(rr)
		return
	}
	cb := lksdk.NewRoomCallback()
	cb.OnTrackSubscribed = rr.subscribed
	cb.OnTrackUnsubscribed = func(_ *webrtc.TrackRemote, pub *lksdk.RemoteTrackPublication, _ *lksdk.RemoteParticipant) {
		rr.end(pub.SID())
	}
	cb.OnDisconnected = func() { // the room was deleted, or the server went away
		rr.stop(false)
		rr.b.forget(rr)
	}
	lk, err := lksdk.ConnectToRoomWithToken(rr.b.cfg.URL, token, cb, lksdk.WithAutoSubscribe(true))
	if err != nil {
		log.Warn("recording participant could not join: the call is not recorded until someone joins again", "err", err)
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
	log.Info("recording participant joined")
}

// subscribed records a track the server sent the recording participant.
func (rr *roomRecorder) subscribed(track *webrtc.TrackRemote, pub *lksdk.RemoteTrackPublication, rp *lksdk.RemoteParticipant) {
	codec := track.Codec()
	info := media.TrackInfo{TrackID: pub.SID(), ParticipantID: rp.Identity(), ParticipantName: rp.Name(),
		Source: sourceOf(pub.Source(), track.Kind()), Kind: media.Kind(track.Kind().String()), Codec: codecName(codec.MimeType)}
	rr.mu.Lock()
	defer rr.mu.Unlock()
	if rr.left || rr.tracks[pub.SID()] != nil {
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
		defer rr.end(pub.SID())
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
