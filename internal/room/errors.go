package room

import "github.com/interviewdesk/interviewdesk/internal/fault"

var (
	// ErrRejected means an event does not fit the interview's state; nothing changed.
	ErrRejected = fault.New(fault.Conflict, "rejected")
	// ErrForbidden means the actor may not cause this event (e.g. a candidate
	// trying an interviewer action).
	ErrForbidden = fault.New(fault.Permission, "not allowed for this participant")
)
