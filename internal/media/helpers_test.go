package media

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pion/ice/v4"
	"github.com/pion/interceptor"
	"github.com/pion/rtp"
	"github.com/pion/sdp/v3"
	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media"
	"github.com/pion/webrtc/v4/pkg/media/ivfreader"
	"github.com/pion/webrtc/v4/pkg/media/oggreader"

	"github.com/interviewdesk/interviewdesk/internal/testmain"
)

// testMedia is pre-encoded media made once with ffmpeg: VP8 at 20 fps with a
// keyframe every second, and Opus in 20 ms packets.
type testMedia struct {
	vp8, vp9   [][]byte
	frameDur   time.Duration
	opus       [][]byte
	opusDur    time.Duration
	vp9Enabled bool
}

var sharedMedia testMedia

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "media-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	err = makeTestMedia(dir, &sharedMedia)
	os.RemoveAll(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "media tests need ffmpeg with libvpx and libopus (apt-get install ffmpeg):", err)
		os.Exit(1)
	}
	testmain.Run(m, 5*time.Minute)
}

func makeTestMedia(dir string, tm *testMedia) error {
	ivf := filepath.Join(dir, "test.ivf")
	ivf9 := filepath.Join(dir, "test9.ivf")
	ogg := filepath.Join(dir, "test.ogg")
	cmds := [][]string{
		{"-f", "lavfi", "-i", "testsrc=size=320x240:rate=20", "-t", "3", "-c:v", "libvpx", "-b:v", "300k", "-g", "20", "-auto-alt-ref", "0", ivf},
		{"-f", "lavfi", "-i", "testsrc=size=320x240:rate=20", "-t", "2", "-c:v", "libvpx-vp9", "-b:v", "300k", "-g", "20", "-deadline", "realtime", "-cpu-used", "8", ivf9},
		{"-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "3", "-c:a", "libopus", "-b:a", "48k", "-frame_duration", "20", "-page_duration", "20000", ogg},
	}
	for _, args := range cmds {
		out, err := exec.Command("ffmpeg", append([]string{"-nostdin", "-hide_banner", "-loglevel", "error", "-y"}, args...)...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("ffmpeg %v: %w: %s", args, err, out)
		}
	}
	var err error
	if tm.vp8, tm.frameDur, err = readIVF(ivf); err != nil {
		return err
	}
	if tm.vp9, _, err = readIVF(ivf9); err != nil {
		return err
	}
	tm.opusDur = 20 * time.Millisecond
	f, err := os.Open(ogg)
	if err != nil {
		return err
	}
	defer f.Close()
	r, _, err := oggreader.NewWith(f)
	if err != nil {
		return err
	}
	for {
		page, _, err := r.ParseNextPage()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if bytes.HasPrefix(page, []byte("OpusTags")) {
			continue
		}
		tm.opus = append(tm.opus, page)
	}
	return nil
}

func readIVF(path string) ([][]byte, time.Duration, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	r, h, err := ivfreader.NewWith(f)
	if err != nil {
		return nil, 0, err
	}
	var frames [][]byte
	for {
		frame, _, err := r.ParseNextFrame()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, err
		}
		frames = append(frames, frame)
	}
	dur := time.Second * time.Duration(h.TimebaseNumerator) / time.Duration(h.TimebaseDenominator)
	return frames, dur, nil
}

// testHost is an SFU on a loopback UDP port.
type testHost struct {
	sfu    *SFU
	dir    string
	events *eventLog
}

type hostOption func(*Config)

func newTestHost(t testing.TB, opts ...hostOption) *testHost {
	t.Helper()
	conn, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := &testHost{dir: t.TempDir(), events: &eventLog{}}
	cfg := Config{
		ICEConn:                  conn,
		IncludeLoopbackCandidate: true,
		RecordDir:                h.dir,
		OnEvent:                  h.events.add,
	}
	for _, o := range opts {
		o(&cfg)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		level := slog.LevelInfo
		if os.Getenv("MEDIA_TEST_DEBUG") != "" {
			level = slog.LevelDebug
		}
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	}
	s, err := New(cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	h.sfu = s
	t.Cleanup(func() { _ = s.Close() })
	return h
}

// flushEvents waits until every event emitted so far was delivered.
func (h *testHost) flushEvents(t testing.TB) {
	t.Helper()
	const sentinel EventType = "test-sentinel"
	h.sfu.emit(Event{Type: sentinel})
	waitFor(t, testTimeout, "event delivery", func() bool {
		return len(h.events.find(func(e Event) bool { return e.Type == sentinel })) > 0
	})
}

type eventLog struct {
	mu     sync.Mutex
	events []Event
}

func (l *eventLog) add(e Event) {
	l.mu.Lock()
	l.events = append(l.events, e)
	l.mu.Unlock()
}

func (l *eventLog) find(match func(Event) bool) []Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []Event
	for _, e := range l.events {
		if match(e) {
			out = append(out, e)
		}
	}
	return out
}

