package templates

import (
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

var (
	// ErrNotFound means no template has the ID.
	ErrNotFound = store.ErrNotFound
	// ErrBadFile means an import file is not a template file at all.
	ErrBadFile = fault.New(fault.Invalid, "not an InterviewDesk template file")
)
