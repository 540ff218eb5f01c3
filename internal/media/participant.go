package media

import (
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pion/rtcp"
	"github.com/pion/webrtc/v4"
)

// Participant is one browser's peer connection in a room. All negotiation
// runs on one goroutine per participant (the loop), fed by an unbounded
// queue: signaling messages, ICE candidates, tracks arriving, subscriptions
// changing. So the SDP state machine is never touched concurrently and
// outgoing messages keep their order.
type Participant struct {
	info   ParticipantInfo
	room   *Room
	sfu    *SFU
	sig    Signal
	pc     *webrtc.PeerConnection
	log    *slog.Logger
	joined time.Time
	ice    []ICEServer

	ops      *opQueue
	quit     chan struct{}
	loopDone chan struct{}
	started  bool

	// held: JoinOptions.Hold until Admit (set under the room's lock when
	// cleared, read by the room as it subscribes participants).
	held atomic.Bool

	closeOnce sync.Once
	wg        sync.WaitGroup // forwarders, RTCP readers

	mu          sync.Mutex
	state       webrtc.PeerConnectionState
	leaveReason string
	disconnect  *time.Timer

	// Loop-owned state: touched only on the loop goroutine.
	answered      bool // the browser's first offer was answered
	needOffer     bool
	needRestart   bool
	restartReason string
	ignoreOffer   bool
	deferredOffer string                    // a browser offer that came before ICE started
	remoteCands   []webrtc.ICECandidateInit // arrived before any remote description
	labels        map[string]Source         // browser track ID or mid → source
	streams       map[string]string         // browser stream ID → host stream ID
	nextTrack     int
	subs          map[*publishedTrack]*subscription
	toAdd         []*publishedTrack
	toRemove      []*publishedTrack
	// While held (hold.go): the reserved camera and microphone by mid, and
	// tracks that arrived without a reservation, published on Admit.
	reserved map[string]*publishedTrack
	unheard  []*publishedTrack
}

type subscription struct {
	sender *webrtc.RTPSender
	info   TrackInfo
	// silent is the stand-in the sender carries while the viewer is held: a
	// track of the same codec and IDs that is never written (hold.go).
	silent *webrtc.TrackLocalStaticRTP
	// since: when the sender got the forwarded track (unix nanos; 0 while
	// it carries the stand-in).
	since atomic.Int64
}

func newParticipant(r *Room, info ParticipantInfo, sig Signal, opt JoinOptions) (*Participant, error) {
	s := r.sfu
	pc, err := s.api.NewPeerConnection(webrtc.Configuration{
		BundlePolicy:  webrtc.BundlePolicyMaxBundle,
		RTCPMuxPolicy: webrtc.RTCPMuxPolicyRequire,
	})
	if err != nil {
		return nil, fmt.Errorf("new peer connection: %w", err)
	}
	p := &Participant{
		info:     info,
		room:     r,
		sfu:      s,
		sig:      sig,
		pc:       pc,
		log:      s.log.With("room", r.id, "participant", info.ID),
		joined:   s.cfg.Now(),
		ice:      opt.ICEServers,
		ops:      newOpQueue(),
		quit:     make(chan struct{}),
		loopDone: make(chan struct{}),
		state:    webrtc.PeerConnectionStateNew,
		labels:   make(map[string]Source),
		streams:  make(map[string]string),
		subs:     make(map[*publishedTrack]*subscription),
		reserved: make(map[string]*publishedTrack),
	}
	p.held.Store(opt.Hold)
	pc.OnICECandidate(func(c *webrtc.ICECandidate) {
		if c == nil {
			return // end of gathering: browsers need no message for it
		}
		init := c.ToJSON()
		p.ops.push(func() {
			p.send(SignalMessage{Type: MsgCandidate, Candidate: &ICECandidate{
				Candidate: init.Candidate, SDPMid: init.SDPMid, SDPMLineIndex: init.SDPMLineIndex, UsernameFragment: init.UsernameFragment,
			}})
		})
	})
	pc.OnTrack(func(remote *webrtc.TrackRemote, recv *webrtc.RTPReceiver) {
		if !p.ops.push(func() { p.onTrack(remote, recv) }) {
			return
		}
	})
	pc.OnConnectionStateChange(p.onConnectionState)
	pc.OnICEConnectionStateChange(func(webrtc.ICEConnectionState) {
		// Wakes the loop: renegotiation may have waited for ICE to start.
		p.ops.push(func() {
			if sdp := p.deferredOffer; sdp != "" && p.transportStarted() {
				p.deferredOffer = ""
				p.onOffer(sdp)
			}
		})
	})
	return p, nil
}

