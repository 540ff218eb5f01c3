package teamhost

import "github.com/interviewdesk/interviewdesk/internal/fault"

// Sentinels of a connection to a team host. Each reaches the person with a
// message that says what happened and what to do (fault.Explain).
var (
	// ErrAddress: the address is not an https:// URL of a host.
	ErrAddress = fault.New(fault.Invalid, "not a team host address")
	// ErrUnreachable: nothing answered at the address.
	ErrUnreachable = fault.New(fault.Unavailable, "cannot reach the team host")
	// ErrNotInterviewDesk: something answered, but not an InterviewDesk host.
	ErrNotInterviewDesk = fault.New(fault.Invalid, "not an InterviewDesk host")
	// ErrCertificate: the host's certificate is not the pinned one, or not
	// valid for its name.
	ErrCertificate = fault.New(fault.Permission, "the team host's certificate is not the expected one")
	// ErrUnconfirmed: a self-signed certificate has not been confirmed.
	ErrUnconfirmed = fault.New(fault.Conflict, "the team host's certificate is not confirmed")
)
