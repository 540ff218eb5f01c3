package host

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pion/turn/v5"

	"github.com/interviewdesk/interviewdesk/internal/client"
	"github.com/interviewdesk/interviewdesk/internal/interviews"
	"github.com/interviewdesk/interviewdesk/internal/links"
	"github.com/interviewdesk/interviewdesk/internal/room"
)

// The embedded relay is for browsers to reach the host's SFU, and nothing
// else: with the credentials a candidate gets in the room's welcome, no other
// port of the host answers, TCP allocations are refused, and the credentials
// die with the interview.

// relayHost starts a host with media bound to bind and returns it with a
// scheduled interview.
func relayHost(t *testing.T, media Media) (*Host, string) {
	t.Helper()
	h := startHost(t, Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0", Media: media})
	return h, scheduleNow(t, h)
}

// startHost opens and starts a host on cfg, closed when the test ends.
func startHost(t *testing.T, cfg Config) *Host {
	t.Helper()
	h, err := Open(cfg, slog.New(slog.DiscardHandler), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(context.Background()); err != nil {
		_ = h.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close() })
	return h
}

// scheduleNow creates an interview held at once and returns its ID.
func scheduleNow(t *testing.T, h *Host) string {
	t.Helper()
	c := client.InProcess(h.Handler(), h.Key())
	ctx := context.Background()
	list, err := c.Templates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	created, err := c.CreateInterview(ctx, interviews.NewInterview{TemplateID: list[0].ID, Position: "Backend engineer",
		CandidateName: "Olivia Diaz", CandidateEmail: "olivia@example.com", When: interviews.Now, TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	return created.ID
}

// candidateTURN is the relay entry of the ICE servers a candidate of iv gets.
func candidateTURN(t *testing.T, h *Host, interview string) room.ICEServer {
	t.Helper()
	m := &room.Member{ID: "c1", InterviewID: interview, Participant: links.CandidateParticipant, Role: room.RoleCandidate}
	for _, s := range h.call.iceFor(m, h.now) {
		if len(s.URLs) > 0 && strings.HasPrefix(s.URLs[0], "turn:") {
			return s
		}
	}
	t.Fatal("no embedded relay among the candidate's ICE servers")
	return room.ICEServer{}
}

// turnClient is a pion TURN client of the host's relay over UDP.
type turnClient struct {
	turn *turn.Client
	conn net.PacketConn
}

func dialTURN(t *testing.T, h *Host, creds room.ICEServer) *turnClient {
	t.Helper()
	addr := h.call.relay.Addrs().UDP.(*net.UDPAddr)
	server := net.JoinHostPort("127.0.0.1", strconv.Itoa(addr.Port))
	conn, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	tc, err := turn.NewClient(&turn.ClientConfig{STUNServerAddr: server, TURNServerAddr: server, Conn: conn,
		Username: creds.Username, Password: creds.Credential, Realm: "interviewdesk", RTO: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	c := &turnClient{turn: tc, conn: conn}
	t.Cleanup(func() { tc.Close(); _ = conn.Close() })
	if err := tc.Listen(); err != nil {
		t.Fatal(err)
	}
	return c
}

// udpEcho answers every datagram on 127.0.0.1 and counts them.
type udpEcho struct {
	conn net.PacketConn
	got  atomic.Int64
}

func startEcho(t *testing.T) *udpEcho {
	t.Helper()
	conn, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	e := &udpEcho{conn: conn}
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := conn.ReadFrom(buf)
			if err != nil {
				return
			}
			e.got.Add(1)
			_, _ = conn.WriteTo(buf[:n], from)
		}
	}()
	t.Cleanup(func() { _ = conn.Close() })
	return e
}

func (e *udpEcho) port() int { return e.conn.LocalAddr().(*net.UDPAddr).Port }

// sendRefused sends through the relay to peer and waits until the relay has
// refused it; the echo behind peer must have heard nothing.
func sendRefused(t *testing.T, h *Host, relayed net.PacketConn, peer *net.UDPAddr, echo *udpEcho) {
	t.Helper()
	before := h.call.relay.Stats().PermissionsRefused
	if _, err := relayed.WriteTo([]byte("is anybody there?"), peer); err != nil {
		// The permission itself was refused: nothing was sent.
		t.Logf("WriteTo %s: %v", peer, err)
	}
	waitUntil(t, "the relay to refuse "+peer.String(), func() bool {
		return h.call.relay.Stats().PermissionsRefused > before || echo.got.Load() > 0
	})
	if n := echo.got.Load(); n != 0 {
		t.Fatalf("a UDP service on the host at %s received %d datagrams through the relay", peer, n)
	}
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond) // the polling interval
	}
}

func TestRelayReachesOnlyTheSFU(t *testing.T) {
	for _, tt := range []struct {
		name  string
		media Media
	}{
		{"media on the listen address", Media{}},
		{"media on all interfaces", Media{BindIP: "0.0.0.0", PublicIP: "127.0.0.1"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h, iv := relayHost(t, tt.media)
			echo := startEcho(t)
			c := dialTURN(t, h, candidateTURN(t, h, iv))
			relayed, err := c.turn.Allocate()
			if err != nil {
				t.Fatalf("Allocate with the candidate's credentials: %v", err)
			}
			defer relayed.Close()

			for _, ip := range []string{"127.0.0.1", "0.0.0.0"} {
				sendRefused(t, h, relayed, &net.UDPAddr{IP: net.ParseIP(ip), Port: echo.port()}, echo)
			}
			// The SFU's own port is the one peer the relay serves (here on
			// loopback: tests send nowhere else).
			sfu := loopbackSFU(t, h)
			before := h.call.relay.Stats().PacketsToPeers
			if _, err := relayed.WriteTo([]byte("media for the SFU"), net.UDPAddrFromAddrPort(sfu)); err != nil {
				t.Fatalf("WriteTo the SFU at %s: %v", sfu, err)
			}
			waitUntil(t, "a datagram relayed to the SFU", func() bool { return h.call.relay.Stats().PacketsToPeers > before })
			if n := echo.got.Load(); n != 0 {
				t.Fatalf("the echo heard %d datagrams", n)
			}
		})
	}
}

// loopbackSFU is the SFU's ICE address on 127.0.0.1.
func loopbackSFU(t *testing.T, h *Host) netip.AddrPort {
	t.Helper()
	for _, ap := range h.call.sfuAddrs {
		if ap.Addr().IsLoopback() {
			return ap
		}
	}
	t.Fatalf("the SFU's addresses %v include no loopback one", h.call.sfuAddrs)
	return netip.AddrPort{}
}

func TestRelayRefusesTCPAllocations(t *testing.T) {
	h, iv := relayHost(t, Media{})
	c := dialTURN(t, h, candidateTURN(t, h, iv))
	if alloc, err := c.turn.AllocateTCP(); err == nil {
		_ = alloc.Close()
		t.Fatal("a TCP allocation (RFC 6062) was granted: it could Connect to any TCP service of the host")
	}
}

// Cancelling the interview ends its open allocations at once, and its
// credentials allocate no more.
func TestRelayCredentialsDieWithTheInterview(t *testing.T) {
	h, iv := relayHost(t, Media{})
	creds := candidateTURN(t, h, iv)
	c := dialTURN(t, h, creds)
	relayed, err := c.turn.Allocate()
	if err != nil {
		t.Fatalf("Allocate: %v", err)
	}
	defer relayed.Close()
	if got := h.call.relay.Stats().Allocations; got != 1 {
		t.Fatalf("allocations = %d, want 1", got)
	}
	if _, err := client.InProcess(h.Handler(), h.Key()).CancelInterview(context.Background(), iv); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the cancelled interview's allocation to end", func() bool { return h.call.relay.Stats().Allocations == 0 })

	again := dialTURN(t, h, creds)
	if r, err := again.turn.Allocate(); err == nil {
		_ = r.Close()
		t.Fatal("the credentials of a cancelled interview still allocate")
	}
}

func TestTURNRefusal(t *testing.T) {
	now := time.Now()
	iv := interviews.Interview{ID: "iv1", Status: interviews.Scheduled, StartsAt: now, DurationMinutes: 60,
		Interviewers: []interviews.Interviewer{{Participant: "p-rita"}}}
	over := func(s interviews.Status) interviews.Interview { v := iv; v.Status = s; return v }
	tests := []struct {
		name string
		iv   interviews.Interview
		p    links.ParticipantID
		at   time.Time
		want error
	}{
		{"the candidate of a scheduled interview", iv, links.CandidateParticipant, now, nil},
		{"an interviewer", iv, "p-rita", now, nil},
		{"a removed interviewer", iv, "p-gone", now, errTURNRemoved},
		{"cancelled", over(interviews.Cancelled), links.CandidateParticipant, now, errTURNOver},
		{"finished", over(interviews.Finished), links.CandidateParticipant, now, errTURNOver},
		{"links expired", iv, links.CandidateParticipant, lifetime(iv).Add(time.Second), errTURNOver},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := refusal(tt.iv, tt.p, tt.at); !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Errorf("refusal = %v, want %v", err, tt.want)
			}
		})
	}
}

