package relay

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pion/turn/v5"
	"golang.org/x/time/rate"
)

// closeTimeout bounds how long Close waits for pion's loops and the relay
// sockets to wind down.
const closeTimeout = 5 * time.Second

// Refusals are logged at most refusalLogBurst at once and then one per
// refusalLogEvery, so that a client hammering the relay cannot flood the log;
// Stats counts every refusal.
const (
	refusalLogEvery = 100 * time.Millisecond
	refusalLogBurst = 20
)

// Server is an embedded TURN relay. Make it with New, run it with Start, stop
// it with Close. Its methods are safe for concurrent use.
type Server struct {
	cfg    Config
	log    *slog.Logger
	logMax *rate.Limiter // refusal logs
	policy peerPolicy
	stats  counters
	live   atomic.Int64 // open relay sockets
	urls   atomic.Pointer[[]string]

	usersMu sync.Mutex
	users   map[string]string // client transport address → user, per allocation
	sockets relaySockets      // open UDP relay sockets, by user

	mu      sync.Mutex
	started bool
	closed  bool
	turn    *turn.Server
	udp     *servedPacketConn
	tcp     *trackingListener
	tls     *trackingListener
	addrs   Addrs
	done    chan struct{}
	wg      sync.WaitGroup
}

// Addrs are the addresses a started Server listens on; nil for a transport
// it does not serve.
type Addrs struct {
	UDP net.Addr
	TCP net.Addr
	TLS net.Addr
}

// New checks cfg and returns a Server that has not opened any socket yet.
// log may be nil.
func New(cfg Config, log *slog.Logger) (*Server, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, fmt.Errorf("new relay: %w", err)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		cfg:    cfg,
		log:    log,
		logMax: rate.NewLimiter(rate.Every(refusalLogEvery), refusalLogBurst),
		policy: newPeerPolicy(cfg),
		users:  map[string]string{},
	}
	s.sockets.m = map[*relayConn]struct{}{}
	s.setURLs(Addrs{
		UDP: configuredAddr(cfg.UDPAddr, connAddr(cfg.UDPConn)),
		TCP: configuredAddr(cfg.TCPAddr, listenerAddr(cfg.TCPListener)),
		TLS: configuredAddr(cfg.TLSAddr, listenerAddr(cfg.TLSListener)),
	})
	return s, nil
}

// Start opens the listeners (all of them first, so that a busy port fails
// before anything serves) and starts relaying. It returns once the server
// serves. ctx bounds only the start; Close ends the server.
func (s *Server) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started || s.closed {
		return fmt.Errorf("start relay: %w", ErrClosed)
	}
	s.started = true
	if err := s.listen(ctx); err != nil {
		s.closed = true
		s.closeSockets()
		return fmt.Errorf("start relay: %w", err)
	}
	// Fail now, not at the first allocation, if relay sockets cannot bind.
	probe, err := (&net.ListenConfig{}).ListenPacket(ctx, "udp", net.JoinHostPort(s.cfg.RelayBindIP.String(), "0"))
	if err != nil {
		s.closed = true
		s.closeSockets()
		return fmt.Errorf("start relay: relay sockets cannot bind %s (set RelayBindIP): %w", s.cfg.RelayBindIP, err)
	}
	_ = probe.Close()

	ts, err := turn.NewServer(s.turnConfig())
	if err != nil {
		s.closed = true
		s.closeSockets()
		return fmt.Errorf("start relay: %w", err)
	}
	s.turn = ts
	s.setURLs(s.addrs)
	s.done = make(chan struct{})
	s.log.Info("relay: started", "udp", s.addrs.UDP, "tcp", s.addrs.TCP, "tls", s.addrs.TLS,
		"relayIP", s.cfg.RelayIP, "realm", s.cfg.Realm)
	return nil
}

