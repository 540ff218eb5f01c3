package host

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/interviewdesk/interviewdesk/internal/media"
	"github.com/interviewdesk/interviewdesk/internal/media/livekit"
	"github.com/interviewdesk/interviewdesk/internal/push"
	"github.com/interviewdesk/interviewdesk/internal/relay"
	"github.com/interviewdesk/interviewdesk/internal/room"
	"github.com/interviewdesk/interviewdesk/internal/settings"
)

// Media configures the call: the SFU's ICE port and the embedded TURN relay.
type Media struct {
	// Disabled runs the host without calls (the room works without video).
	Disabled bool
	// BindIP is the address the ICE and TURN sockets bind to; default: the
	// HTTP listener's IP.
	BindIP string
	// PublicIP is the address browsers reach the host at, when BindIP is not it
	// (1:1 NAT, a cloud VM) or BindIP is unspecified.
	PublicIP string
	// ICEPort is the one UDP port (and TCP port) for every peer's ICE; 0 picks
	// a free one.
	ICEPort int
	// TURNPort is the relay's UDP and TCP port; 0 picks a free one, -1 runs no
	// relay. The relay reaches the SFU's ICE port and nothing else.
	TURNPort int
	// TURNTLSPort, when the host serves HTTPS, adds TURN over TLS on this port
	// with the HTTPS certificate (for networks that allow only TLS); 0: none.
	TURNTLSPort int
	// ExtraICE are further STUN/TURN servers to hand browsers as they are.
	ExtraICE []media.ICEServer
	// ExternalTURN is a TURN server (e.g. coturn with --use-auth-secret) whose
	// URLs get fresh credentials signed with ExternalTURNSecret per participant.
	ExternalTURN       []string
	ExternalTURNSecret string
	// LiveKit, when its URL is set, puts calls on a LiveKit server instead
	// of the embedded SFU (no ICE port, no embedded relay); unset, the
	// settings' media server is used, if any.
	LiveKit LiveKit
}

// LiveKit is a LiveKit server or cluster: its address as browsers reach it
// (ws://HOST:7880, wss://HOST) and its API key and secret.
type LiveKit struct {
	URL, APIKey, APISecret string
}

// call is the media side of a host: the SFU, the embedded relay and the
// extra ICE servers. It is the room's "call" feature: members join the call
// and signal through the room channel.
type call struct {
	// backend carries the calls: sfu, or lk.
	backend media.Backend
	// sfu records every call (on LiveKit it only records the tracks the
	// hidden participant receives).
	sfu   *media.SFU
	lk    *livekit.Backend // nil on the embedded SFU
	relay *relay.Server
	// sfuAddrs are the transport addresses the SFU's ICE socket receives on:
	// the relay's only peers.
	sfuAddrs  []netip.AddrPort
	turn      turnScope
	extra     []media.ICEServer
	external  []string
	extSecret string
	log       *slog.Logger
	sessions  sessions
	// discarded hears of an interview whose recordings were deleted (the
	// candidate declined recording), for the console; may be nil.
	discarded func(interview string)
	// evictions are removals from calls under way (callHook); close waits.
	evictions sync.WaitGroup
}

var _ room.Feature = (*call)(nil)

