package relay

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/netip"
	"time"
)

// DefaultRealm is the TURN realm when Config.Realm is empty.
const DefaultRealm = "interviewdesk"

// Config describes a relay. Each transport is served from an address to
// listen on (UDPAddr, TCPAddr, TLSAddr) or from a socket the caller opened
// (UDPConn, TCPListener, TLSListener) — not both. At least one is required.
type Config struct {
	// Realm is the TURN realm; DefaultRealm when empty.
	Realm string
	// Secret is the TURN REST shared secret that signs credentials. The host
	// generates it (e.g. 32 random bytes, base64) and stores it. Required.
	Secret string
	// CredentialTTL is how long Server.Credentials' credentials stay valid;
	// DefaultCredentialTTL when zero.
	CredentialTTL time.Duration

	// UDPAddr, TCPAddr and TLSAddr are listen addresses such as
	// "127.0.0.1:3478" or ":3478"; port 0 picks a free port.
	UDPAddr string
	TCPAddr string
	TLSAddr string
	// UDPConn, TCPListener and TLSListener are caller-opened sockets to serve
	// instead. Their socket options are left alone, but for UDPConn's buffers,
	// which the server enlarges as for a socket it opens (bursts from every
	// client meet there). TLSListener is a plain TCP listener: the server does
	// the TLS. The server closes them on Close.
	UDPConn     net.PacketConn
	TCPListener net.Listener
	TLSListener net.Listener
	// TLSConfig is required with TLSAddr or TLSListener, e.g. the HTTPS
	// server's config so both share a certificate.
	TLSConfig *tls.Config

	// RelayIP is the address written into allocations: the relay's public IP.
	// Default: the listen IP; required when listening on all interfaces.
	RelayIP netip.Addr
	// RelayBindIP is the local address relay sockets bind to; it differs from
	// RelayIP behind 1:1 NAT (cloud VMs). Default: the listen IP when it is
	// specific, else RelayIP.
	RelayBindIP netip.Addr
	// MinPort and MaxPort bound the relay sockets' ports (inclusive). Both
	// zero: any free port.
	MinPort, MaxPort uint16

	// URLHost is the host name put into URLs ("turn.example.com"), which for
	// turns: must match the certificate. Default: RelayIP.
	URLHost string
	// URLs, when set, replace the URLs derived from URLHost and the listeners
	// (e.g. behind port forwarding).
	URLs []string

	// AllowedPeers are the transport addresses (IP and port) the relay may
	// always send to, even loopback, private or link-local ones: the host's
	// own media sockets. Their IPs are opened at these ports only, never as a
	// whole host; unspecified, multicast and reserved addresses are refused.
	AllowedPeers []netip.AddrPort
	// OnlyAllowedPeers refuses every peer but AllowedPeers: a relay that
	// serves one SFU (the host's) and nothing else.
	OnlyAllowedPeers bool
	// AllowLoopbackPeers opens 127.0.0.0/8 and ::1 (tests, same-machine host).
	AllowLoopbackPeers bool
	// AllowPrivatePeers opens RFC 1918, fc00::/7 and 100.64.0.0/10 peers
	// (a relay for a LAN). Link-local stays closed.
	AllowPrivatePeers bool
	// AllowTCPRelay grants TCP allocations (RFC 6062: the relay opens TCP
	// connections to peers). Browsers never ask for them; refused unless set.
	AllowTCPRelay bool

	// Authorize, when set, is asked about the user of every authenticated
	// request (the username's part after the expiry time), after the
	// credentials verified: an error refuses them. With Server.Revoke it
	// scopes credentials to something that can end, e.g. an interview.
	Authorize func(user string) error

	// Now is the clock that expires credentials; time.Now when nil.
	Now func() time.Time
}