// listen opens the sockets Config names and wraps every socket served.
// Called with s.mu held.
func (s *Server) listen(ctx context.Context) error {
	var lc net.ListenConfig
	udp := s.cfg.UDPConn
	if s.cfg.UDPAddr != "" {
		c, err := lc.ListenPacket(ctx, "udp", s.cfg.UDPAddr)
		if err != nil {
			return fmt.Errorf("listen UDP %s: %w", s.cfg.UDPAddr, err)
		}
		udp = c
	}
	if udp != nil {
		if got := setBuffers(udp, listenSocketBuffer); got > 0 && got < listenSocketBuffer {
			s.log.Info("relay: the UDP receive buffer is smaller than asked; bursts may drop datagrams (raise net.core.rmem_max)",
				"bytes", got, "asked", listenSocketBuffer)
		}
		s.udp = newServedPacketConn(udp, &s.policy)
		s.addrs.UDP = udp.LocalAddr()
	}
	for _, l := range []struct {
		addr string
		sock net.Listener
		dst  **trackingListener
		out  *net.Addr
	}{
		{s.cfg.TCPAddr, s.cfg.TCPListener, &s.tcp, &s.addrs.TCP},
		{s.cfg.TLSAddr, s.cfg.TLSListener, &s.tls, &s.addrs.TLS},
	} {
		ln := l.sock
		if l.addr != "" {
			var err error
			if ln, err = lc.Listen(ctx, "tcp", l.addr); err != nil {
				return fmt.Errorf("listen TCP %s: %w", l.addr, err)
			}
		}
		if ln != nil {
			*l.dst = newTrackingListener(ln)
			*l.out = ln.Addr()
		}
	}
	return nil
}

// closeSockets closes the sockets of a server that never served, including
// caller-owned ones (the server owns them from New on). Called with s.mu held.
func (s *Server) closeSockets() {
	if s.udp != nil {
		_ = s.udp.Close()
	} else if s.cfg.UDPConn != nil {
		_ = s.cfg.UDPConn.Close()
	}
	for _, l := range []struct {
		tracked *trackingListener
		sock    net.Listener
	}{{s.tcp, s.cfg.TCPListener}, {s.tls, s.cfg.TLSListener}} {
		if l.tracked != nil {
			_ = l.tracked.Close()
		} else if l.sock != nil {
			_ = l.sock.Close()
		}
	}
}

func (s *Server) turnConfig() turn.ServerConfig {
	relayIP := net.IP(s.cfg.RelayIP.AsSlice())
	var inner turn.RelayAddressGenerator = &turn.RelayAddressGeneratorStatic{
		RelayAddress: relayIP,
		Address:      s.cfg.RelayBindIP.String(),
	}
	if s.cfg.MinPort != 0 {
		inner = &turn.RelayAddressGeneratorPortRange{
			RelayAddress: relayIP,
			Address:      s.cfg.RelayBindIP.String(),
			MinPort:      s.cfg.MinPort,
			MaxPort:      s.cfg.MaxPort,
		}
	}
	gen := &relayGenerator{inner: inner, stats: &s.stats, live: &s.live, policy: &s.policy,
		allowTCP: s.cfg.AllowTCPRelay, sockets: &s.sockets, refused: s.refusedTransport}
	if s.udp != nil {
		gen.fast = s.udp.fast
	}

	tc := turn.ServerConfig{
		Realm:         s.cfg.Realm,
		AuthHandler:   s.authenticate,
		LoggerFactory: pionLogger{log: s.log},
		EventHandler: turn.EventHandler{
			OnAuth:              s.onAuth,
			OnAllocationCreated: s.onAllocationCreated,
			OnAllocationDeleted: s.onAllocationDeleted,
			OnChannelCreated:    s.onChannelCreated,
			OnChannelDeleted:    s.onChannelDeleted,
		},
	}
	if s.udp != nil {
		tc.PacketConnConfigs = append(tc.PacketConnConfigs, turn.PacketConnConfig{
			PacketConn: s.udp, RelayAddressGenerator: gen, PermissionHandler: s.permit,
		})
	}
	if s.tcp != nil {
		tc.ListenerConfigs = append(tc.ListenerConfigs, turn.ListenerConfig{
			Listener: s.tcp, RelayAddressGenerator: gen, PermissionHandler: s.permit,
		})
	}
	if s.tls != nil {
		tc.ListenerConfigs = append(tc.ListenerConfigs, turn.ListenerConfig{
			Listener: tls.NewListener(s.tls, s.cfg.TLSConfig), RelayAddressGenerator: gen, PermissionHandler: s.permit,
		})
	}
	return tc
}

// Close stops the server: it closes the listeners (caller-owned ones too),
// every client connection and every allocation, and waits until pion's loops
// and relay sockets have ended. Close is idempotent.
func (s *Server) Close() error {
	err := s.shutdown()
	s.wg.Wait()
	return err
}

