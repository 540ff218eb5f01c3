//go:build linux

package relay

import (
	"encoding/binary"
	"errors"
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
		if h.Hdr.Flags&unix.MSG_TRUNC != 0 {
			continue // larger than a slot: no relay carries it whole
		}
		r.got = append(r.got, datagram{buf: r.slots[i][:r.headroom+n], addr: parseSockaddr(&r.sys.names[i])})
	}
	return nil
}

// writerSys is sendmmsg's state, like readerSys.
type writerSys struct {
	hdrs    []unix.Mmsghdr
	iovs    []unix.Iovec
	names   []sockaddr
	off, n  int // the call sends hdrs[off:n]
	sent    int
	bytes   int
	pending []datagram
	sendFn  func(fd uintptr) bool
}

func (s *writerSys) init(count int) {
	s.hdrs, s.iovs, s.names = make([]unix.Mmsghdr, count), make([]unix.Iovec, count), make([]sockaddr, count)
	for i := range s.hdrs {
		s.hdrs[i].Hdr.Name = &s.names[i][0]
		s.hdrs[i].Hdr.Iov = &s.iovs[i]
		s.hdrs[i].Hdr.SetIovlen(1)
	}
	s.sendFn = s.sendmmsg
}

func (s *writerSys) send(sock *udpSocket, ds []datagram) (packets, bytes int) {
	for i, d := range ds {
		s.hdrs[i].Hdr.Namelen = putSockaddr(&s.names[i], d.addr, sock.v6)
		if len(d.buf) > 0 {
			s.iovs[i].Base = &d.buf[0]
		} else {
			s.iovs[i].Base = nil
		}
		s.iovs[i].SetLen(len(d.buf))
	}
	s.off, s.n, s.sent, s.bytes, s.pending = 0, len(ds), 0, 0, ds
	_ = sock.raw.Write(s.sendFn) // a closed socket: nothing more leaves
	s.pending = nil
	return s.sent, s.bytes
}

func (s *writerSys) sendmmsg(fd uintptr) bool {
	for s.off < s.n {
		n, _, errno := unix.RawSyscall6(unix.SYS_SENDMMSG, fd, uintptr(unsafe.Pointer(&s.hdrs[s.off])), uintptr(s.n-s.off), 0, 0, 0)
		switch errno {
		case 0:
			for _, d := range s.pending[s.off : s.off+int(n)] {
				s.bytes += len(d.buf)
			}
			s.off += int(n)
			s.sent += int(n)
		case unix.EINTR:
		case unix.EAGAIN:
			return false // wait until the socket is writable
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
