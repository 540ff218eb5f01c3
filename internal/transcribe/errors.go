package transcribe

import "github.com/interviewdesk/interviewdesk/internal/fault"

// Sentinel errors, each with its kind (package fault). Returned errors wrap
// them with context; match them with errors.Is.
var (
	// ErrInvalid reports a bad argument: an unreadable or wrongly shaped WAV
	// file, an empty URL, a track without a start time.
	ErrInvalid = fault.New(fault.Invalid, "invalid")
	// ErrLanguage reports a language the engine has no model for.
	ErrLanguage = fault.New(fault.Invalid, "language not supported by this engine")
	// ErrMissing reports a program or model that is not installed; the
	// wrapping error names the Debian package that provides it.
	ErrMissing = fault.New(fault.Unavailable, "not installed")
	// ErrEngine reports an engine that ran but failed: a tool exiting with an
	// error, a server answering with an error or an unreadable answer.
	ErrEngine = fault.New(fault.Unavailable, "transcription engine failed")
)
