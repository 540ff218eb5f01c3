package relay

import (
	"bytes"
	"fmt"
	"net"
	"testing"
	"time"
)

// A batch leaves whole and in order whatever mix of destinations and sizes it
// holds: runs of one size to one destination (which Linux sends segmented),
// a shorter datagram ending a run, larger ones, empty ones; with
// segmentation and without it.
func TestBatchWriterSendsEveryDatagramInOrder(t *testing.T) {
	for _, segment := range []bool{true, false} {
		t.Run(fmt.Sprintf("segmentation=%v", segment), func(t *testing.T) {
			sock := udpSocketOf(t, listenUDP(t))
			sock.noGSO.Store(!segment)
			a, b := listenUDP(t), listenUDP(t)
			var want [2][][]byte
			w := newBatchWriter(listenBatch)
			add := func(to int, size int) {
				d := bytes.Repeat([]byte{byte(len(want[0]) + len(want[1]))}, size)
				want[to] = append(want[to], d)
				w.add(d, udpAddrPort([]net.PacketConn{a, b}[to]))
			}
			for _, d := range []struct{ to, size, count int }{
				{0, 100, 5}, {0, 60, 1}, {0, 100, 3}, {1, 200, 2}, {1, 0, 1}, {1, 1400, 2}, {0, 1500, 2}, {1, 10, 1}, {0, 100, 40},
			} {
				for range d.count {
					add(d.to, d.size)
				}
			}
			total := len(want[0]) + len(want[1])
			if packets, _ := w.flush(sock); packets != total {
				t.Fatalf("flush sent %d datagrams, want %d", packets, total)
			}
			for i, peer := range []net.PacketConn{a, b} {
				buf := make([]byte, 2000)
				for j, d := range want[i] {
					_ = peer.SetReadDeadline(time.Now().Add(2 * time.Second))
					n, _, err := peer.ReadFrom(buf)
					if err != nil || !bytes.Equal(buf[:n], d) {
						t.Fatalf("peer %d datagram %d: %d bytes (%v), want %d bytes of %d", i, j, n, err, len(d), d[0:min(1, len(d))])
					}
				}
			}
			if segment && sock.noGSO.Load() {
				t.Log("this kernel refused UDP segmentation; the batch went one datagram at a time")
			}
		})
	}
}

// A read takes every waiting datagram with its source, and drops one too
// large rather than hand on a truncated one.
func TestBatchReaderReadsWhatWaits(t *testing.T) {
	c := listenUDP(t)
	r := newBatchReader(udpSocketOf(t, c), channelHeader, 100, 8)
	from := listenUDP(t)
	for _, size := range []int{10, 0, 101, 100} {
		if _, err := from.WriteTo(make([]byte, size), c.LocalAddr()); err != nil {
			t.Fatal(err)
		}
	}
	var sizes []int
	for len(sizes) < 3 {
		if err := r.read(); err != nil {
			t.Fatal(err)
		}
		for _, d := range r.got {
			if d.addr != udpAddrPort(from) {
				t.Errorf("datagram from %s, want %s", d.addr, udpAddrPort(from))
			}
			sizes = append(sizes, len(r.payload(d)))
		}
	}
	if fmt.Sprint(sizes) != "[10 0 100]" {
		t.Errorf("read datagrams of %v bytes, want [10 0 100] (101 is too large)", sizes)
	}
}
