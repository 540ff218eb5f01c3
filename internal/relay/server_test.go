package relay

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pion/turn/v5"
	"go.uber.org/goleak"
)

const testSecret = "test-shared-secret"

var transports = []string{"udp", "tcp", "tls"}

// syncBuffer is a log sink that the server's goroutines may write to while
// the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func listenUDP(t testing.TB) net.PacketConn {
	t.Helper()
	c, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func listenTCP(t testing.TB) net.Listener {
	t.Helper()
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = l.Close() })
	return l
}

// testCert is a self-signed certificate for 127.0.0.1, made once per run.
var testCert = sync.OnceValues(func() (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "relay test"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, nil
})

func serverTLS(t testing.TB) *tls.Config {
	t.Helper()
	cert, err := testCert()
	if err != nil {
		t.Fatal(err)
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
}

func clientTLS(t testing.TB) *tls.Config {
	t.Helper()
	cert, err := testCert()
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert.Leaf)
	return &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
}

// startServer starts a relay on caller-owned loopback sockets for UDP, TCP
// and TLS; tune adjusts the config first. Logs go to the returned buffer,
// which a failed test prints.
func startServer(t *testing.T, tune func(*Config)) (*Server, *syncBuffer) {
	t.Helper()
	cfg := Config{
		Secret:      testSecret,
		UDPConn:     listenUDP(t),
		TCPListener: listenTCP(t),
		TLSListener: listenTCP(t),
		TLSConfig:   serverTLS(t),
	}
	if tune != nil {
		tune(&cfg)
	}
	logs := &syncBuffer{}
	srv, err := New(cfg, slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		if t.Failed() {
			t.Log(logs.String())
		}
	})
	return srv, logs
}

// client is a pion TURN client with its transport and, once allocated, its
// relayed address.
type client struct {
	turn  *turn.Client
	conn  net.PacketConn
	relay net.PacketConn
}

func (c *client) close() {
	if c.relay != nil {
		_ = c.relay.Close()
	}
	c.turn.Close()
	_ = c.conn.Close()
}

// allocate connects a pion client to the server at addrs over transport
// ("udp", "tcp" or "tls") with creds and allocates a relayed UDP address.
func allocate(t testing.TB, addrs Addrs, transport string, creds Credentials) (*client, error) {
	t.Helper()
	c := dial(t, addrs, transport, creds)
	var err error
	c.relay, err = c.turn.Allocate()
	return c, err
}

// dial connects a pion client to the server at addrs over transport with
// creds, without allocating.
func dial(t testing.TB, addrs Addrs, transport string, creds Credentials) *client {
	t.Helper()
	var (
		conn net.PacketConn
		addr string
	)
	switch transport {
	case "udp":
		conn, addr = listenUDP(t), addrs.UDP.String()
	case "tcp":
		addr = addrs.TCP.String()
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		conn = turn.NewSTUNConn(c)
	case "tls":
		addr = addrs.TLS.String()
		c, err := tls.DialWithDialer(&net.Dialer{Timeout: time.Second}, "tcp", addr, clientTLS(t))
		if err != nil {
			t.Fatal(err)
		}
		conn = turn.NewSTUNConn(c)
	default:
		t.Fatalf("unknown transport %q", transport)
	}
	tc, err := turn.NewClient(&turn.ClientConfig{
		STUNServerAddr: addr,
		TURNServerAddr: addr,
		Conn:           conn,
		Username:       creds.Username,
		Password:       creds.Password,
		Realm:          DefaultRealm,
		RTO:            50 * time.Millisecond,
		LoggerFactory:  pionLogger{log: slog.New(slog.DiscardHandler)},
	})
	if err != nil {
		t.Fatal(err)
	}
	c := &client{turn: tc, conn: conn}
	t.Cleanup(c.close)
	if err := tc.Listen(); err != nil {
		t.Fatal(err)
	}
	return c
}