// testPeer is a browser stand-in: a pion peer connection that follows the
// protocol in doc.go as the polite peer, publishing pre-encoded media.
type testPeer struct {
	t    testing.TB
	name string
	pc   *webrtc.PeerConnection
	sess Session

	ops     *opQueue // inbound messages and test actions, one goroutine
	toHost  *opQueue // outbound messages, in order
	quit    chan struct{}
	wg      sync.WaitGroup
	stopPub chan struct{}

	connected chan struct{}
	connOnce  sync.Once

	mu        sync.Mutex
	infos     map[string]TrackInfo // host track-info by mid
	ended     map[string]bool      // by host track ID
	recv      map[string]*recvTrack
	errs      []string
	iceConfig []ICEServer
	rollbacks int
	sent      map[string]*atomic.Int64 // samples sent per local track ID
	rtpSent   atomic.Int64             // RTP packets sent, all tracks, retransmissions not counted
	offers    atomic.Int64             // offers received from the host

	// deliver, when set, carries messages to the host instead of sess
	// (the benchmark's clients run in another process).
	deliver       func(SignalMessage)
	offerOnConfig bool

	// handler-goroutine state
	labels     []TrackInfo
	wantOffer  bool
	crossOffer *SignalMessage // glare test: our offer held back until the host's offer arrives
	deferred   *SignalMessage // host offer that came before ICE started
}

type recvTrack struct {
	mid      string
	streamID string
	codec    string
	packets  atomic.Int64
	done     atomic.Bool
}

// rtpCounter is an interceptor (and its own factory) that counts the RTP
// packets a peer's tracks write.
type rtpCounter struct {
	interceptor.NoOp
	n *atomic.Int64
}

func (c *rtpCounter) NewInterceptor(string) (interceptor.Interceptor, error) { return c, nil }

func (c *rtpCounter) BindLocalStream(_ *interceptor.StreamInfo, w interceptor.RTPWriter) interceptor.RTPWriter {
	return interceptor.RTPWriterFunc(func(h *rtp.Header, payload []byte, a interceptor.Attributes) (int, error) {
		n, err := w.Write(h, payload, a)
		if err == nil {
			c.n.Add(1)
		}
		return n, err
	})
}

func newTestPeer(t testing.TB, name string, networks ...webrtc.NetworkType) *testPeer {
	t.Helper()
	m := &webrtc.MediaEngine{}
	if err := m.RegisterDefaultCodecs(); err != nil {
		t.Fatal(err)
	}
	reg := &interceptor.Registry{}
	if err := webrtc.RegisterDefaultInterceptors(m, reg); err != nil {
		t.Fatal(err)
	}
	counter := &rtpCounter{}
	reg.Add(counter) // last, so outermost: it sees what the tracks write, not NACK resends
	se := webrtc.SettingEngine{}
	se.SetIncludeLoopbackCandidate(true)
	if len(networks) == 0 {
		networks = []webrtc.NetworkType{webrtc.NetworkTypeUDP4}
	}
	se.SetNetworkTypes(networks)
	se.SetICEMulticastDNSMode(ice.MulticastDNSModeDisabled)
	se.SetIPFilter(func(ip net.IP) bool { return ip.IsLoopback() }) // loopback only
	api := webrtc.NewAPI(webrtc.WithMediaEngine(m), webrtc.WithInterceptorRegistry(reg), webrtc.WithSettingEngine(se))
	pc, err := api.NewPeerConnection(webrtc.Configuration{})
	if err != nil {
		t.Fatal(err)
	}
	p := &testPeer{
		t: t, name: name, pc: pc,
		ops: newOpQueue(), toHost: newOpQueue(), quit: make(chan struct{}), stopPub: make(chan struct{}),
		connected: make(chan struct{}),
		infos:     map[string]TrackInfo{}, ended: map[string]bool{}, recv: map[string]*recvTrack{},
		sent: map[string]*atomic.Int64{},
	}
	counter.n = &p.rtpSent
	pc.OnICEConnectionStateChange(func(webrtc.ICEConnectionState) {
		p.ops.push(func() {
			if m := p.deferred; m != nil && p.pc.ICEConnectionState() != webrtc.ICEConnectionStateNew {
				p.deferred = nil
				p.handle(*m)
			}
		})
	})
	pc.OnConnectionStateChange(func(s webrtc.PeerConnectionState) {
		if s == webrtc.PeerConnectionStateConnected {
			p.connOnce.Do(func() { close(p.connected) })
		}
	})
	pc.OnICECandidate(func(c *webrtc.ICECandidate) {
		if c == nil {
			return
		}
		init := c.ToJSON()
		p.sendHost(SignalMessage{Type: MsgCandidate, Candidate: &ICECandidate{Candidate: init.Candidate, SDPMid: init.SDPMid, SDPMLineIndex: init.SDPMLineIndex}})
	})
	pc.OnTrack(func(tr *webrtc.TrackRemote, recv *webrtc.RTPReceiver) {
		rt := &recvTrack{mid: recv.RTPTransceiver().Mid(), streamID: tr.StreamID(), codec: codecName(tr.Codec().MimeType)}
		p.mu.Lock()
		p.recv[rt.mid+"/"+tr.ID()] = rt
		p.mu.Unlock()
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			defer rt.done.Store(true)
			buf := make([]byte, 1500)
			for {
				if _, _, err := tr.Read(buf); err != nil {
					return
				}
				rt.packets.Add(1)
			}
		}()
	})
	p.wg.Add(2)
	go p.loop(p.ops, func(op func()) { op() })
	go p.loop(p.toHost, func(op func()) { op() })
	return p
}

