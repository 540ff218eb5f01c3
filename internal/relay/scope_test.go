package relay

import (
	"errors"
	"net"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"
)

// udpAddrPort is c's local address as an AddrPort.
func udpAddrPort(c net.PacketConn) netip.AddrPort {
	return c.LocalAddr().(*net.UDPAddr).AddrPort()
}

// refusedSilently sends ping through c to peer and checks that the relay
// refused it and peer heard nothing.
func refusedSilently(t *testing.T, srv *Server, c *client, peer net.PacketConn) {
	t.Helper()
	before := srv.Stats().PermissionsRefused
	_, _ = c.relay.WriteTo([]byte(ping), peer.LocalAddr()) // an error means the permission was refused
	waitFor(t, "the relay to refuse "+peer.LocalAddr().String(), func() bool { return srv.Stats().PermissionsRefused > before })
	_ = peer.SetReadDeadline(time.Now()) // whatever was relayed has arrived by now
	if n, from, err := peer.ReadFrom(make([]byte, 1500)); err == nil {
		t.Fatalf("peer %s received %d bytes from %s through a refused relay", peer.LocalAddr(), n, from)
	}
}

// A relay for one SFU reaches the SFU's transport address, and neither
// another port of the same host nor anything else, over every transport.
func TestRelayReachesOnlyTheAllowedTransportAddress(t *testing.T) {
	sfu, neighbour := listenUDP(t), listenUDP(t) // both on 127.0.0.1
	srv, logs := startServer(t, func(c *Config) {
		c.AllowedPeers = []netip.AddrPort{udpAddrPort(sfu)}
		c.OnlyAllowedPeers = true
		c.AllowLoopbackPeers = true // the allow-list narrows even an opened class
	})
	for _, transport := range transports {
		t.Run(transport, func(t *testing.T) {
			c, err := allocate(t, srv.Addrs(), transport, srv.Credentials("alice", time.Now()))
			if err != nil {
				t.Fatalf("Allocate: %v", err)
			}
			roundTrip(t, c, sfu)
			refusedSilently(t, srv, c, neighbour)
			// The neighbour cannot talk to the client either, though its IP
			// has a permission.
			if _, err := neighbour.WriteTo([]byte(pong), c.relay.LocalAddr()); err != nil {
				t.Fatal(err)
			}
			roundTrip(t, c, sfu) // arrives after the neighbour's datagram, had it been relayed
			c.close()
		})
	}
	if out := logs.String(); !strings.Contains(out, `reason="not the host's media address"`) {
		t.Errorf("log lacks the refusal's reason:\n%s", out)
	}
}

func TestRelayTCPAllocations(t *testing.T) {
	for _, allow := range []bool{false, true} {
		srv, _ := startServer(t, func(c *Config) { c.AllowLoopbackPeers, c.AllowTCPRelay = true, allow })
		c := dial(t, srv.Addrs(), "tcp", srv.Credentials("alice", time.Now()))
		alloc, err := c.turn.AllocateTCP()
		if allow && err != nil {
			t.Errorf("AllowTCPRelay: AllocateTCP: %v", err)
		}
		if !allow && err == nil {
			t.Error("AllocateTCP granted without AllowTCPRelay")
		}
		if alloc != nil {
			_ = alloc.Close()
		}
	}
}

// Revoke ends a user's allocations at once, and Authorize keeps their
// credentials from allocating again.
func TestRevokeEndsAllocationsAtOnce(t *testing.T) {
	var (
		mu      sync.Mutex
		revoked = map[string]bool{}
	)
	errRevoked := errors.New("revoked")
	srv, _ := startServer(t, func(c *Config) {
		c.AllowLoopbackPeers = true
		c.Authorize = func(user string) error {
			mu.Lock()
			defer mu.Unlock()
			if revoked[strings.SplitN(user, "/", 2)[0]] {
				return errRevoked
			}
			return nil
		}
	})
	peer := listenUDP(t)
	alice, err := allocate(t, srv.Addrs(), "udp", srv.Credentials("iv1/alice", time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	bobCreds := srv.Credentials("iv2/bob", time.Now())
	bob, err := allocate(t, srv.Addrs(), "udp", bobCreds)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, alice, peer)
	roundTrip(t, bob, peer)

	mu.Lock()
	revoked["iv2"] = true
	mu.Unlock()
	if n := srv.Revoke(func(user string) bool { return strings.HasPrefix(user, "iv2/") }); n != 1 {
		t.Fatalf("Revoke ended %d allocations, want 1", n)
	}
	if live := srv.live.Load(); live != 1 {
		t.Errorf("relay sockets open right after Revoke = %d, want 1 (alice's)", live)
	}
	_, _ = bob.relay.WriteTo([]byte(ping), peer.LocalAddr())
	roundTrip(t, alice, peer) // bob's ping would have come first
	waitFor(t, "bob's allocation to end", func() bool { return srv.Stats().Allocations == 1 })
	if _, err := allocate(t, srv.Addrs(), "udp", bobCreds); err == nil {
		t.Error("revoked credentials allocate again")
	}
}

// Credentials scoped to something that ends expire with it.
func TestCredentialsUntil(t *testing.T) {
	srv, _ := startServer(t, nil)
	now := time.Now()
	if c := srv.CredentialsUntil("a", now, now.Add(time.Hour)); c.TTL != time.Hour {
		t.Errorf("TTL until an hour from now = %s, want 1h", c.TTL)
	}
	if c := srv.CredentialsUntil("a", now, now.Add(48*time.Hour)); c.TTL != DefaultCredentialTTL {
		t.Errorf("TTL until after the default = %s, want %s", c.TTL, DefaultCredentialTTL)
	}
	past := srv.CredentialsUntil("a", now, now.Add(-time.Hour))
	if _, err := VerifyCredentials(testSecret, past.Username, past.Password, now.Add(2*time.Second)); !errors.Is(err, ErrExpiredCredentials) {
		t.Errorf("credentials for something already over: %v, want expired", err)
	}
}
