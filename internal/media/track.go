package media

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/pion/rtcp"
	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"
)

// publishedTrack is one incoming track and its fan-out: a single
// TrackLocalStaticRTP bound to every viewer's peer connection, so each RTP
// packet is read once and written to all viewers.
//
// A held participant's camera and microphone are reserved tracks: offered to
// the viewers (bound, silent) before any media of theirs arrives, so that the
// moment the participant is admitted and sends, the viewers receive it on
// transceivers they already have.
type publishedTrack struct {
	owner *Participant
	// remote is the incoming track; nil for a reserved track until its
	// media arrives.
	remote atomic.Pointer[webrtc.TrackRemote]
	local  *viewerTrack
	info   TrackInfo
	// live: its packets are forwarded and recorded. A held participant's
	// tracks are not live until it is admitted; what they send until then
	// is dropped.
	live atomic.Bool
	// announced: track-published was emitted and the track may be
	// recorded (Room.announce); set under the room's lock.
	announced atomic.Bool
	dropped   atomic.Uint64 // packets dropped while not live
	// rec is the track's recording, nil when not recording. The room sets
	// and clears it under its lock (Room.record, Room.setRecording); the
	// forwarder reads it per packet.
	rec atomic.Pointer[recorder]

	lastKeyframeReq atomic.Int64 // unix nanos
	// keyStart tells a payload that starts a keyframe (keyframeStart); nil
	// for a codec it cannot tell (and for audio).
	keyStart func(payload []byte) bool
	// lastKeyStart: when a packet starting a keyframe was last forwarded
	// (unix nanos; only with keyStart).
	lastKeyStart atomic.Int64
	// writePLI sends the publisher a PLI for its SSRC.
	writePLI func(ssrc uint32) error
	// keyframeDeferred is set while a throttled request waits for its turn.
	keyframeDeferred atomic.Bool
	ended            atomic.Bool
	packets          atomic.Uint64
}

// newPublishedTrack is a live track for media that arrived.
func newPublishedTrack(owner *Participant, remote *webrtc.TrackRemote, info TrackInfo) (*publishedTrack, error) {
	t, err := newReservedTrack(owner, remote.Codec().RTPCodecCapability, info)
	if err != nil {
		return nil, err
	}
	t.remote.Store(remote)
	t.live.Store(true)
	return t, nil
}

// newReservedTrack is a track whose media has not arrived yet (a held
// participant's), with the codec its publisher negotiated; not live.
func newReservedTrack(owner *Participant, codec webrtc.RTPCodecCapability, info TrackInfo) (*publishedTrack, error) {
	local, err := webrtc.NewTrackLocalStaticRTP(codec, info.TrackID, info.StreamID)
	if err != nil {
		return nil, fmt.Errorf("local track: %w", err)
	}
	t := &publishedTrack{owner: owner, info: info, keyStart: keyframeStart(info.Codec)}
	t.writePLI = func(ssrc uint32) error {
		return owner.pc.WriteRTCP([]rtcp.Packet{&rtcp.PictureLossIndication{MediaSSRC: ssrc}})
	}
	t.local = &viewerTrack{TrackLocalStaticRTP: local, bound: t.requestKeyframe}
	return t, nil
}

func (t *publishedTrack) isEnded() bool { return t.ended.Load() }
func (t *publishedTrack) markEnded()    { t.ended.Store(true) }

// forward copies RTP from the publisher to every viewer and the recorder
// (while the room records) until the track ends; packets that come before
// the track is live are dropped. One buffer and one packet struct are reused: the
// steady state allocates nothing here (pion's SRTP and NACK buffers do).
func (t *publishedTrack) forward(remote *webrtc.TrackRemote) {
	p := t.owner
	defer func() {
		t.markEnded()
		p.room.unpublish(t)
		if rec := t.rec.Swap(nil); rec != nil {
			rec.stop(false)
		}
	}()
	buf := make([]byte, 1500)
	var pkt rtp.Packet
	first := true
	for {
		n, _, err := remote.Read(buf)
		if err != nil {
			return
		}
		if !t.live.Load() {
			t.dropped.Add(1)
			continue
		}
		if err := pkt.Unmarshal(buf[:n]); err != nil {
			continue
		}
		if first {
			first = false
			now := p.sfu.cfg.Now()
			info := t.info
			p.sfu.emit(Event{Type: EventFirstRTP, Room: p.room.id, Participant: p.info, Track: &info,
				Time: now, SinceJoin: now.Sub(p.joined)})
		}
		if t.keyStart != nil && t.keyStart(pkt.Payload) {
			t.lastKeyStart.Store(time.Now().UnixNano())
		}
		t.packets.Add(1)
		p.sfu.rtpIn.Add(1)
		// Header extension IDs were negotiated with the publisher, not with
		// each viewer: drop them; the viewer's interceptors add their own.
		pkt.Header.Extension = false
		pkt.Header.Extensions = pkt.Header.Extensions[:0]
		if rec := t.rec.Load(); rec != nil {
			rec.push(&pkt)
		}
		_ = t.local.WriteRTP(&pkt) // a viewer going away is not the publisher's problem
	}
}

