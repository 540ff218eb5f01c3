package privacy

import "github.com/interviewdesk/interviewdesk/internal/fault"

var (
	// ErrNotOver means the interview is live or still to come, so it cannot
	// be deleted.
	ErrNotOver = fault.New(fault.Conflict, "the interview is not over")
	// ErrNoCandidate means no interview has a candidate with that email.
	ErrNoCandidate = fault.New(fault.NotFound, "no interview has a candidate with this email")
	// ErrRetention means retention settings out of range.
	ErrRetention = fault.New(fault.Invalid, "retention settings out of range")
)