func (s *Server) shutdown() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if s.turn == nil {
		s.closeSockets()
		return nil
	}
	close(s.done)

	var errs []error
	if err := s.turn.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
		errs = append(errs, err)
	}
	var loops []<-chan struct{}
	if s.udp != nil {
		loops = append(loops, s.udp.exited)
	}
	for _, l := range []*trackingListener{s.tcp, s.tls} {
		if l != nil {
			l.closeConns()
			loops = append(loops, l.exited)
		}
	}
	deadline := time.NewTimer(closeTimeout)
	defer deadline.Stop()
	for _, exited := range loops {
		select {
		case <-exited:
		case <-deadline.C:
			return errors.Join(append(errs, errors.New("close relay: read loops still running"))...)
		}
	}
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	// Each allocation's goroutine ends by deleting its allocation, which the
	// allocations gauge sees.
	for s.live.Load() > 0 || s.stats.allocations.Load() > 0 || s.openConns() > 0 {
		select {
		case <-tick.C:
		case <-deadline.C:
			return errors.Join(append(errs, fmt.Errorf("close relay: %d allocations, %d relay sockets still open",
				s.stats.allocations.Load(), s.live.Load()))...)
		}
	}
	s.log.Info("relay: closed")
	if len(errs) > 0 {
		return fmt.Errorf("close relay: %w", errors.Join(errs...))
	}
	return nil
}

func (s *Server) openConns() int {
	n := 0
	for _, l := range []*trackingListener{s.tcp, s.tls} {
		if l != nil {
			n += l.open()
		}
	}
	return n
}

// Addrs returns the addresses the server listens on once started.
func (s *Server) Addrs() Addrs {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addrs
}

// Stats returns a snapshot of the server's counters.
func (s *Server) Stats() Stats {
	return s.stats.snapshot()
}

// Credentials issues credentials for user, valid from now for
// Config.CredentialTTL, with the server's URLs: an RTCIceServer for a browser
// or a pion peer. Ports come from the listeners once started.
func (s *Server) Credentials(user string, now time.Time) Credentials {
	return s.CredentialsUntil(user, now, time.Time{})
}

// CredentialsUntil is Credentials expiring at until when that comes before
// the TTL ends (e.g. the end of the interview they are for); a zero until
// leaves the TTL alone.
func (s *Server) CredentialsUntil(user string, now, until time.Time) Credentials {
	ttl := s.cfg.CredentialTTL
	if !until.IsZero() && until.Before(now.Add(ttl)) {
		ttl = max(until.Sub(now), 0)
	}
	c := GenerateCredentials(s.cfg.Secret, user, now, ttl)
	c.URLs = *s.urls.Load()
	return c
}

// Revoke ends at once every UDP allocation whose user match accepts: its
// relay socket closes, so nothing more is relayed either way, and pion
// deletes the allocation. It returns how many it ended. Pair it with
// Config.Authorize refusing the same users, or their credentials allocate
// again.
func (s *Server) Revoke(match func(user string) bool) int {
	ended := s.sockets.close(match)
	if ended > 0 {
		s.log.Info("relay: allocations revoked", "count", ended)
	}
	return ended
}

// setURLs derives the TURN URLs (RFC 7065) from the listener addresses,
// unless Config.URLs replaces them.
func (s *Server) setURLs(a Addrs) {
	urls := s.cfg.URLs
	if len(urls) == 0 {
		host := s.cfg.URLHost
		if host == "" {
			host = s.cfg.RelayIP.String()
		}
		for _, u := range []struct {
			scheme, transport string
			addr              net.Addr
		}{{"turn", "udp", a.UDP}, {"turn", "tcp", a.TCP}, {"turns", "tcp", a.TLS}} {
			if port := portOf(u.addr); port != 0 {
				urls = append(urls, fmt.Sprintf("%s:%s?transport=%s",
					u.scheme, net.JoinHostPort(host, strconv.Itoa(port)), u.transport))
			}
		}
	}
	urls = append([]string(nil), urls...)
	s.urls.Store(&urls)
}

// configuredAddr is the socket's address, else the configured listen address
// (whose port may be 0: unknown until Start).
func configuredAddr(addr string, sock net.Addr) net.Addr {
	if sock != nil {
		return sock
	}
	if ap, err := netip.ParseAddrPort(addr); err == nil {
		return net.TCPAddrFromAddrPort(ap)
	}
	if _, port, err := net.SplitHostPort(addr); err == nil {
		if p, err := strconv.Atoi(port); err == nil {
			return &net.TCPAddr{Port: p}
		}
	}
	return nil
}