// errorf fails the test unless the peer is shutting down (then pion
// calls fail with "connection closed", which is expected).
func (p *testPeer) errorf(format string, args ...any) {
	select {
	case <-p.quit:
		return
	default:
	}
	// The host closing the room (or this participant) ends the DTLS session
	// under a negotiation in flight; pion then answers "connection closed".
	// That is the end of the call, not a fault.
	for _, a := range args {
		if err, ok := a.(error); ok && errors.Is(err, webrtc.ErrConnectionClosed) {
			return
		}
	}
	p.t.Errorf(format, args...)
}

func (p *testPeer) loop(q *opQueue, run func(func())) {
	defer p.wg.Done()
	for {
		select {
		case <-p.quit:
			return
		case <-q.wake:
		}
		for _, op := range q.take() {
			run(op)
		}
	}
}

// Send implements Signal: the host's messages, JSON round-tripped like a
// WebSocket would, handled in order on the peer's goroutine.
func (p *testPeer) Send(msg SignalMessage) error {
	b, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	var m SignalMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	if !p.ops.push(func() { p.handle(m) }) {
		return io.ErrClosedPipe
	}
	return nil
}

func (p *testPeer) sendHost(msg SignalMessage) {
	b, _ := json.Marshal(msg)
	p.toHost.push(func() {
		var m SignalMessage
		_ = json.Unmarshal(b, &m)
		if p.deliver != nil {
			p.deliver(m)
			return
		}
		p.mu.Lock()
		sess := p.sess
		p.mu.Unlock()
		if sess == nil {
			return
		}
		if err := sess.HandleSignal(m); err != nil && !errors.Is(err, ErrClosed) {
			p.errorf("%s: HandleSignal(%s): %v", p.name, m.Type, err)
		}
	})
}

// join joins the room and sends the first offer with whatever tracks were
// added before.
func (p *testPeer) join(h *testHost, room string, ice ...ICEServer) {
	p.t.Helper()
	p.joinWith(h, room, JoinOptions{ICEServers: ice})
}

// joinWith is join with the options given.
func (p *testPeer) joinWith(h *testHost, room string, opt JoinOptions) {
	p.t.Helper()
	sess, err := h.sfu.Join(context.Background(), room, ParticipantInfo{ID: p.name, Name: "Name " + p.name, Role: "candidate"}, p, opt)
	if err != nil {
		p.t.Fatalf("%s: join: %v", p.name, err)
	}
	p.mu.Lock()
	p.sess = sess
	p.mu.Unlock()
	p.do(func() {
		if len(p.pc.GetTransceivers()) == 0 {
			// Nothing to publish: the first offer still needs m-lines.
			for _, k := range []webrtc.RTPCodecType{webrtc.RTPCodecTypeVideo, webrtc.RTPCodecTypeAudio} {
				if _, err := p.pc.AddTransceiverFromKind(k, webrtc.RTPTransceiverInit{Direction: webrtc.RTPTransceiverDirectionRecvonly}); err != nil {
					p.errorf("%s: recvonly transceiver: %v", p.name, err)
				}
			}
		}
		p.makeOffer()
	})
}