// ID returns the participant's ID.
func (p *Participant) ID() string { return p.info.ID }

// Info returns what Join was given.
func (p *Participant) Info() ParticipantInfo { return p.info }

// State returns the peer connection's state (RTCPeerConnectionState).
func (p *Participant) State() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.state.String()
}

// start sends the config message and runs the loop.
func (p *Participant) start() {
	p.mu.Lock()
	p.started = true
	p.mu.Unlock()
	p.ops.push(func() { p.send(SignalMessage{Type: MsgConfig, ICEServers: p.ice}) })
	go p.run()
}

// HandleSignal takes one message from the browser. It checks the message and
// queues it; the result of applying it shows up as messages to the browser
// (an answer, an offer, or MsgError) and, on failure, as an EventError.
func (p *Participant) HandleSignal(msg SignalMessage) error {
	switch msg.Type {
	case MsgOffer, MsgAnswer:
		if msg.SDP == "" {
			return fmt.Errorf("%w: %s without sdp", ErrInvalid, msg.Type)
		}
	case MsgCandidate, MsgRestart, MsgTrackInfo:
	default:
		return fmt.Errorf("%w: signal type %q", ErrInvalid, msg.Type)
	}
	if !p.ops.push(func() { p.handle(msg) }) {
		return fmt.Errorf("participant %s: %w", p.info.ID, ErrClosed)
	}
	return nil
}

// Leave disconnects the participant and withdraws its tracks (their
// recordings are finalised in the background; Room.Close waits for them).
func (p *Participant) Leave() error {
	p.close(ReasonLeave)
	return nil
}

func (p *Participant) close(reason string) {
	p.closeOnce.Do(func() {
		p.mu.Lock()
		p.leaveReason = reason
		started := p.started
		if p.disconnect != nil {
			p.disconnect.Stop()
		}
		p.mu.Unlock()
		p.ops.close()
		close(p.quit)
		if started {
			<-p.loopDone
		}
		if err := p.pc.Close(); err != nil {
			p.log.Debug("close peer connection", "err", err)
		}
		p.wg.Wait()
		p.dropReserved()
		if started {
			p.room.remove(p, reason)
		}
	})
}

func (p *Participant) run() {
	defer close(p.loopDone)
	for {
		select {
		case <-p.quit:
			return
		case <-p.ops.wake:
		}
		for _, op := range p.ops.take() {
			select {
			case <-p.quit:
				return
			default:
			}
			op()
		}
		p.negotiate()
	}
}

func (p *Participant) send(msg SignalMessage) {
	if err := p.sig.Send(msg); err != nil {
		p.log.Debug("signal send", "type", msg.Type, "err", err)
	}
}

func (p *Participant) fail(what string, err error) {
	err = fmt.Errorf("%s: %w: %w", what, ErrNegotiation, err)
	p.log.Warn("negotiation", "err", err)
	p.send(SignalMessage{Type: MsgError, Error: err.Error()})
	p.sfu.emit(Event{Type: EventError, Room: p.room.id, Participant: p.info, Err: err})
}

