// Package timeline tells what happened in an interview's room, in order: who
// joined, left or reconnected, the candidate's consent, the lock, the start,
// topics covered, the technical part with each question's time on screen (its
// rephrasing, skip, rating and comment), notes, the finish stage and the end.
//
// # Basics
//
// Build turns the room's event log and the state it produced into Rows;
// ForOrganizer does so for the organizer's view of the state, which is what the
// console, the CLI and reports show. The functions are pure: they take the
// interview, its events and its state, read no store and no clock, and return
// the same rows for the same input.
//
// Rows are data, not text: times are instants (RFC 3339 on the wire),
// durations are milliseconds, people are a name and a role. Each face writes
// them in its own words, locale and time zone: the console in the browser's,
// the CLI in the terminal's.
//
// # Caveats
//
// Rows are built for one interviewer's view (room.ForInterviewer): before the
// interview ends, other interviewers' notes are not in the view and so not in
// the timeline. Whoever builds a timeline from a state picks the view first.
//
// A leave followed by a return of the same person within Options.ReconnectWithin
// is one "reconnected" row; a return within MinAbsence (a page reload, a
// connection handed over) is no row at all. The candidate's consent is asked on
// every join: repeats of the same answers by the same person are counted on the
// first consent's row, not shown again.
package timeline