// Test payloads are longer than 4 bytes: pion's STUNConn (TURN over TCP)
// waits for 9 buffered bytes before it parses a frame, so an 8-byte
// ChannelData frame stalls until the next one arrives. Real media packets are
// never that small.
const (
	ping = "ping from the client"
	pong = "pong from the peer"
)

// roundTrip sends ping from the client through the relay to peer and pong
// back, and fails the test unless both arrive.
func roundTrip(t *testing.T, c *client, peer net.PacketConn) {
	t.Helper()
	if _, err := c.relay.WriteTo([]byte(ping), peer.LocalAddr()); err != nil {
		t.Fatalf("relay WriteTo peer: %v", err)
	}
	buf := make([]byte, 1500)
	_ = peer.SetReadDeadline(time.Now().Add(3 * time.Second))
	n, from, err := peer.ReadFrom(buf)
	if err != nil || string(buf[:n]) != ping {
		t.Fatalf("peer read = %q, %v; want %q", buf[:n], err, ping)
	}
	if from.String() != c.relay.LocalAddr().String() {
		t.Errorf("peer got ping from %s, want the relayed address %s", from, c.relay.LocalAddr())
	}
	if _, err := peer.WriteTo([]byte(pong), from); err != nil {
		t.Fatal(err)
	}
	_ = c.relay.SetReadDeadline(time.Now().Add(3 * time.Second))
	n, from, err = c.relay.ReadFrom(buf)
	if err != nil || string(buf[:n]) != pong {
		t.Fatalf("client read = %q, %v; want %q", buf[:n], err, pong)
	}
	if from.String() != peer.LocalAddr().String() {
		t.Errorf("client got pong from %s, want the peer %s", from, peer.LocalAddr())
	}
}

func TestRelayRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		tune func(*Config)
	}{
		{"AllowLoopbackPeers", func(c *Config) { c.AllowLoopbackPeers = true }},
		{"relay port range", func(c *Config) { c.AllowLoopbackPeers = true; c.MinPort, c.MaxPort = 42000, 42999 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := startServer(t, tt.tune)
			for i, transport := range transports {
				t.Run(transport, func(t *testing.T) {
					c, err := allocate(t, srv.Addrs(), transport, srv.Credentials("alice", time.Now()))
					if err != nil {
						t.Fatalf("Allocate: %v", err)
					}
					relayed := c.relay.LocalAddr().(*net.UDPAddr)
					if !relayed.IP.Equal(net.IPv4(127, 0, 0, 1)) {
						t.Errorf("relayed address %s, want 127.0.0.1 (the RelayIP)", relayed)
					}
					if srv.cfg.MinPort != 0 && (relayed.Port < int(srv.cfg.MinPort) || relayed.Port > int(srv.cfg.MaxPort)) {
						t.Errorf("relayed port %d outside %d-%d", relayed.Port, srv.cfg.MinPort, srv.cfg.MaxPort)
					}
					roundTrip(t, c, listenUDP(t))

					// A counter moves just after its socket call returns, so
					// the test may see the reply first.
					rounds := uint64(i + 1)
					waitFor(t, "packet counters", func() bool {
						st := srv.Stats()
						return st.PacketsToPeers >= rounds && st.PacketsFromPeers >= rounds &&
							st.BytesToPeers >= rounds*uint64(len(ping)) && st.BytesFromPeers >= rounds*uint64(len(pong))
					})
					if st := srv.Stats(); st.Allocations != 1 || st.AllocationsTotal != int64(i+1) {
						t.Errorf("Allocations, AllocationsTotal = %d, %d; want 1, %d", st.Allocations, st.AllocationsTotal, i+1)
					}
					c.close()
					waitFor(t, "allocation to end", func() bool { return srv.Stats().Allocations == 0 })
				})
			}
		})
	}
}

