package room

import "github.com/interviewdesk/interviewdesk/internal/fault"

var (
	// ErrRejected means an event does not fit the interview's state; nothing changed.
	ErrRejected = fault.New(fault.Conflict, "rejected")
	// ErrForbidden means the actor may not cause this event (e.g. a candidate
	// trying an interviewer action).
	ErrForbidden = fault.New(fault.Permission, "not allowed for this participant")
	// ErrLogFull means the interview's log reached its cap (MaxEvents,
	// MaxLogBytes); only the end is still accepted.
	ErrLogFull = fault.New(fault.Conflict, "the interview's log is full")
	// ErrTooFast means a connection sent more changes than its rate limit
	// (ChangeRate, ChangeBurst); nothing was stored.
	ErrTooFast = fault.New(fault.Unavailable, "too many changes at once")
	// ErrConsentTexts means a candidate's consent names texts other than
	// the ones the host shows now (a page loaded before they changed).
	ErrConsentTexts = fault.New(fault.Invalid, "the consent names other texts than the host shows")
)
