package mixdown

import "github.com/interviewdesk/interviewdesk/internal/fault"

// Sentinel errors, each with its kind (package fault). Build wraps them with
// context; callers match them with errors.Is.
var (
	// ErrInvalid reports an Input that cannot be built: no tracks, a track
	// without a file, kind or start time, an unknown layout.
	ErrInvalid = fault.New(fault.Invalid, "invalid mixdown input")
	// ErrNoFFmpeg reports that ffmpeg is not installed.
	ErrNoFFmpeg = fault.New(fault.Unavailable, "ffmpeg not installed")
	// ErrFFmpeg reports an ffmpeg run that failed; the error carries the last
	// lines ffmpeg printed.
	ErrFFmpeg = fault.New(fault.Other, "ffmpeg failed")
)
