package room

import "errors"

var (
	// ErrRejected means an event does not fit the interview's state; nothing changed.
	ErrRejected = errors.New("rejected")
	// ErrForbidden means the actor may not cause this event (e.g. a candidate
	// trying an interviewer action).
	ErrForbidden = errors.New("not allowed for this participant")
)
