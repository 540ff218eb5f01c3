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
	// classNotListed is a peer the relay is not configured to reach (with
	// OnlyAllowedPeers), or another port of an allowed address.
	classNotListed peerClass = "not the host's media address"
	// classHost is one of the relay's own addresses, at a port not allowed.
	classHost peerClass = "this host"
	// classTCP is a TCP allocation (RFC 6062), refused unless configured.
	classTCP peerClass = "TCP allocation"
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

// peerPolicy decides which peer transport addresses the relay may send to.
//
// The address's class comes first: unspecified, multicast and reserved
// addresses are never opened, whatever is allowed. An address of the host
// itself (the relay's own IPs, and every IP in allowed) is opened only at
// the ports allowed names, never as a whole host. With only set, nothing
// else is opened; otherwise the flags open loopback or private classes and
// public addresses are open.
type peerPolicy struct {
	allowed  []netip.AddrPort
	host     []netip.Addr // the relay's own addresses and allowed's IPs
	only     bool
	loopback bool
	private  bool
}

func newPeerPolicy(cfg Config) peerPolicy {
	p := peerPolicy{allowed: cfg.AllowedPeers, only: cfg.OnlyAllowedPeers,
		loopback: cfg.AllowLoopbackPeers, private: cfg.AllowPrivatePeers}
	listen, _ := cfg.listenIPs() // checked by withDefaults
	for _, ip := range append([]netip.Addr{cfg.RelayIP, cfg.RelayBindIP}, listen...) {
		p.addHost(ip)
	}
	for _, ap := range cfg.AllowedPeers {
		p.addHost(ap.Addr())
	}
	return p
}

func (p *peerPolicy) addHost(ip netip.Addr) {
	ip = ip.Unmap().WithZone("")
	if !ip.IsValid() || ip.IsUnspecified() || p.isHost(ip) {
		return
	}
	p.host = append(p.host, ip)
}

func (p peerPolicy) isHost(ip netip.Addr) bool {
	for _, h := range p.host {
		if h == ip {
			return true
		}
	}
	return false
}

// listed reports whether ap is one of the allowed transport addresses.
func (p peerPolicy) listed(ap netip.AddrPort) bool {
	for _, a := range p.allowed {
		if a == ap {
			return true
		}
	}
	return false
}

func (p peerPolicy) listedIP(ip netip.Addr) bool {
	for _, a := range p.allowed {
		if a.Addr() == ip {
			return true
		}
	}
	return false
}

// check returns "" when the relay may create a permission for ip (TURN
// permissions are per IP, RFC 8656 §9), or the reason it may not. Ports are
// checked per datagram by checkPort.
func (p peerPolicy) check(ip netip.Addr) peerClass {
	ip = ip.Unmap().WithZone("")
	c := classify(ip)
	switch c {
	case classUnspecified, classMulticast, classReserved, classInvalid:
		return c
	}
	if p.listedIP(ip) {
		return classPublic
	}
	if p.only {
		return classNotListed
	}
	switch c {
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
	case classLinkLocal:
		return c
	}
	if p.isHost(ip) {
		return classHost
	}
	return classPublic
}

// checkPort returns "" when the relay may exchange datagrams with ap, whose
// IP already has a permission, or the reason it may not: an address of the
// host is reachable only at its allowed ports.
func (p peerPolicy) checkPort(ap netip.AddrPort) peerClass {
	ap = unmap(ap)
	ip := ap.Addr().WithZone("")
	ap = netip.AddrPortFrom(ip, ap.Port())
	if p.listed(ap) {
		return classPublic
	}
	if p.listedIP(ip) || p.only {
		return classNotListed
	}
	return classPublic
}
