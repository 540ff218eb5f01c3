package relay

import (
	"net"
	"net/netip"
	"sync"
	"sync/atomic"

	"github.com/pion/turn/v5"
)

// relayGenerator opens the per-allocation relay sockets through pion's
// generator and wraps them to count traffic and to know when all are closed.
type relayGenerator struct {
	inner turn.RelayAddressGenerator
	stats *counters
	live  *atomic.Int64 // relay sockets open
	fast  *fastPath     // nil: every packet goes through pion
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
	rc := &relayConn{PacketConn: conn, stats: g.stats, live: g.live}
	if udp, ok := conn.(*net.UDPConn); ok && g.fast != nil {
		rc.udp, rc.fast = udp, g.fast
		g.fast.addRelay(addr, rc)
	}
	return rc, addr, nil
}

func (g *relayGenerator) AllocateListener(c turn.AllocateListenerConfig) (net.Listener, net.Addr, error) {
	return g.inner.AllocateListener(c)
}

func (g *relayGenerator) AllocateConn(c turn.AllocateConnConfig) (net.Conn, error) {
	return g.inner.AllocateConn(c)
}

// Socket buffer sizes asked for; the kernel caps them (net.core.rmem_max,
// wmem_max). Bursts from many clients meet one listening socket, so it gets
// more; a relay socket carries one allocation's traffic.
const (
	listenSocketBuffer = 4 << 20
	relaySocketBuffer  = 1 << 20
)

// setBuffers enlarges a UDP socket's buffers so that a burst, or the process
// being descheduled for a moment, does not drop datagrams. Best effort.
func setBuffers(c net.PacketConn, size int) {
	if b, ok := c.(interface {
		SetReadBuffer(int) error
		SetWriteBuffer(int) error
	}); ok {
		_ = b.SetReadBuffer(size)
		_ = b.SetWriteBuffer(size)
	}
}

// relayConn is one allocation's relay socket: what it reads came from peers,
// what it writes goes to peers.
type relayConn struct {
	net.PacketConn
	stats *counters
	live  *atomic.Int64
	once  sync.Once

	// Fast path (see fastPath); udp is nil without it.
	udp      *net.UDPConn
	fast     *fastPath
	fastKey  netip.AddrPort
	buf      []byte // read buffer, used by pion's one reader goroutine
	routesMu sync.Mutex
	routes   atomic.Pointer[clientRoutes]
}

func (c *relayConn) ReadFrom(p []byte) (int, net.Addr, error) {
	if c.udp != nil {
		return c.readFast(p)
	}
	n, addr, err := c.PacketConn.ReadFrom(p)
	if err == nil {
		c.stats.fromPeers.add(n)
	}
	return n, addr, err
}

func (c *relayConn) WriteTo(p []byte, addr net.Addr) (int, error) {
	n, err := c.PacketConn.WriteTo(p, addr)
	if err == nil {
		c.stats.toPeers.add(n)
	}
	return n, err
}

func (c *relayConn) Close() error {
	err := c.PacketConn.Close()
	c.once.Do(func() {
		if c.fast != nil {
			c.fast.removeRelay(c)
		}
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

	udp  *net.UDPConn // with fast
	fast *fastPath    // nil: every datagram goes to pion
}

// newServedPacketConn wraps c; when c is a *net.UDPConn, bound channels take
// the fast path.
func newServedPacketConn(c net.PacketConn) *servedPacketConn {
	s := &servedPacketConn{PacketConn: c, exited: make(chan struct{})}
	if udp, ok := c.(*net.UDPConn); ok {
		s.udp, s.fast = udp, newFastPath(udp)
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
		n, from, err := c.udp.ReadFromUDPAddrPort(p)
		if err != nil {
			c.exitOnce.Do(func() { close(c.exited) })
			return n, nil, err
		}
		if !c.fast.toPeer(from, p[:n]) {
			return n, net.UDPAddrFromAddrPort(from), nil
		}
	}
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
