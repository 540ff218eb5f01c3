package relay

import (
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// fastTables counts the fast path's relay sockets and bound channels.
func fastTables(f *fastPath) (relays, channels int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.relays), len(f.table())
}

// udpSocketOf wraps c for batched reads and writes.
func udpSocketOf(t testing.TB, c net.PacketConn) *udpSocket {
	t.Helper()
	s, err := newUDPSocket(c.(*net.UDPConn))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Once pion has bound a channel, ChannelData in both directions takes the
// fast path: pion no longer sees (or logs) those packets, data still flows,
// and the fast path's tables empty when the allocation ends.
func TestFastPathCarriesBoundChannels(t *testing.T) {
	srv, logs := startServer(t, func(c *Config) { c.AllowLoopbackPeers = true })
	tables := func() (relays, channels int) { return fastTables(srv.udp.fast) }

	c, err := allocate(t, srv.Addrs(), "udp", srv.Credentials("alice", time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	peer := listenUDP(t)
	roundTrip(t, c, peer) // the client binds a channel for this peer meanwhile
	waitFor(t, "the channel binding to reach the fast path", func() bool {
		_, channels := tables()
		return channels == 1
	})

	seenByPion := func() int {
		out := logs.String()
		return strings.Count(out, "Relay socket") + strings.Count(out, "Received DataPacket") +
			strings.Count(out, "Received SendIndication")
	}
	if seenByPion() == 0 {
		t.Fatal("pion logged no data packets before the channel was bound; this test cannot tell the paths apart")
	}
	// The client too switches from Send indications to ChannelData once it
	// has the ChannelBind response; wait for a round trip pion does not see.
	for i := 0; ; i++ {
		n := seenByPion()
		roundTrip(t, c, peer)
		if seenByPion() == n {
			break
		}
		if i == 50 {
			t.Fatal("the client never sent ChannelData")
		}
	}
	before := seenByPion()
	for range 20 {
		roundTrip(t, c, peer)
	}
	if after := seenByPion(); after != before {
		t.Errorf("pion handled %d data packets on a bound channel, want 0 (fast path)", after-before)
	}
	waitFor(t, "counters", func() bool { st := srv.Stats(); return st.PacketsToPeers >= 22 && st.PacketsFromPeers >= 22 })

	// A TCP client's channels stay with pion.
	tc, err := allocate(t, srv.Addrs(), "tcp", srv.Credentials("bob", time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, tc, listenUDP(t))
	roundTrip(t, tc, listenUDP(t))
	if relays, channels := tables(); relays != 2 || channels != 1 {
		t.Errorf("fast path tables: %d relays, %d channels; want 2, 1 (TCP client's channel left to pion)", relays, channels)
	}

	c.close()
	tc.close()
	waitFor(t, "fast path tables to empty", func() bool {
		relays, channels := tables()
		return relays == 0 && channels == 0
	})
}

// On a dual-stack listener ("[::]:port") IPv4 clients appear as
// ::ffff:a.b.c.d; the fast path must still match their channels.
func TestFastPathDualStackListener(t *testing.T) {
	ln, err := net.ListenPacket("udp", "[::]:0")
	if err != nil {
		t.Skipf("no dual-stack UDP socket here: %v", err)
	}
	srv, _ := startServer(t, func(c *Config) {
		c.UDPConn, c.TCPListener, c.TLSListener, c.TLSConfig = ln, nil, nil, nil
		c.RelayIP = netip.MustParseAddr("127.0.0.1")
		c.AllowLoopbackPeers = true
	})
	port := ln.LocalAddr().(*net.UDPAddr).Port
	v4 := Addrs{UDP: &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: port}}
	c, err := allocate(t, v4, "udp", srv.Credentials("alice", time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	peer := listenUDP(t)
	roundTrip(t, c, peer)
	waitFor(t, "the channel binding to reach the fast path", func() bool {
		_, channels := fastTables(srv.udp.fast)
		return channels == 1
	})
	for range 5 {
		roundTrip(t, c, peer)
	}
}
