package relay

import (
	"crypto/tls"
	"errors"
	"net/netip"
	"testing"
	"time"
)

func TestConfigInvalid(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
	}{
		{"no secret", Config{UDPAddr: "127.0.0.1:3478"}},
		{"no listener", Config{Secret: "s"}},
		{"address and socket", Config{Secret: "s", UDPAddr: "127.0.0.1:3478", UDPConn: listenUDP(t)}},
		{"TLS without config", Config{Secret: "s", TLSAddr: "127.0.0.1:5349"}},
		{"host name as listen address", Config{Secret: "s", UDPAddr: "localhost:3478"}},
		{"all interfaces without RelayIP", Config{Secret: "s", UDPAddr: ":3478"}},
		{"unspecified RelayIP", Config{Secret: "s", UDPAddr: ":3478", RelayIP: netip.IPv4Unspecified()}},
		{"half a port range", Config{Secret: "s", UDPAddr: "127.0.0.1:3478", MinPort: 50000}},
		{"inverted port range", Config{Secret: "s", UDPAddr: "127.0.0.1:3478", MinPort: 50010, MaxPort: 50000}},
		{"negative TTL", Config{Secret: "s", UDPAddr: "127.0.0.1:3478", CredentialTTL: -time.Hour}},
		{"invalid allowed peer", Config{Secret: "s", UDPAddr: "127.0.0.1:3478", AllowedPeers: []netip.AddrPort{{}}}},
		{"unspecified allowed peer", Config{Secret: "s", UDPAddr: "127.0.0.1:3478", AllowedPeers: []netip.AddrPort{netip.MustParseAddrPort("0.0.0.0:5000")}}},
		{"allowed peer without a port", Config{Secret: "s", UDPAddr: "127.0.0.1:3478", AllowedPeers: []netip.AddrPort{netip.MustParseAddrPort("127.0.0.1:0")}}},
		{"multicast allowed peer", Config{Secret: "s", UDPAddr: "127.0.0.1:3478", AllowedPeers: []netip.AddrPort{netip.MustParseAddrPort("224.0.0.1:5000")}}},
		{"only allowed peers, none allowed", Config{Secret: "s", UDPAddr: "127.0.0.1:3478", OnlyAllowedPeers: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(tt.cfg, nil); !errors.Is(err, ErrInvalidConfig) {
				t.Errorf("New: err = %v, want ErrInvalidConfig", err)
			}
		})
	}
}

func TestConfigDefaults(t *testing.T) {
	tests := []struct {
		name                string
		cfg                 Config
		wantRelay, wantBind string
	}{
		{"loopback listener", Config{UDPAddr: "127.0.0.1:3478"}, "127.0.0.1", "127.0.0.1"},
		{"TCP only", Config{TCPAddr: "127.0.0.2:3478"}, "127.0.0.2", "127.0.0.2"},
		{"all interfaces, public RelayIP", Config{UDPAddr: ":3478", RelayIP: netip.MustParseAddr("203.0.113.5")}, "203.0.113.5", "203.0.113.5"},
		{"behind 1:1 NAT", Config{UDPAddr: "10.0.0.5:3478", RelayIP: netip.MustParseAddr("203.0.113.5")}, "203.0.113.5", "10.0.0.5"},
		{"explicit bind", Config{UDPAddr: ":3478", RelayIP: netip.MustParseAddr("203.0.113.5"), RelayBindIP: netip.MustParseAddr("10.0.0.5")}, "203.0.113.5", "10.0.0.5"},
		{"TLS listener", Config{TLSAddr: "127.0.0.1:5349", TLSConfig: &tls.Config{}}, "127.0.0.1", "127.0.0.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.Secret = "s"
			got, err := tt.cfg.withDefaults()
			if err != nil {
				t.Fatal(err)
			}
			if got.RelayIP.String() != tt.wantRelay || got.RelayBindIP.String() != tt.wantBind {
				t.Errorf("RelayIP, RelayBindIP = %s, %s; want %s, %s", got.RelayIP, got.RelayBindIP, tt.wantRelay, tt.wantBind)
			}
			if got.Realm != DefaultRealm || got.CredentialTTL != DefaultCredentialTTL || got.Now == nil {
				t.Errorf("defaults not filled: realm %q, TTL %s, clock set %v", got.Realm, got.CredentialTTL, got.Now != nil)
			}
		})
	}
}

func TestConfigNormalisesAllowedPeers(t *testing.T) {
	cfg, err := Config{Secret: "s", UDPAddr: "127.0.0.1:0", AllowedPeers: []netip.AddrPort{
		netip.MustParseAddrPort("[::ffff:10.1.2.3]:5000"), netip.MustParseAddrPort("192.168.7.9:6000"),
	}}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"10.1.2.3:5000", "192.168.7.9:6000"}
	for i, p := range cfg.AllowedPeers {
		if p.String() != want[i] {
			t.Errorf("AllowedPeers[%d] = %s, want %s", i, p, want[i])
		}
	}
}
