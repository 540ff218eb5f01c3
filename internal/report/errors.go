package report

import "github.com/interviewdesk/interviewdesk/internal/fault"

// ErrNotEnded refuses the report of an interview still going on.
var ErrNotEnded = fault.New(fault.Conflict, "the report is ready once the interview has ended")