func portOf(a net.Addr) int {
	switch a := a.(type) {
	case *net.UDPAddr:
		return a.Port
	case *net.TCPAddr:
		return a.Port
	case nil:
		return 0
	default:
		if ap, err := netip.ParseAddrPort(a.String()); err == nil {
			return int(ap.Port())
		}
		return 0
	}
}

// authenticate is pion's AuthHandler: it accepts unexpired TURN REST
// usernames and returns the long-term key derived from the HMAC password.
// pion then checks the request's MESSAGE-INTEGRITY with that key.
func (s *Server) authenticate(ra *turn.RequestAttributes) (user string, key []byte, ok bool) {
	user, err := checkUsername(ra.Username, s.cfg.Now())
	if err == nil && s.cfg.Authorize != nil {
		err = s.cfg.Authorize(user)
	}
	if err != nil {
		s.stats.authFailures.Add(1)
		if s.logMax.Allow() {
			s.log.Info("relay: credentials refused", "client", ra.SrcAddr, "method", ra.Method.String(), "err", err)
		}
		return "", nil, false
	}
	return user, turn.GenerateAuthKey(ra.Username, ra.Realm, restPassword(s.cfg.Secret, ra.Username)), true
}

func (s *Server) onAuth(src, _ net.Addr, _, username, _ string, method string, verdict bool) {
	if !verdict {
		s.stats.authFailures.Add(1)
		if s.logMax.Allow() {
			s.log.Info("relay: credentials refused", "client", src, "method", method,
				"username", username, "err", ErrInvalidCredentials)
		}
	}
}

func (s *Server) onAllocationCreated(src, _ net.Addr, _, user, _ string, relayAddr net.Addr, _ int) {
	s.stats.allocations.Add(1)
	s.stats.allocationsTotal.Add(1)
	s.usersMu.Lock()
	s.users[clientKey(src)] = user
	s.usersMu.Unlock()
	s.log.Debug("relay: allocation", "user", user, "client", src, "relay", relayAddr)
}

func (s *Server) onAllocationDeleted(src, _ net.Addr, _, user, _ string) {
	s.stats.allocations.Add(-1)
	s.usersMu.Lock()
	delete(s.users, clientKey(src))
	s.usersMu.Unlock()
	s.log.Debug("relay: allocation ended", "user", user, "client", src)
}

func (s *Server) onChannelCreated(src, _ net.Addr, _, _, _ string, relayAddr, peer net.Addr, number uint16) {
	if s.udp != nil && s.udp.fast != nil {
		s.udp.fast.bind(src, relayAddr, peer, number)
	}
}

func (s *Server) onChannelDeleted(src, _ net.Addr, _, _, _ string, relayAddr, peer net.Addr, number uint16) {
	if s.udp != nil && s.udp.fast != nil {
		s.udp.fast.unbind(src, relayAddr, peer, number)
	}
}

// permit is pion's PermissionHandler for CreatePermission, ChannelBind and
// Connect: it refuses special-purpose peer addresses that Config does not
// allow.
func (s *Server) permit(client net.Addr, peer net.IP) bool {
	ip, _ := netip.AddrFromSlice(peer)
	reason := s.policy.check(ip)
	if reason == classPublic {
		return true
	}
	s.stats.refused.Add(1)
	if !s.logMax.Allow() {
		return false
	}
	s.usersMu.Lock()
	user := s.users[clientKey(client)]
	s.usersMu.Unlock()
	s.log.Warn("relay: refused peer", "user", user, "client", client, "peer", ip.Unmap(),
		"reason", string(reason), "err", ErrPeerRefused)
	return false
}

// refusedTransport counts and logs a datagram dropped because its peer's
// port is not allowed (the IP has a permission).
func (s *Server) refusedTransport(user string, peer netip.AddrPort, reason peerClass) {
	s.stats.refused.Add(1)
	switch {
	case !s.logMax.Allow():
	case !peer.IsValid():
		s.log.Warn("relay: refused", "user", user, "reason", string(reason), "err", ErrPeerRefused)
	default:
		s.log.Warn("relay: refused peer", "user", user, "peer", unmap(peer), "reason", string(reason), "err", ErrPeerRefused)
	}
}

func clientKey(a net.Addr) string {
	return a.Network() + "/" + a.String()
}
