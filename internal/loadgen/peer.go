package loadgen

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/pion/ice/v4"
	"github.com/pion/interceptor"
	"github.com/pion/rtp"
	"github.com/pion/transport/v5"
	"github.com/pion/transport/v5/stdnet"
	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media"

	hostmedia "github.com/interviewdesk/interviewdesk/internal/media"
)

// peer is one participant: a room WebSocket and a pion peer connection that
// follow what the room app does (frontend/src/room/media/peer.ts): send-only
// camera and microphone transceivers labelled for the host, trickle ICE, the
// host's renegotiation offers answered as the polite peer.
type peer struct {
	role string
	log  *slog.Logger
	ws   *websocket.Conn
	pc   *webrtc.PeerConnection
	m    *Media
	// consentTexts is the version of the consent texts the host's welcome
	// showed (candidates only): their ready names it.
	consentTexts string

	video, audio         *webrtc.TrackLocalStaticSample
	sentVideo, sentAudio sentStream
	recvVideo, recvAudio receivedStream
	frames, packets      atomic.Int64 // media sent: video frames, audio packets
	gotVideo, gotAudio   chan struct{}
	gotOnce              [2]sync.Once

	ops       chan func() // signalling, applied in order on one goroutine
	connected chan struct{}
	connOnce  sync.Once
	stopSend  chan struct{}
	stopOnce  sync.Once
	quit      chan struct{}
	quitOnce  sync.Once
	wg        sync.WaitGroup

	mu      sync.Mutex
	acks    map[int]chan string
	nextID  int
	errs    []string
	closed  string // the host's reason, when it closed the socket
	offered bool
	pending []webrtc.ICECandidateInit // before the remote description
	// deferred is a host offer that came before ICE started (pion would
	// read it as changed credentials).
	deferred *hostmedia.SignalMessage
}

// sendCounter is an interceptor, outermost, that counts what the tracks
// write (so NACK retransmissions are not counted as sent).
type sendCounter struct {
	interceptor.NoOp
	p *peer
}

func (c *sendCounter) NewInterceptor(string) (interceptor.Interceptor, error) { return c, nil }

func (c *sendCounter) BindLocalStream(info *interceptor.StreamInfo, w interceptor.RTPWriter) interceptor.RTPWriter {
	s := &c.p.sentAudio
	if strings.HasPrefix(strings.ToLower(info.MimeType), "video/") {
		s = &c.p.sentVideo
	}
	return interceptor.RTPWriterFunc(func(h *rtp.Header, payload []byte, a interceptor.Attributes) (int, error) {
		n, err := w.Write(h, payload, a)
		if err == nil {
			s.sent(h.SequenceNumber)
		}
		return n, err
	})
}

// peerSocketBuffer is what each participant's socket asks for, as the
// host's does: a drop at the load generator would count as forwarding loss.
const peerSocketBuffer = 4 << 20

// deepBuffers is the machine's network, whose UDP sockets (the ICE host
// candidates) ask for deep buffers.
type deepBuffers struct{ *stdnet.Net }

func (n deepBuffers) ListenUDP(network string, laddr *net.UDPAddr) (transport.UDPConn, error) {
	c, err := net.ListenUDP(network, laddr)
	if err != nil {
		return nil, err
	}
	_ = c.SetReadBuffer(peerSocketBuffer)
	_ = c.SetWriteBuffer(peerSocketBuffer)
	return c, nil
}

