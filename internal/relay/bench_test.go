package relay

import (
	"encoding/binary"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkRelayRoundTrip measures one UDP round trip client → relay → peer
// → relay → client on loopback, on a bound channel (the fast path). The pion
// client's own work is included; scripts/turn-bench.sh measures the server
// alone against coturn.
func BenchmarkRelayRoundTrip(b *testing.B) {
	srv, err := New(Config{Secret: testSecret, UDPAddr: "127.0.0.1:0", AllowLoopbackPeers: true}, nil)
	if err != nil {
		b.Fatal(err)
	}
	if err := srv.Start(b.Context()); err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	c, err := allocate(b, srv.Addrs(), "udp", srv.Credentials("bench", time.Now()))
	if err != nil {
		b.Fatal(err)
	}
	defer c.close() // before the server closes

	peer, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer peer.Close()
	go func() { // echo
		buf := make([]byte, 1500)
		for {
			n, from, err := peer.ReadFrom(buf)
			if err != nil {
				return
			}
			_, _ = peer.WriteTo(buf[:n], from)
		}
	}()

	payload := make([]byte, 170)
	buf := make([]byte, 1500)
	roundTrip := func() {
		if _, err := c.relay.WriteTo(payload, peer.LocalAddr()); err != nil {
			b.Fatal(err)
		}
		_ = c.relay.SetReadDeadline(time.Now().Add(2 * time.Second))
		if _, _, err := c.relay.ReadFrom(buf); err != nil {
			b.Fatal(err)
		}
	}
	// Warm up until the client's channel binding reaches the fast path.
	for deadline := time.Now().Add(2 * time.Second); ; {
		roundTrip()
		if _, channels := fastTables(srv.udp.fast); channels > 0 || time.Now().After(deadline) {
			break
		}
	}
	b.ReportAllocs()
	b.SetBytes(int64(2 * len(payload)))
	for b.Loop() {
		roundTrip()
	}
}

// BenchmarkFastPath measures the fast path alone, between plain sockets: a
// client's ChannelData through the listener's reader to a peer that echoes
// it, and back through the relay socket's reader as ChannelData. Nothing
// else allocates, so allocs/op are the relay's own per round trip (0). The
// burst sub-benchmarks send that many datagrams before reading the echoes,
// as media does, so that reads and writes come in batches.
func BenchmarkFastPath(b *testing.B) {
	for _, burst := range []int{1, 32} {
		b.Run(fmt.Sprintf("burst=%d", burst), func(b *testing.B) { benchmarkFastPath(b, burst) })
	}
}

func benchmarkFastPath(b *testing.B, burst int) {
	listen, relaySock, peer, client := listenUDP(b), listenUDP(b), listenUDP(b).(*net.UDPConn), listenUDP(b).(*net.UDPConn)
	policy := peerPolicy{loopback: true}
	served := newServedPacketConn(listen, &policy)
	var live atomic.Int64
	rc := &relayConn{PacketConn: relaySock, sock: udpSocketOf(b, relaySock), fast: served.fast, stats: &counters{},
		live: &live, policy: &policy, sockets: &relaySockets{m: map[*relayConn]struct{}{}}}
	served.fast.addRelay(relaySock.LocalAddr(), rc)
	served.fast.bind(client.LocalAddr(), relaySock.LocalAddr(), peer.LocalAddr(), 0x4001)

	var wg sync.WaitGroup
	defer wg.Wait() // after the sockets close (deferred below)
	defer func() { _, _, _, _ = served.Close(), rc.Close(), peer.Close(), client.Close() }()
	for _, read := range []func([]byte) (int, net.Addr, error){served.ReadFrom, rc.ReadFrom} {
		wg.Go(func() { // pion's read loops: nothing reaches them here
			buf := make([]byte, maxDatagram)
			for {
				if _, _, err := read(buf); err != nil {
					return
				}
			}
		})
	}
	wg.Go(func() { // the peer echoes
		buf := make([]byte, maxDatagram)
		for {
			n, from, err := peer.ReadFromUDPAddrPort(buf)
			if err != nil {
				return
			}
			_, _ = peer.WriteToUDPAddrPort(buf[:n], from)
		}
	})

	frame := binary.BigEndian.AppendUint16(nil, 0x4001)
	frame = binary.BigEndian.AppendUint16(frame, 170)
	frame = append(frame, make([]byte, 170)...)
	to := listen.LocalAddr().(*net.UDPAddr).AddrPort()
	buf := make([]byte, maxDatagram)
	b.ReportAllocs()
	b.SetBytes(int64(2 * 170 * burst))
	for b.Loop() {
		for range burst {
			if _, err := client.WriteToUDPAddrPort(frame, to); err != nil {
				b.Fatal(err)
			}
		}
		_ = client.SetReadDeadline(time.Now().Add(2 * time.Second))
		for range burst {
			if n, _, err := client.ReadFromUDPAddrPort(buf); err != nil || n != len(frame) {
				b.Fatalf("echo: %d bytes, %v; want %d", n, err, len(frame))
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*burst), "ns/round-trip")
}