func TestRelayRefusesPeers(t *testing.T) {
	tests := []struct {
		name   string
		tune   func(*Config)
		peer   string // "" = a real UDP socket on 127.0.0.1
		reason string // "" = pion refuses before asking the permission handler
	}{
		{"loopback by default", nil, "", "loopback"},
		{"private 10.0.0.1", nil, "10.0.0.1:5000", "private"},
		{"private 192.168.1.1 with only loopback allowed", func(c *Config) { c.AllowLoopbackPeers = true }, "192.168.1.1:5000", "private"},
		{"carrier-grade NAT", nil, "100.64.0.1:5000", "carrier-grade NAT"},
		{"cloud metadata with private allowed", func(c *Config) { c.AllowPrivatePeers = true }, "169.254.169.254:80", "link-local"},
		{"unspecified with everything allowed", func(c *Config) { c.AllowPrivatePeers, c.AllowLoopbackPeers = true, true }, "0.0.0.0:5000", "unspecified"},
		{"multicast", nil, "239.255.255.250:1900", "multicast"},
		{"IPv6 loopback from an IPv4 allocation", nil, "[::1]:5000", ""},
		{"neighbour of an allow-listed address", func(c *Config) {
			c.AllowedPeers = []netip.AddrPort{netip.MustParseAddrPort("10.0.0.2:5000")}
		}, "10.0.0.1:5000", "private"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, logs := startServer(t, tt.tune)
			c, err := allocate(t, srv.Addrs(), "udp", srv.Credentials("mallory", time.Now()))
			if err != nil {
				t.Fatalf("Allocate: %v", err)
			}
			var peer net.PacketConn
			var peerAddr net.Addr
			if tt.peer == "" {
				peer = listenUDP(t)
				peerAddr = peer.LocalAddr()
			} else {
				peerAddr = net.UDPAddrFromAddrPort(netip.MustParseAddrPort(tt.peer))
			}
			if _, err := c.relay.WriteTo([]byte(ping), peerAddr); err == nil {
				t.Errorf("WriteTo %s: no error, want the permission refused", peerAddr)
			}
			if peer != nil {
				_ = peer.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
				if n, from, err := peer.ReadFrom(make([]byte, 1500)); err == nil {
					t.Errorf("peer received %d bytes from %s through a refused relay", n, from)
				}
			}
			if st := srv.Stats(); st.PacketsToPeers != 0 {
				t.Errorf("PacketsToPeers = %d, want 0: nothing may leave the relay", st.PacketsToPeers)
			}
			if tt.reason == "" {
				return
			}
			if st := srv.Stats(); st.PermissionsRefused == 0 {
				t.Errorf("PermissionsRefused = 0, want > 0")
			}
			out := logs.String()
			if want := `level=WARN msg="relay: refused peer" user=mallory`; !strings.Contains(out, want) {
				t.Errorf("log lacks %q:\n%s", want, out)
			}
			if !strings.Contains(out, "reason="+tt.reason) && !strings.Contains(out, `reason="`+tt.reason+`"`) {
				t.Errorf("log lacks reason %q:\n%s", tt.reason, out)
			}
		})
	}
}

func TestAllocateRejectsBadCredentials(t *testing.T) {
	now := time.Now()
	tests := []struct {
		name  string
		creds Credentials
	}{
		{"expired", GenerateCredentials(testSecret, "alice", now.Add(-13*time.Hour), 12*time.Hour)},
		{"wrong secret", GenerateCredentials("not-the-secret", "alice", now, time.Hour)},
		{"no expiry in username", Credentials{Username: "alice", Password: restPassword(testSecret, "alice")}},
		{"password of another user", func() Credentials {
			c := GenerateCredentials(testSecret, "alice", now, time.Hour)
			c.Password = GenerateCredentials(testSecret, "bob", now, time.Hour).Password
			return c
		}()},
	}
	srv, _ := startServer(t, func(c *Config) { c.AllowLoopbackPeers = true })
	for i, tt := range tests {
		for _, transport := range []string{"udp", "tcp"} {
			t.Run(tt.name+"/"+transport, func(t *testing.T) {
				if _, err := allocate(t, srv.Addrs(), transport, tt.creds); err == nil {
					t.Fatal("Allocate succeeded, want it refused")
				}
				if st := srv.Stats(); st.AllocationsTotal != 0 || st.AuthFailures < uint64(i+1) {
					t.Errorf("AllocationsTotal, AuthFailures = %d, %d; want 0, >=%d", st.AllocationsTotal, st.AuthFailures, i+1)
				}
			})
		}
	}
}