// newAPI is a browser-like pion stack: VP8 and Opus with NACK, PLI, FIR and
// transport-wide sequence numbers (so the host runs its congestion control
// feedback), RTCP reports, and host candidates on the host's interface only.
func newAPI(p *peer, host net.IP) (*webrtc.API, error) {
	m := &webrtc.MediaEngine{}
	fb := []webrtc.RTCPFeedback{{Type: "ccm", Parameter: "fir"}, {Type: webrtc.TypeRTCPFBTransportCC}}
	if err := m.RegisterCodec(webrtc.RTPCodecParameters{
		RTPCodecCapability: webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8, ClockRate: 90000, RTCPFeedback: fb},
		PayloadType:        96,
	}, webrtc.RTPCodecTypeVideo); err != nil {
		return nil, fmt.Errorf("register vp8: %w", err)
	}
	if err := m.RegisterCodec(webrtc.RTPCodecParameters{
		RTPCodecCapability: webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2,
			SDPFmtpLine: "minptime=10;useinbandfec=1", RTCPFeedback: []webrtc.RTCPFeedback{{Type: webrtc.TypeRTCPFBTransportCC}}},
		PayloadType: 111,
	}, webrtc.RTPCodecTypeAudio); err != nil {
		return nil, fmt.Errorf("register opus: %w", err)
	}
	reg := &interceptor.Registry{}
	if err := webrtc.ConfigureNack(m, reg); err != nil {
		return nil, fmt.Errorf("configure nack: %w", err)
	}
	if err := webrtc.ConfigureRTCPReports(reg); err != nil {
		return nil, fmt.Errorf("configure rtcp reports: %w", err)
	}
	if err := webrtc.ConfigureTWCCHeaderExtensionSender(m, reg); err != nil {
		return nil, fmt.Errorf("configure twcc: %w", err)
	}
	reg.Add(&sendCounter{p: p})
	se := webrtc.SettingEngine{}
	se.SetNetworkTypes([]webrtc.NetworkType{webrtc.NetworkTypeUDP4})
	se.SetICEMulticastDNSMode(ice.MulticastDNSModeDisabled)
	se.SetIncludeLoopbackCandidate(true)
	se.SetIPFilter(func(ip net.IP) bool { return ip.Equal(host) }) // the host's interface only
	sys, err := stdnet.NewNet()
	if err != nil {
		return nil, fmt.Errorf("network interfaces: %w", err)
	}
	se.SetNet(deepBuffers{sys})
	return webrtc.NewAPI(webrtc.WithMediaEngine(m), webrtc.WithInterceptorRegistry(reg), webrtc.WithSettingEngine(se)), nil
}

// dialPeer opens the room WebSocket of link (a /join/ or /room/ URL on
// base), from the local address from when it is set, and prepares the peer
// connection with its camera and microphone.
func dialPeer(ctx context.Context, base, link, role string, from net.IP, m *Media, log *slog.Logger) (*peer, error) {
	token := link[strings.LastIndex(link, "/")+1:]
	wsURL := "ws" + strings.TrimPrefix(base, "http") + "/ws/" + token
	opts := &websocket.DialOptions{HTTPHeader: http.Header{"Origin": {base}}}
	if from != nil {
		d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: from}}
		opts.HTTPClient = &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
	}
	ws, _, err := websocket.Dial(ctx, wsURL, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: open the room socket: %w", role, err)
	}
	ws.SetReadLimit(4 << 20)
	p := &peer{role: role, log: log.With("role", role), ws: ws, m: m,
		gotVideo: make(chan struct{}), gotAudio: make(chan struct{}),
		ops: make(chan func(), 256), connected: make(chan struct{}), stopSend: make(chan struct{}),
		quit: make(chan struct{}), acks: map[int]chan string{}}
	if err := p.readWelcome(ctx); err != nil {
		_ = ws.CloseNow()
		return nil, err
	}
	if err := p.setup(base); err != nil {
		_ = ws.CloseNow()
		return nil, err
	}
	p.wg.Add(2)
	go p.readLoop()
	go p.opLoop()
	return p, nil
}

// readWelcome reads the host's messages up to its welcome, as the room app
// does before it shows its page (a presence broadcast may come first).
func (p *peer) readWelcome(ctx context.Context) error {
	for range 50 {
		var w struct {
			Type    string `json:"type"`
			Consent *struct {
				Version string `json:"version"`
			} `json:"consent"`
		}
		if err := wsjson.Read(ctx, p.ws, &w); err != nil {
			return fmt.Errorf("%s: read the welcome: %w", p.role, err)
		}
		if w.Type != "welcome" {
			continue
		}
		if w.Consent != nil {
			p.consentTexts = w.Consent.Version
		}
		return nil
	}
	return fmt.Errorf("%s: no welcome in the host's first 50 messages", p.role)
}