// withDefaults fills defaults and checks cfg.
func (cfg Config) withDefaults() (Config, error) {
	bad := func(format string, args ...any) (Config, error) {
		return Config{}, fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), ErrInvalidConfig)
	}
	if cfg.Secret == "" {
		return bad("no shared secret")
	}
	if cfg.Realm == "" {
		cfg.Realm = DefaultRealm
	}
	if cfg.CredentialTTL < 0 {
		return bad("negative credential TTL %s", cfg.CredentialTTL)
	}
	if cfg.CredentialTTL == 0 {
		cfg.CredentialTTL = DefaultCredentialTTL
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	switch {
	case cfg.UDPAddr != "" && cfg.UDPConn != nil:
		return bad("both UDPAddr and UDPConn set")
	case cfg.TCPAddr != "" && cfg.TCPListener != nil:
		return bad("both TCPAddr and TCPListener set")
	case cfg.TLSAddr != "" && cfg.TLSListener != nil:
		return bad("both TLSAddr and TLSListener set")
	case (cfg.TLSAddr != "" || cfg.TLSListener != nil) && cfg.TLSConfig == nil:
		return bad("TLS listener without TLSConfig")
	}
	listenIPs, err := cfg.listenIPs()
	if err != nil {
		return Config{}, err
	}
	if len(listenIPs) == 0 {
		return bad("no UDP, TCP or TLS listener")
	}
	if (cfg.MinPort == 0) != (cfg.MaxPort == 0) || cfg.MinPort > cfg.MaxPort {
		return bad("relay port range %d-%d", cfg.MinPort, cfg.MaxPort)
	}

	listenIP := listenIPs[0]
	if !cfg.RelayIP.IsValid() {
		if listenIP.IsUnspecified() {
			return bad("RelayIP (the public address) is required when listening on all interfaces")
		}
		cfg.RelayIP = listenIP
	}
	cfg.RelayIP = cfg.RelayIP.Unmap()
	if cfg.RelayIP.IsUnspecified() {
		return bad("RelayIP %s is unspecified", cfg.RelayIP)
	}
	if !cfg.RelayBindIP.IsValid() {
		cfg.RelayBindIP = cfg.RelayIP
		if !listenIP.IsUnspecified() {
			cfg.RelayBindIP = listenIP
		}
	}
	cfg.RelayBindIP = cfg.RelayBindIP.Unmap()

	allowed := make([]netip.AddrPort, 0, len(cfg.AllowedPeers))
	for _, ap := range cfg.AllowedPeers {
		ip := ap.Addr().Unmap().WithZone("")
		switch classify(ip) {
		case classUnspecified, classMulticast, classReserved, classInvalid:
			return bad("allowed peer %v: %s", ap, classify(ip))
		}
		if ap.Port() == 0 {
			return bad("allowed peer %v: no port (allow the media socket's address, not the whole host)", ap)
		}
		allowed = append(allowed, netip.AddrPortFrom(ip, ap.Port()))
	}
	cfg.AllowedPeers = allowed
	if cfg.OnlyAllowedPeers && len(allowed) == 0 {
		return bad("OnlyAllowedPeers without AllowedPeers")
	}
	return cfg, nil
}

// listenIPs returns the IPs of the configured listeners, in the order UDP,
// TCP, TLS.
func (cfg Config) listenIPs() ([]netip.Addr, error) {
	var ips []netip.Addr
	for _, l := range []struct {
		name string
		addr string
		sock net.Addr
	}{
		{"UDPAddr", cfg.UDPAddr, connAddr(cfg.UDPConn)},
		{"TCPAddr", cfg.TCPAddr, listenerAddr(cfg.TCPListener)},
		{"TLSAddr", cfg.TLSAddr, listenerAddr(cfg.TLSListener)},
	} {
		switch {
		case l.sock != nil:
			ap, err := netip.ParseAddrPort(l.sock.String())
			if err != nil {
				return nil, fmt.Errorf("socket address %s: %w", l.sock, ErrInvalidConfig)
			}
			ips = append(ips, ap.Addr().Unmap())
		case l.addr != "":
			host, _, err := net.SplitHostPort(l.addr)
			if err != nil {
				return nil, fmt.Errorf("%s %q: %w", l.name, l.addr, ErrInvalidConfig)
			}
			ip := netip.IPv4Unspecified()
			if host != "" {
				if ip, err = netip.ParseAddr(host); err != nil {
					return nil, fmt.Errorf("%s %q: host must be an IP address: %w", l.name, l.addr, ErrInvalidConfig)
				}
			}
			ips = append(ips, ip.Unmap())
		}
	}
	return ips, nil
}

func connAddr(c net.PacketConn) net.Addr {
	if c == nil {
		return nil
	}
	return c.LocalAddr()
}

func listenerAddr(l net.Listener) net.Addr {
	if l == nil {
		return nil
	}
	return l.Addr()
}