// newCall binds the ICE and TURN sockets (failing early on a busy port) and
// builds the SFU and the relay; start starts them. The relay's credentials
// are scoped to the interviews in ivs.
func (h *Host) newCall(listenIP string, ivs interviewSource, st *settings.Service) (c *call, err error) {
	cfg := h.cfg.Media
	lk, err := liveKitOf(cfg.LiveKit, st)
	if err != nil {
		return nil, err
	}
	if lk.URL != "" {
		return h.newLiveKitCall(lk, ivs)
	}
	bind := cfg.BindIP
	if bind == "" {
		bind = listenIP
	}
	ip, err := netip.ParseAddr(bind)
	if err != nil {
		return nil, fmt.Errorf("media bind address %q: %w", bind, err)
	}
	if ip.IsUnspecified() && cfg.PublicIP == "" {
		return nil, errors.New("when listening on all interfaces, set the public IP browsers reach this host at (--public-ip)")
	}
	if len(cfg.ExternalTURN) > 0 && cfg.ExternalTURNSecret == "" {
		return nil, errors.New("an external TURN server needs its shared secret (--external-turn-secret)")
	}
	udp, tcp, err := listenPair(bind, cfg.ICEPort)
	if err != nil {
		return nil, fmt.Errorf("ICE: %w", err)
	}
	mcfg := media.Config{ICEConn: udp, ICETCPListener: tcp, IncludeLoopbackCandidate: ip.IsLoopback(),
		RecordDir: filepath.Join(h.cfg.DataDir, RecordingDir), OnEvent: h.onMediaEvent, Now: h.now}
	if cfg.PublicIP != "" {
		mcfg.PublicIPs = []string{cfg.PublicIP}
	}
	sfu, err := media.New(mcfg, h.log.With("part", "media"))
	if err != nil {
		_ = udp.Close()
		_ = tcp.Close()
		return nil, fmt.Errorf("media: %w", err)
	}
	sfuAddrs, err := mediaAddrs(udp, cfg.PublicIP)
	if err != nil {
		_ = sfu.Close()
		return nil, err
	}
	c = &call{backend: sfu, sfu: sfu, sfuAddrs: sfuAddrs, turn: turnScope{interviews: ivs, now: h.now}, extra: cfg.ExtraICE, external: cfg.ExternalTURN, extSecret: cfg.ExternalTURNSecret,
		log: h.log, sessions: sessions{m: map[string]media.Session{}},
		discarded: func(id string) { h.push.Publish(push.Event{Type: push.Recordings, InterviewID: id}) }}
	if cfg.TURNPort >= 0 {
		if c.relay, err = h.newRelay(bind, ip, cfg, c); err != nil {
			_ = sfu.Close()
			return nil, err
		}
	}
	return c, nil
}

// start starts the SFU and the relay; ctx bounds only the start.
func (c *call) start(ctx context.Context) error {
	if err := c.sfu.Start(ctx); err != nil {
		return fmt.Errorf("start media: %w", err)
	}
	if c.relay != nil {
		if err := c.relay.Start(ctx); err != nil {
			return fmt.Errorf("start TURN relay: %w", err)
		}
	}
	return nil
}

// newRelay builds the embedded TURN relay for c: it relays to c's SFU only,
// refuses TCP allocations, and takes credentials of interviews still on.
func (h *Host) newRelay(bind string, ip netip.Addr, cfg Media, c *call) (*relay.Server, error) {
	key, err := secret(h.cfg.DataDir, TURNKeyFile)
	if err != nil {
		return nil, fmt.Errorf("TURN secret: %w", err)
	}
	udp, tcp, err := listenPair(bind, cfg.TURNPort)
	if err != nil {
		return nil, fmt.Errorf("TURN relay: %w", err)
	}
	rc := relay.Config{Secret: key, UDPConn: udp, TCPListener: tcp, AllowedPeers: c.sfuAddrs, OnlyAllowedPeers: true,
		Authorize: c.turn.authorize, Now: h.now}
	closeAll := func() {
		_ = udp.Close()
		_ = tcp.Close()
		if rc.TLSListener != nil {
			_ = rc.TLSListener.Close()
		}
	}
	if cfg.TURNTLSPort > 0 && h.tls != nil {
		addr := net.JoinHostPort(bind, strconv.Itoa(cfg.TURNTLSPort))
		if rc.TLSListener, err = net.Listen("tcp", addr); err != nil {
			closeAll()
			return nil, fmt.Errorf("TURN over TLS: listen on %s: %w: %w", addr, ErrListen, err)
		}
		rc.TLSConfig = h.tls
		rc.URLHost = h.cfg.TLS.ACMEDomain // turns: URLs must name the certificate
	}
	if cfg.PublicIP != "" {
		pub, err := netip.ParseAddr(cfg.PublicIP)
		if err != nil {
			closeAll()
			return nil, fmt.Errorf("public IP %q: %w", cfg.PublicIP, err)
		}
		rc.RelayIP = pub
		if !ip.IsUnspecified() {
			rc.RelayBindIP = ip
		}
	}
	srv, err := relay.New(rc, h.log.With("part", "relay"))
	if err != nil {
		closeAll()
		return nil, fmt.Errorf("TURN relay: %w", err)
	}
	return srv, nil
}

