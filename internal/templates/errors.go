package templates

import (
	"errors"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

var (
	// ErrNotFound means no template has the ID.
	ErrNotFound = store.ErrNotFound
	// ErrBadFile means an import file is not a template file at all.
	ErrBadFile = errors.New("not an InterviewDesk template file")
)