func (p *testPeer) do(op func()) { p.ops.push(op) }

// sync runs op on the peer's goroutine and waits for it.
func (p *testPeer) sync(op func()) {
	done := make(chan struct{})
	p.ops.push(func() { op(); close(done) })
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		p.t.Fatalf("%s: peer goroutine stuck", p.name)
	}
}

func (p *testPeer) makeOffer() {
	if p.pc.SignalingState() != webrtc.SignalingStateStable {
		p.wantOffer = true
		return
	}
	p.wantOffer = false
	offer, err := p.pc.CreateOffer(nil)
	if err != nil {
		p.errorf("%s: create offer: %v", p.name, err)
		return
	}
	if err := p.pc.SetLocalDescription(offer); err != nil {
		p.errorf("%s: set offer: %v", p.name, err)
		return
	}
	p.sendHost(SignalMessage{Type: MsgOffer, SDP: offer.SDP, Tracks: p.labels})
}

func (p *testPeer) handle(msg SignalMessage) {
	switch msg.Type {
	case MsgConfig:
		p.mu.Lock()
		p.iceConfig = msg.ICEServers
		p.mu.Unlock()
		if p.offerOnConfig {
			p.makeOffer()
		}
	case MsgOffer:
		p.offers.Add(1)
		if p.pc.ICEConnectionState() == webrtc.ICEConnectionStateNew && p.pc.CurrentRemoteDescription() != nil {
			// Same pion race as the host's transportStarted guards against.
			p.deferred = &msg
			return
		}
		if p.crossOffer != nil {
			// Glare on purpose: our offer crosses the host's on the wire.
			// A browser, the polite peer, would now roll its offer back;
			// pion cannot roll back a local offer, so this offer was never
			// set locally: the host sees exactly what a browser sends.
			p.sendHost(*p.crossOffer)
			p.crossOffer = nil
			p.wantOffer = true
			p.mu.Lock()
			p.rollbacks++
			p.mu.Unlock()
		}
		if err := p.pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeOffer, SDP: msg.SDP}); err != nil {
			p.errorf("%s: apply host offer: %v", p.name, err)
			return
		}
		answer, err := p.pc.CreateAnswer(nil)
		if err != nil {
			p.errorf("%s: answer: %v", p.name, err)
			return
		}
		if err := p.pc.SetLocalDescription(answer); err != nil {
			p.errorf("%s: set answer: %v", p.name, err)
			return
		}
		p.sendHost(SignalMessage{Type: MsgAnswer, SDP: answer.SDP})
		if p.wantOffer {
			p.makeOffer()
		}
	case MsgAnswer:
		if err := p.pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeAnswer, SDP: msg.SDP}); err != nil {
			p.errorf("%s: apply host answer: %v", p.name, err)
			return
		}
		if p.wantOffer {
			p.makeOffer()
		}
	case MsgCandidate:
		c := webrtc.ICECandidateInit{Candidate: msg.Candidate.Candidate, SDPMid: msg.Candidate.SDPMid, SDPMLineIndex: msg.Candidate.SDPMLineIndex}
		if err := p.pc.AddICECandidate(c); err != nil {
			p.errorf("%s: add candidate: %v", p.name, err)
		}
	case MsgTrackInfo:
		p.mu.Lock()
		for _, ti := range msg.Tracks {
			p.infos[ti.Mid] = ti
		}
		p.mu.Unlock()
	case MsgTrackEnded:
		p.mu.Lock()
		for _, ti := range msg.Tracks {
			p.ended[ti.TrackID] = true
		}
		p.mu.Unlock()
	case MsgError:
		p.mu.Lock()
		p.errs = append(p.errs, msg.Error)
		p.mu.Unlock()
	}
}

