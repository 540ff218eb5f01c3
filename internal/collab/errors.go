package collab

import "github.com/interviewdesk/interviewdesk/internal/fault"

// Every error this package returns is a fault.Problem whose text can be shown
// to the member as it is; errors.Is finds the sentinel below it.
var (
	// ErrStale means the push was made on an older version: other updates were
	// accepted first. Its text is the protocol's ack error, "stale".
	ErrStale = fault.New(fault.Conflict, "stale")
	// ErrVersion means a version the document never had (ahead of it).
	ErrVersion = fault.New(fault.Invalid, "no such version")
	// ErrSnapshotNeeded means the updates asked for cannot be sent (no longer
	// kept, or a version ahead of the document): send a snapshot instead.
	ErrSnapshotNeeded = fault.New(fault.Conflict, "snapshot needed")
	// ErrChanges means change set JSON that is malformed or does not fit the
	// document.
	ErrChanges = fault.New(fault.Invalid, "invalid changes")
	// ErrText means a text's JSON that is not a valid JSON string.
	ErrText = fault.New(fault.Invalid, "invalid text")
	// ErrUpdate means an update or a push breaks a rule other than its
	// changes' shape (client ID, number of updates).
	ErrUpdate = fault.New(fault.Invalid, "invalid update")
	// ErrTooLong means the document would outgrow MaxDocLen.
	ErrTooLong = fault.New(fault.Invalid, "document too long")
	// ErrLanguage means a language ID outside Languages.
	ErrLanguage = fault.New(fault.Invalid, "unknown language")
	// ErrElement means a whiteboard element that is malformed or not allowed.
	ErrElement = fault.New(fault.Invalid, "invalid element")
	// ErrBoardFull means the board would outgrow MaxBoardElements or
	// MaxBoardBytes.
	ErrBoardFull = fault.New(fault.Invalid, "whiteboard full")
)

// problem is a Problem of sentinel's kind over sentinel, with text.
func problem(sentinel error, text string) error {
	return fault.Explain(fault.KindOf(sentinel), sentinel, text)
}
