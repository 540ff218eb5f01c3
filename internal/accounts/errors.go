package accounts

import "github.com/interviewdesk/interviewdesk/internal/fault"

var (
	// ErrNotFound means no account has the ID or email.
	ErrNotFound = fault.New(fault.NotFound, "account not found")
	// ErrExists means another account already has the email.
	ErrExists = fault.New(fault.Conflict, "an account with this email exists")
	// ErrLinkNotValid means a password link is unknown, used or expired.
	ErrLinkNotValid = fault.New(fault.NotFound, "password link not valid")
	// ErrWrongPassword means the email and password do not fit an account
	// (which of the two is never told).
	ErrWrongPassword = fault.New(fault.Permission, "wrong email or password")
	// ErrNoSession means a session token is unknown, ended or expired.
	ErrNoSession = fault.New(fault.Permission, "not signed in")
	// ErrTooMany means too many tries from one address or on one account.
	ErrTooMany = fault.New(fault.Unavailable, "too many tries")
	// ErrNoMail means email is not set up, so no link can be mailed.
	ErrNoMail = fault.New(fault.Conflict, "email is not set up")
	// ErrHasPassword means the account already chose a password, so it gets
	// no setup link (a reset link instead).
	ErrHasPassword = fault.New(fault.Conflict, "the account has a password")
)
