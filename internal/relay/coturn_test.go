package relay

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// startCoturn runs Debian's coturn on 127.0.0.1 in TURN REST mode
// (--use-auth-secret) with secret; make test (scripts/deps.sh) installs coturn.
func startCoturn(t *testing.T, secret string) netip.AddrPort {
	t.Helper()
	if testing.Short() {
		t.Skip("starts coturn")
	}
	bin, err := exec.LookPath("turnserver")
	if err != nil {
		t.Fatal("coturn is not installed: apt-get install coturn (make test installs it)")
	}
	probe := listenUDP(t) // a free port for coturn's UDP and TCP listeners
	port := probe.LocalAddr().(*net.UDPAddr).Port
	_ = probe.Close()
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "-n", "--no-cli", "--no-tls", "--no-dtls", "--no-rfc5780",
		"-L", "127.0.0.1", "--relay-ip", "127.0.0.1", "-p", fmt.Sprint(port),
		"--use-auth-secret", "--static-auth-secret="+secret, "--realm", DefaultRealm,
		"--allow-loopback-peers", "--db", filepath.Join(dir, "turndb"),
		"--log-file", filepath.Join(dir, "turn.log"), "--simple-log", "--no-stdout-log",
		"--pidfile", filepath.Join(dir, "turn.pid"))
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("start coturn: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
	})
	return netip.AddrPortFrom(netip.MustParseAddr("127.0.0.1"), uint16(port))
}

// Credentials issued here work with coturn run with the same secret
// (--use-auth-secret --static-auth-secret), so a host can point browsers at an
// external coturn; expired ones and other secrets are refused there too.
func TestCoturnAcceptsCredentials(t *testing.T) {
	const secret = "coturn-shared-secret"
	coturn := Addrs{UDP: net.UDPAddrFromAddrPort(startCoturn(t, secret))}

	now := time.Now()
	var c *client
	var err error
	waitUntil(t, 5*time.Second, "coturn to allocate with our credentials", func() bool { // it is starting up
		c, err = allocate(t, coturn, "udp", GenerateCredentials(secret, "candidate", now, time.Hour))
		return err == nil
	})
	roundTrip(t, c, listenUDP(t))

	for name, creds := range map[string]Credentials{
		"expired":      GenerateCredentials(secret, "candidate", now.Add(-2*time.Hour), time.Hour),
		"other secret": GenerateCredentials("not-"+secret, "candidate", now, time.Hour),
	} {
		if _, err := allocate(t, coturn, "udp", creds); err == nil {
			t.Errorf("%s credentials: coturn allocated, want a refusal", name)
		}
	}
}