// iceFor gives a member the relay with fresh credentials, plus the extra
// servers. The relay's credentials name the member's interview and
// participant and expire when the interview's links do.
func (c *call) iceFor(m *room.Member, now func() time.Time) []room.ICEServer {
	out := make([]room.ICEServer, 0, len(c.extra)+2)
	for _, s := range c.extra {
		out = append(out, room.ICEServer(s))
	}
	iv, err := c.turn.interviews.Get(m.InterviewID)
	if err != nil {
		c.log.Warn("TURN credentials", "interview", m.InterviewID, "err", err)
		return out
	}
	user, until := turnUser(m.InterviewID, m.Participant), lifetime(iv)
	if c.relay != nil {
		cr := c.relay.CredentialsUntil(user, now(), until)
		out = append(out, room.ICEServer{URLs: cr.URLs, Username: cr.Username, Credential: cr.Password})
	}
	if len(c.external) > 0 {
		ttl := min(relay.DefaultCredentialTTL, max(until.Sub(now()), 0))
		cr := relay.GenerateCredentials(c.extSecret, user, now(), ttl)
		out = append(out, room.ICEServer{URLs: c.external, Username: cr.Username, Credential: cr.Password})
	}
	return out
}

// close stops the LiveKit recording participants, the SFU (finalising
// recordings), then the relay.
func (c *call) close(log *slog.Logger) error {
	c.evictions.Wait()
	var errs []error
	if c.lk != nil {
		errs = append(errs, c.lk.Close())
	}
	errs = append(errs, c.sfu.Close())
	log.Info("host stopped: media closed")
	if c.relay != nil {
		errs = append(errs, c.relay.Close())
		log.Info("host stopped: relay closed")
	}
	return errors.Join(errs...)
}

// onMediaEvent logs the call's milestones; first-rtp carries the join time
// (Join to the first packet of a track at the host).
func (h *Host) onMediaEvent(e media.Event) {
	h.publishRecordings(e)
	attrs := []any{"type", e.Type, "interview", e.Room, "participant", e.Participant.ID}
	if e.Track != nil {
		attrs = append(attrs, "kind", e.Track.Kind, "source", e.Track.Source)
	}
	switch e.Type {
	case media.EventFirstRTP:
		h.log.Info("media", append(attrs, "since_join_ms", e.SinceJoin.Milliseconds(), "at", e.Time.UTC().Format(time.RFC3339Nano))...)
	case media.EventParticipantJoined, media.EventParticipantLeft, media.EventICERestart, media.EventRecordingFinalised:
		h.log.Info("media", append(attrs, "reason", e.Reason)...)
	case media.EventError:
		h.log.Warn("media", append(attrs, "err", e.Err)...)
	default:
		h.log.Debug("media", append(attrs, "state", e.State)...)
	}
}

// listenPair opens a UDP socket and a TCP listener on the same port of bind (a
// free one when port is 0).
func listenPair(bind string, port int) (net.PacketConn, net.Listener, error) {
	var lc net.ListenConfig
	ctx := context.Background()
	for attempt := 0; ; attempt++ {
		udp, err := lc.ListenPacket(ctx, "udp4", net.JoinHostPort(bind, strconv.Itoa(port)))
		if err != nil {
			return nil, nil, fmt.Errorf("listen on udp %s:%d: %w: %w", bind, port, ErrListen, err)
		}
		got := udp.LocalAddr().(*net.UDPAddr).Port
		tcp, err := lc.Listen(ctx, "tcp4", net.JoinHostPort(bind, strconv.Itoa(got)))
		if err == nil {
			return udp, tcp, nil
		}
		_ = udp.Close()
		if port != 0 || attempt == 10 {
			return nil, nil, fmt.Errorf("listen on tcp %s:%d: %w: %w", bind, got, ErrListen, err)
		}
	}
}
