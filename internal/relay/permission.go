package relay

import (
	"net/netip"
)

// peerClass names why an address is special; "" is an ordinary public address.
type peerClass string

const (
	classPublic      peerClass = ""
	classLoopback    peerClass = "loopback"
	classPrivate     peerClass = "private"
	classCGNAT       peerClass = "carrier-grade NAT"
	classLinkLocal   peerClass = "link-local"
	classUnspecified peerClass = "unspecified"
	classMulticast   peerClass = "multicast"
	classReserved    peerClass = "reserved"
	classInvalid     peerClass = "invalid"
)

// specialPrefixes are checked in order; the first match classifies an address.
// 0.0.0.0/8 counts as unspecified: on Linux, sending to it reaches this host.
var specialPrefixes = []struct {
	prefix netip.Prefix
	class  peerClass
}{
	{netip.MustParsePrefix("0.0.0.0/8"), classUnspecified},
	{netip.MustParsePrefix("127.0.0.0/8"), classLoopback},
	{netip.MustParsePrefix("10.0.0.0/8"), classPrivate},
	{netip.MustParsePrefix("172.16.0.0/12"), classPrivate},
	{netip.MustParsePrefix("192.168.0.0/16"), classPrivate},
	{netip.MustParsePrefix("100.64.0.0/10"), classCGNAT},
	{netip.MustParsePrefix("169.254.0.0/16"), classLinkLocal},
	{netip.MustParsePrefix("224.0.0.0/4"), classMulticast},
	{netip.MustParsePrefix("240.0.0.0/4"), classReserved}, // includes 255.255.255.255
	{netip.MustParsePrefix("::/128"), classUnspecified},
	{netip.MustParsePrefix("::1/128"), classLoopback},
	{netip.MustParsePrefix("fc00::/7"), classPrivate},
	{netip.MustParsePrefix("fec0::/10"), classPrivate}, // deprecated site-local
	{netip.MustParsePrefix("fe80::/10"), classLinkLocal},
	{netip.MustParsePrefix("ff00::/8"), classMulticast},
}

// nat64 is the well-known NAT64 prefix (RFC 6052): 64:ff9b::a.b.c.d reaches
// a.b.c.d through a NAT64 gateway, so it is classified as a.b.c.d.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// classify tells whether ip is a special-purpose address and which kind.
func classify(ip netip.Addr) peerClass {
	if !ip.IsValid() {
		return classInvalid
	}
	ip = ip.Unmap().WithZone("")
	if ip.Is6() && nat64.Contains(ip) {
		b := ip.As16()
		ip = netip.AddrFrom4([4]byte(b[12:]))
	}
	for _, p := range specialPrefixes {
		if p.prefix.Contains(ip) {
			return p.class
		}
	}
	return classPublic
}

// peerPolicy decides which peer addresses the relay may send to.
type peerPolicy struct {
	allowed  []netip.Prefix
	loopback bool
	private  bool
}

// check returns "" when the relay may reach ip, or the reason it may not.
func (p peerPolicy) check(ip netip.Addr) peerClass {
	ip = ip.Unmap().WithZone("")
	for _, pfx := range p.allowed {
		if pfx.Contains(ip) {
			return classPublic
		}
	}
	switch c := classify(ip); c {
	case classLoopback:
		if p.loopback {
			return classPublic
		}
		return c
	case classPrivate, classCGNAT:
		if p.private {
			return classPublic
		}
		return c
	default:
		return c
	}
}
