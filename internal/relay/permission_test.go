package relay

import (
	"net/netip"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		ip   string
		want peerClass
	}{
		{"8.8.8.8", classPublic},
		{"2001:4860:4860::8888", classPublic},
		{"127.0.0.1", classLoopback},
		{"127.255.0.9", classLoopback},
		{"::1", classLoopback},
		{"::ffff:127.0.0.1", classLoopback},
		{"10.0.0.1", classPrivate},
		{"172.16.5.4", classPrivate},
		{"172.31.255.255", classPrivate},
		{"172.32.0.1", classPublic},
		{"192.168.1.10", classPrivate},
		{"::ffff:192.168.1.10", classPrivate},
		{"fd12:3456::1", classPrivate},
		{"fc00::1", classPrivate},
		{"100.64.0.1", classCGNAT},
		{"100.127.255.254", classCGNAT},
		{"100.128.0.1", classPublic},
		{"169.254.169.254", classLinkLocal},
		{"fe80::1", classLinkLocal},
		{"fe80::1%eth0", classLinkLocal},
		{"0.0.0.0", classUnspecified},
		{"0.1.2.3", classUnspecified},
		{"::", classUnspecified},
		{"224.0.0.251", classMulticast},
		{"239.255.255.250", classMulticast},
		{"ff02::fb", classMulticast},
		{"255.255.255.255", classReserved},
		{"64:ff9b::a00:1", classPrivate},       // NAT64 of 10.0.0.1
		{"64:ff9b::808:808", classPublic},      // NAT64 of 8.8.8.8
		{"64:ff9b::7f00:1", classLoopback},     // NAT64 of 127.0.0.1
		{"64:ff9b::a9fe:a9fe", classLinkLocal}, // NAT64 of 169.254.169.254
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			if got := classify(netip.MustParseAddr(tt.ip)); got != tt.want {
				t.Errorf("classify(%s) = %q, want %q", tt.ip, got, tt.want)
			}
		})
	}
	if got := classify(netip.Addr{}); got != classInvalid {
		t.Errorf("classify(zero Addr) = %q, want %q", got, classInvalid)
	}
}

func TestPeerPolicy(t *testing.T) {
	allowList := []netip.AddrPort{netip.MustParseAddrPort("10.1.2.3:5000"), netip.MustParseAddrPort("169.254.10.20:5000")}
	listed := func(p peerPolicy) peerPolicy {
		p.allowed = allowList
		for _, ap := range allowList {
			p.addHost(ap.Addr())
		}
		return p
	}
	tests := []struct {
		name   string
		policy peerPolicy
		ip     string
		want   peerClass
	}{
		{"public by default", peerPolicy{}, "203.0.113.7", classPublic},
		{"loopback by default", peerPolicy{}, "127.0.0.1", classLoopback},
		{"private by default", peerPolicy{}, "10.0.0.1", classPrivate},
		{"CGNAT by default", peerPolicy{}, "100.64.1.1", classCGNAT},
		{"loopback allowed", peerPolicy{loopback: true}, "127.0.0.1", classPublic},
		{"loopback flag keeps private closed", peerPolicy{loopback: true}, "192.168.0.1", classPrivate},
		{"private allowed", peerPolicy{private: true}, "192.168.0.1", classPublic},
		{"private flag opens CGNAT", peerPolicy{private: true}, "100.64.1.1", classPublic},
		{"private flag keeps loopback closed", peerPolicy{private: true}, "127.0.0.1", classLoopback},
		{"private flag keeps link-local closed", peerPolicy{private: true}, "169.254.169.254", classLinkLocal},
		{"flags never open unspecified", peerPolicy{private: true, loopback: true}, "0.0.0.0", classUnspecified},
		{"flags never open multicast", peerPolicy{private: true, loopback: true}, "224.0.0.1", classMulticast},
		{"allow-listed address", listed(peerPolicy{}), "10.1.2.3", classPublic},
		{"allow-listed mapped address", listed(peerPolicy{}), "::ffff:10.1.2.3", classPublic},
		{"neighbour of allow-listed", listed(peerPolicy{}), "10.1.2.4", classPrivate},
		{"allow-listed link-local", listed(peerPolicy{}), "169.254.10.20", classPublic},
		{"only allowed: a public peer", listed(peerPolicy{only: true}), "203.0.113.7", classNotListed},
		{"only allowed: loopback despite the flag", listed(peerPolicy{only: true, loopback: true}), "127.0.0.1", classNotListed},
		{"only allowed: unspecified is classified first", listed(peerPolicy{only: true}), "0.0.0.0", classUnspecified},
		{"the relay's own public address", peerPolicy{host: []netip.Addr{netip.MustParseAddr("203.0.113.7")}}, "203.0.113.7", classHost},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.policy.check(netip.MustParseAddr(tt.ip)); got != tt.want {
				t.Errorf("check(%s) = %q, want %q", tt.ip, got, tt.want)
			}
		})
	}
}

// An allowed address is opened at its port only: TURN permissions are per
// IP, so every datagram's port is checked.
func TestPeerPolicyPorts(t *testing.T) {
	p := peerPolicy{allowed: []netip.AddrPort{netip.MustParseAddrPort("127.0.0.1:5000")}, loopback: true}
	only := p
	only.only = true
	tests := []struct {
		name   string
		policy peerPolicy
		peer   string
		want   peerClass
	}{
		{"the allowed transport address", p, "127.0.0.1:5000", classPublic},
		{"as an IPv4-mapped address", p, "[::ffff:127.0.0.1]:5000", classPublic},
		{"another port of the allowed address", p, "127.0.0.1:8080", classNotListed},
		{"another loopback address, opened by the flag", p, "127.0.0.2:8080", classPublic},
		{"only allowed: another address", only, "127.0.0.2:5000", classNotListed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.policy.checkPort(netip.MustParseAddrPort(tt.peer)); got != tt.want {
				t.Errorf("checkPort(%s) = %q, want %q", tt.peer, got, tt.want)
			}
		})
	}
}
