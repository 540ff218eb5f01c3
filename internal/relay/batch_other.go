//go:build !linux

package relay

import (
	"net"
	"syscall"
)

// Without recvmmsg and sendmmsg, a batch is one datagram per system call.

type readerSys struct{}

func (*readerSys) init(*batchReader) {}

// read reads one datagram.
func (r *batchReader) read() error {
	r.got = r.got[:0]
	slot := r.slots[0]
	n, from, err := r.sock.conn.ReadFromUDPAddrPort(slot[r.headroom:])
	if err != nil {
		return err
	}
	if n > r.size {
		return nil // too large: no relay carries it whole
	}
	r.got = append(r.got, datagram{buf: slot[:r.headroom+n], addr: from})
	return nil
}

type writerSys struct{}

func (*writerSys) init(int) {}

func (*writerSys) send(sock *udpSocket, ds []datagram) (packets, bytes int) {
	for _, d := range ds {
		if n, err := sock.conn.WriteToUDPAddrPort(d.buf, d.addr); err == nil {
			packets++
			bytes += n
		}
	}
	return packets, bytes
}

// isIPv6Socket is unused here: WriteToUDPAddrPort maps addresses itself.
func isIPv6Socket(syscall.RawConn) (bool, error) { return false, nil }

// setSocketBuffers asks for size; the size granted is not known here.
func setSocketBuffers(c *net.UDPConn, size int) int {
	_ = c.SetReadBuffer(size)
	_ = c.SetWriteBuffer(size)
	return 0
}