// handle applies one browser message (loop goroutine).
func (p *Participant) handle(msg SignalMessage) {
	switch msg.Type {
	case MsgTrackInfo:
		p.learnLabels(msg.Tracks)
	case MsgOffer:
		p.learnLabels(msg.Tracks)
		p.onOffer(msg.SDP)
	case MsgAnswer:
		if p.pc.SignalingState() != webrtc.SignalingStateHaveLocalOffer {
			p.log.Debug("stale answer ignored")
			return
		}
		if err := p.pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeAnswer, SDP: msg.SDP}); err != nil {
			p.fail("apply answer", err)
			return
		}
		p.flushCandidates()
	case MsgCandidate:
		if msg.Candidate == nil || msg.Candidate.Candidate == "" {
			return // end of candidates
		}
		c := webrtc.ICECandidateInit{
			Candidate: msg.Candidate.Candidate, SDPMid: msg.Candidate.SDPMid,
			SDPMLineIndex: msg.Candidate.SDPMLineIndex, UsernameFragment: msg.Candidate.UsernameFragment,
		}
		if p.pc.RemoteDescription() == nil {
			p.remoteCands = append(p.remoteCands, c)
			return
		}
		if err := p.pc.AddICECandidate(c); err != nil && !p.ignoreOffer {
			p.log.Debug("add candidate", "err", err)
		}
	case MsgRestart:
		if p.answered { // before that, the first offer sets ICE up anyway
			p.requestRestart("requested")
		}
	}
}

// onOffer answers a browser offer. The host is the impolite peer of perfect
// negotiation (RFC 8829 glare handling as in the W3C example): while its own
// offer is outstanding it ignores the browser's; the browser, polite, rolls
// its offer back, answers ours and offers again.
func (p *Participant) onOffer(sdp string) {
	if p.answered && !p.transportStarted() {
		p.deferredOffer = sdp
		return
	}
	if p.pc.SignalingState() != webrtc.SignalingStateStable {
		p.ignoreOffer = true
		p.log.Debug("glare: browser offer ignored, ours stands")
		return
	}
	p.ignoreOffer = false
	if err := p.pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeOffer, SDP: sdp}); err != nil {
		p.fail("apply offer", err)
		return
	}
	p.flushCandidates()
	answer, err := p.pc.CreateAnswer(nil)
	if err != nil {
		p.fail("create answer", err)
		return
	}
	if err := p.pc.SetLocalDescription(answer); err != nil {
		p.fail("set answer", err)
		return
	}
	first := !p.answered
	p.answered = true
	p.send(SignalMessage{Type: MsgAnswer, SDP: withStartBitrate(answer.SDP, p.sfu.cfg.StartBitrate)})
	if first && p.held.Load() {
		p.reserve()
	}
}

// transportStarted reports whether pion has started ICE with the first
// negotiation's credentials. pion starts it asynchronously after the first
// answer; a renegotiation applied before that looks to pion like changed
// ICE credentials and restarts ICE (or is overwritten by the late start).
// So renegotiation waits for it, which takes a moment after the answer.
func (p *Participant) transportStarted() bool {
	return p.pc.ICEConnectionState() != webrtc.ICEConnectionStateNew
}

func (p *Participant) flushCandidates() {
	for _, c := range p.remoteCands {
		if err := p.pc.AddICECandidate(c); err != nil {
			p.log.Debug("add early candidate", "err", err)
		}
	}
	p.remoteCands = nil
}

func (p *Participant) learnLabels(tracks []TrackInfo) {
	for _, t := range tracks {
		if !t.Source.valid() {
			continue
		}
		if t.TrackID != "" {
			p.labels["id:"+t.TrackID] = t.Source
		}
		if t.Mid != "" {
			p.labels["mid:"+t.Mid] = t.Source
		}
	}
}

func (p *Participant) requestRestart(reason string) {
	p.needRestart = true
	p.restartReason = reason
}

// subscribe queues forwarding t to this participant (any goroutine).
func (p *Participant) subscribe(t *publishedTrack) {
	p.ops.push(func() {
		for i, x := range p.toRemove {
			if x == t {
				p.toRemove = append(p.toRemove[:i], p.toRemove[i+1:]...)
				return
			}
		}
		if p.subs[t] != nil {
			return
		}
		for _, x := range p.toAdd {
			if x == t {
				return
			}
		}
		p.toAdd = append(p.toAdd, t)
	})
}