// The server's clock decides expiry: credentials issued for a TTL stop
// working once the clock passes it.
func TestCredentialsExpireOnServerClock(t *testing.T) {
	clock := time.Now()
	var mu sync.Mutex
	srv, _ := startServer(t, func(c *Config) {
		c.AllowLoopbackPeers = true
		c.CredentialTTL = time.Minute
		c.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	})
	creds := srv.Credentials("alice", clock)
	if _, err := allocate(t, srv.Addrs(), "udp", creds); err != nil {
		t.Fatalf("fresh credentials: %v", err)
	}
	mu.Lock()
	clock = clock.Add(2 * time.Minute)
	mu.Unlock()
	if _, err := allocate(t, srv.Addrs(), "udp", creds); err == nil {
		t.Fatal("Allocate with credentials past their TTL succeeded")
	}
}

func TestCredentialsURLs(t *testing.T) {
	srv, _ := startServer(t, nil)
	a := srv.Addrs()
	port := func(addr net.Addr) string { return fmt.Sprint(portOf(addr)) }
	creds := srv.Credentials("alice", time.Now())
	want := []string{
		"turn:127.0.0.1:" + port(a.UDP) + "?transport=udp",
		"turn:127.0.0.1:" + port(a.TCP) + "?transport=tcp",
		"turns:127.0.0.1:" + port(a.TLS) + "?transport=tcp",
	}
	if fmt.Sprint(creds.URLs) != fmt.Sprint(want) {
		t.Errorf("URLs = %q, want %q", creds.URLs, want)
	}
	if _, err := VerifyCredentials(testSecret, creds.Username, creds.Password, time.Now()); err != nil {
		t.Errorf("VerifyCredentials(issued credentials): %v", err)
	}
	if creds.TTL != DefaultCredentialTTL {
		t.Errorf("TTL = %s, want %s", creds.TTL, DefaultCredentialTTL)
	}

	host, _ := startServer(t, func(c *Config) { c.URLHost = "turn.example.com"; c.TCPListener, c.TLSListener = nil, nil })
	if got := host.Credentials("a", time.Now()).URLs; len(got) != 1 || !strings.HasPrefix(got[0], "turn:turn.example.com:") {
		t.Errorf("URLs with URLHost = %q", got)
	}
	fixed := []string{"turns:turn.example.com:443?transport=tcp"}
	over, _ := startServer(t, func(c *Config) { c.URLs = fixed })
	if got := over.Credentials("a", time.Now()).URLs; fmt.Sprint(got) != fmt.Sprint(fixed) {
		t.Errorf("URLs with Config.URLs = %q, want %q", got, fixed)
	}
}