func (p *peer) setup(base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("host URL %q: %w", base, err)
	}
	ip := net.ParseIP(u.Hostname())
	if ip == nil {
		ip = net.IPv4(127, 0, 0, 1)
	}
	api, err := newAPI(p, ip)
	if err != nil {
		return err
	}
	if p.pc, err = api.NewPeerConnection(webrtc.Configuration{BundlePolicy: webrtc.BundlePolicyMaxBundle}); err != nil {
		return fmt.Errorf("%s: peer connection: %w", p.role, err)
	}
	stream := p.role + "-camera"
	if p.video, err = webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8}, p.role+"-video", stream); err != nil {
		return fmt.Errorf("%s: video track: %w", p.role, err)
	}
	if p.audio, err = webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus}, p.role+"-audio", stream); err != nil {
		return fmt.Errorf("%s: audio track: %w", p.role, err)
	}
	for _, t := range []*webrtc.TrackLocalStaticSample{p.audio, p.video} {
		tr, err := p.pc.AddTransceiverFromTrack(t, webrtc.RTPTransceiverInit{Direction: webrtc.RTPTransceiverDirectionSendonly})
		if err != nil {
			return fmt.Errorf("%s: transceiver: %w", p.role, err)
		}
		p.wg.Add(1)
		go p.drainRTCP(tr.Sender())
	}
	p.pc.OnICECandidate(func(c *webrtc.ICECandidate) {
		if c == nil {
			return
		}
		init := c.ToJSON()
		p.signal(hostmedia.SignalMessage{Type: hostmedia.MsgCandidate, Candidate: &hostmedia.ICECandidate{
			Candidate: init.Candidate, SDPMid: init.SDPMid, SDPMLineIndex: init.SDPMLineIndex, UsernameFragment: init.UsernameFragment}})
	})
	p.pc.OnConnectionStateChange(func(s webrtc.PeerConnectionState) {
		if s == webrtc.PeerConnectionStateConnected {
			p.connOnce.Do(func() {
				close(p.connected)
				p.startSending()
			})
		}
	})
	p.pc.OnICEConnectionStateChange(func(s webrtc.ICEConnectionState) {
		if s != webrtc.ICEConnectionStateNew {
			p.do(p.applyDeferred)
		}
	})
	p.pc.OnTrack(p.onTrack)
	return nil
}

func (p *peer) drainRTCP(s *webrtc.RTPSender) {
	defer p.wg.Done()
	for {
		if _, _, err := s.ReadRTCP(); err != nil {
			return
		}
	}
}

// onTrack counts what the host forwards, by kind: in a 1:1 interview the
// other participant's camera and microphone.
func (p *peer) onTrack(t *webrtc.TrackRemote, _ *webrtc.RTPReceiver) {
	got, first, once := &p.recvAudio, p.gotAudio, &p.gotOnce[0]
	if t.Kind() == webrtc.RTPCodecTypeVideo {
		got, first, once = &p.recvVideo, p.gotVideo, &p.gotOnce[1]
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		buf := make([]byte, 1500)
		for {
			n, _, err := t.Read(buf)
			if err != nil {
				return
			}
			if n < 12 {
				continue
			}
			got.received(binary.BigEndian.Uint16(buf[2:4]))
			once.Do(func() { close(first) })
		}
	}()
}

// startSending writes the media in real time, looping, until stopSending.
func (p *peer) startSending() {
	p.wg.Add(2)
	go p.pump(p.video, p.m.Video, p.m.FrameDur, &p.frames)
	go p.pump(p.audio, p.m.Audio, p.m.AudioDur, &p.packets)
}

func (p *peer) pump(t *webrtc.TrackLocalStaticSample, frames [][]byte, dur time.Duration, count *atomic.Int64) {
	defer p.wg.Done()
	tick := time.NewTicker(dur)
	defer tick.Stop()
	for i := 0; ; i++ {
		if err := t.WriteSample(media.Sample{Data: frames[i%len(frames)], Duration: dur}); err != nil {
			return
		}
		count.Add(1)
		select {
		case <-tick.C:
		case <-p.stopSend:
			return
		case <-p.quit:
			return
		}
	}
}

