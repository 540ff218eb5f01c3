package store

import "github.com/interviewdesk/interviewdesk/internal/fault"

var (
	// ErrLocked means another process holds the data file.
	ErrLocked = fault.New(fault.Unavailable, "the data file is in use by another process (is another InterviewDesk running?)")
	// ErrTooNew means the file was written by a newer InterviewDesk.
	ErrTooNew = fault.New(fault.Unavailable, "the data file was written by a newer version of InterviewDesk")
	// ErrDamaged means the data file exists but cannot be used as it is: empty,
	// cut off, or with damaged pages. Its message says what to do; the file
	// is left untouched.
	ErrDamaged = fault.New(fault.Unavailable, "the data file is damaged")
	// ErrNotFound means the key is not in the bucket.
	ErrNotFound = fault.New(fault.NotFound, "not found")
)
