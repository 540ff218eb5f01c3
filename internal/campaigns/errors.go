package campaigns

import (
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

var (
	// ErrNotFound means no campaign has the ID or shared link.
	ErrNotFound = store.ErrNotFound
	// ErrUnavailable means the campaign takes no registrations now: closed,
	// full or past its deadline. Its text says which.
	ErrUnavailable = fault.New(fault.Conflict, "campaign not open")
	// ErrSlotFull means the chosen time has no seat left.
	ErrSlotFull = fault.New(fault.Conflict, "slot full")
	// ErrNotAllowed means the candidate may not change the booking (any more).
	ErrNotAllowed = fault.New(fault.Conflict, "change not allowed")
)

func unavailable(text string) error { return fault.Explain(fault.Conflict, ErrUnavailable, text) }

// errRegistered stops a booking whose address registered meanwhile; the
// caller answers with the existing booking.
var errRegistered = fault.New(fault.Conflict, "already registered")
