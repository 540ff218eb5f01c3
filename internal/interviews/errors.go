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

// conflict is an ErrConflict whose message a person can act on.
type conflict string

func (c conflict) Error() string        { return string(c) }
func (c conflict) Is(target error) bool { return target == ErrConflict }
