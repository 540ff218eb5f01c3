package livekit

import "github.com/interviewdesk/interviewdesk/internal/fault"

// Sentinel errors, each with its kind (package fault).
var (
	// ErrInvalid reports a Config that cannot work or a bad argument.
	ErrInvalid = fault.New(fault.Invalid, "invalid")
	// ErrExpired reports a join after the participant's access ended.
	ErrExpired = fault.New(fault.Conflict, "access to the call has ended")
	// ErrServer reports a LiveKit server that refused or did not answer.
	ErrServer = fault.New(fault.Unavailable, "LiveKit server")
)
