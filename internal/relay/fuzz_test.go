package relay

import (
	"bytes"
	"encoding/binary"
	"net"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Fuzz targets for the parts of the relay that read what clients send
// before pion does: TURN REST usernames, ChannelData framing on the fast
// path, and the peer policy's view of an address. Seed corpora are in
// testdata/fuzz.

// FuzzUsername: checkUsername never panics, accepts only "<expiry>:<user>"
// (or a bare expiry) not yet past, and credentials made for any user verify
// as that user (':' replaced) and no other.
func FuzzUsername(f *testing.F) {
	for _, s := range []string{"1767225600:iv1/candidate", "0:x", "-5:x", "99999999999999999999:x", ":x", "x", "",
		"1767225600", "1767225600:a:b", "1e10:x", " 1767225600:x"} {
		f.Add(s)
	}
	now := time.Unix(1_700_000_000, 0)
	f.Fuzz(func(t *testing.T, username string) {
		user, err := checkUsername(username, now)
		if err == nil {
			stamp, rest, _ := strings.Cut(username, ":")
			if rest != user || stamp == "" {
				t.Fatalf("checkUsername(%q) = %q, want the part after the expiry", username, user)
			}
		}
		c := GenerateCredentials(testSecret, username, now, time.Hour)
		got, err := VerifyCredentials(testSecret, c.Username, c.Password, now)
		if err != nil || got != strings.ReplaceAll(username, ":", "_") {
			t.Fatalf("credentials for %q verify as %q, %v", username, got, err)
		}
		if _, err := VerifyCredentials("another secret", c.Username, c.Password, now); err == nil {
			t.Fatalf("credentials for %q verify with another secret", username)
		}
	})
}

// FuzzChannelData hands the fast path datagrams "from a client" that has one
// channel (0x4001) bound to a peer: a datagram is forwarded exactly when it
// is well-framed ChannelData on that channel, and then the peer receives
// just its data.
func FuzzChannelData(f *testing.F) {
	frame := func(number uint16, data string, extra int) []byte {
		b := binary.BigEndian.AppendUint16(nil, number)
		b = binary.BigEndian.AppendUint16(b, uint16(len(data))) //nolint:gosec // short
		return append(append(b, data...), make([]byte, extra)...)
	}
	for _, b := range [][]byte{frame(0x4001, "media", 0), frame(0x4001, "padded", 2), frame(0x4002, "other", 0),
		frame(0x3FFF, "low", 0), frame(0x8000, "high", 0), frame(0x4001, "", 0), {0x40, 0x01, 0xFF, 0xFF, 1},
		{0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xA4, 0x42}, {0x40}} {
		f.Add(b)
	}
	out, relaySock, peer := listenUDP(f), listenUDP(f).(*net.UDPConn), listenUDP(f)
	policy := peerPolicy{loopback: true}
	fast := newFastPath(udpSocketOf(f, out), &policy)
	var live atomic.Int64
	rc := &relayConn{PacketConn: relaySock, sock: udpSocketOf(f, relaySock), fast: fast, stats: &counters{}, live: &live, policy: &policy}
	client := &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 40000}
	fast.addRelay(relaySock.LocalAddr(), rc)
	fast.bind(client, relaySock.LocalAddr(), peer.LocalAddr(), 0x4001)
	buf := make([]byte, 2048)
	f.Fuzz(func(t *testing.T, b []byte) {
		well := len(b) >= 4 && binary.BigEndian.Uint16(b) == 0x4001 && 4+int(binary.BigEndian.Uint16(b[2:])) <= len(b)
		forwarded := fast.forward(fast.table(), client.AddrPort(), b)
		fast.flushToPeers()
		if forwarded != well {
			t.Fatalf("forward(% x) = %v, want %v", b, forwarded, well)
		}
		if !forwarded {
			return
		}
		data := b[4 : 4+int(binary.BigEndian.Uint16(b[2:]))]
		_ = peer.SetReadDeadline(time.Now().Add(2 * time.Second))
		n, _, err := peer.ReadFrom(buf)
		if err != nil || !bytes.Equal(buf[:n], data) {
			t.Fatalf("peer got % x, %v; want % x", buf[:n], err, data)
		}
	})
}

// FuzzPeerPolicy: however an address is written (IPv4-mapped or not), the
// policy says the same; unspecified, multicast and reserved addresses are
// never opened; with only the allowed peers, nothing else is.
func FuzzPeerPolicy(f *testing.F) {
	f.Add([]byte{127, 0, 0, 1}, uint16(5000), byte(0))
	f.Add([]byte{0, 0, 0, 0}, uint16(5000), byte(7))
	f.Add([]byte{10, 0, 0, 1}, uint16(80), byte(2))
	f.Add(netip.MustParseAddr("::ffff:127.0.0.1").AsSlice(), uint16(5000), byte(4))
	f.Add(netip.MustParseAddr("64:ff9b::7f00:1").AsSlice(), uint16(5000), byte(1))
	f.Fuzz(func(t *testing.T, ipBytes []byte, port uint16, flags byte) {
		ip, ok := netip.AddrFromSlice(ipBytes)
		if !ok {
			return
		}
		listed := netip.MustParseAddrPort("127.0.0.1:5000")
		p := peerPolicy{allowed: []netip.AddrPort{listed}, loopback: flags&1 != 0, private: flags&2 != 0, only: flags&4 != 0}
		p.addHost(listed.Addr())
		got := p.check(ip)
		if mapped := netip.AddrFrom16(ip.Unmap().As16()); ip.Unmap().Is4() && p.check(mapped) != got {
			t.Fatalf("check(%s) = %q but check(%s) = %q", ip, got, mapped, p.check(mapped))
		}
		switch classify(ip) {
		case classUnspecified, classMulticast, classReserved:
			if got == classPublic {
				t.Fatalf("check(%s) opened a %s address", ip, classify(ip))
			}
		}
		if got != classPublic {
			return
		}
		ap := netip.AddrPortFrom(ip, port)
		if p.only && ip.Unmap() != listed.Addr() {
			t.Fatalf("only allowed peers, yet %s is open", ip)
		}
		if ip.Unmap() == listed.Addr() && (p.checkPort(ap) == classPublic) != (port == listed.Port()) {
			t.Fatalf("checkPort(%s) = %q: the allowed address is open at its port only", ap, p.checkPort(ap))
		}
	})
}
