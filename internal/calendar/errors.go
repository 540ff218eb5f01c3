package calendar

import "github.com/interviewdesk/interviewdesk/internal/fault"

// ErrInvalid means the event cannot be written as given; the error also wraps
// validation.Errors naming the fields.
var ErrInvalid = fault.New(fault.Invalid, "invalid calendar event")
