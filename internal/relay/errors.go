package relay

import "github.com/interviewdesk/interviewdesk/internal/fault"

var (
	// ErrInvalidConfig means Config cannot describe a working relay, e.g. no
	// secret, no listener, or a TLS listener without a certificate.
	ErrInvalidConfig = fault.New(fault.Invalid, "invalid relay config")
	// ErrInvalidCredentials means a TURN username or password does not verify:
	// malformed, or signed with another secret.
	ErrInvalidCredentials = fault.New(fault.Permission, "invalid TURN credentials")
	// ErrExpiredCredentials means a TURN username's expiry time has passed.
	ErrExpiredCredentials = fault.New(fault.Permission, "expired TURN credentials")
	// ErrPeerRefused means the relay refuses to relay to a peer address
	// (loopback, private, link-local, ... and not allowed by Config).
	ErrPeerRefused = fault.New(fault.Permission, "peer address refused")
	// ErrClosed means the server was closed, or Start was called twice.
	ErrClosed = fault.New(fault.Unavailable, "relay closed")
)
