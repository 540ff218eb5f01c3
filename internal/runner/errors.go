package runner

import "github.com/interviewdesk/interviewdesk/internal/fault"

// Sentinels. Errors from a Client wrap one of them in a fault.Problem whose
// text names the runner's address and what to check.
var (
	// ErrNotConfigured means no runner address is set.
	ErrNotConfigured = fault.New(fault.Conflict, "no code runner is set up")
	// ErrBadURL means the address is not an http or https URL.
	ErrBadURL = fault.New(fault.Invalid, "not a code runner address")
	// ErrUnknownLanguage means the language is not one a runner can run
	// (plain text, or no editor language at all).
	ErrUnknownLanguage = fault.New(fault.Invalid, "no remote runtime for this language")
	// ErrUnreachable means the runner did not answer (refused, name unknown,
	// TLS failed, timed out).
	ErrUnreachable = fault.New(fault.Unavailable, "the code runner did not answer")
	// ErrRefused means the runner answered with an error status.
	ErrRefused = fault.New(fault.Unavailable, "the code runner refused the request")
	// ErrNoRuntime means the runner has no runtime for the language.
	ErrNoRuntime = fault.New(fault.Unavailable, "the code runner has no runtime for the language")
	// ErrBadAnswer means the answer is not Piston's (wrong address, a web
	// page, an answer too large).
	ErrBadAnswer = fault.New(fault.Unavailable, "the code runner's answer is not a Piston answer")
)
