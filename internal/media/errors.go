package media

import "errors"

// Sentinel errors. Callers match them with errors.Is; the returned errors wrap
// them with context.
var (
	// ErrInvalid reports a bad argument: an empty or unusable ID, a malformed
	// signaling message, a Config that cannot work.
	ErrInvalid = errors.New("invalid")
	// ErrNotStarted reports a call that needs Start first.
	ErrNotStarted = errors.New("media host not started")
	// ErrClosed reports a call on a host, room or participant that was closed.
	ErrClosed = errors.New("closed")
	// ErrRoomFull reports a Join beyond Config.MaxParticipants.
	ErrRoomFull = errors.New("room is full")
	// ErrNegotiation reports an SDP offer or answer that could not be applied.
	ErrNegotiation = errors.New("negotiation failed")
	// ErrFinalise reports a recording that could not be remuxed or probed.
	ErrFinalise = errors.New("finalise recording")
)