// addTrack adds a local track (on the peer goroutine) and starts sending
// once connected. It returns the local track ID.
func (p *testPeer) addTrack(kind Kind, source Source, stream string, frames [][]byte, dur time.Duration, mime string, limit int) string {
	id := fmt.Sprintf("%s-%s", p.name, source)
	var track *webrtc.TrackLocalStaticSample
	var err error
	if kind == KindVideo {
		track, err = webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: mime}, id, p.name+"-"+stream)
	} else {
		track, err = webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus}, id, p.name+"-"+stream)
	}
	if err != nil {
		p.t.Fatal(err)
	}
	sent := &atomic.Int64{}
	p.sync(func() {
		sender, err := p.pc.AddTrack(track)
		if err != nil {
			p.errorf("add track: %v", err)
			return
		}
		p.labels = append(p.labels, TrackInfo{TrackID: id, Source: source})
		p.mu.Lock()
		p.sent[id] = sent
		p.mu.Unlock()
		p.wg.Add(2)
		go func() {
			defer p.wg.Done()
			for {
				if _, _, err := sender.ReadRTCP(); err != nil {
					return
				}
			}
		}()
		go func() {
			defer p.wg.Done()
			p.pump(track, frames, dur, limit, sent)
		}()
	})
	return id
}

// pump writes frames in real time once connected, looping, until limit
// frames (0: no limit) or stop.
func (p *testPeer) pump(track *webrtc.TrackLocalStaticSample, frames [][]byte, dur time.Duration, limit int, sent *atomic.Int64) {
	select {
	case <-p.connected:
	case <-p.quit:
		return
	case <-p.stopPub:
		return
	}
	tick := time.NewTicker(dur)
	defer tick.Stop()
	for i := 0; limit == 0 || i < limit; i++ {
		if err := track.WriteSample(media.Sample{Data: frames[i%len(frames)], Duration: dur}); err != nil {
			return
		}
		sent.Add(1)
		select {
		case <-tick.C:
		case <-p.quit:
			return
		case <-p.stopPub:
			return
		}
	}
}

func (p *testPeer) publishCamera(limit int) {
	p.addTrack(KindVideo, SourceCamera, "cam", sharedMedia.vp8, sharedMedia.frameDur, webrtc.MimeTypeVP8, limit)
	p.addTrack(KindAudio, SourceMicrophone, "cam", sharedMedia.opus, sharedMedia.opusDur, webrtc.MimeTypeOpus, int(time.Duration(limit)*sharedMedia.frameDur/sharedMedia.opusDur))
}

// received returns what this peer receives from the host, with the host's
// labels, keyed by the sender's participant ID and source.
func (p *testPeer) received() map[string]receivedTrack {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[string]receivedTrack{}
	for _, rt := range p.recv {
		info, ok := p.infos[rt.mid]
		if !ok || info.StreamID != rt.streamID {
			continue
		}
		out[info.ParticipantID+"/"+string(info.Source)] = receivedTrack{info: info, codec: rt.codec, packets: rt.packets.Load(), done: rt.done.Load(), ended: p.ended[info.TrackID]}
	}
	return out
}

type receivedTrack struct {
	info    TrackInfo
	codec   string
	packets int64
	done    bool
	ended   bool
}

func (p *testPeer) close() {
	p.closeOnce()
}

func (p *testPeer) closeOnce() {
	select {
	case <-p.quit:
		return
	default:
	}
	close(p.stopPub)
	close(p.quit)
	p.ops.close()
	p.toHost.close()
	_ = p.pc.Close()
	p.wg.Wait()
}

func (p *testPeer) iceUfrag(remote bool) string {
	d := p.pc.CurrentLocalDescription()
	if remote {
		d = p.pc.CurrentRemoteDescription()
	}
	if d == nil {
		return ""
	}
	var s sdp.SessionDescription
	if err := s.UnmarshalString(d.SDP); err != nil {
		return ""
	}
	for _, m := range s.MediaDescriptions {
		if v, ok := m.Attribute("ice-ufrag"); ok {
			return v
		}
	}
	return ""
}

// waitFor polls cond until it holds or the timeout passes.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	waitEvery(t, 20*time.Millisecond, timeout, what, cond)
}

// waitEvery is waitFor checking cond every interval.
func waitEvery(t testing.TB, interval, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(interval)
	}
}

// checkGoroutines fails if goroutines started during the test outlive it.
func checkGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(10 * time.Second)
		for {
			n := runtime.NumGoroutine()
			if n <= before {
				return
			}
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				buf = buf[:runtime.Stack(buf, true)]
				t.Errorf("goroutines leaked: %d before, %d after\n%s", before, n, filterStacks(string(buf)))
				return
			}
			time.Sleep(50 * time.Millisecond) // the polling interval
		}
	})
}

func filterStacks(all string) string {
	var keep []string
	for _, g := range strings.Split(all, "\n\n") {
		if strings.Contains(g, "testing.") && !strings.Contains(g, "pion") && !strings.Contains(g, "media.") {
			continue
		}
		keep = append(keep, g)
	}
	return strings.Join(keep, "\n\n")
}
