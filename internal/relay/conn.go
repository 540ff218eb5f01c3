package relay

import (
	"fmt"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"

	"github.com/pion/turn/v5"
)

// relayGenerator opens the per-allocation relay sockets through pion's
// generator and wraps them to count traffic, to hold each datagram to the
// peer policy's ports, and to know when all are closed.
type relayGenerator struct {
	inner    turn.RelayAddressGenerator
	stats    *counters
	live     *atomic.Int64 // relay sockets open
	fast     *fastPath     // nil: every packet goes through pion
	policy   *peerPolicy
	allowTCP bool
	sockets  *relaySockets
	refused  func(user string, peer netip.AddrPort, reason peerClass)
}

var _ turn.RelayAddressGenerator = (*relayGenerator)(nil)

func (g *relayGenerator) Validate() error { return g.inner.Validate() }

func (g *relayGenerator) AllocatePacketConn(c turn.AllocateListenerConfig) (net.PacketConn, net.Addr, error) {
	conn, addr, err := g.inner.AllocatePacketConn(c)
	if err != nil {
		return nil, nil, err
	}
	setBuffers(conn, relaySocketBuffer)
	g.live.Add(1)
	rc := &relayConn{PacketConn: conn, stats: g.stats, live: g.live, user: c.UserID, policy: g.policy,
		sockets: g.sockets, refused: g.refused}
	if udp, ok := conn.(*net.UDPConn); ok && g.fast != nil {
		if sock, err := newUDPSocket(udp); err == nil { // else pion relays it all
			rc.sock, rc.fast = sock, g.fast
			g.fast.addRelay(addr, rc)
		}
	}
	g.sockets.add(rc)
	return rc, addr, nil
}

// errTCPRelay refuses RFC 6062 allocations; pion answers 508.
var errTCPRelay = fmt.Errorf("TCP allocations are not served: %w", ErrPeerRefused)

func (g *relayGenerator) AllocateListener(c turn.AllocateListenerConfig) (net.Listener, net.Addr, error) {
	if !g.allowTCP {
		g.refused(c.UserID, netip.AddrPort{}, classTCP)
		return nil, nil, errTCPRelay
	}
	return g.inner.AllocateListener(c)
}

func (g *relayGenerator) AllocateConn(c turn.AllocateConnConfig) (net.Conn, error) {
	if !g.allowTCP {
		return nil, errTCPRelay
	}
	peer, _ := addrPort(c.RemoteAddr)
	if reason := g.policy.checkPort(peer); reason != classPublic {
		g.refused(c.UserID, peer, reason)
		return nil, fmt.Errorf("connect to %s: %w", peer, ErrPeerRefused)
	}
	return g.inner.AllocateConn(c)
}

// relaySockets are the open UDP relay sockets, so that Revoke can close a
// user's.
type relaySockets struct {
	mu sync.Mutex
	m  map[*relayConn]struct{}
}

func (s *relaySockets) add(c *relayConn) {
	s.mu.Lock()
	s.m[c] = struct{}{}
	s.mu.Unlock()
}

func (s *relaySockets) remove(c *relayConn) {
	s.mu.Lock()
	delete(s.m, c)
	s.mu.Unlock()
}

// close closes the sockets of the users match accepts.
func (s *relaySockets) close(match func(user string) bool) int {
	s.mu.Lock()
	var doomed []*relayConn
	for c := range s.m {
		if match(c.user) {
			doomed = append(doomed, c)
		}
	}
	s.mu.Unlock()
	for _, c := range doomed {
		_ = c.Close()
	}
	return len(doomed)
}

// Socket buffer sizes asked for. Bursts from many clients meet one listening
// socket, so it gets more; a relay socket carries one allocation's traffic.
const (
	listenSocketBuffer = 4 << 20
	relaySocketBuffer  = 1 << 20
)

// setBuffers enlarges a UDP socket's buffers so that a burst, or the process
// being descheduled for a moment, does not drop datagrams, and returns the
// receive buffer's size (0 when unknown). Best effort: the kernel caps the
// sizes at net.core.rmem_max and wmem_max unless the process may lift the
// cap (Linux: CAP_NET_ADMIN).
func setBuffers(c net.PacketConn, size int) int {
	udp, ok := c.(*net.UDPConn)
	if !ok {
		return 0
	}
	return setSocketBuffers(udp, size)
}

// relayConn is one allocation's relay socket: what it reads came from peers,
// what it writes goes to peers.
type relayConn struct {
	net.PacketConn
	stats   *counters
	live    *atomic.Int64
	once    sync.Once
	user    string
	policy  *peerPolicy
	sockets *relaySockets
	refused func(user string, peer netip.AddrPort, reason peerClass)

	closed atomic.Bool // set as Close begins: nothing more is relayed
	// Fast path (see fastPath); sock is nil without it.
	sock     *udpSocket
	fast     *fastPath
	fastKey  netip.AddrPort
	routesMu sync.Mutex
	routes   atomic.Pointer[clientRoutes]
	// Used by pion's one reader of the socket only.
	in       *batchReader
	next     int // the first datagram of in.got not yet relayed
	toClient *batchWriter
}

