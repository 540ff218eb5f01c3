package analysis

import "github.com/interviewdesk/interviewdesk/internal/fault"

var (
	// ErrNone means the interview has no analysis yet.
	ErrNone = fault.New(fault.NotFound, "this interview has no analysis yet")
	// ErrNotEnded refuses to analyse an interview still going on.
	ErrNotEnded = fault.New(fault.Conflict, "the analysis runs once the interview has ended")
	// ErrBusy refuses a second run while one is queued or running.
	ErrBusy = fault.New(fault.Conflict, "the analysis is already running")
	// ErrNoRecording means the combined recording has not been built.
	ErrNoRecording = fault.New(fault.NotFound, "this interview has no combined recording (yet)")
	// ErrLayout refuses a layout of the combined recording that does not exist.
	ErrLayout = fault.New(fault.Invalid, "the recording's layouts are pip (picture-in-picture) and grid")
	// ErrOverride refuses an override of a question that was not analysed or a score off the scale.
	ErrOverride = fault.New(fault.Invalid, "an override gives an analysed question a score from 0 to 5")
)
