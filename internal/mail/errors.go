package mail

import (
	"errors"

	"github.com/interviewdesk/interviewdesk/internal/store"
)

var (
	// ErrInvalid means settings or a message cannot be used as given; the error
	// also wraps validation.Errors naming the fields.
	ErrInvalid = errors.New("invalid")
	// ErrNotConfigured means no SMTP server is set up yet.
	ErrNotConfigured = errors.New("email is not set up: enter an SMTP server in the email settings")
	// ErrPermanent marks a delivery failure that retrying cannot fix, such as a
	// 5xx reply. A Sender wraps it; the outbox then stops retrying.
	ErrPermanent = errors.New("permanent delivery failure")
	// ErrNotFound means no outbox entry has the ID.
	ErrNotFound = store.ErrNotFound
	// ErrConflict means the entry's state does not allow the change, e.g.
	// resending a message that is still queued.
	ErrConflict = errors.New("conflict")
	// ErrStarted means Start was called twice.
	ErrStarted = errors.New("outbox worker already started")
)
