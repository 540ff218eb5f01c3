package relay

import (
	"net"
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
		srv.udp.fast.mu.RLock()
		bound := len(srv.udp.fast.channels) > 0
		srv.udp.fast.mu.RUnlock()
		if bound || time.Now().After(deadline) {
			break
		}
	}
	b.ReportAllocs()
	b.SetBytes(int64(2 * len(payload)))
	for b.Loop() {
		roundTrip()
	}
}