func (c *relayConn) ReadFrom(p []byte) (int, net.Addr, error) {
	if c.sock != nil {
		return c.readFast(p)
	}
	for {
		n, addr, err := c.PacketConn.ReadFrom(p)
		if err != nil {
			return n, addr, err
		}
		c.stats.fromPeers.add(1, n)
		if from, ok := addrPort(addr); !ok || c.policy.checkPort(from) == classPublic {
			return n, addr, nil
		}
	}
}

// WriteTo sends p to a peer whose IP pion has checked; a port the policy
// does not allow drops p (reported as sent, so pion logs nothing per packet).
func (c *relayConn) WriteTo(p []byte, addr net.Addr) (int, error) {
	if peer, ok := addrPort(addr); ok {
		if reason := c.policy.checkPort(peer); reason != classPublic {
			c.refused(c.user, peer, reason)
			return len(p), nil
		}
	}
	n, err := c.PacketConn.WriteTo(p, addr)
	if err == nil {
		c.stats.toPeers.add(1, n)
	}
	return n, err
}

func (c *relayConn) Close() error {
	c.closed.Store(true)
	err := c.PacketConn.Close()
	c.once.Do(func() {
		if c.fast != nil {
			c.fast.removeRelay(c)
		}
		c.sockets.remove(c)
		c.live.Add(-1)
	})
	return err
}

// servedPacketConn wraps a client-facing UDP socket so that Close can tell
// when pion's read loop on it has ended: that loop returns on the first read
// error.
type servedPacketConn struct {
	net.PacketConn
	exitOnce sync.Once
	exited   chan struct{}

	fast *fastPath // nil: every datagram goes to pion
	// Used by pion's one reader of the socket only.
	in   *batchReader
	next int // the first datagram of in.got not yet relayed
}

// newServedPacketConn wraps c; when c is a *net.UDPConn, bound channels take
// the fast path.
func newServedPacketConn(c net.PacketConn, policy *peerPolicy) *servedPacketConn {
	s := &servedPacketConn{PacketConn: c, exited: make(chan struct{})}
	if udp, ok := c.(*net.UDPConn); ok {
		if sock, err := newUDPSocket(udp); err == nil { // else pion relays it all
			s.fast = newFastPath(sock, policy)
			s.in = newBatchReader(sock, 0, maxDatagram, listenBatch)
		}
	}
	return s
}

func (c *servedPacketConn) ReadFrom(p []byte) (int, net.Addr, error) {
	if c.fast == nil {
		n, addr, err := c.PacketConn.ReadFrom(p)
		if err != nil {
			c.exitOnce.Do(func() { close(c.exited) })
		}
		return n, addr, err
	}
	for {
		if d, ok := c.nextForPion(); ok {
			return copy(p, d.buf), net.UDPAddrFromAddrPort(d.addr), nil
		}
		if err := c.in.read(); err != nil {
			c.exitOnce.Do(func() { close(c.exited) })
			return 0, nil, err
		}
		c.next = 0
	}
}

// nextForPion relays the rest of the last read to peers up to the first
// datagram that is not ChannelData on a bound channel, and returns that one.
func (c *servedPacketConn) nextForPion() (datagram, bool) {
	t := c.fast.table()
	for c.next < len(c.in.got) {
		d := c.in.got[c.next]
		c.next++
		if !c.fast.forward(t, d.addr, d.buf) {
			c.fast.flushToPeers()
			return d, true
		}
	}
	c.fast.flushToPeers()
	return datagram{}, false
}

// trackingListener remembers the connections it accepted so that Close can
// end them: pion's server closes listeners, not the connections they gave.
type trackingListener struct {
	net.Listener
	mu       sync.Mutex
	conns    map[*trackedConn]struct{}
	closed   bool
	exitOnce sync.Once
	exited   chan struct{} // closed when Accept fails: pion's accept loop ends then
}

func newTrackingListener(l net.Listener) *trackingListener {
	return &trackingListener{Listener: l, conns: map[*trackedConn]struct{}{}, exited: make(chan struct{})}
}

func (l *trackingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		l.exitOnce.Do(func() { close(l.exited) })
		return nil, err
	}
	tc := &trackedConn{Conn: c, owner: l}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		_ = c.Close()
		return nil, net.ErrClosed
	}
	l.conns[tc] = struct{}{}
	return tc, nil
}

func (l *trackingListener) Close() error {
	l.mu.Lock()
	l.closed = true
	l.mu.Unlock()
	return l.Listener.Close()
}

// closeConns closes every accepted connection still open.
func (l *trackingListener) closeConns() {
	l.mu.Lock()
	conns := make([]*trackedConn, 0, len(l.conns))
	for c := range l.conns {
		conns = append(conns, c)
	}
	l.mu.Unlock()
	for _, c := range conns {
		_ = c.Close()
	}
}

func (l *trackingListener) open() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.conns)
}

type trackedConn struct {
	net.Conn
	owner *trackingListener
	once  sync.Once
}

func (c *trackedConn) Close() error {
	c.once.Do(func() {
		c.owner.mu.Lock()
		delete(c.owner.conns, c)
		c.owner.mu.Unlock()
	})
	return c.Conn.Close()
}
