package score

import "github.com/interviewdesk/interviewdesk/internal/fault"

// ErrNothingExpected is returned for an input with neither an expected answer
// nor key points: there is nothing to score against.
var ErrNothingExpected = fault.New(fault.Invalid, "the question has neither an expected answer nor key points to score against")

// ErrChatUnavailable is returned when the chat-completions endpoint cannot be
// reached or answers with an HTTP error.
var ErrChatUnavailable = fault.New(fault.Unavailable, "the chat-completions endpoint is unavailable")

// ErrChatReply is returned when the model's reply is not the JSON verdict it
// was asked for.
var ErrChatReply = fault.New(fault.Unavailable, "the model's reply is not the verdict asked for")
