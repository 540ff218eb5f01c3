package interviews

import (
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

var (
	// ErrNotFound means no interview (or link) has the ID (or token).
	ErrNotFound = store.ErrNotFound
	// ErrConflict means the change does not fit the interview's state, e.g.
	// rescheduling a cancelled interview.
	ErrConflict = fault.New(fault.Conflict, "conflict")
)

// conflict is an ErrConflict whose message a person can act on.
func conflict(text string) error { return fault.Explain(fault.Conflict, ErrConflict, text) }
