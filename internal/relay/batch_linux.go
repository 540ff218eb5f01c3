//go:build linux

package relay

import (
	"encoding/binary"
	"errors"
	"net"
	"net/netip"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// The sockets are non-blocking (Go's poller waits for them), so recvmmsg and
// sendmmsg never block: they are made as raw system calls, which keep the
// goroutine's P. Entering the scheduler's syscall state instead lets sysmon
// hand the P to another thread whenever a batch takes longer than its tick,
// which under load cost about a tenth of the relay's CPU.

// sockaddr holds a struct sockaddr_in or sockaddr_in6 as the kernel reads
// and writes it.
type sockaddr [unix.SizeofSockaddrInet6]byte

// readerSys is recvmmsg's state: one header, iovec and address per slot,
// set up once; readFn is bound once so that a read allocates nothing.
type readerSys struct {
	hdrs   []unix.Mmsghdr
	iovs   []unix.Iovec
	names  []sockaddr
	n      int
	errno  syscall.Errno
	readFn func(fd uintptr) bool
}

func (s *readerSys) init(r *batchReader) {
	n := len(r.slots)
	s.hdrs, s.iovs, s.names = make([]unix.Mmsghdr, n), make([]unix.Iovec, n), make([]sockaddr, n)
	for i, slot := range r.slots {
		s.iovs[i].Base = &slot[r.headroom]
		s.iovs[i].SetLen(len(slot) - r.headroom)
		s.hdrs[i].Hdr.Name = &s.names[i][0]
		s.hdrs[i].Hdr.Iov = &s.iovs[i]
		s.hdrs[i].Hdr.SetIovlen(1)
	}
	s.readFn = s.recvmmsg
}

func (s *readerSys) recvmmsg(fd uintptr) bool {
	for i := range s.hdrs {
		s.hdrs[i].Hdr.Namelen = unix.SizeofSockaddrInet6
		s.hdrs[i].Hdr.Flags = 0
	}
	for {
		n, _, errno := unix.RawSyscall6(unix.SYS_RECVMMSG, fd, uintptr(unsafe.Pointer(&s.hdrs[0])), uintptr(len(s.hdrs)), 0, 0, 0)
		switch errno {
		case unix.EINTR:
			continue
		case unix.EAGAIN:
			return false // wait until the socket is readable
		}
		s.n, s.errno = int(n), errno
		return true
	}
}

// read fills r.got with the datagrams waiting on the socket, waiting for
// one if there are none.
func (r *batchReader) read() error {
	r.got = r.got[:0]
	if err := r.sock.raw.Read(r.sys.readFn); err != nil {
		return err
	}
	if r.sys.errno != 0 {
		return r.sys.errno
	}
	for i := range r.sys.n {
		h := &r.sys.hdrs[i]
		n := int(h.Len)
		if n > r.size || h.Hdr.Flags&unix.MSG_TRUNC != 0 {
			continue // too large: no relay carries it whole
		}
		r.got = append(r.got, datagram{buf: r.slots[i][:r.headroom+n], addr: parseSockaddr(&r.sys.names[i])})
	}
	return nil
}

// Runs of datagrams to one destination of one size (the last may be
// shorter) leave as one message with UDP generic segmentation offload
// (UDP_SEGMENT): the kernel routes and builds one large datagram and cuts
// it into the original ones only at the device or at the receiving socket,
// instead of walking the whole stack once per datagram. Media sent through
// a relay comes in such runs (a video frame's packets are cut to one size).
const (
	gsoMaxSegments = 64    // UDP_MAX_SEGMENTS on older kernels
	gsoMaxBytes    = 65000 // the large datagram stays within one IP packet
	gsoMaxSegment  = 1452  // fits a 1500-byte MTU over IPv6: the kernel refuses segments larger than the path's MTU
)

// gsoControl is a control message carrying UDP_SEGMENT's segment size.
type gsoControl [unix.SizeofCmsghdr + 8]byte

// writerSys is sendmmsg's state, like readerSys: one header, address and
// control message per message, one iovec per datagram.
type writerSys struct {
	hdrs   []unix.Mmsghdr
	names  []sockaddr
	ctrls  []gsoControl
	iovs   []unix.Iovec
	counts []int // datagrams per message
	firsts []int // each message's first datagram
	sizes  []int // bytes per message
	// One call's state.
	off, n    int // the call sends hdrs[off:n]
	sent      int
	bytes     int
	gsoFailed int // the message the kernel refused to segment, or -1
	sendFn    func(fd uintptr) bool
}

func (s *writerSys) init(count int) {
	s.hdrs, s.names, s.ctrls = make([]unix.Mmsghdr, count), make([]sockaddr, count), make([]gsoControl, count)
	s.iovs, s.counts, s.firsts, s.sizes = make([]unix.Iovec, count), make([]int, count), make([]int, count), make([]int, count)
	for i := range s.hdrs {
		s.hdrs[i].Hdr.Name = &s.names[i][0]
		h := (*unix.Cmsghdr)(unsafe.Pointer(&s.ctrls[i][0]))
		h.Level, h.Type = unix.SOL_UDP, unix.UDP_SEGMENT
		h.SetLen(unix.CmsgLen(2))
	}
	s.sendFn = s.sendmmsg
}

func (s *writerSys) send(sock *udpSocket, ds []datagram) (packets, bytes int) {
	for len(ds) > 0 {
		s.off, s.n = 0, s.layout(sock, ds)
		s.sent, s.bytes, s.gsoFailed = 0, 0, -1
		err := sock.raw.Write(s.sendFn)
		packets, bytes = packets+s.sent, bytes+s.bytes
		if err != nil || s.gsoFailed < 0 { // a closed socket: nothing more leaves
			break
		}
		// This socket's route cannot segment (e.g. no checksum offload):
		// send the rest, and from now on everything, one by one.
		sock.noGSO.Store(true)
		ds = ds[s.firsts[s.gsoFailed]:]
	}
	return packets, bytes
}

// layout lays ds out as messages, a run to segment per message where the
// socket can, and returns how many.
func (s *writerSys) layout(sock *udpSocket, ds []datagram) int {
	gso := !sock.noGSO.Load()
	m := 0
	for i := 0; i < len(ds); m++ {
		first, size := i, len(ds[i].buf)
		total := size
		for i++; gso && size > 0 && size <= gsoMaxSegment && i < len(ds) && i-first < gsoMaxSegments; i++ {
			n := len(ds[i].buf)
			if ds[i].addr != ds[first].addr || n > size || n == 0 || total+n > gsoMaxBytes {
				break
			}
			total += n
			if n < size { // only the last segment may be shorter
				i++
				break
			}
		}
		for j := first; j < i; j++ {
			if len(ds[j].buf) > 0 {
				s.iovs[j].Base = &ds[j].buf[0]
			} else {
				s.iovs[j].Base = nil
			}
			s.iovs[j].SetLen(len(ds[j].buf))
		}
		h := &s.hdrs[m].Hdr
		h.Namelen = putSockaddr(&s.names[m], ds[first].addr, sock.v6)
		h.Iov = &s.iovs[first]
		h.SetIovlen(i - first)
		if i-first > 1 {
			binary.NativeEndian.PutUint16(s.ctrls[m][unix.CmsgLen(0):], uint16(size)) //nolint:gosec // <= gsoMaxSegment
			h.Control = &s.ctrls[m][0]
			h.SetControllen(unix.CmsgSpace(2))
		} else {
			h.Control = nil
			h.SetControllen(0)
		}
		s.firsts[m], s.counts[m], s.sizes[m] = first, i-first, total
	}
	return m
}

func (s *writerSys) sendmmsg(fd uintptr) bool {
	for s.off < s.n {
		n, _, errno := unix.RawSyscall6(unix.SYS_SENDMMSG, fd, uintptr(unsafe.Pointer(&s.hdrs[s.off])), uintptr(s.n-s.off), 0, 0, 0)
		switch {
		case errno == 0:
			for m := s.off; m < s.off+int(n); m++ {
				s.sent += s.counts[m]
				s.bytes += s.sizes[m]
			}
			s.off += int(n)
		case errno == unix.EINTR:
		case errno == unix.EAGAIN:
			return false // wait until the socket is writable
		case s.counts[s.off] > 1 && (errno == unix.EIO || errno == unix.EINVAL || errno == unix.ENOPROTOOPT):
			s.gsoFailed = s.off
			return true
		default:
			s.off++ // the kernel refuses this datagram (e.g. no route): skip it
		}
	}
	return true
}

// parseSockaddr reads a sockaddr_in or sockaddr_in6 (the scope is dropped:
// the peer policy never opens link-local peers by zone).
func parseSockaddr(sa *sockaddr) netip.AddrPort {
	port := binary.BigEndian.Uint16(sa[2:4])
	switch binary.NativeEndian.Uint16(sa[0:2]) {
	case unix.AF_INET:
		return netip.AddrPortFrom(netip.AddrFrom4([4]byte(sa[4:8])), port)
	case unix.AF_INET6:
		return netip.AddrPortFrom(netip.AddrFrom16([16]byte(sa[8:24])), port)
	}
	return netip.AddrPort{}
}

// putSockaddr writes ap for a socket of the given family and returns the
// address's length, 0 when the socket cannot reach it.
func putSockaddr(sa *sockaddr, ap netip.AddrPort, v6 bool) uint32 {
	ip := ap.Addr()
	clear(sa[:])
	binary.BigEndian.PutUint16(sa[2:4], ap.Port())
	switch {
	case v6:
		binary.NativeEndian.PutUint16(sa[0:2], unix.AF_INET6)
		b := ip.As16()
		copy(sa[8:24], b[:])
		return unix.SizeofSockaddrInet6
	case ip.Is4() || ip.Is4In6():
		binary.NativeEndian.PutUint16(sa[0:2], unix.AF_INET)
		b := ip.Unmap().As4()
		copy(sa[4:8], b[:])
		return unix.SizeofSockaddrInet4
	}
	return 0
}

// isIPv6Socket tells an AF_INET6 socket (which may be dual-stack) from an
// AF_INET one.
func isIPv6Socket(raw syscall.RawConn) (bool, error) {
	var domain int
	var serr error
	if err := raw.Control(func(fd uintptr) {
		domain, serr = unix.GetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_DOMAIN)
	}); err != nil {
		return false, err
	}
	if serr != nil {
		return false, errors.Join(errors.New("socket domain"), serr)
	}
	return domain == unix.AF_INET6, nil
}

// setSocketBuffers sets both buffers to size, past the kernel's cap where the
// process may (SO_RCVBUFFORCE, SO_SNDBUFFORCE), and returns the receive
// buffer's size granted (the kernel reports twice that, the rest being its
// bookkeeping).
func setSocketBuffers(c *net.UDPConn, size int) int {
	raw, err := c.SyscallConn()
	if err != nil {
		return 0
	}
	got := 0
	_ = raw.Control(func(fd uintptr) {
		for _, o := range [][2]int{{unix.SO_RCVBUFFORCE, unix.SO_RCVBUF}, {unix.SO_SNDBUFFORCE, unix.SO_SNDBUF}} {
			if unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, o[0], size) != nil {
				_ = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, o[1], size)
			}
		}
		got, _ = unix.GetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_RCVBUF)
	})
	return got / 2
}
