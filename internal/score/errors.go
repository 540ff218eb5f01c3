package score

import "github.com/interviewdesk/interviewdesk/internal/fault"

// ErrNothingExpected is returned for an input with neither an expected answer
// nor key points: there is nothing to score against.
var ErrNothingExpected = fault.New(fault.Invalid, "the question has neither an expected answer nor key points to score against")
