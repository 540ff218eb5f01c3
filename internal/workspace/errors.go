package workspace

import "github.com/interviewdesk/interviewdesk/internal/fault"

var (
	// ErrToolOff refuses a message for a tool the interview does not use.
	ErrToolOff = fault.New(fault.Conflict, "this room tool is switched off for the interview")
	// ErrNoDoc refuses a document the member may not see or that does not exist.
	ErrNoDoc = fault.New(fault.NotFound, "no such document in this room")
	// ErrCannotRun refuses a run no participant or runner can carry out.
	ErrCannotRun = fault.New(fault.Conflict, "this code cannot run in this room")
	// ErrNoRun refuses a message about a run that is not going on.
	ErrNoRun = fault.New(fault.NotFound, "no such run is going on")
)
