package relay

import (
	"encoding/binary"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"
)

// fastPath relays ChannelData (RFC 8656 §12) between clients on the UDP
// listener and their peers without going through pion for every packet.
// pion stays in charge of everything else — authentication, allocations,
// permissions, channel binding and expiry — and reports channel bindings
// through its event handler; fastPath mirrors them and forwards the data.
// It saves pion's per-packet parsing, logging arguments and allocations, and
// it moves datagrams in batches (see batch.go): one system call reads every
// datagram waiting on a socket, one sends a run of them.
//
// Client → peer: the UDP listener's reads come here first; ChannelData on a
// bound channel is queued for its allocation's relay socket, and each run of
// datagrams for the same relay socket leaves in one call. Peer → client: a
// relay socket's reads come here first; datagrams from peers with a bound
// channel are framed as ChannelData in place, in the read slots, and leave
// by the UDP listener in one call. Everything else is handed to pion, in
// the order it arrived: what was queued before it leaves first.
//
// Every datagram is still held to the peer policy: a channel is mirrored only
// for a peer transport address the policy allows (so a refused port stays
// with pion, which refuses it), a relay socket drops datagrams from ports the
// policy refuses, and nothing is sent through an allocation once its relay
// socket is closing (Server.Revoke).
type fastPath struct {
	out    *udpSocket  // the client-facing UDP socket
	policy *peerPolicy // a channel to a peer port it refuses stays with pion

	mu       sync.Mutex                    // changes to relays and channels
	relays   map[netip.AddrPort]*relayConn // by relayed address
	channels atomic.Pointer[channelTable]  // replaced, never changed: read without a lock

	// Client → peer datagrams queued by the UDP listener's one reader (pion's
	// read loop) for toRelay's socket.
	toPeers *batchWriter
	toRelay *relayConn
}

// channelTable routes ChannelData by client and channel number.
type channelTable map[clientChannel]channelRoute

type clientChannel struct {
	client netip.AddrPort // unmapped
	number uint16
}

type channelRoute struct {
	relay *relayConn
	peer  netip.AddrPort
}

// clientRoutes is an allocation's set of bound channels, seen from its relay
// socket. It is replaced, never changed, so the reader needs no lock.
type clientRoutes struct {
	client netip.AddrPort // as pion writes to it
	byPeer map[netip.AddrPort]uint16
}

const (
	channelHeader = 4      // channel number, length
	maxDatagram   = 1600   // pion's relay read buffer (allocation.rtpMTU) and inbound MTU
	minChannel    = 0x4000 // RFC 8656 §12: 0x4000 through 0x4FFF; pion accepts up to 0x7FFF
	maxChannel    = 0x7FFF
)

func newFastPath(out *udpSocket, policy *peerPolicy) *fastPath {
	f := &fastPath{out: out, policy: policy, relays: map[netip.AddrPort]*relayConn{}, toPeers: newBatchWriter(listenBatch)}
	f.channels.Store(&channelTable{})
	return f
}

func (f *fastPath) table() channelTable { return *f.channels.Load() }

// editChannels replaces the channel table with a copy that edit changed.
// Called with f.mu held.
func (f *fastPath) editChannels(edit func(channelTable)) {
	old := f.table()
	next := make(channelTable, len(old)+1)
	for k, v := range old {
		next[k] = v
	}
	edit(next)
	f.channels.Store(&next)
}

func (f *fastPath) addRelay(addr net.Addr, c *relayConn) {
	ap, ok := addrPort(addr)
	if !ok {
		return
	}
	f.mu.Lock()
	f.relays[ap] = c
	c.fastKey = ap
	f.mu.Unlock()
}

// removeRelay forgets a closing relay socket and every channel through it.
func (f *fastPath) removeRelay(c *relayConn) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.relays[c.fastKey] == c {
		delete(f.relays, c.fastKey)
	}
	f.editChannels(func(t channelTable) {
		for k, r := range t {
			if r.relay == c {
				delete(t, k)
			}
		}
	})
}

