package media

import (
	"fmt"
	"strings"
	"time"

	"github.com/pion/webrtc/v4"
)

// A held participant (JoinOptions.Hold) connects as any other, but no media
// goes either way until Admit: what it sends is dropped, and the others'
// tracks reach it silent. Both directions are negotiated while it waits, so
// Admit starts the media on transceivers every side already has, with no
// offer at all:
//   - its camera and microphone are reserved at once: tracks offered to the
//     others before any media arrives;
//   - the others' tracks are offered to it with a stand-in on each sender, a
//     track of the same codec and IDs that nothing writes to; Admit puts the
//     real track on the sender (RTPSender.ReplaceTrack), which binds it and
//     asks its publisher for a keyframe.

// reservedStream keys the reserved tracks' stream in Participant.streams
// until the browser's own stream ID is known.
const reservedStream = "\x00reserved"

// Held reports whether the participant was joined with JoinOptions.Hold and
// not admitted yet.
func (p *Participant) Held() bool { return p.held.Load() }

// Admit ends the hold of a participant joined with JoinOptions.Hold: from
// now on what it sends is forwarded and recorded, and it receives the
// others' tracks. A participant not held is left as it is.
func (p *Participant) Admit() error {
	if !p.held.Load() {
		return nil
	}
	p.room.admit(p)
	if !p.ops.push(p.admitted) {
		return fmt.Errorf("admit %s: %w", p.info.ID, ErrClosed)
	}
	return nil
}

// admitted makes the participant's tracks live (loop goroutine): reserved
// ones whose media arrived are announced (and recorded) now, with a keyframe
// asked for when their first packets were dropped; tracks that came without
// a reservation are published. The others' tracks it was offered while held
// start their media.
func (p *Participant) admitted() {
	for t, sub := range p.subs {
		if sub.silent == nil {
			continue
		}
		sub.since.Store(time.Now().UnixNano())
		if err := sub.sender.ReplaceTrack(t.local); err != nil {
			p.log.Warn("admit: start track", "track", t.info.TrackID, "err", err)
			continue
		}
		sub.silent = nil
	}
	for _, t := range p.reserved {
		t.live.Store(true)
		p.room.announce(t)
		if t.dropped.Load() > 0 {
			t.requestKeyframe()
		}
	}
	for _, t := range p.unheard {
		t.live.Store(true)
		if !p.room.publish(t) {
			t.markEnded()
		}
	}
	p.unheard = nil
}

// addSubscription adds a sender for t to the connection (loop goroutine): the
// forwarded track itself, or a silent stand-in while the participant is held.
func (p *Participant) addSubscription(t *publishedTrack) (*subscription, error) {
	if !p.held.Load() {
		sender, err := p.pc.AddTrack(t.local)
		if err != nil {
			return nil, err
		}
		sub := &subscription{sender: sender, info: t.info}
		sub.since.Store(time.Now().UnixNano())
		return sub, nil
	}
	silent, err := webrtc.NewTrackLocalStaticRTP(t.local.Codec(), t.info.TrackID, t.info.StreamID)
	if err != nil {
		return nil, fmt.Errorf("stand-in track: %w", err)
	}
	sender, err := p.pc.AddTrack(silent)
	if err != nil {
		return nil, err
	}
	return &subscription{sender: sender, info: t.info, silent: silent}, nil
}

// reserve offers a track to the room for each medium the browser's first
// offer sends, with the codec negotiated for it (loop goroutine).
func (p *Participant) reserve() {
	for _, tr := range p.pc.GetTransceivers() {
		mid := tr.Mid()
		if tr.Direction() != webrtc.RTPTransceiverDirectionRecvonly || mid == "" || p.reserved[mid] != nil {
			continue
		}
		codecs := tr.Receiver().GetParameters().Codecs
		if len(codecs) == 0 {
			continue
		}
		kind, source := KindAudio, SourceMicrophone
		if tr.Kind() == webrtc.RTPCodecTypeVideo {
			kind, source = KindVideo, SourceCamera
		}
		if s, ok := p.labels["mid:"+mid]; ok {
			source = s
		}
		info := p.trackInfo(reservedStream, kind, source, codecs[0].MimeType)
		t, err := newReservedTrack(p, codecs[0].RTPCodecCapability, info)
		if err != nil {
			p.log.Warn("reserve", "mid", mid, "err", err)
			continue
		}
		p.reserved[mid] = t
		if !p.room.publish(t) {
			t.markEnded()
		}
	}
}

// claim gives the media arriving on mid its reserved track, if any
// (loop goroutine). Media in another codec than reserved withdraws the
// reservation; it is then published as a track of its own.
func (p *Participant) claim(mid string, remote *webrtc.TrackRemote) *publishedTrack {
	t := p.reserved[mid]
	if t == nil || t.remote.Load() != nil || t.isEnded() {
		return nil
	}
	if !strings.EqualFold(remote.Codec().MimeType, t.local.Codec().MimeType) {
		delete(p.reserved, mid)
		t.markEnded()
		p.room.unpublish(t)
		return nil
	}
	if _, ok := p.streams[remote.StreamID()]; !ok {
		p.streams[remote.StreamID()] = t.info.StreamID
	}
	t.remote.Store(remote)
	p.log.Info("track published", "track", t.info.TrackID, "kind", t.info.Kind, "source", t.info.Source, "codec", t.info.Codec, "reserved", true)
	return t
}

// dropReserved withdraws the reserved tracks whose media never came (after
// the loop ended).
func (p *Participant) dropReserved() {
	for _, t := range p.reserved {
		if t.remote.Load() == nil {
			t.markEnded()
			p.room.unpublish(t)
		}
	}
}