func (p *peer) stopSending() { p.stopOnce.Do(func() { close(p.stopSend) }) }

// mediaSent is how much media the peer sent: video and audio.
func (p *peer) mediaSent() (video, audio time.Duration) {
	return time.Duration(p.frames.Load()) * p.m.FrameDur, time.Duration(p.packets.Load()) * p.m.AudioDur
}

// close hangs up: the peer connection, then the socket (the host then lets
// go of the participant's call, ending its tracks and recordings).
func (p *peer) close() {
	p.stopSending()
	p.quitOnce.Do(func() { close(p.quit) })
	_ = p.pc.Close()
	_ = p.ws.Close(websocket.StatusNormalClosure, "leaving")
	p.wg.Wait()
}

// serverMessage is what the loader reads of the host's room messages.
type serverMessage struct {
	Type   string                   `json:"type"`
	ID     int                      `json:"id"`
	Error  string                   `json:"error"`
	Reason string                   `json:"reason"`
	Signal *hostmedia.SignalMessage `json:"signal"`
}

func (p *peer) readLoop() {
	defer p.wg.Done()
	defer p.quitOnce.Do(func() { close(p.quit) })
	for {
		var msg serverMessage
		if err := wsjson.Read(context.Background(), p.ws, &msg); err != nil {
			return
		}
		switch msg.Type {
		case "ack":
			p.acked(msg.ID, msg.Error)
		case "signal":
			if msg.Signal != nil {
				sig := *msg.Signal
				p.do(func() { p.handle(sig) })
			}
		case "closed":
			p.mu.Lock()
			p.closed = msg.Reason
			p.mu.Unlock()
		}
	}
}

func (p *peer) opLoop() {
	defer p.wg.Done()
	for {
		select {
		case op := <-p.ops:
			op()
		case <-p.quit:
			return
		}
	}
}

// do queues op for the signalling goroutine.
func (p *peer) do(op func()) {
	select {
	case p.ops <- op:
	case <-p.quit:
	}
}

func (p *peer) acked(id int, errText string) {
	p.mu.Lock()
	ch, ok := p.acks[id]
	delete(p.acks, id)
	if !ok && errText != "" {
		p.errs = append(p.errs, errText)
	}
	p.mu.Unlock()
	if ok {
		ch <- errText
	}
}

// request sends msg with a fresh id and waits for the host's ack.
func (p *peer) request(ctx context.Context, msg map[string]any) error {
	ack, err := p.send(ctx, msg)
	if err != nil {
		return err
	}
	return p.await(ctx, msg["type"], ack)
}

// send gives msg a fresh id and sends it; the host's ack (its error text,
// "" when accepted) arrives on the channel returned.
func (p *peer) send(ctx context.Context, msg map[string]any) (<-chan string, error) {
	ch := make(chan string, 1)
	p.mu.Lock()
	p.nextID++
	id := p.nextID
	p.acks[id] = ch
	p.mu.Unlock()
	msg["id"] = id
	if err := wsjson.Write(ctx, p.ws, msg); err != nil {
		return nil, fmt.Errorf("%s: send %s: %w", p.role, msg["type"], err)
	}
	return ch, nil
}

// await waits for the ack of a message of type typ sent with send.
func (p *peer) await(ctx context.Context, typ any, ack <-chan string) error {
	select {
	case e := <-ack:
		if e != "" {
			return fmt.Errorf("%s: %s refused: %s", p.role, typ, e)
		}
		return nil
	case <-p.quit:
		return fmt.Errorf("%s: %s: the room socket closed (%s)", p.role, typ, p.closedReason())
	case <-ctx.Done():
		return fmt.Errorf("%s: %s: no answer: %w", p.role, typ, ctx.Err())
	}
}

func (p *peer) closedReason() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.closed
}

// signal sends one media signalling message, as the room app does.
func (p *peer) signal(s hostmedia.SignalMessage) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := wsjson.Write(ctx, p.ws, map[string]any{"type": "signal", "signal": s}); err != nil {
		p.fail(fmt.Errorf("send %s: %w", s.Type, err))
	}
}

