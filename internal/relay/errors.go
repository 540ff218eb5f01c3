package relay

import "errors"

var (
	// ErrInvalidConfig means Config cannot describe a working relay, e.g. no
	// secret, no listener, or a TLS listener without a certificate.
	ErrInvalidConfig = errors.New("invalid relay config")
	// ErrInvalidCredentials means a TURN username or password does not verify:
	// malformed, or signed with another secret.
	ErrInvalidCredentials = errors.New("invalid TURN credentials")
	// ErrExpiredCredentials means a TURN username's expiry time has passed.
	ErrExpiredCredentials = errors.New("expired TURN credentials")
	// ErrPeerRefused means the relay refuses to relay to a peer address
	// (loopback, private, link-local, ... and not allowed by Config).
	ErrPeerRefused = errors.New("peer address refused")
	// ErrClosed means the server was closed, or Start was called twice.
	ErrClosed = errors.New("relay closed")
)
