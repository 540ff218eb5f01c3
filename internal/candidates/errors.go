package candidates

import (
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

var (
	// ErrNotFound means no candidate (or take-home result) has the ID or email.
	ErrNotFound = store.ErrNotFound
	// ErrConflict means the change does not fit, e.g. an email address
	// another candidate has.
	ErrConflict = fault.New(fault.Conflict, "conflict")
)

func conflict(text string) error { return fault.Explain(fault.Conflict, ErrConflict, text) }
