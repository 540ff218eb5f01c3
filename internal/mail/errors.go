package mail

import (
	"github.com/interviewdesk/interviewdesk/internal/fault"
	"github.com/interviewdesk/interviewdesk/internal/store"
)

var (
	// ErrInvalid means settings or a message cannot be used as given; the error
	// also wraps validation.Errors naming the fields.
	ErrInvalid = fault.New(fault.Invalid, "invalid")
	// ErrNotConfigured means no SMTP server is set up yet.
	ErrNotConfigured = fault.New(fault.Conflict, "email is not set up: enter an SMTP server in the email settings")
	// ErrPermanent marks a delivery failure that retrying cannot fix, such as a
	// 5xx reply: the message or the settings are wrong for the server. A Sender
	// wraps it; the outbox then stops retrying.
	ErrPermanent = fault.New(fault.Invalid, "permanent delivery failure")
	// ErrNotFound means no outbox entry has the ID.
	ErrNotFound = store.ErrNotFound
	// ErrConflict means the entry's state does not allow the change, e.g.
	// resending a message that is still queued.
	ErrConflict = fault.New(fault.Conflict, "conflict")
	// ErrUncomposed means the entry records a message that could not be
	// written: there is nothing to resend.
	ErrUncomposed = fault.New(fault.Conflict, "the message could not be written, so it cannot be resent")
	// ErrForgotten means the entry's text held a one-time secret and was
	// forgotten after delivery: send a fresh one instead of resending it.
	ErrForgotten = fault.New(fault.Conflict, "the message held a one-time link and was forgotten after delivery; send a new link instead")
	// ErrStarted means Start was called twice.
	ErrStarted = fault.New(fault.Conflict, "outbox worker already started")
)
