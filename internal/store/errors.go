package store

import "github.com/interviewdesk/interviewdesk/internal/fault"

var (
	// ErrLocked means another process holds the data file.
	ErrLocked = fault.New(fault.Unavailable, "the data file is in use by another process (is another InterviewDesk running?)")
	// ErrTooNew means the file was written by a newer InterviewDesk.
	ErrTooNew = fault.New(fault.Unavailable, "the data file was written by a newer version of InterviewDesk")
	// ErrNotFound means the key is not in the bucket.
	ErrNotFound = fault.New(fault.NotFound, "not found")
)
