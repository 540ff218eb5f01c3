package calendar

import "errors"

// ErrInvalid means the event cannot be written as given; the error also wraps
// validation.Errors naming the fields.
var ErrInvalid = errors.New("invalid calendar event")
