package livekit

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/livekit/protocol/livekit"
	lksdk "github.com/livekit/server-sdk-go/v2"

	"github.com/interviewdesk/interviewdesk/internal/media"
)

// These tests run against a real LiveKit server v1.11.0
// (scripts/livekit-server.sh builds it once; LIVEKIT_SERVER names a prebuilt
// one), started with --dev on loopback only, on free ports.

const waitLimit = 30 * time.Second

// liveKitServer starts a LiveKit server for the test and returns its URL.
func liveKitServer(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("LIVEKIT_SERVER")
	if bin == "" {
		out, err := exec.Command("bash", "../../../scripts/livekit-server.sh").Output()
		if err != nil {
			t.Fatalf("LiveKit server binary (scripts/livekit-server.sh): %v", err)
		}
		bin = strings.TrimSpace(string(out))
	}
	port, udp := freePort(t, "tcp"), freePort(t, "udp")
	config := strings.Join([]string{"port: " + port, "rtc:", "  udp_port: " + udp, "  tcp_port: 0",
		"  use_external_ip: false", "  enable_loopback_candidate: true", "  ips:", "    includes: [127.0.0.1/32]"}, "\n")
	cmd := exec.Command(bin, "--dev", "--bind", "127.0.0.1", "--node-ip", "127.0.0.1", "--config-body", config)
	log := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("LiveKit server log (end):\n%s", tail(log.String(), 4000))
		}
	})
	url := "ws://127.0.0.1:" + port
	rooms := lksdk.NewRoomServiceClient(url, testKey, testSecret)
	waitFor(t, "the LiveKit server to answer", func() bool {
		_, err := rooms.ListRooms(context.Background(), &livekit.ListRoomsRequest{})
		return err == nil
	})
	return url
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// freePort is a port free on 127.0.0.1 for network ("tcp" or "udp").
func freePort(t *testing.T, network string) string {
	t.Helper()
	var addr net.Addr
	if network == "udp" {
		c, err := net.ListenPacket("udp4", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr = c.LocalAddr()
		_ = c.Close()
	} else {
		l, err := net.Listen("tcp4", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr = l.Addr()
		_ = l.Close()
	}
	_, port, _ := net.SplitHostPort(addr.String())
	return port
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(waitLimit)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		case <-tick.C:
		}
	}
}

// testVideo is a VP8 IVF file of a moving test picture, made with ffmpeg.
func testVideo(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "camera.ivf")
	out, err := exec.Command("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
		"testsrc=size=320x240:rate=20", "-t", "20", "-c:v", "libvpx", "-b:v", "300k", "-g", "20", "-auto-alt-ref", "0", path).CombinedOutput()
	if err != nil {
		t.Fatalf("ffmpeg: %v: %s", err, out)
	}
	return path
}

// browser stands in for a participant's browser: it connects with the token
// the host sent and reports when the server disconnects it.
type browser struct {
	room *lksdk.Room
	gone atomic.Pointer[lksdk.DisconnectionReason]
}

func connect(t *testing.T, access *media.ServerAccess) *browser {
	t.Helper()
	br, err := tryConnect(t, access)
	if err != nil {
		t.Fatalf("connect with the host's token: %v", err)
	}
	return br
}

// tryConnect is connect for someone who may be put out while connecting.
func tryConnect(t *testing.T, access *media.ServerAccess) (*browser, error) {
	br := &browser{}
	cb := lksdk.NewRoomCallback()
	cb.OnDisconnectedWithReason = func(r lksdk.DisconnectionReason) { br.gone.Store(&r) }
	room, err := lksdk.ConnectToRoomWithToken(access.URL, access.Token, cb, lksdk.WithAutoSubscribe(false),
		lksdk.WithConnectTimeout(connectTimeout))
	if err != nil {
		return nil, err
	}
	br.room = room
	t.Cleanup(room.Disconnect)
	return br, nil
}

