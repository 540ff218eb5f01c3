package relay

import (
	"fmt"
	"net"
	"net/netip"
	"sync/atomic"
	"syscall"
)

// The fast path moves datagrams in batches: one system call reads every
// datagram waiting on a socket (up to a batch), and one sends a run of
// datagrams that leave by the same socket (recvmmsg and sendmmsg on Linux;
// one datagram per call elsewhere). Slots are allocated once per socket, so
// relaying allocates nothing per packet.
const (
	// listenBatch is how many datagrams one read takes from the
	// client-facing socket, where every client's traffic arrives.
	listenBatch = 64
	// relayBatch is the same for an allocation's relay socket, which carries
	// one client's peers; every allocation holds this many slots.
	relayBatch = 16
)

// udpSocket is a UDP socket the fast path reads and writes in batches.
type udpSocket struct {
	conn  *net.UDPConn
	raw   syscall.RawConn
	v6    bool        // an AF_INET6 socket: IPv4 destinations are written IPv4-mapped
	noGSO atomic.Bool // the kernel refused to segment a run sent through it
}

func newUDPSocket(c *net.UDPConn) (*udpSocket, error) {
	raw, err := c.SyscallConn()
	if err != nil {
		return nil, fmt.Errorf("UDP socket %s: %w", c.LocalAddr(), err)
	}
	v6, err := isIPv6Socket(raw)
	if err != nil {
		return nil, fmt.Errorf("UDP socket %s: %w", c.LocalAddr(), err)
	}
	return &udpSocket{conn: c, raw: raw, v6: v6}, nil
}

// datagram is one slot of a batch: for a read, buf holds the headroom and
// the datagram and addr is its source; for a write, buf is what to send and
// addr its destination.
type datagram struct {
	buf  []byte
	addr netip.AddrPort
}

// batchReader reads from one socket into fixed slots. Each slot keeps
// headroom bytes in front of the datagram, so that a header can be framed
// in place.
type batchReader struct {
	sock     *udpSocket
	headroom int
	size     int        // the largest datagram taken; larger ones are dropped
	slots    [][]byte   // headroom + size + 1 (to see a larger datagram), each
	got      []datagram // what the last read returned
	sys      readerSys
}

func newBatchReader(s *udpSocket, headroom, size, count int) *batchReader {
	r := &batchReader{sock: s, headroom: headroom, size: size, slots: make([][]byte, count), got: make([]datagram, 0, count)}
	for i := range r.slots {
		r.slots[i] = make([]byte, headroom+size+1)
	}
	r.sys.init(r)
	return r
}

// payload is a read datagram without its headroom.
func (r *batchReader) payload(d datagram) []byte { return d.buf[r.headroom:] }

// batchWriter collects datagrams that leave by one socket and sends them in
// one call.
type batchWriter struct {
	pending []datagram
	sys     writerSys
}

func newBatchWriter(count int) *batchWriter {
	w := &batchWriter{pending: make([]datagram, 0, count)}
	w.sys.init(count)
	return w
}

func (w *batchWriter) full() bool { return len(w.pending) == cap(w.pending) }

// add queues b for to; b must stay unchanged until the next flush.
func (w *batchWriter) add(b []byte, to netip.AddrPort) {
	w.pending = append(w.pending, datagram{buf: b, addr: to})
}

// flush sends what add queued through s and reports how many datagrams and
// bytes left. A datagram the kernel refuses is skipped; the others still go.
func (w *batchWriter) flush(s *udpSocket) (packets, bytes int) {
	if len(w.pending) == 0 {
		return 0, 0
	}
	packets, bytes = w.sys.send(s, w.pending)
	w.drop()
	return packets, bytes
}

// drop forgets what add queued.
func (w *batchWriter) drop() {
	clear(w.pending)
	w.pending = w.pending[:0]
}
