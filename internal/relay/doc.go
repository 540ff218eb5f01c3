// Package relay is InterviewDesk's embedded TURN server (RFC 8656), built on
// pion/turn v5. It lets a browser behind NAT or a strict firewall reach the
// host's media peer: over UDP, over TCP, and over TLS (TURN over TLS can share
// the HTTPS certificate, so networks that only let 443 out still work).
//
// # Basics
//
// A Server is made with New and runs between Start and Close. It listens on the
// addresses in Config, or serves sockets the caller opened itself
// (Config.UDPConn, Config.TCPListener, Config.TLSListener). Like
// http.Server.Serve, the Server closes those sockets when it closes.
//
// Credentials are short-lived and need no per-user state: they follow the TURN
// REST API draft (draft-uberti-behave-turn-rest-00). The username is
// "<expiry unix seconds>:<user>" and the password is
// base64(HMAC-SHA1(secret, username)); the server recomputes the password from
// the shared secret and refuses expired usernames. Server.Credentials issues
// them with the server's URLs; GenerateCredentials and VerifyCredentials do the
// same without a Server, for a host that points browsers at a remote relay or
// at coturn run with --use-auth-secret --static-auth-secret=SECRET.
//
// Peer permissions (CreatePermission, ChannelBind, Connect) are filtered.
// An address is classified first: unspecified (which on Linux reaches this
// host), multicast and reserved peers are never opened. Config.AllowedPeers
// names transport addresses (IP and port), e.g. the host's SFU socket; their
// IPs, and the relay's own, are reachable at those ports only, never as a
// whole host. With Config.OnlyAllowedPeers nothing else is reachable: the
// host's relay serves its SFU and no other peer. Otherwise the relay refuses
// peers on loopback, private (RFC 1918, fc00::/7), carrier-grade NAT
// (100.64.0.0/10) and link-local addresses unless Config opens their class,
// so the relay is never a way into the network it runs in. Refusals are
// logged at Warn with the requesting user. TCP allocations (RFC 6062), which
// could Connect to any TCP service, are refused unless Config.AllowTCPRelay.
//
// Config.Authorize scopes credentials to something that ends: it is asked
// about the user of every authenticated request, and Server.Revoke ends a
// user's open allocations at once (their relay sockets close).
//
// Refusals are logged at a bounded rate; Stats returns cheap atomic counters
// (allocations, packets and bytes relayed, refusals) for the console and for
// benchmarks.
//
// pion/turn does the TURN protocol: authentication, allocations, permissions,
// channel bindings and their lifetimes. On top of it, the server keeps a copy
// of the channel bindings of clients on the UDP listener (from pion's events)
// and relays their ChannelData itself, in both directions, without per-packet
// parsing, logging, locking or allocation, and in batches: one system call
// reads every datagram waiting on a socket (recvmmsg), and a run of datagrams
// to one destination leaves in one call (sendmmsg), cut into datagrams by the
// kernel only at the end (UDP segmentation offload). Everything else still
// goes through pion. Under coturn's load tool the relay uses about half of
// coturn's CPU per relayed packet (scripts/turn-bench.sh compares them).
//
// # Caveats
//
//   - TURN permissions are per IP address (RFC 8656 §9), not per port: the
//     relay checks the port of every datagram itself (both ways) and drops
//     those to or from a port of an allowed address it does not name.
//   - Link-local addresses (169.254.0.0/16 holds cloud metadata services) are
//     not opened by AllowPrivatePeers; only Config.AllowedPeers opens them.
//   - Credentials expire mid-call if the TTL is shorter than the call: a
//     refresh with an expired username fails and the allocation ends.
//   - Batched reads and writes and segmentation are Linux's; elsewhere the
//     fast path moves one datagram per system call.
//   - The kernel caps socket buffers at net.core.rmem_max and wmem_max (often
//     208 KiB) unless the process has CAP_NET_ADMIN; the server logs when its
//     UDP listener gets less than it asked for. On a busy host raise them
//     (sysctl net.core.rmem_max=4194304 net.core.wmem_max=4194304).
//   - Relay statistics cover UDP relaying; TCP relay allocations (RFC 6062),
//     when allowed, are relayed but not counted, and Revoke leaves them to
//     end at their next refresh (which Authorize refuses).
//
// See https://www.rfc-editor.org/rfc/rfc8656 (TURN) and
// https://datatracker.ietf.org/doc/html/draft-uberti-behave-turn-rest-00.
package relay