// unsubscribe queues removing t from this participant (any goroutine).
func (p *Participant) unsubscribe(t *publishedTrack) {
	p.ops.push(func() {
		for i, x := range p.toAdd {
			if x == t {
				p.toAdd = append(p.toAdd[:i], p.toAdd[i+1:]...)
				return
			}
		}
		if p.subs[t] != nil {
			p.toRemove = append(p.toRemove, t)
		}
	})
}

// negotiate sends an offer when something changed and the state allows it:
// after the browser's first offer was answered, and only from stable.
// Transceivers are added right here, just before the offer, so a browser
// offer can never claim them half-way.
func (p *Participant) negotiate() {
	if !p.answered || p.pc.SignalingState() != webrtc.SignalingStateStable || !p.transportStarted() {
		return
	}
	if len(p.toAdd) == 0 && len(p.toRemove) == 0 && !p.needOffer && !p.needRestart {
		return
	}
	var ended []TrackInfo
	for _, t := range p.toRemove {
		sub := p.subs[t]
		delete(p.subs, t)
		if sub == nil {
			continue
		}
		if err := p.pc.RemoveTrack(sub.sender); err != nil {
			p.log.Debug("remove track", "track", t.info.TrackID, "err", err)
		}
		ended = append(ended, sub.info)
	}
	p.toRemove = nil
	var added []*subscription
	for _, t := range p.toAdd {
		if t.isEnded() {
			continue
		}
		sub, err := p.addSubscription(t)
		if err != nil {
			p.log.Warn("subscribe", "track", t.info.TrackID, "err", err)
			continue
		}
		p.subs[t] = sub
		added = append(added, sub)
		p.wg.Add(1)
		go p.readSenderRTCP(sub, t)
	}
	p.toAdd = nil

	restart := p.needRestart
	offer, err := p.pc.CreateOffer(&webrtc.OfferOptions{ICERestart: restart})
	if err != nil {
		p.fail("create offer", err)
		return
	}
	if err := p.pc.SetLocalDescription(offer); err != nil {
		p.fail("set offer", err)
		return
	}
	p.needOffer = false
	p.needRestart = false
	if restart {
		p.sfu.emit(Event{Type: EventICERestart, Room: p.room.id, Participant: p.info, Reason: p.restartReason})
	}
	if len(ended) > 0 {
		p.send(SignalMessage{Type: MsgTrackEnded, Tracks: ended})
	}
	if len(added) > 0 {
		infos := make([]TrackInfo, 0, len(added))
		for _, sub := range added {
			for _, tr := range p.pc.GetTransceivers() {
				if tr.Sender() == sub.sender {
					sub.info.Mid = tr.Mid()
				}
			}
			infos = append(infos, sub.info)
		}
		p.send(SignalMessage{Type: MsgTrackInfo, Tracks: infos})
	}
	p.send(SignalMessage{Type: MsgOffer, SDP: withStartBitrate(offer.SDP, p.sfu.cfg.StartBitrate)})
}

// readSenderRTCP reads a viewer's RTCP for one forwarded track (NACKs are
// answered by the interceptor on the way) and passes keyframe requests on to
// the publisher.
func (p *Participant) readSenderRTCP(sub *subscription, t *publishedTrack) {
	defer p.wg.Done()
	for {
		pkts, _, err := sub.sender.ReadRTCP()
		if err != nil {
			return
		}
		for _, pkt := range pkts {
			switch pkt.(type) {
			case *rtcp.PictureLossIndication, *rtcp.FullIntraRequest:
				t.requestFirstKeyframe(sub.since.Load())
			}
		}
	}
}