// joinCall joins id to room's call through b and returns what the browser got.
func joinCall(t *testing.T, b *Backend, room, id string) *media.ServerAccess {
	t.Helper()
	var got []media.SignalMessage
	sig := signalFunc(func(m media.SignalMessage) error { got = append(got, m); return nil })
	if _, err := b.Join(context.Background(), room, media.ParticipantInfo{ID: id, Name: id, Role: "interviewer"}, sig,
		media.JoinOptions{Until: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Server == nil {
		t.Fatalf("join sent %+v, want the server access", got)
	}
	return got[0].Server
}

func (b *Backend) identities(t *testing.T, room string) []string {
	t.Helper()
	res, err := b.rooms.ListParticipants(context.Background(), &livekit.ListParticipantsRequest{Room: room})
	if err != nil {
		return nil
	}
	var out []string
	for _, p := range res.Participants {
		out = append(out, p.Identity)
	}
	return out
}

// A call on a real LiveKit server: the host's hidden participant records a
// participant's camera into the same per-track WebM file the embedded SFU
// writes, removes at once someone whose token still works but whom the
// interview no longer admits, Remove takes a participant out, and CloseRoom
// ends the room and finalises the recording.
func TestCallOnLiveKit(t *testing.T) {
	url := liveKitServer(t)
	rec, err := media.New(media.Config{RecordDir: t.TempDir()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := rec.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rec.Close() })
	var removed atomic.Bool     // "bob" was taken off the interview
	var refusedBob atomic.Int32 // the guard asked about bob after that
	b, err := New(Config{URL: url, APIKey: testKey, APISecret: testSecret, Recorder: rec,
		Admits: func(_, id string) bool {
			if id == "bob" && removed.Load() {
				refusedBob.Add(1)
			}
			return id == "alice" || (id == "bob" && !removed.Load())
		}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	const room = "iv-live"

	alice := connect(t, joinCall(t, b, room, "alice"))
	waitFor(t, "the hidden participant in the room", func() bool {
		return slices.Contains(b.identities(t, room), RecorderIdentity)
	})
	track, err := lksdk.NewLocalFileTrack(testVideo(t), lksdk.ReaderTrackWithFrameDuration(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := alice.room.LocalParticipant.PublishTrack(track, &lksdk.TrackPublicationOptions{Name: "camera", Source: livekit.TrackSource_CAMERA}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "alice's camera recorded for two seconds", func() bool {
		recs, _ := rec.Recordings(room)
		return len(recs) == 1 && recs[0].Participant == "alice" && recs[0].Source == media.SourceCamera && recs[0].Duration > 2*time.Second
	})

	// The candidate declines recording: what was recorded goes, and the
	// hidden participant unsubscribes from everything; agreeing again records anew.
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	if err := b.DiscardRecordings(ctx, room); err != nil {
		t.Fatal(err)
	}
	if recs, _ := rec.Recordings(room); len(recs) != 0 {
		t.Fatalf("recordings after the decline: %+v", recs)
	}
	rr := b.recorderOf(room)
	rr.mu.Lock()
	still := len(rr.tracks) != 0 || rr.recording
	rr.mu.Unlock()
	if still {
		t.Fatal("the hidden participant still records after the decline")
	}
	b.SetRecording(room, true)
	waitFor(t, "alice's camera recorded again", func() bool {
		recs, _ := rec.Recordings(room)
		return len(recs) == 1 && recs[0].Duration > time.Second
	})

	// Bob's token was minted while he was an interviewer; removed, he is put
	// out of the room as soon as he comes back with it: while his
	// connection is still being made (it then fails) or just after.
	bobAccess := joinCall(t, b, room, "bob")
	removed.Store(true)
	if bob, err := tryConnect(t, bobAccess); err == nil {
		waitFor(t, "bob removed by the hidden participant", func() bool {
			r := bob.gone.Load()
			return r != nil && *r == lksdk.ParticipantRemoved
		})
	}
	waitFor(t, "bob out of the room", func() bool { return !slices.Contains(b.identities(t, room), "bob") })
	if refusedBob.Load() == 0 {
		t.Error("bob is out without the hidden participant refusing him: his connection failed for another reason")
	}

	if err := b.Remove(context.Background(), room, "alice"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "alice removed", func() bool { r := alice.gone.Load(); return r != nil && *r == lksdk.ParticipantRemoved })
	if err := b.Remove(context.Background(), room, "nobody"); err != nil {
		t.Errorf("removing someone not in the room: %v", err)
	}

	if err := b.CloseRoom(room); err != nil {
		t.Fatal(err)
	}
	recs, err := rec.Recordings(room)
	if err != nil || len(recs) != 1 || !recs[0].Finalised || recs[0].Duration <= 0 || recs[0].Codec != "vp8" {
		t.Fatalf("recordings after the call = %+v, %v; want alice's camera, finalised, VP8", recs, err)
	}
	if ids := b.identities(t, room); len(ids) != 0 {
		t.Errorf("participants after CloseRoom: %v", ids)
	}
}
