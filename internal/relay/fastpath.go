package relay

import (
	"encoding/binary"
	"net"
	"net/netip"
	"sync"
)

// fastPath relays ChannelData (RFC 8656 §12) between clients on the UDP
// listener and their peers without going through pion for every packet.
// pion stays in charge of everything else — authentication, allocations,
// permissions, channel binding and expiry — and reports channel bindings
// through its event handler; fastPath mirrors them and forwards the data.
// It saves pion's per-packet parsing, logging arguments and allocations;
// the socket calls are the same.
//
// Client → peer: the UDP listener's reads come here first; a ChannelData
// message on a bound channel goes straight out of its allocation's relay
// socket. Peer → client: a relay socket's reads come here first; a datagram
// from a peer with a bound channel goes to the client as ChannelData, framed
// in place in the relay socket's buffer. Everything else is handed to pion.
type fastPath struct {
	out    *net.UDPConn // the client-facing UDP socket
	policy *peerPolicy  // a channel to a peer port it refuses stays with pion

	mu       sync.RWMutex
	relays   map[netip.AddrPort]*relayConn  // by relayed address
	channels map[clientChannel]channelRoute // by client and channel number
}

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
	out    *net.UDPConn
	byPeer map[netip.AddrPort]uint16
}

const (
	channelHeader = 4      // channel number, length
	maxDatagram   = 1600   // pion's relay read buffer (allocation.rtpMTU)
	minChannel    = 0x4000 // RFC 8656 §12: 0x4000 through 0x4FFF; pion accepts up to 0x7FFF
	maxChannel    = 0x7FFF
)

func newFastPath(out *net.UDPConn, policy *peerPolicy) *fastPath {
	return &fastPath{out: out, policy: policy, relays: map[netip.AddrPort]*relayConn{}, channels: map[clientChannel]channelRoute{}}
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

func (f *fastPath) removeRelay(c *relayConn) {
	f.mu.Lock()
	if f.relays[c.fastKey] == c {
		delete(f.relays, c.fastKey)
	}
	f.mu.Unlock()
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
	f.channels[key] = channelRoute{relay: relay, peer: paddr}
	relay.setRoute(client.AddrPort(), f.out, paddr, number, true)
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
	delete(f.channels, clientChannel{client: unmap(client.AddrPort()), number: number})
	if relay := f.relays[raddr]; relay != nil {
		relay.setRoute(client.AddrPort(), f.out, paddr, number, false)
	}
}

// toPeer forwards b, a datagram from client, if it is ChannelData on a bound
// channel; false hands it to pion.
func (f *fastPath) toPeer(client netip.AddrPort, b []byte) bool {
	if len(b) < channelHeader {
		return false
	}
	number := binary.BigEndian.Uint16(b[0:2])
	length := int(binary.BigEndian.Uint16(b[2:4]))
	if number < minChannel || number > maxChannel || channelHeader+length > len(b) {
		return false
	}
	f.mu.RLock()
	route, ok := f.channels[clientChannel{client: unmap(client), number: number}]
	f.mu.RUnlock()
	if !ok {
		return false
	}
	_, _ = route.relay.writeToPeer(b[channelHeader:channelHeader+length], route.peer)
	return true
}

// setRoute adds or removes a bound channel of this allocation.
func (c *relayConn) setRoute(client netip.AddrPort, out *net.UDPConn, peer netip.AddrPort, number uint16, add bool) {
	c.routesMu.Lock()
	defer c.routesMu.Unlock()
	next := &clientRoutes{client: client, out: out, byPeer: map[netip.AddrPort]uint16{}}
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
func (c *relayConn) readFast(p []byte) (int, net.Addr, error) {
	if c.buf == nil {
		c.buf = make([]byte, channelHeader+maxDatagram)
	}
	for {
		n, from, err := c.udp.ReadFromUDPAddrPort(c.buf[channelHeader:])
		if err != nil {
			return 0, nil, err
		}
		c.stats.fromPeers.add(n)
		from = unmap(from)
		if routes := c.routes.Load(); routes != nil {
			if number, ok := routes.byPeer[from]; ok {
				binary.BigEndian.PutUint16(c.buf[0:2], number)
				binary.BigEndian.PutUint16(c.buf[2:4], uint16(n)) //nolint:gosec // n <= maxDatagram
				// Over UDP, ChannelData needs no padding (RFC 8656 §12.5).
				_, _ = routes.out.WriteToUDPAddrPort(c.buf[:channelHeader+n], routes.client)
				continue
			}
		}
		if c.policy.checkPort(from) != classPublic {
			continue // another port of an allowed address: not a peer
		}
		return copy(p, c.buf[channelHeader:channelHeader+n]), net.UDPAddrFromAddrPort(from), nil
	}
}

func (c *relayConn) writeToPeer(b []byte, peer netip.AddrPort) (int, error) {
	n, err := c.udp.WriteToUDPAddrPort(b, peer)
	if err == nil {
		c.stats.toPeers.add(n)
	}
	return n, err
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
