package media

import "github.com/interviewdesk/interviewdesk/internal/fault"

// Sentinel errors, each with its kind (package fault). Callers match them with
// errors.Is; the returned errors wrap them with context.
var (
	// ErrInvalid reports a bad argument: an empty or unusable ID, a malformed
	// signaling message, a Config that cannot work.
	ErrInvalid = fault.New(fault.Invalid, "invalid")
	// ErrNotStarted reports a call that needs Start first.
	ErrNotStarted = fault.New(fault.Unavailable, "media host not started")
	// ErrRecordOnly reports a Join on an SFU that only records (no ICE socket).
	ErrRecordOnly = fault.New(fault.Unavailable, "this media host only records")
	// ErrClosed reports a call on a host, room or participant that was closed.
	ErrClosed = fault.New(fault.Unavailable, "closed")
	// ErrRoomFull reports a Join beyond Config.MaxParticipants.
	ErrRoomFull = fault.New(fault.Conflict, "room is full")
	// ErrNegotiation reports an SDP offer or answer that could not be applied.
	ErrNegotiation = fault.New(fault.Invalid, "negotiation failed")
	// ErrFinalise reports a recording that could not be remuxed or probed.
	ErrFinalise = fault.New(fault.Other, "finalise recording")
)
