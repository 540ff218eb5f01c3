package media

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pion/webrtc/v4"
)

const testTimeout = 15 * time.Second

func joinPeers(t *testing.T, h *testHost, room string, names ...string) []*testPeer {
	t.Helper()
	var peers []*testPeer
	for _, n := range names {
		p := newTestPeer(t, n)
		t.Cleanup(p.close)
		peers = append(peers, p)
	}
	return peers
}

// waitReceives waits until p receives every key (participant/source) with
// packets of the given codec.
func waitReceives(t *testing.T, p *testPeer, want map[string]string) {
	t.Helper()
	waitFor(t, testTimeout, p.name+" receiving "+strings.Join(keys(want), ","), func() bool {
		got := p.received()
		for k, codec := range want {
			r, ok := got[k]
			if !ok || r.codec != codec || r.packets < 5 {
				return false
			}
		}
		return true
	})
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestCallForwardsAndRecords(t *testing.T) {
	checkGoroutines(t)
	h := newTestHost(t)
	const frames = 60 // 3 s at 20 fps
	ps := joinPeers(t, h, "room1", "alice", "bob")
	a, b := ps[0], ps[1]
	ice := ICEServer{URLs: []string{"turn:127.0.0.1:3478"}, Username: "u", Credential: "c"}
	for _, p := range ps {
		p.publishCamera(frames)
		p.join(h, "room1", ice)
	}

	waitReceives(t, a, map[string]string{"bob/camera": "vp8", "bob/microphone": "opus"})
	waitReceives(t, b, map[string]string{"alice/camera": "vp8", "alice/microphone": "opus"})
	if got := a.received()["bob/camera"].info; got.ParticipantName != "Name bob" || got.Kind != KindVideo {
		t.Errorf("track info = %+v, want bob's video camera", got)
	}
	a.mu.Lock()
	cfg := a.iceConfig
	a.mu.Unlock()
	if len(cfg) != 1 || cfg[0].Credential != "c" {
		t.Errorf("config ICE servers = %+v, want the ones given at Join", cfg)
	}

	// Let both finish sending, then end the call.
	waitFor(t, testTimeout, "all frames sent", func() bool {
		for _, p := range ps {
			p.mu.Lock()
			v := p.sent["alice-camera"]
			if p == b {
				v = p.sent["bob-camera"]
			}
			p.mu.Unlock()
			if v.Load() < frames {
				return false
			}
		}
		return true
	})
	sentDur := time.Duration(frames) * sharedMedia.frameDur
	// Then until the microphones are done too and the host has read every
	// packet written: the recorders have them all before the room closes.
	waitFor(t, testTimeout, "the host to read every packet sent", func() bool {
		var sent int64
		for _, p := range ps {
			p.mu.Lock()
			mic := p.sent[p.name+"-"+string(SourceMicrophone)]
			p.mu.Unlock()
			if mic.Load() < int64(sentDur/sharedMedia.opusDur) {
				return false
			}
			sent += p.rtpSent.Load()
		}
		return h.sfu.rtpIn.Load() >= uint64(sent)
	})
	if err := h.sfu.CloseRoom("room1"); err != nil {
		t.Fatal(err)
	}

	recs, err := h.sfu.Recordings("room1")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"alice-camera-1.webm": "vp8", "alice-microphone-1.webm": "opus",
		"bob-camera-1.webm": "vp8", "bob-microphone-1.webm": "opus",
	}
	if len(recs) != len(want) {
		t.Fatalf("recordings = %+v, want %d", recs, len(want))
	}
	for _, r := range recs {
		codec, ok := want[filepath.Base(r.Path)]
		if !ok {
			t.Errorf("unexpected recording %s", r.Path)
			continue
		}
		if !r.Finalised || r.Active || r.Bytes == 0 {
			t.Errorf("%s: finalised=%v active=%v bytes=%d", r.Path, r.Finalised, r.Active, r.Bytes)
		}
		p := ffprobe(t, r.Path)
		if p.codec != codec || r.Codec != codec {
			t.Errorf("%s: ffprobe codec %q, Recording.Codec %q, want %q", r.Path, p.codec, r.Codec, codec)
		}
		if !p.finalised {
			t.Errorf("%s: no duration in the container after finalising", r.Path)
		}
		if diff := p.duration - sentDur; diff < -sentDur/10 || diff > sentDur/10 {
			t.Errorf("%s: duration %v, sent %v (more than 10%% off)", r.Path, p.duration, sentDur)
		}
		if r.Duration != p.duration {
			t.Errorf("%s: Recording.Duration %v, ffprobe %v", r.Path, r.Duration, p.duration)
		}
		if _, err := os.Stat(r.Path + partSuffix); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: marker still there after finalising", r.Path)
		}
		decodeCheck(t, r.Path)
	}

	// Events the host drives its UI and metrics with.
	h.flushEvents(t)
	count := func(typ EventType) int { return len(h.events.find(func(e Event) bool { return e.Type == typ })) }
	for typ, n := range map[EventType]int{
		EventParticipantJoined: 2, EventTrackPublished: 4, EventFirstRTP: 4,
		EventTrackUnpublished: 4, EventParticipantLeft: 2, EventRecordingFinalised: 4,
	} {
		if got := count(typ); got != n {
			t.Errorf("%s events = %d, want %d", typ, got, n)
		}
	}
	for _, e := range h.events.find(func(e Event) bool { return e.Type == EventFirstRTP }) {
		if e.SinceJoin <= 0 || e.SinceJoin > testTimeout || e.Track == nil {
			t.Errorf("first-rtp event %+v", e)
		}
	}
	if n := len(h.events.find(func(e Event) bool {
		return e.Type == EventConnectionState && e.State == "connected"
	})); n != 2 {
		t.Errorf("connected events = %d, want 2", n)
	}
	for _, e := range h.events.find(func(e Event) bool { return e.Type == EventParticipantLeft }) {
		if e.Reason != ReasonRoomClosed {
			t.Errorf("left reason %q, want %q", e.Reason, ReasonRoomClosed)
		}
	}
}

