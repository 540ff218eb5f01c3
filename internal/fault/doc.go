// Package fault gives errors a kind — invalid, not found, conflict, permission,
// unavailable — so the faces (the HTTP API, the room channel, the CLI) decide
// how to answer from the kind alone, without knowing every package's sentinels.
//
// A package declares its sentinels with New, naming the kind once:
//
//	var ErrConflict = fault.New(fault.Conflict, "conflict")
//
// and wraps them with context as usual (fmt.Errorf("reschedule %s: %w", id,
// ErrConflict)). KindOf finds the kind of the innermost marked error in the
// chain. Message gives a person-facing text for errors that carry one.
//
// The kinds follow upspin's error kinds.
package fault