// bind mirrors a channel pion bound; clients over TCP or TLS are left to pion.
func (f *fastPath) bind(src, relayAddr, peer net.Addr, number uint16) {
	client, ok := src.(*net.UDPAddr)
	if !ok {
		return
	}
	raddr, ok1 := addrPort(relayAddr)
	paddr, ok2 := addrPort(peer)
	if !ok1 || !ok2 || f.policy.checkPort(paddr) != classPublic {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	relay := f.relays[raddr]
	if relay == nil {
		return
	}
	key := clientChannel{client: unmap(client.AddrPort()), number: number}
	f.editChannels(func(t channelTable) { t[key] = channelRoute{relay: relay, peer: paddr} })
	relay.setRoute(client.AddrPort(), paddr, number, true)
}

func (f *fastPath) unbind(src, relayAddr, peer net.Addr, number uint16) {
	client, ok := src.(*net.UDPAddr)
	if !ok {
		return
	}
	raddr, _ := addrPort(relayAddr)
	paddr, _ := addrPort(peer)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.editChannels(func(t channelTable) { delete(t, clientChannel{client: unmap(client.AddrPort()), number: number}) })
	if relay := f.relays[raddr]; relay != nil {
		relay.setRoute(client.AddrPort(), paddr, number, false)
	}
}

// forward queues b, a datagram from client, for its peer if it is
// ChannelData on a channel of t; false hands it to pion. Only the UDP
// listener's reader calls it; flushToPeers sends what it queued.
func (f *fastPath) forward(t channelTable, client netip.AddrPort, b []byte) bool {
	if len(b) < channelHeader {
		return false
	}
	number := binary.BigEndian.Uint16(b[0:2])
	length := int(binary.BigEndian.Uint16(b[2:4]))
	if number < minChannel || number > maxChannel || channelHeader+length > len(b) {
		return false
	}
	route, ok := t[clientChannel{client: unmap(client), number: number}]
	if !ok {
		return false
	}
	if route.relay != f.toRelay || f.toPeers.full() {
		f.flushToPeers()
		f.toRelay = route.relay
	}
	f.toPeers.add(b[channelHeader:channelHeader+length], route.peer)
	return true
}

// flushToPeers sends the datagrams forward queued.
func (f *fastPath) flushToPeers() {
	r := f.toRelay
	if r == nil {
		return
	}
	if r.closed.Load() {
		f.toPeers.drop()
		return
	}
	r.stats.toPeers.add(f.toPeers.flush(r.sock))
}

// setRoute adds or removes a bound channel of this allocation.
func (c *relayConn) setRoute(client netip.AddrPort, peer netip.AddrPort, number uint16, add bool) {
	c.routesMu.Lock()
	defer c.routesMu.Unlock()
	next := &clientRoutes{client: client, byPeer: map[netip.AddrPort]uint16{}}
	if old := c.routes.Load(); old != nil {
		for p, n := range old.byPeer {
			next.byPeer[p] = n
		}
	}
	if add {
		next.byPeer[peer] = number
	} else if next.byPeer[peer] == number {
		delete(next.byPeer, peer)
	}
	c.routes.Store(next)
}

// readFast is relayConn.ReadFrom for a UDP relay socket: datagrams from
// peers with a bound channel go to the client here; the rest return to pion.
// Only pion's one reader of the socket calls it.
func (c *relayConn) readFast(p []byte) (int, net.Addr, error) {
	if c.in == nil {
		c.in = newBatchReader(c.sock, channelHeader, maxDatagram, relayBatch)
		c.toClient = newBatchWriter(relayBatch)
	}
	for {
		if d, ok := c.nextForPion(); ok {
			return copy(p, c.in.payload(d)), net.UDPAddrFromAddrPort(d.addr), nil
		}
		if err := c.in.read(); err != nil {
			return 0, nil, err
		}
		c.next = 0
		bytes := 0
		for _, d := range c.in.got {
			bytes += len(d.buf) - channelHeader
		}
		c.stats.fromPeers.add(len(c.in.got), bytes)
	}
}

// nextForPion relays the rest of the last read to the client up to the
// first datagram that is not on a bound channel, and returns that one.
func (c *relayConn) nextForPion() (datagram, bool) {
	routes := c.routes.Load()
	for c.next < len(c.in.got) {
		d := c.in.got[c.next]
		c.next++
		d.addr = unmap(d.addr)
		if routes != nil {
			if number, ok := routes.byPeer[d.addr]; ok {
				binary.BigEndian.PutUint16(d.buf[0:2], number)
				binary.BigEndian.PutUint16(d.buf[2:4], uint16(len(d.buf)-channelHeader)) //nolint:gosec // <= maxDatagram
				// Over UDP, ChannelData needs no padding (RFC 8656 §12.5).
				c.toClient.add(d.buf, routes.client)
				continue
			}
		}
		if c.policy.checkPort(d.addr) != classPublic {
			continue // another port of an allowed address: not a peer
		}
		c.flushToClient()
		return d, true
	}
	c.flushToClient()
	return datagram{}, false
}

func (c *relayConn) flushToClient() {
	if c.closed.Load() {
		c.toClient.drop()
		return
	}
	c.toClient.flush(c.fast.out)
}

func addrPort(a net.Addr) (netip.AddrPort, bool) {
	switch a := a.(type) {
	case *net.UDPAddr:
		return unmap(a.AddrPort()), true
	case *net.TCPAddr:
		return unmap(a.AddrPort()), true
	default:
		return netip.AddrPort{}, false
	}
}

func unmap(ap netip.AddrPort) netip.AddrPort {
	if ap.Addr().Is4In6() {
		return netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
	}
	return ap
}