func (p *peer) fail(err error) {
	select {
	case <-p.quit:
		return // hanging up: pion's calls fail then
	default:
	}
	if errors.Is(err, webrtc.ErrConnectionClosed) {
		return
	}
	p.mu.Lock()
	p.errs = append(p.errs, err.Error())
	p.mu.Unlock()
	p.log.Warn("signalling", "err", err)
}

// errors returns what went wrong for this peer so far.
func (p *peer) errors() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errs...)
}

// handle applies one host signal (signalling goroutine).
func (p *peer) handle(s hostmedia.SignalMessage) {
	switch s.Type {
	case hostmedia.MsgConfig:
		p.offer()
	case hostmedia.MsgOffer:
		if p.pc.ICEConnectionState() == webrtc.ICEConnectionStateNew && p.pc.CurrentRemoteDescription() != nil {
			p.deferred = &s
			return
		}
		p.answer(s.SDP)
	case hostmedia.MsgAnswer:
		if err := p.pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeAnswer, SDP: s.SDP}); err != nil {
			p.fail(fmt.Errorf("apply answer: %w", err))
			return
		}
		p.flushCandidates()
	case hostmedia.MsgCandidate:
		if s.Candidate == nil || s.Candidate.Candidate == "" {
			return
		}
		c := webrtc.ICECandidateInit{Candidate: s.Candidate.Candidate, SDPMid: s.Candidate.SDPMid,
			SDPMLineIndex: s.Candidate.SDPMLineIndex, UsernameFragment: s.Candidate.UsernameFragment}
		if p.pc.RemoteDescription() == nil {
			p.pending = append(p.pending, c)
			return
		}
		if err := p.pc.AddICECandidate(c); err != nil {
			p.fail(fmt.Errorf("add candidate: %w", err))
		}
	case hostmedia.MsgError:
		p.fail(fmt.Errorf("host: %s", s.Error))
	}
}

func (p *peer) applyDeferred() {
	if s := p.deferred; s != nil {
		p.deferred = nil
		p.answer(s.SDP)
	}
}

// offer sends the first offer, with the tracks' labels.
func (p *peer) offer() {
	if p.offered {
		return
	}
	p.offered = true
	o, err := p.pc.CreateOffer(nil)
	if err != nil {
		p.fail(fmt.Errorf("create offer: %w", err))
		return
	}
	if err := p.pc.SetLocalDescription(o); err != nil {
		p.fail(fmt.Errorf("set offer: %w", err))
		return
	}
	labels := []hostmedia.TrackInfo{
		{TrackID: p.audio.ID(), Source: hostmedia.SourceMicrophone},
		{TrackID: p.video.ID(), Source: hostmedia.SourceCamera},
	}
	p.signal(hostmedia.SignalMessage{Type: hostmedia.MsgOffer, SDP: o.SDP, Tracks: labels})
}

func (p *peer) answer(sdp string) {
	if err := p.pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeOffer, SDP: sdp}); err != nil {
		p.fail(fmt.Errorf("apply host offer: %w", err))
		return
	}
	p.flushCandidates()
	a, err := p.pc.CreateAnswer(nil)
	if err != nil {
		p.fail(fmt.Errorf("create answer: %w", err))
		return
	}
	if err := p.pc.SetLocalDescription(a); err != nil {
		p.fail(fmt.Errorf("set answer: %w", err))
		return
	}
	p.signal(hostmedia.SignalMessage{Type: hostmedia.MsgAnswer, SDP: a.SDP})
}

func (p *peer) flushCandidates() {
	for _, c := range p.pending {
		if err := p.pc.AddICECandidate(c); err != nil {
			p.fail(fmt.Errorf("add candidate: %w", err))
		}
	}
	p.pending = nil
}

// flowing reports whether the peer receives the other side's video and audio.
func (p *peer) flowing() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, ch := range []chan struct{}{p.gotVideo, p.gotAudio} {
			select {
			case <-ch:
			case <-p.quit:
				return
			}
		}
	}()
	return done
}