func TestStartListensOnAddresses(t *testing.T) {
	srv, err := New(Config{Secret: testSecret, UDPAddr: "127.0.0.1:0", TCPAddr: "127.0.0.1:0",
		TLSAddr: "127.0.0.1:0", TLSConfig: serverTLS(t), AllowLoopbackPeers: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if err := srv.Start(context.Background()); !errors.Is(err, ErrClosed) {
		t.Errorf("second Start: err = %v, want ErrClosed", err)
	}
	for _, transport := range transports {
		c, err := allocate(t, srv.Addrs(), transport, srv.Credentials("alice", time.Now()))
		if err != nil {
			t.Fatalf("%s: Allocate: %v", transport, err)
		}
		roundTrip(t, c, listenUDP(t))
	}
}

func TestStartFailsOnBusyPort(t *testing.T) {
	busy := listenUDP(t)
	srv, err := New(Config{Secret: testSecret, UDPAddr: busy.LocalAddr().String(), TCPAddr: "127.0.0.1:0"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(context.Background()); err == nil {
		srv.Close()
		t.Fatal("Start on a busy UDP port succeeded")
	}
	if err := srv.Close(); err != nil {
		t.Errorf("Close after failed Start: %v", err)
	}
}

func TestStartFailsWhenRelayCannotBind(t *testing.T) {
	srv, err := New(Config{Secret: testSecret, UDPAddr: "127.0.0.1:0",
		RelayBindIP: netip.MustParseAddr("192.0.2.1")}, nil) // TEST-NET-1: not on this host
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(context.Background()); err == nil {
		srv.Close()
		t.Fatal("Start with an unbindable RelayBindIP succeeded")
	}
}

// Close ends live allocations and client connections, closes caller-owned
// sockets, and leaves no goroutine behind.
func TestCloseLeavesNothingRunning(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())

	udp, tcp, tlsLn := listenUDP(t), listenTCP(t), listenTCP(t)
	srv, err := New(Config{Secret: testSecret, UDPConn: udp, TCPListener: tcp, TLSListener: tlsLn,
		TLSConfig: serverTLS(t), AllowLoopbackPeers: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := srv.Start(ctx); err != nil {
		t.Fatal(err)
	}
	peer, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer peer.Close()
	var clients []*client
	for _, transport := range transports {
		c, err := allocate(t, srv.Addrs(), transport, srv.Credentials("alice", time.Now()))
		if err != nil {
			t.Fatalf("%s: Allocate: %v", transport, err)
		}
		roundTrip(t, c, peer)
		clients = append(clients, c)
	}
	// The UDP client leaves cleanly; the TCP and TLS ones stay connected.
	clients[0].close()
	waitFor(t, "UDP allocation to end", func() bool { return srv.Stats().Allocations == 2 })

	start := time.Now()
	if err := srv.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Close took %s", d)
	}
	if st := srv.Stats(); st.Allocations != 0 {
		t.Errorf("Allocations after Close = %d, want 0", st.Allocations)
	}
	if err := srv.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := udp.WriteTo([]byte{0}, peer.LocalAddr()); !errors.Is(err, net.ErrClosed) {
		t.Errorf("caller's UDP socket after Close: err = %v, want net.ErrClosed", err)
	}
	if _, err := tcp.Accept(); !errors.Is(err, net.ErrClosed) {
		t.Errorf("caller's TCP listener after Close: err = %v, want net.ErrClosed", err)
	}
	for _, c := range clients[1:] {
		c.close()
	}
}

func TestStartContextBoundsOnlyTheStart(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	udp := listenUDP(t)
	srv, err := New(Config{Secret: testSecret, UDPConn: udp}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if err := srv.Start(ctx); err != nil {
		t.Fatal(err)
	}
	cancel()
	// Still serving: the socket stays open until Close.
	if _, err := udp.WriteTo([]byte{0}, udp.LocalAddr()); err != nil {
		t.Fatalf("socket closed by cancelling Start's context: %v", err)
	}
	if err := srv.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	waitFor(t, "the UDP socket to close", func() bool {
		_, err := udp.WriteTo([]byte{0}, udp.LocalAddr())
		return errors.Is(err, net.ErrClosed)
	})
}

func TestCloseWithoutStartClosesSockets(t *testing.T) {
	udp := listenUDP(t)
	srv, err := New(Config{Secret: testSecret, UDPConn: udp}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(context.Background()); !errors.Is(err, ErrClosed) {
		t.Errorf("Start after Close: err = %v, want ErrClosed", err)
	}
	if _, err := udp.WriteTo([]byte{0}, udp.LocalAddr()); !errors.Is(err, net.ErrClosed) {
		t.Errorf("UDP socket after Close: err = %v, want net.ErrClosed", err)
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	waitUntil(t, 3*time.Second, what, cond)
}

// waitUntil polls cond until it holds or timeout passes.
func waitUntil(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(5 * time.Millisecond) // the polling interval
	}
}