// requestKeyframe asks the publisher for a keyframe (PLI), at most once per
// keyframeMinGap however many viewers ask. A request inside the gap is not
// dropped but deferred to its end: a viewer that binds just after the recorder
// asked (the usual case when someone joins) still gets its keyframe at once
// rather than at the next periodic one.
func (t *publishedTrack) requestKeyframe() {
	if !t.mayAskKeyframe() {
		return
	}
	wait, ok := t.claimPLI(keyframeMinGap)
	if ok {
		t.sendPLI()
	} else if wait > 0 && t.keyframeDeferred.CompareAndSwap(false, true) {
		time.AfterFunc(wait, func() {
			t.keyframeDeferred.Store(false)
			t.requestKeyframe()
		})
	}
}

// requestFirstKeyframe is a viewer's keyframe request (PLI), where since is
// when that viewer's sender got the track. A viewer that has had no keyframe
// since may ask past keyframeMinGap, at most once per firstKeyframeGap: a
// publisher asked just after a keyframe of its own may have ignored the
// request its binding made (browsers do), and the picture would otherwise
// wait for the end of the gap. Others ask as requestKeyframe, and so does
// every viewer of a codec whose keyframes the forwarder does not see.
func (t *publishedTrack) requestFirstKeyframe(since int64) {
	if t.keyStart == nil || t.lastKeyStart.Load() >= since {
		t.requestKeyframe()
		return
	}
	if !t.mayAskKeyframe() {
		return
	}
	if _, ok := t.claimPLI(firstKeyframeGap); ok {
		t.sendPLI()
	} // else the viewer asks again
}

// claimPLI takes the publisher's next keyframe request when the last one was
// at least gap ago; otherwise it reports how long until then (0 when another
// request took the turn just now).
func (t *publishedTrack) claimPLI(gap time.Duration) (wait time.Duration, ok bool) {
	now := time.Now().UnixNano()
	last := t.lastKeyframeReq.Load()
	if w := int64(gap) - (now - last); w > 0 {
		return time.Duration(w), false
	}
	return 0, t.lastKeyframeReq.CompareAndSwap(last, now)
}

// mayAskKeyframe: a video track with its media, not ended.
func (t *publishedTrack) mayAskKeyframe() bool {
	return t.info.Kind == KindVideo && !t.isEnded() && t.remote.Load() != nil
}

// sendPLI asks the publisher for a keyframe now.
func (t *publishedTrack) sendPLI() {
	if remote := t.remote.Load(); remote != nil {
		_ = t.writePLI(uint32(remote.SSRC()))
	}
}

// viewerTrack is the forwarded track; it asks the publisher for a keyframe
// each time a new viewer binds, so that viewer's picture starts at once.
type viewerTrack struct {
	*webrtc.TrackLocalStaticRTP
	bound func()
}

func (v *viewerTrack) Bind(ctx webrtc.TrackLocalContext) (webrtc.RTPCodecParameters, error) {
	params, err := v.TrackLocalStaticRTP.Bind(ctx)
	if err == nil {
		v.bound()
	}
	return params, err
}

var _ webrtc.TrackLocal = (*viewerTrack)(nil)

func codecName(mime string) string {
	if i := strings.IndexByte(mime, '/'); i >= 0 {
		mime = mime[i+1:]
	}
	return strings.ToLower(mime)
}

// checkID accepts IDs the host hands in: non-empty, at most 128 bytes, no
// control characters.
func checkID(what, id string) error {
	if id == "" || len(id) > 128 {
		return fmt.Errorf("%w: %s ID %q", ErrInvalid, what, id)
	}
	for _, r := range id {
		if unicode.IsControl(r) {
			return fmt.Errorf("%w: %s ID %q", ErrInvalid, what, id)
		}
	}
	return nil
}

// fileSafe maps an ID to a file-name part: letters, digits, '.', '_' and
// '-' kept, anything else '_'; never "." or "..".
func fileSafe(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)), r == '.', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	s := b.String()
	if strings.Trim(s, ".") == "" {
		s = strings.ReplaceAll(s, ".", "_")
	}
	return s
}

// shortID is a participant ID cut to fit in an msid (64 token characters)
// with room for suffixes.
func shortID(id string) string {
	s := fileSafe(id)
	if len(s) > 40 {
		s = s[:40]
	}
	return s
}