// onTrack starts forwarding and recording a track the browser publishes
// (loop goroutine).
func (p *Participant) onTrack(remote *webrtc.TrackRemote, recv *webrtc.RTPReceiver) {
	kind := KindAudio
	if remote.Kind() == webrtc.RTPCodecTypeVideo {
		kind = KindVideo
	}
	mid := ""
	if tr := recv.RTPTransceiver(); tr != nil {
		mid = tr.Mid()
	}
	if t := p.claim(mid, remote); t != nil {
		p.startForwarding(t, remote, recv)
		p.room.announce(t)
		return
	}
	source, ok := p.labels["id:"+remote.ID()]
	if !ok {
		source, ok = p.labels["mid:"+mid]
	}
	if !ok {
		source = SourceCamera
		if kind == KindAudio {
			source = SourceMicrophone
		}
	}
	info := p.trackInfo(remote.StreamID(), kind, source, remote.Codec().MimeType)
	t, err := newPublishedTrack(p, remote, info)
	if err != nil {
		p.log.Warn("publish", "track", info.TrackID, "err", err)
		return
	}
	p.log.Info("track published", "track", info.TrackID, "kind", kind, "source", source, "codec", info.Codec)
	// Published (and so recorded, when the room records) before the first
	// packet is read: the recording starts at the track's first keyframe.
	// A held participant's track waits for Admit, dropping what comes.
	if p.held.Load() {
		t.live.Store(false)
		p.unheard = append(p.unheard, t)
	} else if !p.room.publish(t) {
		t.markEnded()
	}
	p.startForwarding(t, remote, recv)
}

// trackInfo names a new track of this participant: the host's stream ID for
// the browser's stream (one per browser stream), a track ID unique in the
// room (loop goroutine).
func (p *Participant) trackInfo(browserStream string, kind Kind, source Source, mime string) TrackInfo {
	stream, ok := p.streams[browserStream]
	if !ok {
		stream = fmt.Sprintf("%s-%d", shortID(p.info.ID), len(p.streams))
		p.streams[browserStream] = stream
	}
	p.nextTrack++
	return TrackInfo{
		TrackID:         stream + "-" + string(kind) + "-" + strconv.Itoa(p.nextTrack),
		StreamID:        stream,
		Kind:            kind,
		Source:          source,
		Codec:           codecName(mime),
		ParticipantID:   p.info.ID,
		ParticipantName: p.info.Name,
	}
}

// startForwarding reads the track's RTCP (for the interceptors) and forwards
// its RTP until it ends.
func (p *Participant) startForwarding(t *publishedTrack, remote *webrtc.TrackRemote, recv *webrtc.RTPReceiver) {
	p.wg.Add(2)
	go func() {
		defer p.wg.Done()
		for {
			if _, _, err := recv.ReadRTCP(); err != nil {
				return
			}
		}
	}()
	go func() {
		defer p.wg.Done()
		t.forward(remote)
	}()
}

func (p *Participant) onConnectionState(st webrtc.PeerConnectionState) {
	p.mu.Lock()
	p.state = st
	switch st {
	case webrtc.PeerConnectionStateConnected:
		if p.disconnect != nil {
			p.disconnect.Stop()
			p.disconnect = nil
		}
	case webrtc.PeerConnectionStateDisconnected, webrtc.PeerConnectionStateFailed:
		if p.disconnect == nil && p.leaveReason == "" {
			p.disconnect = time.AfterFunc(p.sfu.cfg.DisconnectTimeout, func() {
				p.log.Info("disconnected too long, removing")
				p.close(ReasonTimeout)
			})
		}
	}
	p.mu.Unlock()

	p.sfu.emit(Event{Type: EventConnectionState, Room: p.room.id, Participant: p.info,
		State: st.String(), SinceJoin: p.sfu.cfg.Now().Sub(p.joined)})
	switch st {
	case webrtc.PeerConnectionStateFailed:
		p.ops.push(func() { p.requestRestart("failed") })
	case webrtc.PeerConnectionStateConnected:
		// Viewers that subscribed before the transport was up missed the
		// keyframe their subscription asked for: ask again (a held
		// viewer's silent ones ask when it is admitted).
		p.ops.push(func() {
			for t, sub := range p.subs {
				if sub.silent == nil {
					t.requestKeyframe()
				}
			}
		})
	}
}