func TestThirdJoinerScreenShareAndLeave(t *testing.T) {
	checkGoroutines(t)
	h := newTestHost(t)
	ps := joinPeers(t, h, "room2", "ann", "ben", "cat")
	a, b, c := ps[0], ps[1], ps[2]
	for _, p := range ps[:2] {
		p.publishCamera(0)
		p.join(h, "room2")
	}
	waitReceives(t, a, map[string]string{"ben/camera": "vp8", "ben/microphone": "opus"})

	// A third participant gets the tracks already there (the host
	// renegotiates), and the others get hers.
	c.publishCamera(0)
	c.join(h, "room2")
	waitReceives(t, c, map[string]string{"ann/camera": "vp8", "ann/microphone": "opus", "ben/camera": "vp8", "ben/microphone": "opus"})
	waitReceives(t, a, map[string]string{"cat/camera": "vp8", "cat/microphone": "opus"})
	waitReceives(t, b, map[string]string{"cat/camera": "vp8", "ann/camera": "vp8"})

	// Ann shares her screen: a second video track, labelled by the browser
	// and so by the host.
	a.addTrack(KindVideo, SourceScreen, "screen", sharedMedia.vp8, sharedMedia.frameDur, webrtc.MimeTypeVP8, 0)
	a.do(a.makeOffer)
	waitReceives(t, b, map[string]string{"ann/screen": "vp8", "ann/camera": "vp8"})
	waitReceives(t, c, map[string]string{"ann/screen": "vp8"})
	if s, cam := b.received()["ann/screen"].info, b.received()["ann/camera"].info; s.StreamID == cam.StreamID {
		t.Errorf("screen and camera share stream %q; want separate streams", s.StreamID)
	}

	// Ann stops sharing (once the screen's first keyframe made it into a
	// recording): the browser removes the sender and renegotiates.
	waitFor(t, testTimeout, "screen recording", func() bool {
		recs, _ := h.sfu.Recordings("room2")
		for _, r := range recs {
			if r.Source == SourceScreen && r.Active {
				return true
			}
		}
		return false
	})
	a.sync(func() {
		for _, s := range a.pc.GetSenders() {
			if s.Track() != nil && s.Track().ID() == "ann-screen" {
				if err := a.pc.RemoveTrack(s); err != nil {
					t.Error(err)
				}
			}
		}
		a.labels = a.labels[:2]
		a.makeOffer()
	})
	for _, p := range []*testPeer{b, c} {
		waitFor(t, testTimeout, p.name+" losing ann's screen", func() bool {
			s := p.received()["ann/screen"]
			return s.ended && s.done
		})
	}

	// Ben leaves: the others are told, and his tracks end there.
	if err := b.sess.Leave(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []*testPeer{a, c} {
		waitFor(t, testTimeout, p.name+" losing ben's tracks", func() bool {
			got := p.received()
			cam, mic := got["ben/camera"], got["ben/microphone"]
			return cam.ended && mic.ended && cam.done && mic.done
		})
	}
	waitFor(t, testTimeout, "participant-left event", func() bool {
		left := h.events.find(func(e Event) bool { return e.Type == EventParticipantLeft })
		return len(left) == 1 && left[0].Participant.ID == "ben" && left[0].Reason == ReasonLeave
	})
	// Media between the remaining two still flows.
	before := a.received()["cat/camera"].packets
	waitFor(t, testTimeout, "media after the leave", func() bool { return a.received()["cat/camera"].packets > before+20 })

	if err := h.sfu.CloseRoom("room2"); err != nil {
		t.Fatal(err)
	}
	recs, err := h.sfu.Recordings("room2")
	if err != nil {
		t.Fatal(err)
	}
	var screens int
	for _, r := range recs {
		if r.Source == SourceScreen && r.Participant == "ann" && r.Codec == "vp8" {
			screens++
		}
	}
	h.flushEvents(t)
	if n := len(h.events.find(func(e Event) bool { return e.Type == EventRecordingFinalised && e.Err == nil })); n != 7 {
		t.Errorf("%d recording-finalised events, want 7", n)
	}
	if len(recs) != 7 || screens != 1 {
		t.Errorf("recordings = %d (screen %d), want 7 (3 cameras, 3 microphones, 1 screen)", len(recs), screens)
	}
}

func TestICERestartKeepsMedia(t *testing.T) {
	checkGoroutines(t)
	h := newTestHost(t)
	ps := joinPeers(t, h, "room3", "amy", "bo")
	a, b := ps[0], ps[1]
	for _, p := range ps {
		p.publishCamera(0)
		p.join(h, "room3")
	}
	waitReceives(t, a, map[string]string{"bo/camera": "vp8"})
	waitReceives(t, b, map[string]string{"amy/camera": "vp8"})
	var ufrag string
	a.sync(func() { ufrag = a.iceUfrag(true) })

	a.sendHost(SignalMessage{Type: MsgRestart})
	waitFor(t, testTimeout, "ICE restart", func() bool {
		var u string
		a.sync(func() { u = a.iceUfrag(true) })
		return u != "" && u != ufrag
	})
	fromB, toB := a.received()["bo/camera"].packets, b.received()["amy/camera"].packets
	waitFor(t, testTimeout, "media after the restart", func() bool {
		return a.received()["bo/camera"].packets > fromB+40 && b.received()["amy/camera"].packets > toB+40
	})
	h.flushEvents(t)
	if ev := h.events.find(func(e Event) bool { return e.Type == EventICERestart }); len(ev) != 1 || ev[0].Reason != "requested" {
		t.Errorf("ice-restart events = %+v", ev)
	}
	if n := len(h.events.find(func(e Event) bool { return e.Type == EventTrackUnpublished })); n != 0 {
		t.Errorf("%d tracks unpublished by the restart", n)
	}
}

func TestGlareHostWins(t *testing.T) {
	checkGoroutines(t)
	h := newTestHost(t)
	ps := joinPeers(t, h, "room4", "ada", "bob")
	a, b := ps[0], ps[1]
	for _, p := range ps {
		p.publishCamera(0)
		p.join(h, "room4")
	}
	waitReceives(t, a, map[string]string{"bob/camera": "vp8"})
	waitReceives(t, b, map[string]string{"ada/camera": "vp8"})

	// Ada prepares a screen-share offer but holds it back; Bob shares too,
	// so the host offers to Ada; Ada's offer then crosses the host's.
	a.addTrack(KindVideo, SourceScreen, "screen", sharedMedia.vp8, sharedMedia.frameDur, webrtc.MimeTypeVP8, 0)
	a.sync(func() {
		offer, err := a.pc.CreateOffer(nil)
		if err != nil {
			t.Fatal(err)
		}
		a.crossOffer = &SignalMessage{Type: MsgOffer, SDP: offer.SDP, Tracks: a.labels}
	})
	b.addTrack(KindVideo, SourceScreen, "screen", sharedMedia.vp8, sharedMedia.frameDur, webrtc.MimeTypeVP8, 0)
	b.do(b.makeOffer)

	waitReceives(t, a, map[string]string{"bob/screen": "vp8", "bob/camera": "vp8"})
	waitReceives(t, b, map[string]string{"ada/screen": "vp8", "ada/camera": "vp8"})
	a.mu.Lock()
	rollbacks, errs := a.rollbacks, a.errs
	a.mu.Unlock()
	if rollbacks != 1 {
		t.Errorf("ada's offer crossed the host's %d times, want 1", rollbacks)
	}
	if len(errs) != 0 {
		t.Errorf("host errors: %v", errs)
	}
}

func TestICETCP(t *testing.T) {
	checkGoroutines(t)
	ln, err := new(netListenConfig).listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := newTestHost(t, func(c *Config) { c.ICETCPListener = ln })
	a := newTestPeer(t, "tcp-a", webrtc.NetworkTypeTCP4)
	b := newTestPeer(t, "udp-b")
	t.Cleanup(a.close)
	t.Cleanup(b.close)
	for _, p := range []*testPeer{a, b} {
		p.publishCamera(0)
		p.join(h, "room5")
	}
	waitReceives(t, a, map[string]string{"udp-b/camera": "vp8"})
	waitReceives(t, b, map[string]string{"tcp-a/camera": "vp8", "tcp-a/microphone": "opus"})
	pair, err := a.pc.SCTP().Transport().ICETransport().GetSelectedCandidatePair()
	if err == nil && pair != nil && pair.Local.Protocol != webrtc.ICEProtocolTCP {
		t.Errorf("selected pair %v, want TCP", pair)
	}
}

func TestVP9(t *testing.T) {
	checkGoroutines(t)
	h := newTestHost(t, func(c *Config) { c.VP9 = true })
	a, b := newTestPeer(t, "v9a"), newTestPeer(t, "v9b")
	t.Cleanup(a.close)
	t.Cleanup(b.close)
	a.addTrack(KindVideo, SourceCamera, "cam", sharedMedia.vp9, sharedMedia.frameDur, webrtc.MimeTypeVP9, 0)
	a.join(h, "room6")
	b.join(h, "room6")
	waitReceives(t, b, map[string]string{"v9a/camera": "vp9"})
	waitFor(t, testTimeout, "half a second of vp9 recorded", func() bool {
		recs, _ := h.sfu.Recordings("room6")
		return len(recs) == 1 && recs[0].Active && recs[0].Duration >= 500*time.Millisecond
	})
	if err := h.sfu.CloseRoom("room6"); err != nil {
		t.Fatal(err)
	}
	recs, err := h.sfu.Recordings("room6")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Codec != "vp9" || recs[0].Duration < 500*time.Millisecond {
		t.Fatalf("recordings = %+v, want one vp9 of about 1 s", recs)
	}
	decodeCheck(t, recs[0].Path)
}

// A recording cut off mid-call (the process dies) is playable up to that
// point, and the next Start finalises it.
func TestUnfinishedRecordingPlayableAndRecovered(t *testing.T) {
	checkGoroutines(t)
	h := newTestHost(t)
	a := newTestPeer(t, "solo")
	t.Cleanup(a.close)
	a.publishCamera(0)
	a.join(h, "room7")
	var live Recording
	waitFor(t, testTimeout, "2 s of recording", func() bool {
		recs, _ := h.sfu.Recordings("room7")
		for _, r := range recs {
			if r.Source == SourceCamera && r.Active && r.Duration > 2*time.Second {
				live = r
				return true
			}
		}
		return false
	})
	// Snapshot the file as a crash would leave it: no duration, no cues.
	data, err := os.ReadFile(live.Path)
	if err != nil {
		t.Fatal(err)
	}
	crashDir := t.TempDir()
	crashed := filepath.Join(crashDir, "room7", "solo-camera-1.webm")
	if err := os.MkdirAll(filepath.Dir(crashed), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(crashed, data, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(crashed+partSuffix, nil, 0o640); err != nil {
		t.Fatal(err)
	}
	p := ffprobe(t, crashed)
	if p.codec != "vp8" || p.finalised || p.duration < time.Second {
		t.Errorf("crashed file: %+v, want vp8 without container duration but with >1 s of packets", p)
	}
	decodeCheck(t, crashed)
	old := time.Now().Add(-time.Minute)
	_ = os.Chtimes(crashed+partSuffix, old, old)

	// A new host on that folder finalises it at Start.
	h2 := newTestHost(t, func(c *Config) { c.RecordDir = crashDir })
	waitFor(t, testTimeout, "recovery", func() bool {
		_, err := os.Stat(crashed + partSuffix)
		return errors.Is(err, os.ErrNotExist)
	})
	if p := ffprobe(t, crashed); !p.finalised || p.codec != "vp8" {
		t.Errorf("recovered file: %+v, want finalised vp8", p)
	}
	recs, err := h2.sfu.Recordings("room7")
	if err != nil || len(recs) != 1 || !recs[0].Finalised || recs[0].Participant != "solo" || recs[0].Source != SourceCamera {
		t.Errorf("Recordings after recovery = %+v, %v", recs, err)
	}
}

func TestJoinRules(t *testing.T) {
	checkGoroutines(t)
	h := newTestHost(t, func(c *Config) { c.MaxParticipants = 2 })
	ctx := context.Background()
	sig := newTestPeer(t, "x")
	t.Cleanup(sig.close)

	for _, tc := range []struct {
		name, room, id string
		want           error
	}{
		{"empty participant", "r", "", ErrInvalid},
		{"control char", "r", "a\nb", ErrInvalid},
		{"empty room", "", "a", ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := h.sfu.Join(ctx, tc.room, ParticipantInfo{ID: tc.id}, sig, JoinOptions{}); !errors.Is(err, tc.want) {
				t.Errorf("Join = %v, want %v", err, tc.want)
			}
		})
	}

	p1, err := h.sfu.Join(ctx, "full", ParticipantInfo{ID: "1"}, sig, JoinOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.sfu.Join(ctx, "full", ParticipantInfo{ID: "2"}, sig, JoinOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.sfu.Join(ctx, "full", ParticipantInfo{ID: "3"}, sig, JoinOptions{}); !errors.Is(err, ErrRoomFull) {
		t.Errorf("third Join = %v, want ErrRoomFull", err)
	}
	// The same ID again replaces the first session (a second tab).
	if _, err := h.sfu.Join(ctx, "full", ParticipantInfo{ID: "1"}, sig, JoinOptions{}); err != nil {
		t.Errorf("rejoin = %v", err)
	}
	if err := p1.HandleSignal(SignalMessage{Type: MsgRestart}); !errors.Is(err, ErrClosed) {
		t.Errorf("replaced session HandleSignal = %v, want ErrClosed", err)
	}
	waitFor(t, testTimeout, "participant-left event (replaced)", func() bool {
		return len(h.events.find(func(e Event) bool { return e.Type == EventParticipantLeft && e.Reason == ReasonReplaced })) == 1
	})
	p2 := h.sfu.Room("full").Participants()[0]
	for _, m := range []SignalMessage{{Type: "bogus"}, {Type: MsgOffer}, {Type: MsgAnswer}} {
		if err := p2.HandleSignal(m); !errors.Is(err, ErrInvalid) {
			t.Errorf("HandleSignal(%+v) = %v, want ErrInvalid", m, err)
		}
	}
	if err := h.sfu.CloseRoom("full"); err != nil {
		t.Fatal(err)
	}
	if len(h.sfu.Room("full").Participants()) != 0 {
		t.Error("participants after CloseRoom")
	}
	_ = h.sfu.Close()
	if _, err := h.sfu.Join(ctx, "later", ParticipantInfo{ID: "1"}, sig, JoinOptions{}); !errors.Is(err, ErrClosed) {
		t.Errorf("Join after Close = %v, want ErrClosed", err)
	}

	conn, err := new(netListenConfig).listenPacket("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{ICEConn: conn}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Join(ctx, "r", ParticipantInfo{ID: "1"}, sig, JoinOptions{}); !errors.Is(err, ErrNotStarted) {
		t.Errorf("Join before Start = %v, want ErrNotStarted", err)
	}
	_ = s.Close()
	rec, err := New(Config{}, nil)
	if err != nil {
		t.Fatalf("New without ICEConn (records only) = %v", err)
	}
	if err := rec.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := rec.Join(ctx, "r", ParticipantInfo{ID: "1"}, sig, JoinOptions{}); !errors.Is(err, ErrRecordOnly) {
		t.Errorf("Join on a recording-only SFU = %v, want ErrRecordOnly", err)
	}
	_ = rec.Close()
}

func TestKeyframeParsing(t *testing.T) {
	for _, tc := range []struct {
		name   string
		parse  func([]byte) (bool, int, int)
		frames [][]byte
	}{
		{"vp8", vp8Keyframe, sharedMedia.vp8},
		{"vp9", vp9Keyframe, sharedMedia.vp9},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key, w, h := tc.parse(tc.frames[0])
			if !key || w != 320 || h != 240 {
				t.Errorf("first frame: key=%v %dx%d, want keyframe 320x240", key, w, h)
			}
			if key, _, _ := tc.parse(tc.frames[1]); key {
				t.Error("second frame parsed as keyframe")
			}
			if key, _, _ := tc.parse(tc.frames[20]); !key {
				t.Error("frame 20 (-g 20) not parsed as keyframe")
			}
			if key, _, _ := tc.parse(tc.frames[0][:3]); key {
				t.Error("truncated frame parsed as keyframe")
			}
		})
	}
}

func TestFileNames(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"alice", "alice"}, {"a/b", "a_b"}, {"..", "__"}, {"é x", "__x"}, {"id-1.2_3", "id-1.2_3"},
	} {
		if got := fileSafe(tc.in); got != tc.want {
			t.Errorf("fileSafe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	r, ok := parseRecordingName("/x/some-one-screen-audio-12.webm")
	if !ok || r.Participant != "some-one" || r.Source != SourceScreenAudio || r.Kind != KindAudio {
		t.Errorf("parseRecordingName = %+v, %v", r, ok)
	}
}

func ffprobe(t *testing.T, path string) probeResult {
	t.Helper()
	s := &SFU{cfg: Config{FFprobe: lookPath("ffprobe")}}
	p, err := s.probe(context.Background(), path)
	if err != nil {
		t.Fatalf("ffprobe %s: %v", path, err)
	}
	return p
}

// decodeCheck decodes the whole file and fails on any decoder error.
func decodeCheck(t *testing.T, path string) {
	t.Helper()
	out, err := exec.Command("ffmpeg", "-nostdin", "-v", "error", "-i", path, "-f", "null", "-").CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("decode %s: %v: %s", path, err, out)
	}
}