// Removing an interviewer ends their allocations, and only theirs.
func TestRelayCredentialsDieWithTheParticipant(t *testing.T) {
	h, id := relayHost(t, Media{})
	api := client.InProcess(h.Handler(), h.Key())
	if _, err := api.AddInterviewer(context.Background(), id, interviews.Person{Name: "Ivan", Email: "ivan@example.com"}); err != nil {
		t.Fatal(err)
	}
	iv, err := h.call.turn.interviews.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	ivan := iv.Interviewers[len(iv.Interviewers)-1]
	ivanCreds := h.call.iceFor(&room.Member{ID: "i1", InterviewID: id, Participant: ivan.Participant, Role: room.RoleInterviewer}, h.now)
	var relayed []net.PacketConn
	for _, creds := range []room.ICEServer{candidateTURN(t, h, id), ivanCreds[len(ivanCreds)-1]} {
		r, err := dialTURN(t, h, creds).turn.Allocate()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		relayed = append(relayed, r)
	}
	if _, err := api.RemoveInterviewer(context.Background(), id, ivan.Email); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the removed interviewer's allocation to end", func() bool { return h.call.relay.Stats().Allocations == 1 })
	// The candidate's allocation still relays to the SFU.
	before := h.call.relay.Stats().PacketsToPeers
	if _, err := relayed[0].WriteTo([]byte("media"), net.UDPAddrFromAddrPort(loopbackSFU(t, h))); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the candidate's datagram to the SFU", func() bool { return h.call.relay.Stats().PacketsToPeers > before })
}
