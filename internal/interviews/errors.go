package interviews

import (
	"errors"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

var (
	// ErrNotFound means no interview (or link) has the ID (or token).
	ErrNotFound = store.ErrNotFound
	// ErrConflict means the change does not fit the interview's state, e.g.
	// rescheduling a cancelled interview.
	ErrConflict = errors.New("conflict")
)
