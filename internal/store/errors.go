package store

import "errors"

var (
	// ErrLocked means another process holds the data file.
	ErrLocked = errors.New("the data file is in use by another process (is another InterviewDesk running?)")
	// ErrTooNew means the file was written by a newer InterviewDesk.
	ErrTooNew = errors.New("the data file was written by a newer version of InterviewDesk")
	// ErrNotFound means the key is not in the bucket.
	ErrNotFound = errors.New("not found")
)
